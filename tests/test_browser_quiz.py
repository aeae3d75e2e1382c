"""mkdocs-quiz in a real browser: feedback, saved answers, the "My progress" page, keyboard
use, damaged saved data, and the contrast of answered questions.

mkdocs-quiz (its quiz.js) marks an answered option's <div> with the class "correct" or "wrong",
fills .quiz-feedback with a .quiz-feedback-item.correct or .incorrect box, and saves
{quiz-id: {answered, correct, selectedValues}} in localStorage under "quiz_progress_" + the
page's path. assets/guide.js reads that on the progress page (hooks/progress_page.py) and
overrides/main.html drops saved values it could not read.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT, axe_violations, built_pages

SECTION_PAGE = re.compile(r"^\d\d-[^/]+/[^/]+/$")
KEY_PREFIX = "quiz_progress_"
SINGLE = ".quiz:not([data-quiz-type='fill-blank']):has(input[type='radio'])"
MULTIPLE = ".quiz:has(input[type='checkbox'])"
FILL = ".quiz[data-quiz-type='fill-blank']"


def interface_words(section: str) -> dict[str, str]:
    """The interface's words (data/interface.yml), as the scripts show them."""
    return yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))[section]


def _html(built_site, path):
    return (built_site / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quiz_path(built_site) -> str:
    """A section page with at least two single-choice questions, one multiple-choice question
    and one fill-in-the-blank question."""
    for path in built_pages(built_site):
        if not SECTION_PAGE.match(path):
            continue
        text = _html(built_site, path)
        quizzes = re.split(r'<div class="quiz[ "]', text)[1:]
        radios = sum('type="radio"' in q for q in quizzes)
        if radios >= 2 and 'type="checkbox"' in text and 'data-quiz-type="fill-blank"' in text:
            return path
    pytest.fail("no section page with single-choice, multiple-choice and fill-in-the-blank questions")


@pytest.fixture
def errors(page):
    """Console errors and uncaught exceptions of the test's page (checked by the test)."""
    found = []
    page.on("pageerror", lambda error: found.append(f"uncaught: {error}"))
    page.on("console", lambda message: message.type == "error" and found.append(f"console.error: {message.text}"))
    return found


def _open(page, url):
    page.set_default_timeout(10_000)
    page.goto(url)
    page.wait_for_selector(".quiz form")


def _answer_with_mouse(quiz, correct: bool):
    """Click an option of a single-choice question, then Submit if the page shows one."""
    selector = "input[data-correct]" if correct else "input[type='radio']:not([data-correct])"
    option_id = quiz.locator(selector).first.get_attribute("id")
    quiz.locator(f"label[for='{option_id}']").click()
    submit = quiz.locator("form button[type='submit']")
    if submit.count() and submit.is_visible():
        submit.click()
    return option_id


def _saved(page):
    return page.evaluate("key => JSON.parse(localStorage.getItem(key))", KEY_PREFIX + page.evaluate("location.pathname"))


def _expect_feedback(quiz, kind: str):
    feedback = quiz.locator(".quiz-feedback")
    feedback.locator(f".quiz-feedback-item.{kind}").first.wait_for(state="visible")
    other = "incorrect" if kind == "correct" else "correct"
    assert feedback.locator(f".quiz-feedback-item.{other}").count() == 0
    assert quiz.locator("section.content").is_visible(), "the explanation is not shown"


# ---------- Answering

def test_correct_answer_shows_correct_feedback(page, site_url, quiz_path, errors):
    _open(page, site_url + quiz_path)
    quiz = page.locator(SINGLE).first
    option = _answer_with_mouse(quiz, correct=True)
    _expect_feedback(quiz, "correct")
    assert "correct" in quiz.locator(f"#{option}").locator("xpath=..").get_attribute("class").split()
    assert quiz.locator(".wrong").count() == 0
    assert _saved(page)[quiz.get_attribute("id")]["correct"] is True
    assert not errors, errors


def test_wrong_answer_shows_incorrect_feedback(page, site_url, quiz_path, errors):
    """A wrong second try (the first gets a hint: tests/test_browser_practice.py) shows the answer."""
    _open(page, site_url + quiz_path)
    quiz = page.locator(SINGLE).first
    _answer_with_mouse(quiz, correct=False)
    option = _answer_with_mouse(quiz, correct=False)
    _expect_feedback(quiz, "incorrect")
    assert "wrong" in quiz.locator(f"#{option}").locator("xpath=..").get_attribute("class").split()
    if quiz.get_attribute("data-show-correct") is not None:  # the right answer is then pointed out
        assert "correct" in quiz.locator("input[data-correct]").first.locator("xpath=..").get_attribute("class")
    saved = _saved(page)[quiz.get_attribute("id")]
    assert saved["answered"] is True and saved["correct"] is False
    assert not errors, errors


def _progress_row(page, path):
    """The progress page's item for a page: its status key, status text and counts."""
    return page.evaluate("""path => {
      const link = [...document.querySelectorAll('a.progress-link')]
        .find(a => new URL(a.getAttribute('href'), location.href).pathname === path);
      if (!link) return null;
      const item = link.closest('.progress-item'), status = item.querySelector('.progress-status');
      return {status: status.dataset.status, label: status.textContent.trim(),
              counts: item.querySelector('.progress-counts').textContent.trim(),
              questions: +item.dataset.questions, hash: new URL(link.href).hash};
    }""", path)


def _filled(template: str, **values) -> str:
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def test_answers_survive_reload_and_reach_the_progress_page(page, site_url, quiz_path, errors):
    words = interface_words("progress")
    _open(page, site_url + quiz_path)
    pathname = page.evaluate("location.pathname")
    questions = page.locator(".quiz").count()
    first, second = page.locator(SINGLE).nth(0), page.locator(SINGLE).nth(1)
    right = _answer_with_mouse(first, correct=True)
    _answer_with_mouse(second, correct=False)  # a hint first, then the second try shows the answer
    wrong = _answer_with_mouse(second, correct=False)
    _expect_feedback(second, "incorrect")

    page.reload()
    page.wait_for_selector(".quiz form")
    _expect_feedback(first, "correct")
    _expect_feedback(second, "incorrect")
    assert page.locator(f"#{right}").is_checked() and page.locator(f"#{wrong}").is_checked()
    assert "wrong" in page.locator(f"#{wrong}").locator("xpath=..").get_attribute("class")

    page.goto(site_url + "progress/")
    row = _progress_row(page, pathname)
    assert row, f"no item for {pathname} on the progress page"
    assert row["questions"] == questions and row["status"] == "in-progress" and row["label"] == words["in_progress"]
    assert row["counts"] == _filled(words["counts"], answered=2, total=questions, correct=1), row
    assert row["hash"] == "#check-your-understanding", "the link does not lead to the page's questions"
    summary = page.locator("#progress-summary").inner_text()
    total = sum(page.locator(".progress-item").evaluate_all("items => items.map(i => +i.dataset.questions)"))
    assert summary == _filled(words["summary"], answered=2, total=total, correct=1), summary

    # Reset asks first: declining keeps everything
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("#progress-reset").click()
    assert asked == [words["reset_confirm"]], "reset did not ask for confirmation"
    assert _progress_row(page, pathname)["status"] == "in-progress", "declining the confirmation still reset"
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#progress-reset").click()
    page.wait_for_function("text => document.getElementById('progress-summary').textContent.includes(text)",
                           arg=words["reset_done"])
    row = _progress_row(page, pathname)
    assert row["status"] == "not-started" and row["label"] == words["not_started"], row
    assert page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith('{KEY_PREFIX}') || k === 'guide_record')") == []

    _open(page, site_url + quiz_path)
    assert page.locator(".quiz-feedback:not(.hidden)").count() == 0, "answers came back after the reset"
    assert page.locator(".quiz input:checked").count() == 0
    assert not errors, errors


