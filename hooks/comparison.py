"""The framework comparison page, generated from data/comparison.yml.

Events:
- on_config: load and validate the data (fields, every cell filled), and the page's words
  (data/interface.yml, section "comparison");
- on_files: check every cell's target page and heading against the framework
  pages, then generate framework-comparison.md: an accessible table (caption,
  scoped header cells, a header row that stays in view, stacked cards on a phone)
  holding each statement once, and below it one part per dimension saying what it
  asks, with links to read further. Headings and prose are Markdown; the table and
  the lists are written as HTML (see generated_blocks.py);
- on_page_content: put the table and the lists in place;
- on_page_markdown: under each compared heading of a framework page, add a link
  back to that dimension on the comparison page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from shared.generated_blocks import fill, marker
from shared.guide_data import DataFileError, Field, check_fields, data_file, escape_text, load_entries
from shared.interface_strings import filled_html, section_words
from mkdocs.structure.files import File
from shared.page_outline import site_outlines

COMPARISON_FILE = "data/comparison.yml"
COMPARISON_PAGE = "framework-comparison.md"
FRAMEWORK_FIELDS = {
    "id": Field(str, hint="a short id used in `cells:`, e.g. psychodynamic"),
    "name": Field(str, hint="the column heading"),
    "page": Field(str, hint="the framework's page, e.g. 03-frameworks/psychodynamic.md"),
}
DIMENSION_FIELDS = {
    "id": Field(str, hint="a short id, e.g. view-of-the-person"),
    "label": Field(str, hint="the row heading"),
    "explanation": Field(str, hint="one or two sentences on what this dimension asks"),
    "cells": Field(dict, hint="one cell per framework id"),
}
CELL_FIELDS = {
    "statement": Field(str, hint="one or two sentences in the guide's own words"),
    "anchor": Field(str, hint="the id of the heading on the framework's page that explains it"),
}
HEADING_ID = re.compile(r"^##[ \t]+.*\{[^}]*#(?P<id>[\w-]+)[^}]*\}[ \t]*$", re.MULTILINE)

frameworks: list[dict] = []
dimensions: list[dict] = []
blocks: dict[str, str] = {}  # the comparison page's table and lists, as HTML (see generated_blocks.py)
WORDS = ("title", "intro", "caption", "question_column", "reading_across", "read_more", "compare_link")
words: dict[str, str] = {}  # data/interface.yml, section "comparison"


def on_config(config):
    global frameworks, dimensions, words
    frameworks, dimensions = load_comparison(Path(config.config_file_path).parent)
    words = section_words(config, "comparison", WORDS, "title, introduce and label the framework comparison page")


def load_comparison(root: Path) -> tuple[list[dict], list[dict]]:
    path = root / data_file(COMPARISON_FILE)
    found = load_entries(path, root, FRAMEWORK_FIELDS, "id", "frameworks", noun="framework")
    ids = [framework["id"] for framework in found]

    def check_cells(entries, label):
        problems = []
        for i, dimension in enumerate(entries):
            cells = dimension["cells"]
            for framework_id in ids:
                where = f"{label(i, dimension)}, framework \"{framework_id}\""
                if framework_id not in cells:
                    problems.append(f"{where}: missing cell. Add `{framework_id}:` under `cells:` with a statement and an anchor.")
                    continue
                problems += check_fields(cells[framework_id], CELL_FIELDS, where)
            for extra in set(cells) - set(ids):
                problems.append(f'{label(i, dimension)}: cell for unknown framework "{extra}". Known: {", ".join(ids)}.')
        return problems

    return found, load_entries(path, root, DIMENSION_FIELDS, "id", "dimensions", check_cells, noun="dimension")


def check_targets(root: Path, outlines: dict) -> None:
    """Every framework page exists and every cell's anchor is a heading on it."""
    problems = []
    for framework in frameworks:
        if framework["page"] not in outlines:
            problems.append(
                f'{COMPARISON_FILE}, framework "{framework["id"]}": page "{framework["page"]}" '
                "is not a section page of the guide. Fix `page:`."
            )
    for dimension in dimensions:
        for framework in frameworks:
            page = outlines.get(framework["page"])
            anchor = dimension["cells"][framework["id"]]["anchor"]
            if page and anchor not in page.anchors:
                problems.append(
                    f'{COMPARISON_FILE}, dimension "{dimension["id"]}" (line {dimension.line}), '
                    f'framework "{framework["id"]}": anchor "#{anchor}" is not a heading of '
                    f'docs/{framework["page"]}. Headings there: {", ".join(sorted(page.anchors)) or "none"}.'
                )
    if problems:
        raise DataFileError("\n".join(problems))


