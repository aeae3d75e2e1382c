"""The skills lab in the built guide and in Debian's Chromium.

Which pages hold the lab, its exercises and its conversations come from the data files and
the markers in docs/, the words from data/interface.yml: a fork that adds exercises, moves
them or translates the interface still passes. Built-site checks first (the lab page, the
section pages, the print edition, where the assets load), then the browser: writing, the
models, self-rating, reloading (the box labelled and opened again), the link to the journal, clearing, a conversation played by keyboard (its
choices shuffled per visit, the replies chosen recorded),
corrupt storage, no JavaScript, layout stability and axe-core in light and dark.
"""

from __future__ import annotations

import json

from playwright.sync_api import expect
import re
from html import escape as html_escape

import pytest
import skills_lab
from shared import skills_lab_data as data
import yaml
from conftest import ROOT, axe_violations

LAB = data.load_lab(ROOT)
STRINGS = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))["lab"]
STORAGE_KEY = re.search(r'var KEY = "([^"]+)"', (ROOT / "docs/assets/lab.js").read_text(encoding="utf-8"))[1]


def url_of(src: str) -> str:
    """docs/04-skills/active-listening.md -> 04-skills/active-listening/ (MkDocs' directory URLs)."""
    return "" if src == "index.md" else src[: -len(".md")].removesuffix("/index") + "/"


def pages_with(kind: str) -> dict[str, list[str]]:
    """{page: [ids]} for every `<!-- skills-lab: KIND ID -->` marker in docs/."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for match in skills_lab.MARKER.finditer(path.read_text(encoding="utf-8")):
            if match["kind"] == kind:
                found.setdefault(path.relative_to(ROOT / "docs").as_posix(), []).append(match["id"] or "")
    return found


LAB_PAGE = url_of(next(iter(pages_with("index"))))
SKILL_PAGE, SKILLS_THERE = next(iter(pages_with("skill").items()))
CONVERSATION_PAGE, CONVERSATIONS_THERE = next(iter(pages_with("conversation").items()))
FIRST = LAB.exercises[0]


def words(key: str, **values) -> str:
    text = STRINGS[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def rating_name(level: int) -> str:
    """A self-rating radio's accessible name, as the page writes it from data: "3 · Interchangeable"."""
    return f"{level} · {LAB.levels[level - 1]['name']}"


