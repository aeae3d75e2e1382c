"""The review's build-time data and pages (hooks/review_page.py), checked on the built site
against the guide's own bank and glossary (so a fork with other pages passes unchanged):
every question, with the quiz id its page uses; every term; explanation links that land on
a heading; text kept as text; the scripts on the two pages only, within their budget."""

from __future__ import annotations

import html
import json
import re

import pytest
import rjsmin
from conftest import ROOT
from shared.glossary_data import load_glossary
from shared.objective_rules import read_bank
from shared.page_outline import is_chapter_page, is_section_page
from test_objectives import real_sources

BUDGET = {"review.js": 16_000, "fsrs.js": 4_000}  # bytes, minified (as the site serves them)


@pytest.fixture(scope="module")
def data(built_site):
    return json.loads((built_site / "assets/review-data.json").read_text(encoding="utf-8"))


def _page_html(built_site, url: str) -> str:
    path = built_site / url
    return (path / "index.html" if path.is_dir() else path).read_text(encoding="utf-8")


def test_every_question_and_term_is_in_the_data(data):
    bank = read_bank(real_sources())
    wanted = [q for q in bank.questions if is_section_page(q.page) or is_chapter_page(q.page)]
    got = [(data["pages"][q["p"]]["src"], q["id"]) for q in data["questions"]]
    assert sorted(got) == sorted((q.page, f"quiz-{q.number - 1}") for q in wanted)
    assert [t["t"] for t in data["terms"]] == [e["term"] for e in load_glossary(ROOT)]
    for q in data["questions"]:
        if q["t"] == "blank":
            assert len(q["q"]) == len(q["b"]) + 1 and all(q["b"])
        else:
            assert sum(ok for _, ok in q["o"]) == (1 if q["t"] == "one" else sum(ok for _, ok in q["o"])) >= 1


def test_question_ids_and_texts_match_the_built_pages(built_site, data):
    for q in data["questions"]:
        page = _page_html(built_site, data["pages"][q["p"]]["u"])
        assert f'id="{q["id"]}"' in page, q["id"]
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
        first = q["o"][0][0] if q["t"] != "blank" else q["q"][0]
        assert first[:25] in text, (data["pages"][q["p"]]["u"], q["id"], first[:25])


def test_explanation_links_land_on_a_heading(built_site, data):
    for q in data["questions"]:
        url, _, anchor = q["h"].partition("#")
        page = _page_html(built_site, url)
        assert not anchor or f'id="{anchor}"' in page, q["h"]


def test_data_is_text_that_cannot_end_a_script_or_become_markup(built_site):
    raw = (built_site / "assets/review-data.json").read_text(encoding="utf-8")
    assert "<" not in raw  # escaped as \u003c
    script = (ROOT / "docs/assets/review.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", script)


def test_section_pages_offer_their_terms(built_site, data):
    counts: dict[int, int] = {}
    for term in data["terms"]:
        counts[term["p"]] = counts.get(term["p"], 0) + 1
    for index, page in enumerate(data["pages"]):
        if not is_section_page(page["src"]):
            continue
        found = re.search(r'<p class="review-add"><a href="([^"]+)">([^<]+)</a>', _page_html(built_site, page["u"]))
        if index not in counts:
            assert not found, page["u"]
            continue
        assert found and found[1].endswith(f"?add={page['u']}") and str(counts[index]) in found[2], page["u"]


def test_scripts_only_on_the_review_pages_and_within_budget(built_site):
    for name, limit in BUDGET.items():
        size = len(rjsmin.jsmin((ROOT / "docs/assets" / name).read_text(encoding="utf-8")).encode())
        assert size <= limit, f"{name}: {size} bytes minified, budget {limit}"
    for url in ("review/", "practice-test/"):
        page = _page_html(built_site, url)
        assert page.index("assets/guide.js") < page.index("assets/fsrs.js") < page.index("assets/review.js")
        assert "assets/review.css" in page and 'data-src="../assets/review-data.json"' in page
        assert 'id="review-data"' not in page  # fetched, not inlined, outside the offline edition
    for url in ("", "progress/"):
        page = _page_html(built_site, url)
        assert "review.js" not in page and "data-review-due" in page


def test_the_print_edition_leaves_the_review_out(built_site):
    page = _page_html(built_site, "print/")
    assert 'class="review-' not in page and "?add=" not in page


def test_markup_in_a_definition_stays_text(tmp_path):
    """A glossary definition holding markup reaches the review's data as the same text (the
    glossary shows it literally too), with no "<" that could end a script element."""
    from conftest import copy_project, run_build

    project = copy_project(tmp_path / "guide")
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> *x* </script>'
    glossary = project / "data/glossary.yml"
    # the first term's definition, however the file is laid out (a fork may rewrite it)
    import yaml
    document = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    document["terms"][0]["definition"] = evil
    glossary.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    raw = (tmp_path / "site/assets/review-data.json").read_text(encoding="utf-8")
    assert "<" not in raw
    assert evil in [term["d"] for term in json.loads(raw)["terms"]]  # whatever the order of terms
