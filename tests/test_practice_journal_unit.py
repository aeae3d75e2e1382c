"""The answer boxes of the section pages and the practice journal's content, without a build
(hooks/practice_journal.py). The words come from data/interface.yml, the lab from its data."""

from __future__ import annotations

import html
import json

import practice_journal as pj
import yaml
from conftest import ROOT
from shared.skills_lab_data import load_lab

WORDS = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))
WRITING = WORDS["writing"]

REFLECTIONS = ('<h2 id="reflection-questions">Reflection questions<a class="headerlink" href="#r">&para;</a></h2>\n'
               "<ol>\n<li>What do you <em>notice</em>?</li>\n<li>And then?</li>\n</ol>\n<h2 id=\"next\">Next</h2>\n<ol><li>x</li></ol>")


def example(*paragraphs: str) -> str:
    return ('<div class="admonition example">\n<p class="admonition-title">Worked example (fictional)</p>\n'
            + "\n".join(paragraphs) + "\n</div>")


def test_each_reflection_question_gets_its_own_labelled_box():
    out = pj.add_reflection_boxes(REFLECTIONS, "04-skills/page", WRITING)
    assert out.count('class="writing-box"') == 2 and "<li>x</li>" in out  # only the reflection list
    for n in (1, 2):
        assert f'data-key="04-skills/page#{n}"' in out
        label = html.escape(WRITING["reflection_label"].replace("{n}", str(n)))
        assert f'<label class="writing-label" for="reflection-answer-{n}">{label}</label>' in out
    assert "What do you <em>notice</em>?<div" in out  # the question stays as written


def test_a_worked_example_asks_first_then_shows_the_models_after_the_first_reply():
    page = "<p>Before.</p>" + example("<p>Situation.</p>", "<p><strong>Client:</strong> Help.</p>",
                                      "<p><strong>Helper:</strong> Model.</p>", "<p><em>A weaker response:</em> Weak.</p>") + "<p>After.</p>"
    out, found = pj.add_example_boxes(page, "02-x/y", WRITING)
    assert out.startswith("<p>Before.</p>") and out.endswith("<p>After.</p>")
    assert 'class="admonition example worked-example"' in out
    opening, models = out.split('<div class="worked-try"', 1)
    assert "Help." in opening and "Model." not in opening
    assert '<div class="worked-models" id="worked-example-1-models"><p><strong>Helper:</strong> Model.' in models and "Weak." in models
    assert html.escape(WRITING["show_models"]) in models and 'aria-controls="worked-example-1-models"' in models
    assert found == [(1, "", ["Situation.", "Client: Help."])]


def test_an_author_marks_where_the_models_begin():
    page = ('<h2 id="a">Case A<a class="headerlink" href="#a">&para;</a></h2>'
            + example("<p>Situation.</p>", "<p><!-- try-first --></p>", "<p><strong>Helper:</strong> Opens.</p>",
                      "<p><strong>Client:</strong> Answers.</p>"))
    out, found = pj.add_example_boxes(page, "p", WRITING)
    opening, models = out.split('<div class="worked-try"', 1)
    assert "Opens." not in opening and "Opens." in models and "try-first" not in out
    assert found == [(1, "Case A", ["Situation."])]


def test_an_example_with_nothing_to_answer_stays_as_it_is():
    page = example("<p>Only a story, no dialogue.</p>")
    assert pj.add_example_boxes(page, "p", WRITING) == (page, [])


def test_reflection_questions_are_read_as_plain_text():
    markdown = "\n1. Which of [Rogers' conditions](x.md#c) do you *see*?\n2. A question\n   on two lines.\n\n!!! instructor\n"
    assert pj.reflection_questions(markdown) == ["Which of Rogers' conditions do you see?", "A question on two lines."]


def test_the_journal_frame_escapes_the_course_and_its_words():
    out = pj.journal_html(WORDS["journal"], 'A "course" <b>')
    assert 'value="A &quot;course&quot; &lt;b&gt;"' in out and "<b>" not in out
    assert 'id="journal-name"' in out and html.escape(WORDS["journal"]["print"]) in out


def test_the_journal_content_holds_every_exercise_model_and_conversation_step():
    lab = load_lab(ROOT)
    content = pj.journal_content(lab, WORDS["lab"], [], {})
    assert [e["id"] for e in content["exercises"]] == [e["id"] for e in lab.exercises]
    assert all(len(c["models"]) == len(e["models"]) for c, e in zip(content["exercises"], lab.exercises))
    for conversation, data in zip(content["conversations"], lab.conversations):
        assert set(conversation["steps"]) == set(data["steps"])
    json.dumps(content)  # plain data, ready for the page