def built(built_site, page_url: str) -> str:
    return (built_site / page_url / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- the built site

def test_the_lab_page_lists_every_exercise_and_conversation_by_skill_and_difficulty(built_site):
    html = built(built_site, LAB_PAGE)
    for exercise in LAB.exercises:
        assert html.count(f'data-lab-exercise="{exercise["id"]}"') == 1, exercise["id"]
    for conversation in LAB.conversations:
        assert f'data-lab-conversation="{conversation["id"]}"' in html
    for skill in {e["skill"] for e in LAB.exercises}:
        assert f'id="lab-{skill}"' in html
        for difficulty in {e["difficulty"] for e in LAB.exercises if e["skill"] == skill}:
            assert f'id="lab-{skill}-{difficulty}"' in html


def test_each_skill_page_holds_its_exercises(built_site):
    for page, skills in pages_with("skill").items():
        html = built(built_site, url_of(page))
        for exercise in (e for e in LAB.exercises if e["skill"] in skills):
            assert f'data-lab-exercise="{exercise["id"]}"' in html, (page, exercise["id"])


def test_the_print_edition_prints_every_exercise_with_its_models_and_every_step(built_site):
    html = built(built_site, "print/")
    for exercise in LAB.exercises:
        start = html.index(f'data-lab-exercise="{exercise["id"]}"')
        part = html[start:html.index('class="lab-attempts"', start)]
        assert '<details class="lab-models" open>' in part, exercise["id"]
        assert part.count('class="lab-model ') == len(exercise["models"])
    for conversation in LAB.conversations:
        for step in conversation["steps"]:
            assert f'lab-co-{conversation["id"]}-{step}"' in html, (conversation["id"], step)
    assert 'class="lab-map" open' in html and "assets/lab.css" in html and "assets/lab.js" not in html


def test_lab_assets_load_only_where_the_lab_is(built_site):
    lab_pages = {url_of(p) for kind in ("skill", "exercise", "conversation", "index") for p in pages_with(kind)}
    for page_url in lab_pages | {"progress/"}:
        html = built(built_site, page_url)
        assert "assets/lab.js" in html and 'id="strings-lab"' in html, page_url
    for page_url in ("", "glossary/", "references/"):
        assert "assets/lab" not in built(built_site, page_url)


# ---------------------------------------------------------------- writing, rating, reloading

def exercise_box(page, exercise=FIRST):
    """The exercise on the page, its closed "Practise ..." box opened as a student would."""
    box = page.locator(f'[data-lab-exercise="{exercise["id"]}"]').first
    closed = box.locator("xpath=ancestor::details[contains(@class, 'lab-set') and not(@open)]")
    if closed.count():
        closed.first.locator("xpath=./summary").click()
    return box


def stored(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") or "null")


def test_write_reveal_rate_and_find_it_again_after_reloading(page, site_url):
    page.goto(site_url + LAB_PAGE)
    box = exercise_box(page)
    box.locator("textarea").fill("It sounds like the change has pushed you to the edge of your own home.")
    models = box.locator(".lab-model")
    assert not models.first.is_visible()
    box.locator(".lab-models summary").click()
    assert models.count() == len(FIRST["models"]) and models.first.is_visible()
    assert FIRST["models"][0]["why"] in box.locator(".lab-model-list").inner_text()
    box.get_by_role("radio", name=rating_name(3)).check()
    assert box.locator(".lab-status").inner_text() == words("saved")
    page.reload()
    box = exercise_box(page)
    assert box.locator("textarea").input_value().startswith("It sounds like the change")
    assert box.locator('input[type=radio][value="3"]').is_checked()
    assert stored(page)["exercises"][FIRST["id"]][-1]["rating"] == 3


def test_try_again_keeps_both_attempts(page, site_url):
    page.goto(site_url + LAB_PAGE)
    box = exercise_box(page)
    box.locator("textarea").fill("First try: have you talked to your manager?")
    box.get_by_role("radio", name=rating_name(1)).check()
    box.locator(".lab-again").click()
    assert box.locator("textarea").input_value() == ""
    assert page.evaluate("document.activeElement.classList.contains('lab-text')")
    box.locator("textarea").fill("Second try: beside them, not with them.")
    earlier = box.locator(".lab-attempts").inner_text()
    assert words("attempt", n=1) in earlier and "have you talked to your manager" in earlier
    assert words("rated", n=1) in earlier
    page.reload()
    attempts = stored(page)["exercises"][FIRST["id"]]
    assert [a["text"] for a in attempts] == ["First try: have you talked to your manager?", "Second try: beside them, not with them."]
    assert "have you talked to your manager" in exercise_box(page).locator(".lab-attempts").inner_text()


@pytest.mark.parametrize("width", [390, 1280])
def test_lab_work_survives_a_reload_its_box_labelled_and_opened_again(browser, site_url, width):
    """Saved work is not hidden after a reload: the box says what was done ("1 of 2 tried")
    and the box where the student last worked opens again; the others stay closed."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + url_of(SKILL_PAGE))
    sets = page.locator("details.lab-set")
    target = sets.last  # not the first box: the one worked in is the one that opens
    exercises = target.locator("[data-lab-exercise]")
    target.locator("> summary").click()
    exercises.first.locator("textarea").fill("A try that should still be here.")
    page.reload()
    sets = page.locator("details.lab-set")
    assert sets.last.get_attribute("open") is not None
    assert exercises.first.locator("textarea").input_value() == "A try that should still be here."
    done = words("set_tried", n=1, total=exercises.count())
    assert sets.last.locator("> summary").inner_text().endswith(done)
    if sets.count() > 1:
        assert sets.first.get_attribute("open") is None and done not in sets.first.locator("> summary").inner_text()
    context.close()


def test_the_lab_page_boxes_say_what_is_inside(built_site):
    """The Skills lab page's closed boxes name their skill, difficulty and count."""
    html = built(built_site, LAB_PAGE)
    for skill in LAB.skills:
        for difficulty in LAB.difficulties:
            count = sum(e["skill"] == skill["id"] and e["difficulty"] == difficulty["id"] for e in LAB.exercises)
            if count:
                key = "practise_level_one" if count == 1 else "practise_level"
                label = words(key, skill=skill["name"], difficulty=difficulty["name"].lower(), n=count)
                assert f"<summary>{html_escape(label)}<span" in html, label


def test_the_lab_page_leads_to_the_journal(page, site_url):
    page.goto(site_url + LAB_PAGE)
    page.locator(".lab-open-journal").click()
    assert page.locator(".journal").count() == 1


@pytest.mark.parametrize("answer", ["dismiss", "accept"])
def test_clearing_asks_first(page, site_url, answer):
    page.goto(site_url + LAB_PAGE)
    exercise_box(page).locator("textarea").fill("Something to keep, or not.")
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), getattr(dialog, answer)()))
    page.locator(".lab-clear").click()
    assert messages == [words("clear_confirm")]
    kept = exercise_box(page).locator("textarea").input_value()
    if answer == "accept":
        assert kept == "" and stored(page) is None
        assert page.locator(".lab-journal-status").inner_text() == words("cleared")
    else:
        assert kept == "Something to keep, or not." and stored(page)["exercises"][FIRST["id"]]


