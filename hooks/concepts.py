"""Glossary terms: tooltips in the pages, the glossary page and the concept index.

Reads data/glossary.yml and the section pages. Events:
- on_config: load and validate the glossary, compile the term pattern once;
- on_files: find where each term occurs (one pass per page), then generate
  glossary.md and concept-index.md (never written into docs/);
- on_page_markdown: mark the first use of each term on a section or chapter page
  as a focusable link to its glossary entry with its definition as a tooltip
  (assets/guide.js and guide.css show it on hover and focus, hide it on Escape).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from concept_pages import Place, render_concept_index, render_glossary
from glossary_data import check_introductions, load_glossary, term_anchor
from guide_data import escape_text
from mkdocs.structure.files import File
from page_outline import is_chapter_page, is_section_page, site_outlines
from print_page import PRINT_PAGE, page_key
from term_matcher import TermMatcher, build_forms

GLOSSARY_PAGE = "glossary.md"
INDEX_PAGE = "concept-index.md"

glossary: dict[str, dict] = {}
matcher = TermMatcher({})


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
    files.append(File.generated(config, GLOSSARY_PAGE, content=render_glossary(entries, places, titles)))
    files.append(File.generated(config, INDEX_PAGE, content=render_concept_index(entries, places)))
    return files


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    if not (is_section_page(uri) or is_chapter_page(uri) or uri == PRINT_PAGE):
        return markdown
    # the print edition holds the glossary itself, under ids prefixed with its key
    glossary_href = (
        f"#{page_key(GLOSSARY_PAGE)}--" if uri == PRINT_PAGE
        else posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(uri) or ".") + "#"
    )

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
