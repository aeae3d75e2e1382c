"""Read the structure of the guide's Markdown pages: which pages are sections, their
titles, and their H2 headings with the ids MkDocs will give them; and fenced code
blanked out, for the checks that must not read code examples as markup.

Pure functions, no MkDocs events: the hook modules call them from `on_files`, so that
generated pages (glossary, index, comparison, progress) can link to exact headings and
MkDocs' own strict link validation checks every one of those links.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify
from shared.quiz_source import QUIZ

# A section page lives in a chapter folder and is not the chapter overview:
#   02-foundations/empathy-and-trust.md
SECTION_PAGE = re.compile(r"^(?P<chapter>\d\d)-[^/]+/(?!index\.md$)[^/]+\.md$")
# A chapter overview: 02-foundations/index.md
CHAPTER_PAGE = re.compile(r"^(?P<chapter>\d\d)-[^/]+/index\.md$")
# "## Empathy versus sympathy { #empathy-vs-sympathy }" (the id part is optional)
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.+?)[ \t]*(?:\{[^}]*?#(?P<id>[\w-]+)[^}]*\})?[ \t]*#*[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
# a whole fenced code block, closing fence line included
FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Part:
    """The stretch of a page under one H2 heading (or before the first one: id "")."""

    anchor: str
    title: str
    text: str


@dataclass
class PageOutline:
    src_uri: str
    title: str
    parts: list[Part] = field(default_factory=list)
    quiz_count: int = 0

    @property
    def anchors(self) -> set[str]:
        return {part.anchor for part in self.parts if part.anchor}


def is_section_page(src_uri: str) -> bool:
    return bool(SECTION_PAGE.match(src_uri))


def is_chapter_page(src_uri: str) -> bool:
    return bool(CHAPTER_PAGE.match(src_uri))


def heading_anchor(title: str, explicit_id: str | None) -> str:
    """The id MkDocs' toc extension gives a heading: the explicit one, else its slug."""
    return explicit_id or slugify(_plain(title), "-")


def _plain(title: str) -> str:
    """Heading text as the toc extension slugifies it: no Markdown emphasis or code marks."""
    return re.sub(r"[*_`]", "", title)


def outline(src_uri: str, markdown: str) -> PageOutline:
    """Split a page into its H1 title and H2 parts, ignoring headings in code fences."""
    page = PageOutline(src_uri, title="")
    current = Part("", "", "")
    lines: list[str] = []
    in_fence = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if match and len(match["hashes"]) == 1 and not page.title:
            page.title = _plain(match["title"])
        elif match and len(match["hashes"]) == 2:
            current.text = "\n".join(lines)
            page.parts.append(current)
            current, lines = Part(heading_anchor(match["title"], match["id"]), _plain(match["title"]), ""), []
            continue
        lines.append(line)
    current.text = "\n".join(lines)
    page.parts.append(current)
    page.quiz_count = len(QUIZ.findall(markdown))
    return page


# Outlines keyed by the page and its file's modification time and size (or, for a page
# without a file, its text): several hook modules ask for them in one build, and a page
# edited under `mkdocs serve` gets a new key, so nothing goes stale. (Reading the key from
# the file's status, not its text, spares reading every page from disk once per module.)
_OUTLINES: dict[tuple, PageOutline] = {}


def nav_order(nav: object) -> list[str]:
    """The src paths of `nav:` in reading order (mkdocs.yml's nav is the one source of order)."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_order(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_order(item)]
    return []


def nav_titles(nav: object) -> dict[str, str]:
    """Each page's name in the menu, by src path: its title in `nav:`, or for an untitled
    chapter overview (`- 02-foundations/index.md` under "2 Foundations") its chapter's name,
    which is what the menu shows (navigation.indexes)."""
    titles: dict[str, str] = {}

    def walk(items: object, section: str | None) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str) and section and item.endswith("index.md"):
                titles.setdefault(item, section)
            elif isinstance(item, dict):
                for name, value in item.items():
                    if isinstance(value, str):
                        titles[value] = name
                    else:
                        walk(value, name)

    walk(nav, None)
    return titles


def nav_chapter_titles(nav: object) -> dict[str, tuple[str, str]]:
    """src path -> (its chapter's title, its own title) from `nav:`; an untitled chapter
    overview takes its chapter's title as its own (the exports and the flashcards group
    questions by chapter)."""
    found: dict[str, tuple[str, str]] = {}

    def walk(items: object, chapter: str | None) -> None:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                found.setdefault(item, (chapter or "", chapter or ""))
            elif isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        found[value] = (chapter or title, title)
                    else:
                        walk(value, title)

    walk(nav or [], None)
    return found


def site_outlines(files, nav: object, wanted=is_section_page) -> dict[str, PageOutline]:
    """Outlines of the documentation pages that `wanted(src_uri)` selects, in nav order."""
    from mkdocs.utils.meta import get_data

    order = {uri: i for i, uri in enumerate(nav_order(nav))}
    pages = sorted(
        (f for f in files.documentation_pages() if wanted(f.src_uri) and not f.generated_by),
        key=lambda f: (order.get(f.src_uri, len(order)), f.src_uri),
    )
    result = {}
    for file in pages:
        key = page_version(file)
        if key not in _OUTLINES:
            _OUTLINES[key] = outline(file.src_uri, get_data(file.content_string)[0])
        result[file.src_uri] = _OUTLINES[key]
    return result


def page_version(file) -> tuple:
    """What identifies one version of a page's source."""
    if file.abs_src_path:
        status = os.stat(file.abs_src_path)
        return (file.src_uri, file.abs_src_path, status.st_mtime_ns, status.st_size)
    return (file.src_uri, file.content_string)


def mask_fenced_code(markdown: str) -> str:
    """`markdown` with every fenced code block blanked out: same length and lines, so that
    offsets found in it hold for the page as written (quiz and figure markers in a code
    example are not real ones)."""
    if "```" not in markdown and "~~~" not in markdown:  # most pages: skip the line-by-line scan
        return markdown
    return FENCED_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), markdown)
