"""The "My progress" page: every page with questions, by chapter, for guide.js to fill.

Reads the nav, the pages' quiz counts and data/interface.yml (section "progress"). Events:
- on_config: load the interface's words;
- on_files: generate progress.md: a chapter heading per chapter (the menu's names), and a
  marker for each chapter's list;
- on_page_content: put each chapter's list in place (HTML, see generated_blocks.py), and
  hand the "progress" words to the script on the progress page and on any page that has
  a "continue where you left off" place (`<p id="guide-continue" hidden></p>`, the home
  page).
Each page is one item of a stacked list (it reads on a phone without sideways scrolling):
its name as in the menu, linked to its questions, a status and its counts, which
assets/guide.js fills from this browser's localStorage. Nothing leaves the browser.
"""

from __future__ import annotations

import html as html_lib
from typing import NamedTuple

from shared import interface_strings
from shared.editions import editions
from shared.generated_blocks import fill, marker
from shared.guide_data import escape_text
from mkdocs.structure.files import File
from shared.quiz_source import QUIZ
from shared.page_outline import is_chapter_page, is_section_page, nav_titles, site_outlines

PROGRESS_PAGE = "progress.md"
CONTINUE_PLACE = 'id="guide-continue"'
lists: dict[str, str] = {}  # chapter folder -> its list, as HTML
words: dict[str, str] = {}  # data/interface.yml, section "progress"
strings_block = ""
WORDS = ("title", "intro", "summary_empty", "reset_button", "chapter_overview", "not_started", "counts",
         "continue_label", "continue_reading", "continue_question", "continue_review")


class Row(NamedTuple):
    uri: str
    url: str      # from the progress page, to the page's questions
    title: str    # the page's name in the menu
    questions: int
    overview: bool


def _has_quizzes(uri: str) -> bool:
    return is_section_page(uri) or is_chapter_page(uri)


def on_config(config):
    global words, strings_block
    strings = interface_strings.load(config)
    words = interface_strings.section_words(config, "progress", WORDS, "title and fill the My progress page")
    strings_block = interface_strings.json_block(strings, "progress")


def on_files(files, config):
    global lists
    outlines = site_outlines(files, config.nav, wanted=_has_quizzes)
    titles = nav_titles(config.nav)
    page = File.generated(config, PROGRESS_PAGE, content="")
    rows = []
    for uri, outline in outlines.items():
        if not outline.quiz_count:
            continue
        url = files.get_file_from_path(uri).url_relative_to(page)
        url += _questions_anchor(outline)
        rows.append(Row(uri, url, titles.get(uri, outline.title), outline.quiz_count, is_chapter_page(uri)))
    several = len(editions(config.extra)) > 1  # answers are kept per edition: say so
    page.content_string, lists = render_progress(rows, words, several)
    files.append(page)
    return files


def _questions_anchor(outline) -> str:
    """"#id" of the heading above a page's first question (on a section page, "Check your
    understanding"; on a chapter overview, its review quiz), or "" if it has none."""
    part = next((part for part in outline.parts if QUIZ.search(part.text)), None)
    return f"#{part.anchor}" if part and part.anchor else ""


def on_page_content(html, page, config, files):
    if page.file.src_uri == PROGRESS_PAGE:
        return fill(html, lists, PROGRESS_PAGE) + strings_block
    if CONTINUE_PLACE in html:
        return html + strings_block
    return html


def render_progress(rows: list[Row], words: dict[str, str], several_editions: bool = False) -> tuple[str, dict[str, str]]:
    """The page's Markdown, and each chapter's list (by chapter folder) as HTML; with several
    language editions, the line that says each keeps its own answers (interface: editions_note)."""
    chapters: dict[str, list[Row]] = {}
    for row in rows:
        chapters.setdefault(row.uri.split("/")[0], []).append(row)
    total = sum(row.questions for row in rows)
    word = lambda key: escape_text(words.get(key, key))  # noqa: E731
    out = [
        "---\nsearch:\n  exclude: true\n---\n",
        f"# {word('title')}\n",
        word("intro") + "\n",
        *([word("editions_note") + "\n"] if several_editions and words.get("editions_note") else []),
        f'<p id="progress-summary" class="progress-summary" aria-live="polite">'
        f'{escape_text(_filled(words.get("summary_empty", "{total}"), total=total))}</p>\n',
        f'<p><button type="button" class="md-button" id="progress-reset">{word("reset_button")}</button></p>\n',
        "<!-- review: due -->\n",  # cards due today, with a link (hooks/review_page.py)
    ]
    lists_html = {}
    for chapter, pages in chapters.items():
        overview = next((r for r in pages if r.overview), pages[0])
        out.append(f"## {escape_text(overview.title)} {{ #chapter-{chapter} }}\n")
        out.append(marker(chapter) + "\n")
        lists_html[chapter] = ('<ul class="progress-list">\n'
                               + "".join(_item(row, words) for row in pages) + "</ul>")
    out.append("<!-- skills-lab: progress -->\n")  # the Skills lab's block (hooks/skills_lab.py)
    return "\n".join(out) + "\n", lists_html


def _item(row: Row, words: dict[str, str]) -> str:
    """One page: its name (linked to its questions), its status and its counts, as before any answer."""
    word = lambda key: escape_text(words.get(key, key))  # noqa: E731
    counts = _filled(words.get("counts", ""), answered=0, total=row.questions, correct=0)
    name = word("chapter_overview") if row.overview else escape_text(row.title)
    return (f'<li class="progress-item" data-questions="{row.questions}">'
            f'<a class="progress-link" href="{html_lib.escape(row.url)}">{name}</a> '
            f'<span class="progress-status" data-status="not-started">{word("not_started")}</span> '
            f'<span class="progress-counts">{escape_text(counts)}</span></li>\n')


def _filled(template: str, **values) -> str:
    """A {name}-style template with its values put in (as guide.js does)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
