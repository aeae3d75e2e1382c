"""The printable edition: every page in reading order, questions printed, answers at the end."""

import re

import yaml

from conftest import ROOT
import guide_facts
from shared.page_outline import nav_order
import pytest
from mkdocs.exceptions import PluginError

from print_page import (LEFT_OUT, check_inner_links, contents_list, named_references, page_key, plain_terms,
                        print_quizzes, printable_html, title_page)


CHOICE = ('<div class="quiz" data-show-correct="true" id="quiz-0">\n<a href="#quiz-0" class="quiz-header-link">#</a>\n'
          '<div class="quiz-question" id="quiz-0-question"><p>A client says: "Hi."</p></div>\n'
          '<form action="javascript:void(0);"><fieldset><div><input type="checkbox" name="answer" value="0" id="quiz-0-0" >'
          '<label for="quiz-0-0">Advise</label></div><div><input type="checkbox" name="answer" value="1" id="quiz-0-1" '
          'data-correct="true"><label for="quiz-0-1">Reflect</label></div></fieldset>'
          '<button type="submit" class="quiz-button">Submit</button></form>\n'
          '<section class="content hidden"><p>Why: see <a href="#h">x</a>.</p></section>\n</div>')
BLANK = ('<div class="quiz quiz-fill-blank" data-quiz-type="fill-blank" id="quiz-1">\n'
         '<a href="#quiz-1" class="quiz-header-link">#</a>\n<div class="quiz-question">\n<p>Rogers called it '
         '<input type="text" class="quiz-blank-input" id="quiz-1-blank-0" data-answer="congruence" size="6" aria-label="Answer">.</p>\n'
         '</div>\n<form action="javascript:void(0);"><button type="submit" class="quiz-button">Submit</button></form>\n'
         '<section class="content hidden"><p>See <a href="#c">c</a>.</p></section>\n</div>')


@pytest.fixture(autouse=True)
def print_words(monkeypatch):
    """The print edition's words, as on_config loads them from data/interface.yml."""
    import print_page

    words = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))["print"]
    monkeypatch.setattr(print_page, "words", words)
    return words


def test_a_choice_question_prints_without_its_answer_which_goes_to_the_key():
    html, answers = print_quizzes("<p>Before.</p>" + CHOICE, "2.2")
    assert html.startswith("<p>Before.</p>") and 'class="quiz' not in html
    assert '<p><strong>Question 2.2.1.</strong> A client says: "Hi."</p>' in html
    assert '<li>a. Advise</li><li>b. Reflect</li>' in html and "Why" not in html
    assert answers == ['<p><strong>2.2.1.</strong> b: Reflect. Why: see <a href="#h">x</a>.</p>']  # letter and text


def test_a_blank_prints_as_a_line_and_its_answer_goes_to_the_key():
    html, answers = print_quizzes(CHOICE + BLANK, "2")
    assert "Question 2.R2." in html and "congruence" not in html and 'class="print-blank"' in html
    assert answers[1] == '<p><strong>2.R2.</strong> <em>congruence</em>. See <a href="#c">c</a>.</p>'


def test_a_blank_accepting_several_forms_shows_the_canonical_one_and_the_others():
    from quiz_assets import accepted_forms
    rendered = accepted_forms(BLANK.replace('data-answer="congruence"', 'data-answer="follow-up | follow up | suivi"'))
    assert 'data-answer="follow-up" data-accept="[&quot;follow-up&quot;, &quot;follow up&quot;, &quot;suivi&quot;]"' in rendered
    _, answers = print_quizzes(rendered, "2")
    assert answers[0].startswith("<p><strong>2.R1.</strong> <em>follow-up</em> (also accepted: follow up, suivi). See")


def test_several_right_options_are_each_named_by_letter_and_text():
    both = CHOICE.replace('value="0" id="quiz-0-0" >', 'value="0" id="quiz-0-0" data-correct="true">')
    _, answers = print_quizzes(both, "2.2")
    assert answers[0].startswith("<p><strong>2.2.1.</strong> a: Advise; b: Reflect. Why")


URLS = {"": "index.md", "02-f/a/": "02-f/a.md", "02-f/b/": "02-f/b.md", "progress/": "progress.md"}
PRINTED = {"index.md", "02-f/a.md", "02-f/b.md"}


