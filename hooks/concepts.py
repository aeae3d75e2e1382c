"""Glossary terms: tooltips in the pages, the glossary page and the concept index.

Reads data/glossary.yml and the section pages. Events:
- on_config: load and validate the glossary, compile the term pattern once;
- on_files: find where each term occurs (one pass per page), then generate
  glossary.md and concept-index.md (never written into docs/), their bodies as HTML;
- on_page_content of those two pages: put the body in place of the placeholder
  (before hooks/print_page.py keeps the glossary for the print edition);
- on_page_markdown: mark the first use of each term on a section or chapter page
  as a focusable link to its glossary entry with its definition as a tooltip
  (assets/guide.js and guide.css show it on hover and focus, hide it on Escape).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from concept_pages import (BODY, Place, concept_index_markdown, glossary_markdown, render_concept_index,
                           render_glossary)
from glossary_data import check_introductions, load_glossary, term_anchor
from guide_data import escape_text
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from page_outline import is_chapter_page, is_section_page, site_outlines
from term_matcher import TermMatcher, build_forms

GLOSSARY_PAGE = "glossary.md"
INDEX_PAGE = "concept-index.md"

glossary: dict[str, dict] = {}
matcher = TermMatcher({})
bodies: dict[str, str] = {}  # generated page -> its body, in HTML


def on_config(config):
    global glossary, matcher
    entries = load_glossary(Path(config.config_file_path).parent)
    glossary = {entry["term"]: entry for entry in entries}
    matcher = TermMatcher(build_forms(entries))


def on_files(files, config):
    root = Path(config.config_file_path).parent
    outlines = site_outlines(files, config.nav)
    check_introductions(list(glossary.values()), set(outlines), root)
    titles = {uri: page.title for uri, page in outlines.items()}
    places: dict[str, list[Place]] = {}
    for uri, page in outlines.items():
        for part in page.parts:
            for term in matcher.terms_in(part.text):
                places.setdefault(term, []).append(Place(uri, page.title, part.anchor, part.title))
    entries = list(glossary.values())
    glossary_file = File.generated(config, GLOSSARY_PAGE, content=glossary_markdown())
    index_file = File.generated(config, INDEX_PAGE, content=concept_index_markdown())
    files.append(glossary_file)
    files.append(index_file)

    def href_from(page: File):
        def href(uri: str, anchor: str) -> str:
            url = get_relative_url(files.get_file_from_path(uri).url, page.url)
            return f"{url}#{anchor}" if anchor else url
        return href

    bodies[GLOSSARY_PAGE] = render_glossary(entries, places, titles, href_from(glossary_file))
    bodies[INDEX_PAGE] = render_concept_index(entries, places, href_from(index_file))
    return files


@event_priority(60)  # before hooks/print_page.py (50) keeps the glossary for the print edition
def on_page_content(html, page, config, files):
    body = bodies.get(page.file.src_uri)
    if body is None:
        return html
    # so that MkDocs' strict validation of links to these pages' anchors still sees them
    page.present_anchor_ids = (page.present_anchor_ids or set()) | set(re.findall(r'\sid="([^"]+)"', body))
    return html.replace(BODY, body, 1)


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    if not (is_section_page(uri) or is_chapter_page(uri)):
        return markdown
    glossary_href = posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(uri) or ".") + "#"

    def tooltip(term: str, text: str) -> str:
        anchor = term_anchor(term)
        definition = escape_text(glossary[term]["definition"])
        return (
            f'<span class="gloss">[{text}]({glossary_href}{anchor})'
            f'{{ .gloss-term aria-describedby="gloss-tip-{anchor}" }}'
            f'<span class="gloss-tip" role="tooltip" id="gloss-tip-{anchor}">{definition}</span></span>'
        )

    marked, _ = matcher.mark_first(markdown, tooltip)
    return marked
