"""Learning objectives and the questions that check them, read from the pages' Markdown.

Pure functions, no MkDocs events: hooks/objectives.py checks the rules and the bank's cues,
hooks/objective_progress.py shows mastery by objective on "My progress", and
hooks/print_page.py prints each question's objective in the answer key.

    !!! abstract "Learning objectives"
        - rate helper responses on Carkhuff's scale <!-- objective: rate-empathy -->   <- an objective

    <quiz>
    <!-- objectives: rate-empathy, define-empathy -->                                  <- what a question checks
    A client says...

On a chapter overview (index.md) a question may name an objective of a section page of the
same chapter as `<page-file-stem>/<id>`: `empathy-and-trust/rate-empathy`.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from shared.page_outline import is_chapter_page, mask_fenced_code, outline
from shared.quiz_source import QUIZ, QuizParts, parse_quiz
from shared.box_titles import OBJECTIVES, any_of

# '!!! abstract "Learning objectives"' (or a collapsible '??? abstract "Learning objectives"')
OBJECTIVES_BOX = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+\w+[ \t]+"' + any_of(OBJECTIVES) + r'"[ \t]*$')
# '    - rate helper responses ... <!-- objective: rate-empathy -->'
BOX_ITEM = re.compile(r"^(?P<indent>[ \t]+)[-*+][ \t]+(?P<text>.*)$")
OBJECTIVE_ID = re.compile(r"<!--[ \t]*objective:[ \t]*(?P<id>.*?)[ \t]*-->")
# '<!-- objectives: rate-empathy, empathy-and-trust/define-empathy -->' as a quiz's first line
QUIZ_OBJECTIVES = re.compile(r"^[ \t]*<!--[ \t]*objectives:(?P<refs>.*?)-->[ \t]*$")
REF_SEPARATOR = re.compile(r"[\s,]+")
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# '[Carkhuff's levels](#levels-of-empathy)' or '[2.2](empathy-and-trust.md#levels-of-empathy)'
LINK_TARGET = re.compile(r"\]\((?!https?:|mailto:)(?P<path>[^)#\s]*?\.md)?#(?P<anchor>[\w-]+)\)")
ID_FORM = "lower case letters, digits and hyphens, e.g. rate-empathy"


@dataclass
class Objective:
    page: str          # src path of the page whose box holds it
    id: str
    text: str          # as written, without the id comment (Markdown)
    line: int

    @property
    def key(self) -> str:
        """Unique in the guide: 02-foundations/empathy-and-trust.md#rate-empathy."""
        return f"{self.page}#{self.id}"

    @property
    def label(self) -> str:
        """Short and unique in the guide, for an LMS: empathy-and-trust/rate-empathy
        (an overview's own objectives: 02-foundations/rate-empathy)."""
        return f"{page_stem(self.page)}/{self.id}"


@dataclass
class Question:
    page: str
    number: int        # 1-based, in page order (mkdocs-quiz's id is quiz-{number - 1})
    line: int
    refs: list[str]    # the objectives as named in the quiz
    parts: QuizParts
    named: bool        # the quiz has an objectives line
    objectives: list[str] = field(default_factory=list)  # resolved keys (Objective.key)


@dataclass
class Bank:
    """Every objective and question of the guide, and what is wrong with them."""

    objectives: dict[str, Objective] = field(default_factory=dict)  # by key, in page order
    questions: list[Question] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # objective key -> the questions that check it, in page order; filled by read_bank, so
    # that asking for each objective's questions is not a scan of the whole bank each time
    checked_by: dict[str, list[Question]] = field(default_factory=dict)

    def questions_of(self, key: str) -> list[Question]:
        return list(self.checked_by.get(key, []))

    def page_questions(self, page: str) -> list[Question]:
        return [q for q in self.questions if q.page == page]


def page_stem(src_uri: str) -> str:
    """The name a page's objectives go by: its file stem, or its chapter folder for index.md."""
    folder, _, name = src_uri.rpartition("/")
    return folder.rpartition("/")[2] if name == "index.md" and folder else name[: -len(".md")]


def page_objectives(page: str, source: str) -> tuple[list[Objective], list[str]]:
    """The items of a page's "Learning objectives" box, and the problems with their ids."""
    lines = mask_fenced_code(source).splitlines()
    start = next((i for i, line in enumerate(lines) if OBJECTIVES_BOX.match(line)), None)
    if start is None:
        return [], []
    items: list[tuple[int, list[str]]] = []  # (0-based line, the item's lines)
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line[:1].isspace():
            break  # the box ends at the first line that is not indented
        item = BOX_ITEM.match(line)
        if item and (not items or len(item["indent"].expandtabs(4)) <= _indent(lines[items[-1][0]])):
            items.append((i, [item["text"]]))
        elif items and line.strip():
            items[-1][1].append(line.strip())  # a continuation of the item
    objectives, problems, seen = [], [], {}
    for i, parts in items:
        text = " ".join(parts)
        where = f"docs/{page}, line {i + 1}"
        ids = OBJECTIVE_ID.findall(text)
        plain = OBJECTIVE_ID.sub("", text).strip()
        if not ids:
            problems.append(f'{where}: the objective "{plain[:60]}" has no id; end the item with '
                            f"<!-- objective: some-id --> ({ID_FORM}), unique on the page.")
            continue
        if len(ids) > 1 or not VALID_ID.match(ids[0]):
            problems.append(f'{where}: the objective id "{", ".join(ids)}" is not valid; give the item one id '
                            f"written with {ID_FORM}.")
            continue
        if ids[0] in seen:
            problems.append(f'{where}: the objective id "{ids[0]}" is already used on line {seen[ids[0]]}; '
                            "give each objective of the page its own id.")
            continue
        seen[ids[0]] = i + 1
        objectives.append(Objective(page, ids[0], plain, i + 1))
    return objectives, problems


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def page_questions(page: str, source: str) -> list[Question]:
    """A page's quizzes, in order, with the objectives each names (not yet resolved)."""
    questions = []
    masked = mask_fenced_code(source)
    quiz_line, counted_to = 1, 0  # count the newlines since the last quiz, not from the top each time
    for number, match in enumerate(QUIZ.finditer(masked), start=1):
        quiz_line += source.count("\n", counted_to, match.start())
        counted_to = match.start()
        body = source[match.start("body"):match.end("body")]
        first = next((line for line in body.splitlines() if line.strip()), "")
        named = QUIZ_OBJECTIVES.match(first)
        refs = [ref for ref in REF_SEPARATOR.split(named["refs"]) if ref] if named else []
        if named:
            body = body.replace(first, "", 1)
        questions.append(Question(page, number, quiz_line, refs, parse_quiz(body), bool(named)))
    return questions


