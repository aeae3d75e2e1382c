"""Save and load progress on My progress (assets/progress-file.js), in Debian's Chromium:
save, clear the browser, load: everything is back; a file merges with what the browser holds
(the earliest first try counts, the later review state wins, nothing is duplicated) after a
preview; a damaged file, a newer version's, another guide's, a value of the wrong type or
size and an unknown record are each refused with their message, changing nothing; a file
whose texts hold markup or a script shows them as text wherever they appear. The pages and
questions are taken from the guide's configuration, not named."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from conftest import ROOT
from guide_facts import CONFIG, SITE_NAME, questions, sample_section, url_of
from shared.guide_identity import identity

WORDS = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))
TRANSFER = WORDS["transfer"]
GUIDE = identity(SITE_NAME, CONFIG.get("site_url"))
SECTION = sample_section()
SECTION_URL = url_of(SECTION)
BLANK_QUIZ = next(i for i, q in enumerate(questions(SECTION)) if "[[" in q)
CHOICE_QUIZZES = [i for i, q in enumerate(questions(SECTION)) if "[[" not in q and q.count("[x]") == 1]
SNAPSHOT = """() => { const out = {}; for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i);
  if (/^(guide|quiz_progress_)/.test(k)) out[k] = JSON.parse(localStorage.getItem(k)); } return out; }"""


def say(key: str, **values) -> str:
    if values.get("n") == 1 and f"{key}_one" in TRANSFER:  # as the script: "1 attempt"
        key += "_one"
    text = TRANSFER[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


@pytest.fixture
def progress(page, site_url):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    page.goto(site_url + "progress/")
    page.wait_for_selector("#progress-file-save")
    yield page
    assert not errors, errors


def answer(page, number: int, correct: bool):
    quiz = page.locator(f"#quiz-{number}")
    selector = "input[data-correct]" if correct else "input[type='radio']:not([data-correct])"
    option_id = quiz.locator(selector).first.get_attribute("id")
    quiz.locator(f"label[for='{option_id}']").click()
    quiz.locator("form button[type='submit']").click()
    quiz.locator(".quiz-feedback-item, .quiz-loop-status").first.wait_for(state="visible")  # a wrong first try gets a hint (practice.js)


def save_file(page, tmp_path) -> dict:
    with page.expect_download() as info:
        page.click("#progress-file-save")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert re.fullmatch(r"[\w-]+-progress-\d{4}-\d{2}-\d{2}\.json", path.name), path.name
    return json.loads(path.read_text(encoding="utf-8"))


def load_file(page, tmp_path, content, name="progress.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode("utf-8"))
    page.set_input_files("#progress-file-input", str(path))


def status(page) -> str:
    page.wait_for_function("document.getElementById('progress-file-status').textContent.length > 0"
                           " || !document.getElementById('progress-file-preview').hidden")
    return page.locator("#progress-file-status").text_content()


def progress_file(data: dict, **changes) -> dict:
    return {"format": "guide-progress", "version": 1, "guide": {"id": GUIDE, "title": SITE_NAME},
            "saved": "2026-12-01T10:00:00.000Z", "data": data, **changes}


def test_save_clear_load_brings_everything_back(progress, site_url, tmp_path):
    page = progress
    page.goto(site_url + SECTION_URL)
    page.wait_for_selector(".quiz form")
    answer(page, CHOICE_QUIZZES[0], correct=True)
    answer(page, CHOICE_QUIZZES[1], correct=False)
    page.evaluate("""() => {
      localStorage.setItem('guide-lab-v1', JSON.stringify({version: 1, exercises: {'ex-a': [{text: 'My reply', rating: 3}]},
        conversations: {'conv-a': {finished: 2, ending: 'end', outcome: 'best', path: [{step: 's1', choice: 1}]}}}));
      localStorage.setItem('guide_review', JSON.stringify({version: 1, cards: {'q:a': {due: 1, last_review: '2026-12-01T00:00:00Z'}}}));
    }""")
    page.goto(site_url + "progress/")
    page.wait_for_selector("#progress-file-save")
    before = page.evaluate(SNAPSHOT)
    summary = page.locator("#progress-summary").text_content()
    saved = save_file(page, tmp_path)
    assert saved["format"] == "guide-progress" and saved["version"] == 1 and saved["guide"]["id"] == GUIDE
    # paths relative to the site, so the file works wherever the guide is served
    assert f"quiz_progress_{SECTION_URL}" in saved["data"] and SECTION_URL in saved["data"]["guide_record"]["first"]
    assert {"guide-lab-v1", "guide_review"} <= set(saved["data"])

    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.locator("#progress-summary").text_content() != summary
    load_file(page, tmp_path, saved)
    page.locator("#progress-file-preview").wait_for(state="visible")
    changes = page.locator("#progress-file-changes li").all_text_contents()
    # the question answered wrong waits at its hint (practice.js): a first try, no latest answer yet
    assert say("change_first_added", n=2) in changes and say("change_answers_added_one") in changes
    page.click("#progress-file-apply")
    assert status(page) == say("loaded", file="progress.json")
    assert page.locator("#progress-file-preview").is_hidden()
    assert page.locator("#progress-summary").text_content() == summary  # counted again at once
    assert page.evaluate(SNAPSHOT) == before
    # loading the same file again changes nothing
    load_file(page, tmp_path, saved)
    assert status(page) == say("nothing_new")
    # the quiz page shows the answers again
    page.goto(site_url + SECTION_URL)
    page.locator(f"#quiz-{CHOICE_QUIZZES[0]} .quiz-feedback-item").first.wait_for(state="visible")


def test_a_file_merges_with_what_the_browser_holds(progress, site_url, tmp_path):
    page = progress
    path = "/" + SECTION_URL
    page.evaluate("""([path]) => {
      localStorage.setItem('guide_record', JSON.stringify({version: 1,
        first: {[path]: {'quiz-0': true, 'quiz-1': false}}, at: {[path]: {'quiz-0': 2000, 'quiz-1': 1000}}, last: null}));
      localStorage.setItem('guide-lab-v1', JSON.stringify({version: 1, exercises: {'ex-a': [{text: 'Mine', rating: 2}]},
        conversations: {'conv-a': {finished: 3, ending: 'e', outcome: 'weak', path: []}}}));
      localStorage.setItem('guide_review', JSON.stringify({version: 1, cards: {
        'c1': {due: 5, last_review: '2026-12-01T00:00:00Z'}, 'c3': {due: 9, last_review: '2026-12-05T00:00:00Z'}}}));
    }""", [path])
    page.reload()
    file = progress_file({
        "guide_record": {"version": 1, "first": {SECTION_URL: {"quiz-0": False, "quiz-1": True, "quiz-2": True}},
                         "at": {SECTION_URL: {"quiz-0": 1000, "quiz-1": 3000, "quiz-2": 1500}},
                         "last": {"path": SECTION_URL, "title": "A section", "question": "quiz-3", "number": 4}},
        "guide-lab-v1": {"version": 1, "exercises": {"ex-a": [{"text": "Theirs", "rating": 4}, {"text": "Mine", "rating": 2}]},
                         "conversations": {"conv-a": {"finished": 1, "ending": "x", "outcome": "best", "path": []},
                                           "conv-b": {"finished": 1, "ending": "y", "outcome": "best", "path": []}}},
        "guide_review": {"version": 1, "cards": {"c1": {"due": 7, "last_review": "2026-12-03T00:00:00Z"},
                                                 "c2": {"due": 8, "last_review": "2026-12-02T00:00:00Z"},
                                                 "c3": {"due": 1, "last_review": "2026-11-01T00:00:00Z"}}},
    })
    before = page.evaluate(SNAPSHOT)
    load_file(page, tmp_path, file)
    page.locator("#progress-file-preview").wait_for(state="visible")
    changes = page.locator("#progress-file-changes li").all_text_contents()
    assert changes == [say("change_first_added", n=1), say("change_first_earlier", n=1), say("change_lab_attempts", n=1),
                       say("change_conversations", n=1), say("change_review", n=2),
                       say("change_last", title="\u201cA section\u201d")]
    # Cancel: nothing changes
    page.click("#progress-file-cancel")
    assert status(page) == say("cancelled") and page.evaluate(SNAPSHOT) == before

    load_file(page, tmp_path, file)
    page.locator("#progress-file-preview").wait_for(state="visible")
    page.click("#progress-file-apply")
    assert status(page) == say("loaded", file="progress.json")
    after = page.evaluate(SNAPSHOT)
    # the earliest first try counts: the file's quiz-0 (1000 < 2000), this browser's quiz-1 (1000 < 3000)
    assert after["guide_record"]["first"][path] == {"quiz-0": False, "quiz-1": False, "quiz-2": True}
    assert after["guide_record"]["at"][path] == {"quiz-0": 1000, "quiz-1": 1000, "quiz-2": 1500}
    assert after["guide_record"]["last"]["path"] == path
    # Skills lab: the new attempt added before this browser's, no duplicate; the conversation played more stays
    assert after["guide-lab-v1"]["exercises"]["ex-a"] == [{"text": "Theirs", "rating": 4}, {"text": "Mine", "rating": 2}]
    assert after["guide-lab-v1"]["conversations"]["conv-a"]["finished"] == 3
    assert after["guide-lab-v1"]["conversations"]["conv-b"]["finished"] == 1
    # review: the later review wins, card by card
    cards = after["guide_review"]["cards"]
    assert (cards["c1"]["due"], cards["c2"]["due"], cards["c3"]["due"]) == (7, 8, 9)


REFUSED = {
    "damaged": (b'{"format": "guide-progress", "version": 1, "guide": ', "error_damaged", {}),
    "not a progress file": ({"name": "something else"}, "error_not_progress", {}),
    "newer version": (progress_file({}, version=2), "error_newer", {"version": 2, "supported": 1}),
    "another guide": (progress_file({}, guide={"id": "someone.example/other/", "title": "<b>Other</b> guide"}),
                      "error_other_guide", {"title": "\u201c<b>Other</b> guide\u201d"}),
    "wrong type": (progress_file({"guide_record": {"version": 1, "first": {"a/": {"quiz-0": "yes"}}}}),
                   "error_entry", {"where": "guide_record/first/a//quiz-0"}),
    "absurd size": (progress_file({"guide-lab-v1": {"version": 1, "conversations": {},
                                                    "exercises": {"ex": [{"text": "x" * 30000, "rating": 1}]}}}),
                    "error_entry", {"where": "guide-lab-v1/exercises/ex/0/text"}),
    "path out of the site": (progress_file({"quiz_progress_../other/": {}}), "error_entry",
                             {"where": "quiz_progress_../other/"}),
    "unknown record": (progress_file({"__proto__": {"x": 1}, "evil": 1}), "error_unknown", {"where": "__proto__"}),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_file_is_refused_and_changes_nothing(progress, tmp_path, case):
    page = progress
    content, message, values = REFUSED[case]
    page.evaluate("""() => localStorage.setItem('guide_record', JSON.stringify({version: 1,
        first: {'/x/': {'quiz-0': true}}, at: {}, last: null}))""")
    before = page.evaluate(SNAPSHOT)
    load_file(page, tmp_path, content)
    assert status(page) == say(message, **values)
    assert "progress-file-status--error" in page.get_attribute("#progress-file-status", "class")
    assert page.locator("#progress-file-preview").is_hidden()
    assert page.locator("#progress-file-status *").count() == 0  # text only, never markup
    assert page.evaluate(SNAPSHOT) == before


def test_a_file_too_large_is_refused_before_it_is_read(progress, tmp_path):
    page = progress
    load_file(page, tmp_path, b" " * 2_100_000)
    assert status(page) == say("error_too_big", size="2.1 MB")


def test_markup_in_a_file_shows_as_text(progress, site_url, tmp_path):
    page = progress
    title = '<img src=x onerror="window.__pwned=1">Section'
    attempt = '<script>window.__pwned = 2</script><b>bold</b>'
    page.goto(site_url + "skills-lab/")
    exercise = page.locator("[data-lab-exercise]").first.get_attribute("data-lab-exercise")
    page.goto(site_url + "progress/")
    page.wait_for_selector("#progress-file-save")
    load_file(page, tmp_path, progress_file({
        "guide_record": {"version": 1, "first": {}, "at": {},
                         "last": {"path": SECTION_URL, "title": title, "question": None, "number": None}},
        f"quiz_progress_{SECTION_URL}": {f"quiz-{BLANK_QUIZ}": {"answered": True, "correct": False,
                                                               "selectedValues": ['<img src=x onerror="window.__pwned=3">']}},
        "guide-lab-v1": {"version": 1, "conversations": {},
                         "exercises": {exercise: [{"text": attempt, "rating": 2}, {"text": "later", "rating": 0}]}},
    }))
    page.locator("#progress-file-preview").wait_for(state="visible")
    changes = page.locator("#progress-file-changes li").all_text_contents()
    assert say("change_last", title=f"\u201c{title}\u201d") in changes and say("markup_dropped", n=1) in changes
    assert page.locator("#progress-file-changes img").count() == 0
    page.click("#progress-file-apply")
    status(page)
    # where the texts appear: "continue where you left off" (home), the Skills lab, the quiz
    page.goto(site_url)
    assert page.locator("#guide-continue a").text_content().startswith(title)
    assert page.locator("#guide-continue img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.goto(site_url + "skills-lab/")
    box = page.locator(f"[data-lab-exercise='{exercise}']")
    box.locator("xpath=ancestor::details[1]/summary").click()
    assert box.locator(".lab-earlier-text").first.text_content() == attempt
    assert box.locator(".lab-earlier-text b, .lab-earlier-text script").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.goto(site_url + SECTION_URL)
    page.wait_for_selector(".quiz form")
    assert page.evaluate("window.__pwned") is None  # nothing of the file ran, on any page
    assert page.locator(f"#quiz-{BLANK_QUIZ} img").count() == 0


def test_a_file_saved_in_the_offline_edition_loads_in_the_hosted_one(page, site_url, tmp_path_factory, tmp_path):
    """The offline edition names pages x.html (file://), the hosted one x/: the file names them
    one way, so progress moves between the two."""
    from conftest import run_build

    offline = tmp_path_factory.mktemp("offline-edition")
    result = run_build(ROOT, offline, env={"GUIDE_OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    page.set_default_timeout(10_000)
    page.goto((offline / (SECTION[: -len(".md")] + ".html")).as_uri())
    page.wait_for_selector(".quiz form")
    answer(page, CHOICE_QUIZZES[0], correct=True)  # a right answer: the quiz saves it too (a wrong one waits at its hint)
    page.goto((offline / "progress.html").as_uri())
    page.wait_for_selector("#progress-file-save")
    saved = save_file(page, tmp_path)
    assert saved["data"]["guide_record"]["first"] == {SECTION_URL: {f"quiz-{CHOICE_QUIZZES[0]}": True}}
    assert f"quiz_progress_{SECTION_URL}" in saved["data"]

    page.goto(site_url + "progress/")
    page.wait_for_selector("#progress-file-save")
    load_file(page, tmp_path, saved)
    page.locator("#progress-file-preview").wait_for(state="visible")
    page.click("#progress-file-apply")
    assert status(page) == say("loaded", file="progress.json")
    record = page.evaluate("JSON.parse(localStorage.getItem('guide_record'))")
    assert record["first"] == {"/" + SECTION_URL: {f"quiz-{CHOICE_QUIZZES[0]}": True}}
