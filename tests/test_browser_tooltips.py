"""Glossary term tooltips in a real browser (WCAG 2.2 SC 1.4.13 Content on Hover or Focus).

hooks/concepts.py marks the first use of each term on a section page as
<span class="gloss"><a class="gloss-term" aria-describedby=ID>…</a><span class="gloss-tip"
role="tooltip" id=ID>definition</span></span>; assets/guide.css shows the tip on hover and
focus, and assets/guide.js hides it on Escape. The tip must be hoverable, dismissable without
moving focus, persistent while hovered or focused, and must not push the text around.
"""

from __future__ import annotations

import html
import re

import pytest
from conftest import built_pages

SECTION_PAGE = re.compile(r"^\d\d-[^/]+/[^/]+/$")

# The first term that sits in a paragraph followed by another block, so that a layout shift
# would show on that block. Marks it with data-test-term and returns its anchor.
PICK_TERM = """() => {
  for (const gloss of document.querySelectorAll('.md-content article .gloss')) {
    const block = gloss.closest('p, li');
    if (block && block.nextElementSibling && !gloss.closest('.admonition, details, table, .quiz')) {
      gloss.setAttribute('data-test-term', '');
      block.setAttribute('data-test-block', '');
      block.nextElementSibling.setAttribute('data-test-next', '');
      return gloss.querySelector('a.gloss-term').getAttribute('href').split('#')[1];
    }
  }
  return null;
}"""


def _strip(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def glossary_definition(built_site, anchor: str) -> str:
    """The definition paragraph under <h3 id=anchor> on the built glossary page."""
    page = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    match = re.search(
        rf'<h3 id="{re.escape(anchor)}">.*?</h3>\s*(?:<p class="gloss-french">.*?</p>\s*)?<p>(.*?)</p>',
        page, re.S)
    assert match, f"no glossary entry #{anchor}"
    return _strip(match.group(1))


@pytest.fixture(scope="module")
def section_page(built_site) -> str:
    for path in built_pages(built_site):
        if SECTION_PAGE.match(path) and 'class="gloss"' in (built_site / path / "index.html").read_text(encoding="utf-8"):
            return path
    pytest.fail("no section page with a glossary term")


@pytest.fixture
def term(page, site_url, section_page):
    """The section page, loaded, with the pointer parked away from the text.

    Returns (anchor, term locator, tip locator)."""
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_url + section_page)
    anchor = page.evaluate(PICK_TERM)
    assert anchor, f"no glossary term in a paragraph on {section_page}"
    gloss = page.locator("[data-test-term]")
    link = gloss.locator("a.gloss-term")
    tip = gloss.locator(".gloss-tip")
    # An empty, unfocusable-by-Tab stop just before the term, to start keyboard tests from.
    gloss.evaluate("""gloss => {
      const stop = document.createElement('span');
      stop.tabIndex = -1;
      stop.id = 'test-focus-stop';
      gloss.before(stop);
    }""")
    link.scroll_into_view_if_needed()
    page.mouse.move(1, 1)
    assert tip.is_hidden(), "the tooltip shows before any hover or focus"
    yield anchor, link, tip
    assert not errors, errors


def _center(locator):
    box = locator.bounding_box()
    assert box, f"{locator} has no box"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _focus_by_tab(page, link):
    """Give focus to the term with the Tab key, from the empty stop placed just before it."""
    page.locator("#test-focus-stop").focus()
    page.keyboard.press("Tab")
    assert link.evaluate("link => document.activeElement === link"), "Tab did not reach the term"


def test_hover_shows_the_definition(page, term, built_site):
    anchor, link, tip = term
    link.hover()
    tip.wait_for(state="visible")
    definition = glossary_definition(built_site, anchor)
    assert " ".join(tip.inner_text().split()) == definition
    box = tip.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"tooltip off screen: {box}"
    page.mouse.move(1, 1)
    tip.wait_for(state="hidden")


