"""Unit tests of "law as it stands" (hooks/shared/law_check.py): a statute cited by chapter or
named in the text needs an entry with its chapter, names and the date of the version read."""

import datetime as dt

from shared.law_check import LawEntry, entry_problems, format_date, mentioned, unknown_mentions

YPA = LawEntry("Youth Protection Act, 1977", "P-34.1", ("Youth Protection Act", "Loi sur la protection de la jeunesse"), "2024-06-08")
CODE = LawEntry("Code des professions, 1973", "C-26", ("Code des professions", "Professional Code"), "2019-04-17")
TODAY = dt.date(2026, 12, 6)


def test_a_chapter_or_a_title_without_an_entry_is_reported():
    text = ("The Youth Protection Act (CQLR, c. P-34.1) and the Act respecting health services and social "
            "services (CQLR, c. S-4.2) both matter; so does the *Loi sur la protection de la jeunesse*.")
    assert [(kind, what) for _, kind, what in unknown_mentions(text, [YPA])] == [
        ("chapter", "S-4.2"), ("name", "Act respecting health services and social services")]


def test_a_regulation_is_its_own_chapter():
    text = "the regulation (CQLR, c. C-26, r. 222.1) names them"
    assert [what for _, _, what in unknown_mentions(text, [CODE])] == ["C-26, r. 222.1"]


def test_names_match_with_their_article_or_more_words():
    text = ("Under the Professional Code, and the Code des professions itself, a member... That Act "
            "took over; the Youth Protection Act requires a report.")
    assert unknown_mentions(text, [YPA, CODE]) == []
    assert mentioned(text, [YPA, CODE]) == {YPA.cite, CODE.cite}


def test_author_year_citations_and_other_words_are_not_statutes():
    text = "As Rogers (1957) wrote, act on it; chapter 3 of Egan (2014). A Pact of trust."
    assert unknown_mentions(text, []) == []


def test_a_legal_entry_needs_a_real_past_date_and_names():
    assert entry_problems(YPA, TODAY, "e") == []
    missing = LawEntry("X, 2000", "X-1", ("X Act",), None)
    assert "needs \"version_read\"" in entry_problems(missing, TODAY, "e")[0]
    assert "is not a date" in entry_problems(LawEntry("X, 2000", "X-1", ("X Act",), "1 Nov 2026"), TODAY, "e")[0]
    assert "in the future" in entry_problems(LawEntry("X, 2000", "X-1", ("X Act",), "2027-01-01"), TODAY, "e")[0]
    assert "needs \"names\"" in entry_problems(LawEntry("X, 2000", "X-1", (), "2026-01-01"), TODAY, "e")[0]


def test_the_date_is_written_in_the_pages_words():
    months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
    assert format_date("2026-11-01", months, "{day} {month} {year}") == "1 novembre 2026"


def test_a_title_wrapped_over_two_lines_is_one_title():
    text = "definition: under the Youth\n    Protection Act, a report is made without delay."
    assert unknown_mentions(text, [YPA]) == []
    assert mentioned(text, [YPA]) == {YPA.cite}
