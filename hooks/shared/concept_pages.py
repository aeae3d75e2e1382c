"""Render the glossary page and the back-of-book concept index.

Pure functions that take data and return text; no MkDocs events. Each page is a
short Markdown page (front matter, title, an intro whose links MkDocs checks, and a
placeholder) plus its body written straight as HTML, which hooks/concepts.py puts in
place of the placeholder: converting some 1,500 generated links through Markdown
cost more build time than the rest of the hooks together. The links in the body come
from the guide's own outline (every anchor was read from a heading), and the test
suite checks every link and anchor of the built site. Text from data files is escaped
with `escape_text()`. Every word around them comes from data/interface.yml (sections
"glossary" and "concept_index"), handed in as `words` (all its sections).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from shared.generated_blocks import marker
from shared.glossary_data import GLOSSARY_FILE, other_language, term_anchor
from shared.guide_data import data_file
from shared.guide_data import escape_text
from shared.interface_strings import filled_html

# Parts of a section page that summarise or test rather than treat a concept.
NOT_INDEXED = {"key-takeaways", "reflection-questions", "check-your-understanding"}
INDEX_PAGE = "concept-index.md"  # where the glossary sends readers for every place a term occurs
BODY = marker("body")  # where hooks/concepts.py puts the body

# (src_uri, anchor) -> the link's href from the generated page
Href = Callable[[str, str], str]
Words = dict[str, dict[str, str]]  # data/interface.yml: section -> key -> text
# the words these pages use, checked by hooks/concepts.py when the build starts
GLOSSARY_WORDS = ("title", "intro", "jump_label", "heading_link", "french", "introduced_in", "also_discussed_one",
                  "also_discussed_many", "index_link", "also_called", "see_also")
INDEX_WORDS = ("title", "intro", "see", "see_also", "main_entry", "introduced_here", "opening")


@dataclass(frozen=True)
class Place:
    """Where a term occurs: a section page and one of its H2 parts."""

    page: str          # src_uri, e.g. 02-foundations/empathy-and-trust.md
    page_title: str    # e.g. 2.2 Empathy and trust
    anchor: str        # H2 id, "" for the page's opening
    heading: str       # H2 title, "" for the page's opening


def group_by_page(places: list[Place]) -> dict[str, list[Place]]:
    pages: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        pages[place.page].append(place)
    return pages


def collation_key(term: str) -> tuple[str, str]:
    """Dictionary order in English and French alike: accents count only between otherwise equal
    words ("écoute" files under E, before "effet"), case not at all."""
    bare = "".join(c for c in unicodedata.normalize("NFD", term) if not unicodedata.combining(c))
    return bare.casefold(), term.casefold()


def _letter(term: str) -> str:
    first = collation_key(term)[0][:1].upper()
    return first if first.isalpha() else "#"


def _link(href: str, text: str) -> str:
    return f'<a href="{escape_text(href)}">{text}</a>'


def _heading(level: int, anchor: str, text: str, words: Words, permalink: bool = True) -> str:
    title = escape_text(words["glossary"]["heading_link"])
    link = f'<a class="headerlink" href="#{anchor}" title="{title}">&para;</a>' if permalink else ""
    return f'<h{level} id="{anchor}">{text}{link}</h{level}>'


def _jump_list(letters: list[str], prefix: str, words: Words) -> str:
    links = " · ".join(_link(f"#{prefix}{letter.lower()}", letter) for letter in letters)
    return f'<nav class="az-jump" aria-label="{escape_text(words["glossary"]["jump_label"])}">{links}</nav>'


def _sorted_by_term(items):
    return sorted(items, key=lambda item: collation_key(item[0]))


def glossary_markdown(words: Words) -> str:
    # the intro is Markdown as written (its links are checked by MkDocs)
    text = words["glossary"]
    return f'---\nhide:\n  - toc\nsearch:\n  boost: 2\n---\n\n# {filled_html(text["title"])}\n\n{text["intro"]}\n\n{BODY}\n'


def render_glossary(entries: list[dict], places: dict[str, list[Place]], titles: dict[str, str], href: Href,
                    words: Words, for_search: bool = False) -> str:
    """The glossary's body (HTML): A–Z jump list, then each term with French, definition and links.
    `for_search`: each term with its French, definition and other names only (what search indexes)."""
    entries = sorted(entries, key=lambda e: collation_key(e["term"]))
    out = [_jump_list(sorted({_letter(e["term"]) for e in entries}), "letter-", words)]
    current = None
    for entry in entries:
        if _letter(entry["term"]) != current:
            current = _letter(entry["term"])
            out.append(_heading(2, f"letter-{current.lower()}", current, words))
        out.append(_glossary_entry(entry, places.get(entry["term"], []), titles, href, words, for_search))
    return "\n".join(out)


def _glossary_entry(entry: dict, places: list[Place], titles: dict[str, str], href: Href, words: Words,
                    for_search: bool = False) -> str:
    term, text = entry["term"], words["glossary"]
    page_link = lambda page: _link(href(page, ""), escape_text(titles.get(page, page)))  # noqa: E731
    intro = entry["introduced_in"]
    details = [] if for_search else [filled_html(text["introduced_in"], page=page_link(intro))]
    pages = [page for page in group_by_page(places) if page != intro]
    if pages and not for_search:
        # each page by name (the concept index has the exact headings)
        index_link = _link(href(INDEX_PAGE, f"idx-{term_anchor(term)}"), filled_html(text["index_link"]))
        details.append(filled_html(text["also_discussed_one" if len(pages) == 1 else "also_discussed_many"],
                                   n=str(len(pages)), pages=", ".join(page_link(page) for page in pages),
                                   index=index_link))
    if entry.get("synonyms"):
        details.append(filled_html(text["also_called"],
                                   names=", ".join(f"<em>{escape_text(s)}</em>" for s in entry["synonyms"])))
    if entry.get("see_also") and not for_search:
        details.append(filled_html(text["see_also"], terms=", ".join(
            _link(f"#{term_anchor(r)}", escape_text(r)) for r in entry["see_also"])))
    # no wrapper element and no ¶ link per term: ~190 fewer elements to lay out on a phone
    # (each term's id is linked from every tooltip and from the concept index)
    return "\n".join([
        _heading(3, term_anchor(term), escape_text(term), words, permalink=False),
        f'<p class="gloss-french"><span class="gloss-label">{filled_html(text["french"])}</span> '
        f'<span lang="{other_language(data_file(GLOSSARY_FILE))}">{escape_text(entry["french"])}</span></p>',
        f"<p>{escape_text(entry['definition'])}</p>",
        "<ul>" + "".join(f"<li>{line}</li>" for line in details) + "</ul>" if details else "",
    ])


def concept_index_markdown(words: Words) -> str:
    # the index is links only: search would just echo the glossary, so leave it out;
    # the intro is Markdown as written (its links are checked by MkDocs)
    text = words["concept_index"]
    return (f'---\nhide:\n  - toc\nsearch:\n  exclude: true\n---\n\n# {filled_html(text["title"])}\n\n'
            f'{text["intro"]}\n\n{BODY}\n')


def render_concept_index(entries: list[dict], places: dict[str, list[Place]], href: Href, words: Words) -> str:
    """A back-of-book index (HTML): each concept with every section and heading that treats it.

    The introducing section comes first, in bold, as the main entry; synonyms get
    "see" entries and related terms "see also" links, as in Sphinx's genindex.
    """
    headwords: list[tuple[str, dict]] = [(e["term"], e) for e in entries]
    headwords += [(s, {"see": e["term"]}) for e in entries for s in e.get("synonyms", [])]
    headwords = _sorted_by_term(headwords)
    out = [_jump_list(sorted({_letter(word) for word, _ in headwords}), "index-", words)]
    see = filled_html(words["concept_index"]["see"])
    current = None
    for word, entry in headwords:
        if _letter(word) != current:
            if current is not None:
                out.append("</ul>")
            current = _letter(word)
            out += [_heading(2, f"index-{current.lower()}", current, words), "<ul>"]
        if "see" in entry:
            target = _link(f"#idx-{term_anchor(entry['see'])}", escape_text(entry["see"]))
            out.append(f"<li>{escape_text(word)}, <em>{see}</em> {target}</li>")
        else:
            out.append(_index_entry(entry, places.get(word, []), href, words["concept_index"]))
    return "\n".join(out + ["</ul>"])


def _index_entry(entry: dict, places: list[Place], href: Href, text: dict[str, str]) -> str:
    term = entry["term"]
    by_page = group_by_page([p for p in places if p.anchor not in NOT_INDEXED])
    intro = entry["introduced_in"]
    ordered = sorted(by_page, key=lambda page: (page != intro, page))
    lines = []
    for page in ordered:
        line = _index_subentry(by_page[page], href, text)
        lines.append(filled_html(text["main_entry"], place=f"<strong>{line}</strong>") if page == intro else line)
    if intro not in by_page:
        here = _link(href(intro, ""), filled_html(text["introduced_here"]))
        lines.append(filled_html(text["main_entry"], place=f"<strong>{here}</strong>"))
    if entry.get("see_also"):
        related = ", ".join(_link(f"#idx-{term_anchor(r)}", escape_text(r)) for r in entry["see_also"])
        lines.append(f"<em>{filled_html(text['see_also'])}</em> {related}")
    return (f'<li><span class="index-term" id="idx-{term_anchor(term)}">{escape_text(term)}</span>'
            "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul></li>")


def _index_subentry(places: list[Place], href: Href, text: dict[str, str]) -> str:
    """'2.2 Empathy and trust: <a …#levels>Levels of empathy</a>, <a …#trust>Trust</a>'."""
    title = escape_text(places[0].page_title)
    opening = filled_html(text["opening"])
    links = [_link(href(p.page, p.anchor), escape_text(p.heading) if p.anchor else opening) for p in places]
    return f"{title}: " + ", ".join(links)
