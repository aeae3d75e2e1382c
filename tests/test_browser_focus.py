"""Keyboard focus never lands on something the reader cannot see, on any page, at phone and
laptop width: the phone menu's button takes focus, and the closed menu's links take none
(assets/guide.js makes the closed drawer inert)."""

from __future__ import annotations

import pytest
from conftest import built_pages
from guide_facts import sample_section, url_of

TABS_PER_PAGE = 24  # the header, the phone menu and the start of the page: where hidden stops were

# Is the focused element visible: a box of its own, inside the viewport, not hidden or
# transparent (transitions finished first: the quiz's "#" link fades in on focus)?
FOCUS_SEEN = """() => {
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  // Material's light/dark switch: a hidden radio whose focus ring is drawn on the label after it
  if (el.matches('.md-option') && el.nextElementSibling && el.nextElementSibling.matches('label'))
    el = el.nextElementSibling;
  const r = el.getBoundingClientRect();
  const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
  const seen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < w && r.top < h &&
    el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  return {seen, what: el.outerHTML.slice(0, 120), box: [r.left, r.top, r.width, r.height].map(Math.round)};
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_no_hidden_element_takes_focus(browser, site_url, built_site, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    for path in built_pages(built_site):
        page.goto(site_url + path)
        for press in range(TABS_PER_PAGE):
            page.keyboard.press("Tab")
            found = page.evaluate(FOCUS_SEEN)
            if found and not found["seen"]:
                problems.append(f"{path or '/'} Tab {press + 1}: {found['what']} at {found['box']}")
    context.close()
    assert not problems, f"{len(problems)} hidden focus stops:\n" + "\n".join(problems[:30])


def test_the_phone_menu_opens_from_the_keyboard(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    button = page.locator('.md-header button[data-guide-toggle="__drawer"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("b => document.activeElement === b"):
            break
    else:
        pytest.fail("Tab does not reach the menu button")
    assert button.get_attribute("aria-label"), "the menu button has no name"
    page.keyboard.press("Enter")
    drawer = page.locator(".md-sidebar--primary")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert not drawer.evaluate("d => d.inert")
    focused = page.evaluate("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    assert focused, "focus did not move into the opened menu"
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert button.evaluate("b => document.activeElement === b"), "Escape did not return focus to the menu button"
    context.close()


def tab_to(page, locator, presses=10):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if locator.evaluate("b => document.activeElement === b"):
            return
    pytest.fail(f"Tab does not reach {locator}")


def test_the_phone_search_opens_from_the_keyboard(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url)
    button = page.locator('.md-header button[data-guide-toggle="__search"]')
    tab_to(page, button)
    assert button.get_attribute("aria-label"), "the search button has no name"
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__search').checked")
    assert button.get_attribute("aria-expanded") == "true"
    # Material's own click handler on its label still runs: the search field takes focus
    page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    context.close()


@pytest.mark.parametrize("width, shown", [(390, {"__drawer", "__search"}), (1000, {"__drawer"}), (1280, set())])
def test_header_buttons_are_real_buttons_shown_where_materials_labels_were(browser, site_url, width, shown):
    """The labels they replace carry no role (a <label> may not be a button) and stay hidden;
    each button shows at the widths where Material showed its label."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url)
    page.wait_for_selector(".md-header button[data-guide-toggle]", state="attached")
    found = page.evaluate("""() => ({
      visible: [...document.querySelectorAll('.md-header button[data-guide-toggle]')]
        .filter(b => b.checkVisibility()).map(b => b.dataset.guideToggle),
      labels: [...document.querySelectorAll('.md-header label.md-header__button[for="__drawer"], .md-header label.md-header__button[for="__search"]')]
        .map(l => ({role: l.getAttribute('role'), visible: l.checkVisibility()}))})""")
    assert set(found["visible"]) == shown
    assert found["labels"] and all(label == {"role": None, "visible": False} for label in found["labels"])
    context.close()


# Is anything drawn over the focused element (the menu's shade, a panel in front of it)?
FOCUS_COVERED = """() => {
  const el = document.activeElement, r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + Math.min(8, r.width / 2), 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return !(top && (el === top || el.contains(top) || top.contains(el)));
}"""


def walk_the_menu(page, key: str) -> tuple[set[str], list[str]]:
    """Open the phone menu from the keyboard, press `key` until focus leaves it: the links
    reached, and every stop that could not be seen."""
    button = page.locator('.md-header button[data-guide-toggle="__drawer"]')
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    reached, problems = set(), []
    for press in range(250):
        if not page.evaluate("() => document.getElementById('__drawer').checked"):
            return reached, problems  # leaving the menu closed it
        found = page.evaluate(FOCUS_SEEN)
        if found and (not found["seen"] or page.evaluate(FOCUS_COVERED)):
            problems.append(f"{key} {press}: {found['what']} at {found['box']}")
        reached.add(page.evaluate("() => document.activeElement.href || ''"))
        page.keyboard.press(key)
    pytest.fail(f"{key} never left the menu")


def test_every_link_of_the_phone_menu_is_reached_and_seen_by_keyboard(browser, site_url):
    """Material's phone menu shows each chapter (and the page's contents) as a panel sliding
    over the list; the panels follow the keyboard's focus, so Tab (on from the current chapter)
    and Shift+Tab (back to the start) reach the whole menu with every stop in sight, and
    leaving the menu closes it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + url_of(sample_section()))
    links = set(page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]:not([href^='#'])",
                                          "links => links.map(a => a.href)")) - {page.url}  # shown as its contents' opener
    forwards, problems = walk_the_menu(page, "Tab")
    backwards, more = walk_the_menu(page, "Shift+Tab")
    context.close()
    assert not problems + more, "\n".join((problems + more)[:20])
    assert links and not links - forwards - backwards, f"never reached: {sorted(links - forwards - backwards)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_phone_menu_opened_by_touch_keeps_the_current_chapter_and_takes_no_focus(browser, site_url, scheme):
    """Material opens the menu on the current chapter's panel; a tap leaves it so, and moves no
    focus into the menu (a focused link there is drawn in the accent colour, as if selected).
    Its text meets contrast (the panels' titles were Material's grey, under 4.5:1)."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + url_of(sample_section()))
    open_panels = page.eval_on_selector_all(".md-nav--primary input.md-nav__toggle:checked", "ts => ts.map(t => t.id)")
    page.locator('.md-header button[data-guide-toggle="__drawer"]').tap()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.evaluate("() => document.getAnimations().forEach(a => a.finish())")
    assert page.eval_on_selector_all(".md-nav--primary input.md-nav__toggle:checked", "ts => ts.map(t => t.id)") == open_panels
    assert page.evaluate("() => !document.querySelector('.md-sidebar--primary').contains(document.activeElement)")
    results = axe_module.Axe().run(page, context=".md-sidebar--primary",
                                   options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    assert [node["html"][:80] for v in results.response["violations"] for node in v["nodes"]] == []
    context.close()
