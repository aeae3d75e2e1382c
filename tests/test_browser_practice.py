"""The questions' practice loop in a real browser (docs/assets/practice.js on mkdocs-quiz),
on a phone (390 px) and a laptop (1280 px): a wrong first try gets a hint and not the key, the
second try (or "Show the answer") shows the key and the explanation, only the first answer
counts, an empty submission records nothing, and the page's score says what My progress says.
The words come from data/interface.yml; the page is any section page of the build with
single-choice, multiple-choice and fill-in questions (a fork's too).
"""

from __future__ import annotations

import json

import pytest
from test_browser_quiz import FILL, KEY_PREFIX, MULTIPLE, SINGLE, _filled, _progress_row, interface_words, quiz_path  # noqa: F401

WIDTHS = [390, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def screen(request, browser):
    context = browser.new_context(viewport={"width": request.param, "height": 900}, has_touch=request.param < 600)
    page = context.new_page()
    page.set_default_timeout(10_000)
    found = []
    page.on("pageerror", lambda error: found.append(f"uncaught: {error}"))
    page.on("console", lambda message: message.type == "error" and found.append(f"console.error: {message.text}"))
    page.errors = found
    yield page
    context.close()


def _open(page, url):
    page.goto(url)
    page.wait_for_selector(".quiz form")


def _choose(quiz, right: bool):
    """Choose the first right (or wrong) option of a single-choice question, by its label."""
    selector = "input[data-correct]" if right else "input[type='radio']:not([data-correct])"
    option = quiz.locator(selector).first
    quiz.locator(f"label[for='{option.get_attribute('id')}']").click()
    return option


def _submit(quiz):
    quiz.locator("form button[type='submit']").click()


def _record(page):
    return page.evaluate("JSON.parse(localStorage.getItem('guide_record'))")


def _first(page, quiz_id):
    record = _record(page) or {}
    return (record.get("first") or {}).get(page.evaluate("location.pathname"), {}).get(quiz_id)


def _plugin_saved(page):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY_PREFIX + page.evaluate("location.pathname")) or {}


def _key_shown(quiz) -> bool:
    return quiz.locator("fieldset > div.correct").count() > 0 or quiz.locator("section.content").is_visible()


def test_a_wrong_first_answer_gets_a_hint_then_a_real_second_try(screen, site_url, quiz_path):
    words = interface_words("quiz")
    page = screen
    _open(page, site_url + quiz_path)
    quiz = page.locator(SINGLE).first
    quiz_id = quiz.get_attribute("id")
    key_text = quiz.locator(f"label[for='{quiz.locator('input[data-correct]').first.get_attribute('id')}']").inner_text()
    chosen = _choose(quiz, right=False)
    _submit(quiz)

    status = quiz.locator(".quiz-loop-status")
    status.wait_for(state="visible")
    assert status.get_attribute("role") == "status", "the hint is not announced (no live region)"
    hint = status.inner_text()
    assert hint.startswith(words["not_quite"]) and len(hint) > len(words["not_quite"]) + 10, hint
    assert key_text not in hint, "the hint names the right option"
    assert not _key_shown(quiz), "a wrong first try showed the key or the explanation"
    assert quiz.locator(".quiz-feedback").is_hidden()
    assert "wrong" in chosen.locator("xpath=..").get_attribute("class").split()
    assert quiz.locator(".quiz-show-answer").is_visible()
    assert quiz.locator("form button[type='submit']").is_visible(), "no second try"
    # recorded as the first answer, wrong; mkdocs-quiz has saved nothing yet
    assert _first(page, quiz_id) is False and quiz_id not in _plugin_saved(page)

    # the second try, wrong again: now the key and the explanation
    _submit(quiz)
    quiz.locator(".quiz-feedback-item.incorrect").first.wait_for(state="visible")
    assert quiz.locator("section.content").is_visible()
    if quiz.get_attribute("data-show-correct") is not None:
        assert "correct" in quiz.locator("input[data-correct]").first.locator("xpath=..").get_attribute("class").split()
    assert quiz.locator(".quiz-show-answer").is_hidden()
    assert status.inner_text() == words["wrong_shown"], "the result is not announced"
    assert _first(page, quiz_id) is False
    assert not page.errors, page.errors


