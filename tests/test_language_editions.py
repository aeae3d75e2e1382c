"""The language editions (mkdocs.yml's `extra.alternate`, hooks/language_editions.py).

Driven by the configuration: the editions are read with the guide's own code
(hooks/shared/editions.py), each one's pages from the docs_dir its config file names, its data
from data/<lang>/. With one edition only (a fork that publishes one language), every test that
compares editions skips, saying why; with French switched off, the French tests skip too.

1. editions() rejects a malformed `extra.alternate` with a message saying where and what to do;
2. the built site: the same pages in every edition, each page's `lang`, one hreflang link per
   edition, the language switch and the sitemap lead to the counterpart page;
3. in Chromium, the switch on a phone and a laptop: visible, large enough, reached by Tab, and
   it keeps the part of the page being read; axe on a French page, light and dark;
4. French search: the French index, and a glossary term found on the page that introduces it;
5. a French page's term tooltip: the French definition, linked to the French glossary;
6. bad input: editions out of step fail the build naming both files;
7. `tools/spellcheck.py fr` knows every word;
8. no page's description carries a placeholder the guide ships with.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import SEARCH_READY, assert_build_fails_saying, axe_violations, built_pages, copy_project
from guide_facts import CHAPTERS, CONFIG, EXTRA, ROOT, SECTIONS, questions, sample_section, url_of
from course_identity import SHIPPED_PLACEHOLDERS
from language_editions import _docs_dir_of
from mkdocs.exceptions import PluginError
from shared.editions import editions, this_edition
from shared.glossary_data import term_anchor

EDITIONS = editions(EXTRA)
FIRST = EDITIONS[0] if EDITIONS else None
OTHERS = EDITIONS[1:]
FRENCH = next((e for e in OTHERS if e.lang == "fr"), None)
ONE_EDITION = "one edition only in mkdocs.yml's extra.alternate: there is no other language to compare"
NO_FRENCH = "no French edition (lang: fr) in mkdocs.yml's extra.alternate: the French tests do not apply"
several = pytest.mark.skipif(not OTHERS, reason=ONE_EDITION)
french = pytest.mark.skipif(FRENCH is None, reason=NO_FRENCH)
SITE_URL = CONFIG.get("site_url") or ""
ROOT_URL = SITE_URL if SITE_URL.endswith("/") or not SITE_URL else SITE_URL + "/"
HOST = "http://guide.test/"  # where the tests pretend the site is when resolving its links
HEADING_ID = re.compile(r"^## .*\{\s*#(?P<id>[\w-]+)\s*\}\s*$", re.M)


def docs_dir(edition) -> Path:
    return _docs_dir_of(ROOT, edition)


def data_dir(edition) -> Path:
    return ROOT / "data" / edition.lang if edition.folder else ROOT / "data"


def glossary_of(edition) -> list[dict]:
    return yaml.safe_load((data_dir(edition) / "glossary.yml").read_text(encoding="utf-8"))["terms"]


def edition_pages(site: Path, edition) -> list[str]:
    """The built pages of one edition, as paths inside its folder ("04-skills/x/")."""
    if edition.folder:
        return built_pages(site / edition.folder)
    others = tuple(e.folder for e in OTHERS)
    return [p for p in built_pages(site) if not p.startswith(others)]


class _Page(HTMLParser):
    """What these tests read of a built page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang, self.description, self.author = None, None, None
        self.hreflang: list[tuple[str, str]] = []   # (hreflang, href) of <link rel="alternate">
        self.switch: list[tuple[str, str]] = []     # (hreflang, href) of the language switch
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.hreflang.append((a["hreflang"], a.get("href") or ""))
        elif tag == "a" and "data-guide-language" in a:
            self.switch.append((a.get("hreflang") or "", a.get("href") or ""))
        elif tag == "meta" and a.get("name") in ("description", "author"):
            setattr(self, a["name"], a.get("content") or "")


