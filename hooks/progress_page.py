"""The "My progress" page: every page with questions, by chapter, for guide.js to fill.

Events: on_files generates progress.md from the nav and the number of quizzes on each
page; on_page_content puts its tables in place (written as HTML, see generated_blocks.py).
The page holds a table per chapter with one row per page (a link, the number of
questions and empty cells); assets/guide.js reads mkdocs-quiz's progress from the
browser's localStorage and fills in answered and correct counts. Nothing leaves the
browser, and a page with no saved progress simply shows zero.
"""

from __future__ import annotations

import html as html_lib

from generated_blocks import fill, marker
from guide_data import escape_text
from mkdocs.structure.files import File
from page_outline import is_chapter_page, is_section_page, site_outlines

PROGRESS_PAGE = "progress.md"
tables: dict[str, str] = {}  # chapter folder -> its table, as HTML


def _has_quizzes(uri: str) -> bool:
    return is_section_page(uri) or is_chapter_page(uri)


def on_files(files, config):
    global tables
    outlines = site_outlines(files, config.nav, wanted=_has_quizzes)
    page = File.generated(config, PROGRESS_PAGE, content="")
    rows = [(uri, files.get_file_from_path(uri).url_relative_to(page), outline.title, outline.quiz_count)
            for uri, outline in outlines.items() if outline.quiz_count]
    page.content_string, tables = render_progress(rows)
    files.append(page)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri != PROGRESS_PAGE:
        return html
    return fill(html, tables, PROGRESS_PAGE)


def render_progress(rows: list[tuple[str, str, str, int]]) -> tuple[str, dict[str, str]]:
    """The page's Markdown, and its tables (by chapter folder) as HTML. Each row is a page:
    (its source path, its URL from the progress page, its title, its number of questions)."""
    chapters: dict[str, list[tuple[str, str, str, int]]] = {}
    for row in rows:
        chapters.setdefault(row[0].split("/")[0], []).append(row)
    total = sum(row[3] for row in rows)
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
    tables = {}
    for chapter, pages in chapters.items():
        overview = next((r for r in pages if r[0].endswith("/index.md")), pages[0])
        out.append(f"## {escape_text(overview[2])}\n")
        out.append(marker(chapter) + "\n")
        rows_html = "".join(
            f'<tr>\n<td><a class="progress-link" href="{html_lib.escape(url)}">{escape_text(title)}</a></td>\n'
            f"<td>{n}</td>\n<td>–</td>\n<td>–</td>\n<td></td>\n</tr>\n"
            for _, url, title, n in pages
        )
        tables[chapter] = (
            '<div class="progress-table">\n<table>\n<thead>\n<tr>\n<th>Page</th>\n<th>Questions</th>\n'
            "<th>Answered</th>\n<th>Correct</th>\n<th>Status</th>\n</tr>\n</thead>\n<tbody>\n"
            + rows_html + "</tbody>\n</table>\n</div>"
        )
    out.append("<!-- skills-lab: progress -->\n")  # the Skills lab's block (hooks/skills_lab.py)
    return "\n".join(out) + "\n", tables