def test_a_right_second_try_shows_the_key_and_mastery_counts_the_first_answer(screen, site_url, quiz_path):
    words = interface_words("quiz")
    progress = interface_words("progress")
    page = screen
    _open(page, site_url + quiz_path)
    pathname = page.evaluate("location.pathname")
    total = page.locator(".quiz").count()
    first, other = page.locator(SINGLE).nth(0), page.locator(SINGLE).nth(1)
    _choose(first, right=False)
    _submit(first)
    first.locator(".quiz-loop-status").wait_for(state="visible")
    _choose(first, right=True)
    _submit(first)
    first.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")
    assert first.locator("section.content").is_visible(), "no explanation after the right second try"
    assert first.locator(".quiz-loop-status").inner_text() == words["right"]
    assert _first(page, first.get_attribute("id")) is False, "the retry replaced the first answer"
    _choose(other, right=True)
    _submit(other)
    other.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")

    # one score, the same words and figures under the questions and on My progress
    expected = _filled(progress["counts"], correct=1, answered=2, total=total)
    score = page.locator(".quiz-score-text")
    assert score.is_visible() and score.inner_text() == expected, score.inner_text()
    assert page.locator("#quiz-progress-sidebar, #quiz-progress-mobile").count() == 0, "a second score box"
    page.reload()
    page.wait_for_selector(".quiz form")
    assert page.locator(".quiz-score-text").inner_text() == expected, "the score changed on reload"
    page.goto(site_url + "progress/")
    assert _progress_row(page, pathname)["counts"] == expected
    assert not page.errors, page.errors


def test_show_the_answer_after_a_hint(screen, site_url, quiz_path):
    page = screen
    _open(page, site_url + quiz_path)
    quiz = page.locator(MULTIPLE).first
    wrong = quiz.locator("input:not([data-correct])").first
    quiz.locator(f"label[for='{wrong.get_attribute('id')}']").click()
    _submit(quiz)
    quiz.locator(".quiz-loop-status").wait_for(state="visible")
    assert not _key_shown(quiz)
    # a multiple-answer question marks none of the chosen options right or wrong at the hint
    assert quiz.locator("fieldset > div.wrong, fieldset > div.correct").count() == 0
    wrong.uncheck()  # the student unticks everything, then asks: the hinted try is shown
    quiz.locator(".quiz-show-answer").click()
    quiz.locator(".quiz-feedback-item.incorrect").first.wait_for(state="visible")
    assert quiz.locator("section.content").is_visible()
    assert wrong.is_checked(), "the answer shown is not the one the hint was for"
    assert page.evaluate("document.activeElement && document.activeElement.closest('.quiz') !== null"), \
        "focus left the question when its button went away"
    assert _first(page, quiz.get_attribute("id")) is False
    assert not page.errors, page.errors


def test_an_empty_submission_records_nothing(screen, site_url, quiz_path):
    words = interface_words("quiz")
    page = screen
    _open(page, site_url + quiz_path)
    single, multiple, fill = page.locator(SINGLE).first, page.locator(MULTIPLE).first, page.locator(FILL).first
    _submit(single)  # Submit with nothing chosen
    assert single.locator(".quiz-loop-status").inner_text() == words["choose_first"]
    box = multiple.locator("input[type='checkbox']").first
    box.focus()
    page.keyboard.press("Enter")  # Enter on a checkbox, none ticked
    assert multiple.locator(".quiz-loop-status").inner_text() == words["choose_first"]
    fill.locator(".quiz-blank-input").first.focus()
    page.keyboard.press("Enter")  # an empty blank
    assert fill.locator(".quiz-loop-status").inner_text() == words["type_first"]
    for quiz in (single, multiple, fill):
        assert not _key_shown(quiz) and quiz.locator(".quiz-feedback").is_hidden()
    assert _plugin_saved(page) == {}
    first = ((_record(page) or {}).get("first") or {}).get(page.evaluate("location.pathname"), {})
    assert first == {}, f"an empty submission was recorded: {first}"
    assert page.locator(".quiz-score-text").inner_text() == _filled(words["score_empty"], total=page.locator(".quiz").count())
    # then a real answer is taken as usual, as a first answer
    _choose(single, right=True)
    _submit(single)
    single.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")
    assert _first(page, single.get_attribute("id")) is True
    assert not page.errors, page.errors


