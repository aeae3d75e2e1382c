"""The flashcards (hooks/flashcards.py, hooks/shared/flashcards.py): the Anki deck is a zip
holding a SQLite Anki collection with one note per glossary term (four cards each) and one per
question of the bank (read as the Moodle export reads it), in a subdeck per chapter; its ids
and GUIDs follow the guide, not chance or wording; its fields are escaped text; two builds give
the same bytes. The Quizlet file has one line per term, one tab per line. Each language edition
(extra.alternate) has its own deck, in its words and with its own ids, and `make anki` exports
the same bytes. Counts come from the data and the nav, so a fork passes unchanged."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import zipfile

import pytest
import yaml

from conftest import ROOT
from guide_facts import CONFIG, SITE_NAME
from shared import flashcards
from shared.glossary_data import load_glossary
from shared.guide_identity import file_stem, identity, stable_id

sys.path.insert(0, str(ROOT / "tools"))
import export_anki  # noqa: E402
import export_moodle  # noqa: E402
from guide_project import editions, load_config  # noqa: E402

genanki = pytest.importorskip("genanki")
WORDS = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))["flashcards"]
TERMS = load_glossary(ROOT)
BANK = sum(len(category.questions) for _, category in export_moodle.categories(ROOT)[1])
GUIDE = identity(SITE_NAME, CONFIG.get("site_url"))
STEM = file_stem(SITE_NAME)
EDITIONS = editions(load_config(ROOT))


def collection(data: bytes, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {"collection.anki2", "media"} <= set(archive.namelist())
        tmp_path.mkdir(parents=True, exist_ok=True)
        path = tmp_path / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def read_source(uri: str):
    path = ROOT / "docs" / uri
    return path.read_text(encoding="utf-8") if path.is_file() else None


def build(terms=None, questions=None, guide=GUIDE, title=SITE_NAME) -> bytes:
    titles = flashcards.chapter_titles(CONFIG["nav"])
    return flashcards.build_package(
        guide, title, WORDS, flashcards.read_terms(TERMS, titles) if terms is None else terms,
        flashcards.read_bank(CONFIG["nav"], read_source) if questions is None else questions)


@pytest.fixture(scope="module")
def site_deck(built_site) -> bytes:
    return (built_site / "downloads" / f"{STEM}-flashcards.apkg").read_bytes()


def test_the_sites_deck_holds_every_term_and_question(site_deck, tmp_path):
    db = collection(site_deck, tmp_path)
    notes = db.execute("select count(*) from notes").fetchone()[0]
    cards = db.execute("select count(*) from cards").fetchone()[0]
    assert notes == len(TERMS) + BANK
    assert cards == 4 * len(TERMS) + BANK   # term <-> definition, English <-> French; one per question
    assert flashcards.package_counts(site_deck) == {"notes": notes, "cards": cards}
    # a glossary deck and one deck per chapter with questions, under the guide's title
    decks = {d["name"] for d in json.loads(db.execute("select decks from col").fetchone()[0]).values()}
    chapters = {category.path[0] for _, category in export_moodle.categories(ROOT)[1]}
    assert f"{SITE_NAME}::{WORDS['deck_glossary']}" in decks
    assert {f"{SITE_NAME}::{WORDS['deck_questions']}::{c}" for c in chapters} <= decks
    # each term's four fields, in plain escaped text
    terms = {row[0].split("\x1f")[0] for row in db.execute("select flds from notes")}
    assert {flashcards._field(flashcards.plain(t["term"])) for t in TERMS} <= terms


def test_ids_follow_the_guide_and_builds_are_identical(site_deck, tmp_path):
    assert build() == site_deck  # the same bytes as the build's: fixed ids, dates and order
    db = collection(site_deck, tmp_path)
    deck_ids = {int(k) for k in json.loads(db.execute("select decks from col").fetchone()[0])} - {1}
    assert stable_id(GUIDE, "deck", "glossary") in deck_ids
    models = {int(k) for k in json.loads(db.execute("select models from col").fetchone()[0])}
    assert models == {stable_id(GUIDE, "model", "glossary"), stable_id(GUIDE, "model", "question")}
    # a fork published elsewhere gets other ids and GUIDs: importing both never mixes them
    fork = identity(SITE_NAME, "https://someone.github.io/their-guide/")
    assert fork != GUIDE and stable_id(fork, "deck", "glossary") != stable_id(GUIDE, "deck", "glossary")
    # an unpublished fork (placeholder address) renamed is another guide too
    placeholder = "https://example.org/guide/"
    assert identity("Another title", placeholder) != identity(SITE_NAME, placeholder)


def guids(data: bytes, tmp_path) -> dict[str, str]:
    db = collection(data, tmp_path)
    return {row[1].split("\x1f")[0]: row[0] for row in db.execute("select guid, flds from notes")}


def test_a_reworded_definition_keeps_its_cards_guid(tmp_path):
    titles = flashcards.chapter_titles(CONFIG["nav"])
    terms = flashcards.read_terms(TERMS, titles)
    before = guids(build(terms=terms, questions=[]), tmp_path / "a")
    terms[0].definition = "A new wording of the definition."
    terms[0].term = terms[0].term + " (renamed)"   # the anchor, not the text, names the note
    after = guids(build(terms=terms, questions=[]), tmp_path / "b")
    assert set(before.values()) == set(after.values())


def test_fields_are_escaped_text(tmp_path):
    term = flashcards.Term("x", "<script>alert(1)</script>", "<b>fr</b>", "a\tb\nc & d", "<i>s</i>", "01-x")
    question = flashcards.Question("01-x", "1 X", "1.1 Y", "01-x/y.md", 1, 'Pick <img src=x onerror="alert(1)">',
                                   options=[(True, "<em>yes</em>"), (False, "no")], explanation="<script>no</script>")
    db = collection(build(terms=[term], questions=[question]), tmp_path / "a")
    for (fields,) in db.execute("select flds from notes"):
        assert "<" not in fields.replace("<br>", ""), fields
    assert db.execute("select count(*) from cards").fetchone()[0] == 5


def test_the_quizlet_file_has_one_line_per_term(built_site):
    text = (built_site / "downloads" / f"{STEM}-glossary-quizlet.tsv").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(TERMS)
    assert "\r" not in text
    titles = flashcards.chapter_titles(CONFIG["nav"])
    for line, entry in zip(lines, flashcards.read_terms(TERMS, titles)):
        term, definition = line.split("\t")   # exactly one tab
        assert term == " ".join(entry.term.split()) and term.strip() and definition.strip()
        assert " ".join(entry.definition.split()) in definition and entry.french in definition


def test_no_tab_or_line_break_survives_inside_a_field():
    term = flashcards.Term("x", "a\tterm", "fr\nench", "one\ttwo\nthree", "", "01-x")
    assert flashcards.quizlet_tsv([term], WORDS).count("\t") == 1
    assert flashcards.quizlet_tsv([term], WORDS).count("\n") == 1


def test_the_links_are_on_my_progress_and_the_glossary(built_site):
    for page in ("progress/index.html", "glossary/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'href="../downloads/{STEM}-flashcards.apkg"' in html, page
        assert f'href="../downloads/{STEM}-glossary-quizlet.tsv"' in html, page


def deck_ids(data: bytes, tmp_path) -> set[int]:
    """The ids of a package's decks (Anki's own "Default" left out) and note types."""
    db = collection(data, tmp_path)
    decks = {int(k) for k in json.loads(db.execute("select decks from col").fetchone()[0])} - {1}
    return decks | {int(k) for k in json.loads(db.execute("select models from col").fetchone()[0])}


@pytest.mark.parametrize("edition", EDITIONS, ids=[e["lang"] for e in EDITIONS])
def test_each_edition_has_its_deck_in_its_words_and_make_anki_exports_it(edition, built_site, tmp_path):
    config = load_config(ROOT, edition["lang"])
    words = yaml.safe_load((ROOT / config["data_dir"] / "interface.yml").read_text(encoding="utf-8"))["flashcards"]
    written = export_anki.export(tmp_path / "out", lang=edition["lang"])
    downloads = built_site / edition["folder"] / "downloads"
    for path in written:  # make anki writes the build's own files
        assert path.read_bytes() == (downloads / path.name).read_bytes(), path.name
    db = collection(written[0].read_bytes(), tmp_path / "db")
    decks = {d["name"] for d in json.loads(db.execute("select decks from col").fetchone()[0]).values()}
    assert f"{config['site_name']}::{words['deck_glossary']}" in decks
    assert any(name.startswith(f"{config['site_name']}::{words['deck_questions']}::") for name in decks)
    cards = {t["name"] for m in json.loads(db.execute("select models from col").fetchone()[0]).values() for t in m["tmpls"]}
    assert {words[k] for k in ("card_term_definition", "card_definition_term")} <= cards


def test_two_editions_never_share_a_deck_id(built_site, tmp_path):
    """Both decks imported into one Anki stay apart: each edition's identity is its own address."""
    seen: dict[int, str] = {}
    for edition in EDITIONS:
        config = load_config(ROOT, edition["lang"])
        deck = built_site / edition["folder"] / "downloads" / f"{file_stem(config['site_name'])}-flashcards.apkg"
        for deck_id in deck_ids(deck.read_bytes(), tmp_path / edition["lang"]):
            assert deck_id not in seen, f"{edition['lang']} and {seen[deck_id]} share the id {deck_id}"
            seen[deck_id] = edition["lang"]