def test_pointer_can_move_onto_the_tooltip(page, term):
    anchor, link, tip = term
    start = _center(link)
    page.mouse.move(*start)
    tip.wait_for(state="visible")
    box = tip.bounding_box()
    end = (box["x"] + box["width"] / 2, box["y"] + box["height"] - 2)
    page.mouse.move(*end, steps=8)  # through every point between the term and the tip
    assert tip.is_visible(), "the tooltip vanished as the pointer moved onto it"
    hovered = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.gloss-tip') !== null", list(end))
    assert hovered, "the pointer is not over the tooltip"
    page.wait_for_timeout(300)  # still there a moment later: it persists while hovered
    assert tip.is_visible()


def test_keyboard_focus_shows_and_escape_hides_without_moving_focus(page, term):
    anchor, link, tip = term
    _focus_by_tab(page, link)
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    assert link.evaluate("link => document.activeElement === link"), "Escape moved focus off the term"
    # Dismissing is not for ever: leaving and coming back shows it again.
    page.keyboard.press("Shift+Tab")
    assert not link.evaluate("link => document.activeElement === link")
    page.keyboard.press("Tab")
    assert link.evaluate("link => document.activeElement === link")
    tip.wait_for(state="visible")


def test_escape_also_hides_a_hovered_tooltip(page, term):
    anchor, link, tip = term
    link.hover()
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_every_term_is_described_by_its_tooltip(page, term):
    terms = page.evaluate("""() => [...document.querySelectorAll('.gloss')].map(gloss => {
      const link = gloss.querySelector('a.gloss-term'), tip = gloss.querySelector('.gloss-tip');
      return {text: link && link.textContent, describedby: link && link.getAttribute('aria-describedby'),
              id: tip && tip.id, role: tip && tip.getAttribute('role'),
              matches: tip ? document.querySelectorAll('[id="' + tip.id + '"]').length : 0};
    })""")
    assert terms
    wrong = [t for t in terms if not t["id"] or t["describedby"] != t["id"] or t["role"] != "tooltip" or t["matches"] != 1]
    assert not wrong, f"terms not linked to a unique role=tooltip element: {wrong}"
    # The accessible description a screen reader announces is the definition.
    anchor, link, tip = term
    described = link.evaluate("l => document.getElementById(l.getAttribute('aria-describedby')).textContent")
    assert described.strip() and described == tip.text_content()


def test_clicking_a_term_opens_its_glossary_entry(page, term, built_site):
    anchor, link, tip = term
    definition = glossary_definition(built_site, anchor)
    link.click()
    page.wait_for_url(re.compile(rf"/glossary/#{re.escape(anchor)}$"))
    entry = page.locator(f"[id='{anchor}']")
    assert entry.count() == 1
    assert entry.evaluate("e => e.tagName") == "H3"
    assert entry.is_visible()
    assert definition in " ".join(page.locator("article").inner_text().split())


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_showing_the_tooltip_moves_no_text(page, term, how):
    anchor, link, tip = term
    blocks = page.locator("[data-test-block], [data-test-next]")
    assert blocks.count() == 2
    before = [blocks.nth(i).bounding_box() for i in range(2)]
    if how == "hover":
        link.hover()
    else:
        _focus_by_tab(page, link)
    tip.wait_for(state="visible")
    after = [blocks.nth(i).bounding_box() for i in range(2)]
    assert after == before, f"showing the tooltip moved the text: {before} -> {after}"


# ---------- Every term, at phone and laptop width, light and dark: tap, hover and focus