def test_a_near_form_in_a_blank_is_right_the_first_time(screen, site_url, quiz_path):
    """An accepted form with the usual slips (an article, capitals, a full stop) is a right first
    answer, never a wrong first try."""
    page = screen
    _open(page, site_url + quiz_path)
    fill = page.locator(FILL).first
    for blank in fill.locator(".quiz-blank-input").all():
        forms = json.loads(blank.get_attribute("data-accept"))
        blank.fill(f" the {forms[-1].upper()}. ")
    _submit(fill)
    fill.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")
    assert _first(page, fill.get_attribute("id")) is True
    assert not page.errors, page.errors


def test_the_loop_from_the_keyboard(screen, site_url, quiz_path):
    """Space chooses, Enter submits, the hint is announced; Tab reaches "Show the answer" and
    Space presses it."""
    words = interface_words("quiz")
    page = screen
    _open(page, site_url + quiz_path)
    quiz = page.locator(SINGLE).first
    radios = quiz.locator("input[type='radio']")
    wrong = [radios.nth(i).get_attribute("data-correct") is None for i in range(radios.count())].index(True)
    radios.nth(0).focus()
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert radios.nth(wrong).is_checked()
    page.keyboard.press("Enter")  # implicit submission from the radio group
    status = quiz.locator(".quiz-loop-status")
    status.wait_for(state="visible")
    assert status.inner_text().startswith(words["not_quite"]) and status.get_attribute("role") == "status"
    show = quiz.locator(".quiz-show-answer")
    for _ in range(6):
        if show.evaluate("b => document.activeElement === b"):
            break
        page.keyboard.press("Tab")
    assert show.evaluate("b => document.activeElement === b"), "Tab did not reach Show the answer"
    assert show.inner_text() == words["show_answer"]
    page.keyboard.press("Space")
    quiz.locator(".quiz-feedback-item").first.wait_for(state="visible")
    assert quiz.locator("section.content").is_visible()
    retry = quiz.locator(".quiz-reset-button")
    assert retry.inner_text() == words["try_again"], "not in sentence case"
    assert not page.errors, page.errors


def test_submit_and_try_again_keep_a_gap(screen, site_url, quiz_path):
    page = screen
    _open(page, site_url + quiz_path)
    fill = page.locator(FILL).first
    for blank in fill.locator(".quiz-blank-input").all():
        blank.fill(blank.get_attribute("data-answer"))
    _submit(fill)
    retry = fill.locator(".quiz-reset-button")
    retry.wait_for(state="visible")
    submit = fill.locator("form button[type='submit']").bounding_box()
    again = retry.bounding_box()
    same_line = abs(submit["y"] - again["y"]) < 2
    gap = again["x"] - (submit["x"] + submit["width"]) if same_line else again["y"] - (submit["y"] + submit["height"])
    assert gap >= 6, f"Submit and Try again are {gap:.1f} px apart"
    assert page.get_by_text("Quiz Progress").count() == 0


def test_resetting_the_page_starts_a_hinted_question_afresh(screen, site_url, quiz_path):
    words = interface_words("quiz")
    page = screen
    _open(page, site_url + quiz_path)
    quiz = page.locator(SINGLE).first
    _choose(quiz, right=False)
    _submit(quiz)
    quiz.locator(".quiz-loop-status").wait_for(state="visible")
    fill = page.locator(FILL).first  # mkdocs-quiz's own page reset failed on a fill-in
    for blank in fill.locator(".quiz-blank-input").all():
        blank.fill(blank.get_attribute("data-answer"))
    _submit(fill)
    fill.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.locator(".quiz-score .quiz-score-reset").click()
    assert asked == [words["reset_page_confirm"]]
    quiz.locator(".quiz-loop-status").wait_for(state="hidden")
    assert quiz.locator(".quiz-show-answer").is_hidden() and _first(page, quiz.get_attribute("id")) is None
    assert fill.locator(".quiz-feedback").is_hidden() and fill.locator(".quiz-blank-input").first.input_value() == ""
    assert _plugin_saved(page) == {} and _first(page, fill.get_attribute("id")) is None
    assert page.locator(".quiz-score-text").inner_text() == _filled(words["score_empty"], total=page.locator(".quiz").count())
    _choose(quiz, right=False)  # a first try again: a hint again, not the key
    _submit(quiz)
    quiz.locator(".quiz-loop-status").wait_for(state="visible")
    assert not _key_shown(quiz)
    assert not page.errors, page.errors
