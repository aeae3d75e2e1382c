"""mkdocs-quiz 1.7's HTML, described once for the hooks that work on rendered pages.

No MkDocs events. hooks/shared/term_matcher.py skips quizzes and the progress widgets when it
marks terms, hooks/quiz_assets.py keeps them out of search and places the progress box,
and hooks/print_page.py reads each quiz into a printed question. After upgrading
mkdocs-quiz, compare these with a built quiz page: tests/test_print_page.py and
tests/test_glossary_unit.py hold samples of the markup, and the print edition fails the
build if a quiz no longer reads.
"""

from __future__ import annotations

import re

# one rendered quiz, from its opening tag to the end of its explanation (a pattern, for re.S)
QUIZ_BLOCK = r'<div class="quiz[ "].*?</section>\s*</div>'
# the same, read into its question, its form (choices or blanks) and its explanation
QUIZ_PARTS = re.compile(
    r'<div class="quiz[ "][^>]*>\s*(?:<a [^>]*class="quiz-header-link"[^>]*>#</a>|<p class="quiz-number">.*?</p>)\s*'
    r'<div class="quiz-question"[^>]*>(?P<question>.*?)</div>\s*<form [^>]*>(?P<form>.*?)</form>\s*'
    r'<section class="content hidden"[^>]*>(?P<explanation>.*?)</section>\s*</div>', re.S)
# a question's permalink, where hooks/quiz_assets.py numbers the question and names the link
QUIZ_PERMALINK = re.compile(r'<a href="#(?P<id>[^"]+)" class="quiz-header-link">#</a>')
QUIZ_OPTION = re.compile(r'<input (?P<attrs>[^>]*)><label [^>]*>(?P<text>.*?)</label>', re.S)
QUIZ_BLANK = re.compile(r'<input [^>]*?class="quiz-blank-input"[^>]*?data-answer="([^"]*)"[^>]*>')
# what hooks/quiz_assets.py adds to a blank: every accepted form, as an escaped JSON list
BLANK_ACCEPT = re.compile(r'\bdata-accept="([^"]*)"')
BLANK_SIZE = re.compile(r'\bsize="\d+"')

# The progress widgets, appended to every quiz page: the desktop box, then the mobile bar
# (hooks/quiz_assets.py replaces both by the guide's score line, SCORE_BOX_START).
PROGRESS_BOX_START = '<div id="quiz-progress-sidebar"'
PROGRESS_BAR_START = '<nav id="quiz-progress-mobile"'
PROGRESS_WIDGETS = f"{PROGRESS_BOX_START}.*?{PROGRESS_BAR_START}.*?</nav>"  # a pattern, for re.S
# the guide's score line under the questions, one element with no <div> inside (a pattern, for re.S)
SCORE_BOX_START = '<div id="quiz-score"'
SCORE_BOX = f"{SCORE_BOX_START}.*?</div>"
# mkdocs-quiz's table of its words for its script, a JSON object on one line (group 1)
TRANSLATIONS = re.compile(r"window\.mkdocsQuizTranslations = (\{.*?\});\n")

# Openings of the elements that search leaves out: the question, the form, the explanation,
# and the score line. Each is an element with no descendant of its own tag: Material's
# search parser tells elements apart by tag name only, so excluding an outer <div> would end
# at its first inner </div>. (The score line carries its mark as written.)
SEARCH_EXCLUDED = ('<div class="quiz-question"', '<form action="javascript:void(0);"',
                   '<section class="content hidden"')