def test_rendered_ids_are_prefixed_and_links_stay_inside_the_print_page():
    html = ('<h1 id="a">2.1 A</h1><h2 id="part">Part<a class="headerlink" href="#part" title="Link">&para;</a></h2>'
            '<p>See <a href="../b/#x">b</a>, <a href="#part">here</a>, <a href="../../">home</a>, '
            '<a href="../../progress/">progress</a>, <a href="https://example.org/">out</a>.</p>'
            '<p><label for="q1">Q</label><span aria-describedby="t1 t2">x</span></p>'
            '<svg><path marker-end="url(#arrow)"/></svg>'
            '<details class="note"><summary>More</summary>m</details>'
            '<details class="info"><summary>Text description</summary>d</details>'
            + CHOICE)
    a, b = page_key("02-f/a.md"), page_key("02-f/b.md")
    out, answers = printable_html("02-f/a.md", html, "2.1", "02-f/a/", URLS, "print/", PRINTED)
    # a section (a chapter would be print-chapter), for the PDF's running heads
    assert out.startswith(f'<section class="print-page-break print-section" id="p-{a}">')
    assert f'id="{a}--a"' in out and f'<h2 id="{a}--part">Part</h2>' in out  # no permalink on paper
    assert f'href="#{b}--x"' in out and f'href="#{a}--part"' in out and f'href="#p-{page_key("index.md")}"' in out
    assert 'href="../progress/"' in out and 'href="https://example.org/"' in out
    assert f'for="{a}--q1"' in out and f'aria-describedby="{a}--t1 {a}--t2"' in out
    assert f"url(#{a}--arrow)" in out
    assert '<details class="note" open><summary>More' in out and '<details class="info"><summary>Text' in out
    assert "Question 2.1.1." in out and 'class="quiz' not in out
    assert answers == [f'<p><strong>2.1.1.</strong> b: Reflect. Why: see <a href="#{a}--h">x</a>.</p>']


def test_a_quiz_that_cannot_be_read_fails_the_build_naming_the_page():
    with pytest.raises(PluginError, match="a quiz on 02-f/a.md could not be read"):
        printable_html("02-f/a.md", '<div class="quiz" id="quiz-0">changed markup</div>', "2.1", "02-f/a/", URLS, "print/", PRINTED)


def test_several_right_options_said_in_the_question_are_not_announced_twice():
    both = CHOICE.replace('value="0" id="quiz-0-0" >', 'value="0" id="quiz-0-0" data-correct="true">')
    html, _ = print_quizzes(both, "2.2")
    assert "(choose all that apply)" in html
    said = both.replace('"Hi."</p>', '"Hi." Select all that apply.</p>')
    html, _ = print_quizzes(said, "2.2")
    assert "(choose all that apply)" not in html and "Select all that apply." in html


def test_screen_only_parts_are_left_out_and_print_only_parts_kept():
    html = ('<ul><li class="screen-only">Tap a term.</li><li class="print-only">See the glossary.</li>'
            '<li>Read.</li></ul><p class="screen-only">Press Tab.</p>')
    out, _ = printable_html("02-f/a.md", html, "2.1", "02-f/a/", URLS, "print/", PRINTED)
    assert "Tap a term" not in out and "Press Tab" not in out
    assert "<li>See the glossary.</li><li>Read.</li>" in out


def test_a_reference_the_paragraph_names_already_is_marked_not_repeated():
    names = {"see section 6.1": "6.1", "see section 2.2": "2.2", "see “Glossary”": "Glossary"}
    html = ('<p>Section 6.1 explains the <a href="#x" data-print-ref="see section 6.1">duty</a> and '
            '<a href="#y" data-print-ref="see section 6.1">reporting</a>; see also '
            '<a href="#z" data-print-ref="see section 2.2">empathy</a>.</p>'
            '<p>As <a href="#w" data-print-ref="see section 2.2">2.2</a> says; not 12.2 or 2.2.1: '
            '<a href="#v" data-print-ref="see section 6.1">here</a>, '
            '<a href="#g" data-print-ref="see “Glossary”">the Glossary</a>.</p>')
    out = named_references(html, names)
    marked = re.findall(r'<a href="#(\w)" data-print-named data-print-ref', out)
    assert marked == ["x", "y", "w", "g"], out  # not z (2.2 is not named before it) nor v


def test_a_link_to_a_missing_id_in_the_print_page_is_reported_with_its_page():
    assert check_inner_links({"a.md": '<h2 id="a--x">X</h2>', "b.md": '<a href="#a--x">ok</a>'}) == []
    problems = check_inner_links({"a.md": '<h2 id="a--x">X</h2>', "b.md": '<a href="#a--missing">broken</a>'})
    assert len(problems) == 1 and "from b.md links to #a--missing" in problems[0]


