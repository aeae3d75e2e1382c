"""Mastery by learning objective on "My progress", in a real browser: answer a question of one
objective right and a question of another wrong, on one section page; the progress page shows
both objectives with those counts, the missed one first. The page and its questions are
chosen from the guide's own objectives (hooks/shared/objective_rules.py), not hard-coded."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from shared.objective_rules import read_bank
from shared.page_outline import is_section_page
from test_objectives import real_sources

INTERFACE = ROOT / "data/interface.yml"


def _single_answer(question) -> bool:
    return not question.parts.is_fill_in and sum(correct for correct, _ in question.parts.answers) == 1


@pytest.fixture(scope="module")
def two_objectives():
    """(page, objective A, its question, objective B, its question, bank): A and B on one
    section page, each checked by a single-answer question of that page that checks only it."""
    bank = read_bank(real_sources())
    for page in (p for p in real_sources() if is_section_page(p)):
        alone = {}
        for question in bank.page_questions(page):
            if _single_answer(question) and len(question.objectives) == 1:
                alone.setdefault(question.objectives[0], question)
        if len(alone) >= 2:
            (a, qa), (b, qb) = list(alone.items())[:2]
            return page, a, qa, b, qb, bank
    pytest.fail("no section page with two objectives each checked by a single-answer question of its own")


def _counts_text(total: int, answered: int, right: int) -> str:
    import yaml

    template = yaml.safe_load(INTERFACE.read_text(encoding="utf-8"))["progress"]["objectives_counts"]
    return template.format(total=total, answered=answered, right=right)


def _answer(page, number: int, correct: bool, retry: bool = False):
    quiz = page.locator(f"#quiz-{number - 1}")
    reset = quiz.locator(".quiz-reset-button")
    if retry and reset.is_visible():  # mkdocs-quiz's "Try again" after a shown answer
        reset.click()
    selector = "input[data-correct]" if correct else "input[type='radio']:not([data-correct])"
    option_id = quiz.locator(selector).first.get_attribute("id")
    quiz.locator(f"label[for='{option_id}']").click()
    submit = quiz.locator("form button[type='submit']")
    if submit.count() and submit.is_visible():
        submit.click()
    # a wrong first try gets a hint (assets/practice.js), any other answer shows the key
    quiz.locator(".quiz-feedback-item, .quiz-loop-status:not(:empty)").first.wait_for(state="visible")


def _open_quizzes(page, site_url, uri: str) -> list[str]:
    """Open a page's quizzes; the list fills with the page's script errors, if any."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    page.goto(site_url + re.sub(r"\.md$", "/", uri))
    page.wait_for_selector(".quiz form")
    return errors


def test_progress_shows_mastery_by_objective_weakest_first(page, site_url, two_objectives):
    uri, right_key, right_question, wrong_key, wrong_question, bank = two_objectives
    errors = _open_quizzes(page, site_url, uri)
    _answer(page, right_question.number, correct=True)
    _answer(page, wrong_question.number, correct=False)

    page.goto(site_url + "progress/")
    section = page.locator(f"li.objective[data-objective='{right_key}']").locator("xpath=..")
    order = section.locator("li.objective").evaluate_all("items => items.map(i => i.dataset.objective)")
    assert order.index(wrong_key) < order.index(right_key), order  # the missed objective first
    assert order[:2] == [wrong_key, right_key], order  # then the ones not tried yet
    for key, right in ((right_key, 1), (wrong_key, 0)):
        item = page.locator(f"li.objective[data-objective='{key}']")
        expected = _counts_text(len(bank.questions_of(key)), 1, right)
        assert item.locator(".objective-counts").text_content() == expected
        # the objective's words, linked to its page
        text = re.sub(r"<!--.*?-->", "", bank.objectives[key].text)
        assert item.locator("a").text_content().lower()[:20] == re.sub(r"[*_`]", "", text).strip().lower()[:20]
        href = item.locator("a").get_attribute("href")
        assert href.split("#")[0].endswith(re.sub(r"\.md$", "/", uri.split("/")[-1]))
    untried = [k for k in order[2:]]
    for key in untried:
        expected = _counts_text(len(bank.questions_of(key)), 0, 0)
        assert page.locator(f"li.objective[data-objective='{key}'] .objective-counts").text_content() == expected
    assert not errors, errors


def test_a_retried_question_counts_its_first_answer(page, site_url, two_objectives):
    """A question answered wrong (a hint), then right at the second try: mastery by objective counts
    the first answer (mkdocs-quiz itself keeps only the latest, which is right)."""
    uri, _, _, key, question, bank = two_objectives
    errors = _open_quizzes(page, site_url, uri)
    _answer(page, question.number, correct=False)
    _answer(page, question.number, correct=True, retry=True)
    quiz = page.locator(f"#quiz-{question.number - 1}")
    assert quiz.locator(".quiz-feedback-item.correct").first.is_visible()  # the retry was taken as right

    page.goto(site_url + "progress/")
    item = page.locator(f"li.objective[data-objective='{key}']")
    assert item.locator(".objective-counts").text_content() == _counts_text(len(bank.questions_of(key)), 1, 0)
    assert "objective--missed" in item.get_attribute("class")
    order = item.locator("xpath=..").locator("li.objective").evaluate_all("items => items.map(i => i.dataset.objective)")
    assert order[0] == key, order  # the missed objective comes first
    # Reset clears the first answers before the objectives are counted again
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#progress-reset").click()
    assert item.locator(".objective-counts").text_content() == _counts_text(len(bank.questions_of(key)), 0, 0)
    assert "objective--missed" not in item.get_attribute("class")
    assert not errors, errors


def test_objective_links_land_on_a_heading(page, site_url, built_site):
    """Every objective's link on the progress page goes to an existing page and heading."""
    html = (built_site / "progress" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<li class="objective"[^>]*>(?:<span class="objective-badge"></span> )?<a href="([^"]+)"', html)
    assert len(hrefs) == len(read_bank(real_sources()).objectives)
    for href in set(hrefs):
        path, _, anchor = href.partition("#")
        target = (built_site / "progress" / path / "index.html").resolve()
        assert target.exists(), href
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), href
