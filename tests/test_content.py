"""Content checks of the real pages: depth, structure, citations, questions, originality."""

import re
import subprocess

import pytest

from shared.citation_check import find_citations, reference_index, reference_keys, resolve
from shared.law_check import LawEntry, mentioned
from guide_facts import CHAPTERS, NAV, ROOT, RULES, SECTIONS, data, questions, source
from page_rules import chapter_problems, marked_terms_problem, prose_words, section_problems


@pytest.mark.parametrize("page", SECTIONS)
def test_section_page_meets_the_configured_page_rules(page):
    """The rules of extra.guide_rules, read as the build reads them (hooks/page_rules.py)."""
    assert section_problems(source(page), RULES, page) == []


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_overview_meets_the_configured_page_rules(page):
    assert chapter_problems(source(page), RULES) == []


def test_the_page_rules_catch_a_thin_page():
    """The same functions fail a page that breaks each rule in force (so the tests above can fail)."""
    thin = "# 9.9 Thin\n\nA few words only.\n\n## Untitled part\n\nMore.\n"
    problems = " ".join(section_problems(thin, RULES))
    expected = {"words of prose": RULES["min_words"] > 5, "Learning objectives": RULES["objectives"]["max"] > 0,
                "no explicit id": RULES["explicit_h2_ids"], "worked example": RULES["worked_example"],
                "should end with the parts": bool(RULES["closing_parts"]), "quiz questions": RULES["min_questions"] > 0}
    for words, in_force in expected.items():
        assert (words in problems) == in_force, (words, problems)
    assert prose_words("One two.\n<quiz>\nThree four?\n- [x] five\n</quiz>\n`six` [seven](x.md#y)") == 4
    if RULES["min_marked_terms"]:
        assert marked_terms_problem(RULES["min_marked_terms"] - 1, RULES)


def test_every_citation_resolves_and_every_reference_is_cited():
    refs = data("references")["references"]
    assert refs
    index = reference_index(r["cite"] for r in refs)
    used = set()
    for page in NAV:
        for citation in find_citations(source(page)):
            key = resolve(citation, index)
            assert key, f"{page}: {citation.text} has no reference"
            used.add(key)
    # naming a statute, or citing its chapter, cites it (hooks/shared/law_check.py)
    laws = [LawEntry(r["cite"], r["chapter"], tuple(r.get("names") or ()), r.get("version_read"))
            for r in refs if r.get("chapter")]
    texts = [source(page) for page in NAV] + [(ROOT / "data" / name).read_text(encoding="utf-8")
                                              for name in ("glossary.yml", "comparison.yml")]
    used |= {reference_keys(cite) for text in texts for cite in mentioned(text, laws)}
    assert set(index.values()) == used, f"never cited: {set(index.values()) - used}"


def test_question_bank_holds_every_type():
    """Single choice, multiple choice and fill-in questions all occur (their numbers per page
    are the page rules' business)."""
    bank = [q for page in NAV for q in questions(page)]
    multiple = [q for q in bank if len(re.findall(r"^\s*- \[[xX]\]", q, re.M)) >= 2]
    blanks = [q for q in bank if "[[" in q]
    single = [q for q in bank if q not in multiple and q not in blanks]
    assert multiple and blanks and single, (len(single), len(multiple), len(blanks))


def test_a_third_of_questions_are_applied_scenarios():
    """Applied questions quote a client or set a situation (a quotation or a named person)."""
    bank = [q for page in NAV for q in questions(page)]
    stems = [q.split("\n- [")[0] for q in bank]
    applied = [s for s in stems if re.search(r"[\"“].{15,}[\"”]|\b(?:client|helper|student|nurse|worker|counsellor)\b.{0,80}\b(?:says|tells|asks|writes|arrives|is|has)\b", s, re.S | re.I)]
    assert len(applied) * 3 >= len(bank), f"{len(applied)} applied of {len(bank)}"


def test_outline_errors_are_fixed():
    everything = "\n".join(source(p) for p in NAV)
    assert "6;1" not in everything and "respondswith" not in everything
    # the unsupported claims about Hétu's book are named only to say that no record supports them
    for page in NAV:
        text = source(page)
        if "Gaëtan Morin" in text and re.search(r"\b(?:1990|2014)\b", text):
            assert re.search(r"no record[^.]*supports", text, re.I), page


def test_case_studies_are_labelled_fictional():
    """Every section of a case-study chapter (its folder says so) marks its cases fictional."""
    for page in SECTIONS:
        if "case" in page.split("/")[0]:
            assert re.search(r'!!! note "A composite, fictional case"', source(page)), page


def test_originality_check_reports_no_copied_run():
    tool = ROOT.parent / "shared" / "tools" / "check-originality"
    if not tool.exists():
        pytest.skip("shared/tools/check-originality is not beside this checkout")
    result = subprocess.run([str(tool), str(ROOT / "docs"), str(ROOT / "data")], capture_output=True, text=True)
    assert result.returncode == 0 and " 0 copied runs" in result.stdout, result.stdout + result.stderr


def test_rule_settings_are_checked():
    from mkdocs.exceptions import PluginError
    from page_rules import rules_from
    assert rules_from({"guide_rules": {"min_words": 10, "question_bank": {"anything": 1}}})["min_words"] == 10
    with pytest.raises(PluginError, match=r'min_words: .* should be a whole number.*unknown rule "min_word"'):
        rules_from({"guide_rules": {"min_words": "many", "min_word": 3}})
