"""Integration tests: the real guide built with `mkdocs build --strict`, inspected as HTML."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from conftest import built_pages
from shared.glossary_data import term_anchor
from guide_facts import CHAPTERS, CONFIG, EXTRA, NAV, QUIZ_PAGES, RULES, SECTIONS, chapter_of, data, sample_section, url_of
from shared.page_outline import nav_order


class LinksAndIds(HTMLParser):
    """Collects ids, links and external resource references of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.resources = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            return  # metadata, never fetched
        for name in ("src", "href"):
            if tag in ("script", "link", "img", "iframe", "source") and attrs.get(name):
                self.resources.append(attrs[name])


def parse(path):
    parser = LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_of(site, url_path):
    return site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path


def test_every_nav_page_is_built(built_site):
    for src in nav_order(CONFIG["nav"]):
        assert html_of(built_site, url_of(src)).is_file(), f"{src} was not built"


def test_every_chapter_has_an_overview_and_sections_in_the_nav():
    """Each section page's chapter overview is in the nav, before it; each chapter has sections."""
    assert CHAPTERS and SECTIONS
    for page in SECTIONS:
        assert chapter_of(page) in CHAPTERS and NAV.index(chapter_of(page)) < NAV.index(page), page
    for chapter in CHAPTERS:
        assert any(chapter_of(page) == chapter for page in SECTIONS), f"{chapter} has no section page"


def test_every_internal_link_and_anchor_resolves(built_site):
    pages = {p: parse(html_of(built_site, p)) for p in built_pages(built_site)}
    broken = []
    for page, parsed in pages.items():
        base = f"http://site/{page}"
        for href in parsed.links:
            target = urlparse(urljoin(base, href))
            if target.netloc != "site":
                continue
            path = target.path.lstrip("/")
            key = path if path.endswith(".html") or path == "" or path.endswith("/") else path + "/"
            if key.endswith(".html") or key == "" or key.endswith("/"):
                if key not in pages and not (built_site / path).is_file():
                    broken.append(f"{page}: {href}")
                elif target.fragment and key in pages and target.fragment not in pages[key].ids:
                    broken.append(f"{page}: {href} (no id {target.fragment})")
    assert not broken, "broken links:\n" + "\n".join(broken[:30])


def test_no_third_party_resources(built_site):
    external = []
    for page in built_pages(built_site):
        for ref in parse(html_of(built_site, page)).resources:
            if urlparse(ref).scheme in ("http", "https") or ref.startswith("//"):
                external.append(f"{page}: {ref}")
    assert not external, external[:20]
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_search_covers_english_and_french(built_site):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en","fr"]' in index.replace(" ", "")


def test_search_indexes_the_teaching_text_but_not_quizzes_or_tooltips(built_site):
    """Quiz questions, choices and explanations, mkdocs-quiz's progress widgets and the
    tooltips' definitions stay out of the search index; the pages' own text is in it."""
    import json
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = {doc["location"]: doc["text"] for doc in docs}
    sample = url_of(sample_section())
    page = html_of(built_site, sample).read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]
    words = [w for w in re.findall(r"[^\W\d_]{5,}", re.sub(r"<[^>]+>", " ", page.split("</h1>", 1)[1])) if w][:20]
    question = re.search(r'<div class="quiz-question"[^>]*>\s*(?:<!--.*?-->\s*)*<p>(.{20,60}?)[\s<]', page, re.S)[1]
    explanation = re.search(r'<section class="content hidden"[^>]*><p>(.{20,60}?)[\s<]', page, re.S)[1]
    choice = re.search(r'<label for="quiz-\d+-\d+">([^<]{20,60})', page)[1]
    definition = re.search(r'<span class="gloss-tip" role="tooltip" id="[^"]+">([^<]{20,60})', page)[1]
    section_text = " ".join(v for k, v in text.items() if k.startswith(sample))
    assert title and sum(w in section_text for w in words) >= len(words) // 2, (words, section_text[:300])
    for hidden in (question, explanation, choice):
        assert hidden not in section_text, hidden
    assert not any(definition in v for k, v in text.items() if not k.startswith("glossary/"))
    assert not any("Quiz Progress" in v or "Answered:" in v for v in text.values())


def test_search_leaves_the_skills_lab_out(built_site):
    """Practice is left out of the index, as quizzes are: no exercise's situation or client
    line and no conversation's words are in it, though the pages show them."""
    import json
    from conftest import ROOT
    from shared.skills_lab_data import load_lab
    lab = load_lab(ROOT)
    texts = [e[field] for e in lab.exercises for field in ("context", "client")]
    texts += [step["client"] for c in lab.conversations for step in c["steps"].values()]
    texts = [" ".join(t.split())[:50] for t in texts]
    pages = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in built_site.rglob("index.html"))
    shown = [t for t in texts if html.escape(t, quote=False) in pages or t in pages]
    if not texts:
        pytest.skip("this guide has no skills lab")
    assert len(shown) > len(texts) // 2, "the lab's texts are not on the built pages"
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    indexed = " ".join(" ".join(doc["text"].split()) for doc in docs)
    assert [t for t in shown if t in indexed or html.escape(t, quote=False) in indexed] == []


