"""The "My progress" page: every page with questions, by chapter, for guide.js to fill.

Event: on_files generates progress.md from the nav and the number of quizzes on each
page. The page holds a table per chapter with one row per page (a link, the number of
questions and empty cells); assets/guide.js reads mkdocs-quiz's progress from the
browser's localStorage and fills in answered and correct counts. Nothing leaves the
browser, and a page with no saved progress simply shows zero.
"""

from __future__ import annotations

from guide_data import escape_text
from mkdocs.structure.files import File
from page_outline import is_chapter_page, is_section_page, site_outlines

PROGRESS_PAGE = "progress.md"


def _has_quizzes(uri: str) -> bool:
    return is_section_page(uri) or is_chapter_page(uri)


def on_files(files, config):
    outlines = site_outlines(files, config.nav, wanted=_has_quizzes)
    rows = [(uri, page.title, page.quiz_count) for uri, page in outlines.items() if page.quiz_count]
    files.append(File.generated(config, PROGRESS_PAGE, content=render_progress(rows)))
    return files


def render_progress(rows: list[tuple[str, str, int]]) -> str:
    chapters: dict[str, list[tuple[str, str, int]]] = {}
    for row in rows:
        chapters.setdefault(row[0].split("/")[0], []).append(row)
    total = sum(n for _, _, n in rows)
    out = [
        "---\nsearch:\n  exclude: true\n---\n",
        "# My progress\n",
        "Your answers to the questions of every page, as saved by this browser. They never "
        "leave your device: the guide has no server and no account. Clearing your browser's "
        "site data, or the button below, starts over.\n",
        f'<p id="progress-summary" class="progress-summary" aria-live="polite">{total} questions in the guide. '
        "Answer some and come back.</p>\n",
        '<p><button type="button" class="md-button" id="progress-reset">Reset all my answers</button></p>\n',
    ]
    for pages in chapters.values():
        overview = next((r for r in pages if r[0].endswith("/index.md")), pages[0])
        out.append(f"## {escape_text(overview[1])}\n")
        out.append('<div class="progress-table" markdown>\n')
        out.append("| Page | Questions | Answered | Correct | Status |\n|---|---|---|---|---|")
        for uri, title, n in pages:
            out.append(f'| [{escape_text(title)}]({uri}){{ .progress-link }} | {n} | – | – | |')
        out.append("\n</div>\n")
    return "\n".join(out) + "\n"
