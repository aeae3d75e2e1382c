"""The book edition as a PDF: the built print page laid out for paper by WeasyPrint.

usage: python tools/export_pdf.py SITE_DIR [OUTPUT.pdf] [--lang LANG]     (or: make pdf)

SITE_DIR is a built guide (`mkdocs build`, every language edition); its print/index.html
(hooks/print_page.py: the whole guide on one page, in reading order, with the answer key)
becomes OUTPUT.pdf (default: exports/helping-relationship.pdf). Each other language edition
of mkdocs.yml's extra.alternate is laid out from its own print page (SITE_DIR/fr/print/) into
OUTPUT-<lang>.pdf beside it (exports/helping-relationship-fr.pdf), the rule of the QTI and
Moodle exports; `--lang` lays out one edition only. Letter size, with what a browser's Print command cannot
give: a page number on every page, the page numbers in the contents list, a running head
(the chapter on left pages, the section on right ones) and cross-references a reader of paper
can follow ("see section 2.5, p. 57"). The words come from the edition's interface words
(data/interface.yml, data/fr/interface.yml: section `print`, page_ref and page_only); the
running heads are the print page's own headings, so in the edition's language; the layout from tools/book.css, on top of the site's own
stylesheets (the guide's print rules, figures, Skills lab) without Material's screen theme.

WeasyPrint is needed here only (requirements-dev.txt; Debian's Pango, see README.md): the
site's own build never imports it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from urllib.parse import urljoin

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from guide_project import editions, load_config  # noqa: E402

BOOK_CSS = ROOT / "tools" / "book.css"
DEFAULT_OUTPUT = ROOT / "exports" / "helping-relationship.pdf"
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(?P<body>.*?)</article>', re.S)
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"')
THEME_CSS = "assets/stylesheets/"  # Material's own, made for the screen: tools/book.css replaces it
LANG = re.compile(r'<html lang="(?P<lang>[^"]+)"')
TITLE = re.compile(r'<h1 id="print-edition">(?P<title>.*?)</h1>', re.S)
PLACEHOLDER = re.compile(r"\{(\w+)\}")
CANONICAL = re.compile(r'<link rel="canonical" href="(?P<url>[^"]+)"')
# a link to a page that is not printed (My progress, the concept index): relative to print/
SITE_LINK = re.compile(r'(?<=\shref=")(?![#]|[a-z][a-z0-9+.-]*:|//)(?P<path>[^"]*)"')
# what each placeholder of the words becomes in CSS: the link's reference, its target's page
CSS_VALUES = {"ref": "attr(data-print-ref)", "page": "target-counter(attr(href url), page)"}


def book_document(print_html: str) -> tuple[str, list[str]]:
    """The print page's content as a document of its own (no navigation, no script; links to
    the site's other pages made absolute, from the page's canonical address), and the site
    stylesheets it links (relative to print/), Material's theme left out."""
    article = ARTICLE.search(print_html)
    if not article:
        raise SystemExit("print/index.html: the guide's content (<article class=\"md-content__inner\">) was not "
                         "found; the theme's page template may have changed (see overrides/).")
    lang = LANG.search(print_html)
    title = TITLE.search(print_html)
    name = re.sub(r"<[^>]+>", "", title["title"]).strip() if title else ""
    sheets = [m["href"] for m in STYLESHEET.finditer(print_html) if THEME_CSS not in m["href"]]
    body = SCRIPT.sub("", article["body"])
    canonical = CANONICAL.search(print_html)
    if canonical:  # in the PDF, such a link leads to the hosted guide, not to a file of the build
        body = SITE_LINK.sub(lambda link: f'{urljoin(canonical["url"], link["path"])}"', body)
    document = (f'<!DOCTYPE html>\n<html lang="{lang["lang"] if lang else "en"}">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{name}</title>\n</head>\n"
                f'<body>\n<article class="md-content__inner md-typeset book">{body}</article>\n</body>\n</html>\n')
    return document, sheets


