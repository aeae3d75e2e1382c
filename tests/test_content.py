"""Content checks of the real pages: depth, structure, citations, questions, originality."""

import re
import subprocess

import pytest
import yaml

from citation_check import find_citations, reference_index, resolve
from conftest import ROOT
from page_outline import is_chapter_page, is_section_page, nav_order, outline

# Pages written by authors (generated pages such as glossary.md are not in docs/)
NAV = [p for p in nav_order(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"])
       if (ROOT / "docs" / p).is_file()]
SECTIONS = [p for p in NAV if is_section_page(p)]
CHAPTERS = [p for p in NAV if is_chapter_page(p)]
QUIZ = re.compile(r"<quiz>(.*?)</quiz>", re.S)


def source(page):
    return (ROOT / "docs" / page).read_text(encoding="utf-8")


def prose_words(markdown):
    """Words a student reads as prose: no quizzes, code, HTML tags, link targets or ids."""
    text = QUIZ.sub(" ", markdown)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>|\]\([^)]*\)|\{[^}]*\}", " ", text)
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))


@pytest.mark.parametrize("page", SECTIONS)
def test_section_page_has_textbook_depth_and_structure(page):
    markdown = source(page)
    assert prose_words(markdown) >= 800, f"{page}: {prose_words(markdown)} words of prose"
    objectives = re.search(r'!!! abstract "Learning objectives"\n((?:    .*\n|\n)+)', markdown)
    assert objectives, f"{page}: no learning objectives box"
    bullets = re.findall(r"^    - ", objectives[1], re.M)
    assert 3 <= len(bullets) <= 5, f"{page}: {len(bullets)} objectives"
    anchors = [part.anchor for part in outline(page, markdown).parts]
    assert anchors[-3:] == ["key-takeaways", "reflection-questions", "check-your-understanding"], anchors
    reflection = outline(page, markdown).parts[-2].text
    assert 2 <= len(re.findall(r"^\d+\. ", reflection, re.M)) <= 3, f"{page}: reflection questions"
    assert re.search(r'!!! example "Worked example', markdown), f"{page}: no worked example"
    assert all(re.search(r"\{[^}]*#[\w-]+", line) for line in markdown.splitlines() if line.startswith("## ")), \
        f"{page}: every H2 needs an explicit id"


def test_every_citation_resolves_and_every_reference_is_cited():
    refs = yaml.safe_load((ROOT / "data/references.yml").read_text(encoding="utf-8"))["references"]
    assert len(refs) >= 20
    index = reference_index(r["cite"] for r in refs)
    used = set()
    for page in NAV:
        for citation in find_citations(source(page)):
            key = resolve(citation, index)
            assert key, f"{page}: {citation.text} has no reference"
            used.add(key)
    assert set(index.values()) == used, f"never cited: {set(index.values()) - used}"


def questions(page):
    return QUIZ.findall(source(page))


def test_question_bank_size_and_types():
    for page in SECTIONS:
        assert len(questions(page)) >= 5, page
    for page in CHAPTERS:
        assert len(questions(page)) >= 4, page
    bank = [q for page in NAV for q in questions(page)]
    multiple = [q for q in bank if len(re.findall(r"^\s*- \[[xX]\]", q, re.M)) >= 2]
    blanks = [q for q in bank if "[[" in q]
    assert len(bank) >= 120 and len(multiple) >= 15 and len(blanks) >= 15, (len(bank), len(multiple), len(blanks))


def test_a_third_of_questions_are_applied_scenarios():
    """Applied questions quote a client or set a situation (a quotation or a named person)."""
    bank = [q for page in NAV for q in questions(page)]
    stems = [q.split("\n- [")[0] for q in bank]
    applied = [s for s in stems if re.search(r"[\"“].{15,}[\"”]|\b(?:client|helper|student|nurse|worker|counsellor)\b.{0,80}\b(?:says|tells|asks|writes|arrives|is|has)\b", s, re.S | re.I)]
    assert len(applied) * 3 >= len(bank), f"{len(applied)} applied of {len(bank)}"


def test_outline_errors_are_fixed():
    everything = "\n".join(source(p) for p in NAV)
    assert "6;1" not in everything and "respondswith" not in everything
    book = source("01-introduction/hetu-book-overview.md")
    # the two unsupported claims are named only to say that no record supports them
    assert "1990" in book and "2014" in book
    assert re.search(r"no record[^.]*supports", book, re.I)
    assert "Gaëtan Morin" in book and "2000" in book


def test_case_studies_are_labelled_fictional():
    for page in ("07-case-studies/success-stories.md", "07-case-studies/challenging-cases.md"):
        assert len(re.findall(r'!!! note "A composite, fictional case"', source(page))) >= 3, page


def test_originality_check_reports_no_copied_run():
    tool = ROOT.parent / "shared" / "tools" / "check-originality"
    if not tool.exists():
        pytest.skip("shared/tools/check-originality is not beside this checkout")
    result = subprocess.run([str(tool), str(ROOT / "docs"), str(ROOT / "data")], capture_output=True, text=True)
    assert result.returncode == 0 and " 0 copied runs" in result.stdout, result.stdout + result.stderr
