"""The Moodle XML export (tools/export_moodle.py): well-formed files, every question of the
bank in the category of its chapter and section (named as in the nav), plain names, feedback
on every answer, the explanation as general feedback linking to the hosted guide, objectives
as unique tags within Moodle's 50 characters, every accepted form of a blank, Moodle's own
fractions with no credit for ticking every box, and no export to the placeholder site_url."""

import re
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from guide_facts import CONFIG, NAV, QUIZ_PAGES, SITE_NAME, questions
from shared.objective_rules import read_bank
from shared.quiz_source import BLANK, blank_forms

sys.path.insert(0, str(ROOT / "tools"))
import export_moodle  # noqa: E402


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return export_moodle.export(tmp_path_factory.mktemp("moodle"))


def parsed(path):
    return ET.parse(path).getroot()  # raises on malformed XML


def real_questions(root):
    return [q for q in root.iter("question") if q.get("type") != "category"]


def expected_categories():
    """site_name / chapter title [/ section title] for each page with questions, from the nav."""
    titles = {}

    def walk(items, chapter=None):
        for item in items:
            for title, value in (item.items() if isinstance(item, dict) else []):
                if isinstance(value, str):
                    titles[value] = [chapter] if value.endswith("/index.md") else [chapter, title]
                else:
                    walk(value, title)
            if isinstance(item, str):
                titles[item] = [chapter]
    walk(CONFIG["nav"])
    return ["$course$/top/" + "/".join([SITE_NAME, *titles[page]]) for page in QUIZ_PAGES]


def test_every_file_is_well_formed_and_the_counts_match_the_bank(files):
    bank = sum(len(questions(page)) for page in NAV)
    whole, chapters = files[0], files[1:]
    assert whole.name == "ALL.xml" and len(real_questions(parsed(whole))) == bank
    assert sum(len(real_questions(parsed(path))) for path in chapters) == bank
    assert {path.stem for path in chapters} == {page.split("/")[0] for page in QUIZ_PAGES}


def test_categories_follow_the_nav(files):
    found = [q.find("category/text").text for q in parsed(files[0]).iter("question") if q.get("type") == "category"]
    assert found == expected_categories()


def test_every_answer_has_feedback_and_every_question_an_explanation_linking_to_the_guide(files):
    site_url = CONFIG["site_url"].rstrip("/") + "/"
    for question in real_questions(parsed(files[0])):
        general = question.find("generalfeedback/text").text or ""
        assert f'href="{site_url}' in general, question.find("name/text").text
        for answer in question.findall("answer"):
            if question.get("type") == "multichoice":
                assert (answer.find("feedback/text").text or "").strip()
        if question.get("type") == "multichoice":
            right = [float(a.get("fraction")) for a in question.findall("answer") if float(a.get("fraction")) > 0]
            assert right and abs(sum(right) - 100) < 0.01, question.find("name/text").text


# Moodle's grade fractions (question_bank::fraction_options_full), in percent
MOODLE_FRACTIONS = {0, 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                    14.28571, 12.5, 11.11111, 10, 5}


def test_names_are_plain_text(files):
    for question in real_questions(parsed(files[0])):
        name = question.find("name/text").text
        assert re.match(r"^\d\d \S", name) and not re.search(r"\*\*|__|`|\[\[|<|&[a-z]+;|\]\(", name), name


def test_tags_are_unique_per_objective_and_within_50_characters(files):
    bank = read_bank({page: (ROOT / "docs" / page).read_text(encoding="utf-8") for page in QUIZ_PAGES})
    tags = [[t.text for t in q.findall("tags/tag/text")] for q in real_questions(parsed(files[0]))]
    assert len(tags) == len(bank.questions)
    owners = {}
    for question, found in zip(bank.questions, tags):  # the export follows the nav, as QUIZ_PAGES does
        assert len(found) == len(question.objectives) and all(len(tag) <= 50 for tag in found), found
        for key, tag in zip(question.objectives, found):
            owners.setdefault(tag.lower(), set()).add(key)  # Moodle compares tags without case
    assert all(len(keys) == 1 for keys in owners.values()), [t for t, k in owners.items() if len(k) > 1]
    assert len(owners) == len({k for q in bank.questions for k in q.objectives})


def test_fractions_are_moodles_and_ticking_every_box_earns_nothing(files):
    for question in real_questions(parsed(files[0])):
        if question.get("type") != "multichoice":
            continue
        fractions = [float(a.get("fraction")) for a in question.findall("answer")]
        assert all(min(abs(abs(f) - m) for m in MOODLE_FRACTIONS) < 0.001 for f in fractions), fractions
        if question.find("single").text == "false":
            right = [f for f in fractions if f > 0]
            wrong = [f for f in fractions if f <= 0]
            assert sum(fractions) <= 0.01, (question.find("name/text").text, fractions)  # every box ticked
            assert all(-w >= right[0] - 0.001 for w in wrong)  # a wrong tick costs at least a right one's share


def test_every_accepted_form_of_a_blank_is_a_right_answer(files):
    sources = {page: (ROOT / "docs" / page).read_text(encoding="utf-8") for page in QUIZ_PAGES}
    blanks = [blank_forms(m[1]) for page in QUIZ_PAGES for m in BLANK.finditer(sources[page])]
    assert any(len(forms) > 1 for forms in blanks), "no blank with variants to check"
    exported = {tuple(a.find("text").text for a in q.findall("answer")) for q in real_questions(parsed(files[0]))
                if q.get("type") == "shortanswer"}
    for forms in blanks:
        assert tuple(forms) in exported, forms


