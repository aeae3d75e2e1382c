"""One name, one person: the guide's fictional people, kept in data/people.yml.

Every worked example, question, case and Skills lab exercise uses fictional people. A student
who meets "Francine, 44" on one page and "Francine, 66" on another cannot tell whether the
guide forgot its own story; a question that reuses the person of its page's worked example
tests memory of the page, not transfer. So the guide's people are listed once, and the text
is checked against that list:

- a person introduced with an age ("Sylvain, 38," or "Sylvain (38)") or a role ("Olivier, a
  social worker") must be in the list;
- a listed name may appear only in the places its entry gives (a page, or one Skills lab
  exercise or conversation): the same name somewhere else is either the same person (add the
  place) or another person (choose another name);
- an age given in the text must be the entry's age;
- no two entries share a name;
- no question of a page names a person of that page's own worked example.

Pure functions, no MkDocs event: hooks/people.py calls `problems()` at build time,
tools/people.py lists unlisted people as entries to paste, tests call both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shared.box_titles import WORKED_EXAMPLE, any_of

PEOPLE_FILE = "data/people.yml"

# A first name (Zoé, Jean-Philippe), with or without a surname (Julie Roy), or a title and
# surname (Mr. Ouellet, Mme Paquette).
_UPPER, _LOWER = "A-ZÀ-ÖØ-Ý", "a-zà-öø-ÿ"
TITLE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.\s|M\.\s|Mme\s)")
NAME = (rf"{TITLE.pattern}?[{_UPPER}][{_LOWER}]+"
        rf"(?:-[{_UPPER}][{_LOWER}]+)?(?:\s[{_UPPER}][{_LOWER}]+)?")
# "Name, 38," / "Name, 38." / "Name (38)" / "Olivier, a social worker": how the guide introduces
# a person, with an age or a role. Found from what follows the name (a comma or a bracket: a
# pattern that opens with a literal is found fast), then the name just before it. Two digits at
# most and no digit or "(" after, so that "(Rogers, 1957)" and a journal's "Psychotherapy,
# 55(4)" are not people.
AFTER_NAME = re.compile(
    r",\s(?:(?P<age>\d{1,2})(?![\d(])(?=[\s,.;:)!?\u00a0])|(?P<role>an?\s|une?\s)(?=[a-zà-ÿ]))"
    r"|\s\((?P<age2>\d{1,2})\)"
)
NAME_BEFORE = re.compile(rf"(?<![\w.-])(?P<name>{NAME})$")
# Words that open a sentence before ", a" and are never people ("Conversely, a helper...");
# data/people.yml's `not_people` adds a guide's own (a term defined as "Burnout, a ...").
NOT_PEOPLE = frozenset("""
    Again Also Besides Conversely Even Finally First Here However Indeed Instead Later Likewise
    Meanwhile Moreover Next Now Often Otherwise Overall Second Similarly Sometimes Still Then
    There Therefore Third Thus Today Together Yet Québec Canada Montréal
    In At On For By As The This That When While After Before During Since With From Of To
    Ainsi Alors Aussi Autrement Bref Cependant Certes Donc Enfin Ensuite Ici Maintenant Néanmoins
    Parfois Puis Souvent Toutefois Pourtant Sinon Également Finalement Premièrement Deuxièmement
    Troisièmement Dans Par Pour En Au Aux Avec Depuis Lors Selon Comme Quand Malgré Après Avant
    Pendant Plutôt Chez Sur Sous Entre Vers Contre Une Un Le La Les Ce Cette Ces Or Mais Et Ou
""".split())
UNLISTED = -1  # the line of a person met in the text but not in the list
QUIZ_BLOCK = re.compile(r"<quiz>.*?</quiz>", re.S)
WORKED_EXAMPLE = re.compile(
    r'^(?P<indent>[ \t]*)[!?]{3}\+?[ \t]+example[ \t]+"' + any_of(WORKED_EXAMPLE) + r'[^\n]*\n'
    r"(?P<body>(?:(?P=indent)[ \t]+[^\n]*\n|[ \t]*\n)*)",
    re.M,
)


@dataclass(frozen=True)
class Person:
    """One entry of data/people.yml."""

    name: str
    about: str
    places: tuple[str, ...]
    age: int | None = None
    line: int = 0


@dataclass
class Place:
    """A piece of text the people check reads: a page, or one exercise or conversation.

    `place` is how data/people.yml names it ("02-foundations/first-meeting.md",
    "skills-lab/exercises.yml#probe-grief"); `file` and `first_line` place a mention for a
    message; `worked_example` and `quizzes` are set for pages (offsets into `text`)."""

    place: str
    file: str
    text: str
    first_line: int = 1
    worked_example: tuple[int, int] | None = None
    quizzes: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


@dataclass(frozen=True)
class Mention:
    name: str
    age: int | None
    offset: int


def page_place(place: str, file: str, markdown: str) -> Place:
    """A page's text, with where its worked example and its questions are."""
    example = WORKED_EXAMPLE.search(markdown)
    return Place(
        place, file, markdown,
        worked_example=example.span() if example else None,
        quizzes=[m.span() for m in QUIZ_BLOCK.finditer(markdown)],
    )


