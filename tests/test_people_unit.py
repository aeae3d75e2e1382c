"""Unit tests of "one name, one person" (hooks/shared/people_registry.py): each rule with a
text that breaks it, and what must not count as a person."""

from shared.people_registry import Person, Place, page_place, problems, unlisted_entries

SYLVAIN = Person("Sylvain", "a father whose son answers in one word", ("02-foundations/empathy.md",), 38, 7)


def page(place: str, text: str) -> Place:
    return page_place(place, f"docs/{place}", text)


def test_a_listed_person_in_their_place_passes():
    text = 'Sylvain, 38, says: "My son answers in one word." Later Sylvain adds that he moved out.'
    assert problems([SYLVAIN], [page("02-foundations/empathy.md", text)]) == []


def test_a_person_introduced_with_an_age_must_be_listed():
    found = problems([SYLVAIN], [page("04-skills/x.md", "Intro.\n\nZoé, 22, says she is tired.")])
    assert len(found) == 1
    assert "docs/04-skills/x.md, line 3" in found[0] and '"Zoé, 22" is not in data/people.yml' in found[0]
    assert "tools/people.py" in found[0]


def test_a_person_introduced_by_role_must_be_listed():
    found = problems([], [page("02-foundations/y.md", "Olivier, a social worker, meets Thérèse (67).")])
    assert [f.split(": ", 1)[1][:10] for f in found] == ['"Olivier" ', '"Thérèse, ']


def test_the_same_name_in_another_place_names_both_places():
    found = problems([SYLVAIN], [page("06-ethics/z.md", "Sylvain, 38, a nurse, calls the CLSC.")])
    assert len(found) == 1
    assert "docs/06-ethics/z.md, line 1: Sylvain appears here" in found[0]
    assert "data/people.yml, line 7" in found[0] and "02-foundations/empathy.md" in found[0]
    assert 'add "06-ethics/z.md" to their appears_in' in found[0]


def test_a_different_age_fails():
    found = problems([SYLVAIN], [page("02-foundations/empathy.md", "Sylvain, 52, says hello.")])
    assert len(found) == 1 and "Sylvain is 52 here" in found[0] and "line 7" in found[0]


def test_a_lab_item_is_a_place_of_its_own():
    lab = Place("skills-lab/exercises.yml#probe", "data/skills-lab/exercises.yml", "context: Sylvain, 38, ...", 40)
    found = problems([SYLVAIN], [lab])
    assert len(found) == 1 and found[0].startswith("data/skills-lab/exercises.yml, line 40: Sylvain appears")


def test_two_entries_with_one_first_name_fail():
    julie = Person("Julie", "a CLSC social worker", ("07-case-studies/c.md",), None, 3)
    julie_roy = Person("Julie Roy", "a pupil in a note", ("05-professional-development/n.md",), 14, 9)
    found = problems([julie, julie_roy], [])
    assert len(found) == 1 and "lines 3 and 9" in found[0] and "share the first name Julie" in found[0]


def test_a_question_may_not_replay_the_worked_example_person():
    text = (
        "# 2.2 Empathy\n\n"
        '!!! example "Worked example (fictional)"\n'
        "    Sylvain, 38, says his son answers in one word.\n\n"
        "## More\n\n"
        "<quiz>\n<!-- objectives: x -->\nSylvain says he feels like a stranger. Which level?\n"
        "- [x] 3\n- [ ] 2\n\nWhy. See [x](#x).\n</quiz>\n"
    )
    found = problems([SYLVAIN], [page("02-foundations/empathy.md", text)])
    assert len(found) == 1
    assert "line 10: this question names Sylvain" in found[0] and "worked example (line 3)" in found[0]


def test_citations_journals_and_sentence_openers_are_not_people():
    text = ("As Rogers (1957) and (Egan, 2014, p. 5) argue; *Psychotherapy, 55*(4), 399. However, a "
            "helper may pause. In Québec, a worker reports. Recognition, a term of Honneth's.")
    assert problems([], [page("01-introduction/a.md", text)], not_people=["Recognition"]) == []


def test_unlisted_entries_gather_ages_and_places():
    places = [page("a.md", "Kevin, 15, fights."), Place("skills-lab/exercises.yml#k", "f", "Kevin, 26, is late.")]
    entry = unlisted_entries([], places)["Kevin"]
    assert entry["ages"] == [15, 26] and entry["appears_in"] == ["a.md", "skills-lab/exercises.yml#k"]
