"""Spaced review and the practice test in a real browser (Debian's Chromium).

- a question answered wrong on its page is due on the Review page (and counted on the home
  page); rated Good it leaves today's list, and its next dates, ten minutes and then days
  later (the browser's clock moved on), are the reference `fsrs` package's;
- a section's "add its terms" link gives glossary cards in the four directions (term and
  definition both ways, English and French both ways), each showing the right side;
- the practice test scores the answers, adds the missed ones to the review and leaves the
  first-answer record of My progress as it was;
- the pages pass axe in both colour schemes, at phone and desktop widths, and load without
  layout shift.
The questions and terms come from the built site's assets/review-data.json (the guide's own
bank and glossary), never from a hard-coded list."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

import pytest
import yaml
from conftest import ROOT, axe_violations
from test_offline import offline_site, watched_page  # noqa: F401  (fixtures)

fsrs = pytest.importorskip("fsrs")
WORDS = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))
START = datetime(2026, 12, 7, 8, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def data(built_site):
    return json.loads((built_site / "assets/review-data.json").read_text(encoding="utf-8"))


def _single_question(data) -> dict:
    """The first single-answer question of a section page (a page of a chapter folder, not its overview)."""
    for q in data["questions"]:
        if q["t"] == "one" and not data["pages"][q["p"]]["src"].endswith("index.md"):
            return q
    pytest.fail("no single-answer question on a section page")


def _stored(page) -> dict:
    return page.evaluate("() => JSON.parse(localStorage.getItem('guide_review'))")


def _py_card(reviews):
    """The reference scheduler's card after (time, rating) reviews of a new card."""
    scheduler, card = fsrs.Scheduler(enable_fuzzing=False), fsrs.Card(card_id=1, due=reviews[0][0])
    for when, rating in reviews:
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), when)
    return card


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


def _from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


def _due_now(page) -> int:
    """The number of cards due now, read from the page's status line (0 when none is)."""
    pattern = re.escape(WORDS["review"]["due_now"]).replace(re.escape("{n}"), r"(\d+)")
    found = re.search(pattern, page.locator("#review-status").inner_text())
    return int(found[1]) if found else 0


def _watch_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    return errors


def test_a_missed_question_is_due_and_follows_fsrs(browser, site_url, data):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.clock.install(time=START)
    errors = _watch_errors(page)
    q = _single_question(data)
    card_id = f"q:{data['pages'][q['p']]['u']}#{q['id']}"
    page.goto(site_url + data["pages"][q["p"]]["u"])
    quiz = page.locator(f"#{q['id']}")
    wrong = quiz.locator("input[type='radio']:not([data-correct])").first.get_attribute("id")
    quiz.locator(f"label[for='{wrong}']").click()
    quiz.locator("form button[type='submit']").click()
    quiz.locator(".quiz-feedback-item, .quiz-loop-status").first.wait_for(state="visible")  # a wrong first try gets a hint (practice.js)

    page.goto(site_url)  # the home page counts it
    assert page.locator("[data-review-due]").inner_text() == WORDS["review"]["due_count_one"]

    page.goto(site_url + "review/")
    card = page.locator(".review-card")
    assert card.get_attribute("data-card") == card_id  # the missed question comes first
    due_before = _due_now(page)
    assert q["q"][:30] in card.locator(".review-stem").inner_text()
    assert not card.locator(".review-explanation").count()  # the explanation only after answering
    card.locator("input").first.check()
    card.get_by_role("button", name=WORDS["review"]["check"]).click()
    assert card.locator(".review-explanation").inner_text() == q["e"]
    assert card.locator(".review-option--right").count() == sum(ok for _, ok in q["o"])

    card.locator(".review-rate button[data-rating='3']").click()  # Good
    stored = _stored(page)["cards"][card_id]
    first = _from_ms(stored["last"])
    expected = _py_card([(first, 3)])
    assert stored["due"] == _ms(expected.due) and stored["s"] == pytest.approx(expected.stability)
    assert stored["state"] == 1 and stored["step"] == 1  # the next learning step, ten minutes on
    assert not page.locator(f".review-card[data-card='{card_id}']").count()  # gone from today's list
    assert _due_now(page) == due_before - 1

    page.clock.fast_forward("11:00")  # eleven minutes later it is due again
    page.reload()
    card = page.locator(".review-card")
    assert card.get_attribute("data-card") == card_id
    card.locator("input").first.check()
    card.get_by_role("button", name=WORDS["review"]["check"]).click()
    card.locator(".review-rate button[data-rating='3']").click()
    stored = _stored(page)["cards"][card_id]
    expected = _py_card([(first, 3), (_from_ms(stored["last"]), 3)])
    assert stored["state"] == 2 and stored["due"] == _ms(expected.due)  # graduated: whole days
    assert stored["s"] == pytest.approx(expected.stability) and stored["d"] == pytest.approx(expected.difficulty)
    assert (stored["due"] - stored["last"]) % 86_400_000 == 0 and stored["due"] - stored["last"] >= 86_400_000
    assert not errors, errors
    context.close()


