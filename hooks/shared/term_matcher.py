"""Find glossary terms in a page, as Markdown or as rendered HTML, with one compiled pattern.

Pure functions, no MkDocs events. A `TermMatcher` is built once per build from the
glossary; each page is then scanned in a single pass. Text that must never be
marked is matched first by the same pattern and passed through unchanged.
In Markdown (used to find where terms occur): headings, fenced and inline code,
links and images, HTML tags and comments (mkdocs-quiz has already replaced quiz
blocks by comments), attribute lists, admonition title lines, URLs and French phrases (FRENCH_SIGN).
In HTML (used to mark them, after rendering, so Markdown never sees the tooltips):
comments, quizzes and mkdocs-quiz's progress widgets, headings, links, code, scripts and styles, figures,
admonition and collapsible-box titles, abbreviations, French phrases, tags and entities.
A term inside a marked term is never marked: one pass, longest form first, never looks
inside what it has replaced.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator

from shared.quiz_markup import PROGRESS_WIDGETS, QUIZ_BLOCK

# A French phrase is never marked (a French word that looks like an English term, such as
# "clarification" in *clarification des rôles*, would show the English definition). The
# guide writes French in italics: an italic in parentheses after a term, "(*alliance de
# travail*)", or an italic that reads as French (a French letter or a French little word).
# The patterns see lower-cased text.
FRENCH_SIGN = r"(?:[àâçéèêëîïôûùüÿœæ]|\b(?:de|des|du|la|le|les|et|au|aux|un|une|sur|pour|par|dans|en)\b|\b[dlj](?:['’]|&rsquo;|&#0?39;|&#x27;))"

# Alternatives tried before a term: the first that matches at a position wins, so a term
# inside any of these stretches is skipped.
SKIPPED_CONTEXTS = [
    r"^[ \t]*(?P<fq>```|~~~).*?^[ \t]*(?P=fq)[^\n]*$",  # fenced code block
    r"<quiz>.*?</quiz>",                                 # quiz block (if still present)
    r"<!--.*?-->",                                       # HTML comment / quiz placeholder
    r"^[ \t]*#{1,6}[ \t][^\n]*$",                        # heading line
    r"^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$",                  # admonition or details title line
    r"`+[^`\n]*`+",                                      # inline code
    r"\((?:\*[^*\n]+\*|_[^_\n]+_)\)",                      # (*French equivalent*)
    rf"(?<![*\w])\*(?=[^*\n]*?{FRENCH_SIGN})[^*\n]+\*(?!\*)",  # *a French phrase*
    r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\([^)]*\)(?:\{[^}\n]*\})?",  # inline link or image
    r"!?\[[^\]\n]*\]\[[^\]\n]*\]",                       # reference link
    r"^[ \t]*\[[^\]\n]+\]:[^\n]*$",                      # link definition
    r"<[a-zA-Z/][^>\n]*>",                               # HTML tag
    r"\{\s*[:#.][^}\n]*\}",                             # attribute list
    r"https?://\S+",                                     # bare URL
]


# The same for rendered HTML (an element skipped whole is matched with its content).
SKIPPED_HTML = [
    r"<!--.*?-->",                                       # comment / quiz placeholder
    QUIZ_BLOCK,                                          # a quiz mkdocs-quiz rendered
    PROGRESS_WIDGETS,                                    # mkdocs-quiz's progress widgets
    r"<(?P<el>h[1-6]|a|code|pre|script|style|svg|figure|summary|abbr|button|label)\b[^>]*>.*?</(?P=el)>",
    r'<p class="admonition-title">.*?</p>',              # admonition title
    r"\(<em>[^<]*</em>\)",                                # (<em>French equivalent</em>)
    rf"<em>(?=[^<]*?{FRENCH_SIGN})[^<]*</em>",           # <em>a French phrase</em>
    r"<[a-zA-Z/][^>]*>",                                 # any other tag
    r"&#?\w+;",                                         # entity
]


class TermMatcher:
    """Matches every form of every term: case-insensitive, whole words, longest first.

    The text is lower-cased and matched by a case-sensitive pattern (a third faster than
    re.IGNORECASE); a text whose lower-case form has another length (a rare letter such
    as "İ") is matched by a case-insensitive copy of the pattern, built when first needed."""

    def __init__(self, forms_to_term: dict[str, str], skipped: list[str] = SKIPPED_CONTEXTS):
        self.forms_to_term = {form.casefold(): term for form, term in forms_to_term.items()}
        alternatives = trie_pattern({form.lower() for form in forms_to_term}) or r"(?!)"
        self.source = _one_tag_branch(skipped) + rf"|(?<![\w-])(?P<term>{alternatives})(?![\w-])"
        self.pattern = re.compile(self.source, re.MULTILINE | re.DOTALL)
        self._any_case: re.Pattern[str] | None = None

    def term_of(self, matched_text: str) -> str:
        return self.forms_to_term[" ".join(matched_text.split()).casefold()]

    def _term_matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of terms (not of skipped stretches) in `text`, with offsets into `text`."""
        lowered = text.lower()
        if len(lowered) == len(text):
            matches = self.pattern.finditer(lowered)
        else:
            if self._any_case is None:
                self._any_case = re.compile(self.source, re.IGNORECASE | re.MULTILINE | re.DOTALL)
            matches = self._any_case.finditer(text)
        return (m for m in matches if m.start("term") >= 0)

    def terms_in(self, markdown: str) -> set[str]:
        """Every term that occurs outside the skipped contexts."""
        return {self.term_of(markdown[m.start():m.end()]) for m in self._term_matches(markdown)}

    def mark_first(self, markdown: str, render: Callable[[str, str], str],
                   occurrences: list[tuple[int, str]] | None = None) -> tuple[str, list[str]]:
        """Replace the first occurrence of each term by `render(term, matched_text)`.

        Returns the new text and the terms marked, in order of appearance. If given,
        `occurrences` receives (offset in the original text, term) for every occurrence.
        """
        marked: list[str] = []
        seen: set[str] = set()
        out: list[str] = []
        done = 0
        for match in self._term_matches(markdown):
            start, end = match.span()
            text = markdown[start:end]
            term = self.term_of(text)
            if occurrences is not None:
                occurrences.append((start, term))
            if term in seen:
                continue
            seen.add(term)
            marked.append(term)
            out += [markdown[done:start], render(term, text)]
            done = end
        out.append(markdown[done:])
        return "".join(out), marked


