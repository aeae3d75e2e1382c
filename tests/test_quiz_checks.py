"""Unit tests of hooks/quiz_checks.py."""

import pytest

from quiz_checks import quiz_problems

GOOD_CHOICE = """
A client says: "I can't sleep." Which response reflects feeling?
- [ ] "Try some warm milk."
- [x] "You sound worn out and worried."

The second names the feeling; the first gives advice. See [Reflection](#reflection).
"""


def test_good_single_choice_passes():
    assert quiz_problems(GOOD_CHOICE) == []


def test_good_fill_in_the_blank_passes():
    assert quiz_problems("Rogers called it [[congruence]].\n\n---\nSee [conditions](../x.md#core).") == []


@pytest.mark.parametrize("body, problem", [
    ("Question?\n- [ ] a\n- [ ] b\n\nWhy: see [x](#x).", "no correct answer"),
    ("Question with no answers at all.", "no answers"),
    ("Question?\n- [x] a\n- [ ] b\n", "no explanation"),
    ("Question?\n- [x] a\n- [ ] b\n\nBecause a is right and b is advice-giving.", "no link into the guide"),
    ("Question?\n- [x] a\n- [ ] b\n\nSee [the web](https://example.org).", "no link into the guide"),
    ("Blank [[x]] with no separator.", "no explanation"),
    ("Blank [[x]].\n\n---\nNo link here.", "no link into the guide"),
])
def test_bad_quizzes_are_named(body, problem):
    problems = quiz_problems(body)
    assert len(problems) == 1 and problem in problems[0]


def test_per_answer_feedback_is_not_the_explanation():
    body = "Q?\n- [x] a\n> right\n- [ ] b\n> wrong\n"
    assert "no explanation" in quiz_problems(body)[0]


# ---------- Fill-ins accepting several forms: [[canonical | variant | variant]]

def test_blank_forms_split_on_space_bar_space():
    from shared.quiz_source import blank_forms
    assert blank_forms("follow-up | follow up | suivi") == ["follow-up", "follow up", "suivi"]
    assert blank_forms("congruence") == ["congruence"]


def test_a_fill_in_with_variants_passes():
    assert quiz_problems("It is [[follow-up | follow up | suivi]].\n\n---\nSee [x](#x).") == []


@pytest.mark.parametrize("blank, problem", [
    ("[[follow-up |  | suivi]]", "has an empty form"),
    ("[[ | follow-up]]", "has an empty form"),
    ("[[follow-up | ]]", "has an empty form"),
    ("[[follow-up|follow up]]", "space, a bar and a space"),
    ("[[follow-up | Follow-up]]", 'lists "Follow-up" twice'),
])
def test_bad_blank_syntax_is_named(blank, problem):
    problems = quiz_problems(f"It is {blank}.\n\n---\nSee [x](#x).")
    assert len(problems) == 1 and problem in problems[0], problems
    assert "[[follow-up | follow up]]" in problems[0] or "keep one" in problems[0]  # what to do


# ---------- Hints: a `>` line under a wrong option (shown after a wrong first try, AUTHORING.md)

def test_a_hint_under_a_wrong_option_passes():
    body = ('Q?\n- [ ] "Try some warm milk."\n> Advice answers the problem; what does he feel?\n'
            '- [x] "You sound worn out."\n\nSee [Reflection](#reflection).')
    assert quiz_problems(body) == []


@pytest.mark.parametrize("body, problem", [
    ("Q?\n- [ ] advice\n- [x] reflection of feeling\n> because it names the feeling\n\nSee [x](#x).",
     "option 2 is a right one and has a hint"),
    ("Q?\n- [ ] Sympathy\n> Close, but the answer is Identification.\n- [x] Identification\n\nSee [x](#x).",
     "the hint under option 1 quotes a right option"),
])
def test_bad_hints_are_named(body, problem):
    problems = quiz_problems(body)
    assert len(problems) == 1 and problem in problems[0], problems