# ---------------------------------------------------------------- a conversation, by keyboard

def test_a_conversation_played_to_an_ending_by_keyboard(page, site_url):
    conversation = next(c for c in LAB.conversations if c["id"] == CONVERSATIONS_THERE[0])
    page.goto(site_url + url_of(CONVERSATION_PAGE))
    box = page.locator(f'[data-lab-conversation="{conversation["id"]}"]')
    log = box.locator(".lab-log")
    assert log.get_attribute("aria-live") == "polite"
    assert box.locator(".lab-choices").get_attribute("role") == "group"
    assert box.locator(".lab-choices").get_attribute("aria-label") == words("your_choices")
    # reach the first choice with the Tab key from the conversation's context
    box.locator(".lab-context").evaluate("node => { node.tabIndex = -1; node.focus(); }")
    page.keyboard.press("Tab")
    step_id, steps = conversation["start"], conversation["steps"]
    taken = []
    for _ in range(len(steps)):
        step = steps[step_id]
        if data.is_ending(step):
            break
        focused = page.evaluate("document.activeElement.textContent")
        number, chosen = next((n, c) for n, c in enumerate(step["choices"], 1) if " ".join(c["say"].split()) == focused)
        taken.append({"step": step_id, "choice": number})
        page.keyboard.press("Enter")
        step_id = chosen["next"]
        said = " ".join(steps[step_id]["client"].split())
        assert said in log.inner_text(), step_id  # the client's next words, in the live region
        feedback = log.locator(".lab-feedback").last
        assert " ".join(chosen["feedback"].split()) in feedback.inner_text()
        if chosen.get("teaches"):  # the link to where the guide teaches it (feedback may hold other links)
            anchor = chosen["teaches"].split("#")[-1]
            assert feedback.locator(f'a[href$="#{anchor}"]').count() >= 1, chosen["teaches"]
        assert page.evaluate("!!document.activeElement.closest('.lab-choices')"), "focus left the choices"
    assert data.is_ending(steps[step_id])
    assert " ".join(steps[step_id]["debrief"].split()) in log.inner_text()
    assert page.evaluate("document.activeElement.textContent") == words("play_again")
    outcome = steps[step_id]["outcome"]
    assert words("finished", outcome=words("outcome_" + outcome)) in log.inner_text()
    record = stored(page)["conversations"][conversation["id"]]
    assert record["finished"] == 1 and record["ending"] == step_id and record["outcome"] == outcome
    assert record["path"] == taken  # the replies chosen, numbered as in the data, whatever their place on screen
    page.goto(site_url + "progress/")
    counts = page.locator(".lab-progress-counts").inner_text()
    assert words("progress_conversations", n=1, total=len(LAB.conversations)) in counts
    assert words("progress_exercises", n=0, total=len(LAB.exercises)) in counts