def test_a_retried_question_keeps_its_first_answer_in_my_progress(page, site_url, quiz_path, errors):
    """After a wrong answer (and its hint), the student answers again; My progress still counts
    the first answer as wrong, and the status moves on as every question is answered."""
    words = interface_words("progress")
    _open(page, site_url + quiz_path)
    pathname = page.evaluate("location.pathname")
    questions = page.locator(".quiz").count()
    quiz = page.locator(SINGLE).first
    _answer_with_mouse(quiz, correct=False)
    quiz.locator(".quiz-loop-status").wait_for(state="visible")
    _answer_with_mouse(quiz, correct=True)
    _expect_feedback(quiz, "correct")
    assert _saved(page)[quiz.get_attribute("id")]["correct"] is True  # mkdocs-quiz keeps the latest

    page.goto(site_url + "progress/")
    row = _progress_row(page, pathname)
    assert row["counts"] == _filled(words["counts"], answered=1, total=questions, correct=0), row
    # answering every other question right: the page is "to review", not "mastered"
    _open(page, site_url + quiz_path)
    for index in range(page.locator(".quiz").count()):
        other = page.locator(".quiz").nth(index)
        if other.get_attribute("id") != quiz.get_attribute("id"):
            _answer_correctly(page, other)
    page.goto(site_url + "progress/")
    row = _progress_row(page, pathname)
    assert row["status"] == "to-review" and row["label"] == words["to_review"], row
    assert not errors, errors


