"""Where the student is, in a real browser at phone and laptop width: "Continue where you
left off" on the home page returns to the heading where reading stopped (to the first
unanswered question only when the student was in the questions), a damaged record breaks
nothing, and My progress puts a missed objective at the top. The pages and headings are
read from the built guide, not named here."""

from __future__ import annotations

import json
import re

import pytest
from guide_facts import sample_section, url_of
from test_browser_objectives import _answer  # answers as a student does (a wrong first try gets a hint)

WIDTHS = [390, 1280]
RECORD = "guide_record"


@pytest.fixture
def errors():
    return []


def _tab(browser, width, errors):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("console", lambda message: message.type == "error" and errors.append(f"console.error: {message.text}"))
    return context, page


def _headings(page):
    """The page's H2 ids in order, and the index of the questions' heading (the last one
    before the first question)."""
    return page.evaluate("""() => {
      const hs = [...document.querySelectorAll('.md-content .md-typeset h2[id]')];
      const quiz = document.querySelector('.md-content .quiz[id]');
      let questions = -1;
      hs.forEach((h, i) => { if (h.compareDocumentPosition(quiz) & Node.DOCUMENT_POSITION_FOLLOWING) questions = i; });
      return {ids: hs.map(h => h.id), questions};
    }""")


def _scroll_to(page, heading_id):
    """Scroll as a reader would, until the heading sits near the top of the window."""
    page.evaluate("id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 80)",
                  heading_id)


def _saved_place(page):
    return page.evaluate("key => (JSON.parse(localStorage.getItem(key)) || {}).last || null", RECORD)


def _continue_href(page, site_url):
    page.goto(site_url)
    link = page.locator("#guide-continue a")
    link.wait_for(state="visible")
    return link, link.evaluate("a => new URL(a.href).pathname + new URL(a.href).hash")


@pytest.mark.parametrize("width", WIDTHS)
def test_continue_returns_to_the_heading_where_reading_stopped(browser, site_url, width, errors):
    """Part of a page read, no question answered: the home page's link goes back to the
    heading the student was in, not to the questions; following it lands there."""
    context, page = _tab(browser, width, errors)
    page.goto(site_url + url_of(sample_section()))
    headings = _headings(page)
    assert headings["questions"] >= 2, "the sample page has fewer than two parts before its questions"
    target = headings["ids"][headings["questions"] // 2]  # a part in the middle of the reading
    # reading on, part by part, down to the target: the place follows the reader
    for heading in headings["ids"][: headings["ids"].index(target) + 1]:
        _scroll_to(page, heading)
        page.wait_for_function("([key, id]) => ((JSON.parse(localStorage.getItem(key)) || {}).last || {}).heading === id",
                               arg=[RECORD, heading])
    pathname = page.evaluate("location.pathname")
    assert _saved_place(page)["place"] == "reading"
    link, href = _continue_href(page, site_url)
    assert href == f"{pathname}#{target}", href
    assert link.inner_text().strip(), "the continue link has no text"
    link.click()
    page.wait_for_url(re.compile(re.escape(f"#{target}") + "$"))
    # once there, the heading is in view, below the sticky header
    box = page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect(); return [r.top, innerHeight]; }", target)
    assert 0 <= box[0] < box[1] / 2, box
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("width", WIDTHS)
def test_continue_goes_to_the_first_unanswered_question_only_from_the_questions(browser, site_url, width, errors):
    context, page = _tab(browser, width, errors)
    page.goto(site_url + url_of(sample_section()))
    headings = _headings(page)
    _scroll_to(page, headings["ids"][headings["questions"]])
    page.wait_for_function("key => ((JSON.parse(localStorage.getItem(key)) || {}).last || {}).place === 'questions'", arg=RECORD)
    first = page.locator(".md-content .quiz[id]").first.get_attribute("id")
    pathname = page.evaluate("location.pathname")
    _, href = _continue_href(page, site_url)
    assert href == f"{pathname}#{first}", href
    context.close()
    assert not errors, errors


