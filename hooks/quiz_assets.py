"""Load mkdocs-quiz's stylesheet and script once, as cached files, and only where needed.

mkdocs-quiz inlines its CSS and JavaScript (about 61 KB decoded) into every page,
quiz or not, so no page can reuse what the browser already has. Events:
- on_files: add its quiz.css and quiz.js to the site as assets/quiz/ files;
- on_page_markdown (before mkdocs-quiz): turn the plugin off on pages without a quiz;
- on_config: read the quiz's words from data/interface.yml (section "quiz");
- on_page_content (after mkdocs-quiz): drop the inlined copies, and link the script;
  mark each quiz and the progress widgets data-search-exclude (search indexes the text
  that teaches, not the questions and their answers); number each question ("Question 2
  of 6", written at build time: nothing moves when the page loads), give its "#" link a
  name, and hand the quiz's words to assets/guide.js; give each blank that accepts several
  forms (`[[follow-up | follow up]]`) its canonical form in data-answer and every accepted
  form in data-accept (a JSON list), which assets/guide.js checks;
- on_post_page: link the stylesheet in <head>, where it does not hold up the page's
  text half-way through (a stylesheet in <body> blocks what follows it); and put the
  progress box above the table of contents, where mkdocs-quiz's script would move it.
The figures are printed by `make bench` (bench/page_weight.py).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from importlib.resources import files as package_files

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs_quiz import plugin as quiz_plugin
from shared import interface_strings
from shared.guide_data import escape_text
from shared.quiz_markup import (BLANK_SIZE, PROGRESS_BAR_START, PROGRESS_BOX_START, QUIZ_BLANK, QUIZ_PERMALINK,
                                SCORE_LINE, SEARCH_EXCLUDED)
from shared.quiz_source import blank_forms

# Search leaves out the quizzes (questions, choices, explanations) and the progress widgets:
# a search should lead to the text that teaches, and the index that every page loads gets
# a quarter lighter (quiz_markup.SEARCH_EXCLUDED says which elements carry the mark).
# mkdocs-quiz's desktop progress box, appended to the page just before its mobile bar
PROGRESS_BOX = re.compile(f"{PROGRESS_BOX_START}.*?(?={PROGRESS_BAR_START})", re.S)
# the progress widgets' "Correct: 0 / 0 (0%)" reads as a score before any answer: a line
# saying there is none yet comes first, and guide.js and guide.css show one or the other
NO_SCORE_YET = '<span class="md-ellipsis guide-no-score">{}</span><span class="md-ellipsis guide-score">'
words: dict[str, str] = {}  # data/interface.yml, section "quiz"
strings_block = ""
ASSETS = {"assets/quiz/quiz.css": ("css", "quiz.css"), "assets/quiz/quiz.js": ("js", "quiz.js")}


def on_config(config):
    global words, strings_block
    strings = interface_strings.load(config)
    words = strings.get("quiz", {})
    strings_block = interface_strings.json_block(strings, "quiz")


def on_files(files, config):
    for dest, (package, name) in ASSETS.items():
        text = (package_files(f"mkdocs_quiz.{package}") / name).read_text(encoding="utf-8")
        files.append(File.generated(config, dest, content=text))
    return files


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    if "<quiz>" not in markdown and "quiz" not in page.meta:
        page.meta["quiz"] = {"enabled": False}
    return markdown


@event_priority(-100)
def on_page_content(html, page, config, files):
    style, script = quiz_plugin.style, quiz_plugin.js_script
    # mkdocs-quiz appends both at the end of the page: look for them from the end
    at_style = html.rfind(style) if style else -1
    if at_style < 0:
        return html
    js = get_relative_url("assets/quiz/quiz.js", page.url)
    page.meta["quiz_stylesheet"] = get_relative_url("assets/quiz/quiz.css", page.url)
    html = html[:at_style] + html[at_style + len(style):]
    at_script = html.rfind(script)
    if at_script >= 0:
        html = html[:at_script] + f'<script src="{js}" defer></script>' + html[at_script + len(script):]
    for opening in SEARCH_EXCLUDED:  # plain replacements (after the 25 KB script is gone): a regex cost more
        html = html.replace(opening, opening + " data-search-exclude")
    no_score = NO_SCORE_YET.format(escape_text(words.get("no_answer_yet", "")))
    return SCORE_LINE.sub(no_score, number_questions(accepted_forms(html))) + strings_block


def accepted_forms(html: str) -> str:
    """Each blank with its canonical form in data-answer and every accepted form in data-accept.

    mkdocs-quiz copies the whole `[[a | b]]` into data-answer and compares the student's text
    with it. Rather than patch its script, the attribute is mended here and assets/guide.js
    adjusts data-answer just before the plugin compares (see "Fill-ins" there): a few lines
    on our side, and the plugin's own feedback, saving and "Try again" keep working."""
    def mended(match: re.Match[str]) -> str:
        forms = blank_forms(html_lib.unescape(match[1]))
        tag = match[0].replace(f'data-answer="{match[1]}"', f'data-answer="{html_lib.escape(forms[0])}" '
                               f'data-accept="{html_lib.escape(json.dumps(forms, ensure_ascii=False))}"', 1)
        return BLANK_SIZE.sub(f'size="{max(5, max(map(len, forms)) + 2)}"', tag, 1)

    return QUIZ_BLANK.sub(mended, html) if "quiz-blank-input" in html else html


def number_questions(html: str) -> str:
    """"Question n of m" above each question, and a name for its "#" link that says where it goes."""
    total = len(QUIZ_PERMALINK.findall(html))
    count = 0

    def numbered(match) -> str:
        nonlocal count
        count += 1
        label = escape_text(_filled(words.get("permalink_label", "{n}"), n=count, m=total))
        number = escape_text(_filled(words.get("question_number", "{n}/{m}"), n=count, m=total))
        return (f'<a href="#{match["id"]}" class="quiz-header-link" aria-label="{label}">#</a>\n'
                f'<p class="quiz-number">{number}</p>')

    return QUIZ_PERMALINK.sub(numbered, html)


def _filled(template: str, **values) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def on_post_page(output, page, config):
    css = page.meta.get("quiz_stylesheet")
    if not css:
        return output
    output = place_progress_box(output)
    return output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)


def place_progress_box(output: str) -> str:
    """Put mkdocs-quiz's progress box where its script would move it, above the table of
    contents, and show it: moved and shown once the page had loaded, it pushed the table
    of contents down (a layout shift). The script leaves a box already in place alone."""
    box = PROGRESS_BOX.search(output)
    sidebar = output.find('<div class="md-sidebar md-sidebar--secondary"')
    toc = output.find('<nav class="md-nav md-nav--secondary"', sidebar) if sidebar >= 0 else -1
    if not box or toc < 0 or toc > box.start():
        return output
    inside = output.index(">", toc) + 1
    shown = box[0].replace(' style="display: none;"', "", 1)
    return output[:inside] + shown + output[inside:box.start()] + output[box.end():]