def resolve(question: Question, objectives: dict[str, Objective]) -> tuple[list[str], list[str]]:
    """The keys of the objectives a question names, and a problem for each it cannot name."""
    keys, problems = [], []
    where = f"docs/{question.page}, line {question.line} (question {question.number})"
    folder = posixpath.dirname(question.page)
    for ref in question.refs:
        stem, _, bare = ref.rpartition("/")
        if not stem:
            key = f"{question.page}#{ref}"
            if key not in objectives:
                known = ", ".join(o.id for o in objectives.values() if o.page == question.page) or "none"
                problems.append(f'{where}: names the objective "{ref}", which this page\'s "Learning objectives" '
                                f"box does not have (its ids: {known}); name one of them, or add the objective.")
                continue
        elif not is_chapter_page(question.page):
            problems.append(f'{where}: names "{ref}"; a section page\'s questions name objectives of the same '
                            "page, by id alone (only a chapter overview names its sections' objectives as page/id).")
            continue
        else:
            key = f"{folder}/{stem}.md#{bare}"
            if key not in objectives:
                problems.append(f'{where}: names "{ref}", but {folder}/{stem}.md has no objective "{bare}"; '
                                f"name a section page of this chapter by its file name and one of its objective ids.")
                continue
        keys.append(key)
    return keys, problems


def read_bank(sources: dict[str, str]) -> Bank:
    """Objectives and questions of the pages (src path -> Markdown as written), checked:
    every objective has a valid id, unique on its page; every question names at least one
    objective that exists; every objective is checked by at least one question."""
    bank = Bank()
    for page, source in sources.items():
        objectives, problems = page_objectives(page, source)
        bank.problems += problems
        bank.objectives.update((o.key, o) for o in objectives)
        bank.questions += page_questions(page, source)
    for question in bank.questions:
        if not question.named:
            bank.problems.append(
                f"docs/{question.page}, line {question.line} (question {question.number}): names no objective; "
                "make the first line inside <quiz> <!-- objectives: some-id --> with the id of the "
                'objective it checks, from the page\'s "Learning objectives" box.')
            continue
        if not question.refs:
            bank.problems.append(f"docs/{question.page}, line {question.line} (question {question.number}): "
                                 "its objectives line names no id; write <!-- objectives: some-id -->.")
            continue
        question.objectives, problems = resolve(question, bank.objectives)
        bank.problems += problems
        for key in dict.fromkeys(question.objectives):  # once, even if the quiz names it twice
            bank.checked_by.setdefault(key, []).append(question)
    for objective in bank.objectives.values():
        if objective.key not in bank.checked_by:
            bank.problems.append(
                f'docs/{objective.page}, line {objective.line}: the objective "{objective.id}" is checked by no '
                "question; name it in a question's <!-- objectives: ... --> line (or remove the objective).")
    return bank


def teaching_anchor(bank: Bank, key: str, sources: dict[str, str]) -> str:
    """The heading (H2 id) of its page that the explanations of an objective's questions link
    to most often (on a tie, the one linked first); "" when they link to none."""
    page = bank.objectives[key].page
    anchors = _h2_anchors(page, sources[page])
    counts: Counter[str] = Counter()
    for question in bank.questions_of(key):
        for link in LINK_TARGET.finditer(question.parts.explanation):
            target = (posixpath.normpath(posixpath.join(posixpath.dirname(question.page), link["path"]))
                      if link["path"] else question.page)
            if target == page and link["anchor"] in anchors:
                counts[link["anchor"]] += 1
    return counts.most_common(1)[0][0] if counts else ""


# Keyed on the page's text itself (one entry per version of a page, so an edit under
# `mkdocs serve` can never meet a stale one): teaching_anchor is asked once per objective,
# and outlining the page each time was most of hooks/objective_progress.py's cost.
@lru_cache(maxsize=1024)
def _h2_anchors(page: str, source: str) -> frozenset[str]:
    return frozenset(outline(page, source).anchors)


# The bank of the last set of page versions read: hooks/objectives.py, objective_progress.py
# and print_page.py each ask for it in one build; an edit under `mkdocs serve` changes the key.
_BANK: dict[tuple, tuple[Bank, dict[str, str]]] = {}


def guide_bank(files) -> tuple[Bank, dict[str, str]]:
    """The bank of the guide's own pages (none generated), and their sources by src path."""
    from shared.page_outline import page_version

    pages = sorted((f for f in files if f.is_documentation_page() and not f.generated_by), key=lambda f: f.src_uri)
    key = tuple(page_version(f) for f in pages)
    if key not in _BANK:
        sources = {f.src_uri: f.content_string for f in pages}
        _BANK.clear()
        _BANK[key] = (read_bank(sources), sources)
    return _BANK[key]
