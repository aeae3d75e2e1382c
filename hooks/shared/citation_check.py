"""Find author–year citations in a page and match them to data/references.yml.

Pure functions, no MkDocs events (hooks/references.py calls them).

    parenthetical:  (Rogers, 1957)   (Elliott et al., 2018; Egan, 2014, p. 3)
    narrative:      Rogers (1957)    Maslach and Jackson (1981)   Elliott et al. (2018)
    French:         (Sue et Sue, 2012)   (voir Egan, 2014, p. 3)   Maslach et Jackson (1981)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.page_outline import mask_fenced_code

YEAR = r"(?:\d{4}(?:/\d{4})?[a-z]?|n\.d\.|s\.d\.)"  # s.d.: "sans date", in French
# "(...)" holding at least one "Name, 2014" part
PARENTHETICAL = re.compile(r"\((?P<body>[^()\n]*?,\s*" + YEAR + r"[^()\n]*)\)")
# one part of a parenthetical citation: "see Elliott et al., 2018, p. 3"
CITATION_PART = re.compile(
    r"^(?:(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?|voir aussi|voir|p\.\s?ex\.,?)\s+)?(?P<authors>[A-ZÀ-Þ*][^;]*?),\s*(?P<year>"
    + YEAR + r")(?:,\s*(?:pp?|s|ch|chap|para|art)\.\s*[\w–-]+)?$"
)
# "Maslach and Jackson (1981)", "Elliott et al. (2018)": a capitalised name before "(year)"
NARRATIVE = re.compile(
    r"(?<![\w-])(?P<surname>[A-ZÀ-Þ][\w'’-]*[a-zà-ÿ][\w'’-]*)"
    r"(?:\s+(?:et\s+al\.|(?:and|et|&)\s+[A-ZÀ-Þ][\w'’-]+))?\s+\((?P<year>" + YEAR + r")\)"
)
# "(1957)": where a narrative citation ends. Found first, because trying NARRATIVE at
# every position of a page is what made this check slow.
YEAR_IN_PARENS = re.compile(r"\(" + YEAR + r"\)")
FIRST_AUTHOR_END = re.compile(r"\s*(?:,|&|\band\b|\bet al\.|\bet\b)")  # "et": the French edition's "and"
# inline code, link targets and bare URLs (fenced code is masked first, by mask_fenced_code():
# a fence alternative here, tried at every line start, made this the check's slowest step)
SKIPPED = re.compile(r"`[^`\n]*`|\]\([^)]*\)|https?://\S+")


@dataclass(frozen=True)
class Citation:
    text: str        # as written, e.g. "(Rogers, 1957)"
    author: str      # first author as written, e.g. "Rogers"
    year: str        # e.g. "1957"
    offset: int      # position in the Markdown
    full: str = ""   # every author as written ("Charte des droits et libertés de la personne")


def citation_key(author: str, year: str) -> tuple[str, str]:
    """What must agree between a citation and a reference: first author and year."""
    return (" ".join(author.replace("*", "").split()).casefold(), year)


def first_author(authors: str) -> str:
    return FIRST_AUTHOR_END.split(authors.strip(), maxsplit=1)[0].strip()


def find_citations(markdown: str) -> list[Citation]:
    """Every parenthetical and narrative citation outside code and link targets."""
    text = SKIPPED.sub(lambda m: " " * len(m[0]), mask_fenced_code(markdown))
    found = []
    for match in PARENTHETICAL.finditer(text):
        for part in match["body"].split(";"):
            part_match = CITATION_PART.match(part.strip())
            if part_match:
                author = first_author(part_match["authors"])
                found.append(Citation(match[0], author, part_match["year"], match.start(), part_match["authors"]))
    for match in narrative_citations(text):
        surname = re.sub(r"['’]s$", "", match["surname"])  # possessive: Kolb's (1984)
        if not surname.isupper():
            found.append(Citation(match[0], surname, match["year"], match.start()))
    return sorted(found, key=lambda c: c.offset)


def narrative_citations(text: str):
    """NARRATIVE's matches, looked for only just before each "(year)"."""
    for year in YEAR_IN_PARENS.finditer(text):
        # the longest name part NARRATIVE can match ("Surname and Other (") is short
        for match in NARRATIVE.finditer(text, max(0, year.start() - 120), year.end()):
            if match.end() == year.end():
                yield match
                break


def reference_keys(cite: str) -> tuple[str, str]:
    """The key of a reference's `cite:` field ("Elliott et al., 2018")."""
    authors, _, year = cite.rpartition(",")
    return citation_key(first_author(authors), year.strip())


def reference_index(cites, aliases: dict[str, list[str]] | None = None) -> dict[tuple[str, str], tuple[str, str]]:
    """Map what a citation may say to the reference it means: (first author, year), and
    (last word of the first author, year) so that "(American Counseling Association, 2014)"
    and the narrative "Association (2014)" both resolve. `aliases`: other names of a cite's
    author ("Société canadienne de psychologie", a statute's French title), by cite."""
    index = {}
    for cite in cites:
        author, year = key = reference_keys(cite)
        for name in [author, *((aliases or {}).get(cite) or [])]:
            name = " ".join(name.replace("*", "").split()).casefold()
            index.setdefault((name.split()[-1], year), key)
            index[(name, year)] = key
    return index


def resolve(citation: Citation, index: dict) -> tuple[str, str] | None:
    """The key of the reference a citation points to, or None."""
    return (index.get(citation_key(citation.author, citation.year))
            or (citation.full and index.get(citation_key(citation.full, citation.year))) or None)