def _answer_correctly(page, quiz):
    """Give the right answer to any kind of question, with the mouse and keyboard."""
    if quiz.get_attribute("data-quiz-type") == "fill-blank":
        for blank in quiz.locator(".quiz-blank-input").all():
            blank.fill(blank.get_attribute("data-answer"))
    else:
        for option in quiz.locator("input[data-correct]").all():
            quiz.locator(f"label[for='{option.get_attribute('id')}']").click()
    quiz.locator("form button[type='submit']").click()
    quiz.locator(".quiz-feedback-item.correct").first.wait_for(state="visible")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_my_progress_reads_at_phone_width(browser, site_url, built_site, scheme):
    """No sideways scrolling at 390 px, and the page names are the menu's."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "progress/")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"My progress is {overflow} px wider than a 390 px screen"
    clipped = page.evaluate("""() => [...document.querySelectorAll('.progress-item, .progress-item *')]
      .filter(e => { const r = e.getBoundingClientRect(); return r.right > document.documentElement.clientWidth + 0.5; })
      .map(e => e.textContent.slice(0, 40))""")
    assert not clipped, f"cut off at the right edge: {clipped}"
    names = page.locator("a.progress-link").all_inner_texts()
    menu = set(page.locator(".md-nav--primary .md-nav__link").all_inner_texts())
    menu = {" ".join(name.split()) for name in menu}
    overview = interface_words("progress")["chapter_overview"]
    unknown = [name for name in names if " ".join(name.split()) not in menu and name != overview]
    assert not unknown, f"names on My progress that the menu does not use: {unknown}"
    context.close()


def test_continue_where_you_left_off(page, site_url, quiz_path, errors):
    """The home page links to the last page visited, at its first unanswered question."""
    page.goto(site_url)
    assert page.locator("#guide-continue").is_hidden(), "a continue link before any visit"
    _open(page, site_url + quiz_path)
    pathname = page.evaluate("location.pathname")
    first = page.locator(".quiz").first
    _answer_correctly(page, first)
    expected = page.locator(".quiz").nth(1).get_attribute("id")
    page.goto(site_url)
    link = page.locator("#guide-continue a")
    link.wait_for(state="visible")
    href = link.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash")
    assert href == f"{pathname}#{expected}", href
    link.click()
    page.wait_for_url(re.compile(re.escape(expected) + "$"))
    assert not errors, errors


def test_fill_in_the_blank_accepts_its_answer_from_the_keyboard(page, site_url, quiz_path, errors):
    _open(page, site_url + quiz_path)
    quiz = page.locator(FILL).first
    blanks = quiz.locator(".quiz-blank-input")
    submit = quiz.locator("form button[type='submit']")
    for i in range(blanks.count()):
        blanks.nth(i).focus()
        page.keyboard.type(blanks.nth(i).get_attribute("data-answer"))
    for _ in range(5):  # from the last blank, Tab reaches the quiz's Submit button
        page.keyboard.press("Tab")
        if submit.evaluate("b => document.activeElement === b"):
            break
    assert submit.evaluate("b => document.activeElement === b"), "Tab did not reach Submit"
    page.keyboard.press("Enter")
    _expect_feedback(quiz, "correct")
    for i in range(blanks.count()):
        assert "correct" in blanks.nth(i).get_attribute("class").split()
    assert _saved(page)[quiz.get_attribute("id")]["correct"] is True
    assert not errors, errors


def test_enter_in_a_blank_submits_its_question(page, site_url, quiz_path, errors):
    _open(page, site_url + quiz_path)
    quiz = page.locator(FILL).first
    blanks = quiz.locator(".quiz-blank-input")
    for i in range(blanks.count()):
        blanks.nth(i).fill(blanks.nth(i).get_attribute("data-answer"))
    blanks.last.focus()
    page.keyboard.press("Enter")
    _expect_feedback(quiz, "correct")
    assert not errors, errors


def test_question_permalinks_have_meaningful_names(page, site_url, quiz_path):
    """Each question's permalink is its "Question n of m" line (no "#" that reads like a hashtag)."""
    _open(page, site_url + quiz_path)
    links = page.locator(".quiz-header-link")
    names = links.evaluate_all("links => links.map(l => l.textContent.trim())")
    total = len(names)
    template = interface_words("quiz")["question_number"]
    assert names == [_filled(template, n=n, m=total) for n in range(1, total + 1)], names
    assert links.evaluate_all("links => links.every(l => l.getAttribute('href') === '#' + l.closest('.quiz').id)")