@functools.lru_cache(maxsize=None)
def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_of(site: Path, edition, page: str) -> Path:
    folder = site / (edition.folder if edition else "")
    return folder / page if page.endswith(".html") else folder / page / "index.html"


def target(site: Path, from_path: str, href: str) -> tuple[str, Path]:
    """Where a link of the page at `from_path` (site-relative) leads: (site path, built file)."""
    if ROOT_URL and href.startswith(ROOT_URL):
        href = HOST + href[len(ROOT_URL):]
    full = urljoin(HOST + from_path, href)
    assert full.startswith(HOST), f"{from_path}: {href} leads out of the site"
    rel = urlsplit(full).path[len(urlsplit(HOST).path):]
    return rel, (site / rel / "index.html" if rel.endswith("/") or not rel else site / rel)


# ---------- 1. a malformed extra.alternate


GOOD_FIRST = {"name": "English", "lang": "en", "link": "./"}
MALFORMED = {
    "missing name": ([{"lang": "en", "link": "./"}], "entry 1 needs name, lang and link"),
    "missing lang": ([GOOD_FIRST, {"name": "Français", "link": "fr/"}], "entry 2 needs name, lang and link"),
    "missing link": ([GOOD_FIRST, {"name": "Français", "lang": "fr"}], "entry 2 needs name, lang and link"),
    "first link not ./": ([{"name": "English", "lang": "en", "link": "en/"}], 'its link must be "./"'),
    "nested folder": ([GOOD_FIRST, {"name": "Français", "lang": "fr", "link": "fr/ca/"}],
                      'entry 2 ("fr"): link must be one folder name such as "fr/"'),
    "other edition at the root": ([GOOD_FIRST, {"name": "Français", "lang": "fr", "link": "./"}],
                                  'entry 2 ("fr"): link must be one folder name'),
    "duplicate lang": ([GOOD_FIRST, {"name": "Anglais", "lang": "en", "link": "en/"}], "a language appears twice: en, en"),
    "not a list": ({"name": "English"}, "expected a list of editions"),
}