def _one_tag_branch(skipped: list[str]) -> str:
    """The skipped alternatives, those that start with "<" as one branch "<(?:...)", in place
    of the first: the engine then tests "<" once per position, not once per alternative
    (about 5% faster). No other alternative can match where one of them starts."""
    tags = [alternative[1:] for alternative in skipped if alternative.startswith("<")]
    if not tags:
        return "|".join(skipped)
    first = next(i for i, alternative in enumerate(skipped) if alternative.startswith("<"))
    others = [alternative for alternative in skipped if not alternative.startswith("<")]
    return "|".join(others[:first] + ["<(?:" + "|".join(tags) + ")"] + others[first:])


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for many words, shared prefixes factored out ("alliance|alliances" ->
    "allianc(?:e(?:s)?)"): far faster to compile and to match than a flat alternation.
    Optional tails are greedy, so the longest form wins, and a space matches any whitespace."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [
            (r"\s+" if char == " " else char if char.isalnum() else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def build_forms(entries: Iterable[dict]) -> dict[str, str]:
    """Map every matchable form (term, forms, synonyms) to its term."""
    forms: dict[str, str] = {}
    for entry in entries:
        for form in [entry["term"], *entry.get("forms", []), *entry.get("synonyms", [])]:
            forms[form] = entry["term"]
    return forms
