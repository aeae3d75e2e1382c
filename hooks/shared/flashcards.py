"""Flashcards for the tools students already use: an Anki deck (.apkg, written with genanki)
of the glossary and the question bank, and a tab-separated glossary that Quizlet imports.

Pure functions, no MkDocs events: hooks/flashcards.py writes both into the site at each
build, and tools/export_anki.py (`make anki`) into exports/.

- The glossary: one note per term (fields Term, French, Definition, Section), four cards:
  term -> definition, definition -> term, English -> Québec French, French -> English.
- The question bank, read as tools/export_moodle.py reads it (nav order, `<quiz>` blocks of
  each chapter and section page): one note per question, one card, in a subdeck per chapter;
  options in their written order (the explanations never name an option by its place).
- Every text is plain text, escaped (Anki shows fields as HTML): Markdown marks and links keep
  only their words, so nothing an author writes becomes markup in Anki.
- Ids follow the guide (shared/guide_identity.py), never chance: deck and note type ids from
  the guide and a fixed name; a note's GUID from the guide and the term's anchor (not its
  text: a reworded definition updates the card in Anki instead of duplicating it) or the
  question's page and number. A fixed timestamp and fixed zip dates make two builds of the
  same guide byte for byte the same file.
"""

from __future__ import annotations

import html
import io
import itertools
import os
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from typing import Callable

from shared.glossary_data import term_anchor
from shared.guide_identity import stable_id
from shared.page_outline import is_chapter_page, is_section_page, mask_fenced_code, nav_chapter_titles
from shared.question_cues import rendered_text
from shared.quiz_source import BLANK, QUIZ, blank_forms, parse_quiz

COMMENT = re.compile(r"<!--.*?-->", re.S)
# Notes and cards get this date in Anki (seconds since 1970): 2026-01-01, a fixed value so a
# build is reproducible; SOURCE_DATE_EPOCH, the reproducible-builds convention, replaces it.
FIXED_TIMESTAMP = 1767225600
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
# The words of data/interface.yml, section `flashcards`, that the deck and the file use.
DECK_WORDS = ("deck_glossary", "deck_questions", "card_term_definition", "card_definition_term",
              "card_english_french", "card_french_english", "ask_definition", "ask_term", "ask_french",
              "ask_english", "label_french", "label_section", "label_answer", "quizlet_definition")
ANKI_FIELD_LIMIT = 100_000  # characters: far above any real field; a longer one is a data error


@dataclass
class Term:
    anchor: str
    term: str
    french: str
    definition: str
    section: str      # the title of the section that introduces it
    chapter: str      # that section's folder, as an Anki tag


@dataclass
class Question:
    chapter: str      # folder, e.g. 02-foundations
    chapter_title: str
    section_title: str
    uri: str
    number: int       # 1-based on its page (mkdocs-quiz's quiz-0 is number 1)
    stem: str         # plain text, lines kept
    options: list[tuple[bool, str]] = field(default_factory=list)
    blanks: list[list[str]] = field(default_factory=list)   # fill-in: each blank's accepted forms
    explanation: str = ""


def plain(markdown: str) -> str:
    """What a reader sees of a piece of Markdown, as plain text: each line's words (marks,
    tags and link targets dropped), blank lines between paragraphs kept as one line break."""
    lines = [rendered_text(line) for line in str(markdown).splitlines()]
    return "\n".join(line for line in lines if line)


chapter_titles = nav_chapter_titles  # src path -> (chapter title, page title), from shared.page_outline


def read_terms(entries: list[dict], titles: dict[str, tuple[str, str]]) -> list[Term]:
    """The glossary's entries as card texts, in the file's order."""
    return [Term(term_anchor(e["term"]), plain(e["term"]), plain(e["french"]), plain(e["definition"]),
                 titles.get(e["introduced_in"], ("", ""))[1], e["introduced_in"].split("/")[0])
            for e in entries]


def read_bank(nav, read: Callable[[str], str | None]) -> list[Question]:
    """Every question of the chapter and section pages in `nav:` order; `read(src_uri)` gives a
    page's Markdown (None for a page that is not there)."""
    questions = []
    for uri, (chapter_title, title) in chapter_titles(nav).items():
        if not (is_section_page(uri) or is_chapter_page(uri)):
            continue
        source = read(uri)
        if not source:
            continue
        for number, match in enumerate(QUIZ.finditer(mask_fenced_code(source)), start=1):
            parts = parse_quiz(COMMENT.sub("", source[match.start("body"):match.end("body")]))
            question = Question(uri.split("/")[0], chapter_title, title, uri, number,
                                plain(BLANK.sub("_____", parts.stem)), explanation=plain(parts.explanation))
            if parts.is_fill_in:
                question.blanks = [[plain(form) for form in blank_forms(html.unescape(b))] for b in parts.blanks]
            else:
                question.options = [(correct, plain(text)) for correct, text in parts.answers]
            questions.append(question)
    return questions


# ---------- Anki


def _field(text: str) -> str:
    """Plain text as an Anki field: escaped, its line breaks as <br>."""
    if len(text) > ANKI_FIELD_LIMIT:
        raise ValueError(f"a flashcard field of {len(text)} characters (limit {ANKI_FIELD_LIMIT}): {text[:60]}...")
    return html.escape(text).replace("\n", "<br>")


def _ask(words: dict[str, str], key: str) -> str:
    return f'<div class="ask">{html.escape(words[key])}</div>'


CSS = (".card { font-family: sans-serif; font-size: 20px; text-align: left; line-height: 1.4; }\n"
       ".ask { font-size: 14px; opacity: .7; margin-bottom: .5em; }\n"
       ".label { font-size: 14px; opacity: .7; }\n")


