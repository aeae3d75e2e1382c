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