def shown_orders(page) -> dict[str, list[str]]:
    """Each conversation's first buttons as drawn: {conversation id: [verdict of each, in screen order]}."""
    orders = {}
    for conversation in LAB.conversations:
        box = page.locator(f'[data-lab-conversation="{conversation["id"]}"]')
        by_text = {" ".join(c["say"].split()): c["verdict"] for c in conversation["steps"][conversation["start"]]["choices"]}
        orders[conversation["id"]] = [by_text[t] for t in box.locator(".lab-choices .lab-choice").all_inner_texts()]
    return orders


def test_choices_are_shuffled_per_visit_and_kept_within_it(page, site_url):
    """Neither the place of a button nor the order of the data gives the helpful reply away:
    the order is drawn on each visit, and stays the same when the conversation is replayed."""
    visits = []
    for _ in range(4):
        page.goto(site_url + LAB_PAGE)
        visits.append(shown_orders(page))
    for conversation in LAB.conversations:
        seen = {tuple(v[conversation["id"]]) for v in visits}
        assert all(sorted(order) == sorted(c["verdict"] for c in conversation["steps"][conversation["start"]]["choices"])
                   for order in seen)
    # over four visits of every conversation, the orders vary and the helpful reply moves
    orders = [tuple(v[c["id"]]) for v in visits for c in LAB.conversations]
    assert len(set(orders)) > 1
    assert len({order.index("helpful") for order in orders if "helpful" in order}) > 1
    # within a visit: play a conversation to its end, start again, and the first order is the same
    conversation = LAB.conversations[0]
    box = page.locator(f'[data-lab-conversation="{conversation["id"]}"]')
    first = box.locator(".lab-choices .lab-choice").all_inner_texts()
    while box.locator(".lab-choices .lab-choice").count():
        box.locator(".lab-choices .lab-choice").first.click()
    box.locator(".lab-choices button").click()  # "Start the conversation again"
    assert box.locator(".lab-choices .lab-choice").all_inner_texts() == first


def test_the_journal_names_the_ending_reached(page, site_url, tmp_path):
    page.goto(site_url + LAB_PAGE)
    conversation = LAB.conversations[0]
    box = page.locator(f'[data-lab-conversation="{conversation["id"]}"]')
    while box.locator(".lab-choices .lab-choice").count():
        box.locator(".lab-choices .lab-choice").last.click()
    ending = stored(page)["conversations"][conversation["id"]]["ending"]
    outcome = words("outcome_" + conversation["steps"][ending]["outcome"])
    assert words("finished", outcome=outcome) in box.locator(".lab-log").inner_text()
    page.locator(".lab-open-journal").click()  # the practice journal page (hooks/practice_journal.py)
    journal = page.locator(".journal-body")
    expect(journal).to_contain_text(" ".join(conversation["title"].split()))
    key = conversation["steps"][ending]["outcome"]
    expect(journal).to_contain_text(words("ending_" + key))
    expect(journal).to_contain_text(" ".join(conversation["steps"][ending]["debrief"].split()))


def test_my_progress_counts_exercises_tried(page, site_url):
    page.goto(site_url + LAB_PAGE)
    exercise_box(page).locator("textarea").fill("Tried.")
    exercise_box(page, LAB.exercises[1]).get_by_role("radio", name=rating_name(2)).check()
    page.goto(site_url + "progress/")
    assert words("progress_exercises", n=2, total=len(LAB.exercises)) in page.locator(".lab-progress").inner_text()


# ---------------------------------------------------------------- robustness

