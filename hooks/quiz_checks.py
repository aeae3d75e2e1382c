"""Check every quiz before mkdocs-quiz renders it.

Event: on_page_markdown, at a priority above mkdocs-quiz's, so the quiz source is
still there. A question with no answers, no correct answer, no explanation, an
explanation without a link into the guide, or one that links to a heading that does not
exist (on its own page or another author's page) fails the build, naming the page, the
question's number and line, and what to do; so does a blank whose accepted forms are badly
written (`[[follow-up | follow up]]`: an empty form, a repeated one, a bar without spaces),
and a hint (a `>` line under an option) under a right option or quoting one.
(See AUTHORING.md for the format.)
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from shared.objective_rules import QUIZ_OBJECTIVES
from shared.page_outline import HEADING, page_version, heading_anchor, mask_fenced_code
from shared.quiz_source import BLANK, QUIZ, QuizParts, blank_problems, hint_problems, parse_quiz

# a Markdown link to a page of the guide or a heading: [text](page.md#id), [text](#id)
INTERNAL_LINK = re.compile(r"\[[^\]]+\]\((?!https?:|mailto:)(?:[^)\s]*\.md)?(?:#[\w-]+)?\)")


def quiz_problems(body: str) -> list[str]:
    """What is wrong with one quiz's source (empty when nothing is)."""
    return ([problem for _, problem in blank_offsets_problems(body)] or parts_problems(parse_quiz(body))
            or hint_problems(body))


def blank_offsets_problems(body: str) -> list[tuple[int, str]]:
    """(offset in the body, problem) for each blank whose accepted forms are badly written."""
    return [(blank.start(), problem) for blank in BLANK.finditer(body) for problem in blank_problems(blank[1])]


def parts_problems(quiz: QuizParts) -> list[str]:
    """What is wrong with one quiz, already read into its parts."""
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


# [text](#id) or [text](page.md#id) in an explanation: a link to one heading
ANCHOR_LINK = re.compile(r"\[[^\]]+\]\((?P<path>(?![a-z][\w+.-]*:)[^)\s#]*)#(?P<anchor>[\w-]+)\)")
ATTR_ID = re.compile(r"\{[^}\n]*#([\w-]+)[^}\n]*\}")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def anchors_in(markdown: str) -> set[str]:
    """The ids a page's Markdown gives: its headings' (explicit or slugs), attribute lists, HTML ids."""
    masked = mask_fenced_code(markdown)
    ids = {heading_anchor(m["title"], m["id"]) for m in map(HEADING.match, masked.splitlines()) if m}
    ids |= set(ATTR_ID.findall(masked))
    if "id=" in masked:  # most pages have no HTML id; HTML_ID, which opens with \b, is slow to search
        ids |= set(HTML_ID.findall(masked))
    return ids


def missing_anchor_problems(explanation: str, uri: str, anchors_of) -> list[tuple[int, str]]:
    """(offset in the explanation, problem) for each link to a heading that does not exist.
    `anchors_of(target_uri)` gives a page's ids, or None for a page this check cannot read."""
    problems = []
    for link in ANCHOR_LINK.finditer(explanation):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), link["path"])) if link["path"] else uri
        anchors = anchors_of(target)
        if anchors is not None and link["anchor"] not in anchors:
            where = "this page" if target == uri else target
            problems.append((link.start(), f"its explanation links to #{link['anchor']}, which is not a heading "
                             f"of {where}: link to the heading that teaches the point (its id is in "
                             "`## Title { #id }`)"))
    return problems


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    if "<quiz>" not in markdown:
        return markdown
    masked = mask_fenced_code(markdown)
    problems = []
    anchors_of = _anchor_reader(markdown, page.file.src_uri, files)
    for number, match in enumerate(QUIZ.finditer(masked), start=1):
        body = markdown[match.start("body"):match.end("body")]
        quiz = parse_quiz(body)
        found = (blank_offsets_problems(body) or [(0, problem) for problem in parts_problems(quiz)]
                 or [(0, problem) for problem in hint_problems(body)])
        if not found:
            explanation = quiz.explanation
            found = [(body.find(explanation) + offset, problem)
                     for offset, problem in missing_anchor_problems(explanation, page.file.src_uri, anchors_of)]
        for offset, problem in found:
            source = page.file.content_string  # read from disk: only when there is a problem to place
            line = source[: max(source.find(body), 0) + max(offset, 0)].count("\n") + 1
            question = (line for line in body.splitlines() if not QUIZ_OBJECTIVES.match(line))
            preview = " ".join(" ".join(question).split())[:60]
            problems.append(f'question {number} (line {line}, "{preview}..."): {problem}.')
    if problems:
        raise PluginError(f"docs/{page.file.src_uri}:\n  - " + "\n  - ".join(problems))
    return markdown


# The ids of the authors' pages as read from their files, by page version (see
# page_outline.page_version): many pages link to the same few, and an edit under `mkdocs serve`
# gives the page a new key, so no entry goes stale.
_FILE_ANCHORS: dict[tuple, set[str]] = {}


def _anchor_reader(markdown: str, uri: str, files):
    """anchors_of(target) for this page (its Markdown as given) and the authors' other pages;
    None for a generated page or one not in the build (MkDocs and missing_pages.py report those)."""
    own = anchors_in(markdown)

    def anchors_of(target: str):
        if target == uri:
            return own
        file = files.get_file_from_path(target) if files else None
        if not file or file.generated_by or not file.abs_src_path:
            return None
        key = page_version(file)
        if key not in _FILE_ANCHORS:
            _FILE_ANCHORS[key] = anchors_in(file.content_string)
        return _FILE_ANCHORS[key]

    return anchors_of
