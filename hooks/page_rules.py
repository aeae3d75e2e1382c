"""The page rules of AUTHORING.md, checked by the build with the thresholds of mkdocs.yml.

Reads `extra: guide_rules:` in mkdocs.yml (one block of settings; a fork may relax any of
them), the section and chapter pages, and data/glossary.yml. Writes nothing. Events:
- on_config: read the settings (a wrong value fails the build, naming the setting);
- on_page_markdown (priority 95: before mkdocs-quiz turns quizzes into HTML, after the
  instructor notes are left out of a student build): words of prose, learning objectives,
  H2 ids, worked example, closing parts, reflection questions, questions per page;
- on_page_context (priority -60: after hooks/concepts.py has marked the terms): distinct
  glossary terms marked on the page; then one warning per page listing everything it lacks
  (file, what is missing, what to do), so that `--strict` fails with every problem at once;
- on_post_build: warn about a glossary term that never appears on its `introduced_in` page.

`rules_from(extra)` and the `*_problems` functions are pure: tests/test_content.py reads
the same settings through them.
"""

from __future__ import annotations

import re
from pathlib import Path

from shared.glossary_data import GLOSSARY_FILE, load_glossary, term_anchor
from shared.guide_data import data_file
from shared.instructor_notes import strip_instructor_notes
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from shared.page_outline import is_chapter_page, is_section_page, outline
from shared.quiz_source import QUIZ
from shared.box_titles import OBJECTIVES, WORKED_EXAMPLE as WORKED_EXAMPLE_TITLES, any_of

log = get_plugin_logger("page_rules")
SETTINGS = "mkdocs.yml, extra.guide_rules"

# Today's rules; mkdocs.yml's `extra: guide_rules:` overrides any of them.
DEFAULT_RULES = {
    "min_words": 800,                       # words of prose on a section page, quizzes left out
    "objectives": {"min": 3, "max": 5},     # items in the "Learning objectives" box
    "min_questions": 5,                     # quiz questions on a section page
    "min_chapter_questions": 4,             # quiz questions on a chapter overview (index.md)
    "min_marked_terms": 5,                  # distinct glossary terms the build marks on a section page
    "reflection_questions": {"min": 2, "max": 3},
    "worked_example": True,                 # a `!!! example "Worked example ..."` box
    "closing_parts": ["key-takeaways", "reflection-questions", "check-your-understanding"],
    "explicit_h2_ids": True,                # every `## Heading { #id }`
}

# !!! abstract "Learning objectives"  followed by its indented lines
OBJECTIVES_BOX = re.compile(r'^!!! abstract "' + any_of(OBJECTIVES) + r'"[ \t]*\n((?:[ \t]{4}.*\n|[ \t]*\n)+)', re.M)
OBJECTIVE_ITEM = re.compile(r"^[ \t]{4}- ", re.M)
WORKED_EXAMPLE = re.compile(r'^[!?]{3}\+?[ \t]+example[ \t]+"' + any_of(WORKED_EXAMPLE_TITLES), re.M)
NUMBERED_ITEM = re.compile(r"^\d+\.[ \t]", re.M)
H2_LINE = re.compile(r"^##[ \t]+(?!#)(?P<title>.*)$", re.M)
EXPLICIT_ID = re.compile(r"\{[^}]*#[\w-]+[^}]*\}[ \t]*$")
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.M | re.S)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MARKED_TERM = re.compile(r'class="gloss-term" href="[^"#]*#([\w-]+)"')

rules: dict = dict(DEFAULT_RULES)
root = Path(".")
pending: dict[str, list[str]] = {}      # page -> problems found in its Markdown
marked_on: dict[str, set[str]] = {}     # page -> anchors of the terms marked on it


# ---------- settings


def rules_from(extra: dict | None) -> dict:
    """The rules in force: DEFAULT_RULES with `extra.guide_rules` laid over them (other
    sub-blocks of guide_rules, such as `question_bank:`, belong to other checks)."""
    given = dict((extra or {}).get("guide_rules") or {})
    merged = {}
    for name, default in DEFAULT_RULES.items():
        value = given.get(name, default)
        if isinstance(default, dict):
            value = {**default, **(value or {})}
        merged[name] = value
    problems = [f"{name}: {merged[name]!r} should be {_kind(default)}"
                for name, default in DEFAULT_RULES.items() if not _same_kind(merged[name], default)]
    # a misspelt rule would be silently ignored; sub-blocks (question_bank:, ...) are other checks'
    problems += [f'unknown rule "{name}" (the rules are: {", ".join(DEFAULT_RULES)})'
                 for name, value in given.items() if name not in DEFAULT_RULES and not isinstance(value, dict)]
    if problems:
        raise PluginError(f"{SETTINGS}: " + "; ".join(problems) + ". See AUTHORING.md, \"Page rules\".")
    return merged


def _same_kind(value, default) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if isinstance(default, dict):
        return all(_same_kind(value.get(k), v) for k, v in default.items())
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


def _kind(default) -> str:
    return {bool: "true or false", int: "a whole number (0 or more)", list: "a list of heading ids",
            dict: "{min: N, max: N}"}[type(default)]


# ---------- pure checks


def prose_words(markdown: str) -> int:
    """Words a student reads as prose: no quizzes, code, HTML tags, link targets or ids."""
    text = QUIZ.sub(" ", markdown)
    text = FENCED.sub(" ", text)
    text = re.sub(r"<[^>]+>|\]\([^)]*\)|\{[^}]*\}", " ", text)
    return len(WORD.findall(text))


def objectives_in(markdown: str) -> int | None:
    """How many items the "Learning objectives" box holds (None: no box)."""
    box = OBJECTIVES_BOX.search(markdown)
    return len(OBJECTIVE_ITEM.findall(box[1])) if box else None


