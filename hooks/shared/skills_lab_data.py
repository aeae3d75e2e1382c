"""Load and check the skills lab's data: response exercises and branching conversations.

Reads: data/skills-lab/exercises.yml (skills with what each level means for them, difficulties,
the five levels' names, exercises) and
data/skills-lab/conversations.yml. Writes: nothing. Uses no MkDocs event: hooks/skills_lab.py
calls `load_lab(root)` from on_config and `check_links(lab, outlines)` from on_files.

Every problem is reported at once as a DataFileError (a PluginError) naming the file, the
exercise or the step, the YAML line and the fix: a model without a level or an explanation,
a level outside 1-5, an unknown skill or difficulty, a choice pointing to a missing step, a
step no path reaches, a cycle (a path that never reaches an ending), a step reached by a path
that skips a flag it `requires` (a debrief claiming what that path never did, with the path),
an ending without an outcome, a link to a page or a heading the guide does not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.guide_data import Field, LineDict, check_fields, data_file, load_entries, raise_if_problems, read_yaml

EXERCISES_FILE = "data/skills-lab/exercises.yml"
CONVERSATIONS_FILE = "data/skills-lab/conversations.yml"
LEVELS = range(1, 6)  # five levels, on the pattern of Carkhuff's scale: how well a response does its skill
MODELS_PER_EXERCISE = range(3, 6)
VERDICTS = ("helpful", "partly", "unhelpful")
OUTCOMES = ("best", "workable", "weak")  # an ending's outcome, named to the student when reached
# an id that is safe in an element id and a storage key: "paraphrase-bus-driver"
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# where the guide teaches something: "04-skills/active-listening.md#paraphrase"
TEACHES = re.compile(r"^(?P<page>[\w./-]+\.md)#(?P<anchor>[\w-]+)$")

SKILL_FIELDS = {
    "id": Field(str, hint="a short id used by exercises, e.g. paraphrase"),
    "name": Field(str, hint="the skill's name as students read it"),
    "teaches": Field(str, hint="the page and heading that teach it, e.g. 04-skills/active-listening.md#paraphrase"),
    "levels": Field(list, hint="five sentences, for levels 1 to 5: how well a response does this skill at each level"),
}
DIFFICULTY_FIELDS = {
    "id": Field(str, hint="a short id used by exercises, e.g. starter"),
    "name": Field(str, hint="the heading on the Skills lab page"),
}
LEVEL_FIELDS = {
    "level": Field(int, hint="1 to 5"),
    "name": Field(str, hint="a few words, e.g. Does what the skill asks"),
}
EXERCISE_FIELDS = {
    "id": Field(str, hint="a unique id in lower case with hyphens; it keys the student's saved work"),
    "skill": Field(str, hint="the id of one of the skills above"),
    "difficulty": Field(str, hint="the id of one of the difficulties above"),
    "context": Field(str, hint="one or two sentences: who the person is, where, what is going on"),
    "client": Field(str, hint="what the person says, in their own words"),
    "models": Field(list, hint="3 to 5 model responses, each with level, response and why", text_items=False),
}
MODEL_FIELDS = {
    "level": Field(int, hint="how well it does the skill, 1 to 5 (see the skill's levels)"),
    "response": Field(str, hint="the helper's words"),
    "why": Field(str, hint="one or two sentences on why it sits at that level"),
}
CONVERSATION_FIELDS = {
    "id": Field(str, hint="a unique id in lower case with hyphens"),
    "title": Field(str, hint="what the conversation practises"),
    "client_name": Field(str, hint="the client's first name, shown before their words"),
    "context": Field(str, hint="the setting, in one to three sentences"),
    "start": Field(str, hint="the id of the first step"),
    "steps": Field(dict, hint="the steps, each under its id"),
}
# Flags: what has happened so far on a path ("limits-explained"). A step or a choice `sets`
# them; a step `requires` them, and the build walks every path to check that each path into
# the step set them (a debrief may only claim what every path into its ending did).
SETS = Field(list, required=False, hint="flags this sets when reached or chosen, e.g. [limits-explained]")
REQUIRES = Field(list, required=False, hint="flags every path into this step must have set, e.g. [limits-explained]")
DECISION_FIELDS = {
    "client": Field(str, hint="what the client says at this step"),
    "choices": Field(list, hint="the helper's possible responses", text_items=False),
    "sets": SETS,
    "requires": REQUIRES,
}
ENDING_FIELDS = {
    "client": Field(str, hint="what the client says last"),
    "debrief": Field(str, hint="two or three sentences on what this ending shows"),
    "outcome": Field(str, hint="how good this ending is: " + ", ".join(OUTCOMES)),
    "sets": SETS,
    "requires": REQUIRES,
}
CHOICE_FIELDS = {
    "say": Field(str, hint="the helper's words"),
    "verdict": Field(str, hint=" or ".join(VERDICTS)),
    "feedback": Field(str, hint="names the skill or the mistake, in one or two sentences"),
    "teaches": Field(str, hint="where the guide teaches it: page.md#heading-id"),
    "next": Field(str, hint="the id of the step this choice leads to"),
    "sets": SETS,
}
MAX_PATHS = 20000  # a conversation with more paths than this is refused (the walk would be slow)


@dataclass
class Lab:
    skills: list[LineDict]
    difficulties: list[LineDict]
    levels: list[LineDict]
    exercises: list[LineDict]
    conversations: list[LineDict]

    def skill(self, skill_id: str) -> LineDict:
        return next(s for s in self.skills if s["id"] == skill_id)


def load_lab(root: Path) -> Lab:
    """Both files, checked (every problem of a file reported at once)."""
    skills, difficulties, levels, exercises = load_exercises(root)
    return Lab(skills, difficulties, levels, exercises, load_conversations(root))


def load_exercises(root: Path):
    path = root / data_file(EXERCISES_FILE)
    document = read_yaml(path, root)  # parsed once for its four lists
    skills = load_entries(path, root, SKILL_FIELDS, "id", "skills", _check_skills, noun="skill", document=document)
    difficulties = load_entries(path, root, DIFFICULTY_FIELDS, "id", "difficulties", _check_ids, noun="difficulty",
                                document=document)
    levels = load_entries(path, root, LEVEL_FIELDS, "name", "levels", _check_levels, noun="level", document=document)

    def check(entries, label):
        known_skills = {s["id"] for s in skills}
        known_difficulties = {d["id"] for d in difficulties}
        problems = _check_ids(entries, label)
        for i, exercise in enumerate(entries):
            where = label(i, exercise)
            if exercise["skill"] not in known_skills:
                problems.append(f'{where}: unknown skill "{exercise["skill"]}". Use one of: '
                                f'{", ".join(sorted(known_skills))}, or add it under `skills:`.')
            if exercise["difficulty"] not in known_difficulties:
                problems.append(f'{where}: unknown difficulty "{exercise["difficulty"]}". Use one of: '
                                f'{", ".join(sorted(known_difficulties))}.')
            problems += _check_models(exercise["models"], where)
        return problems

    exercises = load_entries(path, root, EXERCISE_FIELDS, "id", "exercises", check, noun="exercise", document=document)
    return skills, difficulties, levels, exercises


def _check_ids(entries: list, label) -> list[str]:
    return [f'{label(i, e)}: id "{e["id"]}" may hold only lower-case letters, digits and single hyphens '
            '(e.g. paraphrase-bus-driver).' for i, e in enumerate(entries) if not ID.match(e["id"])]


def _check_skills(entries: list, label) -> list[str]:
    problems = _check_ids(entries, label)
    for i, skill in enumerate(entries):
        if len(skill["levels"]) != len(LEVELS):
            problems.append(f'{label(i, skill)}: {len(skill["levels"])} sentences under `levels:`; give five, one for '
                            "each level from 1 to 5, saying how well a response does this skill at that level.")
    return problems


def _check_levels(entries: list, label) -> list[str]:
    found = [e["level"] for e in entries]
    if sorted(found) != list(LEVELS):
        return [f"levels: found {found}; list each of the levels 1, 2, 3, 4 and 5 once, in order."]
    return []


def _level_problem(level: Any, where: str) -> list[str]:
    if isinstance(level, int) and not isinstance(level, bool) and level in LEVELS:
        return []
    return [f"{where}: level {level!r} is outside the scale; use a whole number from 1 to 5."]


def _check_models(models: list, where: str) -> list[str]:
    if len(models) not in MODELS_PER_EXERCISE:
        return [f"{where}: {len(models)} model responses; give 3 to 5 (include tempting weak ones)."]
    problems = []
    for n, model in enumerate(models, 1):
        at = f"{where}, model {n}" + (f" (line {model.line})" if isinstance(model, LineDict) else "")
        problems += check_fields(model, MODEL_FIELDS, at)
        if isinstance(model, dict) and isinstance(model.get("level"), int):
            problems += _level_problem(model["level"], at)
    return problems


def load_conversations(root: Path) -> list[LineDict]:
    path = root / data_file(CONVERSATIONS_FILE)

    def check(entries, label):
        problems = _check_ids(entries, label)
        for i, conversation in enumerate(entries):
            problems += check_steps(conversation, label(i, conversation))
        return problems

    return load_entries(path, root, CONVERSATION_FIELDS, "id", "conversations", check, noun="conversation")


def is_ending(step: Any) -> bool:
    return isinstance(step, dict) and "debrief" in step


def check_steps(conversation: LineDict, where: str) -> list[str]:
    """Each step's fields, each choice's target, then the paths: all reachable, none circular."""
    steps = conversation["steps"]
    problems = []
    for step_id, step in steps.items():
        at = f'{where}, step "{step_id}"' + (f" (line {step.line})" if isinstance(step, LineDict) else "")
        if not ID.match(str(step_id)):
            problems.append(f"{at}: step ids may hold only lower-case letters, digits and single hyphens.")
        problems += check_fields(step, ENDING_FIELDS if is_ending(step) else DECISION_FIELDS, at)
        problems += _flag_name_problems(step, at)
        if is_ending(step) and isinstance(step.get("outcome"), str) and step["outcome"] not in OUTCOMES:
            problems.append(f'{at}: outcome "{step["outcome"]}" should be one of {", ".join(OUTCOMES)}.')
        choices = step.get("choices") if isinstance(step, dict) else None
        for n, choice in enumerate(choices if isinstance(choices, list) else [], 1):
            problems += _check_choice(choice, f"{at}, choice {n}" + (f" (line {choice.line})" if isinstance(choice, LineDict) else ""), steps)
    if conversation["start"] not in steps:
        problems.append(f'{where}: start "{conversation["start"]}" is not a step. Use one of: {", ".join(steps)}.')
    if problems:
        return problems
    problems = _check_paths(conversation, where)
    return problems or _check_flags(conversation, where)


def _check_choice(choice: Any, at: str, steps: dict) -> list[str]:
    problems = check_fields(choice, CHOICE_FIELDS, at)
    if not isinstance(choice, dict):
        return problems
    if isinstance(choice.get("next"), str) and choice["next"] not in steps:
        problems.append(f'{at}: next "{choice["next"]}" is not a step of this conversation. '
                        f'Steps: {", ".join(steps)}. Fix `next:` or add the step.')
    if isinstance(choice.get("verdict"), str) and choice["verdict"] not in VERDICTS:
        problems.append(f'{at}: verdict "{choice["verdict"]}" should be one of {", ".join(VERDICTS)}.')
    problems += _flag_name_problems(choice, at)
    if isinstance(choice.get("teaches"), str) and not TEACHES.match(choice["teaches"]):
        problems.append(f'{at}: teaches "{choice["teaches"]}" should be page.md#heading-id, '
                        "e.g. 04-skills/active-listening.md#paraphrase.")
    return problems


def _check_paths(conversation: LineDict, where: str) -> list[str]:
    """Every step reachable from the start, and no cycle: then every path ends at an ending."""
    steps = conversation["steps"]
    state: dict[str, str] = {}  # step -> "open" while on the current path, "done" after
    problems: list[str] = []

    def visit(step_id: str, path: list[str]) -> None:
        state[step_id] = "open"
        for choice in steps[step_id].get("choices") or []:
            target = choice["next"]
            if state.get(target) == "open":
                loop = " -> ".join(path[path.index(target):] + [step_id, target]) if target in path else f"{step_id} -> {target}"
                problems.append(f'{where}, step "{step_id}" (line {_line(steps[step_id])}): a choice leads back to '
                                f'"{target}" ({loop}), so a path can go round without reaching an ending. '
                                "Point that choice forward to a later step or an ending.")
            elif target not in state:
                visit(target, path + [step_id])
        state[step_id] = "done"

    visit(conversation["start"], [])
    for step_id, step in steps.items():
        if step_id not in state:
            problems.append(f'{where}, step "{step_id}" (line {_line(step)}): no path from the start reaches it. '
                            "Point a choice to it with `next:`, or remove it.")
    return problems


def _flag_name_problems(entry: Any, at: str) -> list[str]:
    problems = []
    for name in ("sets", "requires"):
        flags = entry.get(name) if isinstance(entry, dict) else None
        for flag in flags if isinstance(flags, list) else []:
            if isinstance(flag, str) and not ID.match(flag):
                problems.append(f'{at}: flag "{flag}" in `{name}:` may hold only lower-case letters, digits and '
                                "single hyphens, e.g. limits-explained.")
    return problems


def paths(conversation: dict):
    """Every path from the start to an ending: [(step id, index of the choice taken or None)]."""
    steps = conversation["steps"]

    def walk(step_id: str, path: list):
        choices = steps[step_id].get("choices") or []
        if not choices:
            yield path + [(step_id, None)]
        for n, choice in enumerate(choices):
            yield from walk(choice["next"], path + [(step_id, n)])

    return walk(conversation["start"], [])


def describe_path(conversation: dict, path: list) -> str:
    """"opening (choice 2) -> promised (choice 3) -> goals": choices numbered as in the file."""
    return " -> ".join(f"{step} (choice {n + 1})" if n is not None else step for step, n in path)


def _check_flags(conversation: LineDict, where: str) -> list[str]:
    """Walk every path: each step's `requires` must have been set earlier on every path into it.
    One message per step and missing flag, naming the first path that skips it."""
    steps = conversation["steps"]
    set_anywhere = {f for s in steps.values() for f in s.get("sets") or []}
    set_anywhere |= {f for s in steps.values() for c in s.get("choices") or [] for f in c.get("sets") or []}
    problems, reported = [], set()
    for step_id, step in steps.items():
        for flag in step.get("requires") or []:
            if flag not in set_anywhere:
                reported.add((step_id, flag))
                kind = "ending" if is_ending(step) else "step"
                problems.append(f'{where}, {kind} "{step_id}" (line {_line(step)}): requires "{flag}", but no step or '
                                f"choice of this conversation sets it. Add `sets: [{flag}]` to the step or choice "
                                "where it happens, or fix the name.")
    for count, path in enumerate(paths(conversation), 1):
        if count > MAX_PATHS:
            problems.append(f"{where}: more than {MAX_PATHS} paths from the start to an ending; the build cannot "
                            "check them all. Split the conversation, or let more choices share a step.")
            break
        flags: set[str] = set()
        for i, (step_id, n) in enumerate(path):
            step = steps[step_id]
            for flag in step.get("requires") or []:
                if flag not in flags and (step_id, flag) not in reported:
                    reported.add((step_id, flag))
                    kind = "ending" if is_ending(step) else "step"
                    problems.append(
                        f'{where}, {kind} "{step_id}" (line {_line(step)}): requires "{flag}", but the path '
                        f"{describe_path(conversation, path[:i] + [(step_id, None)])} never sets it. What the client says there"
                        f"{' and the debrief' if is_ending(step) else ''} may only take for granted what every "
                        f"path into it did: point a choice of that path elsewhere, add `sets: [{flag}]` to a step "
                        f"or choice of it where that really happens, or rewrite the step and drop the flag from "
                        "`requires:`.")
            flags.update(step.get("sets") or [])
            if n is not None:
                flags.update(step["choices"][n].get("sets") or [])
    return problems


def _line(entry: Any) -> int | str:
    return entry.line if isinstance(entry, LineDict) else "?"


def teaching_links(lab: Lab) -> list[tuple[str, str, str]]:
    """Every link the lab makes into the guide: (where it is written, page, anchor)."""
    links = [(f'{EXERCISES_FILE}, skill "{s["id"]}" (line {s.line})', s["teaches"]) for s in lab.skills]
    for c in lab.conversations:
        for step_id, step in c["steps"].items():
            for n, choice in enumerate(step.get("choices") or [], 1):
                links.append((f'{CONVERSATIONS_FILE}, conversation "{c["id"]}", step "{step_id}", choice {n} '
                              f"(line {_line(choice)})", choice["teaches"]))
    found = []
    for where, target in links:
        match = TEACHES.match(target)
        if not match:
            found.append((where, target, ""))
        else:
            found.append((where, match["page"], match["anchor"]))
    return found


def check_links(lab: Lab, outlines: dict) -> None:
    """Every `teaches:` names a section page of the guide and a heading id on it."""
    problems = []
    for where, page, anchor in teaching_links(lab):
        outline = outlines.get(page)
        if not anchor:
            problems.append(f'{where}: teaches "{page}" should be page.md#heading-id.')
        elif outline is None:
            problems.append(f'{where}: page "{page}" is not a section page of the guide. '
                            "Give the path under docs/, e.g. 04-skills/active-listening.md.")
        elif anchor not in outline.anchors:
            problems.append(f'{where}: "#{anchor}" is not a heading of docs/{page}. '
                            f'Headings there: {", ".join(sorted(outline.anchors))}.')
    raise_if_problems(problems, "the skills lab's data")


def depth(conversation: dict) -> int:
    """The most decision points on one path from the start to an ending."""
    steps = conversation["steps"]

    def longest(step_id: str) -> int:
        choices = steps[step_id].get("choices") or []
        return 0 if not choices else 1 + max(longest(c["next"]) for c in choices)

    return longest(conversation["start"])