CORRUPT = [
    "{not json",
    "null",
    "[1, 2, 3]",
    json.dumps({"version": 99, "exercises": {}, "conversations": {}}),
    json.dumps({"version": 1, "exercises": [], "conversations": "yes"}),
    json.dumps({"version": 1, "exercises": {FIRST["id"]: [None, 5, {"text": 7, "rating": "9"}], "x": "y"},
                "conversations": {"a": 5, "b": {"finished": "many"}}}),
]


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupt_or_foreign_storage_raises_no_error(browser, site_url, value):
    context = browser.new_context()
    context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(value)})")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for page_url in (LAB_PAGE, "progress/", url_of(CONVERSATION_PAGE)):
        page.goto(site_url + page_url, wait_until="load")
    page.goto(site_url + LAB_PAGE, wait_until="load")
    exercise_box(page).locator("textarea").fill("Still works.")
    assert stored(page)["exercises"][FIRST["id"]][-1]["text"] == "Still works."
    assert not errors, errors
    context.close()


def test_without_javascript_everything_stays_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + LAB_PAGE)
    box = exercise_box(page)
    assert not box.locator("textarea").is_visible() and page.locator(".lab-no-js").is_visible()
    box.locator(".lab-models summary").click()
    assert box.locator(".lab-model").first.is_visible()
    conversation = page.locator("[data-lab-conversation]").first
    assert not conversation.locator(".lab-play").is_visible()
    conversation.locator(".lab-map > summary").click()
    assert conversation.locator(".lab-step").first.is_visible()
    context.close()


SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(shifts), 1000);
})"""


@pytest.mark.parametrize("page_url", [LAB_PAGE, url_of(CONVERSATION_PAGE)])
def test_loading_a_lab_page_shifts_nothing(browser, site_url, page_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + page_url, wait_until="load")
    assert sum(page.evaluate(SHIFTS)) < 0.01
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_url", [LAB_PAGE, url_of(SKILL_PAGE)])
def test_axe_finds_no_violation_on_lab_pages(browser, site_url, page_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + page_url)
    page.locator("details.lab-set > summary").evaluate_all("nodes => nodes.forEach(n => n.click())")
    box = page.locator("[data-lab-exercise]").first
    box.locator("textarea").fill("A response.")
    box.locator(".lab-models summary").click()
    box.locator('input[type=radio][value="3"]').check()
    box.locator(".lab-again").click()
    if page.locator("[data-lab-conversation]").count():
        page.locator("[data-lab-conversation] .lab-choice").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == {"light": "default", "dark": "slate"}[scheme]
    violations = axe_violations(page)
    problems = [f"{v['id']} ({v['impact']}) {n['target']}" for v in violations for n in v["nodes"][:3]]
    assert not problems, f"{page_url}, {scheme}:\n" + "\n".join(problems)
    context.close()


def test_a_closed_set_shows_earlier_attempts_once_opened_and_loading_shifts_nothing(browser, site_url):
    """A skill's exercises wait in a closed "Practise ..." box (their styling and set-up are left
    for when it opens): what the student wrote on another visit is there when they open it,
    and the page does not move while it loads."""
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + url_of(SKILL_PAGE))
    closed_set = page.locator("details.lab-set").first
    exercise_id = closed_set.locator("[data-lab-exercise]").first.get_attribute("data-lab-exercise")
    attempts = [{"text": "An earlier try.", "rating": 2}, {"text": "The latest try.", "rating": 4}]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [STORAGE_KEY, json.dumps({"version": 1, "exercises": {exercise_id: attempts}, "conversations": {}})])
    page.reload(wait_until="load")
    assert sum(page.evaluate(SHIFTS)) < 0.01
    closed_set = page.locator("details.lab-set").first
    box = closed_set.locator(f'[data-lab-exercise="{exercise_id}"]')
    assert not box.is_visible()
    closed_set.locator("> summary").click()
    expect(box.locator("textarea")).to_have_value("The latest try.")  # set up when the box first opens
    expect(box.locator('input[type=radio][value="4"]')).to_be_checked()
    assert "An earlier try." in box.locator(".lab-attempts").inner_text()
    context.close()
