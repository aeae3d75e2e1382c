"""The glossary data file (data/glossary.yml): its fields and the rules it must meet.

Pure functions, no MkDocs events; hooks/concepts.py calls `load_glossary()` from
`on_config` and `check_introductions()` from `on_files`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from shared.guide_data import DataFileError, Field, LineDict, data_file, display_path, load_entries
from markdown.extensions.toc import slugify

GLOSSARY_FILE = "data/glossary.yml"

GLOSSARY_FIELDS = {
    "term": Field(str, hint="the English term"),
    "french": Field(str, hint="the Québec French equivalent"),
    "definition": Field(str, hint="one or two sentences in the guide's own words"),
    "forms": Field(list, required=False, hint="other forms matched in the text"),
    "synonyms": Field(list, required=False, hint="other names, listed as 'see' entries"),
    "introduced_in": Field(str, hint="the section page that introduces the term, e.g. 02-foundations/empathy-and-trust.md"),
    "see_also": Field(list, required=False, hint="related terms of this file"),
}


@lru_cache(maxsize=4096)  # called for every link to a term; slugify is slow
def term_anchor(term: str) -> str:
    """The id of a term on the glossary and index pages."""
    return slugify(term, "-")


# In another edition's glossary (data/fr/glossary.yml) `term` is in that language and
# `english` names the English entry's term (it links the two glossaries).
OTHER_EDITION_FIELDS = {**{k: v for k, v in GLOSSARY_FIELDS.items() if k != "french"},
                        "term": Field(str, hint="the term in this edition's language"),
                        "english": Field(str, hint="the English entry's `term`, exactly (data/glossary.yml)")}


def load_glossary(root: Path) -> list[LineDict]:
    """Load and validate data/glossary.yml, or this edition's (raises DataFileError naming every problem).

    Each entry's `french` is the term in the other language, the one shown beside it (glossary,
    cards): a French glossary's `english` is put there, so the pages and decks read one key."""
    path = data_file(GLOSSARY_FILE)
    if path == GLOSSARY_FILE:
        return load_entries(root / path, root, GLOSSARY_FIELDS, "term", "terms", _cross_checks)
    shown = []
    for entry in load_entries(root / path, root, OTHER_EDITION_FIELDS, "term", "terms", _cross_checks):
        copy = LineDict(entry, french=entry["english"])  # a copy: read_yaml() caches the parsed file
        copy.line, copy.field_lines = entry.line, entry.field_lines
        shown.append(copy)
    return shown


def other_language(folder_file: str) -> str:
    """The language of the term shown beside each entry: "fr" in English, "en" in another edition."""
    return "fr" if folder_file == GLOSSARY_FILE else "en"


def _cross_checks(entries: list[LineDict], label: Callable[[int, Any], str]) -> list[str]:
    """Rules between entries: forms unique across the file, anchors unique, see_also known."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    anchors: dict[str, str] = {}
    terms = {entry["term"] for entry in entries}
    for i, entry in enumerate(entries):
        for form in [entry["term"], *entry.get("forms", []), *entry.get("synonyms", [])]:
            key = " ".join(form.split()).casefold()
            if key in owner and owner[key] != entry["term"]:
                problems.append(
                    f'{label(i, entry)}: the form "{form}" also belongs to "{owner[key]}". '
                    "A form can point to one term only; remove it from one entry."
                )
            elif key in owner:
                problems.append(f'{label(i, entry)}: the form "{form}" is listed twice; keep one.')
            owner[key] = entry["term"]
        anchor = term_anchor(entry["term"])
        if anchor in anchors:
            problems.append(
                f'{label(i, entry)}: its anchor "#{anchor}" clashes with "{anchors[anchor]}". '
                "Rename one of the terms."
            )
        anchors[anchor] = entry["term"]
        for n, related in enumerate(entry.get("see_also", [])):
            where = _at_line(label(i, entry), entry, "see_also", n)
            if related not in terms:
                problems.append(
                    f'{where}: see_also names "{related}", which is not a term of this file. '
                    "Use the exact `term` of another entry."
                )
            elif related == entry["term"]:
                problems.append(f'{where}: see_also names the term itself; remove it.')
    return problems


def _at_line(label: str, entry: Any, name: str, item: int | None = None) -> str:
    """An entry's label pointing at the line of one field (or list item) instead of its first."""
    if isinstance(entry, LineDict):
        return re.sub(r", line \d+$", f", line {entry.line_of(name, item)}", label)
    return label


def check_introductions(entries: list[LineDict], section_uris: set[str], root: Path) -> None:
    """Every `introduced_in` must name an existing section page."""
    shown = display_path(root / data_file(GLOSSARY_FILE), root)
    problems = [
        f'{shown}, entry "{entry["term"]}", line {entry.line_of("introduced_in")}: introduced_in names '
        f'"{entry["introduced_in"]}", which is not a section page. Use one of: '
        + ", ".join(sorted(section_uris))
        for entry in entries
        if entry["introduced_in"] not in section_uris
    ]
    if problems:
        raise DataFileError("\n".join(problems))