def test_terms_print_plainly_without_their_definitions():
    tip = ('<span class="gloss"><a aria-describedby="{p}gloss-tip-empathy" class="gloss-term" href="#g">empathy</a>'
           '<span class="gloss-tip" role="tooltip" id="{p}gloss-tip-empathy">Definition.</span></span>')
    html = plain_terms("A " + tip.format(p="a--") + " and later " + tip.format(p="b--") + ".")
    assert html == "A empathy and later empathy."


def test_a_link_to_another_printed_page_carries_its_reference_for_paper():
    html = '<p>See <a href="../b/#x">b</a> and <a href="#part">here</a>.</p>'
    out, _ = printable_html("02-f/a.md", html, "2.1", "02-f/a/", URLS, "print/", PRINTED,
                            references={"02-f/b.md": "see section 2.2", "02-f/a.md": "see section 2.1"})
    assert f'href="#{page_key("02-f/b.md")}--x" data-print-ref="see section 2.2"' in out
    assert f'href="#{page_key("02-f/a.md")}--part">' in out  # a link within the same page needs none


def test_the_title_page_shows_only_the_filled_in_identity():
    page = title_page("Guide <1>", {"name": "Course", "institution": "Cégep X"})
    assert '<h1 id="print-edition">Guide &lt;1&gt;</h1>' in page
    assert "Course" in page and "Cégep X" in page and "REL-1001" not in page
    contents = contents_list([("p-a", "2 Chapter"), ("p-b", "2.1 Section")])
    assert '<li><a href="#p-a">2 Chapter</a></li>' in contents
    assert '<li class="print-contents-section"><a href="#p-b">2.1 Section</a></li>' in contents


def test_built_print_page_holds_every_page_in_reading_order(built_site):
    html = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    nav = nav_order(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"])
    printed = [uri for uri in nav if uri not in LEFT_OUT]
    positions = [html.find(f'id="p-{page_key(uri)}"') for uri in printed]
    assert all(p > 0 for p in positions), [u for u, p in zip(printed, positions) if p < 0]
    assert positions == sorted(positions), "pages out of reading order"
    assert html.find('id="answer-key"') > positions[-1]
    # a contents list links to every printed page, in reading order, before the first one
    contents = html[html.find('class="print-contents"'):positions[0]]
    assert re.findall(r'href="#p-([^"]+)"', contents) == [page_key(uri) for uri in printed]
    # the home page is named by its heading, not "Home"
    titles = re.findall(r'href="#p-[^"]+">([^<]+)</a>', contents)
    first = html[positions[0]:html.find("</h1>", positions[0])]
    assert titles[0] != "Home" and titles[0] in first
    # no script of the quizzes on it: the page is heavy enough with the whole guide's text
    assert "mkdocsQuiz" not in html and "assets/quiz/" not in html
    assert "[definition:" not in html and 'class="gloss"' not in html
    assert 'class="quiz"' not in html and 'class="quiz-button' not in html
    questions = len(re.findall(r"<strong>Question \d+\.(?:\d+|R)", html))
    answers = len(re.findall(r"<strong>\d+\.(?:\d+|R\d+)\.?\d*\.</strong>", html))
    bank = sum(len(guide_facts.questions(page)) for page in printed if page in guide_facts.NAV)
    assert questions == bank and answers == questions, (questions, answers, bank)


def test_a_handout_prints_the_questions_without_the_answer_key(tmp_path, built_site):
    """GUIDE_ANSWER_KEY=false (make handout): the same printed questions, no answer key."""
    from conftest import run_build
    result = run_build(ROOT, tmp_path / "site", env={"GUIDE_ANSWER_KEY": "false"})
    assert result.returncode == 0, result.stdout + result.stderr
    handout = (tmp_path / "site" / "print" / "index.html").read_text(encoding="utf-8")
    full = (built_site / "print" / "index.html").read_text(encoding="utf-8")
    assert 'id="answer-key"' in full and 'id="answer-key"' not in handout
    count = lambda html: len(re.findall(r"<strong>Question \d+\.(?:\d+|R)", html))
    assert count(handout) == count(full) > 0
    assert not re.search(r"<strong>\d+\.(?:\d+|R\d+)\.?\d*\.</strong>", handout)