def name_pattern(names) -> re.Pattern | None:
    """One pattern for every listed name, longest first (Jean-Philippe before Jean)."""
    names = sorted(set(names), key=len, reverse=True)
    if not names:
        return None
    # no look-behind first: a pattern opening with the names themselves is searched far faster;
    # mentions() checks the character before
    return re.compile(r"(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def mentions(text: str, listed: re.Pattern | None, not_people: set[str]) -> list[Mention]:
    """Every person the text names: those introduced with an age, and every listed name."""
    found: dict[int, Mention] = {}
    for phrase in not_people:  # "Jacques Tardif" is a real author, not the guide's Jacques
        if " " in phrase:
            text = text.replace(phrase, " " * len(phrase))
    for m in AFTER_NAME.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        named = NAME_BEFORE.search(before)
        if not named:
            continue
        name = named["name"]
        if name in not_people or name.split()[0] in NOT_PEOPLE:
            continue
        start = m.start() - len(before) + named.start("name")
        age = m["age"] or m["age2"]
        found[start] = Mention(name, int(age) if age else None, start)
    if listed:
        for m in listed.finditer(text):
            at = m.start()
            if at and (text[at - 1].isalnum() or text[at - 1] in "_.-"):
                continue  # inside a longer word or name ("Saint-Louis", "Marc-André")
            found.setdefault(at, Mention(m[1], None, at))
    return sorted(found.values(), key=lambda x: x.offset)


# The same title in the other language: "M. Gagnon" in the French edition is "Mr. Gagnon".
TITLE_EQUIVALENTS = {"Mr. ": ("M. ",), "M. ": ("Mr. ",), "Mrs. ": ("Mme ",), "Ms. ": ("Mme ",),
                     "Mme ": ("Mrs. ", "Ms. "), "Dr. ": ("Dr ", "Dre "), "Dr ": ("Dr. ",), "Dre ": ("Dr. ",)}


def title_variants(name: str) -> list[str]:
    """The name with its title in the other language ("Mr. Gagnon" -> ["M. Gagnon"])."""
    for title, others in TITLE_EQUIVALENTS.items():
        if name.startswith(title):
            return [other + name[len(title):] for other in others]
    return []


def _first_name(name: str) -> str:
    """"Julie Roy" -> "Julie"; a title and surname ("Mr. Ouellet") is its own name."""
    return name if TITLE.match(name) else name.split()[0]


def _describe(person: Person) -> str:
    age = f", {person.age}" if person.age is not None else ""
    return f"{person.name}{age} ({person.about}; {PEOPLE_FILE}, line {person.line})"


def problems(people: list[Person], places: list[Place], not_people=()) -> list[str]:
    """Everything that breaks "one name, one person", each with where and what to do."""
    found: list[str] = []
    by_name: dict[str, Person] = {}
    by_first: dict[str, Person] = {}
    for person in people:
        first_name = _first_name(person.name)
        if first_name in by_first and person.name not in by_name:
            other = by_first[first_name]
            found.append(
                f'{PEOPLE_FILE}, lines {other.line} and {person.line}: "{other.name}" and '
                f'"{person.name}" share the first name {first_name}. One name is one person in the '
                "guide: give one of them another first name, in the text and here."
            )
        by_first.setdefault(first_name, person)
        if person.name in by_name:
            first = by_name[person.name]
            found.append(
                f"{PEOPLE_FILE}, lines {first.line} and {person.line}: two entries named "
                f'"{person.name}". One name is one person in the guide: if they are the same '
                "person, merge the entries; if not, rename one of them in the text and here."
            )
            continue
        by_name[person.name] = person
    aliases = {variant: person for name, person in by_name.items() for variant in title_variants(name)
               if variant not in by_name}
    listed = name_pattern([*by_name, *aliases])
    skip = set(not_people)
    for place in places:
        for mention in mentions(place.text, listed, skip):
            where = f"{place.file}, line {place.line_at(mention.offset)}"
            person = by_name.get(mention.name) or aliases.get(mention.name)
            if person is not None and person.line == UNLISTED:
                continue  # reported where it first appears
            if person is None:
                shown = f"{mention.name}, {mention.age}" if mention.age is not None else mention.name
                found.append(
                    f'{where}: "{shown}" is not in {PEOPLE_FILE}. If this '
                    f"is a new person, add an entry (name, age, about, appears_in: [{place.place}]): "
                    "`python tools/people.py` prints the entries to add. If the name is already "
                    "used in the guide for someone else, choose another first name."
                )
                by_name[mention.name] = Person(mention.name, "?", (place.place,), mention.age, UNLISTED)
                listed = name_pattern([*by_name, *aliases])  # report a new name once per place, not per line
                continue
            if place.place not in person.places:
                found.append(
                    f"{where}: {mention.name} appears here, but {PEOPLE_FILE} gives "
                    f"{_describe(person)} only in: {', '.join(person.places) or 'no place'}. "
                    f'If this is the same person, add "{place.place}" to their appears_in; if '
                    "it is someone else, give them a first name the guide does not use."
                )
            elif mention.age is not None and person.age is not None and mention.age != person.age:
                found.append(
                    f"{where}: {mention.name} is {mention.age} here, but {PEOPLE_FILE} gives "
                    f"{_describe(person)}. One name is one person: correct the age, or give "
                    "this person a first name the guide does not use."
                )
        found += _question_replays_example(place, listed, skip)
    return found


def _question_replays_example(place: Place, listed, skip) -> list[str]:
    """A question that names a person of its own page's worked example."""
    if not place.worked_example or not place.quizzes:
        return []
    start, end = place.worked_example
    in_example = {m.name for m in mentions(place.text[start:end], listed, skip)}
    found = []
    for q_start, q_end in place.quizzes:
        for m in mentions(place.text[q_start:q_end], listed, skip):
            if m.name in in_example:
                found.append(
                    f"{place.file}, line {place.line_at(q_start + m.offset)}: this question names "
                    f"{m.name}, the person of the page's worked example (line "
                    f"{place.line_at(start)}). A question that replays the worked example tests "
                    "memory of the page: give the question a new situation and a new person."
                )
                break
    return found


def unlisted_entries(people: list[Person], places: list[Place], not_people=()) -> dict[str, dict]:
    """People introduced with an age but not listed: name -> {age, appears_in, first seen}."""
    listed = {p.name for p in people}
    entries: dict[str, dict] = {}
    for place in places:
        for m in mentions(place.text, None, set(not_people)):
            if m.name in listed:
                continue
            entry = entries.setdefault(m.name, {"ages": [], "appears_in": [], "seen": []})
            if m.age not in entry["ages"]:
                entry["ages"].append(m.age)
            if place.place not in entry["appears_in"]:
                entry["appears_in"].append(place.place)
                line = place.text[m.offset:].split("\n", 1)[0]
                entry["seen"].append(f"{place.file}:{place.line_at(m.offset)}: {line[:90]}")
    return entries


# Reading the project: the list, the pages and the data files whose text names people.

def load_people(root) -> tuple[list[Person], list[str]]:
    """data/people.yml's entries and its `not_people` words (checked: fields, unique names)."""
    from pathlib import Path

    from shared.guide_data import Field, load_entries, read_yaml

    path = Path(root) / PEOPLE_FILE
    fields = {
        "name": Field(str, hint='the first name as the text writes it ("Zoé", "Mr. Ouellet")'),
        "age": Field(int, required=False, hint="the age the text gives, if it gives one"),
        "about": Field(str, hint="who this person is, in a few words (job, situation)"),
        "appears_in": Field(list, text_items=True, hint=(
            'the places that name this person: a page ("02-foundations/first-meeting.md") or a '
            'Skills lab item ("skills-lab/exercises.yml#EXERCISE-ID")')),
    }
    document = read_yaml(path, Path(root))
    entries = load_entries(path, Path(root), fields, "name", "people", noun="person", document=document)
    people = [Person(e["name"], e["about"], tuple(e["appears_in"]), e.get("age"), e.line) for e in entries]
    return people, list(document.get("not_people") or [])


# The data files whose text names people, as (file under data/, list key or None for the
# whole file). An exercise or conversation is a place of its own.
DATA_PLACES = (
    ("skills-lab/exercises.yml", "exercises"),
    ("skills-lab/conversations.yml", "conversations"),
    ("glossary.yml", None),
    ("comparison.yml", None),
)


def data_places(root) -> list[Place]:
    """The Skills lab's exercises and conversations (one place each) and the other data files."""
    from pathlib import Path

    from shared.guide_data import data_file, read_yaml

    places = []
    for name, list_key in DATA_PLACES:
        path = Path(root) / data_file(f"data/{name}")
        if not path.is_file():
            continue  # a fork without a Skills lab or a comparison
        text = path.read_text(encoding="utf-8")
        file = data_file(f"data/{name}")
        if list_key is None:
            places.append(Place(name, file, text))
            continue
        items = (read_yaml(path, Path(root)) or {}).get(list_key) or []
        lines = text.split("\n")
        starts = [item.line for item in items if hasattr(item, "line")] + [len(lines) + 1]
        for item, start, end in zip(items, starts, starts[1:]):
            places.append(Place(f"{name}#{item.get('id')}", file, "\n".join(lines[start - 1:end - 1]), start))
    return places
