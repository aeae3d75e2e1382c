"""Export the glossary and the question bank as flashcards: an Anki deck and a Quizlet file.

usage: python tools/export_anki.py [OUTPUT_DIR] [--lang LANG]      (or: make anki)

Writes OUTPUT_DIR/flashcards/ (default: exports/flashcards/) the same two files the build puts
in the site's downloads/ folder (hooks/flashcards.py; hooks/shared/flashcards.py says what is
in them): <title>-flashcards.apkg (Anki: File > Import) and <title>-glossary-quizlet.tsv
(Quizlet: Import, "Tab" between term and definition, "New line" between cards), and prints
how many notes and cards the deck holds. Every language edition of mkdocs.yml's
extra.alternate is exported, the first into flashcards/, each other into flashcards-<lang>/
(its title, glossary, pages and words; the same files as its own downloads/, fr/downloads/);
`--lang` exports one edition only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "hooks")]

from guide_project import editions, load_config  # noqa: E402
from shared import flashcards, guide_data  # noqa: E402
from shared.glossary_data import load_glossary  # noqa: E402
from shared.guide_identity import file_stem, identity  # noqa: E402


def export(output_dir: Path, root: Path = ROOT, lang: str | None = None) -> list[Path]:
    """The deck and the Quizlet file of the edition in `lang` (None: the first) into output_dir."""
    config = load_config(root, lang)
    data_dir = config["data_dir"]
    interface = Path(data_dir) / "interface.yml"
    words = (yaml.safe_load((root / interface).read_text(encoding="utf-8")) or {}).get("flashcards") or {}
    missing = [key for key in flashcards.DECK_WORDS if not words.get(key)]
    if missing:
        raise SystemExit(f"{interface.as_posix()}, section flashcards: missing {', '.join(missing)}")
    title = str(config.get("site_name") or "Guide")
    guide_data.use_data_folder(data_dir)  # the edition's glossary, as its build reads it
    try:
        glossary = load_glossary(root)
    finally:
        guide_data.use_data_folder("data")
    terms = flashcards.read_terms(glossary, flashcards.chapter_titles(config.get("nav")))

    def read(uri: str) -> str | None:
        path = root / config["docs_dir"] / uri
        return path.read_text(encoding="utf-8") if path.is_file() else None
    questions = flashcards.read_bank(config.get("nav"), read)
    deck = flashcards.build_package(identity(title, config.get("site_url")), title, words, terms, questions)
    output_dir.mkdir(parents=True, exist_ok=True)
    stem = file_stem(title)
    written = [output_dir / f"{stem}-flashcards.apkg", output_dir / f"{stem}-glossary-quizlet.tsv"]
    written[0].write_bytes(deck)
    written[1].write_text(flashcards.quizlet_tsv(terms, words), encoding="utf-8")
    counts = flashcards.package_counts(deck)
    print(f"{len(terms)} terms, {len(questions)} questions: {counts['notes']} notes, {counts['cards']} cards")
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export the glossary and questions as an Anki deck and a Quizlet file.")
    parser.add_argument("output_dir", nargs="?", type=Path, default=ROOT / "exports",
                        help="the files go into OUTPUT_DIR/flashcards/ (default: exports/)")
    parser.add_argument("--lang", help="one language edition (its code in mkdocs.yml's extra.alternate); "
                        "default: every edition, the first into flashcards/, the others into flashcards-<lang>/")
    args = parser.parse_args(argv)
    if args.lang:
        load_config(ROOT, args.lang)  # an unknown language stops here, naming the editions
    first, *others = editions(load_config(ROOT))
    for edition in [e for e in [first, *others] if args.lang in (None, e["lang"])]:
        out = args.output_dir / ("flashcards" if edition is first else f"flashcards-{edition['lang']}")
        for path in export(out, lang=edition["lang"]):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
