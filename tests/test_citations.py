"""Unit tests of hooks/shared/citation_check.py."""

from shared.citation_check import find_citations, reference_index, resolve

INDEX = reference_index([
    "Rogers, 1957", "Elliott et al., 2018", "Maslach & Jackson, 1981",
    "American Counseling Association, 2014", "Freud, 1912/1958", "Québec, n.d.",
])


def cited(text):
    return [(c.author, c.year) for c in find_citations(text)]


def test_parenthetical_forms():
    text = "As shown (Rogers, 1957; Elliott et al., 2018, p. 3) and (see Maslach & Jackson, 1981)."
    assert cited(text) == [("Rogers", "1957"), ("Elliott", "2018"), ("Maslach", "1981")]


def test_narrative_forms_and_possessive():
    text = "Rogers (1957) and Maslach and Jackson (1981) agree; Kolb's (1984) cycle; Elliott et al. (2018)."
    assert cited(text) == [("Rogers", "1957"), ("Maslach", "1981"), ("Kolb", "1984"), ("Elliott", "2018")]


def test_classic_and_undated_works():
    assert cited("(Freud, 1912/1958) and (Québec, n.d.)") == [("Freud", "1912/1958"), ("Québec", "n.d.")]


def test_code_links_and_acronyms_are_not_citations():
    text = "`(Smith, 2000)` [x](https://e.org/(Smith, 2001)) SOLER (1975) (p. 12) (see chapter 4)"
    assert cited(text) == []


def test_resolution_by_first_author_and_year():
    found = find_citations("(Rogers, 1957) (Rogers, 1961) (American Counseling Association, 2014) Association (2014)")
    assert [bool(resolve(c, INDEX)) for c in found] == [True, False, True, True]


def test_unknown_author_does_not_resolve():
    assert resolve(find_citations("(Smith, 1957)")[0], INDEX) is None


def test_citations_in_fenced_code_are_not_citations():
    text = ("Before (Rogers, 1957).\n\n```markdown\nAs (Smith, 2000) showed.\n```\n\n"
            "~~~\nSmith (2001)\n~~~\n\nAfter Elliott et al. (2018).\n")
    found = find_citations(text)
    assert [(c.author, c.year) for c in found] == [("Rogers", "1957"), ("Elliott", "2018")]
    assert [text[c.offset:c.offset + len(c.text)] for c in found] == [c.text for c in found]  # offsets hold