def test_search_finds_glossary_terms_by_their_words_not_their_links(built_site):
    """Each glossary term is a search entry with its French, its definition and its other
    names; its lists of links (introduced in, also discussed in, see also) are on the page
    but not in the index, so a term is not found by the names of what it points to."""
    import json
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {doc["location"]: doc["text"] for doc in docs if doc["location"].startswith("glossary/#")}
    terms = data("glossary")["terms"]
    with_synonym = next(t for t in terms if t.get("synonyms"))
    for term in (terms[0], with_synonym):
        text = entries[f"glossary/#{term_anchor(term['term'])}"]
        assert term["french"] in text and " ".join(term["definition"].split())[:40] in text
        assert "Introduced in" not in text and "See also" not in text and "concept index" not in text
    assert with_synonym["synonyms"][0] in entries[f"glossary/#{term_anchor(with_synonym['term'])}"]
    page = html_of(built_site, "glossary/").read_text(encoding="utf-8")
    assert page.count("<li>Introduced in ") == len(terms) and "See also <a href=" in page


def test_each_comparison_statement_appears_and_is_found_once(built_site):
    """The comparison page holds each statement once (in its table), and search finds it once."""
    import json
    import html as html_lib

    comparison = data("comparison")
    page = html_lib.unescape(html_of(built_site, "framework-comparison/").read_text(encoding="utf-8"))
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = [doc["text"] for doc in docs if doc["location"].startswith("framework-comparison/")]
    for dimension in comparison["dimensions"]:
        for cell in dimension["cells"].values():
            statement = " ".join(cell["statement"].split())
            assert page.count(statement) == 1, statement
            assert sum(statement[:40] in words for words in text) == 1, statement


def test_every_script_is_deferred(built_site):
    """No script holds up the first paint: Material's bundle (deferred by overrides/main.html),
    the guide's and mkdocs-quiz's all carry `defer`."""
    for page in built_pages(built_site):
        html = html_of(built_site, page).read_text(encoding="utf-8")
        scripts = re.findall(r"<script src=[^>]*>", html)
        assert any("javascripts/bundle." in tag for tag in scripts), page
        assert all(" defer" in tag for tag in scripts), (page, scripts)


def test_course_identity_reaches_every_footer(built_site):
    """The filled-in fields of the course identity show; placeholders do not (hooks/course_identity.py)."""
    import html as html_module
    from course_identity import filled_identity
    identity, licence = filled_identity(EXTRA["course"]), EXTRA["licence"]
    assert identity, "no course identity filled in"
    for page in built_pages(built_site)[:5]:
        html = html_module.unescape(html_of(built_site, page).read_text(encoding="utf-8"))
        footer = html[html.index('class="md-copyright"'):]
        assert all(value in footer for value in identity.values()) and licence["text"] in footer


def test_glossary_page_lists_every_term_with_french(built_site):
    terms = data("glossary")["terms"]
    html = html_of(built_site, "glossary/").read_text(encoding="utf-8")
    ids = parse(html_of(built_site, "glossary/")).ids
    from shared.glossary_data import term_anchor
    assert all(term_anchor(t["term"]) in ids for t in terms)
    assert html.count('<span lang="fr">') == len(terms)


def test_concept_index_links_deep_into_every_section(built_site):
    """Every section page marks terms (page rules), so every one is in the index, by heading."""
    parsed = parse(html_of(built_site, "concept-index/"))
    deep = [h for h in parsed.links if re.match(r"\.\./\d\d-[^/]+/[^/]+/#[\w-]+$", h)]
    assert len(deep) >= RULES["min_marked_terms"] * len(SECTIONS), len(deep)
    sections = {h.split("#")[0] for h in deep}
    expected = {"../" + url_of(page) for page in SECTIONS} if RULES["min_marked_terms"] else sections
    assert sections == expected, sorted(sections ^ expected)


def test_section_pages_mark_terms_with_tooltips(built_site):
    for src in SECTIONS:
        html = html_of(built_site, url_of(src)).read_text(encoding="utf-8")
        terms = re.findall(r'<a aria-describedby="(gloss-tip-[\w-]+)" class="gloss-term" href="\.\./\.\./glossary/#([\w-]+)"', html)
        assert len(terms) >= RULES["min_marked_terms"], f"{src}: only {len(terms)} terms marked"
        for tip, anchor in terms:
            assert f'id="{tip}"' in html and tip == f"gloss-tip-{anchor}"
        assert len({a for _, a in terms}) == len(terms), f"{src}: a term is marked twice"


