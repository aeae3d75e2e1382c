"""Learning objectives and the question bank's cues: each rule on tiny pages (every bad-input
case, with the message that names file, line and what to do), the cue statistics on small
made-up banks, the thresholds' settings, and the real guide read by the same functions
(its pages and counts come from mkdocs.yml)."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, copy_project, run_build
from mkdocs.exceptions import PluginError
from shared.objective_rules import page_stem, read_bank, teaching_anchor
from objectives import read_limits
from shared.page_outline import is_chapter_page, is_section_page, nav_order
from shared.question_cues import measure, over_thresholds, rendered_text

SECTION = "02-foundations/empathy.md"
OVERVIEW = "02-foundations/index.md"
LIMITS = {"key_longest_max": 0.30, "key_position_min": 0.15, "key_position_max": 0.35,
          "key_length_ratio_max": 1.15, "multi_first_max": 0.30}


def box(*items: str) -> str:
    return '# 2.2 Empathy\n\n!!! abstract "Learning objectives"\n    After this section you can:\n\n' + \
        "".join(f"    - {item}\n" for item in items) + "\n"


def quiz(objectives: str | None, answers=("[x] right", "[ ] wrong"), link="#why") -> str:
    first = f"<!-- objectives: {objectives} -->\n" if objectives is not None else ""
    options = "".join(f"- {a}\n" for a in answers)
    return f"<quiz>\n{first}Which one?\n{options}\nBecause. See [why]({link}).\n</quiz>\n\n"


GOOD = box("define empathy; <!-- objective: define -->", "rate responses. <!-- objective: rate -->") + \
    "## Why { #why }\n\nText.\n\n## How { #how }\n\nText.\n\n" + quiz("define") + quiz("rate", link="#how")


def problems(sources: dict[str, str]) -> list[str]:
    return read_bank(sources).problems


# ---------- Objective rules

def test_a_good_page_has_no_problem_and_links_questions_to_objectives():
    bank = read_bank({SECTION: GOOD})
    assert bank.problems == []
    assert [o.id for o in bank.objectives.values()] == ["define", "rate"]
    assert [q.objectives for q in bank.questions] == [[f"{SECTION}#define"], [f"{SECTION}#rate"]]
    assert bank.questions[0].parts.stem == "Which one?"  # the objectives line is not part of the stem


def test_objective_without_id():
    found = problems({SECTION: GOOD.replace(" <!-- objective: rate -->", "")})
    assert len(found) == 2  # the item has no id, and the question naming "rate" names nothing known
    assert f"docs/{SECTION}, line 7: the objective \"rate responses.\" has no id" in found[0]
    assert "<!-- objective: some-id -->" in found[0]


@pytest.mark.parametrize("bad", ["Rate", "rate_responses", "rate responses", ""])
def test_objective_with_a_malformed_id(bad):
    found = problems({SECTION: GOOD.replace("objective: rate -->", f"objective: {bad} -->")})
    assert any(f"docs/{SECTION}, line 7: the objective id" in p and "lower case letters" in p for p in found), found


def test_objective_id_used_twice_on_a_page():
    found = problems({SECTION: GOOD.replace("objective: rate", "objective: define")})
    assert f'docs/{SECTION}, line 7: the objective id "define" is already used on line 6' in found[0]


def test_question_naming_no_objective():
    found = problems({SECTION: GOOD + quiz(None)})
    assert len(found) == 1
    assert f"docs/{SECTION}, line {GOOD.count(chr(10)) + 1} (question 3): names no objective" in found[0]
    assert "<!-- objectives: some-id -->" in found[0]


def test_question_with_an_empty_objectives_line():
    found = problems({SECTION: GOOD + quiz("")})
    assert found and "its objectives line names no id" in found[0]


def test_question_naming_an_unknown_objective():
    found = problems({SECTION: GOOD + quiz("define, empathise")})
    assert len(found) == 1
    assert f'docs/{SECTION}, line {GOOD.count(chr(10)) + 1} (question 3): names the objective "empathise"' in found[0]
    assert "its ids: define, rate" in found[0]


def test_section_page_may_not_name_another_pages_objective():
    other = "02-foundations/trust.md"
    found = problems({SECTION: GOOD + quiz("trust/build"),
                      other: box("build trust <!-- objective: build -->") + quiz("build")})
    assert len(found) == 1 and 'names "trust/build"; a section page' in found[0]


def test_overview_names_section_objectives_by_page_and_id():
    overview = "# 2 Foundations\n\n" + quiz("empathy/rate", link="empathy.md#how")
    bank = read_bank({SECTION: GOOD, OVERVIEW: overview})
    assert bank.problems == []
    assert [q.page for q in bank.questions_of(f"{SECTION}#rate")] == [SECTION, OVERVIEW]


def test_overview_naming_an_unknown_section_objective():
    found = problems({SECTION: GOOD, OVERVIEW: "# 2\n\n" + quiz("empathy/empathise") + quiz("trust/rate")})
    assert len(found) == 2
    assert f'docs/{OVERVIEW}, line 3 (question 1): names "empathy/empathise", but 02-foundations/empathy.md has no ' \
           'objective "empathise"' in found[0]
    assert "02-foundations/trust.md has no objective" in found[1]


def test_objective_checked_by_no_question():
    found = problems({SECTION: GOOD.replace(quiz("rate", link="#how"), "")})
    assert found == [f'docs/{SECTION}, line 7: the objective "rate" is checked by no question; name it in a '
                     "question's <!-- objectives: ... --> line (or remove the objective)."]


def test_every_problem_is_reported_at_once():
    page = box("a <!-- objective: a -->", "b", "c <!-- objective: c -->") + quiz("zz") + quiz(None)
    found = problems({SECTION: page})
    assert len(found) == 5  # b has no id; zz unknown; no objective; a and c unchecked
    assert all(p.startswith(f"docs/{SECTION}, line ") for p in found)


def test_objectives_in_a_code_example_are_not_read():
    example = '```markdown\n!!! abstract "Learning objectives"\n    - x <!-- objective: x -->\n```\n\n'
    assert read_bank({SECTION: "# P\n\n" + example}).objectives == {}


def test_teaching_anchor_is_the_heading_linked_most_else_none():
    page = GOOD + quiz("rate", link="#how") + quiz("rate", link="#why") + quiz("define", link="https://example.org/#x")
    bank = read_bank({SECTION: page})
    assert teaching_anchor(bank, f"{SECTION}#rate", {SECTION: page}) == "how"
    assert teaching_anchor(bank, f"{SECTION}#define", {SECTION: page}) == "why"
    no_heading = GOOD.replace("(#why)", "(#nowhere)")
    bank = read_bank({SECTION: no_heading})
    assert teaching_anchor(bank, f"{SECTION}#define", {SECTION: no_heading}) == ""


def test_labels_name_the_page():
    assert page_stem("02-foundations/empathy-and-trust.md") == "empathy-and-trust"
    assert page_stem("02-foundations/index.md") == "02-foundations"


# ---------- Cue statistics

def bank_of(*answer_sets) -> list:
    page = box("x <!-- objective: x -->") + "## Why { #why }\n\n" + "".join(quiz("x", answers) for answers in answer_sets)
    return read_bank({SECTION: page}).questions


def test_rendered_text_drops_markdown():
    assert rendered_text('**Empathy** and *[sympathy](#s)* `code` <em>x</em> &amp; "q"') == 'Empathy and sympathy code x & "q"'


def test_statistics_of_a_small_bank():
    stats = measure(bank_of(
        ("[x] a much longer right answer", "[ ] short", "[ ] short", "[ ] short"),   # key longest, position 1
        ("[ ] same size", "[x] same size", "[ ] same size", "[ ] same size"),        # position 2, not longest
        ("[ ] one", "[ ] two", "[x] three", "[ ] four"),                             # position 3, longest (5 > 4)
        ("[x] yes", "[x] also", "[ ] no", "[ ] nope"),                               # multiple, first ones
        ("[ ] no", "[x] yes", "[ ] nope", "[x] also"),                               # multiple, mixed
    ))
    assert len(stats.single) == 3 and len(stats.multiple) == 2
    assert stats.key_longest == pytest.approx(2 / 3)
    assert [stats.key_position(p) for p in (1, 2, 3, 4)] == pytest.approx([1 / 3, 1 / 3, 1 / 3, 0])
    keys = [len("a much longer right answer"), 9, 5]
    others = [5, 9, (3 + 3 + 4) / 3]
    assert stats.key_length_ratio == pytest.approx((sum(keys) / 3) / (sum(others) / 3))
    assert stats.multi_first == pytest.approx(0.5)
    assert "3 single-answer questions" in stats.summary() and "67%" in stats.summary()


def test_options_are_measured_as_rendered():
    stats = measure(bank_of(("[x] [right](#why)", "[ ] wrong")))
    assert stats.single[0].lengths == [5, 5] and not stats.single[0].key_longest


def test_fill_in_questions_are_left_out():
    page = box("x <!-- objective: x -->") + "<quiz>\n<!-- objectives: x -->\nA [[blank]].\n\n---\nSee [w](#w).\n</quiz>\n"
    stats = measure(read_bank({SECTION: page}).questions)
    assert stats.single == [] and stats.multiple == []


def test_a_balanced_bank_passes():
    sets = [tuple(("[x] " if i == k else "[ ] ") + "option" for i in range(4)) for k in range(4)]
    sets += [("[ ] wrong", "[x] right", "[ ] wrong", "[x] right")]
    assert over_thresholds(measure(bank_of(*sets)), LIMITS) == []


def test_a_cued_bank_fails_naming_the_worst_questions():
    sets = [("[ ] no", "[x] the long right answer" + "!" * k, "[ ] no", "[ ] no") for k in range(7)]
    sets += [("[x] yes", "[x] yes", "[ ] no", "[ ] no")]
    found = over_thresholds(measure(bank_of(*sets)), LIMITS)
    text = "\n".join(found)
    assert "strictly the longest option in 100%" in text
    assert "times as long as the other options" in text
    assert "100% of single-answer keys are at position 2" in text
    assert "only 0% of single-answer keys are at position 1" in text
    assert "correct options are exactly the first ones" in text
    longest = next(p for p in found if "strictly the longest" in p)
    lines = [q.line for q in bank_of(*sets)]
    assert f"docs/{SECTION}, line {lines[6]}" in longest.split("starting with:")[1].split(";")[0]  # the worst first
    assert "(and 2 more)" in longest


def test_thresholds_come_from_the_settings():
    sets = [("[ ] no", "[x] the long right answer", "[ ] no", "[ ] no")] * 4
    relaxed = dict(LIMITS, key_longest_max=1, key_length_ratio_max=20, key_position_max=1, key_position_min=0)
    assert over_thresholds(measure(bank_of(*sets)), relaxed) == []


def test_settings_must_be_there_and_numeric():
    assert read_limits({"guide_rules": {"question_bank": LIMITS}}) == LIMITS
    with pytest.raises(PluginError, match=r"extra: guide_rules: question_bank:.*key_longest_max"):
        read_limits({})
    with pytest.raises(PluginError, match=r"multi_first_max \(share of multiple-answer"):
        read_limits({"guide_rules": {"question_bank": dict(LIMITS, multi_first_max="a third")}})


# ---------- The real guide, as mkdocs.yml lists it

def real_sources() -> dict[str, str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    pages = [uri for uri in nav_order(config["nav"]) if is_section_page(uri) or is_chapter_page(uri)]
    return {uri: (ROOT / "docs" / uri).read_text(encoding="utf-8") for uri in pages}


def test_every_section_page_of_the_nav_has_checked_objectives():
    sources = real_sources()
    bank = read_bank(sources)
    assert bank.problems == []
    for uri in (u for u in sources if is_section_page(u)):
        objectives = [o for o in bank.objectives.values() if o.page == uri]
        assert 3 <= len(objectives) <= 5, (uri, len(objectives))
        assert all(bank.questions_of(o.key) for o in objectives), uri


def test_settings_in_mkdocs_yml_are_complete():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    block = config["extra"]["guide_rules"]["question_bank"]
    assert set(block) == set(LIMITS)


def test_the_build_names_a_missing_id(tmp_path):
    project = copy_project(tmp_path / "guide")
    uri = next(u for u in real_sources() if is_section_page(u))
    page = project / "docs" / uri
    text = page.read_text(encoding="utf-8")
    start = text.index("<!-- objective: ")
    line = text.count("\n", 0, start) + 1
    page.write_text(text[:start] + text[text.index("-->", start) + 3:], encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/{uri}, line {line}: the objective" in result.stderr + result.stdout
    assert "checked by no question" not in result.stderr  # the id is missing, not unchecked


# ---------- The objectives in the print edition and the QTI export

def test_print_answer_key_gives_each_questions_objective(built_site):
    import html as html_lib
    import re

    page = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    key = page[page.index('id="answer-key"'):]
    sources = real_sources()  # nav order, as printed
    bank = read_bank(sources)
    expected = ["; ".join(rendered_text(bank.objectives[k].text).rstrip(";,. ") for k in q.objectives)
                for uri in sources for q in bank.page_questions(uri)]
    entries = [html_lib.unescape(e) for e in re.findall(r'<p class="print-objective">(.*?)</p>', key)]
    assert len(entries) == page.count('<div class="print-question">') == len(expected)
    label = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))["print"]["objective_label"]
    assert [e.removeprefix(label).strip() for e in entries] == expected


def test_qti_items_carry_their_objectives(tmp_path):
    import re
    import xml.etree.ElementTree as ET
    import zipfile

    import export_qti

    labels = {o.label for o in read_bank(real_sources()).objectives.values()}
    qti12, qti21 = export_qti.export(tmp_path)
    with zipfile.ZipFile(qti12) as archive:
        items = {n: archive.read(n).decode() for n in archive.namelist() if n.startswith("items/")}
    assert items
    for name, xml in items.items():
        root = ET.fromstring(xml)
        item = root.find("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item")
        title_labels = item.get("title").split(": ")[0].split(", ")
        assert set(title_labels) <= labels, (name, item.get("title"))
        fields = re.findall(r"<fieldlabel>learning_objective</fieldlabel>\s*<fieldentry>([^:<]+):", xml)
        assert fields == title_labels, name
        assert "objectives:" not in xml  # the quiz's objectives line stays out of the question
    with zipfile.ZipFile(qti21) as archive:
        manifest = archive.read("imsmanifest.xml").decode()
        ET.fromstring(manifest)
        for name in (n for n in archive.namelist() if n.startswith("items/")):
            ET.fromstring(archive.read(name))
    resources = re.findall(r'<resource identifier="[^"]+" type="imsqti_item_xmlv2p1".*?</resource>', manifest, re.S)
    assert len(resources) == len(items)
    assert all("<imsmd:value>educational objective</imsmd:value>" in r for r in resources)


def test_progress_block_reaches_html_escaped():
    from objective_progress import render_block

    sections = [{"title": "2.2 <b>Empathy</b>", "href": "../a/?x=1&y=2", "objectives": [
        {"key": "a.md#x", "text": 'Rate "it" <script>alert(1)</script>', "href": "../a/#h",
         "questions": [["../a/", "quiz-0"], ["../a/", "quiz-2"]]}]}]
    html = render_block(sections, {"objectives_counts": "{answered} of {total}, {right} right {unknown}",
                                   "x": "</script><script>alert(2)"})
    assert "<b>" not in html and "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html and 'href="../a/?x=1&amp;y=2"' in html
    assert "0 of 2, 0 right {unknown}" in html
    assert html.count("</script>") == 1  # the data block's own, nothing closed early
