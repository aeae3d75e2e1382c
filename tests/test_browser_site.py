"""The whole built guide in a real browser (Debian's Chromium, through Playwright).

Every page is loaded once in the light and once in the dark colour scheme. Each load records
the requests the page makes, failed requests, console errors and uncaught exceptions, and
axe-core's violations (all rules except the experimental ones, default tags). The tests below
then check those records, plus reduced motion and keyboard focus on the home page.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import SEARCH_READY, SETTLE_ANIMATIONS, built_pages
from guide_facts import sample_section, url_of

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference -> Material's scheme
LOCAL_HOST = "127.0.0.1"
NON_NETWORK_SCHEMES = {"data", "blob", "about"}
# Material's search is ready (worker started, index and lunr languages loaded) when the
# result area says "type to start searching", in the page's language (conftest.SEARCH_READY):
# every request a page makes by itself has happened by then.


def _record(page):
    """Attach listeners to a page; returns the dict they fill (reset it between loads)."""
    log = {"requests": [], "failed": [], "errors": []}
    page.on("request", lambda request: log["requests"].append(request.url))
    page.on("requestfailed", lambda request: log["failed"].append(
        f"{request.url} ({request.failure})"))
    page.on("response", lambda response: response.status >= 400 and log["failed"].append(
        f"{response.url} (HTTP {response.status})"))
    page.on("console", lambda message: message.type == "error" and log["errors"].append(
        f"console.error: {message.text} at {message.location.get('url')}"))
    page.on("pageerror", lambda error: log["errors"].append(f"uncaught: {error}"))
    return log


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in NON_NETWORK_SCHEMES and parts.hostname != LOCAL_HOST


@pytest.fixture(scope="module")
def page_reports(browser, built_site, site_url):
    """{(scheme, path): record} for every built page in both colour schemes."""
    axe = axe_module.Axe()
    pages = built_pages(built_site)
    assert len(pages) > 10, f"suspiciously few pages in {built_site}: {pages}"
    reports = {}
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        full = scheme == "light"
        if not full:
            # The search worker (the same script and index on every page, fully checked in the
            # light pass) rebuilds the whole index on each load: the dark pass, which is there
            # for the colours, gets an idle worker instead, to keep within the time budget.
            context.route("**/assets/javascripts/workers/search.*.js", lambda route: route.fulfill(
                status=200, content_type="text/javascript", body="/* idle search worker */"))
        page = context.new_page()
        log = _record(page)
        for path in pages:
            for value in log.values():
                value.clear()
            page.goto(site_url + path, wait_until="load")
            # parts laid out only when scrolled to (content-visibility: auto, on the long print
            # page) are rendered first: axe reads an unrendered part's colours as the page's
            page.add_style_tag(content="* { content-visibility: visible !important; }")
            page.evaluate(SETTLE_ANIMATIONS)
            results = axe.run(page)  # default options: every rule that is not experimental
            if full:  # the worker has loaded the index meanwhile; wait for the rest of it
                page.wait_for_function(SEARCH_READY)
            reports[(scheme, path)] = {
                "requests": list(log["requests"]),
                "failed": list(log["failed"]),
                "errors": list(log["errors"]),
                "violations": results.response["violations"],
                "body_scheme": page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
            }
        context.close()
    return reports


def test_every_page_was_loaded_in_both_schemes(page_reports, built_site):
    pages = built_pages(built_site)
    assert set(page_reports) == {(scheme, path) for scheme in SCHEMES for path in pages}
    wrong = [f"{scheme} {path or '/'}: data-md-color-scheme={report['body_scheme']!r}"
             for (scheme, path), report in page_reports.items()
             if report["body_scheme"] != SCHEMES[scheme]]
    assert not wrong, "Material did not follow prefers-color-scheme:\n" + "\n".join(wrong)


def test_no_request_leaves_the_local_server(page_reports):
    assert all(report["requests"] for report in page_reports.values())
    search_index = [path for (scheme, path), report in page_reports.items() if scheme == "light"
                    and not any(url.endswith("/search/search_index.json") for url in report["requests"])]
    assert not search_index, f"the search index was never requested on {search_index}"
    foreign = [f"{scheme} {path or '/'}: {url}"
               for (scheme, path), report in page_reports.items()
               for url in report["requests"] if _foreign(url)]
    assert not foreign, "requests to another host:\n" + "\n".join(foreign)


def test_no_request_fails(page_reports):
    failed = [f"{scheme} {path or '/'}: {failure}"
              for (scheme, path), report in page_reports.items() for failure in report["failed"]]
    assert not failed, "failed requests:\n" + "\n".join(failed)


def test_no_console_error_or_uncaught_exception(page_reports):
    errors = [f"{scheme} {path or '/'}: {error}"
              for (scheme, path), report in page_reports.items() for error in report["errors"]]
    assert not errors, "console errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_no_violation(page_reports, scheme):
    problems = []
    for (page_scheme, path), report in sorted(page_reports.items()):
        if page_scheme != scheme:
            continue
        for violation in report["violations"]:
            first = violation["nodes"][0] if violation["nodes"] else {}
            problems.append(
                f"{path or '/'}: {violation['id']} ({violation['impact']}), "
                f"{len(violation['nodes'])} node(s), first {first.get('target')}: "
                f"{(first.get('failureSummary') or '').splitlines()[-1:]}"
            )
    assert not problems, f"axe-core violations in the {scheme} scheme:\n" + "\n".join(problems)


# ---------- Reduced motion

def _quiz_page(built_site) -> str:
    for path in built_pages(built_site):
        html = built_site / path / "index.html"
        if html.is_file() and 'data-quiz-type="fill-blank"' in html.read_text(encoding="utf-8"):
            return path
    pytest.fail("no page with a fill-in-the-blank quiz")


MOTION = """() => {
  const moving = [];
  const elements = document.querySelectorAll(
    '.quiz, .quiz *, #quiz-progress-sidebar, #quiz-progress-sidebar *');
  const positive = list => list.split(',').some(d => parseFloat(d) > 0);
  for (const element of elements) {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const transition = positive(style.transitionDuration);
      const animation = style.animationName !== 'none' && positive(style.animationDuration);
      if (transition || animation) {
        moving.push((element.id || element.className || element.tagName) + (pseudo || '') +
          ': transition ' + style.transitionDuration + ', animation ' + style.animationName);
      }
    }
  }
  return {count: elements.length, moving: moving};
}"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_reduced_motion_stops_quiz_transitions_and_confetti(browser, built_site, site_url, motion):
    context = browser.new_context(reduced_motion=motion, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = _record(page)["errors"]
    page.goto(site_url + _quiz_page(built_site))
    page.wait_for_selector(".quiz")
    before = page.evaluate(MOTION)
    assert before["count"] > 10, "no quiz elements found to check"
    if motion == "no-preference":
        # Control: mkdocs-quiz does animate by default, so the check below can see motion.
        assert before["moving"], "expected mkdocs-quiz's transitions without reduced motion"
        context.close()
        return
    assert not before["moving"], "transitions despite prefers-reduced-motion:\n" + "\n".join(before["moving"])

    # Confetti stays off: not configured, not loaded, and answering every question on the
    # page (which completes it) draws nothing.
    assert page.evaluate("window.mkdocsQuizConfig && window.mkdocsQuizConfig.confetti") is False
    assert page.evaluate("typeof JSConfetti") == "undefined"
    page.evaluate("""() => {
      for (const quiz of document.querySelectorAll('.quiz')) {
        for (const input of quiz.querySelectorAll('.quiz-blank-input')) input.value = input.dataset.answer;
        for (const input of quiz.querySelectorAll('input[data-correct]')) input.checked = true;
        quiz.querySelector('form').requestSubmit();
      }
    }""")
    page.wait_for_function("""() => [...document.querySelectorAll('.quiz .quiz-feedback')]
                                 .every(f => !f.classList.contains('hidden'))""")
    after = page.evaluate(MOTION)
    assert not after["moving"], "transitions after answering:\n" + "\n".join(after["moving"])
    assert page.locator("canvas").count() == 0, "something (confetti?) drew on a canvas"
    assert page.evaluate("document.getAnimations().filter(a => a.playState === 'running').length") == 0
    assert not errors, errors
    context.close()


# ---------- Keyboard

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName, classes: element.className, href: element.getAttribute('href'),
    text: (element.textContent || '').trim().slice(0, 40),
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor, boxShadow: style.boxShadow,
  };
}"""


def _visible_focus(state: dict) -> bool:
    outline = state["outlineStyle"] != "none" and state["outlineWidth"] > 0 and \
        state["outlineColor"] not in ("transparent", "rgba(0, 0, 0, 0)")
    return outline or state["boxShadow"] not in ("none", "")


def test_keyboard_reaches_search_and_navigation_with_visible_focus(page, site_url):
    page.set_default_timeout(10_000)
    page.goto(site_url)
    page.wait_for_function(SEARCH_READY)
    first_nav = page.locator(".md-nav--primary a.md-nav__link").first.get_attribute("href")
    seen = []
    search = nav = None
    for _ in range(30):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        seen.append(f"{state['tag']}.{state['classes']} {state['text']!r}")
        if search is None and "md-search__input" in state["classes"]:
            search = state
        if nav is None and "md-nav__link" in state["classes"] and state["href"] == first_nav:
            nav = state
        if search and nav:
            break
    assert search, "Tab never reached the search input:\n" + "\n".join(seen)
    assert nav, f"Tab never reached the first navigation link ({first_nav}):\n" + "\n".join(seen)
    assert _visible_focus(search), f"no visible focus on the search input: {search}"
    assert _visible_focus(nav), f"no visible focus on the first navigation link: {nav}"


@pytest.mark.parametrize("preference", list(SCHEMES))
def test_colour_switch_by_mouse_and_keyboard_is_remembered(browser, site_url, preference):
    """The light/dark switch (the guide's own, overrides/partials/palette.html and guide.js):
    a first visit follows the device; a click switches; the choice survives a reload and
    applies on other pages; Enter on the focused switch goes back."""
    other = {"light": "dark", "dark": "light"}[preference]
    context = browser.new_context(color_scheme=preference, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    visible_switch = "form[data-guide-palette] label:not([hidden])"
    page.goto(site_url + "glossary/", wait_until="load")
    assert scheme() == SCHEMES[preference]
    assert page.locator(visible_switch).count() == 1
    page.locator(visible_switch).click()
    assert scheme() == SCHEMES[other]
    assert page.locator(visible_switch).count() == 1
    page.reload(wait_until="load")
    assert scheme() == SCHEMES[other], "the choice was not remembered"
    page.goto(site_url + url_of(sample_section()), wait_until="load")
    assert scheme() == SCHEMES[other], "the choice did not carry to another page"
    page.locator("form[data-guide-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert scheme() == SCHEMES[preference]
    focused = page.evaluate("document.activeElement.getAttribute('data-md-color-scheme')")
    assert focused == SCHEMES[preference], "focus did not follow the switch"
    page.wait_for_function("document.querySelector('meta[name=theme-color]') !== null")
    assert not errors, errors
    context.close()