@pytest.mark.parametrize("last", [
    {"path": "/x/", "title": "T", "question": None, "number": None, "place": "elsewhere", "heading": "h", "section": "S"},
    {"path": "/x/", "title": "T", "question": "quiz-1", "number": 2, "place": "reading", "heading": "<b>", "section": 3},
    {"path": "/x/", "title": "T", "question": "quiz-1", "number": 2},  # a record from before places were kept
])
def test_a_damaged_or_older_place_falls_back_to_the_questions(browser, site_url, last, errors):
    context, page = _tab(browser, 1280, errors)
    page.goto(site_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [RECORD, json.dumps({"version": 1, "first": {}, "last": last})])
    _, href = _continue_href(page, site_url)
    assert href == "/x/" + (f"#{last['question']}" if last["question"] else ""), href
    context.close()
    assert not errors, errors


def test_unreadable_record_shows_no_continue_link(browser, site_url, errors):
    context, page = _tab(browser, 390, errors)
    page.goto(site_url)
    page.evaluate("key => localStorage.setItem(key, '{not json')", RECORD)
    page.reload()
    assert page.locator("#guide-continue").is_hidden()
    context.close()
    assert not errors, errors


# ---------- My progress: the objectives to work on first

def _single_answer(question) -> bool:
    return not question.parts.is_fill_in and sum(correct for correct, _ in question.parts.answers) == 1


@pytest.fixture(scope="module")
def weak_objectives():
    """A: an objective of the LAST section page checked there by a single-answer question of
    its own (to be missed); B: an objective of an earlier section page with two such
    questions there (one to get right, one wrong: partly right). Read from the guide's bank."""
    from shared.objective_rules import read_bank
    from shared.page_outline import is_section_page
    from test_objectives import real_sources

    sources = real_sources()
    bank = read_bank(sources)
    pages = [p for p in sources if is_section_page(p)]

    def alone(page):
        found = {}
        for question in bank.page_questions(page):
            if _single_answer(question) and len(question.objectives) == 1:
                found.setdefault(question.objectives[0], []).append(question)
        return found

    last = next((p, k, qs[0]) for p in reversed(pages) for k, qs in alone(p).items())
    earlier = next((p, k, qs[:2]) for p in pages if p != last[0] for k, qs in alone(p).items() if len(qs) >= 2)
    return last, earlier


