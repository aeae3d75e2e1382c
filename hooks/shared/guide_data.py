"""Load and validate the guide's YAML data files (shared by every hook module).

Reads: any YAML file under data/. Writes: nothing. Uses no MkDocs event itself;
the hook modules call `load_entries()` from their `on_config`.

Every problem found in a file is collected and reported at once, as a
`DataFileError` (a `PluginError`, so MkDocs prints it without a traceback),
naming the file, the entry, the YAML line and what to fix.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml
from mkdocs.exceptions import PluginError

DATA_README = "data/README.md"

# This build's data folder: "data", or "data/fr" for the French edition. Set once per build by
# hooks/language_editions.py (the first hook); every loader reads its file through `data_file`.
_data_folder = "data"


def use_data_folder(folder: str) -> None:
    global _data_folder
    _data_folder = folder


def data_file(relpath: str) -> str:
    """"data/glossary.yml" as this edition's file: "data/fr/glossary.yml" in French."""
    from shared.editions import localized
    return localized(relpath, _data_folder)


class DataFileError(PluginError):
    """A data file the guide cannot use; the message says where and how to fix it."""


class LineDict(dict):
    """A YAML mapping that remembers the line it started on (1-based), and the line of each
    of its fields and of each item of a list field, so that a message can point at the one
    line at fault (a `see_also` item, not the entry's first line)."""

    line: int = 0
    field_lines: dict = {}

    def line_of(self, name: str, item: int | None = None) -> int:
        """The line of field `name` (or of its `item`-th list item); the entry's line if unknown."""
        place = self.field_lines.get(name)
        if isinstance(place, list):
            return place[item] if item is not None and item < len(place) else place[0] if place else self.line
        return place or self.line


# libyaml when available: the same rules, several times faster on the glossary
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that records line numbers and refuses duplicate keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    seen: dict[Any, int] = {}
    field_lines: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None,
                f'key "{key}" appears twice (first on line {seen[key]}); keep one',
                key_node.start_mark,
            )
        seen[key] = line
        field_lines[key] = ([item.start_mark.line + 1 for item in value_node.value]
                            if isinstance(value_node, yaml.SequenceNode) else line)
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.field_lines = field_lines
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


@dataclass(frozen=True)
class Field:
    """One field of a data entry: its type, whether it is required, what it is for."""

    kind: type | tuple[type, ...]
    required: bool = True
    hint: str = ""
    text_items: bool = True  # a list of plain strings; False for a list of mappings (checked by the caller)


def display_path(path: Path, root: Path) -> str:
    """The path as an author sees it: relative to the project folder when possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file, turning parser errors into a message with file and line.

    Several hooks read the same file in one build (data/interface.yml a dozen times): a text
    already parsed is not parsed again. The cache is keyed on the text itself, so an edit
    under `mkdocs serve` is always read; callers must not change what they get."""
    shown = display_path(path, root)
    if not path.is_file():
        raise DataFileError(f"{shown}: file not found. Create it or fix the path; see {DATA_README}.")
    return _parsed(shown, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def _parsed(shown: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataFileError(
            f"{shown}{where}: not valid YAML ({problem}). Check the indentation and quoting "
            f"near that line; see {DATA_README}."
        ) from None


def entry_label(index: int, entry: Any, key_field: str, noun: str = "entry") -> str:
    """'entry 3 ("empathy"), line 12': how messages point at one entry."""
    label = f"{noun} {index + 1}"
    if isinstance(entry, dict) and isinstance(entry.get(key_field), str):
        label += f' ("{entry[key_field]}")'
    if isinstance(entry, LineDict):
        label += f", line {entry.line}"
    return label


def check_fields(entry: Any, fields: dict[str, Field], where: str) -> list[str]:
    """Problems with one entry's fields: not a mapping, missing, empty, wrong type, unknown."""
    if not isinstance(entry, dict):
        return [f"{where}: expected a mapping of fields (key: value), found {type(entry).__name__}."]
    problems = []
    for name, spec in fields.items():
        value = entry.get(name)
        if value is None or (isinstance(value, (str, list)) and not value):
            if spec.required:
                problems.append(f'{where}: missing "{name}" ({spec.hint or "required"}).')
            continue
        if not isinstance(value, spec.kind):
            problems.append(
                f'{where}: "{name}" should be {_kind_name(spec.kind)}, found {type(value).__name__}.'
            )
        elif isinstance(value, list) and spec.text_items and not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f'{where}: every item of "{name}" should be non-empty text.')
        elif isinstance(value, str) and not value.strip():
            problems.append(f'{where}: "{name}" is empty ({spec.hint or "required"}).')
    for name in entry:
        if name not in fields:
            allowed = ", ".join(fields)
            problems.append(f'{where}: unknown field "{name}". Allowed fields: {allowed}.')
    return problems


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", list: "a list", dict: "a mapping", int: "a number", bool: "true or false"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def raise_if_problems(problems: list[str], shown: str) -> None:
    """Fail the build once, listing every problem of a file."""
    if problems:
        listing = "\n  - ".join(problems)
        raise DataFileError(
            f"{shown} has {len(problems)} problem(s):\n  - {listing}\nSee {DATA_README} "
            "for the format of each data file."
        )


def load_entries(
    path: Path,
    root: Path,
    fields: dict[str, Field],
    key_field: str,
    list_key: str,
    extra_checks: Callable[[list[LineDict], Callable[[int, Any], str]], list[str]] | None = None,
    noun: str = "entry",
    document: Any = None,
) -> list[LineDict]:
    """Load `list_key` from a YAML file as a list of validated entries.

    Checks each entry's fields and that `key_field` is unique (case-insensitive);
    `extra_checks(entries, label)` adds file-specific problems. Raises
    DataFileError listing every problem, or returns the entries. `document`: the file
    already parsed by read_yaml(), when several lists are read from one file.
    """
    shown = display_path(path, root)
    if document is None:
        document = read_yaml(path, root)
    if not isinstance(document, dict) or not isinstance(document.get(list_key), list):
        raise DataFileError(
            f'{shown}: expected a top-level "{list_key}:" holding a list of entries; see {DATA_README}.'
        )
    entries = document[list_key]

    def label(i: int, e: Any) -> str:
        return f"{shown}, {entry_label(i, e, key_field, noun)}"

    problems: list[str] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(entries):
        problems += check_fields(entry, fields, label(i, entry))
        key = entry.get(key_field) if isinstance(entry, dict) else None
        if isinstance(key, str) and key.strip():
            folded = key.strip().casefold()
            if folded in seen:
                problems.append(
                    f'{label(i, entry)}: duplicate {key_field} "{key}" (already {seen[folded]}). '
                    "Merge the two entries or rename one."
                )
            else:
                seen[folded] = entry_label(i, entry, key_field, noun)
    if not problems and extra_checks:
        problems += extra_checks(entries, label)
    raise_if_problems(problems, shown)
    return entries


# Characters Markdown would read as markup, as numeric entities ("#" and "&" stay:
# html.escape() has already turned "&", "<", ">" and quotes into entities).
MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "*_`[]{}\\|"})


@lru_cache(maxsize=4096)  # the same titles and terms are escaped hundreds of times a build
def escape_text(text: str) -> str:
    """Text from a data file made inert in Markdown and HTML alike."""
    return html.escape(" ".join(str(text).split()), quote=True).translate(MARKDOWN_SPECIALS)
