"""The Moodle XML export (tools/export_moodle.py): well-formed files, every question of the
bank in the category of its chapter and section (named as in the nav), feedback on every
answer, the explanation as general feedback linking to the hosted guide, objectives as tags."""

import re
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from guide_facts import CONFIG, NAV, QUIZ_PAGES, SITE_NAME, questions

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
        '<quiz>\nWhich two?\n- [x] a\n- [ ] b\n- [x] c\n\nSee [there](page.md#p).\n</quiz>\n\n'
        '<quiz>\nFill "this" & [[that]] <now>.\n\n---\nSee [there](../01-x/page.md#p) & "why".\n</quiz>\n', encoding="utf-8")
    [whole, chapter] = export_moodle.export(tmp_path / "out", root=tmp_path)
    root = parsed(whole)
    assert parsed(chapter) is not None
    category = [q.find("category/text").text for q in root.iter("question") if q.get("type") == "category"]
    assert category == ['$course$/top/T "&" <b>/1 Ch & <x>/1.1 "P" & <q>']
    single, multiple, blank = real_questions(root)
    assert single.get("type") == "multichoice" and single.find("single").text == "true"
    assert "A client says: \"I'm" in single.find("questiontext/text").text  # quotes and & came through the XML
    assert [t.text for t in single.findall("tags/tag/text")] == ["rate-empathy", "define-it"]
    feedback = [a.find("feedback/text").text for a in single.findall("answer")]
    assert "Right" in feedback[0] and feedback[1].strip()
    assert 'href="https://example.org/g/01-x/page/#p"' in single.find("generalfeedback/text").text
    assert multiple.find("single").text == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "-50", "50"]
    assert blank.get("type") == "shortanswer" and blank.find("answer/text").text == "that"
    assert "that" not in blank.find("questiontext/text").text


def test_help_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        export_moodle.main(["--help"])
    assert done.value.code == 0 and "Moodle XML" in capsys.readouterr().out
