"""Glossary terms: tooltips in the pages, the glossary page and the concept index.

Reads data/glossary.yml and the section pages. Events:
- on_config: load and validate the glossary, compile the term patterns once;
- on_files: check each term's introducing section, and add glossary.md and
  concept-index.md (never written into docs/), each a title, an intro and a placeholder;
- on_page_content of a section or chapter page: mark the first use of each term as a
  focusable link to its glossary entry with its definition as a tooltip
  (assets/guide.js and guide.css show it on hover and focus, hide it on Escape), and
  note under which H2 each term occurs, for the index. It works on the rendered HTML:
  run through Markdown, the ~470 tooltips cost more build time than all the other
  hooks together. Search leaves the definitions out (data-search-exclude): the
  glossary page is where search finds them;
- on_page_content of the glossary and the index (generated, so rendered after the
  pages they list): put their body, written as HTML, in place of the placeholder,
  before hooks/print_page.py keeps the glossary for the print edition.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

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
outlines: dict = {}           # section page -> its outline (page_outline.PageOutline)
# where the tooltip pass found terms on each section page, keyed by the page and its outline
# (a page edited under `mkdocs serve` gets a new outline, so nothing goes stale)
found_places: dict[tuple[str, int], list] = {}
H2 = re.compile(r'<h2 id="([^"]+)"')


class TermPlace(NamedTuple):
    term: str
    place: Place


def on_config(config):
    global glossary, matcher, html_matcher
    entries = load_glossary(Path(config.config_file_path).parent)
    glossary = {entry["term"]: entry for entry in entries}
    forms = build_forms(entries)
    matcher = TermMatcher(forms)
    html_matcher = TermMatcher(forms, SKIPPED_HTML)


def on_files(files, config):
    global outlines
    root = Path(config.config_file_path).parent
    outlines = site_outlines(files, config.nav)
    check_introductions(list(glossary.values()), set(outlines), root)
    files.append(File.generated(config, GLOSSARY_PAGE, content=glossary_markdown()))
    files.append(File.generated(config, INDEX_PAGE, content=concept_index_markdown()))
    return files


def render_body(uri: str, page_url: str, files) -> str:
    """The glossary's or the concept index's body, from where each term was found."""
    entries = list(glossary.values())
    places: dict[str, list[Place]] = {}
    for section, outline in outlines.items():
        for place in places_in(section, outline):
            places.setdefault(place.term, []).append(place.place)
    urls: dict[str, str] = {}

    def href(target: str, anchor: str) -> str:
        if target not in urls:
            urls[target] = get_relative_url(files.get_file_from_path(target).url, page_url)
        return f"{urls[target]}#{anchor}" if anchor else urls[target]

    if uri == GLOSSARY_PAGE:
        return render_glossary(entries, places, {u: o.title for u, o in outlines.items()}, href)
    return render_concept_index(entries, places, href)


def places_in(uri: str, outline) -> list[TermPlace]:
    """Each term's places on a section page, in the order found. The tooltip pass records
    them while it reads the page's HTML; a page it has not read (not rendered yet) is read
    here from its Markdown, part by part."""
    if (uri, id(outline)) in found_places:
        return found_places[(uri, id(outline))]
    return [TermPlace(term, Place(uri, outline.title, part.anchor, part.title))
            for part in outline.parts for term in sorted(matcher.terms_in(part.text))]


def record_places(uri: str, html: str, occurrences: list[tuple[int, str]]) -> None:
    """Where the tooltip pass found each term, by H2 part (found_places, for the index)."""
    outline = outlines.get(uri)
    if outline is None:
        return
    titles = {part.anchor: part.title for part in outline.parts}
    starts = [(m.start(), m[1]) for m in H2.finditer(html) if m[1] in titles]
    places, seen = [], set()
    for offset, term in occurrences:
        anchor = next((a for start, a in reversed(starts) if start < offset), "")
        if (term, anchor) not in seen:
            seen.add((term, anchor))
            places.append(TermPlace(term, Place(uri, outline.title, anchor, titles.get(anchor, ""))))
    found_places[(uri, id(outline))] = places


@event_priority(60)  # before mkdocs-quiz (0) fills in its quizzes, and before the print edition keeps the page
def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri in (GLOSSARY_PAGE, INDEX_PAGE):
        body = render_body(uri, page.url, files)
        # so that MkDocs' strict validation of links to these pages' anchors still sees them
        page.present_anchor_ids = (page.present_anchor_ids or set()) | set(re.findall(r'\sid="([^"]+)"', body))
        return html.replace(BODY, body, 1)
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

    occurrences: list[tuple[int, str]] = []
    marked, _ = html_matcher.mark_first(html, tooltip, occurrences)
    if is_section_page(uri):
        record_places(uri, html, occurrences)
    return marked
