"""Read one quiz block's Markdown (mkdocs-quiz syntax) into its parts.

Pure functions, no MkDocs events: hooks/quiz_checks.py checks the parts and
hooks/print_page.py prints them, so both read quizzes the same way.

    Which response reflects feeling?      <- stem
    - [ ] "Try warm milk."                <- answers (correct or not)
    - [x] "You sound worn out."
    > per-answer feedback: the hint     <- under a wrong option (answer_hints())

    Why the second is right...            <- explanation

A fill-in-the-blank quiz holds [[answer]] blanks in its stem and puts its
explanation after a line `---`. A blank may accept several forms,
`[[follow-up | follow up | suivi]]` (space, bar, space between forms): the first is the one
shown as the answer; blank_forms() splits them, blank_problems() says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

QUIZ = re.compile(r"<quiz>(?P<body>.*?)</quiz>", re.DOTALL)
ANSWER = re.compile(r"^[ \t]*[-*][ \t]*\[(?P<mark>[xX ]?)\][ \t]*(?P<text>.*)$")
FEEDBACK = re.compile(r"^[ \t]*>")
BLANK = re.compile(r"\[\[([^\]]+)\]\]")
FORM_SEPARATOR = " | "


@dataclass
class QuizParts:
    stem: str
    answers: list[tuple[bool, str]] = field(default_factory=list)  # (correct, text)
    blanks: list[str] = field(default_factory=list)
    explanation: str = ""
    has_separator: bool = True  # fill-in-the-blank only: the `---` line was found

    @property
    def is_fill_in(self) -> bool:
        return bool(self.blanks)


def parse_quiz(body: str) -> QuizParts:
    lines = body.strip("\n").splitlines()
    if BLANK.search(body):
        cut = next((i for i, line in enumerate(lines) if line.strip() == "---"), None)
        stem = "\n".join(lines[:cut] if cut is not None else lines).strip()
        explanation = "\n".join(lines[cut + 1:]).strip() if cut is not None else ""
        return QuizParts(stem, blanks=BLANK.findall(stem), explanation=explanation,
                         has_separator=cut is not None)
    rows = [(i, ANSWER.match(line)) for i, line in enumerate(lines)]
    rows = [(i, m) for i, m in rows if m]
    if not rows:
        return QuizParts(body.strip())
    after = lines[rows[-1][0] + 1:]
    return QuizParts(
        stem="\n".join(lines[: rows[0][0]]).strip(),
        answers=[(m["mark"].lower() == "x", m["text"]) for _, m in rows],
        explanation="\n".join(line for line in after if not FEEDBACK.match(line)).strip(),
    )


def answer_feedback(body: str) -> list[tuple[bool, str, str]]:
    """(correct, text, its feedback) for each answer of a choice question: the answer's own
    `> ...` lines right under it (mkdocs-quiz's per-answer feedback), one per line, "" if none."""
    answers: list[list] = []
    collecting = False
    for line in body.splitlines():
        answer = ANSWER.match(line)
        if answer:
            answers.append([answer["mark"].lower() == "x", answer["text"], []])
            collecting = True
        elif collecting and FEEDBACK.match(line):
            answers[-1][2].append(re.sub(r"^[ \t]*>[ \t]?", "", line))
        else:
            collecting = False
    return [(correct, text, "\n".join(lines)) for correct, text, lines in answers]


def answer_hints(body: str) -> list[tuple[bool, str, str]]:
    """(correct, text, its hint) for each answer: the feedback under a wrong option is its hint."""
    return [(correct, text, " ".join(feedback.split())) for correct, text, feedback in answer_feedback(body)]


def hint_problems(body: str) -> list[str]:
    """What is wrong with one choice question's hints: a hint under a right option (shown after
    a wrong try, it would point at the key), or one that quotes a right option."""
    problems = []
    answers = answer_hints(body)
    keys = [_plain(text) for correct, text, _ in answers if correct]
    for number, (correct, text, hint) in enumerate(answers, start=1):
        if not hint:
            continue
        if correct:
            problems.append(f"option {number} is a right one and has a hint (a `>` line under it): hints go "
                            "under wrong options, where they say why that option falls short; what makes the "
                            "right one right belongs in the explanation")
        elif any(len(key) >= 4 and f" {key} " in f" {_plain(hint)} " for key in keys):
            problems.append(f"the hint under option {number} quotes a right option: say why option {number} "
                            "falls short without naming the right one (the key shows after the second try)")
    return problems


def _plain(text: str) -> str:
    """Text to compare: lower case, without Markdown emphasis, quotes, punctuation or extra spaces."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def blank_forms(blank: str) -> list[str]:
    """The forms a blank accepts, the canonical (shown) one first: "a | b" -> ["a", "b"]."""
    return [form.strip() for form in blank.split(FORM_SEPARATOR)]


def blank_problems(blank: str) -> list[str]:
    """What is wrong with one blank's forms (empty when nothing is)."""
    forms = blank_forms(blank)
    shown = f"[[{blank}]]"
    if any(not form for form in forms):
        return [f"{shown} has an empty form: write each accepted form between the bars, "
                "e.g. [[follow-up | follow up]]"]
    if any("|" in form for form in forms):
        return [f"{shown}: separate accepted forms with a space, a bar and a space, e.g. [[follow-up | follow up]]"]
    seen: dict[str, str] = {}
    for form in forms:
        if form.casefold() in seen:
            return [f"{shown} lists \"{form}\" twice (forms are compared without regard to case): "
                    "keep one"]
        seen[form.casefold()] = form
    return []
