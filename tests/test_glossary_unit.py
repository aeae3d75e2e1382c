"""Unit tests of the glossary data rules, the term matcher and the index builder."""

import pytest
import yaml
from conftest import ROOT

from shared.concept_pages import Place, render_concept_index, render_glossary
from shared.glossary_data import check_introductions, load_glossary
from shared.guide_data import DataFileError
from shared.term_matcher import SKIPPED_HTML, TermMatcher, build_forms

ENTRY = """  - term: {term}
    french: {french}
    definition: {definition}
    introduced_in: 02-foundations/empathy-and-trust.md
"""


def write_glossary(tmp_path, body):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "glossary.yml").write_text("terms:\n" + body, encoding="utf-8")
    return lambda: load_glossary(tmp_path)


def entry(term="empathy", french="empathie", definition="Grasping experience from inside.", extra=""):
    return ENTRY.format(term=term, french=french, definition=definition) + extra


def test_real_glossary_is_valid_and_large_enough():
    from conftest import ROOT
    entries = load_glossary(ROOT)
    assert entries
    assert all(e["french"].strip() and e["definition"].strip() for e in entries)


@pytest.mark.parametrize("body, message", [
    (entry() + entry(term="Empathy"), r'duplicate term "Empathy"'),
    (entry(extra="    forms: [warmth]\n") + entry(term="warmth", french="chaleur"),
     r'the form "warmth" also belongs to "empathy"'),
    (entry(extra="    synonyms: [accurate empathy]\n") + entry(term="congruence", french="congruence", extra="    forms: [accurate empathy]\n"),
     r'the form "accurate empathy" also belongs to "empathy"'),
    (entry(definition="''"), r'entry 1 \("empathy"\), line 2: missing "definition"'),
    (entry(french="''"), r'missing "french"'),
    (entry(extra="    plural: empathies\n"), r'unknown field "plural"'),
    (entry(extra="    see_also: [sympathy]\n"), r'see_also names "sympathy", which is not a term'),
    (entry(term="self care") + entry(term="self-care", french="x"), r'anchor "#self-care" clashes'),
])
def test_bad_glossary_entries_fail_with_a_clear_message(tmp_path, body, message):
    load = write_glossary(tmp_path, body)
    with pytest.raises(DataFileError, match=message):
        load()


def test_unknown_introducing_section(tmp_path):
    entries = write_glossary(tmp_path, entry().replace("empathy-and-trust", "empaty"))()
    with pytest.raises(DataFileError, match=r'entry "empathy", line 5: introduced_in names "02-foundations/empaty.md", which is not a section page'):
        check_introductions(entries, {"02-foundations/empathy-and-trust.md"}, tmp_path)


MATCHER = TermMatcher({
    "empathy": "empathy", "empathic": "empathy", "working alliance": "working alliance",
    "alliance": "alliance", "client": "client", "clients": "client", "CBT": "cognitive-behavioural therapy",
})


def marked(markdown):
    return MATCHER.mark_first(markdown, lambda term, text: f"<<{term}|{text}>>")


def test_first_occurrence_only_in_any_form_and_case():
    text, terms = marked("Empathic listening. Empathy again. CBT and cbt.")
    assert text == "<<empathy|Empathic>> listening. Empathy again. <<cognitive-behavioural therapy|CBT>> and cbt."
    assert terms == ["empathy", "cognitive-behavioural therapy"]


def test_whole_words_only():
    assert marked("clientele and client-centred and nonempathy")[1] == []


def test_longest_form_wins_and_spans_line_breaks():
    assert marked("the working\nalliance")[0] == "the <<working alliance|working\nalliance>>"


@pytest.mark.parametrize("context", [
    "## Empathy in practice",
    "`empathy`",
    "```\nempathy\n```",
    "[empathy](page.md)",
    "![empathy](image.png)",
    "<!-- MKDOCS_QUIZ_PLACEHOLDER_0 -->",
    "<quiz>\nWhat is empathy?\n- [x] a\n</quiz>",
    '<span title="empathy">',
    '!!! example "Empathy at work"',
    "https://example.org/empathy",
    "{ #empathy }",
])
def test_skipped_contexts_are_not_marked(context):
    assert marked(context)[1] == []


HTML_MATCHER = TermMatcher(MATCHER.forms_to_term, SKIPPED_HTML)