def reflection_questions_in(markdown: str, src_uri: str = "page.md") -> int:
    parts = {part.anchor: part.text for part in outline(src_uri, markdown).parts}
    return len(NUMBERED_ITEM.findall(parts.get("reflection-questions", "")))


def section_problems(markdown: str, rules: dict, src_uri: str = "page.md") -> list[str]:
    """What a section page lacks under `rules` (each item: what is missing, what to do), read
    as students get it: without its instructor notes."""
    markdown = strip_instructor_notes(markdown)
    problems = []
    words = prose_words(markdown)
    if words < rules["min_words"]:
        problems.append(f"{words} words of prose (quizzes left out); the minimum is {rules['min_words']} "
                        "(min_words): develop the explanations or add an example")
    low, high = rules["objectives"]["min"], rules["objectives"]["max"]
    count = objectives_in(markdown)
    if count is None and high:
        problems.append('no "Learning objectives" box: open the page with `!!! abstract "Learning objectives"` '
                        f"holding {low} to {high} items")
    elif count is not None and not low <= count <= high:
        problems.append(f"{count} learning objectives; {low} to {high} are expected (objectives): "
                        + ("add the missing ones" if count < low else "merge or drop some"))
    if rules["explicit_h2_ids"]:
        for title in _h2_without_id(markdown):
            problems.append(f'heading "## {title}" has no explicit id: write it `## {title} {{ #a-stable-id }}`')
    if rules["worked_example"] and not WORKED_EXAMPLE.search(markdown):
        problems.append('no worked example: add a `!!! example "Worked example (fictional)"` box '
                        "with a stronger and a weaker response")
    problems += _closing_problems(markdown, rules, src_uri)
    return problems + _question_problems(markdown, rules["min_questions"], "min_questions")


def chapter_problems(markdown: str, rules: dict) -> list[str]:
    """What a chapter overview (index.md) lacks under `rules`."""
    return _question_problems(markdown, rules["min_chapter_questions"], "min_chapter_questions")


def marked_terms_problem(count: int, rules: dict) -> list[str]:
    if count >= rules["min_marked_terms"]:
        return []
    return [f"{count} glossary terms marked; the minimum is {rules['min_marked_terms']} (min_marked_terms): "
            f"use the guide's terms in the prose, or add the page's key terms to {GLOSSARY_FILE}"]


def _h2_without_id(markdown: str) -> list[str]:
    text = FENCED.sub(" ", markdown)
    return [m["title"].strip() for m in H2_LINE.finditer(text) if not EXPLICIT_ID.search(m["title"])]


def _closing_problems(markdown: str, rules: dict, src_uri: str) -> list[str]:
    wanted = rules["closing_parts"]
    if not wanted:
        return []
    anchors = [part.anchor for part in outline(src_uri, markdown).parts if part.anchor]
    problems = []
    if anchors[-len(wanted):] != wanted:
        problems.append("the page should end with the parts " + ", ".join(f"#{a}" for a in wanted)
                        + f", in that order (closing_parts); its last parts are "
                        + (", ".join(f"#{a}" for a in anchors[-len(wanted):]) or "none"))
    if "reflection-questions" in wanted:
        low, high = rules["reflection_questions"]["min"], rules["reflection_questions"]["max"]
        count = reflection_questions_in(markdown, src_uri)
        if not low <= count <= high:
            problems.append(f"{count} reflection questions; {low} to {high} are expected (reflection_questions), "
                            "as a numbered list under ## Reflection questions { #reflection-questions }")
    return problems


def _question_problems(markdown: str, minimum: int, setting: str) -> list[str]:
    count = len(QUIZ.findall(FENCED.sub(" ", markdown)))
    if count >= minimum:
        return []
    return [f"{count} quiz questions; the minimum is {minimum} ({setting}): add `<quiz>` blocks "
            "under ## Check your understanding (AUTHORING.md shows the three types)"]


# ---------- events


def on_config(config):
    global rules, root, pending, marked_on
    rules = rules_from(config.extra)
    root = Path(config.config_file_path).parent
    pending, marked_on = {}, {}


@event_priority(95)
def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    if page.file.generated_by:
        return markdown
    if is_section_page(uri):
        pending[uri] = section_problems(markdown, rules, uri)
    elif is_chapter_page(uri):
        pending[uri] = chapter_problems(markdown, rules)
    return markdown


@event_priority(-60)  # after hooks/concepts.py (-50) has marked the terms
def on_page_context(context, page, config, nav):
    uri = page.file.src_uri
    if uri not in pending:
        return context
    marked = set(MARKED_TERM.findall(page.content or ""))
    marked_on[uri] = marked
    problems = pending.pop(uri)
    if is_section_page(uri):
        problems += marked_terms_problem(len(marked), rules)
    if problems:
        log.warning(f"docs/{uri} does not meet the page rules ({SETTINGS}; see AUTHORING.md):\n  - "
                    + "\n  - ".join(problems))
    return context


def on_post_build(config):
    """A term introduced on a page that never uses it: its "introduced in" link misleads."""
    absent = [entry for entry in load_glossary(root)
              if entry["introduced_in"] in marked_on
              and term_anchor(entry["term"]) not in marked_on[entry["introduced_in"]]]
    if absent:
        log.warning(f"{data_file(GLOSSARY_FILE)}: term(s) that never appear on their introduced_in page:\n  - "
                    + "\n  - ".join(f'entry "{e["term"]}", line {e.line}: not found in the prose of '
                                    f'docs/{e["introduced_in"]}' for e in absent)
                    + "\nUse the term (or one of its `forms`) in that page's prose, or set introduced_in "
                      "to the section that teaches it.")
