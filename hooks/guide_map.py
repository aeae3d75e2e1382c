"""The home page's first step and its map of the guide, both generated from `nav:`.

Reads `nav:` (mkdocs.yml) and data/interface.yml (section "home"). Events:
- on_config: the words of the first step;
- on_page_markdown: on a page holding `<!-- guide-map -->`, every page of `nav:` in
  reading order, as nested lists in a `<div class="guide-map">` (a chapter's name linked to
  its overview, its pages under it; the page itself left out); on a page holding
  `<!-- guide-start -->`, a line naming the first page of the reading order after it.
Both are written as Markdown, so MkDocs checks their links, and the print edition (built
from the rendered home page, hooks/print_page.py) shows the same map. A page added to,
moved in or removed from `nav:` is in the map at the next build: it cannot drift, in a
fork either.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from shared.guide_data import escape_text
from shared.interface_strings import filled_html, section_words
from shared.page_outline import nav_order, nav_titles, site_outlines

MAP_MARKER = "<!-- guide-map -->"
START_MARKER = "<!-- guide-start -->"
WORDS = ("start",)  # data/interface.yml, section home:
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^/", re.I)  # a nav entry that is a URL, not a page
words: dict[str, str] = {}


def on_config(config):
    global words
    words = section_words(config, "home", WORDS, "say where to start on the home page")
    return config


def on_page_markdown(markdown, page, config, files):
    if MAP_MARKER not in markdown and START_MARKER not in markdown:
        return markdown
    here = page.file.src_uri
    titles = _untitled_titles(config.nav, files)
    if MAP_MARKER in markdown:
        items = map_lines(config.nav, here, titles)
        if not items:
            raise PluginError(f"docs/{here}: {MAP_MARKER} is there, but nav: in mkdocs.yml lists no other page")
        block = '<div class="guide-map" markdown>\n\n' + "\n".join(items) + "\n\n</div>"
        markdown = markdown.replace(MAP_MARKER, block)
    if START_MARKER in markdown:
        order = [uri for uri in nav_order(config.nav) if not EXTERNAL.match(uri)]
        later = order[order.index(here) + 1:] if here in order else order
        if not later:
            raise PluginError(f"docs/{here}: {START_MARKER} is there, but nav: in mkdocs.yml lists no page after it")
        first = later[0]
        link = _link(_title_of(first, config.nav, titles), first, here)
        markdown = markdown.replace(START_MARKER, f"{filled_html(words['start'], page=link)}\n{{: .guide-start }}")
    return markdown


def map_lines(nav: object, here: str, titles: dict[str, str], depth: int = 0) -> list[str]:
    """Nested Markdown list items for `nav` (mkdocs.yml's form: titled pages, untitled
    pages, sections of further items), leaving out the page `here`."""
    lines: list[str] = []
    indent = "    " * depth  # Python-Markdown nests lists by four spaces
    for item in nav if isinstance(nav, list) else [nav]:
        title, target = next(iter(item.items())) if isinstance(item, dict) and item else (None, item)
        if isinstance(target, list):
            # a section whose first item is an untitled index.md: that page is the section's own
            # (navigation.indexes), so the section's name links to it
            overview = target[0] if target and isinstance(target[0], str) and target[0].endswith("index.md") else None
            name = _link(str(title), overview, here) if overview else escape_text(str(title))
            lines.append(f"{indent}- **{name}**")
            lines += map_lines(target[1:] if overview else target, here, titles, depth + 1)
        elif isinstance(target, str) and target != here:
            shown = str(title) if title is not None else titles.get(target, target)
            if EXTERNAL.match(target):
                lines.append(f"{indent}- <{target}>" if title is None else f"{indent}- [{escape_text(shown)}]({target})")
            else:
                lines.append(f"{indent}- {_link(shown, target, here)}")
    return lines


def _link(title: str, target: str, here: str) -> str:
    """A Markdown link from page `here` to page `target` (src paths), its text escaped."""
    relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"[{escape_text(title)}]({relative})"


def _untitled_titles(nav: object, files) -> dict[str, str]:
    """The H1 of each page `nav:` lists without a title (MkDocs shows that heading)."""
    untitled = set()

    def walk(items: object) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                untitled.add(item)
            elif isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        walk(value)

    walk(nav)
    outlines = site_outlines(files, nav, wanted=lambda uri: uri in untitled)
    return {uri: outline.title for uri, outline in outlines.items() if outline.title}


def _title_of(uri: str, nav: object, titles: dict[str, str]) -> str:
    """A page's name in the menu: its title in `nav:`, else its section's name for an
    untitled overview, else its H1."""
    return nav_titles(nav).get(uri) or titles.get(uri) or uri
