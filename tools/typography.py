"""Check, and mend, the typography of a language edition's own text (Québec French: the OQLF's rules).

    python tools/typography.py fr          # every problem: file:line: what is wrong and how to fix it
    python tools/typography.py fr --fix    # apply the mechanical fixes, then list what is left

Reads the edition's pages (its docs_dir) and the values of its data files (data/<lang>/*.yml) as
prose, as tools/spellcheck.py does: code, HTML comments and tags, link targets, URLs, heading ids
and attribute lists, front matter, quiz markup and YAML keys are left out. `--fix` only turns a
space into a non-breaking one (before ":" and "%", inside « ») or removes the space before ; ! ?
The rules are RULES below, one row each: a fork relaxes one by deleting its row, or adds a
language with its own list. Exit code 1 when a problem is left.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guide_project import ROOT, load_config  # noqa: E402
from spellcheck import NOT_PROSE_KEYS, prose_of_markdown  # noqa: E402

HIDDEN = "\0"  # what stands for each character that is not prose, so positions stay
NBSP = "\u00a0"
SPACES = " \u00a0\u202f"  # a space, a non-breaking space, a narrow non-breaking one (both allowed)
UNITS = r"h|min|s|km|m|cm|mm|kg|g|mg|L|mL|\$|¢|€|°C"  # unit symbols that take a non-breaking space
FEMININE = r"e|es|ne|nes|le|les|trice|trices|euse|euses|ère|ères|elle|elles|celle|celles|la|une"

# (id, what the pattern finds, what is wrong and how to fix it, the fix: None when it needs a person)
RULES = {"fr": [
    ("colon-space", r"(?<=\S) (?=[*_]*:(?![^\s*_]))",  # the colon may sit inside emphasis: **Nadia :**
     'the space before ":" must be non-breaking (U+00A0)', NBSP),
    ("colon-no-space", r"(?<![\s\u00a0\u202f*_])[*_]*:(?![^\s*_])",  # not 14:30, 3:1, http:
     'put a non-breaking space (U+00A0) before ":" ("Nadia :")', None),
    ("punctuation-space", r"(?<=[^\s\u00a0\u202f«])[ \u00a0\u202f]+(?=[;!?](?!\[))",  # not ![image]
     "no space before ; ! or ? in Québec French: remove it", ""),
    ("open-quote-space", r"(?<=«) ", "the space after « must be non-breaking (U+00A0)", NBSP),
    ("open-quote-no-space", r"«(?![ \u00a0\u202f])",
     "put a non-breaking space (U+00A0) after «, on the same line: « texte »", None),
    ("close-quote-space", r"(?<=\S) (?=»)", "the space before » must be non-breaking (U+00A0)", NBSP),
    ("close-quote-no-space", r"(?<![ \u00a0\u202f])»",
     "put a non-breaking space (U+00A0) before », on the same line: « texte »", None),
    ("percent-space", r"(?<=\S) (?=%)", 'the space before "%" must be non-breaking (U+00A0)', NBSP),
    ("percent-no-space", r"(?<=\d)%", 'put a non-breaking space (U+00A0) before "%": 30 %', None),
    ("unit-space", rf"(?<=\d) (?=(?:{UNITS})(?![\w'’]))|(?<=\d[ \u00a0\u202f]h) (?=\d)",
     "a number and its unit are joined by a non-breaking space (U+00A0): 15 h 30, 2 km", None),
    ("thousands", r"(?<=\d)(?<!\d{4}) (?=\d{3}\b)",
     "digit groups, in a number or a phone number, are separated by non-breaking spaces (U+00A0): "
     "30 000, 1 866 277-3553", None),
    ("contracted-inclusive", rf"[^\W\d_](?:[·•]|\.(?=(?:{FEMININE})\b)|\((?:{FEMININE})\)|-(?=(?:e|es|trice|trices|euse|euses)\b)|/(?=(?:{FEMININE})\b))"
     r"|\b([^\W\d_]{4,})[^\W\d_]*/\1",
     "a contracted inclusive form: write the doublet in full (les intervenantes et les intervenants) "
     "or a neutral word (la personne aidante)", None),
    ("straight-quotes", r'(?<!\0 )"[^"\n]*"',  # an admonition's "title" follows its hidden type
     "quote with « » (nested “ ”), not straight quotation marks", None),
]}


def prose_of_data(text: str) -> str:
    """A YAML file with all but its values' prose hidden: keys, comments, quoting, values of the
    keys spellcheck.NOT_PROSE_KEYS names (ids, pages, links...), non-text values."""
    shown = [c if c == "\n" else HIDDEN for c in text]

    def walk(node, key=""):
        if key in NOT_PROSE_KEYS:
            return
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, k.value)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                walk(v, key)
        elif node.tag == "tag:yaml.org,2002:str":
            start, end = node.start_mark.index, node.end_mark.index
            if node.style in ("|", ">"):  # the block's indicator line
                start = text.index("\n", start) + 1
            elif node.style in ('"', "'"):
                start, end = start + 1, end - 1
            shown[start:end] = prose_of_markdown(text[start:end], blank=HIDDEN)

    root = yaml.compose(text)
    if root is not None:
        walk(root)
    return "".join(shown)


def check_text(text: str, shown: str, lang: str = "fr", fix: bool = False) -> tuple[list[str], str]:
    """(problems as "file:line: ...", the text with the mechanical fixes applied if `fix`)."""
    prose = prose_of_data(text) if shown.endswith((".yml", ".yaml")) else prose_of_markdown(text, blank=HIDDEN)
    problems, fixes = [], {}
    for rule, pattern, message, mend in RULES[lang]:
        for m in re.finditer(pattern, prose):
            if fix and mend is not None:
                fixes.setdefault(m.start(), (m.end(), mend))
                continue
            line = text.count("\n", 0, m.start()) + 1
            begin = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 30)
            where = (text[begin:m.start()] + "⟦" + text[m.start():m.end()] + "⟧" + text[m.end():m.end() + 15]).split("\n")[0]
            problems.append((m.start(), f"{shown}:{line}: {message} [{rule}]: …{where.replace(NBSP, '⍽')}"))
    after = len(text)
    for start in sorted(fixes, reverse=True):  # from the end, so positions hold; overlaps skipped
        end, mend = fixes[start]
        if end <= after:
            text, after = text[:start] + mend + text[end:], start
    return [problem for _, problem in sorted(problems)], text


def edition_files(lang: str) -> list[Path]:
    config = load_config(ROOT, lang)
    return sorted((ROOT / config["docs_dir"]).rglob("*.md")) + sorted((ROOT / config["data_dir"]).rglob("*.yml"))


def same_data(old: str, new: str) -> bool:
    """Whether two YAML texts hold the same data but for spaces (a fix must never touch a key)."""
    squeeze = lambda v: re.sub(rf"[\s{SPACES}]", "", yaml.safe_dump(yaml.safe_load(v), allow_unicode=True))
    return squeeze(old) == squeeze(new)


def check_edition(lang: str, fix: bool = False) -> list[str]:
    """The problems left in the edition's text (after the fixes, with `fix`)."""
    if lang not in RULES:
        raise SystemExit(f"tools/typography.py has no rules for language {lang!r} (RULES: {', '.join(RULES)}).")
    problems = []
    for path in edition_files(lang):
        shown = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        found, mended = check_text(text, shown, lang, fix)
        if mended != text:
            if path.suffix == ".yml" and not same_data(text, mended):
                raise SystemExit(f"{shown}: a fix would change more than spaces; nothing written to it.")
            path.write_text(mended, encoding="utf-8")
            found = check_text(mended, shown, lang)[0]
        problems += found
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lang", help="the edition's language code: fr")
    parser.add_argument("--fix", action="store_true", help="apply the mechanical fixes first")
    args = parser.parse_args(argv)
    problems = check_edition(args.lang, args.fix)
    print("\n".join(problems))
    print(f"{len(problems)} typography problem(s) in the {args.lang} edition."
          + (" `--fix` mends the mechanical ones (spaces)." if problems and not args.fix else ""), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
