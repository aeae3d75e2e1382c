"""Law as it stands: every statute, regulation and code the text cites is a reference with its
chapter and the date of the version read.

A student who reads "the network's statute, c. S-4.2" must be able to tell how old that
reading is. So a legal text is an entry of data/references.yml with three more fields:

    chapter: G-1.021                    # its chapter in the consolidated statutes (CQLR / RLRQ)
    version_read: 2026-11-01            # the "à jour au" date of the consolidated text read
    names: [Act respecting the governance of the health and social services system,
            Loi sur la gouvernance du système de santé et de services sociaux]

and the text is checked against those entries:
- a chapter cited in the text ("CQLR, c. P-34.1", "RLRQ, c. C-26, r. 222.1") must be an
  entry's `chapter`;
- a statute named in the text ("the Youth Protection Act", "Loi sur les services de santé et
  les services sociaux", "Code des professions", "Charter of human rights and freedoms") must
  be one of an entry's `names`;
- a legal entry without `version_read`, or with a date that is not a real past date, fails.

Pure functions, no MkDocs event: hooks/references.py calls them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# "CQLR, c. P-34.1", "RLRQ, c. C-26, r. 222.1", "chapter P-38.001", "(c. L-6.3)"
CHAPTER = re.compile(
    r"(?:\bc\.|\bchapter|\bchapitre)\s*(?P<chapter>[A-Z]{1,4}-\d+(?:\.\d+)*(?:,\s*r\.\s*\d+(?:\.\d+)*)?)"
)
_TITLE_WORD = r"[A-ZÀ-Ý][\w'’-]*"
# "That Act", "The Act": a word that points at a statute, not its title
_NOT_A_TITLE = r"(?!(?:That|This|The|These|Those|Each|Every|Such|Any|Its|An?|Which|Whose|Both|Neither)\s)"
# Titles of statutes, codes and charters as prose names them. Each pattern stops at the end
# of the title's own words; a name in `names` matches when one starts with the other.
STATUTE = re.compile(
    "|".join((
        rf"(?<![\w-]){_NOT_A_TITLE}(?:{_TITLE_WORD}\s+){{1,5}}Act\b(?!\s+(?:respecting|to|on)\b)",  # Youth Protection Act
        r"\bAct (?:respecting|to) [^.,;:()*\[\]\n]+",                         # Act respecting ...
        r"\bLoi (?:sur|concernant|visant|modifiant|relative|favorisant|instituant) [^.,;:()*\[\]\n]+",
        r"\bCode des professions\b",
        r"\bCode de déontologie [^.,;:()*\[\]\n]+",
        r"\bCivil Code(?: of Québec)?\b|\bCode civil(?: du Québec)?\b",
        r"\bProfessional Code\b",
        r"\bChart(?:er|e) (?:of|des) [^.,;:()*\[\]\n]+",
    ))
)


@dataclass(frozen=True)
class LawEntry:
    cite: str
    chapter: str
    names: tuple[str, ...]
    version_read: str | None
    line: int = 0


def normal(text: str) -> str:
    folded = " ".join(text.replace("’", "'").split()).casefold()
    return re.sub(r"^(?:the|la|le|les|l') ?", "", folded)


def normal_chapter(chapter: str) -> str:
    return re.sub(r"\s+", "", chapter).upper()


def entry_problems(entry: LawEntry, today: dt.date, where: str) -> list[str]:
    """A legal entry's own problems: the date of the version read, its names."""
    if not entry.version_read:
        return [f'{where}: a legal text (chapter {entry.chapter}) needs "version_read", the date of '
                'the consolidated version you read (LégisQuébec\'s "à jour au"), e.g. version_read: 2026-11-01.']
    try:
        read = dt.date.fromisoformat(str(entry.version_read))
    except ValueError:
        return [f'{where}: version_read "{entry.version_read}" is not a date; write it as YYYY-MM-DD.']
    if read > today:
        return [f"{where}: version_read {read} is in the future; give the date of the version you read."]
    if not entry.names:
        return [f'{where}: a legal text needs "names", the titles the guide gives it (English and French).']
    return []


# A paragraph that names a statute holds one of these words: the title patterns, which open
# with a look-behind and so are tried at every character, run only on such paragraphs (several
# times faster). Paragraphs, not lines: a wrapped title ("Youth\n  Protection Act") stays whole.
STATUTE_WORDS = ("Act", "Loi", "Code", "Chart")


def statute_mentions(text: str):
    """(offset, kind, what) for every chapter cited and every statute named in `text`."""
    for m in CHAPTER.finditer(text):
        yield m.start(), "chapter", m["chapter"]
    start = 0
    for paragraph in text.split("\n\n"):
        if any(word in paragraph for word in STATUTE_WORDS):
            for m in STATUTE.finditer(paragraph):
                yield start + m.start(), "name", " ".join(m[0].split())
        start += len(paragraph) + 2


@lru_cache(maxsize=8)
def _lookup(laws: tuple[LawEntry, ...]):
    """Each entry's chapter and names, normalized once per list of entries."""
    return ({normal_chapter(law.chapter): law for law in laws},
            [(normal(name), law) for law in laws for name in law.names])


def covering(kind: str, what: str, laws) -> LawEntry | None:
    """The legal entry a mention refers to: by its chapter, or by one of its names."""
    chapters, names = _lookup(tuple(laws))
    if kind == "chapter":
        return chapters.get(normal_chapter(what))
    said = normal(what)
    return next((law for name, law in names if said.startswith(name) or name.startswith(said)), None)


def read_mentions(text: str, laws) -> tuple[list[tuple[int, str, str]], set[str]]:
    """In one pass: the mentions no legal entry covers, and the `cite` of every entry named."""
    unknown, named = [], set()
    for offset, kind, what in statute_mentions(text):
        law = covering(kind, what, laws)
        if law is None:
            unknown.append((offset, kind, what))
        else:
            named.add(law.cite)
    return unknown, named


def unknown_mentions(text: str, laws: list[LawEntry]) -> list[tuple[int, str, str]]:
    """The mentions of `text` that no legal entry covers."""
    return [(offset, kind, what) for offset, kind, what in statute_mentions(text)
            if covering(kind, what, laws) is None]


def mentioned(text: str, laws: list[LawEntry]) -> set[str]:
    """The `cite` of every legal entry the text names or cites by chapter."""
    return {law.cite for _, kind, what in statute_mentions(text) if (law := covering(kind, what, laws))}


def message(file: str, line: int, kind: str, what: str, references_file: str) -> str:
    if kind == "chapter":
        return (f"{file}, line {line}: chapter {what} is cited, but no entry of {references_file} has "
                f"`chapter: {what}`. Add the text (its chapter, names and version_read) or correct the chapter.")
    return (f'{file}, line {line}: "{what}" names a statute or code that no entry of {references_file} '
            "lists in its `names`. Add the title to the entry of that text (or a new entry with its "
            "chapter and version_read).")


def format_date(value: str, months: list[str], pattern: str) -> str:
    """'2026-11-01' in the page's words: pattern "{day} {month} {year}" and month names."""
    date = dt.date.fromisoformat(str(value))
    return pattern.format(day=date.day, month=months[date.month - 1], year=date.year)