# ---------- Keyboard

CONTROLS = """() => [...document.querySelectorAll('.quiz')].map(quiz => ({
  id: quiz.id,
  kind: quiz.matches("[data-quiz-type='fill-blank']") ? 'fill' :
        quiz.querySelector("input[type='checkbox']") ? 'multiple' : 'single',
  controls: [...quiz.querySelectorAll("input[name='answer'], .quiz-blank-input, form button")]
    .filter(c => c.offsetParent !== null)
    .map(c => c.id || (c.tagName + ':' + c.textContent.trim())),
}))"""

FOCUSED = """() => {
  const e = document.activeElement, quiz = e && e.closest('.quiz');
  return quiz ? quiz.id + ' ' + (e.id || (e.tagName + ':' + e.textContent.trim())) : (e ? e.tagName : null);
}"""


def test_every_quiz_control_is_reachable_with_tab(page, site_url, quiz_path):
    _open(page, site_url + quiz_path)
    quizzes = page.evaluate(CONTROLS)
    assert quizzes
    page.locator("article h1").first.evaluate("h => { h.tabIndex = -1; h.focus(); }")
    reached = set()
    last = page.locator(".quiz").last.get_attribute("id")
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        reached.add(focused)
        if focused and focused.startswith(last + " ") and "BUTTON" in focused:
            break
    missing = []
    for quiz in quizzes:
        wanted = [f"{quiz['id']} {c}" for c in quiz["controls"]]
        if quiz["kind"] == "single":  # a radio group is one Tab stop; arrow keys move inside it
            radios = [w for w in wanted if "BUTTON" not in w]
            if not any(r in reached for r in radios):
                missing.append(f"{quiz['id']}: radio group")
            wanted = [w for w in wanted if "BUTTON" in w]
        missing += [w for w in wanted if w not in reached]
    assert not missing, f"never reached with Tab: {missing}"


def _tab_into(page, quiz):
    """Focus the stop before the question, then Tab until a control of its form has focus."""
    quiz.evaluate("""quiz => {
      const stop = document.createElement('span');
      stop.tabIndex = -1;
      quiz.before(stop);
      stop.focus();
    }""")
    for _ in range(15):
        page.keyboard.press("Tab")
        if quiz.evaluate("q => q.contains(document.activeElement) && document.activeElement.matches('input')"):
            return
    pytest.fail(f"Tab never reached a control of {quiz.get_attribute('id')}")