@pytest.mark.parametrize("width", WIDTHS)
def test_my_progress_puts_a_missed_objective_at_the_top(browser, site_url, weak_objectives, width, errors):
    import yaml
    from conftest import ROOT

    words = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))["progress"]
    (late_page, missed, late_question), (early_page, partly, (q1, q2)) = weak_objectives
    context, page = _tab(browser, width, errors)
    page.goto(site_url + url_of(early_page))
    _answer(page, q1.number, correct=True)
    _answer(page, q2.number, correct=False)
    page.goto(site_url + url_of(late_page))
    _answer(page, late_question.number, correct=False)

    page.goto(site_url + "progress/")
    focus = page.locator("#objective-focus .objective-focus-item")
    focus.first.wait_for(state="visible")
    # across the whole guide, weakest first: the missed one of the last page, then the partly right one
    hrefs = focus.evaluate_all("items => items.map(i => i.querySelector('a').getAttribute('href'))")
    expected = [page.locator(f"li.objective[data-objective='{key}'] a").get_attribute("href") for key in (missed, partly)]
    assert hrefs == expected, hrefs
    assert focus.nth(0).locator(".objective-badge").inner_text() == words["objective_missed"]
    assert focus.nth(1).locator(".objective-badge").inner_text() == words["objective_partly"]
    # at the top: before the pages' lists, and in the first screen at a phone's width too
    assert page.evaluate("""() => {
      const first = document.querySelector('#objective-focus .objective-focus-item');
      return !!(first.compareDocumentPosition(document.querySelector('.progress-list')) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    top = focus.first.evaluate("e => e.getBoundingClientRect().top + scrollY")
    assert top < 2 * page.viewport_size["height"], f"the first objective to work on is {top} px down the page"
    # the long list is folded by chapter; a chapter says how many objectives it has to work on
    assert page.locator("details.objective-chapter[open]").count() == 0
    chapter = page.locator(f"li.objective[data-objective='{missed}']").locator("xpath=ancestor::details")
    assert chapter.locator(".objective-chapter-note").inner_text() == words["chapter_to_work_on"].replace("{n}", "1")
    untried = page.locator("li.objective.objective--untried").count()
    assert untried and page.locator("#objective-focus .objective--untried").count() == 0, "untried objectives are kept apart"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"My progress is {overflow} px wider than the screen"
    context.close()
    assert not errors, errors


# ---------- Search from the keyboard at phone width

def test_phone_search_keeps_tab_in_its_results_and_escape_returns_to_the_button(browser, site_url, errors):
    """Search covers the page at phone width: Tab and Shift+Tab move through the field and
    the results without closing it; Escape closes it and puts focus back on the Search button."""
    from guide_facts import data

    context, page = _tab(browser, 390, errors)
    page.goto(site_url)
    button = page.locator('.md-header button[data-guide-toggle="__search"]')
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    term = data("glossary")["terms"][0]["term"]  # a word the guide surely holds
    page.keyboard.type(term.split()[0])
    links = page.locator(".md-search-result :not(details) > [href]")
    links.nth(1).wait_for(state="attached")
    focused = "() => document.activeElement.getAttribute('href')"
    hrefs = links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == hrefs[0], "Tab did not move to the first result"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == hrefs[1], "Tab did not move to the next result"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == hrefs[0], "Shift+Tab did not move back"
    assert page.evaluate("() => document.getElementById('__search').checked"), "Tab closed the search"
    seen = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && document.activeElement.checkVisibility(); }""")
    assert seen, "the focused result is not in view"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.matches('.md-search__input')")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    assert button.evaluate("b => document.activeElement === b"), "Escape did not return focus to the Search button"
    context.close()
    assert not errors, errors


# ---------- Smaller defects of the phone layout

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_layout_shows_title_letters_and_headings_whole(browser, site_url, scheme, errors):
    """At 390 px: the header shows the guide's whole title (no "…"); H1 is as dark as the
    body text; no heading's hidden "¶" wraps onto a line of its own; "Back to top" stays
    clear of the top of the window; the glossary's A-Z bar shows every letter."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + url_of(sample_section()))
    title = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight"), "the title is cut"
    colours = page.evaluate("""() => [document.querySelector('.md-typeset h1'), document.querySelector('.md-content .md-typeset > p:not([class])')]
      .map(e => getComputedStyle(e).color)""")
    assert colours[0] == colours[1], colours
    alone = page.evaluate("""() => [...document.querySelectorAll('.md-typeset :is(h1,h2,h3) > a.headerlink')].filter(a => {
      const range = document.createRange(); range.selectNodeContents(a.parentElement);
      range.setEndBefore(a); const lines = range.getClientRects();
      return lines.length && a.getBoundingClientRect().top >= lines[lines.length - 1].bottom - 2;
    }).map(a => a.parentElement.textContent)""")
    assert not alone, f"a heading's ¶ wraps alone: {alone}"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    page.mouse.move(200, 400)
    page.mouse.wheel(0, -300)
    page.locator(".md-top:not([hidden])").wait_for(state="attached")
    top = page.evaluate("() => document.querySelector('.md-top').getBoundingClientRect().top")
    assert top > 844 / 2, f"Back to top sits {top} px from the top, over the text being read"
    page.goto(site_url + "glossary/")
    outside = page.evaluate("""() => [...document.querySelectorAll('.az-jump a')].filter(a => {
      const r = a.getBoundingClientRect(); return r.right > document.documentElement.clientWidth || r.width < 24 || r.height < 24;
    }).map(a => a.textContent)""")
    assert page.locator(".az-jump a").count() and not outside, f"letters out of sight or under 24 px: {outside}"
    context.close()
    assert not errors, errors