def _readme_sections() -> set[str]:
    return {m[1].strip() for m in re.finditer(r"^#+\s+(.+?)\s*$", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_a_malformed_edition_entry_is_refused_with_what_to_do(case):
    entries, expected = MALFORMED[case]
    with pytest.raises(PluginError) as caught:
        editions({"alternate": entries})
    message = str(caught.value)
    assert message.startswith("mkdocs.yml, extra.alternate:"), message
    assert expected in message, message
    # what to do: the message points to a part of the README, which must exist
    pointed = re.search(r"README, '([^']+)'", message)
    assert pointed, f"the message names no part of the README to read: {message}"
    assert pointed[1] in _readme_sections(), f"README.md has no section '{pointed[1]}', which the message names: {message}"


def test_an_interface_language_without_an_edition_is_refused():
    with pytest.raises(PluginError, match=r'extra\.course\.language is "xx".*extra\.alternate has no edition'):
        this_edition({"alternate": [GOOD_FIRST], "course": {"language": "xx"}})


def test_the_configured_editions_are_well_formed():
    if not EDITIONS:
        pytest.skip("no extra.alternate in mkdocs.yml: one language, no switch")
    assert FIRST.folder == "" and FIRST.config_file == "mkdocs.yml"
    assert this_edition(EXTRA) == FIRST, "mkdocs.yml builds the first edition of extra.alternate"
    for edition in OTHERS:
        config = ROOT / edition.config_file
        assert config.is_file(), f"{edition.name}: {edition.config_file} is missing"
        assert docs_dir(edition).is_dir(), f"{edition.name}: its docs_dir {docs_dir(edition)} is missing"
        assert this_edition({**EXTRA, "course": {"language": edition.lang}}) == edition


@several
def test_a_copy_of_the_guide_holds_every_edition_or_the_first_alone(tmp_path):
    """tools/guide_project.py: the copies the build-breaking tests make."""
    from guide_project import copy_project as copy
    whole = copy(tmp_path / "whole", all_editions=True)
    for edition in OTHERS:
        assert (whole / edition.config_file).is_file() and (whole / docs_dir(edition).name).is_dir(), edition
        assert (whole / "data" / edition.lang).is_dir(), edition
    alone = copy(tmp_path / "alone")
    from guide_project import load_config
    assert editions(load_config(alone).get("extra")) == [FIRST]
    kept = load_config(alone)
    assert kept["nav"] == CONFIG["nav"] and {k: v for k, v in kept["extra"].items() if k != "alternate"} == \
        {k: v for k, v in EXTRA.items() if k != "alternate"}, "only the list of editions changes"


# ---------- 2. the built site


@several
def test_every_page_has_its_counterpart_in_every_edition(built_site):
    first = set(edition_pages(built_site, FIRST))
    assert len(first) > 10, f"suspiciously few pages: {sorted(first)}"
    for edition in OTHERS:
        theirs = set(edition_pages(built_site, edition))
        assert not first - theirs, f"pages without a counterpart in {edition.folder}: {sorted(first - theirs)}"
        assert not theirs - first, f"pages of {edition.folder} with no counterpart at the root: {sorted(theirs - first)}"


def test_every_page_says_its_editions_language(built_site):
    if not EDITIONS:
        pytest.skip("no extra.alternate: the page language is extra.course.language, tested elsewhere")
    wrong = [f"{e.folder}{p or '/'}: lang={parsed(html_of(built_site, e, p)).lang!r}, expected {e.tag!r}"
             for e in EDITIONS for p in edition_pages(built_site, e) if parsed(html_of(built_site, e, p)).lang != e.tag]
    assert not wrong, "pages whose <html lang> is not their edition's locale (or lang):\n" + "\n".join(wrong)


def test_every_page_names_each_edition_by_hreflang(built_site):
    """<link rel="alternate" hreflang> on every page, one per edition, each leading to that
    edition's home, relative: Material's script reads the sitemap.xml beside each one (a link to
    another page would make it request a sitemap that is not there, or leave the site). The page's
    own counterpart is the switch's (next test) and the sitemap's (test_the_sitemap_...)."""
    if not EDITIONS:
        pytest.skip("no extra.alternate: no hreflang links")
    problems = []
    for edition in EDITIONS:
        for path in edition_pages(built_site, edition):
            links = parsed(html_of(built_site, edition, path)).hreflang
            tags = [tag for tag, _ in links]
            if sorted(tags) != sorted(e.tag for e in EDITIONS):
                problems.append(f"{edition.folder}{path}: hreflang {tags}, expected one per edition {[e.tag for e in EDITIONS]}")
                continue
            for other in EDITIONS:
                href = dict(links)[other.tag]
                rel, file = target(built_site, edition.folder + path, href)
                if urlsplit(href).scheme or rel != other.folder or not (built_site / other.folder / "sitemap.xml").is_file():
                    problems.append(f"{edition.folder}{path}: hreflang {other.tag} -> {href} ({rel}), "
                                    f"expected the home of that edition, {other.folder or './'}, beside its sitemap.xml")
    assert not problems, "\n".join(problems[:30])


@several
def test_the_language_switch_leads_to_the_same_page_in_the_other_edition(built_site):
    problems = []
    for edition in EDITIONS:
        others = [e for e in EDITIONS if e != edition]
        for path in edition_pages(built_site, edition):
            switch = parsed(html_of(built_site, edition, path)).switch
            if sorted(tag for tag, _ in switch) != sorted(e.tag for e in others):
                problems.append(f"{edition.folder}{path}: switch to {switch}, expected one link to each of {[e.tag for e in others]}")
                continue
            for other in others:
                href = dict(switch)[other.tag]
                assert not urlsplit(href).scheme, f"{edition.folder}{path}: the switch's link is absolute ({href}): it must work offline"
                rel, file = target(built_site, edition.folder + path, href)
                if rel != other.folder + path or not file.is_file():
                    problems.append(f"{edition.folder}{path}: switch to {other.tag} -> {href} ({rel}), expected {other.folder}{path}")
    assert not problems, "\n".join(problems[:30])


@several
def test_counterpart_pages_keep_the_same_heading_ids(built_site):
    """The switch carries the #part being read (docs/assets/guide.js): every H2 id of a page is on
    its counterpart too."""
    problems = []
    for src in SECTIONS + CHAPTERS:
        wanted = HEADING_ID.findall((ROOT / "docs" / src).read_text(encoding="utf-8"))
        for edition in OTHERS:
            built = html_of(built_site, edition, url_of(src))
            if not built.is_file():
                continue  # a page without a counterpart: test_every_page_has_its_counterpart_in_every_edition
            ids = parsed(built).ids
            missing = [i for i in wanted if i not in ids]
            if missing:
                problems.append(f"{docs_dir(edition).name}/{src}: no heading id {', '.join(missing)} (as in docs/{src})")
    assert not problems, "\n".join(problems)


@several
def test_the_sitemap_lists_every_page_in_every_edition_with_its_alternates(built_site):
    if not ROOT_URL:
        pytest.skip("no site_url in mkdocs.yml: the sitemap has no addresses")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(built_site / "sitemap.xml")
    listed = {}
    for url in tree.getroot().findall("s:url", ns):
        listed[url.findtext("s:loc", namespaces=ns).strip()] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
    expected_alternates = lambda path: {e.tag: ROOT_URL + e.folder + path for e in EDITIONS}  # noqa: E731
    problems = []
    for path in edition_pages(built_site, FIRST):
        for edition in EDITIONS:
            loc = ROOT_URL + edition.folder + path
            if loc not in listed:
                problems.append(f"not in sitemap.xml: {loc}")
            elif listed[loc] != expected_alternates(path):
                problems.append(f"{loc}: alternates {listed[loc]}, expected {expected_alternates(path)}")
    assert not problems, "\n".join(problems[:30])
    assert len(listed) == len(EDITIONS) * len(edition_pages(built_site, FIRST)), "sitemap.xml lists pages that were not built"


# ---------- 3. the switch in a browser


SECTION = sample_section()
_IDS = HEADING_ID.findall((ROOT / "docs" / SECTION).read_text(encoding="utf-8"))
HEADING = (_IDS[1:] or _IDS)[0]  # a part below the top of the page
SWITCH = "a[data-guide-language]"


@several
@pytest.mark.parametrize("width", [390, 1280])
def test_the_switch_is_visible_large_reachable_by_keyboard_and_keeps_the_part(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        for start, goal in [(FIRST, e) for e in OTHERS] + [(e, FIRST) for e in OTHERS]:
            page.goto(f"{site_url}{start.folder}{url_of(SECTION)}")
            switch = page.locator(f'{SWITCH}[hreflang="{goal.tag}"]')
            assert switch.count() == 1, f"{start.folder}{url_of(SECTION)}: no switch to {goal.tag}"
            assert switch.is_visible(), f"{width} px, {start.name}: the switch to {goal.name} is not visible"
            box = switch.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24, f"{width} px: the switch is {box['width']}x{box['height']} px (at least 24x24)"
            # from the top of the page, as it opens: Tab reaches the switch (in the header, before the text)
            for _ in range(40):
                page.keyboard.press("Tab")
                if page.evaluate(f"document.activeElement.matches('{SWITCH}[hreflang=\"{goal.tag}\"]')"):
                    break
            else:
                pytest.fail(f"{width} px, {start.name}: 40 presses of Tab from the top never reached the switch to {goal.name}")
            # a page opened at one of its parts: the switch leads to the same part of the counterpart
            page.goto("about:blank")
            page.goto(f"{site_url}{start.folder}{url_of(SECTION)}#{HEADING}")
            switch.focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
            landed = urlsplit(page.url)
            assert landed.path == urlsplit(f"{site_url}{goal.folder}{url_of(SECTION)}").path, page.url
            assert landed.fragment == HEADING, f"{width} px: followed from #{HEADING}, landed on {page.url}"
            assert page.locator(f"[id='{HEADING}']").count() == 1, f"{page.url}: no part #{HEADING}"
            assert page.evaluate("document.documentElement.lang") == goal.tag
    finally:
        context.close()


@french
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_french_page(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}{FRENCH.folder}{url_of(SECTION)}", wait_until="load")
        assert page.evaluate("document.documentElement.lang") == FRENCH.tag
        violations = axe_violations(page)
        assert not violations, "\n".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} node(s), e.g. "
                                         f"{v['nodes'][0]['target']})" for v in violations)
    finally:
        context.close()


# ---------- 4. French search


SEARCHED_TERMS = ["active listening", "reflection of feeling"]  # the English entries, by `term`


@french
def test_the_french_search_index_is_french_and_splits_elisions(built_site):
    import json
    config = json.loads((built_site / FRENCH.folder / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["fr"], f"the French index's languages: {config['lang']}"
    for written in ("l'écoute", "l’écoute", "qu'il"):
        parts = [w for w in re.split(config["separator"], written) if w]
        assert len(parts) == 2, f"the French separator {config['separator']!r} leaves {written!r} as {parts}"


@french
@pytest.mark.parametrize("english", SEARCHED_TERMS)
def test_french_search_finds_a_terms_page(page, site_url, english):
    if english not in [t["term"] for t in glossary_of(FIRST)]:
        pytest.skip(f'data/glossary.yml has no term "{english}"')
    entry = next((t for t in glossary_of(FRENCH) if t.get("english") == english), None)
    assert entry, f'data/{FRENCH.lang}/glossary.yml has no entry whose english is "{english}"'
    query, wanted = entry["term"], FRENCH.folder + url_of(entry["introduced_in"])
    page.set_default_timeout(15_000)
    page.goto(f"{site_url}{FRENCH.folder}")
    page.locator("input.md-search__input").focus()
    page.wait_for_function(SEARCH_READY, timeout=45_000)
    page.keyboard.type(query)  # Material reads the query on keyup
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")
    found = {urlsplit(h).path[len(urlsplit(site_url).path):] for h in hrefs}
    assert wanted in found, f'searching "{query}" on {FRENCH.folder}: {wanted} not among {sorted(found)}'


# ---------- 5. a French term tooltip


@french
def test_a_french_terms_tooltip_shows_the_french_definition_and_links_the_french_glossary(page, site_url, built_site):
    definitions = {term_anchor(t["term"]): " ".join(str(t["definition"]).split()) for t in glossary_of(FRENCH)}
    address = f"{site_url}{FRENCH.folder}{url_of(SECTION)}"
    page.goto(address)
    term = page.locator(".md-content article .gloss a.gloss-term").first
    assert term.count(), f"no marked term on {address}"
    term.scroll_into_view_if_needed()
    term.focus()
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert tip.is_visible(), "the tooltip does not show when its term has focus"
    href = term.get_attribute("href")
    rel, file = target(built_site, FRENCH.folder + url_of(SECTION), href)
    anchor = urlsplit(href).fragment
    assert rel == FRENCH.folder + "glossary/", f"the term links to {rel}, not to the French glossary"
    assert anchor in parsed(file).ids, f"{rel} has no entry #{anchor}"
    assert anchor in definitions, f"#{anchor} is no term of data/{FRENCH.lang}/glossary.yml"
    assert " ".join(tip.text_content().split()) == definitions[anchor]


# ---------- 6. editions out of step fail the build


def _other():
    return FRENCH or (OTHERS[0] if OTHERS else None)


def _remove_last_question(text: str) -> str:
    start = text.rindex("<quiz>")
    return text[:start] + text[text.index("</quiz>", start) + len("</quiz>"):]


def _drop_definition(path: Path) -> tuple[str, int]:
    """Remove the first entry's definition (with its continuation lines); returns its term and line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if re.match(r"\s*- term:", line))
    term = yaml.safe_load(lines[first].split("- ", 1)[1])["term"]
    at = next(i for i in range(first, len(lines)) if re.match(r"\s+definition:", lines[i]))
    end = at + 1
    indent = len(lines[at]) - len(lines[at].lstrip())
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    path.write_text("".join(lines[:at] + lines[end:]), encoding="utf-8")
    return term, first + 1


def _rename_first_exercise(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    exercise = yaml.safe_load(text)["exercises"][0]["id"]
    changed = re.sub(rf"^(\s*- id: ){re.escape(exercise)}\s*$", rf"\g<1>{exercise}-renamed", text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return exercise


QUIZ_PAGE = next((p for p in SECTIONS if questions(p)), None)


def _break(case: str, project: Path) -> list[str]:
    """Break the copy; returns the patterns its build's message must hold."""
    other = _other()
    docs, mine = docs_dir(other).name, f"data/{other.lang}"
    if case == "page removed":
        (project / docs / SECTION).unlink()
        return [rf"docs/{re.escape(SECTION)} has no counterpart {re.escape(docs)}/{re.escape(SECTION)}: translate it"]
    if case == "question removed":
        path = project / docs / QUIZ_PAGE
        path.write_text(_remove_last_question(path.read_text(encoding="utf-8")), encoding="utf-8")
        n = len(questions(QUIZ_PAGE))
        return [rf"docs/{re.escape(QUIZ_PAGE)} has {n} question\(s\), {re.escape(docs)}/{re.escape(QUIZ_PAGE)} {n - 1}"]
    if case == "glossary definition missing":
        term, line = _drop_definition(project / mine / "glossary.yml")
        return [rf'{re.escape(mine)}/glossary\.yml.*"{re.escape(term)}".*line {line}\b.*definition']
    if case == "exercise id changed":
        exercise = _rename_first_exercise(project / mine / "skills-lab" / "exercises.yml")
        return [rf"data/skills-lab/exercises\.yml and {re.escape(mine)}/skills-lab/exercises\.yml, exercises: "
                rf"only in {FIRST.lang}: {re.escape(exercise)}; only in {other.lang}: {re.escape(exercise)}-renamed"]
    raise AssertionError(case)


@several
@pytest.mark.parametrize("case", ["page removed", "question removed", "glossary definition missing", "exercise id changed"])
def test_an_edition_out_of_step_fails_the_build_naming_both_files(tmp_path, case):
    project = copy_project(tmp_path / "guide", all_editions=True)
    patterns = _break(case, project)
    assert_build_fails_saying(project, tmp_path / "site", case, patterns)


# ---------- 7. spelling


@french
def test_the_french_edition_has_no_unknown_word():
    sys.path.insert(0, str(ROOT / "tools"))
    from spellcheck import INSTALL
    if not shutil.which("hunspell"):
        pytest.fail(f"hunspell is not installed: {INSTALL}")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "spellcheck.py"), FRENCH.lang],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"tools/spellcheck.py {FRENCH.lang}:\n{done.stdout[:3000]}\n...\n{done.stderr[-1000:]}"


# ---------- 8. placeholders


def test_no_description_carries_a_shipped_placeholder(built_site):
    placeholders = {p for values in SHIPPED_PLACEHOLDERS.values() for p in values}
    found = []
    for edition in EDITIONS or [None]:
        pages = edition_pages(built_site, edition) if edition else built_pages(built_site)
        for path in pages:
            head = parsed(html_of(built_site, edition, path))
            for name, content in (("description", head.description), ("author", head.author)):
                found += [f"{edition.folder if edition else ''}{path}: <meta name={name}> holds \"{p}\""
                          for p in placeholders if p in (content or "")]
    assert not found, "\n".join(found[:20])