def _press_tab_to(page, target):
    for _ in range(15):
        if target.evaluate("t => document.activeElement === t"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {target}")


def test_every_quiz_can_be_answered_correctly_with_the_keyboard(page, site_url, quiz_path, errors):
    """Space checks a radio or checkbox, arrow keys move in a radio group, Enter submits.

    Choosing an answer must not submit it: with mkdocs-quiz's auto_submit, the first arrow
    key press submits whichever option it lands on."""
    _open(page, site_url + quiz_path)
    quizzes = page.locator(".quiz")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        _tab_into(page, quiz)
        kind = page.evaluate(CONTROLS)[index]["kind"]
        if kind == "fill":
            blanks = quiz.locator(".quiz-blank-input")
            for i in range(blanks.count()):
                _press_tab_to(page, blanks.nth(i))
                page.keyboard.type(blanks.nth(i).get_attribute("data-answer"))
        elif kind == "single":
            radios = quiz.locator("input[type='radio']")
            target = [radios.nth(i).get_attribute("data-correct") is not None for i in range(radios.count())].index(True)
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            assert radios.nth(target).is_checked(), f"{quiz.get_attribute('id')}: arrow keys and Space did not choose the answer"
        else:
            boxes = quiz.locator("input[type='checkbox']")
            for i in range(boxes.count()):
                _press_tab_to(page, boxes.nth(i))
                if boxes.nth(i).get_attribute("data-correct") is not None:
                    page.keyboard.press("Space")
            assert all(boxes.nth(i).is_checked() == (boxes.nth(i).get_attribute("data-correct") is not None)
                       for i in range(boxes.count()))
        submit = quiz.locator("form button[type='submit']")
        assert submit.count() == 1, f"{quiz.get_attribute('id')}: no Submit button"
        _press_tab_to(page, submit)
        page.keyboard.press("Enter")
        _expect_feedback(quiz, "correct")
    saved = _saved(page)
    assert len(saved) == quizzes.count() and all(q["correct"] for q in saved.values()), saved
    assert not errors, errors


# ---------- Damaged saved progress

CORRUPT = {
    "invalid JSON": "{not json",
    "array": "[1, 2, 3]",
    "foreign object": '{"x": 1}',
    "null": "null",
    "string": '"quiz"',
    "wrong field types": '{"quiz-0": {"answered": "yes", "correct": 1}}',
    "huge string": "x" * 1_000_000,
    "record with foreign fields": json.dumps({"version": 1, "first": {"/x/": {"quiz-1": "yes"}, "/y/": [1]},
                                              "last": {"path": "//example.org/", "title": 3}}),
    "huge valid object": json.dumps({f"quiz-{i}": {"answered": True, "correct": True, "selectedValues": ["0"]}
                                     for i in range(5000)}),
}


@pytest.mark.parametrize("value", list(CORRUPT.values()), ids=list(CORRUPT))
def test_damaged_saved_progress_causes_no_error(browser, site_url, quiz_path, value):
    context = browser.new_context()
    pathname = "/" + quiz_path
    context.add_init_script(script=f"""(() => {{
      try {{
        localStorage.setItem({json.dumps(KEY_PREFIX + pathname)}, {json.dumps(value)});
        localStorage.setItem({json.dumps(KEY_PREFIX + "/progress/")}, {json.dumps(value)});
        localStorage.setItem("guide_record", {json.dumps(value)});
        window.__seeded = localStorage.getItem({json.dumps(KEY_PREFIX + pathname)}).length;
      }} catch (e) {{ window.__seeded = String(e); }}
    }})();""")
    page = context.new_page()
    found = []
    page.on("pageerror", lambda error: found.append(f"{page.url} uncaught: {error}"))
    page.on("console", lambda message: message.type == "error" and found.append(f"{page.url} console.error: {message.text}"))

    _open(page, site_url + quiz_path)
    assert page.evaluate("window.__seeded") == len(value), "the damaged value was not stored"
    quizzes = page.locator(".quiz").count()
    # The page still works: a question can be answered and its answer is saved as valid data.
    quiz = page.locator(SINGLE).first
    _answer_with_mouse(quiz, correct=True)
    _expect_feedback(quiz, "correct")

    page.goto(site_url + "progress/")
    assert page.evaluate("window.__seeded") == len(value)
    words = interface_words("progress")
    row = _progress_row(page, pathname)
    assert row and row["questions"] == quizzes
    # (the damaged values are stored again on every page load: the page reads them once more)
    statuses = {key.replace("_", "-"): words[key] for key in ("not_started", "in_progress", "to_review", "mastered")}
    assert statuses.get(row["status"]) == row["label"], row
    counts = re.escape(words["counts"]).replace(r"\{answered\}", r"(\d+)").replace(r"\{correct\}", r"(\d+)")
    match = re.fullmatch(counts.replace(r"\{total\}", str(quizzes)), row["counts"])
    assert match and 0 <= int(match[2]) <= int(match[1]) <= quizzes, row
    assert page.locator("a.progress-link").count() > 5
    assert not found, "\n".join(found)
    context.close()


# ---------- Contrast of answered questions

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answered_questions_pass_axe(browser, site_url, quiz_path, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _open(page, site_url + quiz_path)
    singles = page.locator(SINGLE)
    _answer_with_mouse(singles.nth(0), correct=True)
    _answer_with_mouse(singles.nth(1), correct=False)
    _answer_with_mouse(singles.nth(1), correct=False)  # the second try shows the answer
    multiple = page.locator(MULTIPLE).first
    multiple.locator("input:not([data-correct])").first.check()
    for _ in range(2):
        multiple.locator("form button[type='submit']").click()
    fill = page.locator(FILL).first
    fill.locator(".quiz-blank-input").first.fill("certainly not this")
    for _ in range(2):
        fill.locator("form button[type='submit']").click()
    for quiz, kind in ((singles.nth(0), "correct"), (singles.nth(1), "incorrect"),
                       (multiple, "incorrect"), (fill, "incorrect")):
        _expect_feedback(quiz, kind)
    # a question left at its hint (a wrong first try), and one submitted empty
    if singles.count() > 2:
        _answer_with_mouse(singles.nth(2), correct=False)
        singles.nth(2).locator(".quiz-loop-status").wait_for(state="visible")
    page.evaluate("""() => [...document.querySelectorAll('.quiz')]
      .find(q => q.querySelector('.quiz-feedback.hidden') && !q.querySelector('.quiz-loop-status').textContent)
      .querySelector("form button[type='submit']").click()""")
    page.locator("article").first.evaluate("a => document.activeElement && document.activeElement.blur()")
    violations = axe_violations(page)
    problems = [f"{v['id']} ({v['impact']}) {n['target']}: {(n.get('failureSummary') or '').splitlines()[-1:]}"
                for v in violations for n in v["nodes"][:3]]
    assert not problems, f"answered questions, {scheme} scheme:\n" + "\n".join(problems)
    context.close()


# ---------- Layout stability

SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) for (const source of entry.sources) {
      const node = source.node;
      shifts.push({value: entry.value, node: node ? node.nodeName + '.' + (node.className || '') : '?',
                   inContent: !!(node && node.closest && node.closest('.md-content, .md-sidebar'))});
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(shifts), 1500);
})"""


@pytest.mark.parametrize("width", [412, 1280])
def test_loading_a_quiz_page_shifts_nothing_in_the_text_or_sidebars(browser, site_url, quiz_path, width):
    """mkdocs-quiz's script fills in the quizzes and the progress box after the page is drawn:
    nothing in the article or the sidebars may move (hooks/quiz_assets.py puts the progress
    box in place at build time). Checked on a phone and a desktop, CPU slowed down 4x."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(site_url + quiz_path, wait_until="load")
    shifts = page.evaluate(SHIFTS)
    moved = [shift for shift in shifts if shift["inContent"]]
    assert not moved, moved
    # one score, under the questions, at every width; no second box in the sidebar
    assert page.locator(".quiz-score-text").is_visible()
    assert page.locator("#quiz-progress-sidebar, #quiz-progress-mobile").count() == 0
    context.close()


