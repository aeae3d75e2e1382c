"""Integration tests: the real guide built with `mkdocs build --strict`, inspected as HTML."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import yaml

from conftest import ROOT, built_pages
from glossary_data import term_anchor
from page_outline import nav_order


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


def config():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader)


def test_every_nav_page_is_built(built_site):
    for src in nav_order(config()["nav"]):
        url = src[: -len("index.md")] if src == "index.md" or src.endswith("/index.md") else src[:-3] + "/"
        assert html_of(built_site, url).is_file(), f"{src} was not built"


def test_seven_chapters_with_nineteen_sections():
    sources = nav_order(config()["nav"])
    assert len([s for s in sources if re.match(r"\d\d-[^/]+/index\.md$", s)]) == 7
    assert len([s for s in sources if re.match(r"\d\d-[^/]+/(?!index)[^/]+\.md$", s)]) == 19


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
    page = html_of(built_site, "02-foundations/empathy-and-trust/").read_text(encoding="utf-8")
    question = re.search(r'<div class="quiz-question"[^>]*>\s*<p>(.{20,60}?)[\s<]', page, re.S)[1]
    explanation = re.search(r'<section class="content hidden"[^>]*><p>(.{20,60}?)[\s<]', page, re.S)[1]
    choice = re.search(r'<label for="quiz-\d+-\d+">([^<]{20,60})', page)[1]
    definition = re.search(r'<span class="gloss-tip" role="tooltip" id="[^"]+">([^<]{20,60})', page)[1]
    section_text = " ".join(v for k, v in text.items() if k.startswith("02-foundations/empathy-and-trust/"))
    assert "Carkhuff" in section_text and "empathy" in section_text.lower()
    for hidden in (question, explanation, choice):
        assert hidden not in section_text, hidden
    assert not any(definition in v for k, v in text.items() if not k.startswith("glossary/"))
    assert not any("Quiz Progress" in v or "Answered:" in v for v in text.values())


def test_search_finds_glossary_terms_by_their_words_not_their_links(built_site):
    """Each glossary term is a search entry with its French, its definition and its other
    names; its lists of links (introduced in, also discussed in, see also) are on the page
    but not in the index, so a term is not found by the names of what it points to."""
    import json
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {doc["location"]: doc["text"] for doc in docs if doc["location"].startswith("glossary/#")}
    terms = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
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

    data = yaml.safe_load((ROOT / "data" / "comparison.yml").read_text(encoding="utf-8"))
    page = html_lib.unescape(html_of(built_site, "framework-comparison/").read_text(encoding="utf-8"))
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = [doc["text"] for doc in docs if doc["location"].startswith("framework-comparison/")]
    for dimension in data["dimensions"]:
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
    from course_identity import filled_identity
    identity = filled_identity(config()["extra"]["course"])
    assert identity, "no course identity filled in"
    for page in built_pages(built_site)[:5]:
        html = html_of(built_site, page).read_text(encoding="utf-8")
        footer = html[html.index('class="md-copyright"'):]
        assert all(value in footer for value in identity.values()) and "CC BY-SA 4.0" in footer


def test_glossary_page_lists_every_term_with_french(built_site):
    terms = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    html = html_of(built_site, "glossary/").read_text(encoding="utf-8")
    ids = parse(html_of(built_site, "glossary/")).ids
    from glossary_data import term_anchor
    assert all(term_anchor(t["term"]) in ids for t in terms)
    assert html.count('<span lang="fr">') == len(terms)


def test_concept_index_has_200_deep_links_over_all_sections(built_site):
    parsed = parse(html_of(built_site, "concept-index/"))
    deep = [h for h in parsed.links if re.match(r"\.\./\d\d-[^/]+/[^/]+/#[\w-]+$", h)]
    assert len(deep) >= 200, len(deep)
    sections = {h.split("#")[0] for h in deep}
    assert len(sections) == 19, sorted(sections)


def test_section_pages_mark_terms_with_tooltips(built_site):
    for src in nav_order(config()["nav"]):
        if not re.match(r"\d\d-[^/]+/(?!index)", src):
            continue
        html = html_of(built_site, src[:-3] + "/").read_text(encoding="utf-8")
        terms = re.findall(r'<a aria-describedby="(gloss-tip-[\w-]+)" class="gloss-term" href="\.\./\.\./glossary/#([\w-]+)"', html)
        assert len(terms) >= 5, f"{src}: only {len(terms)} terms marked"
        for tip, anchor in terms:
            assert f'id="{tip}"' in html and tip == f"gloss-tip-{anchor}"
        assert len({a for _, a in terms}) == len(terms), f"{src}: a term is marked twice"


def test_terms_are_not_marked_in_headings_or_quizzes(built_site):
    html = html_of(built_site, "02-foundations/empathy-and-trust/").read_text(encoding="utf-8")
    for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
        assert "gloss-term" not in heading
    for quiz in re.findall(r'<div class="quiz".*?</form>', html, re.S):
        assert "gloss-term" not in quiz


def test_comparison_cells_link_to_existing_headings(built_site):
    page = html_of(built_site, "framework-comparison/")
    html = page.read_text(encoding="utf-8")
    table = html[html.index('<table class="comparison"'):html.index("</table>")]
    assert "<caption" in table and table.count('scope="col"') == 4
    links = re.findall(r'<td data-label="[^"]+"><p>[^<]*</p><a class="compare-more" href="([^"]+)">', table)
    assert len(links) >= 24
    for href in links:
        path, anchor = href.split("#")
        target = (page.parent / path / "index.html").resolve()
        assert anchor in parse(target).ids, href


def test_framework_pages_link_back_to_comparison(built_site):
    for name in ("psychodynamic", "cognitive-behavioural", "humanistic"):
        html = html_of(built_site, f"03-frameworks/{name}/").read_text(encoding="utf-8")
        assert len(re.findall(r'href="\.\./\.\./framework-comparison/#dim-[\w-]+"', html)) >= 8
    assert "framework-comparison/" in html_of(built_site, "03-frameworks/").read_text(encoding="utf-8")


def test_references_page_lists_works_alphabetically(built_site):
    html = html_of(built_site, "references/").read_text(encoding="utf-8")
    block = html[html.index('class="references"'):]
    items = re.findall(r"<li>(.*?)</li>", block[: block.index("</ul>")], re.S)
    assert len(items) >= 20
    surnames = [re.sub(r"<[^>]+>", "", i).strip().casefold() for i in items]
    assert surnames == sorted(surnames)


def test_progress_page_lists_every_page_with_questions(built_site):
    html = html_of(built_site, "progress/").read_text(encoding="utf-8")
    assert html.count('class="progress-link"') == 26
    assert 'id="progress-reset"' in html
