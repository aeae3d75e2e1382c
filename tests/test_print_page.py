"""The printable edition: every page in reading order, questions printed, answers at the end."""

import re

import yaml

from conftest import ROOT
from page_outline import nav_order
import pytest
from mkdocs.exceptions import PluginError

from print_page import LEFT_OUT, _print_quiz, check_inner_links, first_definitions_only, page_key, printable_html


def test_a_choice_question_prints_without_its_answer_which_goes_to_the_key():
    question, answer = _print_quiz('A client says: "Hi."\n- [ ] Advise\n- [x] Reflect\n\nWhy: see [x](#h).', "2.2.1")
    assert question.startswith("**Question 2.2.1.** A client says") and "- a. Advise" in question and "- b. Reflect" in question
    assert "[x]" not in question and "Why" not in question
    assert answer == "**2.2.1.** b. Why: see [x](#h)."


def test_a_blank_prints_as_a_line_and_its_answer_goes_to_the_key():
    question, answer = _print_quiz("Rogers called it [[congruence]].\n\n---\nSee [c](#c).", "2.1.3")
    assert "congruence" not in question and "\\_" in question
    assert answer == "**2.1.3.** *congruence*. See [c](#c)."


URLS = {"": "index.md", "02-f/a/": "02-f/a.md", "02-f/b/": "02-f/b.md", "progress/": "progress.md"}
PRINTED = {"index.md", "02-f/a.md", "02-f/b.md"}


def test_rendered_ids_are_prefixed_and_links_stay_inside_the_print_page():
    html = ('<h1 id="a">2.1 A</h1><h2 id="part">Part</h2>'
            '<p>See <a href="../b/#x">b</a>, <a href="#part">here</a>, <a href="../../">home</a>, '
            '<a href="../../progress/">progress</a>, <a href="https://example.org/">out</a>.</p>'
            '<p><label for="q1">Q</label><span aria-describedby="t1 t2">x</span></p>'
            '<svg><path marker-end="url(#arrow)"/></svg>'
            '<details class="note"><summary>More</summary>m</details>'
            '<details class="info"><summary>Text description</summary>d</details>'
            '<!-- MKDOCS_QUIZ_PLACEHOLDER_0 -->')
    out = printable_html("02-f/a.md", html, ["<p>Question 2.1.1</p>"], "02-f/a/", URLS, "print/", PRINTED)
    assert out.startswith('<section class="print-page-break" id="p-02-f-a">')
    assert 'id="02-f-a--a"' in out and 'id="02-f-a--part"' in out
    assert 'href="#02-f-b--x"' in out and 'href="#02-f-a--part"' in out and 'href="#p-index"' in out
    assert 'href="../progress/"' in out and 'href="https://example.org/"' in out
    assert 'for="02-f-a--q1"' in out and 'aria-describedby="02-f-a--t1 02-f-a--t2"' in out
    assert "url(#02-f-a--arrow)" in out
    assert '<details class="note" open><summary>More' in out and '<details class="info"><summary>Text' in out
    assert "Question 2.1.1" in out and "PLACEHOLDER" not in out


def test_a_page_whose_quizzes_do_not_match_its_source_fails_the_build():
    with pytest.raises(PluginError, match="02-f/a.md has 1 rendered quizzes but 2"):
        printable_html("02-f/a.md", "<!-- MKDOCS_QUIZ_PLACEHOLDER_0 -->", ["q1", "q2"], "02-f/a/", URLS, "print/", PRINTED)


def test_a_link_to_a_missing_id_in_the_print_page_is_reported_with_its_page():
    assert check_inner_links({"a.md": '<h2 id="a--x">X</h2>', "b.md": '<a href="#a--x">ok</a>'}) == []
    problems = check_inner_links({"a.md": '<h2 id="a--x">X</h2>', "b.md": '<a href="#a--missing">broken</a>'})
    assert len(problems) == 1 and "from b.md links to #a--missing" in problems[0]


def test_a_definition_prints_at_its_first_use_in_the_edition_only():
    tip = ('<span class="gloss"><a aria-describedby="{p}gloss-tip-empathy" class="gloss-term" href="#g">empathy</a>'
           '<span class="gloss-tip" role="tooltip" id="{p}gloss-tip-empathy">Definition.</span></span>')
    html = first_definitions_only(tip.format(p="a--") + " and later " + tip.format(p="b--"))
    assert html.count("Definition.") == 1 and html.endswith("and later empathy")


def test_built_print_page_holds_every_page_in_reading_order(built_site):
    html = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    nav = nav_order(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"])
    printed = [uri for uri in nav if uri not in LEFT_OUT]
    positions = [html.find(f'id="p-{page_key(uri)}"') for uri in printed]
    assert all(p > 0 for p in positions), [u for u, p in zip(printed, positions) if p < 0]
    assert positions == sorted(positions), "pages out of reading order"
    assert html.find('id="answer-key"') > positions[-1]
    assert 'class="quiz"' not in html and 'class="quiz-button' not in html
    questions = len(re.findall(r"<strong>Question \d+\.(?:\d+|R)", html))
    answers = len(re.findall(r"<strong>\d+\.(?:\d+|R\d+)\.?\d*\.</strong>", html))
    assert questions >= 120 and answers == questions, (questions, answers)
