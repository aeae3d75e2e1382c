"""The book edition (make pdf): the built print page laid out by WeasyPrint, read back with pypdf.

Checked as a reader of paper would: a page number on every page, a contents list whose page
numbers lead to the pages where those headings are, and cross-references whose page numbers
fall inside the section they name; in every language edition (extra.alternate), each from its
own print page (fr/print/) and its own words (data/fr/interface.yml). Titles and words come from
the built print page and the interface words, so a renamed or reordered guide, or one with a
single language, passes unchanged. About a minute per edition.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from conftest import ROOT
from export_pdf import book_document, css_content, edition_folder, edition_outputs, reference_css
from guide_project import editions, load_config

LANGS = [edition["lang"] for edition in editions(load_config(ROOT))]


def _flat(text: str) -> str:
    """Text as a reader sees it, whatever the line breaks and hyphens of the layout."""
    text = re.sub(r"[\u2010\u00ad-]\n", "", text)  # a word hyphenated at the end of a line
    return " ".join(text.replace("\u2019", "'").split())


@pytest.fixture(scope="module", params=LANGS)
def lang(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def words(lang) -> dict[str, str]:
    """The edition's words for the printed page (section print of its interface.yml)."""
    data_dir = load_config(ROOT, lang)["data_dir"]
    return yaml.safe_load((ROOT / data_dir / "interface.yml").read_text(encoding="utf-8"))["print"]


