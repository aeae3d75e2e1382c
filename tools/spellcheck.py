"""Spell-check a language edition's own text with Debian's Hunspell dictionaries.

    python tools/spellcheck.py fr          # every unknown word, with the files it is in
    python tools/spellcheck.py fr --list   # the unknown words alone, one per line (for a word list)

Reads the edition's pages (its config's docs_dir) and data files (data/<lang>/), as prose: code,
link targets, HTML comments and tags, heading ids, URLs and quiz markup are left out. The
dictionaries: `hunspell -d fr_CA,en_US` for French (the French pages quote English terms and
titles beside the French ones), Debian's packages hunspell, hunspell-fr and hunspell-en-us. The
field's terms and proper names Hunspell does not know are listed in `data/<lang>/words.txt`, one
per line (`#` starts a comment). Exit code 1 when a word is unknown.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DICTIONARIES = {"fr": "fr_CA,en_US", "en": "en_US"}
INSTALL = "apt-get install -y hunspell hunspell-fr hunspell-en-us"

# what is not prose: a page's front matter, fenced code (indented too, in a list or admonition),
# inline code, HTML comments and tags, link targets, heading ids, attribute lists, URLs, quiz
# checkboxes, Markdown markers
NOT_PROSE = [
    re.compile(r"\A---\n.*?^---$", re.M | re.S),
    re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1", re.M | re.S),
    re.compile(r"`[^`\n]*`"),
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<[^>\n]+>"),
    re.compile(r"\]\([^)\s]*\)"),
    re.compile(r"\{[:#. ][^}\n]*\}"),
    re.compile(r"https?://\S+"),
    re.compile(r"^\s*[!?]{3}\+?\s+\w+", re.M),
    re.compile(r"^\s*- \[[ x]\]", re.M),
    re.compile(r"\[\[[^\]]*\]\]"),
]
EMPHASIS = re.compile(r"\*+")
# data fields that are not prose in any language
ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.I)
NOT_PROSE_KEYS = {"id", "introduced_in", "page", "see", "teaches", "next", "skill", "sets", "needs", "url",
                  "link", "anchor", "image", "icon", "english", "apa", "cite", "chapter", "name",
                  "difficulty", "file", "file_name"}  # ids and file names, not words
PLACEHOLDER = re.compile(r"\{\w+\}")  # "{anki}" in an interface text is filled in, not read


def prose_of_markdown(text: str, blank: str = "") -> str:
    """The text with what is not prose left out; with `blank`, each character left out becomes
    `blank` instead (line breaks kept), so positions and line numbers stay (tools/typography.py)."""
    for pattern in NOT_PROSE:
        text = pattern.sub(lambda m: re.sub(r"[^\n]", blank, m[0]) if blank else " ", text)
    # "**S**ommaires" is one word, not "S" and "ommaires" (positions kept only when blanking)
    return text if blank else EMPHASIS.sub("", text)


def prose_of_data(value, key: str = "") -> list[str]:
    if key in NOT_PROSE_KEYS:
        return []
    if isinstance(value, str):
        return [prose_of_markdown(PLACEHOLDER.sub(" ", value))]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in prose_of_data(v, str(k))]
    if isinstance(value, list):
        return [p for v in value for p in prose_of_data(v, key)]
    return []


def edition_texts(lang: str) -> dict[str, str]:
    """{shown path: prose} for the edition's pages and data files."""
    config = ROOT / (f"mkdocs.{lang}.yml")
    docs = "docs"
    if config.is_file():
        match = re.search(r"^docs_dir:\s*(\S+)", config.read_text(encoding="utf-8"), re.M)
        docs = match[1] if match else docs
    texts = {}
    for page in sorted((ROOT / docs).rglob("*.md")):
        texts[page.relative_to(ROOT).as_posix()] = prose_of_markdown(page.read_text(encoding="utf-8"))
    data = ROOT / "data" / lang
    for file in sorted(data.rglob("*.yml")):
        texts[file.relative_to(ROOT).as_posix()] = "\n".join(
            prose_of_data(yaml.safe_load(file.read_text(encoding="utf-8"))))
    return texts


def word_list(lang: str) -> set[str]:
    path = ROOT / "data" / lang / "words.txt"
    if not path.is_file():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def unknown_words(lang: str) -> dict[str, set[str]]:
    """{word: files} for the words Hunspell and the word list do not know."""
    if not shutil.which("hunspell"):
        raise SystemExit(f"hunspell is not installed: {INSTALL}")
    known = word_list(lang)
    found: dict[str, set[str]] = defaultdict(set)
    for shown, text in edition_texts(lang).items():
        # hunspell -l: the misspelled words of its input, one per line; -i: the input's encoding
        done = subprocess.run(["hunspell", "-d", DICTIONARIES.get(lang, lang), "-i", "utf-8", "-l"],
                              input=text, capture_output=True, text=True, check=False)
        if done.returncode and done.stderr:
            raise SystemExit(f"hunspell failed on {shown}: {done.stderr.strip()} ({INSTALL})")
        for word in done.stdout.split():
            bare = ELISION.sub("", word.rstrip("."))  # "d'Egan." is Egan, "l'ACP" is ACP
            if any(c.isalpha() for c in word) and word not in known and bare not in known:
                found[bare].add(shown)
    # a word Hunspell flagged only for its elision or full stop ("qu'Ivey", "DPJ.") is checked bare
    if found:
        again = subprocess.run(["hunspell", "-d", DICTIONARIES.get(lang, lang), "-i", "utf-8", "-l"],
                               input="\n".join(found), capture_output=True, text=True, check=False).stdout.split()
        found = {word: files for word, files in found.items() if word in again}
    return dict(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lang", help="the edition's language code: fr")
    parser.add_argument("--list", action="store_true", help="print the unknown words alone")
    args = parser.parse_args(argv)
    found = unknown_words(args.lang)
    for word in sorted(found, key=str.casefold):
        print(word if args.list else f"{word}: {', '.join(sorted(found[word]))}")
    if found and not args.list:
        print(f"\n{len(found)} unknown word(s). Correct the spelling, or add a term of the field or a "
              f"name to data/{args.lang}/words.txt.", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
