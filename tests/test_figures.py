"""Tests of the figures: hooks/figures.py on its own, the SVG files, and the built pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

import figures
from conftest import ROOT, built_pages
from figures import FigureError, replace_markers
from shared.box_titles import FIGURE_DESCRIPTION
from shared.generated_blocks import fill
from shared.page_outline import nav_order

FIGURES = ROOT / "docs" / "assets" / "figures"
SVG_NS = "http://www.w3.org/2000/svg"
PHONE_WIDTH = 328   # CSS pixels of content on a 360px-wide phone (Material's 0.8rem margins)

GOOD_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 200">
  <title>Demo title</title>
  <desc>Demo description</desc>
  <!-- a comment for editors -->
  <defs><marker id="arrow"><path d="M0,0 L10,5 z"/></marker></defs>
  <line x1="0" y1="0" x2="10" y2="10" marker-end="url(#arrow)"/>
  <text x="10" y="40" font-size="28">A &amp; B</text>
</svg>
"""


def figure_block(name: str, number: str) -> str:
    return (
        f'<figure class="guide-figure" id="figure-{number.replace(".", "-")}" markdown>\n'
        f"<!-- figure: {name} -->\n"
        f"<figcaption markdown>**Figure {number}.** Demo (Rogers, 1957)</figcaption>\n"
        "</figure>\n\n"
        f'??? info "Text description of Figure {number}"\n'
        "    Words.\n"
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs" / "assets" / "figures"
    folder.mkdir(parents=True)
    (folder / "demo.svg").write_text(GOOD_SVG, encoding="utf-8")
    (folder / "other.svg").write_text(GOOD_SVG, encoding="utf-8")
    return tmp_path / "docs"


def ids_and_refs(html: str) -> tuple[list[str], list[str]]:
    ids = re.findall(r'\sid="([^"]+)"', html)
    refs = [ref for value in re.findall(r'aria-labelledby="([^"]+)"', html) for ref in value.split()]
    refs += re.findall(r"url\(#([^)]+)\)", html)
    return ids, refs


# ---------- hooks/figures.py on its own

def inline(markdown: str, docs, src_uri: str) -> str:
    """The page with its drawings in place, as after on_page_markdown and on_page_content."""
    return fill(*replace_markers(markdown, docs, src_uri), src_uri)


def test_marker_is_replaced_by_the_inline_svg(docs):
    markdown = "Intro.\n\n" + figure_block("demo", "2.1")
    out = inline(markdown, docs, "02-foundations/page.md")
    assert "<!-- figure:" not in out
    assert "<?xml" not in out and "a comment for editors" not in out
    assert '<div class="guide-figure__art" markdown="0">' in out
    svg = re.search(r"<svg[^>]*>", out)[0]
    assert 'role="img"' in svg
    assert 'aria-labelledby="fig-demo-title fig-demo-desc"' in svg
    assert '<title id="fig-demo-title">Demo title</title>' in out
    assert "A &amp; B" in out
    assert "url(#fig-demo-arrow)" in out and 'id="fig-demo-arrow"' in out
    assert "**Figure 2.1.**" in out and "Text description of Figure 2.1" in out


def test_ids_are_unique_when_figures_share_a_page(docs):
    markdown = "\n".join([figure_block("demo", "2.1"), figure_block("other", "2.2"), figure_block("demo", "2.3")])
    out = inline(markdown, docs, "02-foundations/page.md")
    ids, refs = ids_and_refs(out)
    figure_ids = [i for i in ids if i.startswith("fig-")]
    assert len(figure_ids) == 9 and len(set(figure_ids)) == 9
    assert set(refs) <= set(ids)


def test_on_page_markdown_with_mkdocs_objects(docs, tmp_path):
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
    errors, _ = config.validate()
    assert not errors
    page_path = docs / "05-professional-development" / "page.md"
    page_path.parent.mkdir()
    markdown = "# Title\n\n" + figure_block("demo", "5.1")
    page_path.write_text(markdown, encoding="utf-8")
    file = File("05-professional-development/page.md", str(docs), str(tmp_path / "site"), True)
    page = Page(None, file, config)
    out = figures.on_page_markdown(markdown, page=page, config=config, files=None)
    assert "<!-- figure:" not in out and "<svg" not in out  # the drawing waits for the HTML
    assert '<div class="guide-figure__art" markdown="0">\n<!-- generated: fig-demo- -->\n</div>' in out
    html = figures.on_page_content(out, page=page, config=config, files=None)
    assert 'role="img"' in html and "<!-- generated:" not in html and page.file.src_uri not in figures.drawings


def test_missing_file_names_page_line_and_file(docs):
    markdown = "Line one.\n\nLine three.\n\n" + figure_block("no-such-figure", "2.1")
    with pytest.raises(FigureError) as error:
        replace_markers(markdown, docs, "02-foundations/page.md")
    message = str(error.value)
    assert "docs/02-foundations/page.md" in message
    assert "line 6" in message
    assert "docs/assets/figures/no-such-figure.svg does not exist" in message


def test_malformed_svg_names_the_file_and_the_xml_error(docs):
    (docs / "assets" / "figures" / "broken.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<title>T</title>\n<text>A & B</text>\n</svg>',
        encoding="utf-8",
    )
    with pytest.raises(FigureError) as error:
        replace_markers(figure_block("broken", "2.1"), docs, "02-foundations/page.md")
    message = str(error.value)
    assert "docs/02-foundations/page.md" in message and "line 2" in message
    assert "docs/assets/figures/broken.svg is not well-formed XML" in message
    assert "line 3" in message   # where the bad "&" is, in the SVG file


@pytest.mark.parametrize("svg, problem", [
    ('<svg xmlns="http://www.w3.org/2000/svg"><title>T</title><desc>D</desc></svg>', "viewBox"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><desc>D</desc></svg>', "<title>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>T</title></svg>', "<desc>"),
    ('<svg viewBox="0 0 1 1"><title>T</title><desc>D</desc></svg>', "root element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>T</title><desc>D</desc>'
     "<script>alert(1)</script></svg>", "<script>"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>T</title><desc>D</desc>'
     '<rect onclick="x()"/></svg>', "event handler"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>T</title><desc>D</desc>'
     '<a href="https://example.org"><text>x</text></a></svg>', "may not load or link"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>T</title><desc>D</desc>'
     "<style>text { fill: red }</style></svg>", "<style>"),
])
def test_unusable_svg_is_refused(docs, svg, problem):
    (docs / "assets" / "figures" / "bad.svg").write_text(svg, encoding="utf-8")
    with pytest.raises(FigureError, match=re.escape(problem)):
        replace_markers(figure_block("bad", "2.1"), docs, "02-foundations/page.md")


def test_figure_without_text_description_fails(docs):
    markdown = figure_block("demo", "2.1").split("???")[0]
    with pytest.raises(FigureError, match="Text description of Figure 2.1"):
        replace_markers(markdown, docs, "02-foundations/page.md")


def test_a_french_text_description_is_accepted_and_errors_name_the_editions_folder(docs):
    import shutil
    french = figure_block("demo", "2.1").replace("Text description of Figure", "Description textuelle de la figure")
    assert replace_markers(french, docs, "02-foundations/page.md")[1]  # the French edition's title is one
    french_docs = docs.parent / "docs-fr"
    shutil.copytree(docs, french_docs)
    with pytest.raises(FigureError, match=r"^docs-fr/02-foundations/page\.md: figure problem"):
        replace_markers(french.split("???")[0], french_docs, "02-foundations/page.md")


def test_figure_without_caption_fails(docs):
    with pytest.raises(FigureError, match="figcaption"):
        replace_markers("<!-- figure: demo -->\n", docs, "02-foundations/page.md")


def test_figure_numbered_for_another_chapter_fails(docs):
    with pytest.raises(FigureError, match="chapter 3 page"):
        replace_markers(figure_block("demo", "2.1"), docs, "03-frameworks/page.md")


def test_marker_in_a_code_example_is_left_alone(docs):
    markdown = "```markdown\n<!-- figure: no-such-figure -->\n```\n"
    assert replace_markers(markdown, docs, "02-foundations/page.md") == (markdown, {})


# ---------- the SVG files

SVG_FILES = sorted(FIGURES.glob("*.svg"))


def nav_figure_markers() -> list[str]:
    """The figure markers of the pages in the nav (not the examples in fenced code)."""
    from guide_facts import NAV, source
    from shared.page_outline import mask_fenced_code
    return [name for page in NAV for name in re.findall(r"<!-- figure: ([\w-]+) -->", mask_fenced_code(source(page)))]


def test_every_marker_names_a_figure_file():
    assert set(nav_figure_markers()) <= {path.stem for path in SVG_FILES}


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda p: p.name)
def test_svg_file_is_well_formed_and_usable(path):
    ET.parse(path)                      # well-formed XML
    figures.parse_svg(path)             # viewBox, title, desc, no script, no link


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda p: p.name)
def test_svg_text_is_at_least_14px_on_a_phone(path):
    root = ET.parse(path).getroot()
    width = float(root.get("viewBox").split()[2])

    def walk(element, size):
        size = float(element.get("font-size", size))
        if element.tag == f"{{{SVG_NS}}}text":
            assert size * PHONE_WIDTH / width >= 14, (
                f"{path.name}: text {''.join(element.itertext())!r} is {size} units in a {width:.0f}-wide "
                f"viewBox, {size * PHONE_WIDTH / width:.1f}px on a phone; make it larger"
            )
        for child in element:
            walk(child, size)

    walk(root, 16)


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda p: p.name)
def test_every_svg_file_is_used_by_a_page(path):
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    assert f"<!-- figure: {path.stem} -->" in pages, f"{path.name} is not used by any page"