@pytest.fixture(scope="module")
def book(built_site, lang, tmp_path_factory):
    """The PDF of one edition of the built guide: (print page HTML, text of each page, pypdf reader)."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # its Python package installs; Pango is Debian's
        pytest.fail(f"WeasyPrint cannot load Pango ({error}): apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
                    "libharfbuzz-subset0 (README.md, make pdf)")
    import pypdf
    from export_pdf import write_pdf

    output = tmp_path_factory.mktemp("book") / "book.pdf"
    pages = write_pdf(built_site, output, lang=lang)
    reader = pypdf.PdfReader(output)
    assert len(reader.pages) == pages
    texts = [page.extract_text() for page in reader.pages]
    return (built_site / edition_folder(ROOT, lang) / "print" / "index.html").read_text(encoding="utf-8"), texts, reader


def contents_entries(print_html: str) -> list[tuple[str, str]]:
    """(target id, title) of each entry of the print page's contents list."""
    contents = print_html[print_html.find('class="print-contents"'):]
    contents = contents[:contents.find("</nav>")]
    return [(target, html.unescape(title)) for target, title in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', contents)]


def printed_numbers(texts: list[str], entries: list[tuple[str, str]]) -> dict[str, int]:
    """The page number the PDF's contents gives each title (read in order, leaders skipped)."""
    first = next(i for i, text in enumerate(texts) if _flat(entries[0][1]) in _flat(text))  # the contents' first page
    flat = _flat(" ".join(texts[first:first + 6]))
    numbers, position = {}, 0
    for _, title in entries:
        found = re.compile(re.escape(_flat(title)) + r"[ .]*?(\d+)\b").search(flat, position)
        assert found, f'contents: "{title}" not followed by a page number'
        numbers[title], position = int(found[1]), found.end()
    return numbers


def test_the_page_count_is_that_of_a_book(book):
    print_html, texts, _ = book
    entries = contents_entries(print_html)
    words = len(re.sub(r"<[^>]+>", " ", print_html[print_html.find("<article"):]).split())
    # each printed page starts a new sheet, after the title page and the contents; a page holds
    # far more than 100 words (fewer would mean something breaks a page at every element)
    assert len(entries) + 2 <= len(texts) <= words / 100, (len(texts), len(entries), words)


def test_every_page_has_its_number(book):
    _, texts, _ = book
    missing = [n for n, text in enumerate(texts, 1) if str(n) not in [line.strip() for line in text.splitlines()]]
    assert not missing, f"pages without their number: {missing[:20]}"


def test_the_contents_page_numbers_lead_to_the_headings(book):
    print_html, texts, reader = book
    entries = contents_entries(print_html)
    numbers = printed_numbers(texts, entries)
    assert list(numbers.values()) == sorted(numbers.values()), "contents out of page order"
    wrong = [(title, n) for title, n in numbers.items() if not 0 < n <= len(texts) or _flat(title) not in _flat(texts[n - 1])]
    assert not wrong, f"the heading is not on the page the contents gives: {wrong}"
    # the page each heading is laid out on (the PDF's bookmarks, from the headings themselves):
    # the same as printed, not a later page that shows the title in its running head only
    bookmarks = {}
    for item in reader.outline:
        if not isinstance(item, list):
            bookmarks.setdefault(_flat(item.title), reader.get_destination_page_number(item) + 1)
    off = [(title, n, bookmarks.get(_flat(title))) for title, n in numbers.items() if bookmarks.get(_flat(title)) != n]
    assert not off, f"(title, contents page, heading's page): {off}"


def test_every_page_after_a_heading_is_headed_by_its_chapter_or_section(book):
    """The running head: the chapter on left pages, the section (or the chapter, on a chapter's
    own pages) on right ones; on the page where it starts, the heading itself."""
    print_html, texts, _ = book
    entries = contents_entries(print_html)
    numbers = printed_numbers(texts, entries)
    starts = list(numbers.values()) + [len(texts) + 1]
    chapter = ""
    unheaded = []
    for (_, title), start, end in zip(entries, starts, starts[1:]):
        if not re.match(r"\d+\.\d+\s", title):
            chapter = title
        unheaded += [(n, title) for n in range(start + 1, end)
                     if _flat(title) not in _flat(texts[n - 1]) and _flat(chapter) not in _flat(texts[n - 1])]
    assert not unheaded, f"(page, title) pages without their running head: {unheaded[:10]}"


def test_cross_references_give_a_page_inside_the_section_they_name(book, words):
    print_html, texts, _ = book
    entries = contents_entries(print_html)
    numbers = printed_numbers(texts, entries)
    starts = list(numbers.values()) + [len(texts) + 1]
    section_pages = {}
    for (_, title), start, end in zip(entries, starts, starts[1:]):
        number = re.match(r"(\d+(?:\.\d+)?)\s", title)
        if number:
            section_pages[number[1]] = range(start, max(start, end - 1) + 1)
    reference = re.escape(words["see_section"]).replace(re.escape("{n}"), r"(?P<n>\d+(?:\.\d+)?)")
    pattern = re.compile(re.escape(words["page_ref"]).replace(re.escape("{ref}"), reference)
                         .replace(re.escape("{page}"), r"(?P<page>\d+)"))
    found = [(n, match["n"], int(match["page"])) for n, text in enumerate(texts, 1) for match in pattern.finditer(_flat(text))]
    assert len(found) >= 10, f"few cross-references with a page number were found: {found}"
    wrong = [ref for ref in found if ref[1] in section_pages and ref[2] not in section_pages[ref[1]]]
    assert not wrong, f"(on page, section, page given) outside that section's pages: {wrong[:10]}"


def test_the_book_document_keeps_the_content_and_drops_the_site():
    page = ('<html lang="fr" class="no-js"><head><link rel="canonical" href="https://u.example/g/print/">'
            '<link rel="stylesheet" href="../assets/stylesheets/main.css">'
            '<link rel="stylesheet" href="../assets/guide.css"></head><body><nav>menu</nav>'
            '<article class="md-content__inner md-typeset"><div class="print-title-page">'
            '<h1 id="print-edition">Guide &amp; co</h1></div><script>x()</script><p>Text, '
            '<a href="#s-x">in</a>, <a href="../progress/">mine</a>, <a href="https://a.example/">out</a></p>'
            '</article></body></html>')
    document, sheets = book_document(page)
    assert sheets == ["../assets/guide.css"]  # Material's theme is for the screen
    assert '<html lang="fr">' in document and "<title>Guide &amp; co</title>" in document
    assert "<p>Text, " in document and "menu" not in document and "<script" not in document
    # a page that is not printed is on the hosted guide
    assert 'href="#s-x"' in document and 'href="https://u.example/g/progress/"' in document
    assert 'href="https://a.example/"' in document


def test_the_words_of_a_reference_become_css_content():
    assert css_content("{ref}, p. {page}", "page_ref") == ('attr(data-print-ref) ", p. " '
                                                            "target-counter(attr(href url), page)")
    assert css_content('voir "{page}"', "page_only") == '"voir \\"" target-counter(attr(href url), page) "\\""'
    with pytest.raises(SystemExit, match="page_ref: unknown placeholder {n}"):
        css_content("{n}", "page_ref")
    css = reference_css({"page_ref": "{ref}, p. {page}", "page_only": "p. {page}"})
    assert "a[data-print-ref][data-print-named]::after" in css


def test_each_edition_has_its_own_pdf_beside_the_first():
    output = ROOT / "exports" / "book.pdf"
    outputs = edition_outputs(output)
    assert [lang for lang, _ in outputs] == LANGS
    assert outputs[0][1] == output  # the first edition keeps the name given
    assert [path.name for _, path in outputs[1:]] == [f"book-{lang}.pdf" for lang in LANGS[1:]]
    assert edition_outputs(output, lang=LANGS[-1]) == outputs[-1:]
    with pytest.raises(SystemExit, match="no edition in language 'xx'"):
        edition_outputs(output, lang="xx")