def on_files(files, config):
    global blocks
    outlines = site_outlines(files, config.nav)
    check_targets(Path(config.config_file_path).parent, outlines)
    page = File.generated(config, COMPARISON_PAGE, content="")
    urls = {f["page"]: files.get_file_from_path(f["page"]).url_relative_to(page) for f in frameworks}
    page.content_string, blocks = render_comparison(urls)
    files.append(page)
    return files


def on_page_content(html, page, config, files):
    if page.file.src_uri != COMPARISON_PAGE:
        return html
    return fill(html, blocks, COMPARISON_PAGE)


def on_page_markdown(markdown, page, config, files):
    """Link each compared heading of a framework page back to its comparison row."""
    framework = next((f for f in frameworks if f["page"] == page.file.src_uri), None)
    if not framework:
        return markdown
    back = {d["cells"][framework["id"]]["anchor"]: d for d in dimensions}
    up = "../" * page.file.src_uri.count("/")

    def add_link(match: re.Match[str]) -> str:
        dimension = back.get(match["id"])
        if not dimension:
            return match[0]
        text = filled_html(words["compare_link"], dimension=html.escape(dimension["label"].lower()))
        return f"{match[0]}\n\n[{text}]({up}{COMPARISON_PAGE}#dim-{dimension['id']}){{ .compare-link }}\n"

    return HEADING_ID.sub(add_link, markdown)


def _esc(text: str) -> str:
    return escape_text(text)


def render_comparison(urls: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The whole page: introduction, the table (each statement once, in plain text, with a
    small link to the part of the framework's page that explains it), then what each
    question asks, with the links to read further.

    Returns the page's Markdown (headings and prose) and its blocks of HTML (the table
    and the lists of links), which on_page_content puts in place of their markers."""
    blocks = {"table": _render_table(urls)}
    markdown = [
        f'# {filled_html(words["title"])}\n',
        f'{filled_html(words["intro"])}\n',
        marker("table") + "\n",
        f'## {_esc(words["reading_across"])} {{ #reading-across }}\n',
    ]
    for d in dimensions:
        blocks[f"dim-{d['id']}"] = _list(
            f'<a href="{_esc(_cell_href(d, f, urls))}">{_read_more(f)}</a>' for f in frameworks
        )
        markdown += [f'### {_esc(d["label"])} {{ #dim-{d["id"]} }}\n\n{_esc(d["explanation"])}\n',
                     marker(f"dim-{d['id']}") + "\n"]
    return "\n".join(markdown), blocks


def _list(items) -> str:
    """A bulleted list, written as Markdown would write it."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


def _cell_href(dimension: dict, framework: dict, urls: dict[str, str]) -> str:
    return f'{urls[framework["page"]]}#{dimension["cells"][framework["id"]]["anchor"]}'


def _cell(dimension: dict, framework: dict, urls: dict[str, str]) -> str:
    """A statement in plain text, then a small link to where the framework's page explains it."""
    return (f'<p>{_esc(dimension["cells"][framework["id"]]["statement"])}</p>'
            f'<a class="compare-more" href="{_esc(_cell_href(dimension, framework, urls))}">'
            f'{_read_more(framework)}</a>')


def _read_more(framework: dict) -> str:
    return filled_html(words["read_more"], framework=_esc(framework["name"]))


def _render_table(urls: dict[str, str]) -> str:
    head = "".join(f'<th scope="col">{_esc(f["name"])}</th>' for f in frameworks)
    rows = []
    for d in dimensions:
        cells = "".join(
            f'<td data-label="{_esc(f["name"])}">{_cell(d, f, urls)}</td>' for f in frameworks
        )
        rows.append(f'<tr><th scope="row"><a href="#dim-{_esc(d["id"])}">{_esc(d["label"])}</a></th>{cells}</tr>')
    return (
        '<div class="comparison-scroll" role="region" aria-labelledby="comparison-caption" tabindex="0">\n'
        '<table class="comparison">\n'  # the one place of each statement: search finds them here
        f'<caption id="comparison-caption">{filled_html(words["caption"], n=str(len(dimensions)))}</caption>\n'
        f'<thead><tr><th scope="col">{_esc(words["question_column"])}</th>{head}</tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>"
    )
