"""The offline edition (make offline) opens from file:// with working search, tooltips and
quizzes, no console error and no request leaving the file system."""

import pytest

from conftest import ROOT, run_build
from guide_facts import sample_section

SAMPLE = sample_section()[: -len(".md")]  # a section page with questions of both kinds


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline")
    result = run_build(ROOT, site, env={"GUIDE_OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture
def watched_page(page):
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    return page, problems


def test_pages_are_files_and_no_cdn_is_referenced(offline_site):
    assert (offline_site / f"{SAMPLE}.html").is_file()
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "assets/vendor/iframe-worker-shim.js" in html
    # no service worker under file:// (hooks/offline_cache.py): none written, none loaded
    assert not (offline_site / "sw.js").exists() and not (offline_site / "assets/offline.js").exists()
    assert "offline.js" not in html and 'rel="manifest"' not in html


def test_search_works_from_the_file_system(offline_site, watched_page):
    page, problems = watched_page
    page.goto((offline_site / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("empathy")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 3
    assert problems == []


def test_tooltips_and_quizzes_work_from_the_file_system(offline_site, watched_page):
    page, problems = watched_page
    page.goto((offline_site / f"{SAMPLE}.html").as_uri())
    term = page.locator("a.gloss-term").first
    term.focus()
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    assert tip.is_visible()
    quiz = page.locator(".quiz").first
    quiz.locator("input[data-correct='true']").first.check()
    quiz.locator("button[type=submit], .quiz-submit").first.click() if quiz.locator("button[type=submit], .quiz-submit").count() else None
    page.wait_for_selector(".quiz .quiz-feedback:not(.hidden)", timeout=5000)
    assert problems == []