# ---------- the built pages

class FigureParser(HTMLParser):
    """The figures of one built page: their tags and attributes, caption and what follows."""

    def __init__(self):
        super().__init__()
        self.figures: list[dict] = []
        self.page_ids: list[str] = []
        self._current: dict | None = None
        self._in_caption = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page_ids.append(attrs["id"])
        if tag == "figure" and "guide-figure" in (attrs.get("class") or "").split():
            self._current = {"id": attrs.get("id"), "tags": [], "caption": ""}
            return
        if self._current is not None:
            self._current["tags"].append((tag, attrs))
            if tag == "figcaption":
                self._in_caption = True

    def handle_endtag(self, tag):
        if self._current is None:
            return
        if tag == "figcaption":
            self._in_caption = False
        if tag == "figure":
            self._current["end"] = self.getpos()
            self.figures.append(self._current)
            self._current = None

    def handle_data(self, data):
        if self._current is not None and self._in_caption:
            self._current["caption"] += data


def site_figures(site: Path) -> dict[str, tuple[str, FigureParser]]:
    found = {}
    for url in built_pages(site):
        path = site / url / "index.html" if not url.endswith(".html") else site / url
        text = path.read_text(encoding="utf-8")
        if "guide-figure" in text:
            parser = FigureParser()
            parser.feed(text)
            if parser.figures:
                found[url] = (text, parser)
    return found