# ---------- Shuffled options (mkdocs-quiz's shuffle_answers) and fill-ins accepting several forms

def _shuffling_on() -> bool:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    quiz = next((p["mkdocs_quiz"] for p in config["plugins"] if isinstance(p, dict) and "mkdocs_quiz" in p), {})
    return str(quiz.get("shuffle_answers", "false")).lower() == "true"


def _option_orders(page):
    """Each choice question's options, in the order shown: their values (the written index)."""
    return page.evaluate("""() => [...document.querySelectorAll('.quiz fieldset')]
      .map(f => [...f.querySelectorAll('input[name=answer]')].map(i => i.value).join(','))""")


def test_shuffled_options_change_order_and_a_saved_answer_stays_the_one_chosen(browser, site_url, quiz_path, errors):
    if not _shuffling_on():
        pytest.skip("shuffle_answers is off in mkdocs.yml")
    context = browser.new_context()
    page = context.new_page()
    _open(page, site_url + quiz_path)
    first_order = _option_orders(page)
    quiz = page.locator(SINGLE).first
    chosen = quiz.locator("input[type='radio']").last  # whatever sits last now
    value, text = chosen.get_attribute("value"), quiz.locator(f"label[for='{chosen.get_attribute('id')}']").inner_text()
    chosen.locator("xpath=following-sibling::label").click()
    quiz.locator("form button[type='submit']").click()
    if chosen.get_attribute("data-correct") is None:  # a wrong first try gets a hint: the second is saved
        quiz.locator("form button[type='submit']").click()
    quiz.locator(".quiz-feedback-item").first.wait_for(state="visible")

    orders = [first_order]
    for _ in range(3):  # a few reloads: the odds of the same order for every question are negligible
        page.reload()
        page.wait_for_selector(".quiz form")
        orders.append(_option_orders(page))
        checked = quiz.locator("input[type='radio']:checked")
        assert checked.count() == 1 and checked.get_attribute("value") == value
        assert quiz.locator(f"label[for='{checked.get_attribute('id')}']").inner_text() == text
    assert len({tuple(o) for o in orders}) > 1, "the options came in the same order at every visit"
    other = browser.new_context().new_page()  # a fresh visitor gets its own order too
    _open(other, site_url + quiz_path)
    assert sorted(_option_orders(other)[0].split(",")) == sorted(first_order[0].split(","))
    other.context.close()
    context.close()
    assert not errors, errors


