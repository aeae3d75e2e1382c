"""Glossary terms: tooltips in the pages, the glossary page and the concept index.

Reads data/glossary.yml and the section pages. Events:
- on_config: load and validate the glossary, compile the term pattern once;
- on_files: check each term's introducing section, and add glossary.md and
  concept-index.md (never written into docs/), each a title, an intro and a placeholder;
- on_page_context, three handlers (every page's HTML is final by then, quizzes included):
  - after the search plugin (priority -50), on a section or chapter page: mark the
    first use of each term as a focusable link to its glossary entry, with its
    definition as a tooltip (assets/guide.js and guide.css show it on hover, focus and
    a first tap, keep it on screen, hide it on Escape), with the "tooltips" words of
    data/interface.yml for the script, and note under which H2 each term occurs, for the index.
    Working on rendered HTML keeps ~470 tooltips out of Markdown, and working after
    search keeps them out of the search index (and out of its parsing time): the
    glossary page is where search finds the definitions;
  - before the search plugin (priority 50), on the glossary and the index (generated,
    so built after the pages they list): put their body, written as HTML, in place of
    the placeholder, so that search indexes the glossary: each term's name, French,
    definition and other names;
  - after the search plugin (priority -50), on the glossary: add the lists of links
    under each term, left out of what search read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path
from typing import NamedTuple

from shared import interface_strings
from shared.concept_pages import (GLOSSARY_WORDS, INDEX_PAGE, INDEX_WORDS, Place, concept_index_markdown,
                           glossary_markdown, render_concept_index, render_glossary)
from shared.generated_blocks import fill, ids_in
from shared.glossary_data import check_introductions, load_glossary, term_anchor
from shared.guide_data import escape_text
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from shared.page_outline import is_chapter_page, is_section_page, site_outlines
from shared.term_matcher import SKIPPED_HTML, TermMatcher, build_forms

GLOSSARY_PAGE = "glossary.md"

glossary: dict[str, dict] = {}
forms: dict[str, str] = {}               # every matchable form -> its term
matcher: TermMatcher | None = None       # finds terms in Markdown; built only if a page is read from Markdown
html_matcher: TermMatcher | None = None  # marks them in rendered HTML (tooltips)
tips: dict[str, tuple[str, str]] = {}    # term -> (its anchor, its escaped definition), made once per build
site_files = None             # the build's files (on_page_context is not given them)
outlines: dict = {}           # section page -> its outline (page_outline.PageOutline)
# where the tooltip pass found terms on each section page, keyed by the page and its outline
# (a page edited under `mkdocs serve` gets a new outline, so nothing goes stale)
found_places: dict[tuple[str, int], list] = {}
glossary_bodies: list[str] = []  # the glossary's body as search reads it, and whole (see _fill_in_body)
tooltip_strings = ""          # data/interface.yml's "tooltips" words, for assets/guide.js
page_words: dict[str, dict[str, str]] = {}  # data/interface.yml, for the glossary and the concept index
H2 = re.compile(r'<h2 id="([^"]+)"')


class TermPlace(NamedTuple):
    term: str
    place: Place


def on_config(config):
    global glossary, forms, matcher, html_matcher, tips, tooltip_strings, page_words
    tooltip_strings = interface_strings.json_block(interface_strings.load(config), "tooltips")
    page_words = {
        "glossary": interface_strings.section_words(config, "glossary", GLOSSARY_WORDS, "write the glossary page"),
        "concept_index": interface_strings.section_words(config, "concept_index", INDEX_WORDS,
                                                         "write the concept index"),
    }
    entries = load_glossary(Path(config.config_file_path).parent)
    glossary = {entry["term"]: entry for entry in entries}
    forms = build_forms(entries)
    matcher = None
    html_matcher = TermMatcher(forms, SKIPPED_HTML)
    tips = {entry["term"]: (term_anchor(entry["term"]), escape_text(entry["definition"])) for entry in entries}


def on_files(files, config):
    global outlines, site_files
    root = Path(config.config_file_path).parent
    outlines = site_outlines(files, config.nav)
    check_introductions(list(glossary.values()), set(outlines), root)
    files.append(File.generated(config, GLOSSARY_PAGE, content=glossary_markdown(page_words)))
    files.append(File.generated(config, INDEX_PAGE, content=concept_index_markdown(page_words)))
    site_files = files
    return files


def render_bodies(uri: str, page_url: str, files) -> tuple[str, str]:
    """The glossary's or the concept index's body, from where each term was found: whole,
    and as search reads it (the glossary without its lists of links, see _fill_in_body)."""
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
        titles = {u: o.title for u, o in outlines.items()}
        return (render_glossary(entries, places, titles, href, page_words),
                render_glossary(entries, places, titles, href, page_words, for_search=True))
    index = render_concept_index(entries, places, href, page_words)
    return index, index


def places_in(uri: str, outline) -> list[TermPlace]:
    """Each term's places on a section page, in the order found. The tooltip pass records
    them while it reads the page's HTML; a page it has not read (not rendered yet) is read
    here from its Markdown, part by part."""
    global matcher
    if (uri, id(outline)) in found_places:
        return found_places[(uri, id(outline))]
    if matcher is None:
        matcher = TermMatcher(forms)
    return [TermPlace(term, Place(uri, outline.title, part.anchor, part.title))
            for part in outline.parts for term in sorted(matcher.terms_in(part.text))]


def record_places(uri: str, html: str, occurrences: list[tuple[int, str]]) -> None:
    """Where the tooltip pass found each term, by H2 part (found_places, for the index)."""
    outline = outlines.get(uri)
    if outline is None:
        return
    titles = {part.anchor: part.title for part in outline.parts}
    starts = [(m.start(), m[1]) for m in H2.finditer(html) if m[1] in titles]
    offsets = [start for start, _ in starts]
    places, seen = [], set()
    for offset, term in occurrences:
        before = bisect_left(offsets, offset)  # the H2s that start before the term
        anchor = starts[before - 1][1] if before else ""
        if (term, anchor) not in seen:
            seen.add((term, anchor))
            places.append(TermPlace(term, Place(uri, outline.title, anchor, titles.get(anchor, ""))))
    found_places[(uri, id(outline))] = places


@event_priority(50)  # before the search plugin (0) indexes the page
def _fill_in_body(context, page, config, nav):
    """The glossary's and the index's body. Search reads the glossary with each term's name,
    French, definition and other names only: the lists of links under each term are most of
    its markup (search's parser spent some 15 ms on them) and would only make a search match a
    term by the names of the pages and terms it points to. _complete_glossary adds them after."""
    uri = page.file.src_uri
    if uri in (GLOSSARY_PAGE, INDEX_PAGE):
        body, searched = render_bodies(uri, page.url, site_files)
        # so that MkDocs' strict validation of links to these pages' anchors still sees them
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids_in(body)
        if searched != body:
            glossary_bodies[:] = [searched, body]
        page.content = fill(page.content, {"body": searched}, uri)
    return context


@event_priority(-50)  # after the search plugin (0) has indexed the page
def _complete_glossary(context, page, config, nav):
    if page.file.src_uri == GLOSSARY_PAGE and glossary_bodies:
        searched, body = glossary_bodies
        page.content = page.content.replace(searched, body, 1)
        glossary_bodies.clear()
    return context


@event_priority(-50)  # after search (0) has indexed the page; before the print edition (-200) keeps it
def _mark_terms(context, page, config, nav):
    uri = page.file.src_uri
    if not (is_section_page(uri) or is_chapter_page(uri)):
        return context
    glossary_url = get_relative_url(site_files.get_file_from_path(GLOSSARY_PAGE).url, page.url)

    def tooltip(term: str, text: str) -> str:
        anchor, definition = tips[term]
        return (
            f'<span class="gloss"><a aria-describedby="gloss-tip-{anchor}" class="gloss-term" '
            f'href="{glossary_url}#{anchor}">{text}</a><span class="gloss-tip" role="tooltip" '
            f'id="gloss-tip-{anchor}">{definition}</span></span>'
        )

    html, occurrences = page.content, []
    page.content, _ = html_matcher.mark_first(html, tooltip, occurrences)
    if occurrences:  # the tooltips' words (a tapped definition's link to the full entry)
        page.content += tooltip_strings
    if is_section_page(uri):
        record_places(uri, html, occurrences)  # offsets are into the unmarked HTML
    return context


on_page_context = CombinedEvent(_fill_in_body, _mark_terms, _complete_glossary)