def test_glossary_cards_both_ways_and_both_languages(page, site_url, data):
    errors = _watch_errors(page)
    counts = {}
    for term in data["terms"]:
        counts[term["p"]] = counts.get(term["p"], 0) + 1
    # a section whose four cards a term fit in one day's new cards (review.js: NEW_A_DAY = 20)
    section = max((p for p in counts if counts[p] <= 5), key=counts.get)
    terms = {t["id"]: t for t in data["terms"] if t["p"] == section}
    page.goto(site_url + data["pages"][section]["u"])
    link = page.locator(".review-add a")
    assert str(len(terms)) in link.inner_text()
    link.click()
    page.wait_for_selector(".review-card")
    added = WORDS["review"]["added"].format(n=len(terms), section=data["pages"][section]["t"])
    page.wait_for_function("text => document.querySelector('.review-live').textContent === text", arg=added)
    assert "?add" not in page.url
    seen = set()
    for _ in range(4 * len(terms)):
        card = page.locator(".review-card")
        if not card.count():
            break
        kind, term_id, direction = card.get_attribute("data-card").split(":")
        assert kind == "g" and term_id in terms
        term = terms[term_id]
        prompt = card.locator(".review-prompt").inner_text()
        card.get_by_role("button", name=WORDS["review"]["show_answer"]).click()
        answer = card.locator(".review-answer").inner_text()
        side = {"td": (term["t"], term["d"]), "dt": (term["d"], term["t"]),
                "ef": (term["t"], term["f"]), "fe": (term["f"], term["t"])}[direction]
        assert (prompt, answer) == side, direction
        if direction in ("ef", "fe"):  # the French side is marked as French
            french = card.locator(".review-prompt" if direction == "fe" else ".review-answer")
            assert french.get_attribute("lang") == "fr-CA"
        seen.add(direction)
        page.keyboard.press("4")  # Easy, from the keyboard
        page.wait_for_function(f"() => !document.querySelector('[data-card=\"g:{term_id}:{direction}\"]')")
    assert seen == {"td", "dt", "ef", "fe"}
    stored = _stored(page)
    assert data["pages"][section]["u"] in stored["sections"]
    assert all(stored["cards"][f"g:{t}:{d}"]["state"] == 2 for t in terms for d in ("td", "dt", "ef", "fe"))
    # all the glossary's terms, by choice: more cards wait (up to the day's new-card limit)
    page.get_by_label(WORDS["review"]["scope_all"]).check()
    assert _stored(page)["waiting"] == 4 * len(data["terms"]) - 4 * len(terms) > stored["waiting"]
    assert not errors, errors


def test_practice_test_scores_and_feeds_the_review(page, site_url, data):
    errors = _watch_errors(page)
    chapter = data["chapters"][1]["c"] if len(data["chapters"]) > 1 else data["chapters"][0]["c"]
    page.goto(site_url + "practice-test/")
    page.wait_for_selector(".review-setup")
    record_before = page.evaluate("() => localStorage.getItem('guide_record')")
    for box in page.locator(".review-setup input[type='checkbox']").all():
        box.set_checked(box.get_attribute("value") == chapter)
    page.locator(".review-setup select").select_option("5")
    page.get_by_role("button", name=WORDS["practice"]["start"]).click()
    items = page.locator(".review-test-item")
    assert items.count() == 5
    questions = {f"q:{data['pages'][q['p']]['u']}#{q['id']}": q for q in data["questions"]}
    for n in range(5):
        item = items.nth(n)
        q = questions[item.get_attribute("data-card")]
        assert data["pages"][q["p"]]["c"] == chapter
        assert not item.locator(".review-explanation").count()
        if q["t"] == "blank":  # the first right, the others wrong
            for i, blank in enumerate(item.locator("input").all()):
                blank.fill(q["b"][i][0] if n == 0 else "not this at all")
        else:
            boxes = {int(box.get_attribute("value")): box for box in item.locator("input").all()}
            keys = [i for i, (_, ok) in enumerate(q["o"]) if ok]
            others = [i for i, (_, ok) in enumerate(q["o"]) if not ok]
            for i in (keys if n == 0 else others[:1]):
                boxes[i].check()
    page.get_by_role("button", name=WORDS["practice"]["finish"]).click()
    summary = page.locator(".review-summary h2").inner_text()
    right = int(re.search(r"(\d+)", summary)[1])
    assert summary == WORDS["practice"]["score"].format(right=right, total=5)
    assert right >= 1  # the first was answered right
    assert items.locator(".review-explanation").count() == 5
    for n in range(5):  # each explanation links to its section
        href = items.nth(n).locator(".review-more a").get_attribute("href")
        assert href.startswith(site_url)
    stored = _stored(page)["cards"]
    missed = [items.nth(n).get_attribute("data-card") for n in range(5)
              if items.nth(n).locator(".review-verdict").get_attribute("data-right") == "false"]
    assert len(missed) == 5 - right and all(stored[m]["state"] == 1 for m in missed)
    assert page.evaluate("() => localStorage.getItem('guide_record')") == record_before  # My progress untouched
    violations = axe_violations(page)
    assert not [f"{v['id']} {n['target']}" for v in violations for n in v["nodes"][:3]]
    page.locator(".review-summary a").click()
    page.wait_for_selector(".review-card")
    assert page.locator(".review-card").get_attribute("data-card") in missed
    assert not errors, errors


