"""Flashcards to download: an Anki deck of the glossary and the question bank, and the
glossary as a tab-separated file for Quizlet (hooks/shared/flashcards.py writes both).

Reads data/glossary.yml, the pages' quizzes (in `nav:` order), data/interface.yml (section
`flashcards`) and the guide's identity (site_url, site_name). Events:
- on_config: the words, and the glossary;
- on_files: both files, added to the site as `downloads/<title>-flashcards.apkg` and
  `downloads/<title>-glossary-quizlet.tsv` (so MkDocs checks the links to them, and anything
  that lists the site's files sees them); made again only when the glossary or a page changed;
- on_page_markdown: the links, with how to import, under a heading at the end of the Review
  page (hooks/review_page.py) and of "My progress", and one line above the glossary's entries.
"""

from __future__ import annotations

import logging
from pathlib import Path

from shared import flashcards, interface_strings
from shared.concept_pages import BODY as GLOSSARY_BODY
from shared.glossary_data import load_glossary
from shared.guide_data import escape_text
from shared.guide_identity import file_stem, identity
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.flashcards")
PROGRESS_PAGE, GLOSSARY_PAGE, REVIEW_PAGE = "progress.md", "glossary.md", "review.md"
FOLDER = "downloads"
WORDS = flashcards.DECK_WORDS + ("heading", "intro", "anki_link", "anki_help", "quizlet_link", "quizlet_help",
                                 "glossary_line")
words: dict[str, str] = {}
entries: list = []
names: dict[str, str] = {}                  # "apkg"/"tsv" -> the file's path in the site
counts: dict[str, int] = {}
_made: dict[object, tuple[bytes, str]] = {}  # inputs -> (deck, tsv): `mkdocs serve` rebuilds only on change


def on_config(config):
    global words, entries
    words = interface_strings.section_words(config, "flashcards", WORDS, "name the Anki deck and its download links")
    entries = load_glossary(Path(config.config_file_path).parent)
    return config


def on_files(files, config):
    stem = file_stem(config.site_name)
    names.update(apkg=f"{FOLDER}/{stem}-flashcards.apkg", tsv=f"{FOLDER}/{stem}-glossary-quizlet.tsv")
    titles = flashcards.chapter_titles(config.nav)
    terms = flashcards.read_terms(entries, titles)

    def read(uri: str) -> str | None:
        file = files.get_file_from_path(uri)
        return file.content_string if file and not file.generated_by else None
    questions = flashcards.read_bank(config.nav, read)
    guide = identity(config.site_name, config.site_url)
    key = (guide, config.site_name, repr(words), repr(terms), repr(questions))
    if key not in _made:
        try:
            deck = flashcards.build_package(guide, config.site_name, words, terms, questions)
        except ImportError as error:
            raise PluginError(f"hooks/flashcards.py: genanki is missing ({error}); the Anki deck needs it. "
                              "Install the guide's requirements: `make setup` (or pip install -r requirements.txt).")
        except ValueError as error:
            raise PluginError(f"hooks/flashcards.py: {error}. Shorten that text in data/glossary.yml or the page.")
        _made.clear()
        _made[key] = (deck, flashcards.quizlet_tsv(terms, words))
    deck, tsv = _made[key]
    counts.update(terms=len(terms), questions=len(questions))
    for name, content in ((names["apkg"], deck), (names["tsv"], tsv)):
        if files.get_file_from_path(name):
            raise PluginError(f"docs/{name} exists, but the build writes a file of that name (hooks/flashcards.py); "
                              "rename or remove docs/" + name)
        files.append(File.generated(config, name, content=content))
    log.debug("flashcards: %d terms, %d questions, deck %d bytes", len(terms), len(questions), len(deck))
    return files


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    if uri in (REVIEW_PAGE, PROGRESS_PAGE):  # both at the site's top: the links are the same
        return f"{markdown}\n\n{block()}\n"
    if uri == GLOSSARY_PAGE and GLOSSARY_BODY in markdown:
        line = interface_strings.filled_html(words["glossary_line"], anki=_link("anki_link"), quizlet=_link("quizlet_link"))
        return markdown.replace(GLOSSARY_BODY, f"{line}\n\n{GLOSSARY_BODY}", 1)
    return markdown


def block() -> str:
    """The heading, the two links and how to import each, as Markdown (links checked by MkDocs)."""
    return "\n\n".join([
        f"## {escape_text(words['heading'])} {{ #flashcards }}",
        escape_text(words["intro"]),
        f"- {_link('anki_link')}: {escape_text(words['anki_help'])}\n"
        f"- {_link('quizlet_link')}: {escape_text(words['quizlet_help'])}",
    ])


def _link(key: str) -> str:
    text = interface_strings.filled_html(words[key], terms=str(counts.get("terms", 0)),
                                         questions=str(counts.get("questions", 0)))
    name = names["apkg" if key == "anki_link" else "tsv"]
    return f'[{text}]({name}){{ download="{name.rsplit("/", 1)[-1]}" }}'