def test_every_marker_became_a_figure(built_site):
    from guide_facts import EXTRA
    from shared.editions import editions
    others = tuple(e.folder for e in editions(EXTRA)[1:])  # the other language editions' folders (fr/)
    count = sum(len(parser.figures) for url, (_, parser) in site_figures(built_site).items()
                if not url.startswith(("print",) + others))
    assert count == len(nav_figure_markers())


def test_every_figure_is_captioned_accessible_described_and_local(built_site):
    for url, (text, parser) in site_figures(built_site).items():
        for figure in parser.figures:
            where = f"{url} {figure['id']}"
            number = re.search(r"Figure (\d+\.\d+)\.", figure["caption"])
            assert number, f"{where}: figcaption has no 'Figure N.N.'"
            number = number[1]
            svgs = [attrs for tag, attrs in figure["tags"] if tag == "svg"]
            assert len(svgs) == 1, f"{where}: expected one inline <svg>"
            assert svgs[0].get("role") == "img", f"{where}: the svg needs role=img"
            labels = (svgs[0].get("aria-labelledby") or "").split()
            inside = {attrs["id"]: tag for tag, attrs in figure["tags"] if attrs.get("id")}
            assert len(labels) == 2, f"{where}: aria-labelledby should name the title and the desc"
            assert [inside.get(label) for label in labels] == ["title", "desc"], f"{where}: {labels}"
            for tag, attrs in figure["tags"]:
                for name in ("href", "src", "xlink:href"):
                    value = attrs.get(name) or ""
                    assert not re.match(r"(?i)([a-z][a-z0-9+.-]*:|//)", value), (
                        f"{where}: <{tag} {name}={value!r}> points outside the site"
                    )
            # collapsed (<details>) on its page; opened (an admonition) in the printable edition
            after = re.search(
                rf'id="{figure["id"]}".*?</figure>\s*(?:<details class="info">\s*<summary>(.*?)</summary>'
                r'|<div class="admonition info">\s*<p class="admonition-title">(.*?)</p>)',
                text, re.DOTALL,
            )
            assert after and (after[1] or after[2]) in {f"{title} {number}" for title in FIGURE_DESCRIPTION}, (
                f"{where}: no 'Text description of Figure {number}' (in the page's language) right after the figure"
            )
            body = re.sub(r"<figure.*?</figure>|<summary>.*?</summary>|<p class=\"admonition-title\">.*?</p>",
                          "", text, flags=re.DOTALL)
            assert re.search(rf"(?i:Figure) {re.escape(number)}\b", body), (  # "la figure 2.4" in French
                f"{where}: the prose never refers to Figure {number}"
            )


