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
          "key_length_ratio_max": 1.15, "multi_first_max": 0.30, "multi_pattern_max": 0.15,
          "multi_position_min": 0.25, "multi_position_max": 0.75, "multi_key_count_max": 0.50,
          "absolute_key_ratio_min": 0.5, "absolute_distractor_max": 0.12, "position_words_max": 0}


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


def multi(*keyed: int, options: int = 5) -> tuple:
    """A multiple-answer question whose options at these positions (1-based) are correct."""
    return tuple(("[x] " if i + 1 in keyed else "[ ] ") + "option" for i in range(options))


# eight multiple-answer questions (one key makes a single-answer question): every pattern used
# once, each position correct in 4 or 5 of 8, two keys in 4 of 8 questions
BALANCED_MULTI = [multi(1, 2), multi(3, 4), multi(2, 5), multi(1, 4), multi(1, 3, 5), multi(2, 3, 4), multi(2, 4, 5),
                  multi(1, 2, 3, 5)]
SINGLE = [tuple(("[x] " if i == k else "[ ] ") + "option" for i in range(4)) for k in range(4)]


def test_a_balanced_bank_passes():
    assert over_thresholds(measure(bank_of(*SINGLE, *BALANCED_MULTI)), LIMITS) == []


def test_multiple_answer_statistics():
    stats = measure(bank_of(multi(2, 4), multi(2, 4), multi(1, 2, 3), multi(2, 3, options=4)))
    assert stats.multi_pattern == ("2, 4", 0.5)
    assert stats.multi_key_count == (2, 0.75)
    assert stats.multi_positions() == pytest.approx({1: 0.25, 2: 1.0, 3: 0.5, 4: 0.5, 5: 0.0})
    assert "most common keyed pattern (2, 4) in 50%" in stats.summary()


def test_one_keyed_pattern_used_too_often_fails():
    bank = bank_of(*SINGLE, *BALANCED_MULTI, multi(2, 4), multi(2, 4))  # 2 of 10 questions key 2 and 4
    found = next(p for p in over_thresholds(measure(bank), LIMITS) if "key the same options" in p)
    assert "20% of multiple-answer questions key the same options (2, 4) (at most 15%)" in found
    assert found.count("docs/") == 2  # the questions to change are named


def test_an_option_position_correct_too_often_or_too_rarely_fails():
    always_two = [multi(2, k) for k in (1, 3, 4, 5)] + [multi(2), multi(2, 3, 5), multi(1, 2, 4), multi(2, 4, 5)]
    found = "\n".join(over_thresholds(measure(bank_of(*SINGLE, *always_two)), LIMITS))
    assert "option 2 is correct in 100% of the multiple-answer questions that have it (at most 75%)" in found
    rarely_one = [m for m in BALANCED_MULTI if "[x] option" not in m[0]] + [multi(2, 3), multi(3, 5), multi(4, 5)]
    found = "\n".join(over_thresholds(measure(bank_of(*SINGLE, *rarely_one)), LIMITS))
    assert "option 1 is correct in only 0% of the multiple-answer questions that have it (at least 25%)" in found


def test_a_position_held_by_few_questions_is_printed_not_checked():
    bank = bank_of(*SINGLE, *BALANCED_MULTI, multi(1, 3, 7, options=7))  # positions 6 and 7: one question
    stats = measure(bank)
    assert stats.multi_positions()[7] == 1.0 and "7: 100%" in stats.summary()
    assert over_thresholds(stats, LIMITS) == []  # 7 correct in 100%, 6 in 0%: neither checked


def test_one_number_of_keys_in_most_questions_fails():
    threes = [multi(1, 2, 4), multi(2, 3, 5), multi(1, 3, 5), multi(3, 4, 5), multi(1, 4, 5), multi(2, 4, 5),
              multi(1, 2), multi(4, 5)]
    found = "\n".join(over_thresholds(measure(bank_of(*SINGLE, *threes)), LIMITS))
    assert "75% of multiple-answer questions have 3 correct options (at most 50%)" in found


def test_absolute_word_statistics():
    stats = measure(bank_of(("[x] It helps", "[ ] It never helps", "[ ] It always works", "[ ] It is fine"),
                            ("[x] You must refer now", "[ ] At  once, act", "[ ] Wait", "[ ] Overall calm")))
    assert stats.absolute_keys == pytest.approx(1 / 2)           # "must"
    assert stats.absolute_distractors == pytest.approx(3 / 6)    # "never", "always", "at once" ("overall" is not "all")
    assert measure(bank_of(("[x] Only this", "[ ] Never that")), absolute_words=["never"]).absolute_keys == 0