def css_content(template: str, key: str) -> str:
    """Words with {ref} and {page} as a CSS `content` value: "{ref}, p. {page}" ->
    "attr(data-print-ref) ", p. " target-counter(attr(href url), page)"."""
    parts = []
    for i, piece in enumerate(PLACEHOLDER.split(template)):
        if i % 2:
            if piece not in CSS_VALUES:
                raise SystemExit(f'data/interface.yml, print: {key}: unknown placeholder {{{piece}}} in "{template}"; '
                                 f"use {', '.join('{' + name + '}' for name in CSS_VALUES)}.")
            parts.append(CSS_VALUES[piece])
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def reference_css(words: dict[str, str]) -> str:
    """The cross-references with their page numbers, in the words of data/interface.yml."""
    full = css_content(words.get("page_ref", "{ref}, p. {page}"), "page_ref")
    page = css_content(words.get("page_only", "p. {page}"), "page_only")
    # the selectors of docs/assets/guide.css's print rule, so that these, later, replace it
    return (f'.md-typeset a[data-print-ref]:not([data-print-named])::after {{ content: " (" {full} ")"; }}\n'
            f'.md-typeset a[data-print-ref][data-print-named]::after {{ content: " (" {page} ")"; }}\n')


def print_words(root: Path = ROOT, lang: str | None = None) -> dict[str, str]:
    """The edition's interface words (data/interface.yml, data/fr/interface.yml), section print
    (the build has checked the file)."""
    data_dir = load_config(root, lang)["data_dir"]
    data = yaml.safe_load((root / data_dir / "interface.yml").read_text(encoding="utf-8")) or {}
    return data.get("print") or {}


def edition_folder(root: Path = ROOT, lang: str | None = None) -> str:
    """Where the edition in `lang` is in the built site: "" for the first (or None), "fr/"."""
    load_config(root, lang)  # an unknown language stops here, naming the editions
    return next((e["folder"] for e in editions(load_config(root)) if e["lang"] == lang), "")


def edition_outputs(output: Path, root: Path = ROOT, lang: str | None = None) -> list[tuple[str, Path]]:
    """(lang, PDF) of every edition, or of the one in `lang`: the first into OUTPUT, each other
    into OUTPUT-<lang>.pdf beside it."""
    first, *others = editions(load_config(root))
    if lang:
        load_config(root, lang)  # an unknown language stops here, naming the editions
    return [(e["lang"], output if e is first else output.with_name(f"{output.stem}-{e['lang']}{output.suffix}"))
            for e in [first, *others] if lang in (None, e["lang"])]


def write_pdf(site: Path, output: Path, root: Path = ROOT, lang: str | None = None) -> int:
    """Lay out the print page of the edition in `lang` (None: the first) of the built site
    SITE (SITE/print/index.html, SITE/fr/print/index.html) as a book in OUTPUT; returns the
    number of pages."""
    import weasyprint  # here only: the site's own build never needs it

    page = site / edition_folder(root, lang) / "print" / "index.html"
    if not page.is_file():
        raise SystemExit(f"{page}: no print page; build the guide first (mkdocs build -d {site}), "
                         "which builds every language edition.")
    document, sheets = book_document(page.read_text(encoding="utf-8"))
    stylesheets = [weasyprint.CSS(filename=str((page.parent / href).resolve())) for href in sheets]
    stylesheets += [weasyprint.CSS(filename=str(BOOK_CSS)), weasyprint.CSS(string=reference_css(print_words(root, lang)))]
    book = weasyprint.HTML(string=document, base_url=str(page)).render(stylesheets=stylesheets)
    output.parent.mkdir(parents=True, exist_ok=True)
    book.write_pdf(output)
    return len(book.pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built guide (mkdocs build -d SITE)")
    parser.add_argument("output", type=Path, nargs="?", default=DEFAULT_OUTPUT,
                        help="the first edition's PDF; each other edition's is OUTPUT-<lang>.pdf beside it")
    parser.add_argument("--lang", help="one language edition (its code in mkdocs.yml's extra.alternate); "
                        "default: every edition")
    args = parser.parse_args(argv)
    for lang, output in edition_outputs(args.output, lang=args.lang):
        start = time.perf_counter()
        pages = write_pdf(args.site, output, lang=lang)
        print(f"{output}: {pages} pages, {output.stat().st_size // 1024} KB, "
              f"in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
