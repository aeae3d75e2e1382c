"""Load mkdocs-quiz's stylesheet and script once, as cached files, and only where needed.

mkdocs-quiz inlines its CSS and JavaScript (about 61 KB decoded) into every page,
quiz or not, so no page can reuse what the browser already has. Events:
- on_files: add its quiz.css and quiz.js to the site as assets/quiz/ files;
- on_page_markdown (before mkdocs-quiz): turn the plugin off on pages without a quiz;
- on_config: read the quiz's words from data/interface.yml (section "quiz");
- on_page_content (after mkdocs-quiz): drop the inlined copies, and link the script;
  mark each quiz data-search-exclude (search indexes the text that teaches, not the
  questions and their answers); number each question ("Question 2 of 6", written at build
  time: nothing moves when the page loads), the number being the question's permalink in
  place of mkdocs-quiz's "#" (which read like a hashtag, and which the question's text had
  to wrap around), and hand the quiz's words to assets/guide.js and practice.js; give each
  blank that accepts several forms (`[[follow-up | follow up]]`) its canonical form in
  data-answer and every accepted form in data-accept (a JSON list), which assets/practice.js checks; link
  assets/practice.js (the practice loop: a hint, not the answer, after a wrong first try);
  replace mkdocs-quiz's two progress widgets (a sidebar box and a bar under the questions,
  each counting the latest answers) by one score line under the questions, which
  assets/guide.js fills with the same figure My progress shows (first answers); and put the
  quiz's words of data/interface.yml in place of the plugin's own (sentence case);
- on_post_page: link the stylesheet in <head>, where it does not hold up the page's
  text half-way through (a stylesheet in <body> blocks what follows it).
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
from shared.quiz_markup import (BLANK_SIZE, PROGRESS_WIDGETS, QUIZ_BLANK, QUIZ_PERMALINK, SCORE_BOX_START,
                                SEARCH_EXCLUDED, TRANSLATIONS)
from shared.quiz_source import blank_forms

# Search leaves out the quizzes (questions, choices, explanations) and the score line:
# a search should lead to the text that teaches, and the index that every page loads gets
# a quarter lighter (quiz_markup.SEARCH_EXCLUDED says which elements carry the mark).
WIDGETS = re.compile(PROGRESS_WIDGETS, re.S)
# The page's score, in place of mkdocs-quiz's widgets; its "Reset" is assets/practice.js's.
SCORE_BOX = (SCORE_BOX_START + ' class="quiz-score" data-search-exclude><p><span class="quiz-score-text" '
             'aria-live="polite">{score}</span> <button type="button" class="quiz-score-reset">{reset}</button>'
             '</p></div>')
# mkdocs-quiz's words (its English text, its translation key) -> ours, in data/interface.yml "quiz"
PLUGIN_WORDS = {"Try Again": "try_again", "Correct answer!": "right",
                "Incorrect answer. Please try again.": "wrong_shown", "(empty)": "empty_blank"}
words: dict[str, str] = {}  # data/interface.yml, section "quiz"
strings_block = ""
ASSETS = {"assets/quiz/quiz.css": ("css", "quiz.css"), "assets/quiz/quiz.js": ("js", "quiz.js")}
PRACTICE_SCRIPT = "assets/practice.js"


def on_config(config):
    global words, strings_block
    strings = interface_strings.load(config)
    words = interface_strings.section_words(
        config, "quiz", ("score_empty", "reset_page", "reset_page_confirm", "choose_first", "type_first", "not_quite", "hint_reread",
                         "hint_think", "show_answer", *PLUGIN_WORDS.values()), "are the questions' buttons and messages")
    # the page's score is worded as My progress's rows are (one score, named one way)
    counts = strings.get("progress", {}).get("counts", "")
    strings_block = interface_strings.json_block({"quiz": {**words, "score": counts}}, "quiz")


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
    practice = get_relative_url(PRACTICE_SCRIPT, page.url)
    page.meta["quiz_stylesheet"] = get_relative_url("assets/quiz/quiz.css", page.url)
    html = html[:at_style] + html[at_style + len(style):]
    at_script = html.rfind(script)
    if at_script >= 0:
        html = (html[:at_script] + f'<script src="{js}" defer></script><script src="{practice}" defer></script>'
                + html[at_script + len(script):])
    html = TRANSLATIONS.sub(lambda found: _our_words(found[1]), html, count=1)
    questions = len(QUIZ_PERMALINK.findall(html))
    score = escape_text(_filled(words["score_empty"], total=questions))
    html = WIDGETS.sub(lambda _: SCORE_BOX.format(score=score, reset=escape_text(words["reset_page"])), html, count=1)
    for opening in SEARCH_EXCLUDED:  # plain replacements (after the 25 KB script is gone): a regex cost more
        html = html.replace(opening, opening + " data-search-exclude")
    return number_questions(accepted_forms(html)) + strings_block


def _our_words(plugin_json: str) -> str:
    """mkdocs-quiz's translation table with the guide's words for the ones it shows."""
    table = json.loads(plugin_json)
    table.update({english: words[key] for english, key in PLUGIN_WORDS.items()})
    payload = json.dumps(table, ensure_ascii=False).replace("</", "<\\/")
    return f"window.mkdocsQuizTranslations = {payload};"


def accepted_forms(html: str) -> str:
    """Each blank with its canonical form in data-answer and every accepted form in data-accept.

    mkdocs-quiz copies the whole `[[a | b]]` into data-answer and compares the student's text
    with it. Rather than patch its script, the attribute is mended here and assets/practice.js
    adjusts data-answer just before the plugin compares (see "Fill-ins" there): a few lines
    on our side, and the plugin's own feedback, saving and "Try again" keep working."""
    def mended(match: re.Match[str]) -> str:
        forms = blank_forms(html_lib.unescape(match[1]))
        tag = match[0].replace(f'data-answer="{match[1]}"', f'data-answer="{html_lib.escape(forms[0])}" '
                               f'data-accept="{html_lib.escape(json.dumps(forms, ensure_ascii=False))}"', 1)
        return BLANK_SIZE.sub(f'size="{max(5, max(map(len, forms)) + 2)}"', tag, 1)

    return QUIZ_BLANK.sub(mended, html) if "quiz-blank-input" in html else html


def number_questions(html: str) -> str:
    """"Question n of m" above each question, as the question's permalink: mkdocs-quiz's "#"
    sat in the corner, read like a hashtag, and the question's text wrapped short of it."""
    total = len(QUIZ_PERMALINK.findall(html))
    count = 0

    def numbered(match) -> str:
        nonlocal count
        count += 1
        label = escape_text(_filled(words.get("permalink_label", "{n}"), n=count, m=total))
        number = escape_text(_filled(words.get("question_number", "{n}/{m}"), n=count, m=total))
        return (f'<p class="quiz-number"><a href="#{match["id"]}" class="quiz-header-link" '
                f'title="{label}">{number}</a></p>')

    return QUIZ_PERMALINK.sub(numbered, html)


def _filled(template: str, **values) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def on_post_page(output, page, config):
    css = page.meta.get("quiz_stylesheet")
    if not css:
        return output
    return output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
