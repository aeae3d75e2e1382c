"""Render the glossary page and the back-of-book concept index as Markdown.

Pure functions that take data and return Markdown; no MkDocs events. Links are
ordinary Markdown links to `page.md#anchor`, so MkDocs' strict validation checks
every one. Text that comes from data files is escaped with `escape_text()`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from glossary_data import term_anchor
from guide_data import escape_text

# Parts of a section page that summarise or test rather than treat a concept.
NOT_INDEXED = {"key-takeaways", "reflection-questions", "check-your-understanding"}
@dataclass(frozen=True)
class Place:
    """Where a term occurs: a section page and one of its H2 parts."""

    page: str          # src_uri, e.g. 02-foundations/empathy-and-trust.md
    page_title: str    # e.g. 2.2 Empathy and trust
    anchor: str        # H2 id, "" for the page's opening
    heading: str       # H2 title, "" for the page's opening

    @property
    def href(self) -> str:
        return f"{self.page}#{self.anchor}" if self.anchor else self.page


def group_by_page(places: list[Place]) -> dict[str, list[Place]]:
    pages: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        pages[place.page].append(place)
    return pages


def _letter(term: str) -> str:
    first = term[:1].upper()
    return first if first.isalpha() else "#"


def _jump_list(letters: list[str], prefix: str) -> str:
    links = " · ".join(f"[{letter}](#{prefix}{letter.lower()})" for letter in letters)
    return f'<nav class="az-jump" aria-label="Jump to a letter" markdown="span">{links}</nav>\n'


def _sorted_by_term(items):
    return sorted(items, key=lambda item: item[0].casefold())


def render_glossary(entries: list[dict], places: dict[str, list[Place]], titles: dict[str, str]) -> str:
    """The glossary page: A–Z jump list, then each term with French, definition and links."""
    entries = sorted(entries, key=lambda e: e["term"].casefold())
    letters = sorted({_letter(e["term"]) for e in entries})
    out = [
        "---\nhide:\n  - toc\nsearch:\n  boost: 2\n---\n",
        "# Glossary\n",
        "Every term the guide marks in its pages, with its Québec French equivalent. "
        "Hover over or tab to a marked term in any section to see its definition there; "
        "the [concept index](concept-index.md) lists every place each term is discussed.\n",
        _jump_list(letters, "letter-"),
    ]
    current = None
    for entry in entries:
        if _letter(entry["term"]) != current:
            current = _letter(entry["term"])
            out.append(f"## {current} {{ #letter-{current.lower()} }}\n")
        out.append(_glossary_entry(entry, places.get(entry["term"], []), titles))
    return "\n".join(out)


def _glossary_entry(entry: dict, places: list[Place], titles: dict[str, str]) -> str:
    term = entry["term"]
    lines = [
        f"### {escape_text(term)} {{ #{term_anchor(term)} }}\n",
        f'<p class="gloss-french"><span class="gloss-label">French:</span> '
        f'<span lang="fr">{escape_text(entry["french"])}</span></p>\n',
        f"{escape_text(entry['definition'])}\n",
    ]
    intro = entry["introduced_in"]
    details = [f"- Introduced in [{escape_text(titles.get(intro, intro))}]({intro})"]
    pages = [page for page in group_by_page(places) if page != intro]
    if pages:
        listed = ", ".join(f"[{escape_text(titles.get(p, p))}]({p})" for p in pages)
        details.append(f"- Also discussed in {listed}")
    if entry.get("synonyms"):
        details.append("- Also called " + ", ".join(f"*{escape_text(s)}*" for s in entry["synonyms"]))
    if entry.get("see_also"):
        related = ", ".join(f"[{escape_text(r)}](#{term_anchor(r)})" for r in entry["see_also"])
        details.append(f"- See also {related}")
    return "\n".join(lines) + "\n" + "\n".join(details) + "\n"


def render_concept_index(entries: list[dict], places: dict[str, list[Place]]) -> str:
    """A back-of-book index: each concept with every section and heading that treats it.

    The introducing section comes first, in bold, as the main entry; synonyms get
    "see" entries and related terms "see also" links, as in Sphinx's genindex.
    """
    headwords: list[tuple[str, dict]] = [(e["term"], e) for e in entries]
    headwords += [(s, {"see": e["term"]}) for e in entries for s in e.get("synonyms", [])]
    headwords = _sorted_by_term(headwords)
    letters = sorted({_letter(word) for word, _ in headwords})
    out = [
        # the index is links only: search would just echo the glossary, so leave it out
        "---\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n",
        "# Concept index\n",
        "Every concept of the [glossary](glossary.md), with each section and heading where the "
        "guide treats it. **Bold** marks the section that introduces the concept (its main "
        "entry); *see* and *see also* point to related entries.\n",
        _jump_list(letters, "index-"),
    ]
    current = None
    for word, entry in headwords:
        if _letter(word) != current:
            current = _letter(word)
            out.append(f"## {current} {{ #index-{current.lower()} }}\n")
        if "see" in entry:
            out.append(f"- {escape_text(word)}, *see* [{escape_text(entry['see'])}](#idx-{term_anchor(entry['see'])})")
        else:
            out.append(_index_entry(entry, places.get(word, [])))
    return "\n".join(out) + "\n"


def _index_entry(entry: dict, places: list[Place]) -> str:
    term = entry["term"]
    head = f'- <span class="index-term" id="idx-{term_anchor(term)}">{escape_text(term)}</span>'
    by_page = group_by_page([p for p in places if p.anchor not in NOT_INDEXED])
    intro = entry["introduced_in"]
    ordered = sorted(by_page, key=lambda page: (page != intro, page))
    lines = [head]
    for page in ordered:
        line = _index_subentry(by_page[page])
        lines.append(f"    - **{line}** (main entry)" if page == intro else f"    - {line}")
    if intro not in by_page:
        lines.append(f"    - **[introduced in this section]({intro})** (main entry)")
    if entry.get("see_also"):
        related = ", ".join(f"[{escape_text(r)}](#idx-{term_anchor(r)})" for r in entry["see_also"])
        lines.append(f"    - *see also* {related}")
    return "\n".join(lines)


def _index_subentry(places: list[Place]) -> str:
    """'2.2 Empathy and trust: [Levels of empathy](…#levels), [Trust](…#trust)'."""
    title = escape_text(places[0].page_title)
    links = [
        f"[{escape_text(p.heading) if p.anchor else 'opening'}]({p.href})"
        for p in places
    ]
    return f"{title}: " + ", ".join(links)