def test_figure_ids_are_unique_on_each_page(built_site):
    for url, (_, parser) in site_figures(built_site).items():
        figure_ids = [i for i in parser.page_ids if i.startswith(("fig-", "figure-"))]
        assert len(figure_ids) == len(set(figure_ids)), f"{url}: duplicate ids {figure_ids}"


def test_figures_are_numbered_in_reading_order_by_chapter(built_site):
    import yaml

    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    order = [src[: -len("index.md")] if src.endswith("index.md") else src[:-3] + "/" for src in nav_order(nav)]
    found = site_figures(built_site)
    numbers: dict[int, list[int]] = {}
    for url in order:
        if url not in found or not re.match(r"\d\d-", url):   # chapter pages, not the printable edition
            continue
        for figure in found[url][1].figures:
            chapter, n = map(int, re.search(r"Figure (\d+)\.(\d+)\.", figure["caption"]).groups())
            assert url.startswith(f"{chapter:02d}-"), f"{url}: Figure {chapter}.{n} is in another chapter"
            assert figure["id"] == f"figure-{chapter}-{n}", f"{url}: id {figure['id']} for Figure {chapter}.{n}"
            numbers.setdefault(chapter, []).append(n)
    for chapter, ns in numbers.items():
        assert ns == list(range(1, len(ns) + 1)), f"chapter {chapter}: figures numbered {ns}"


def test_an_edited_drawing_is_read_again(docs):
    """Drawings are remembered between pages and `mkdocs serve` rebuilds, until the file changes."""
    import os
    page = figure_block("demo", "2.1")
    first = inline(page, docs, "02-f/page.md")
    assert "Demo title" in first and inline(page, docs, "02-f/page.md") == first
    svg = docs / "assets" / "figures" / "demo.svg"
    svg.write_text(GOOD_SVG.replace("Demo title", "Edited title"), encoding="utf-8")
    stat = svg.stat()
    os.utime(svg, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert "Edited title" in inline(page, docs, "02-f/page.md")
    svg.write_text("<svg", encoding="utf-8")
    os.utime(svg, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    with pytest.raises(FigureError, match="not well-formed"):
        replace_markers(page, docs, "02-f/page.md")