@pytest.mark.parametrize("context", [
    '<h2 id="empathy">Empathy in practice</h2>',
    '<a href="x/">empathy</a>',
    "<code>empathy</code>",
    "<pre><code>empathy\n</code></pre>",
    "<!-- MKDOCS_QUIZ_PLACEHOLDER_0 -->",
    '<p class="admonition-title">Empathy at work</p>',
    "<details><summary>Empathy</summary></details>",
    '<figure><svg><text>empathy</text></svg><figcaption>Empathy</figcaption></figure>',
    '<span title="empathy">',
    "&empathy;",
])
def test_skipped_html_is_not_marked(context):
    assert HTML_MATCHER.mark_first(context, lambda term, text: f"<<{term}>>")[1] == []


def test_terms_in_html_text_are_marked_once():
    html = '<h2 id="e">Empathy</h2>\n<p>Her <em>empathy</em> and empathy; <a href="#">client</a> client.</p>'
    out, terms = HTML_MATCHER.mark_first(html, lambda term, text: f"<<{text}>>")
    assert out == '<h2 id="e">Empathy</h2>\n<p>Her <em><<empathy>></em> and empathy; <a href="#">client</a> <<client>>.</p>'
    assert terms == ["empathy", "client"]


def test_rendered_quizzes_and_quiz_widgets_are_not_marked():
    quiz = ('<div class="quiz" id="quiz-0"><a href="#quiz-0" class="quiz-header-link">#</a>'
            '<div class="quiz-question"><p>What is empathy?</p></div><form><fieldset></fieldset></form>'
            '<section class="content hidden"><p>Empathy is...</p></section>\n</div>')
    widgets = '<div id="quiz-progress-sidebar"><p>client</p></div><nav id="quiz-progress-mobile">client</nav>'
    out, terms = HTML_MATCHER.mark_first(f"{quiz}{widgets}<p>A client.</p>", lambda term, text: f"<<{text}>>")
    assert terms == ["client"] and out.endswith("<p>A <<client>>.</p>") and out.startswith(quiz + widgets)


def test_text_whose_lower_case_changes_length_is_matched_in_place():
    # "İ".lower() is two characters: the matcher falls back to its case-insensitive pattern
    out, terms = HTML_MATCHER.mark_first("<p>İstanbul: EMPATHY, then a client.</p>", lambda term, text: f"<<{text}>>")
    assert out == "<p>İstanbul: <<EMPATHY>>, then a <<client>>.</p>" and terms == ["empathy", "client"]


def test_term_after_a_skipped_context_is_still_found():
    assert marked("## Empathy\n\nEmpathy matters.")[0] == "## Empathy\n\n<<empathy|Empathy>> matters."


def test_build_forms_includes_synonyms():
    forms = build_forms([{"term": "working alliance", "forms": ["working alliances"], "synonyms": ["therapeutic alliance"]}])
    assert forms == {"working alliance": "working alliance", "working alliances": "working alliance", "therapeutic alliance": "working alliance"}


ENTRIES = [
    {"term": "empathy", "french": "empathie", "definition": "Inside <script>x</script>.",
     "introduced_in": "02-f/empathy.md", "see_also": ["working alliance"]},
    {"term": "working alliance", "french": "alliance de travail", "definition": "Goals, tasks, bond.",
     "introduced_in": "02-f/principles.md", "synonyms": ["therapeutic alliance"]},
]
PLACES = {
    "empathy": [Place("02-f/principles.md", "2.1 Principles", "core", "Core conditions"),
                Place("02-f/empathy.md", "2.2 Empathy", "levels", "Levels"),
                Place("02-f/empathy.md", "2.2 Empathy", "key-takeaways", "Key takeaways")],
}


WORDS = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))


def href(uri, anchor):
    """Links as the hook writes them from a page at the site's root, with directory URLs."""
    url = "../" + uri[:-3] + "/"
    return f"{url}#{anchor}" if anchor else url


def test_index_marks_main_entry_first_and_links_headings():
    index = render_concept_index(ENTRIES, PLACES, href, WORDS)
    empathy = index[index.index('id="idx-empathy"'):index.index("working alliance</span>")]
    main = '<strong>2.2 Empathy: <a href="../02-f/empathy/#levels">Levels</a></strong> (main entry)'
    assert empathy.index(main) < empathy.index('2.1 Principles: <a href="../02-f/principles/#core">Core conditions</a>')
    assert "key-takeaways" not in index  # summaries are not indexed
    assert '<em>see also</em> <a href="#idx-working-alliance">working alliance</a>' in empathy


def test_index_has_see_entries_for_synonyms():
    index = render_concept_index(ENTRIES, PLACES, href, WORDS)
    assert '<li>therapeutic alliance, <em>see</em> <a href="#idx-working-alliance">working alliance</a></li>' in index


