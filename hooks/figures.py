"""Figures: put a hand-written SVG diagram inline in the page that teaches it.

Reads docs/assets/figures/NAME.svg. Events:
- on_page_markdown, at the lowest priority (after every other hook and plugin): each
  marker line

      <!-- figure: NAME -->

  is checked (the file, the drawing, the caption and text description around it) and
  replaced by a `<div markdown="0">` holding a placeholder;
- on_page_content: the placeholder becomes the drawing, inline (generated_blocks.py).
  Putting it in after conversion means Markdown neither touches nor re-parses it.

The XML declaration and comments are dropped, every id in the
drawing is prefixed so that ids stay unique on the page, and the <svg> gets
role="img" and aria-labelledby pointing to its <title> and <desc>. Being inline,
the drawing's CSS classes take their colours from Material's variables
(the "Figures" part of docs/assets/guide.css), so it follows the light and dark schemes and prints in black.

The build fails, naming the page, the marker's line and what to fix, when NAME.svg
is missing, is not well-formed XML, lacks a viewBox, <title> or <desc>, contains a
script, an event handler or a link outside the drawing, or when the figure has no
"**Figure N.N.**" caption or no "Text description of Figure N.N" block after it.
README.md ("Edit a figure") shows the whole figure block.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from shared.generated_blocks import fill, marker
from shared.editions import asset_source
from shared.box_titles import FIGURE_DESCRIPTION, any_of
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from shared.box_titles import FIGURE_DESCRIPTION, any_of
from shared.page_outline import mask_fenced_code

FIGURES_DIR = "assets/figures"        # under docs_dir
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Serialize SVG elements without a prefix (<svg>, not <ns0:svg>) and xlink:href as written.
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*figure:\s*(?P<name>\S*?)\s*-->[ \t]*$", re.MULTILINE)
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CAPTION_NUMBER = re.compile(r"<figcaption[^>]*>\s*\*\*Figure (?P<number>\d+\.\d+)\.\*\*")
DESCRIPTION = '??? info "Text description of Figure {number}"'
CHAPTER_FOLDER = re.compile(r"^(?P<chapter>\d\d)-")
UNSAFE_ELEMENTS = {"script", "foreignObject", "iframe", "object", "embed", "style"}


class FigureError(PluginError):
    """A figure the build cannot use; the message names the page, line and fix."""


def figure_path(docs_dir: Path, name: str) -> Path:
    return asset_source(docs_dir, f"{FIGURES_DIR}/{name}.svg")  # an untranslated figure: the first edition's


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_svg(path: Path) -> ET.Element:
    """Parse and check one drawing; raise ValueError saying what is wrong with it."""
    try:
        root = ET.fromstring(path.read_text(encoding="utf-8"))
    except ET.ParseError as error:
        line, column = error.position
        raise ValueError(
            f"is not well-formed XML ({error.msg.split(':')[0]} at line {line}, column {column + 1} "
            "of the SVG file). Check that every tag is closed and that & < > in labels are "
            "written &amp; &lt; &gt;"
        ) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValueError(f'has root element <{_local(root.tag)}>; it must be <svg xmlns="{SVG_NS}" ...>')
    problems = []
    if not root.get("viewBox"):
        problems.append('add a viewBox="0 0 WIDTH HEIGHT" to <svg> so the drawing scales')
    children = [_local(child.tag) for child in root]
    for needed in ("title", "desc"):
        if needed not in children or not "".join(root.find(f"{{{SVG_NS}}}{needed}").itertext()).strip():
            problems.append(f"add a non-empty <{needed}> as a child of <svg>")
    for element in root.iter():
        tag = _local(element.tag)
        if tag == "style":
            problems.append("remove the <style> element: inline, it would restyle the whole page; "
                            "put figure styles in the Figures part of docs/assets/guide.css")
        elif tag in UNSAFE_ELEMENTS:
            problems.append(f"remove the <{tag}> element (figures are plain shapes and text)")
        for attribute, value in element.attrib.items():
            attribute = _local(attribute)
            if attribute.lower().startswith("on"):
                problems.append(f'remove the {attribute}="..." event handler on <{tag}>')
            if attribute in ("href", "src") and not value.startswith("#"):
                problems.append(
                    f'remove {attribute}="{value}" on <{tag}>: a drawing may not load or link to '
                    "anything; put links in the figcaption or the text description"
                )
    if problems:
        raise ValueError("needs fixing: " + "; ".join(dict.fromkeys(problems)))
    return root


def inline_svg(root: ET.Element, prefix: str) -> str:
    """The drawing as inline HTML: ids prefixed, role and aria-labelledby set, no comments.
    Changes `root` in place (parse_svg() gives a fresh tree each time)."""
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    for element in root.iter():
        for attribute, value in list(element.attrib.items()):
            if attribute == "id":
                element.set("id", prefix + value)
            elif _local(attribute) == "href" and value[1:] in ids:
                element.set(attribute, "#" + prefix + value[1:])
            elif "url(#" in value:
                element.set(attribute, re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m[1]})"
                                              if m[1] in ids else m[0], value))
    labels = []
    for part in ("title", "desc"):
        element = root.find(f"{{{SVG_NS}}}{part}")
        if not element.get("id"):
            element.set("id", prefix + part)
        labels.append(element.get("id"))
    for attribute in ("role", "aria-labelledby", "aria-describedby", "aria-hidden", "width", "height"):
        root.attrib.pop(attribute, None)
    root.set("role", "img")
    root.set("aria-labelledby", " ".join(labels))
    return re.sub(r"\n[ \t]*(?=\n)", "", ET.tostring(root, encoding="unicode"))  # no blank lines


# a drawing inlined once per build and per `mkdocs serve` session, until its file changes
_inlined: dict[tuple[Path, int, str], str] = {}


def inlined_figure(path: Path, prefix: str) -> str:
    """parse_svg() then inline_svg(), remembered by file, modification time and prefix."""
    key = (path, path.stat().st_mtime_ns, prefix)
    if key not in _inlined:
        _inlined[key] = inline_svg(parse_svg(path), prefix)
    return _inlined[key]


def figure_problems(markdown: str, marker_end: int, chapter: int | None) -> list[str]:
    """What the figure around a marker lacks: a numbered caption, then a text description."""
    close = markdown.find("</figure>", marker_end)
    caption = CAPTION_NUMBER.search(markdown, marker_end, close if close >= 0 else len(markdown))
    if close < 0 or not caption:
        return [
            "put the marker inside <figure class=\"guide-figure\" id=\"figure-N-N\" markdown>, followed by "
            "<figcaption markdown>**Figure N.N.** What it shows (Author, Year)</figcaption> and </figure>"
        ]
    number = caption["number"]
    problems = []
    if chapter is not None and int(number.split(".")[0]) != chapter:
        problems.append(f"Figure {number} is on a chapter {chapter} page: number it {chapter}.N")
    following = "\n".join(markdown[close:].split("\n", 3)[1:3])
    # collapsed as written; opened ("!!!") in the printable edition (hooks/print_page.py)
    described = re.compile(r"^[ \t]*(?:\?\?\?\+?|!!!) info \"" + any_of(FIGURE_DESCRIPTION) + re.escape(f' {number}"'), re.M)
    if not described.search(following):
        problems.append(
            f"add the text alternative right after </figure>: a line "
            f"{DESCRIPTION.format(number=number)} and, indented by 4 spaces, the same content in words"
        )
    return problems


def replace_markers(markdown: str, docs_dir: Path, src_uri: str,
                    source: str | None = None) -> tuple[str, dict[str, str]]:
    """Check every figure marker of one page and put a placeholder in its place (raises
    FigureError listing every problem). Returns the new Markdown and the inline drawing
    for each placeholder, for generated_blocks.fill() once the page is HTML."""
    source = markdown if source is None else source
    masked = mask_fenced_code(markdown)
    chapter_match = CHAPTER_FOLDER.match(src_uri)
    chapter = int(chapter_match["chapter"]) if chapter_match else None
    problems: list[str] = []
    blocks: dict[str, str] = {}
    pieces: list[str] = []
    position = 0
    counts: dict[str, int] = {}
    for match in MARKER.finditer(masked):
        name, indent = match["name"], match["indent"]
        counts[name] = counts.get(name, 0) + 1
        line = _line_in_source(source, match[0].strip(), counts[name])
        where = f"line {line}, figure \"{name}\""
        path = figure_path(docs_dir, name)
        shown = f"docs/{FIGURES_DIR}/{name}.svg"
        if not NAME.match(name):
            problems.append(f"{where}: the name may hold only lower-case letters, digits and hyphens")
            continue
        if not path.is_file():
            problems.append(f"{where}: {shown} does not exist. Create it, or correct the name in the marker")
            continue
        prefix = f"fig-{name}-{counts[name]}-" if counts[name] > 1 else f"fig-{name}-"
        try:
            svg = inlined_figure(path, prefix)
        except ValueError as error:
            problems.append(f"{where}: {shown} {error}")
            continue
        problems += [f"{where}: {problem}" for problem in figure_problems(markdown, match.end(), chapter)]
        # the drawing itself goes in after conversion: Markdown would only re-parse it
        blocks[prefix] = svg
        pieces.append(markdown[position:match.start()])
        pieces.append(f'{indent}<div class="guide-figure__art" markdown="0">\n{indent}{marker(prefix)}\n{indent}</div>')
        position = match.end()
    if problems:
        raise FigureError(
            f"{Path(docs_dir).name}/{src_uri}: figure problem(s):\n  - " + "\n  - ".join(problems)
            + "\nSee \"Edit a figure\" in README.md for the figure block and the SVG rules."
        )
    pieces.append(markdown[position:])
    return "".join(pieces), blocks


def _line_in_source(source: str, marker: str, occurrence: int) -> int:
    """1-based line of the n-th occurrence of a marker in the page as written."""
    index = -1
    for _ in range(occurrence):
        index = source.find(marker, index + 1)
        if index < 0:
            return 0
    return source.count("\n", 0, index) + 1


# each page's drawings, from its on_page_markdown to its on_page_content
drawings: dict[str, dict[str, str]] = {}


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    if "figure:" not in markdown:
        return markdown
    markdown, drawings[page.file.src_uri] = replace_markers(markdown, Path(config.docs_dir), page.file.src_uri,
                                                            page.file.content_string)
    return markdown


def on_page_content(html, page, config, files):
    blocks = drawings.pop(page.file.src_uri, None)
    return fill(html, blocks, f"docs/{page.file.src_uri}") if blocks else html
