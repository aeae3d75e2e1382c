"""The skills lab's loader, link and marker checks, and rendering, without a build.

Each bad-input case starts from a small valid data set written to a temporary project, breaks
one thing, and checks that the build would stop with a message naming the file, the exercise
or the step, the line and the fix. The real data files are checked too, against the issue's
minimums (counts come from the files, so adding exercises or conversations keeps passing).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import skills_lab
from shared import skills_lab_data as data
from shared import skills_lab_render as render
import yaml
from conftest import ROOT, copy_project, run_build
from mkdocs.exceptions import PluginError
from shared import question_cues as cues
from shared.page_outline import outline

STRINGS = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))["lab"]
PAGE = "04-skills/active-listening.md"
OUTLINES = {PAGE: outline(PAGE, "# 4.1 Active listening\n\n## Paraphrase { #paraphrase }\n\ntext\n")}


def valid_exercises() -> dict:
    models = [{"level": n, "response": f"response {n}", "why": f"why {n}"} for n in (1, 2, 3)]
    return {
        "skills": [{"id": "paraphrase", "name": "Paraphrase", "teaches": f"{PAGE}#paraphrase",
                    "levels": [f"what level {n} means for a paraphrase" for n in range(1, 6)]}],
        "difficulties": [{"id": "starter", "name": "Starter"}],
        "levels": [{"level": n, "name": f"level {n}"} for n in range(1, 6)],
        "exercises": [{"id": "paraphrase-one", "skill": "paraphrase", "difficulty": "starter",
                       "context": "Someone, somewhere.", "client": "Words.", "models": models}],
    }


def choice(next_step: str, verdict: str = "helpful") -> dict:
    return {"say": f"say to {next_step}", "verdict": verdict, "feedback": "names the skill",
            "teaches": f"{PAGE}#paraphrase", "next": next_step}


def valid_conversations() -> dict:
    return {"conversations": [{
        "id": "first-talk", "title": "A first talk", "client_name": "Alex", "context": "A setting.",
        "start": "opening",
        "steps": {
            "opening": {"client": "Hello.", "choices": [choice("middle"), choice("middle", "partly"), choice("end-poor", "unhelpful")]},
            "middle": {"client": "Well.", "choices": [choice("end-good"), choice("end-poor", "unhelpful"), choice("end-good", "partly")]},
            "end-good": {"client": "Thanks.", "debrief": "It went well.", "outcome": "best"},
            "end-poor": {"client": "Bye.", "debrief": "It went badly.", "outcome": "weak"},
        },
    }]}


def write(root: Path, exercises: dict, conversations: dict) -> Path:
    folder = root / "data/skills-lab"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exercises.yml").write_text(yaml.safe_dump(exercises, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (folder / "conversations.yml").write_text(yaml.safe_dump(conversations, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


def load_error(tmp_path: Path, exercises: dict, conversations: dict) -> str:
    with pytest.raises(PluginError) as caught:
        data.load_lab(write(tmp_path, exercises, conversations))
    return str(caught.value)


# ---------------------------------------------------------------- the valid case and the real data

def test_a_valid_data_set_loads(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), valid_conversations()))
    assert [e["id"] for e in lab.exercises] == ["paraphrase-one"]
    assert data.depth(lab.conversations[0]) == 2
    data.check_links(lab, OUTLINES)  # no exception


def test_the_real_data_meets_the_issue_minimums():
    lab = data.load_lab(ROOT)
    skills_used = {e["skill"] for e in lab.exercises}
    assert len(lab.exercises) >= 40 and len(skills_used) >= 8
    for conversation in lab.conversations:
        decisions = [s for s in conversation["steps"].values() if not data.is_ending(s)]
        assert data.depth(conversation) >= 3, conversation["id"]
        assert min(len(step["choices"]) for step in decisions) >= 3, conversation["id"]
    assert len(lab.conversations) >= 6


def test_every_person_in_the_exercises_is_a_different_one():
    lab = data.load_lab(ROOT)
    people = [e["context"].split(",")[0] for e in lab.exercises]
    people += [c["client_name"] for c in lab.conversations]
    repeated = {p for p in people if people.count(p) > 1}
    assert not repeated, f"the same person in several scenarios: {repeated}"


def test_the_real_models_include_weak_and_strong_responses():
    for exercise in data.load_lab(ROOT).exercises:
        levels = [m["level"] for m in exercise["models"]]
        assert min(levels) <= 2 and max(levels) >= 3, exercise["id"]


# ---------------------------------------------------------------- bad exercises

@pytest.mark.parametrize("field", ["level", "why", "response"])
def test_a_model_without_a_field_is_refused(tmp_path, field):
    exercises = valid_exercises()
    del exercises["exercises"][0]["models"][1][field]
    message = load_error(tmp_path, exercises, valid_conversations())
    assert f'missing "{field}"' in message
    assert "data/skills-lab/exercises.yml" in message and '"paraphrase-one"' in message
    assert "model 2 (line " in message


@pytest.mark.parametrize("level", [0, 6, "three", 2.5])
def test_a_level_outside_the_scale_is_refused(tmp_path, level):
    exercises = valid_exercises()
    exercises["exercises"][0]["models"][0]["level"] = level
    message = load_error(tmp_path, exercises, valid_conversations())
    assert "model 1" in message and ("outside the scale" in message or '"level" should be a number' in message)


def test_an_unknown_skill_is_refused_with_the_known_ones(tmp_path):
    exercises = valid_exercises()
    exercises["exercises"][0]["skill"] = "telepathy"
    message = load_error(tmp_path, exercises, valid_conversations())
    assert 'unknown skill "telepathy"' in message and "paraphrase" in message and ", line " in message


def test_an_unknown_difficulty_is_refused(tmp_path):
    exercises = valid_exercises()
    exercises["exercises"][0]["difficulty"] = "expert"
    assert 'unknown difficulty "expert"' in load_error(tmp_path, exercises, valid_conversations())


def test_too_few_or_too_many_models_are_refused(tmp_path):
    exercises = valid_exercises()
    exercises["exercises"][0]["models"] = exercises["exercises"][0]["models"][:2]
    assert "give 3 to 5" in load_error(tmp_path, exercises, valid_conversations())
    exercises["exercises"][0]["models"] *= 3
    assert "6 model responses" in load_error(tmp_path, exercises, valid_conversations())


def test_a_skill_without_five_level_descriptions_is_refused(tmp_path):
    exercises = valid_exercises()
    exercises["skills"][0]["levels"].pop()
    message = load_error(tmp_path, exercises, valid_conversations())
    assert 'skill 1 ("paraphrase")' in message and "4 sentences under `levels:`; give five" in message


def test_the_self_rating_guide_describes_the_levels_for_the_exercise_skill(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), valid_conversations()))
    html = render.render_exercise(lab, lab.exercises[0], 1, 3, STRINGS)
    guide = html[html.index('class="lab-guide"'):]
    for n in range(1, 6):
        assert f"<strong>{n} · level {n}.</strong> what level {n} means for a paraphrase</li>" in guide
    assert render.words(STRINGS, "rate_legend", skill="Paraphrase") in html


def test_a_missing_level_of_the_rating_guide_is_refused(tmp_path):
    exercises = valid_exercises()
    del exercises["levels"][4]
    assert "each of the levels 1, 2, 3, 4 and 5" in load_error(tmp_path, exercises, valid_conversations())


def test_an_id_unsafe_for_storage_is_refused(tmp_path):
    exercises = valid_exercises()
    exercises["exercises"][0]["id"] = "Para phrase"
    assert "lower-case letters, digits and single hyphens" in load_error(tmp_path, exercises, valid_conversations())


def test_every_problem_is_reported_at_once(tmp_path):
    exercises = valid_exercises()
    second = copy.deepcopy(exercises["exercises"][0])
    second["id"] = "paraphrase-two"
    second["models"][0]["level"] = 9
    exercises["exercises"][0]["skill"] = "telepathy"
    exercises["exercises"].append(second)
    message = load_error(tmp_path, exercises, valid_conversations())
    assert "2 problem(s)" in message and "telepathy" in message and "level 9" in message


# ---------------------------------------------------------------- bad conversations

def test_a_choice_pointing_to_a_missing_step_is_refused(tmp_path):
    conversations = valid_conversations()
    conversations["conversations"][0]["steps"]["middle"]["choices"][0]["next"] = "nowhere"
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'next "nowhere" is not a step' in message
    assert 'step "middle"' in message and "choice 1 (line " in message and "conversations.yml" in message


def test_a_step_no_path_reaches_is_refused(tmp_path):
    conversations = valid_conversations()
    conversations["conversations"][0]["steps"]["orphan"] = {"client": "Hm.", "debrief": "Never seen.", "outcome": "weak"}
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'step "orphan" (line ' in message and "no path from the start reaches it" in message


def test_a_cycle_with_no_way_out_is_refused(tmp_path):
    conversations = valid_conversations()
    conversations["conversations"][0]["steps"]["middle"]["choices"][1]["next"] = "opening"
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'leads back to "opening"' in message and "opening -> middle -> opening" in message
    assert "without reaching an ending" in message


def test_a_step_that_is_neither_a_decision_nor_an_ending_is_refused(tmp_path):
    conversations = valid_conversations()
    del conversations["conversations"][0]["steps"]["middle"]["choices"]
    assert 'step "middle"' in load_error(tmp_path, valid_exercises(), conversations)


def test_a_missing_start_and_a_bad_verdict_are_refused(tmp_path):
    conversations = valid_conversations()
    conversations["conversations"][0]["start"] = "hello"
    conversations["conversations"][0]["steps"]["opening"]["choices"][0]["verdict"] = "great"
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'start "hello" is not a step' in message and 'verdict "great"' in message


def test_a_choice_without_feedback_is_refused(tmp_path):
    conversations = valid_conversations()
    del conversations["conversations"][0]["steps"]["opening"]["choices"][2]["feedback"]
    assert 'choice 3 (line ' in load_error(tmp_path, valid_exercises(), conversations)


def test_an_ending_outcome_must_be_one_of_three(tmp_path):
    conversations = valid_conversations()
    conversations["conversations"][0]["steps"]["end-good"]["outcome"] = "great"
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'step "end-good" (line ' in message and 'outcome "great" should be one of best, workable, weak' in message


# ---------------------------------------------------------------- what a debrief may claim

def flagged_conversations() -> dict:
    """The valid conversation, its good ending claiming what only one choice into "middle" does."""
    conversations = valid_conversations()
    steps = conversations["conversations"][0]["steps"]
    steps["opening"]["choices"][0]["sets"] = ["limits-explained"]
    steps["end-good"]["requires"] = ["limits-explained"]
    return conversations


def test_an_ending_claiming_what_a_path_skipped_is_refused_naming_the_path(tmp_path):
    message = load_error(tmp_path, valid_exercises(), flagged_conversations())
    assert 'conversations.yml, conversation 1 ("first-talk")' in message
    assert 'ending "end-good" (line ' in message and 'requires "limits-explained"' in message
    # the first path that skips it: the second choice of "opening", then "middle"'s first
    assert "the path opening (choice 2) -> middle (choice 1) -> end-good never sets it" in message
    assert "sets: [limits-explained]" in message  # what to do
    assert message.count('requires "limits-explained"') == 1  # one message per step and flag


def test_an_ending_whose_every_path_sets_the_flag_passes(tmp_path):
    conversations = flagged_conversations()
    steps = conversations["conversations"][0]["steps"]
    steps["middle"]["sets"] = ["limits-explained"]  # a step sets it on arrival: every path to end-good passes there
    lab = data.load_lab(write(tmp_path, valid_exercises(), conversations))
    assert len(list(data.paths(lab.conversations[0]))) == 7


def test_a_flag_nothing_sets_and_a_malformed_flag_are_refused(tmp_path):
    conversations = valid_conversations()
    steps = conversations["conversations"][0]["steps"]
    steps["end-poor"]["requires"] = ["limits-explaned"]
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'ending "end-poor" (line ' in message and 'requires "limits-explaned", but no step or choice' in message
    steps["middle"]["choices"][0]["sets"] = ["Limits Explained"]
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'step "middle" (line ' in message and 'choice 1 (line ' in message
    assert 'flag "Limits Explained" in `sets:`' in message


def test_a_decision_step_can_require_a_flag_too(tmp_path):
    conversations = valid_conversations()
    steps = conversations["conversations"][0]["steps"]
    steps["middle"]["requires"] = ["disclosed"]
    steps["opening"]["choices"][1]["sets"] = ["disclosed"]
    message = load_error(tmp_path, valid_exercises(), conversations)
    assert 'step "middle" (line ' in message and "the path opening (choice 1) -> middle never sets it" in message


def test_the_real_conversations_claim_only_what_every_path_did():
    lab = data.load_lab(ROOT)  # load_lab runs the check; here, that it has something to check
    assert any(step.get("requires") for c in lab.conversations for step in c["steps"].values())


# ---------------------------------------------------------------- the conversations' cue figures

LIMITS = {"helpful_longest_max": 0.4, "helpful_length_ratio_max": 1.3, "helpful_position_max": 0.45}


def cued_conversations() -> dict:
    """Every helpful choice first and longest: the answer given away."""
    conversations = valid_conversations()
    for step in conversations["conversations"][0]["steps"].values():
        for choice in step.get("choices", []):
            if choice["verdict"] == "helpful":
                choice["say"] = "A much longer and more careful reply that the student can spot at a glance."
    return conversations


def test_a_conversation_set_that_gives_its_answer_away_fails(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), cued_conversations()))
    measured = cues.measure_conversations(lab.conversations, data.CONVERSATIONS_FILE)
    assert len(measured.points) == 2 and measured.helpful_longest == 1.0 and measured.position(1) == 1.0
    assert "2 decision points" in measured.summary() and "strictly the longest in 100%" in measured.summary()
    problems = "\n".join(cues.conversation_problems(measured, LIMITS))
    assert "strictly the longest at 100% of decision points (at most 40%)" in problems
    assert "times as long as the others" in problems
    assert "100% of helpful choices are listed at position 1 (at most 45%)" in problems
    assert 'conversations.yml, conversation "first-talk", step "opening" (line ' in problems
    with pytest.raises(PluginError, match=r"(?s)give their answer away.*conversation_choices"):
        skills_lab.check_conversation_cues(lab.conversations, LIMITS)


def test_balanced_conversations_pass_and_thresholds_come_from_the_settings(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), cued_conversations()))
    relaxed = {"helpful_longest_max": 1, "helpful_length_ratio_max": 10, "helpful_position_max": 1}
    skills_lab.check_conversation_cues(lab.conversations, relaxed)  # no exception
    balanced = valid_conversations()
    steps = balanced["conversations"][0]["steps"]
    steps["middle"]["choices"].reverse()  # helpful at position 3 there, 1 in "opening": no position holds over 45%... of 2
    measured = cues.measure_conversations(data.load_lab(write(tmp_path, valid_exercises(), balanced)).conversations, "x")
    assert cues.conversation_problems(measured, dict(LIMITS, helpful_position_max=0.5)) == []


def test_cue_settings_must_be_there_and_numeric():
    assert skills_lab.read_cue_limits({"guide_rules": {"conversation_choices": LIMITS}}) == LIMITS
    with pytest.raises(PluginError, match=r"extra: guide_rules: conversation_choices:.*helpful_longest_max"):
        skills_lab.read_cue_limits({})
    with pytest.raises(PluginError, match=r"helpful_position_max \(greatest share"):
        skills_lab.read_cue_limits({"guide_rules": {"conversation_choices": dict(LIMITS, helpful_position_max="half")}})


def test_the_real_conversations_pass_the_settings_in_mkdocs_yml():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    block = config["extra"]["guide_rules"]["conversation_choices"]
    limits = {name: float(value) for name, value in block.items()}
    assert set(limits) == set(cues.CONVERSATION_THRESHOLDS)
    measured = cues.measure_conversations(data.load_lab(ROOT).conversations, data.CONVERSATIONS_FILE)
    assert cues.conversation_problems(measured, limits) == []


# ---------------------------------------------------------------- links into the guide

def checked_links_error(tmp_path, teaches: str) -> str:
    conversations = valid_conversations()
    conversations["conversations"][0]["steps"]["opening"]["choices"][0]["teaches"] = teaches
    lab = data.load_lab(write(tmp_path, valid_exercises(), conversations))
    with pytest.raises(PluginError) as caught:
        data.check_links(lab, OUTLINES)
    return str(caught.value)


def test_a_link_to_an_unknown_page_is_refused(tmp_path):
    message = checked_links_error(tmp_path, "04-skills/mind-reading.md#paraphrase")
    assert 'page "04-skills/mind-reading.md" is not a section page' in message
    assert 'step "opening", choice 1 (line ' in message


def test_a_link_to_a_missing_heading_is_refused(tmp_path):
    message = checked_links_error(tmp_path, f"{PAGE}#telepathy")
    assert f'"#telepathy" is not a heading of docs/{PAGE}' in message and "paraphrase" in message


def test_a_skill_taught_on_an_unknown_heading_is_refused(tmp_path):
    exercises = valid_exercises()
    exercises["skills"][0]["teaches"] = f"{PAGE}#nothing-here"
    lab = data.load_lab(write(tmp_path, exercises, valid_conversations()))
    with pytest.raises(PluginError, match=r'skill "paraphrase" \(line \d+\).*"#nothing-here"'):
        data.check_links(lab, OUTLINES)


# ---------------------------------------------------------------- markers in the pages

@pytest.fixture
def real_lab(monkeypatch):
    monkeypatch.setattr(skills_lab, "lab", data.load_lab(ROOT))
    monkeypatch.setattr(skills_lab, "outlines", {skill["teaches"].split("#")[0]: None for skill in skills_lab.lab.skills}
                        | {"06-ethics/confidentiality.md": None})
    return skills_lab.lab


def pages_with_every_marker(lab) -> dict[str, str]:
    pages: dict[str, str] = {"skills-lab.md": "# Lab\n\n<!-- skills-lab: index -->\n"}
    for skill in lab.skills:
        page = skill["teaches"].split("#")[0]
        pages[page] = pages.get(page, "# Page\n") + f"\n<!-- skills-lab: skill {skill['id']} -->\n"
    for conversation in lab.conversations:
        pages["06-ethics/confidentiality.md"] = (pages.get("06-ethics/confidentiality.md", "# Page\n")
                                                 + f"\n<!-- skills-lab: conversation {conversation['id']} -->\n")
    return pages


def test_the_markers_of_a_complete_site_pass(real_lab):
    assert skills_lab.check_markers(pages_with_every_marker(real_lab)) == "skills-lab.md"


def test_a_marker_naming_an_unknown_exercise_is_refused_with_its_line(real_lab):
    pages = pages_with_every_marker(real_lab)
    pages["skills-lab.md"] += "\ntext\n<!-- skills-lab: exercise no-such-exercise -->\n"
    with pytest.raises(PluginError, match=r'docs/skills-lab\.md, line 6: exercise "no-such-exercise" is not in data/skills-lab/'):
        skills_lab.check_markers(pages)


def test_a_skill_placed_on_another_page_is_refused(real_lab):
    pages = pages_with_every_marker(real_lab)
    skill = real_lab.skills[0]
    pages["skills-lab.md"] += f"<!-- skills-lab: skill {skill['id']} -->\n"
    with pytest.raises(PluginError, match=f'skill "{skill["id"]}" is taught on docs/'):
        skills_lab.check_markers(pages)


def test_a_conversation_placed_nowhere_and_a_missing_index_are_refused(real_lab):
    pages = pages_with_every_marker(real_lab)
    del pages["06-ethics/confidentiality.md"]
    del pages["skills-lab.md"]
    with pytest.raises(PluginError) as caught:
        skills_lab.check_markers(pages)
    message = str(caught.value)
    assert f'conversation "{real_lab.conversations[0]["id"]}" is on no section page' in message
    assert "should be on exactly one page" in message


def test_an_exercise_shown_twice_on_one_page_is_refused(real_lab):
    pages = pages_with_every_marker(real_lab)
    exercise = real_lab.exercises[0]
    page = real_lab.skill(exercise["skill"])["teaches"].split("#")[0]
    pages[page] += f"<!-- skills-lab: exercise {exercise['id']} -->\n"
    with pytest.raises(PluginError, match=f'exercise "{exercise["id"]}" is already on this page'):
        skills_lab.check_markers(pages)


def test_a_marker_in_a_code_example_is_not_a_marker(real_lab):
    pages = pages_with_every_marker(real_lab)
    pages["skills-lab.md"] += "\n```\n<!-- skills-lab: exercise not-real -->\n```\n"
    skills_lab.check_markers(pages)  # no exception


# ---------------------------------------------------------------- rendering

def test_text_from_data_reaches_html_escaped(tmp_path):
    exercises = valid_exercises()
    exercises["exercises"][0]["client"] = '<script>alert("x")</script> & more'
    exercises["exercises"][0]["models"][0]["why"] = "<b>bold</b>"
    lab = data.load_lab(write(tmp_path, exercises, valid_conversations()))
    html = render.render_exercise(lab, lab.exercises[0], 1, 3, STRINGS)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html
    assert "<b>" not in html and "&lt;b&gt;bold" in html


def test_an_exercise_renders_its_models_rating_and_controls(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), valid_conversations()))
    html = render.render_exercise(lab, lab.exercises[0], 1, 3, STRINGS)
    for model in lab.exercises[0]["models"]:
        assert model["response"] in html and model["why"] in html
    assert html.count('type="radio"') == 5 and '<label class="lab-label" for="lab-ex-paraphrase-one-text">' in html
    assert "<details class=\"lab-models\">" in html and '<h3 class="lab-title">' in html


def test_a_set_of_exercises_is_a_closed_box_named_with_its_skill_and_count(tmp_path):
    """One exercise reads "1 exercise", more "{n} exercises" (both from data/interface.yml)."""
    one = data.load_lab(write(tmp_path, valid_exercises(), valid_conversations()))
    html = render.render_exercise_set(one, one.exercises, {"paraphrase-one": 1}, 3, STRINGS)
    skill = one.skill("paraphrase")["name"]
    summary = STRINGS["practise_skill_one"].replace("{skill}", skill)
    assert html.startswith('<details class="lab-set"') and f"<summary>{summary}</summary>" in html
    assert "<details class=\"lab-set\" open" not in html
    exercises = valid_exercises()
    exercises["exercises"].append(dict(copy.deepcopy(exercises["exercises"][0]), id="paraphrase-two"))
    two = data.load_lab(write(tmp_path / "two", exercises, valid_conversations()))
    html = render.render_exercise_set(two, two.exercises, {"paraphrase-one": 1, "paraphrase-two": 2}, 3, STRINGS)
    many = STRINGS["practise_skill"].replace("{skill}", skill).replace("{n}", "2")
    assert f"<summary>{many}</summary>" in html and html.count('class="lab-exercise"') == 2


def test_a_conversation_renders_every_step_and_choice_with_links(tmp_path):
    lab = data.load_lab(write(tmp_path, valid_exercises(), valid_conversations()))
    conversation = lab.conversations[0]
    html = render.render_conversation(conversation, lambda teaches: ("../x/#paraphrase", "4.1 Active listening: Paraphrase"),
                                      STRINGS, 3)
    assert html.count('class="lab-step"') == len(conversation["steps"])
    assert html.count('class="lab-option"') == 6 and 'aria-live="polite"' in html
    assert 'href="#lab-co-first-talk-middle"' in html and 'id="lab-co-first-talk-middle"' in html
    assert html.count('href="../x/#paraphrase"') == 6


# ---------------------------------------------------------------- through a real build

def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _first_conversation_next(project: Path) -> str:
    return re.search(r"\n +next: (\S+)", (project / data.CONVERSATIONS_FILE).read_text(encoding="utf-8"))[0]


BUILD_CASES = {
    "a choice leading to a missing step": (
        lambda p: _replace(p / data.CONVERSATIONS_FILE, _first_conversation_next(p),
                           _first_conversation_next(p).replace("next: ", "next: zz-")),
        r'data/skills-lab/conversations\.yml, conversation 1 \("[\w-]+"\), line \d+, step "[\w-]+" \(line \d+\), '
        r'choice 1 \(line \d+\): next "zz-[\w-]+" is not a step'),
    "a link to a missing heading": (
        lambda p: _replace(p / data.EXERCISES_FILE, f"teaches: {data.load_lab(ROOT).skills[0]['teaches']}",
                           f"teaches: {data.load_lab(ROOT).skills[0]['teaches']}-gone"),
        r'skill "[\w-]+" \(line \d+\): "#[\w-]+-gone" is not a heading of docs/'),
    "an ending claiming what a path skipped": (
        # the first conversation's late contract no longer has the frame explained on its way
        lambda p: _replace(p / data.CONVERSATIONS_FILE, "            sets: [limits-explained, goal-agreed]\n",
                           "            sets: [goal-agreed]\n"),
        r'conversation 1 \("first-meeting"\), line \d+, ending "contract-late" \(line \d+\): requires '
        r'"limits-explained", but the path opening \(choice \d\) -> [\w() >-]+ -> contract-late never sets it'),
    "a marker naming an unknown conversation": (
        lambda p: (p / "docs/skills-lab.md").write_text(
            (p / "docs/skills-lab.md").read_text(encoding="utf-8") + "\n<!-- skills-lab: conversation nobody -->\n",
            encoding="utf-8"),
        r'docs/skills-lab\.md, line \d+: conversation "nobody" is not in data/skills-lab/'),
}


@pytest.mark.parametrize("case", BUILD_CASES, ids=list(BUILD_CASES))
def test_bad_lab_input_fails_the_build_with_a_message(tmp_path, case):
    breaker, pattern = BUILD_CASES[case]
    project = copy_project(tmp_path / "guide")
    breaker(project)
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert re.search(pattern, output), f"{pattern!r} not in:\n{output[-3000:]}"
    assert "Traceback" not in output
