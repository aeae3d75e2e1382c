"""Glossary terms: tooltips in the pages, the glossary page and the concept index.

Reads data/glossary.yml and the section pages. Events:
- on_config: load and validate the glossary, compile the term pattern once;
- on_files: find where each term occurs (one pass per page), then generate
  glossary.md and concept-index.md (never written into docs/), their bodies as HTML;
- on_page_content of those two pages: put the body in place of the placeholder
  (before hooks/print_page.py keeps the glossary for the print edition);
- on_page_content: mark the first use of each term on a section or chapter page
  as a focusable link to its glossary entry with its definition as a tooltip
  (assets/guide.js and guide.css show it on hover and focus, hide it on Escape).
  It works on the rendered HTML: run through Markdown, the ~470 tooltips cost more
  build time than all the other hooks together. Search leaves the definitions out
  (data-search-exclude): the glossary page is where search finds them.
"""

from __future__ import annotations

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
from term_matcher import SKIPPED_HTML, TermMatcher, build_forms

GLOSSARY_PAGE = "glossary.md"
INDEX_PAGE = "concept-index.md"

glossary: dict[str, dict] = {}
matcher: TermMatcher | None = None       # finds terms in Markdown (where they occur)
html_matcher: TermMatcher | None = None  # marks them in rendered HTML (tooltips)
bodies: dict[str, str] = {}  # generated page -> its body, in HTML


def on_config(config):
    global glossary, matcher, html_matcher
    entries = load_glossary(Path(config.config_file_path).parent)
    glossary = {entry["term"]: entry for entry in entries}
    matcher = TermMatcher(build_forms(entries))
    html_matcher = TermMatcher(build_forms(entries), SKIPPED_HTML)


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


@event_priority(60)  # before mkdocs-quiz (0) fills in its quizzes, and before the print edition keeps the page
def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri in bodies:
        # so that MkDocs' strict validation of links to these pages' anchors still sees them
        page.present_anchor_ids = (page.present_anchor_ids or set()) | set(re.findall(r'\sid="([^"]+)"', bodies[uri]))
        return html.replace(BODY, bodies[uri], 1)
    if not (is_section_page(uri) or is_chapter_page(uri)):
        return html
    glossary_url = get_relative_url(files.get_file_from_path(GLOSSARY_PAGE).url, page.url)

    def tooltip(term: str, text: str) -> str:
        anchor = term_anchor(term)
        definition = escape_text(glossary[term]["definition"])
        return (
            f'<span class="gloss"><a aria-describedby="gloss-tip-{anchor}" class="gloss-term" '
            f'href="{glossary_url}#{anchor}">{text}</a><span class="gloss-tip" role="tooltip" '
            f'id="gloss-tip-{anchor}" data-search-exclude>{definition}</span></span>'
        )

    marked, _ = html_matcher.mark_first(html, tooltip)
    return marked
