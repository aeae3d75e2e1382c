"""Keyboard focus never lands on something the reader cannot see, on any page, at phone and
laptop width: the phone menu's button takes focus, and the closed menu's links take none
(assets/guide.js makes the closed drawer inert)."""

from __future__ import annotations

import pytest
from conftest import built_pages

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
    button = page.locator('.md-header label[for="__drawer"]')
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