def test_the_placeholder_site_url_stops_the_export_unless_allowed(tmp_path, capsys):
    if "example.org" not in CONFIG["site_url"]:
        pytest.skip("site_url is set: nothing to refuse")
    with pytest.raises(SystemExit) as stopped:
        export_moodle.main([str(tmp_path)])
    assert "site_url is still the placeholder" in str(stopped.value.code) and "--allow-placeholder-url" in str(stopped.value.code)
    assert not (tmp_path / "moodle").exists()
    export_moodle.main([str(tmp_path), "--allow-placeholder-url"])
    assert (tmp_path / "moodle" / "ALL.xml").is_file()


def test_special_characters_types_feedback_and_objective_tags(tmp_path):
    docs = tmp_path / "docs" / "01-x"
    docs.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(
        'site_url: https://example.org/g/\nsite_name: T "&" <b>\nnav:\n  - 1 Ch & <x>:\n'
        '      - 01-x/index.md\n      - 1.1 "P" & <q>: 01-x/page.md\n', encoding="utf-8")
    (docs / "index.md").write_text("# Ch\n", encoding="utf-8")
    (docs / "page.md").write_text(
        '# P\n\n## Part { #p }\n\n<quiz>\n<!-- objectives: rate-empathy, define-it -->\n'
        'A client says: "I\'m <fine> & well" \'really\'?\n- [x] "Yes" & <no>\n> Right & "kind" <b>\n- [ ] \'No\'\n\n'
        'Because "quotes" & <tags>. See [here](#p).\n</quiz>\n\n'
        '<quiz>\nWhich **two**?\n- [x] a\n- [ ] b\n- [x] c\n\nSee [there](page.md#p).\n</quiz>\n\n'
        '<quiz>\nFill "this" & [[that | those | th*t]] <now>.\n\n---\nSee [there](../01-x/page.md#p) & "why".\n</quiz>\n\n'
        '<quiz>\nBoth [[a | an]] and [[b]].\n\n---\nSee [there](#p).\n</quiz>\n\n'
        '<quiz>\nWhich three?\n- [x] a\n- [x] b\n- [ ] c\n- [x] d\n\nSee [there](#p).\n</quiz>\n', encoding="utf-8")
    [whole, chapter] = export_moodle.export(tmp_path / "out", root=tmp_path)
    root = parsed(whole)
    assert parsed(chapter) is not None
    category = [q.find("category/text").text for q in root.iter("question") if q.get("type") == "category"]
    assert category == ['$course$/top/T "&" <b>/1 Ch & <x>/1.1 "P" & <q>']
    single, multiple, blank, cloze, three = real_questions(root)
    assert single.get("type") == "multichoice" and single.find("single").text == "true"
    assert "A client says: \"I'm" in single.find("questiontext/text").text  # quotes and & came through the XML
    assert [t.text for t in single.findall("tags/tag/text")] == ["page/rate-empathy", "page/define-it"]
    feedback = [a.find("feedback/text").text for a in single.findall("answer")]
    assert "Right" in feedback[0] and feedback[1].strip()
    assert 'href="https://example.org/g/01-x/page/#p"' in single.find("generalfeedback/text").text
    assert multiple.find("single").text == "false" and multiple.find("name/text").text == "02 Which two?"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "-100", "50"]  # one wrong: it costs both
    # three right, one wrong: the wrong tick costs all three right ones, so ticking all four earns 0
    assert [a.get("fraction") for a in three.findall("answer")] == ["33.33333", "33.33333", "-100", "33.33333"]
    assert blank.get("type") == "shortanswer" and [a.find("text").text for a in blank.findall("answer")] == \
        ["that", "those", "th\\*t"]  # each form right; Moodle's wildcard escaped
    assert {a.get("fraction") for a in blank.findall("answer")} == {"100"}
    assert "that" not in blank.find("questiontext/text").text and blank.find("name/text").text.startswith('03 Fill "this" & ___')
    assert "{1:SHORTANSWER:=a~=an}" in cloze.find("questiontext/text").text


def test_help_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        export_moodle.main(["--help"])
    assert done.value.code == 0 and "Moodle XML" in capsys.readouterr().out


def test_a_long_objective_tag_is_shortened_the_same_way_each_time():
    tag = export_moodle.objective_tag("a-rather-long-objective-identifier-for-this", "02-f/a-long-page-name.md")
    assert len(tag) == 50 and tag.startswith("a-long-page-name/a-rather-long-objective")
    assert tag == export_moodle.objective_tag("a-rather-long-objective-identifier-for-this", "02-f/a-long-page-name.md")
    assert tag != export_moodle.objective_tag("a-rather-long-objective-identifier-for-that", "02-f/a-long-page-name.md")
    assert export_moodle.objective_tag("other-page/x", "02-f/a.md") == "other-page/x"
    assert export_moodle.objective_tag("x", "02-f/index.md") == "02-f/x"


def test_fractions_outside_moodles_list_are_refused():
    assert export_moodle.fraction(100 / 3) == "33.33333" and export_moodle.fraction(-100 / 7) == "-14.28571"
    with pytest.raises(ValueError, match="Moodle cannot grade"):
        export_moodle.fraction(100 / 11)
