"""What students write on the section pages, and the practice journal, in the built guide and
in Debian's Chromium at 390 and 1280 px (hooks/practice_journal.py, assets/writing.js,
assets/journal.js).

Pages, questions, exercises and words come from mkdocs.yml, the pages and the data files: a
fork that adds pages or translates the interface passes unchanged.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT, axe_violations
from guide_facts import NAV, SECTIONS, url_of
from page_rules import reflection_questions_in
from shared import skills_lab_data as data

LAB = data.load_lab(ROOT)
WORDS = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))
JOURNAL = "journal/"
WIDTHS = [390, 1280]
# the first section page with reflection questions and a worked example that asks for a response
PAGE = next(p for p in SECTIONS if reflection_questions_in((ROOT / "docs" / p).read_text(encoding="utf-8"), p)
            and "!!! example" in (ROOT / "docs" / p).read_text(encoding="utf-8"))
MARKUP = '<script>window.hacked = 1</script><b>bold?</b> & "quotes"'


def word(section: str, key: str, **values) -> str:
    text = WORDS[section][key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def built(site, page_url: str) -> str:
    return (site / page_url / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def context_at(browser):
    contexts = []

    def make(width: int, **options):
        context = browser.new_context(viewport={"width": width, "height": 900}, **options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page
    yield make
    for context in contexts:
        context.close()


# ---------------------------------------------------------------- the built site

def test_every_reflection_question_and_worked_example_has_its_box(built_site):
    for src in SECTIONS:
        text = (ROOT / "docs" / src).read_text(encoding="utf-8")
        html = built(built_site, url_of(src))
        assert html.count('data-writing="reflections"') == reflection_questions_in(text, src), src
        examples = len(re.findall(r'^!!! example "Worked example', text, re.M))
        assert html.count('class="worked-try"') == examples == html.count('class="worked-models"'), src
        assert ("assets/writing.js" in html) == bool(examples or reflection_questions_in(text, src)), src


def test_the_print_edition_keeps_every_model_and_no_box(built_site):
    html = built(built_site, "print/")
    assert 'class="writing-box"' not in html and 'class="worked-try"' not in html and 'class="writing-text"' not in html
    examples = sum(len(re.findall(r'^!!! example "Worked example', (ROOT / "docs" / p).read_text(encoding="utf-8"), re.M))
                   for p in SECTIONS)
    assert html.count('class="worked-models"') == examples


def test_the_journal_page_loads_its_script_only_there(built_site):
    html = built(built_site, JOURNAL)
    assert "assets/journal.js" in html and 'id="journal-content"' in html and "assets/writing.js" not in html
    content = json.loads(re.search(r'id="journal-content">(.*?)</script>', html, re.S)[1])
    assert len(content["exercises"]) == len(LAB.exercises) and len(content["conversations"]) == len(LAB.conversations)
    for page_url in ("", "glossary/", url_of(PAGE)):
        assert "assets/journal.js" not in built(built_site, page_url)


# ---------------------------------------------------------------- section pages

@pytest.mark.parametrize("width", WIDTHS)
def test_a_reflection_answer_survives_a_reload(context_at, site_url, width):
    page = context_at(width)
    page.goto(site_url + url_of(PAGE))
    box = page.locator('[data-writing="reflections"]').first
    label = box.locator("label").inner_text()
    assert label == word("writing", "reflection_label", n=1)
    page.get_by_label(label).fill("My answer, kept.")
    assert box.locator(".writing-status").inner_text() == word("writing", "saved")
    page.reload()
    assert page.get_by_label(label).input_value() == "My answer, kept."
    assert not page.errors


@pytest.mark.parametrize("width", WIDTHS)
def test_a_worked_example_asks_for_a_response_before_its_models(context_at, site_url, width):
    page = context_at(width)
    page.goto(site_url + url_of(PAGE))
    example = page.locator(".worked-example").first
    models = example.locator(".worked-models")
    assert not models.is_visible()
    example.get_by_label(word("writing", "example_label")).fill("What I would say first.")
    button = example.get_by_role("button", name=word("writing", "show_models"))
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert models.is_visible()
    # at the size of the body text
    sizes = page.evaluate("""e => [getComputedStyle(e).fontSize,
        getComputedStyle(document.querySelector('article.md-typeset > p:not([class])')).fontSize]""", example.element_handle())
    assert sizes[0] == sizes[1]
    page.reload()
    example = page.locator(".worked-example").first
    assert example.locator(".worked-models").is_visible()  # shown once, shown after
    assert example.locator("textarea").input_value() == "What I would say first."
    assert not page.errors


def test_without_javascript_and_on_paper_every_model_shows(context_at, site_url):
    page = context_at(390, java_script_enabled=False)
    page.goto(site_url + url_of(PAGE))
    assert page.locator(".worked-models").first.is_visible()
    assert not page.locator(".worked-try").first.is_visible() and not page.locator(".writing-box").first.is_visible()
    page = context_at(1280)
    page.goto(site_url + url_of(PAGE))
    page.emulate_media(media="print")
    assert page.locator(".worked-models").first.is_visible() and not page.locator(".worked-try").first.is_visible()
    page.goto(site_url + "print/")
    assert page.locator(".worked-models").first.is_visible() and not page.locator(".worked-try").first.is_visible()


def test_corrupt_saved_writing_breaks_nothing(context_at, site_url):
    page = context_at(1280)
    page.goto(site_url + url_of(PAGE))
    page.evaluate("""() => {
        localStorage.setItem('guide-writing-v1', '{"version":1,"reflections":[1],"examples":{"x":5}}');
        localStorage.setItem('guide-lab-v1', '{"version":1,"exercises":7,"conversations":{"a":{"finished":2,"path":"no"}}}');
        localStorage.setItem('guide-journal-v1', 'not json');
    }""")
    for page_url in (url_of(PAGE), JOURNAL):
        page.goto(site_url + page_url)
    assert page.locator(".journal-none").count() == 4  # nothing readable: nothing shown, no error
    page.goto(site_url + url_of(PAGE))
    page.locator('[data-writing="reflections"] textarea').first.fill("Still saved.")
    page.reload()
    assert page.locator('[data-writing="reflections"] textarea').first.input_value() == "Still saved."
    assert not page.errors, page.errors


# ---------------------------------------------------------------- the journal

def play_to_an_ending(page, conversation_box):
    while conversation_box.locator(".lab-choices .lab-choice").count():
        conversation_box.locator(".lab-choices .lab-choice").first.click()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_journal_shows_name_attempts_models_paths_and_reflection_answers(context_at, site_url, width, tmp_path):
    page = context_at(width)
    lab_page = next(u for u in NAV if "skills-lab" in (ROOT / "docs" / u).read_text(encoding="utf-8")
                    and "<!-- skills-lab: index -->" in (ROOT / "docs" / u).read_text(encoding="utf-8"))
    page.goto(site_url + url_of(lab_page))
    first = LAB.exercises[0]
    box = page.locator(f'[data-lab-exercise="{first["id"]}"]')
    box.locator("xpath=ancestor::details[contains(@class, 'lab-set')]/summary").click()
    box.locator("textarea").fill("First try " + MARKUP)
    box.locator('input[type=radio][value="2"]').check()
    box.locator(".lab-again").click()
    box.locator("textarea").fill("Second try.")
    conversation = LAB.conversations[0]
    play_to_an_ending(page, page.locator(f'[data-lab-conversation="{conversation["id"]}"]'))
    page.goto(site_url + url_of(PAGE))
    page.locator('[data-writing="reflections"] textarea').first.fill("Reflection " + MARKUP)
    page.locator(".worked-example textarea").first.fill("Example try.")

    page.goto(site_url + JOURNAL)
    page.get_by_label(word("journal", "name_label")).fill("Ana <i>Tremblay</i>")
    body = page.locator(".journal-body")
    text = body.inner_text()
    assert "Ana <i>Tremblay</i>" in text  # typed markup shows as text...
    assert text.count(MARKUP) == 2 and "First try" in text and "Second try." in text
    assert body.locator("script, b, i").count() == 0 and page.evaluate("window.hacked") is None  # ...and is never run
    assert word("lab", "rated", n=2) in text and word("lab", "not_rated") in text
    assert " ".join(first["context"].split()) in text
    for model in first["models"]:
        assert " ".join(model["response"].split()) in text
    assert conversation["title"] in text and word("lab", "debrief") in text
    ending = next(s for s in conversation["steps"].values() if data.is_ending(s) and " ".join(s["debrief"].split()) in text)
    assert word("lab", "ending_" + ending["outcome"]) in text
    assert "Example try." in text and "Reflection " in text
    # the name is kept, and the page prints as it reads (no fields, no buttons)
    page.reload()
    assert page.get_by_label(word("journal", "name_label")).input_value() == "Ana <i>Tremblay</i>"
    page.emulate_media(media="print")
    assert not page.locator(".journal-details").is_visible() and "Ana <i>Tremblay</i>" in body.inner_text()
    page.emulate_media(media="screen")
    # the Markdown copy, a second format
    with page.expect_download() as download:
        page.get_by_role("button", name=word("journal", "download")).click()
    assert download.value.suggested_filename == word("journal", "file")
    path = tmp_path / "journal.md"
    download.value.save_as(path)
    markdown = path.read_text(encoding="utf-8")
    assert markdown.startswith("# ") and "Ana <i>Tremblay</i>" in markdown and "Second try." in markdown
    assert page.locator(".journal-status").inner_text() == word("journal", "downloaded", file=word("journal", "file"))
    assert not page.errors


def test_an_empty_journal_says_so(context_at, site_url):
    page = context_at(390)
    page.goto(site_url + JOURNAL)
    parts = page.locator(".journal-part")
    assert parts.count() == 4 and page.locator(".journal-none").count() == 4
    assert page.locator(".journal-none").first.inner_text() == word("journal", "none")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_journal_and_a_page_with_boxes(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(site_url + url_of(PAGE))
    page.locator('[data-writing="reflections"] textarea').first.fill("An answer.")
    page.locator(".worked-example textarea").first.fill("A try.")
    problems = []
    for page_url in (url_of(PAGE), JOURNAL):
        page.goto(site_url + page_url)
        violations = axe_violations(page)
        problems += [f"{page_url}: {v['id']} ({v['impact']}) {n['target']}" for v in violations for n in v["nodes"][:3]]
    assert not problems, f"{scheme}:\n" + "\n".join(problems)
    context.close()