def test_terms_are_not_marked_in_headings_or_quizzes(built_site):
    html = html_of(built_site, url_of(sample_section())).read_text(encoding="utf-8")
    assert "gloss-term" in html
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
        assert "gloss-term" not in heading
    for quiz in re.findall(r'<div class="quiz".*?</form>', html, re.S):
        assert "gloss-term" not in quiz


def test_comparison_cells_link_to_existing_headings(built_site):
    page = html_of(built_site, "framework-comparison/")
    html = page.read_text(encoding="utf-8")
    table = html[html.index('<table class="comparison"'):html.index("</table>")]
    comparison = data("comparison")
    assert "<caption" in table and table.count('scope="col"') == len(comparison["frameworks"]) + 1
    links = re.findall(r'<td data-label="[^"]+"><p>[^<]*</p><a class="compare-more" href="([^"]+)">', table)
    assert len(links) == len(comparison["frameworks"]) * len(comparison["dimensions"])
    for href in links:
        path, anchor = href.split("#")
        target = (page.parent / path / "index.html").resolve()
        assert anchor in parse(target).ids, href


def test_framework_pages_link_back_to_comparison(built_site):
    comparison = data("comparison")
    for framework in comparison["frameworks"]:
        html = html_of(built_site, url_of(framework["page"])).read_text(encoding="utf-8")
        links = set(re.findall(r'href="\.\./\.\./framework-comparison/#(dim-[\w-]+)"', html))
        assert links == {f"dim-{d['id']}" for d in comparison["dimensions"]}, framework["page"]
        overview = html_of(built_site, url_of(chapter_of(framework["page"]))).read_text(encoding="utf-8")
        assert "framework-comparison/" in overview


def test_references_page_lists_works_alphabetically(built_site):
    html = html_of(built_site, "references/").read_text(encoding="utf-8")
    block = html[html.index('class="references"'):]
    items = re.findall(r"<li>(.*?)</li>", block[: block.index("</ul>")], re.S)
    assert len(items) == len(data("references")["references"])
    surnames = [re.sub(r"<[^>]+>", "", i).strip().casefold() for i in items]
    assert surnames == sorted(surnames)


def test_progress_page_lists_every_page_with_questions(built_site):
    html = html_of(built_site, "progress/").read_text(encoding="utf-8")
    assert html.count('class="progress-link"') == len(QUIZ_PAGES)
    assert 'id="progress-reset"' in html


def test_course_identity_drives_heading_description_and_language(built_site):
    import html as html_module
    home = html_module.unescape((built_site / "index.html").read_text(encoding="utf-8"))
    course = EXTRA["course"]
    assert re.search(r'<html lang="([^"]+)"', home)[1] == course.get("language", "en")
    description = re.search(r'<meta name="description" content="([^"]*)"', home)[1]
    assert "{" not in description and "}" not in description
    assert CONFIG["site_name"] in re.search(r"<h1[^>]*>(.*?)</h1>", home, re.S)[1]


def test_identity_markers_and_placeholders_are_filled_or_named():
    from course_identity import MARKER, PLACEHOLDER, fill
    from mkdocs.exceptions import PluginError
    import pytest
    values = {"title": "T & <b>", "course": "C"}
    assert fill("# <!-- course_identity: title -->: x", values, MARKER, "p") == "# T & <b>: x"
    assert fill("{title} for {course}", values, PLACEHOLDER, "d") == "T & <b> for C"
    with pytest.raises(PluginError, match=r"p: unknown course identity field\(s\) titel"):
        fill("<!-- course_identity: titel -->", values, MARKER, "p")


def test_home_page_map_lists_every_page_of_nav_in_reading_order(built_site):
    """The map on the home page is generated from `nav:` (hooks/guide_map.py): every other
    page, in reading order, with no "1. 1 Introduction" numbering on top of the titles; and
    the first step names the first page after the home page."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    start = home.index('<div class="guide-map">')
    block = home[start:home.index("</div>", start)]
    assert "<ol" not in block, "the map repeats the titles' numbers in a numbered list"
    linked = [urlparse(urljoin("http://site/", href)).path.lstrip("/") for href in re.findall(r'href="([^"]*)"', block)]
    pages = [url_of(uri) for uri in nav_order(CONFIG["nav"])[1:]]
    assert [url for url in linked if url in pages] == pages, f"not in the map: {sorted(set(pages) - set(linked))}"
    first_step = re.search(r'<p class="guide-start">(.*?)</p>', home, re.S)
    assert first_step and f'href="{pages[0]}"' in first_step[1], "the first step does not link to the first page"