# the tip's box, whether it lies inside the visible area (below the sticky header), its
# background's opacity and the contrast of its text (composited over that background)
TIP_CHECK = """tip => {
  const style = getComputedStyle(tip);
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const [br, bg, bb, ba = 1] = parse(style.backgroundColor);
  const [fr, fg, fb, fa = 1] = parse(style.color);
  const mix = (f, b) => f * fa + b * (1 - fa);
  const lum = rgb => rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [l1, l2] = [lum([mix(fr, br), mix(fg, bg), mix(fb, bb)]), lum([br, bg, bb])].sort((a, b) => b - a);
  let opacity = 1;
  for (let e = tip; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  const r = tip.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
  return {inside: r.left >= 0 && r.right <= width + 0.5 && r.top >= top - 0.5 && r.bottom <= height + 0.5,
          box: [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)],
          viewport: [width, height, top], background: ba, opacity, contrast: (l1 + 0.05) / (l2 + 0.05)};
}"""

VIEWS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def busiest_section_page(built_site) -> str:
    """The section page with the most marked terms (taken from the built site)."""
    counts = {path: (built_site / path / "index.html").read_text(encoding="utf-8").count('class="gloss"')
              for path in built_pages(built_site) if SECTION_PAGE.match(path)}
    assert counts and max(counts.values()), "no section page with a glossary term"
    return max(counts, key=counts.get)


def _outside_point(box, viewport):
    """A point of the page away from an open definition (above it, or below it)."""
    y = box["y"] - 30 if box["y"] > 140 else box["y"] + box["height"] + 30
    return 2, min(max(y, 60), viewport["height"] - 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_definition_opens_inside_the_viewport_and_is_opaque(browser, site_url, busiest_section_page, view, scheme):
    """Each term's definition, opened by a tap (phone), hover (laptop) and keyboard focus
    (both), lies wholly inside the visible area, is opaque, has AA contrast, and closes on
    Escape and on a tap or click elsewhere. A tap opens it without leaving the page, with a
    link to the full glossary entry."""
    touch = view == "phone"
    context = browser.new_context(viewport=VIEWS[view], color_scheme=scheme, has_touch=touch)
    page = context.new_page()
    page.set_default_timeout(5_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + busiest_section_page)
    url = page.url
    terms = page.locator(".md-content .gloss")
    assert terms.count() > 0
    problems = []
    for index in range(terms.count()):
        gloss = terms.nth(index)
        link, tip = gloss.locator("a.gloss-term"), gloss.locator(".gloss-tip")
        # a term inside a collapsed box (a skills-lab model answer...) is read once the box is open
        link.evaluate("l => { for (let d = l.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }")
        if not link.is_visible():
            continue
        for how in (["tap"] if touch else ["hover"]) + ["focus"]:
            link.scroll_into_view_if_needed()
            if how == "tap":
                link.tap()
            elif how == "hover":
                link.hover()
            else:
                link.focus()
            tip.wait_for(state="visible")
            found = tip.evaluate(TIP_CHECK)
            name = f"{link.inner_text()!r} by {how}"
            if not found["inside"]:
                problems.append(f"{name}: {found['box']} not inside {found['viewport']}")
            if found["background"] < 1 or found["opacity"] < 1:
                problems.append(f"{name}: see-through ({found['background']}, {found['opacity']})")
            if found["contrast"] < 4.5:
                problems.append(f"{name}: contrast {found['contrast']:.2f}")
            if how == "tap":
                assert page.url.split("#")[0] == url, "a first tap left the page"
                more = tip.locator("a.gloss-more")
                assert more.is_visible() and more.get_attribute("href") == link.get_attribute("href")
                page.touchscreen.tap(*_outside_point(tip.bounding_box(), VIEWS[view]))
                tip.wait_for(state="hidden")
                if page.url.split("#")[0] != url:  # the tap elsewhere landed on a link: come back
                    page.goto(url)
            else:
                page.keyboard.press("Escape")
                tip.wait_for(state="hidden")
                page.mouse.move(*_outside_point(tip.bounding_box() or {"y": 400, "height": 0}, VIEWS[view]))
                link.evaluate("link => link.blur()")
    context.close()
    assert not problems, "\n".join(problems)
    assert not errors, errors