def test_glossary_page_escapes_data_and_marks_french():
    page = render_glossary(ENTRIES, PLACES, {"02-f/empathy.md": "2.2 Empathy", "02-f/principles.md": "2.1 Principles"}, href, WORDS)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert '<span lang="fr">empathie</span>' in page
    assert page.count('<h3 id="empathy">empathy</h3>') == 1
    text = WORDS["glossary"]
    introduced = text["introduced_in"].format(page='<a href="../02-f/empathy/">2.2 Empathy</a>')
    assert f"<li>{introduced}</li>" in page
    # the other sections are listed by name; their headings are in the concept index
    also = text["also_discussed_one"].format(
        pages='<a href="../02-f/principles/">2.1 Principles</a>',
        index=f'<a href="../concept-index/#idx-empathy">{text["index_link"]}</a>')
    assert f"<li>{also}</li>" in page
    assert also.split("<")[0] not in page[page.index('id="working-alliance"'):]
    assert '<a href="#letter-e">E</a>' in page and '<a href="#letter-w">W</a>' in page


def test_index_places_from_the_tooltip_pass_match_those_read_from_markdown():
    """The concept index takes each term's places from the tooltip pass over a page's HTML;
    a page not rendered yet (e.g. `mkdocs serve --dirty`) is read from its Markdown instead.
    Both must give the same places."""
    import markdown as md
    import concepts
    from shared.page_outline import outline

    uri = "02-f/empathy.md"
    source = "# 2.2 Empathy\n\nEmpathy first.\n\n## Levels { #levels }\n\nA client and a working alliance.\n\n## Trust\n\nClients again.\n"
    page = outline(uri, source)
    concepts.matcher, concepts.outlines = MATCHER, {uri: page}
    from_markdown = concepts.places_in(uri, page)
    html = md.markdown(source, extensions=["attr_list", "toc"])
    occurrences = []
    HTML_MATCHER.mark_first(html, lambda term, text: text, occurrences)
    concepts.record_places(uri, html, occurrences)
    from_html = concepts.places_in(uri, page)
    assert from_html and set(from_html) == set(from_markdown)
    assert {(p.term, p.place.anchor) for p in from_html} == {
        ("empathy", ""), ("client", "levels"), ("working alliance", "levels"), ("client", "trust")}


def test_a_bad_see_also_item_is_named_by_its_own_line(tmp_path):
    """The faulty item's line, not the entry's first line (a block list, one item a line)."""
    body = entry() + entry(term="sympathy", french="sympathie", extra="    see_also:\n      - empathy\n      - pity\n")
    with pytest.raises(DataFileError, match=r'entry 2 \("sympathy"\), line 12: see_also names "pity"'):
        write_glossary(tmp_path, body)()


FRENCH_MATCHER = TermMatcher({"role clarification": "role clarification", "clarification": "clarification",
                              "confrontation": "confrontation"})
FRENCH_HTML_MATCHER = TermMatcher(FRENCH_MATCHER.forms_to_term, SKIPPED_HTML)


@pytest.mark.parametrize("markdown, html, expected", [
    ("**Role clarification** (*clarification des rôles*) and later clarification.",
     "<p><strong>Role clarification</strong> (<em>clarification des rôles</em>) and later clarification.</p>",
     "<p><strong><<Role clarification>></strong> (<em>clarification des rôles</em>) and later <<clarification>>.</p>"),
    ("Confrontation (*confrontation*) then confrontation.",
     "<p>Confrontation (<em>confrontation</em>) then confrontation.</p>",
     "<p><<Confrontation>> (<em>confrontation</em>) then confrontation.</p>"),
])
def test_no_term_inside_a_french_phrase_or_inside_a_marked_term(markdown, html, expected):
    """2.5: "clarification" in *clarification des rôles* showed the English definition, right
    after "Role clarification" was marked; a French equivalent in parentheses is never marked."""
    out, terms = FRENCH_HTML_MATCHER.mark_first(html, lambda term, text: f"<<{text}>>")
    assert out == expected
    assert FRENCH_MATCHER.terms_in(markdown) == set(terms)  # the index reads the Markdown the same way


@pytest.mark.parametrize("context", ["<p>Her <em>relation d&rsquo;aide</em>.</p>", "<p><em>la clarification</em></p>",
                                     "<p>(<em>clarification</em>)</p>"])
def test_a_french_italic_is_never_marked(context):
    assert FRENCH_HTML_MATCHER.mark_first(context, lambda term, text: "<<>>")[1] == []


def test_an_english_italic_is_still_marked():
    assert FRENCH_HTML_MATCHER.mark_first("<p>Some <em>clarification</em> first.</p>", lambda term, text: "<<>>")[1] == ["clarification"]
