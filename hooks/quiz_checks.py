"""Check every quiz before mkdocs-quiz renders it.

Event: on_page_markdown, at a priority above mkdocs-quiz's, so the quiz source is
still there. A question with no answers, no correct answer, no explanation, or an
explanation without a link into the guide fails the build, naming the page, the
question's number and line, and what to add. (See AUTHORING.md for the format.)
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from objective_rules import QUIZ_OBJECTIVES
from page_outline import mask_fenced_code
from quiz_source import QUIZ, parse_quiz

# a Markdown link to a page of the guide or a heading: [text](page.md#id), [text](#id)
INTERNAL_LINK = re.compile(r"\[[^\]]+\]\((?!https?:|mailto:)(?:[^)\s]*\.md)?(?:#[\w-]+)?\)")


def quiz_problems(body: str) -> list[str]:
    """What is wrong with one quiz's source (empty when nothing is)."""
    quiz = parse_quiz(body)
    if quiz.is_fill_in and not quiz.has_separator:
        return ["no explanation: add a line `---` after the question, then the explanation"]
    if not quiz.is_fill_in and not quiz.answers:
        return ["no answers: list them as `- [x] right answer` and `- [ ] wrong answer`"]
    if not quiz.is_fill_in and not any(correct for correct, _ in quiz.answers):
        return ["no correct answer: mark at least one answer `- [x]`"]
    if not quiz.explanation:
        return ["no explanation: after the answers, say why the right answer is right and the tempting one wrong"]
    if not INTERNAL_LINK.search(quiz.explanation):
        return ["its explanation has no link into the guide: add one to the heading that teaches it, e.g. [Reflection of feeling](#reflection-of-feeling)"]
    return []


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    if "<quiz>" not in markdown:
        return markdown
    masked = mask_fenced_code(markdown)
    problems = []
    for number, match in enumerate(QUIZ.finditer(masked), start=1):
        body = markdown[match.start("body"):match.end("body")]
        for problem in quiz_problems(body):
            source = page.file.content_string  # read from disk: only when there is a problem to place
            line = source[: max(source.find(body), 0)].count("\n") + 1
            question = (line for line in body.splitlines() if not QUIZ_OBJECTIVES.match(line))
            preview = " ".join(" ".join(question).split())[:60]
            problems.append(f'question {number} (line {line}, "{preview}..."): {problem}.')
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}:\n  - " + "\n  - ".join(problems))
    return markdown