def test_absolute_words_only_in_distractors_fail():
    cued = [("[x] Reflect the feeling", "[ ] Never reflect", "[ ] Ask why", "[ ] Give advice")] * 2
    found = "\n".join(over_thresholds(measure(bank_of(*SINGLE, *cued)), LIMITS))
    assert "absolute words (never, always, must...) are in 0% of keys but 11% of distractors" in found
    assert '"never"' in found
    many = [("[x] Never promise secrecy", "[ ] Always ask why", "[ ] Reflect", "[ ] Advise")] * 3
    found = "\n".join(over_thresholds(measure(bank_of(*SINGLE, *many)), LIMITS))
    assert "14% of distractors carry an absolute word (at most 12%)" in found and '"always"' in found
    assert "absolute words (never" not in found  # keys carry them as often: 3 of 7 keys, 3 of 21 distractors


def test_single_answer_positions_are_printed_not_enforced_while_shuffled():
    all_second = [("[ ] option", "[x] option", "[ ] option", "[ ] option")] * 4
    assert any("position 2" in p for p in over_thresholds(measure(bank_of(*all_second)), LIMITS))
    shuffled = measure(bank_of(*all_second), shuffled=True)
    assert not any("position" in p for p in over_thresholds(shuffled, LIMITS))
    assert "2: 100%" in shuffled.summary() and "shuffled" in shuffled.summary()


@pytest.mark.parametrize("text, words", [
    ("The second response is right.", "second response"),
    ("the last two options are advice", "last two options"),
    ("The first one ignores her.", "first one"),
    ("Option 3 gives advice.", "Option 3"),
    ("answers b and d are right", "answers b and d"),
    ("So (c) fails.", "(c)"),
    ("The latter only reassures.", "The latter"),
    ("the reply above misses it", "reply above"),
])
def test_explanations_naming_an_option_by_its_place_are_found(text, words):
    from shared.question_cues import position_words
    assert [w for _, w in position_words(text)] == [words]


@pytest.mark.parametrize("text", [
    "In the first session, she asked.", "Call 811, option 2 (Info-Social).", "The reply about flexible hours.",
    "Rogers (1957) named the conditions", "the first step of the process", "He answered at once.",
])
def test_other_words_are_not_taken_for_places(text):
    from shared.question_cues import position_words
    assert position_words(text) == []


def test_explanations_naming_places_fail_over_the_allowance():
    from objectives import place_problems
    page = box("x <!-- objective: x -->") + "## Why { #why }\n\n" + quiz("x").replace("Because.", "The second option is right.")
    questions = read_bank({SECTION: page}).questions
    found = place_problems(questions, {SECTION: page}, allowed=0)
    line = page.splitlines().index("The second option is right. See [why](#why).") + 1
    assert found == [f'docs/{SECTION}, question 1 (line {line}): its explanation names an option by its place '
                     '("second option"), but the site shuffles the options: name it by its content instead, '
                     'e.g. "the reply about flexible hours"']
    assert place_problems(questions, {SECTION: page}, allowed=1) == []


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
    with pytest.raises(PluginError, match=r"position_words_max .* must be a whole number"):
        read_limits({"guide_rules": {"question_bank": dict(LIMITS, position_words_max=0.5)}})
    assert read_limits({"guide_rules": {"question_bank": dict(LIMITS, position_words_max=40)}})["position_words_max"] == 40


def test_absolute_words_setting():
    from objectives import read_absolute_words
    from shared.question_cues import ABSOLUTE_WORDS
    assert read_absolute_words({"guide_rules": {"question_bank": LIMITS}}) == ABSOLUTE_WORDS
    assert read_absolute_words({"guide_rules": {"question_bank": dict(LIMITS, absolute_words=["jamais"])}}) == ["jamais"]
    with pytest.raises(PluginError, match=r"absolute_words must be a list"):
        read_absolute_words({"guide_rules": {"question_bank": dict(LIMITS, absolute_words="never")}})


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
    assert set(block) - {"absolute_words"} == set(LIMITS)


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