def _page_with_variants(built_site):
    for path in built_pages(built_site):
        text = _html(built_site, path) if (built_site / path / "index.html").is_file() else ""
        match = re.search(r'data-accept="(\[&quot;[^"]*&quot;, [^"]*)"', text)
        if match:
            return path, json.loads(match[1].replace("&quot;", '"').replace("&amp;", "&"))
    pytest.fail("no fill-in blank accepting several forms in the built site")


def test_a_fill_in_accepts_each_form_and_the_usual_slips(page, site_url, built_site, errors):
    path, forms = _page_with_variants(built_site)
    _open(page, site_url + path)
    quiz = page.locator(FILL).filter(has=page.locator(".quiz-blank-input[data-accept*=',']")).first
    blank, submit = quiz.locator(".quiz-blank-input").first, quiz.locator("form button[type='submit']")
    assert blank.get_attribute("data-answer") == forms[0] and json.loads(blank.get_attribute("data-accept")) == forms

    blank.fill("certainly not this")
    submit.click()
    quiz.locator(".quiz-loop-status").wait_for(state="visible")  # a hint first, then the answer
    submit.click()
    _expect_feedback(quiz, "incorrect")
    assert forms[0] in quiz.locator(".quiz-feedback").inner_text() or quiz.get_attribute("data-show-correct") is None

    variant = forms[1]
    bare = re.sub(r"^(?:the|an?|l[ae]s?)\s+", "", variant, flags=re.I)  # the form itself may open with one
    slips = f"  The {bare.upper().replace('-', ' ')}. "  # an article, capitals, spaces, a full stop, hyphen as space
    for typed in (variant, slips):
        quiz.locator(".quiz-reset-button").click()
        blank.fill(typed)
        submit.click()
        _expect_feedback(quiz, "correct")
    assert _saved(page)[quiz.get_attribute("id")]["correct"] is True
    page.reload()
    page.wait_for_selector(".quiz form")
    assert blank.input_value() == slips and "correct" in blank.get_attribute("class").split()
    assert not errors, errors
