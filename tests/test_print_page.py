"""The printable edition: every page in reading order, questions printed, answers at the end."""

import re

import yaml

from conftest import ROOT
from page_outline import nav_order
from print_page import LEFT_OUT, _print_quiz, page_key, print_version


def test_a_choice_question_prints_without_its_answer_which_goes_to_the_key():
    question, answer = _print_quiz('A client says: "Hi."\n- [ ] Advise\n- [x] Reflect\n\nWhy: see [x](#h).', "2.2.1")
    assert question.startswith("**Question 2.2.1.** A client says") and "- a. Advise" in question and "- b. Reflect" in question
    assert "[x]" not in question and "Why" not in question
    assert answer == "**2.2.1.** b. Why: see [x](#h)."


def test_a_blank_prints_as_a_line_and_its_answer_goes_to_the_key():
    question, answer = _print_quiz("Rogers called it [[congruence]].\n\n---\nSee [c](#c).", "2.1.3")
    assert "congruence" not in question and "\\_" in question
    assert answer == "**2.1.3.** *congruence*. See [c](#c)."


def test_ids_are_prefixed_and_links_stay_inside_the_print_page():
    body, key = print_version("02-f/a.md", "# 2.1 A\n\n## Part { #part }\n\nSee [b](b.md#x), [here](#part), [out](../glossary.md#y).\n\n<quiz>\nQ?\n- [x] y\n\nSee [p](#part).\n</quiz>\n", {"02-f/a.md", "02-f/b.md"})
    assert "# 2.1 A { #p-02-f-a }" in body and "## Part { #02-f-a--part }" in body
    assert "[b](#02-f-b--x)" in body and "[here](#02-f-a--part)" in body and "[out](glossary.md#y)" in body
    assert "<quiz>" not in body and "**Question 2.1.1.**" in body
    assert "[p](#02-f-a--part)" in key and key.startswith("## 2.1 A { #answers-02-f-a }")


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