@pytest.mark.parametrize("width,scheme", [(390, "light"), (1280, "dark")])
def test_review_pages_pass_axe_without_layout_shift(browser, site_url, width, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.add_init_script("""
      window.__shift = 0;
      new PerformanceObserver(list => list.getEntries().forEach(e => {
        if (!e.hadRecentInput) window.__shift += e.value; })).observe({type: "layout-shift", buffered: true});
      localStorage.setItem("guide_review", JSON.stringify({version: 1, cards: {}, scope: "all", sections: []}));""")
    for path, ready in (("review/", ".review-card"), ("practice-test/", ".review-setup")):
        page.goto(site_url + path)
        page.wait_for_selector(ready)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__shift") < 0.01, path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        if path == "review/":
            page.get_by_role("button", name=WORDS["review"]["show_answer"]).click()
        violations = axe_violations(page)
        problems = [f"{v['id']} {n['target']}" for v in violations for n in v["nodes"][:3]]
        assert not problems, f"{path} {scheme} {width}px: {problems}"
    context.close()


def test_stored_schedule_of_another_version_or_shape(page, site_url, data):
    """A schedule saved by a newer version is left as it was; cards of the wrong shape are
    dropped, and the page still works."""
    errors = _watch_errors(page)
    newer = json.dumps({"version": 2, "cards": {"anything": 1}})
    page.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', 1); "
                         f"localStorage.setItem('guide_review', {json.dumps(newer)}); }}")
    page.goto(site_url + "review/")
    page.get_by_label(WORDS["review"]["scope_all"]).check()
    page.get_by_role("button", name=WORDS["review"]["show_answer"]).click()
    page.keyboard.press("3")
    assert page.evaluate("localStorage.getItem('guide_review')") == newer

    bad = {"version": 1, "scope": "all", "sections": ["<b>x</b>", 3],
           "cards": {"g:x:td": {"state": "<script>", "due": 0}, "q:y#quiz-0": {"state": 2, "due": "soon"},
                     "zzz": {"state": 1, "step": 0, "s": None, "d": None, "due": 0, "last": None},
                     f"g:{data['terms'][0]['id']}:td": {"state": 2, "step": None, "s": 3.0, "d": 5.0,
                                                      "due": 0, "last": 0}}}
    page.evaluate("value => localStorage.setItem('guide_review', value)", json.dumps(bad))
    page.reload()
    assert page.locator(".review-card").get_attribute("data-card") == f"g:{data['terms'][0]['id']}:td"
    page.get_by_role("button", name=WORDS["review"]["show_answer"]).click()
    page.keyboard.press("3")
    stored = _stored(page)
    assert stored["sections"] == ["<b>x</b>"] and stored["scope"] == "all"
    assert set(stored["cards"]) == {f"g:{data['terms'][0]['id']}:td"}
    assert stored["cards"][f"g:{data['terms'][0]['id']}:td"]["state"] == 2
    assert not errors, errors


def test_review_works_in_the_offline_edition(offline_site, watched_page, data):
    """Opened from files (where a script cannot fetch), the Review page reads the copy of its
    data that the offline edition puts in the page, and no request leaves the file system."""
    page, problems = watched_page
    q = _single_question(data)
    section = data["pages"][q["p"]]["u"].rstrip("/") + ".html"
    page.goto((offline_site / section).as_uri())
    quiz = page.locator(f"#{q['id']}")
    wrong = quiz.locator("input[type='radio']:not([data-correct])").first.get_attribute("id")
    quiz.locator(f"label[for='{wrong}']").click()
    quiz.locator("form button[type='submit']").click()
    quiz.locator(".quiz-feedback-item, .quiz-loop-status").first.wait_for(state="visible")  # a wrong first try gets a hint (practice.js)
    page.goto((offline_site / "index.html").as_uri())
    page.locator(".review-due a").click()
    assert page.locator(".review-card").get_attribute("data-card") == f"q:{section}#{q['id']}"
    assert not problems, problems


def test_review_by_keyboard_alone(page, site_url):
    """Enter shows the answer, which takes focus (a screen reader reads it); Tab reaches the
    ratings; a rating moves focus to the next card's prompt; the live region says the date."""
    errors = _watch_errors(page)
    page.add_init_script("""localStorage.setItem("guide_review", JSON.stringify({version: 1, cards: {}, scope: "all", sections: []}));""")
    page.goto(site_url + "review/")
    first = page.locator(".review-card").get_attribute("data-card")
    page.get_by_role("button", name=WORDS["review"]["show_answer"]).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('review-answer')")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.rating") == "1"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.rating") == "3"
    page.keyboard.press("Enter")
    assert page.locator(".review-card").get_attribute("data-card") != first
    assert page.evaluate("document.activeElement.id") == "review-prompt"
    live = WORDS["review"]["rated"].split("{")[0]
    page.wait_for_function("text => document.querySelector('.review-live').textContent.startsWith(text)", arg=live)
    assert not errors, errors