def build_package(guide: str, title: str, words: dict[str, str], terms: list[Term], questions: list[Question],
                  timestamp: float | None = None) -> bytes:
    """The .apkg file's bytes: deck "<title>::<glossary>" and "<title>::<questions>::<chapter>"."""
    import genanki  # here, not at import time: only a build that writes the deck needs it

    timestamp = float(os.environ.get("SOURCE_DATE_EPOCH") or FIXED_TIMESTAMP) if timestamp is None else timestamp
    w = {key: html.escape(words[key]) for key in DECK_WORDS}
    back = '{{FrontSide}}<hr id="answer">'
    glossary_model = genanki.Model(
        stable_id(guide, "model", "glossary"), f"{title}{words.get('colon', ': ')}{words['deck_glossary']}",
        fields=[{"name": "Term"}, {"name": "French"}, {"name": "Definition"}, {"name": "Section"}],
        templates=[
            {"name": words["card_term_definition"], "qfmt": _ask(words, "ask_definition") + "{{Term}}",
             "afmt": back + "{{Definition}}<p class=\"label\">" + w["label_french"] + " {{French}}<br>"
                     + w["label_section"] + " {{Section}}</p>"},
            {"name": words["card_definition_term"], "qfmt": _ask(words, "ask_term") + "{{Definition}}",
             "afmt": back + "{{Term}}<p class=\"label\">" + w["label_french"] + " {{French}}</p>"},
            {"name": words["card_english_french"], "qfmt": _ask(words, "ask_french") + "{{Term}}",
             "afmt": back + "{{French}}"},
            {"name": words["card_french_english"], "qfmt": _ask(words, "ask_english") + "{{French}}",
             "afmt": back + "{{Term}}"},
        ],
        css=CSS)
    question_model = genanki.Model(
        stable_id(guide, "model", "question"), f"{title}{words.get('colon', ': ')}{words['deck_questions']}",
        fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Explanation"},
                {"name": "Section"}],
        templates=[{"name": words["deck_questions"], "qfmt": "{{Question}}<p>{{Options}}</p>",
                    "afmt": back + "<p><b>" + w["label_answer"] + "</b> {{Answer}}</p>{{Explanation}}"
                            "<p class=\"label\">" + w["label_section"] + " {{Section}}</p>"}],
        css=CSS)

    glossary_deck = genanki.Deck(stable_id(guide, "deck", "glossary"), f"{title}::{words['deck_glossary']}")
    for term in terms:
        glossary_deck.add_note(genanki.Note(
            glossary_model, [_field(term.term), _field(term.french), _field(term.definition), _field(term.section)],
            guid=genanki.guid_for(guide, "glossary", term.anchor), tags=[_tag(term.chapter)]))
    decks = {}
    for question in questions:
        if question.chapter not in decks:
            decks[question.chapter] = genanki.Deck(
                stable_id(guide, "deck", "questions", question.chapter),
                f"{title}::{words['deck_questions']}::{question.chapter_title}")
        decks[question.chapter].add_note(genanki.Note(
            question_model, _question_fields(question),
            guid=genanki.guid_for(guide, "question", question.uri, question.number), tags=[_tag(question.chapter)]))
    return _package_bytes(genanki.Package([glossary_deck, *decks.values()]), timestamp)


def _question_fields(question: Question) -> list[str]:
    if question.blanks:
        options = ""
        answer = "; ".join(" / ".join(forms) for forms in question.blanks)
    else:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        options = "<br>".join(f"{letters[i]}. {_field(text)}" for i, (_, text) in enumerate(question.options))
        answer = ", ".join(f"{letters[i]}. {text}" for i, (right, text) in enumerate(question.options) if right)
    return [_field(question.stem), options, _field(answer), _field(question.explanation),
            _field(f"{question.section_title}")]


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text) or "guide"


def _package_bytes(package, timestamp: float) -> bytes:
    """The .apkg as genanki's Package.write_to_file writes it (the collection, then an empty
    media list), with two changes: the database is written without waiting for the disk
    (a temporary file: the wait was most of the deck's build time), and the zip entries get
    a fixed date and are compressed, so that two builds give the same, smaller file."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "collection.anki2")
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = MEMORY")
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with open(path, "rb") as db:
            collection = db.read()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("collection.anki2", ZIP_DATE), collection, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("media", ZIP_DATE), "{}", compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def package_counts(data: bytes) -> dict[str, int]:
    """Notes, cards and decks in an .apkg's collection (for the tests and `make anki`)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "collection.anki2")
        with open(path, "wb") as db:
            db.write(archive.read("collection.anki2"))
        connection = sqlite3.connect(path)
        try:
            notes = connection.execute("select count(*) from notes").fetchone()[0]
            cards = connection.execute("select count(*) from cards").fetchone()[0]
        finally:
            connection.close()
    return {"notes": notes, "cards": cards}


# ---------- Quizlet


def quizlet_tsv(terms: list[Term], words: dict[str, str]) -> str:
    """One line per term: the English term, a tab, its definition and French equivalent
    (Quizlet's import: "between term and definition: tab", "between rows: new line"). No tab
    or line break can be inside a field: whitespace runs become one space."""
    def one_line(text: str) -> str:
        return " ".join(text.split())

    def definition(t: Term) -> str:
        return words["quizlet_definition"].replace("{definition}", t.definition).replace("{french}", t.french)
    return "".join(f"{one_line(t.term)}\t{one_line(definition(t))}\n" for t in terms)
