"""Unit tests of hooks/shared/guide_data.py: every bad-input case names file, entry, line and fix."""

import pytest

from shared.guide_data import DataFileError, Field, escape_text, load_entries

FIELDS = {"term": Field(str), "french": Field(str), "forms": Field(list, required=False)}


def load(tmp_path, text):
    path = tmp_path / "data" / "terms.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_entries(path, tmp_path, FIELDS, "term", "terms")


def test_valid_file_loads_with_line_numbers(tmp_path):
    entries = load(tmp_path, "terms:\n  - term: empathy\n    french: empathie\n  - term: congruence\n    french: congruence\n")
    assert [e["term"] for e in entries] == ["empathy", "congruence"]
    assert [e.line for e in entries] == [2, 4]


def test_malformed_yaml_names_file_line_and_column(tmp_path):
    with pytest.raises(DataFileError, match=r"data/terms\.yml, line 3, column \d+: not valid YAML"):
        load(tmp_path, "terms:\n  - term: empathy\n   french: [unclosed\n")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DataFileError, match=r"data/none\.yml: file not found"):
        load_entries(tmp_path / "data" / "none.yml", tmp_path, FIELDS, "term", "terms")


def test_missing_field_names_entry_and_line(tmp_path):
    with pytest.raises(DataFileError, match=r'entry 2 \("warmth"\), line 4: missing "french"'):
        load(tmp_path, "terms:\n  - term: empathy\n    french: empathie\n  - term: warmth\n")


def test_empty_field_counts_as_missing(tmp_path):
    with pytest.raises(DataFileError, match=r'missing "french"'):
        load(tmp_path, "terms:\n  - term: empathy\n    french: ''\n")


def test_duplicate_entry_is_reported_with_both_places(tmp_path):
    with pytest.raises(DataFileError, match=r'entry 2 \("Empathy"\), line 4: duplicate term "Empathy" \(already entry 1 \("empathy"\), line 2\)'):
        load(tmp_path, "terms:\n  - term: empathy\n    french: a\n  - term: Empathy\n    french: b\n")


def test_duplicate_key_inside_an_entry(tmp_path):
    with pytest.raises(DataFileError, match=r'line 4, column 5: .*key "french" appears twice \(first on line 3\)'):
        load(tmp_path, "terms:\n  - term: empathy\n    french: a\n    french: b\n")


def test_unknown_field_lists_the_allowed_ones(tmp_path):
    with pytest.raises(DataFileError, match=r'unknown field "frnch"\. Allowed fields: term, french, forms'):
        load(tmp_path, "terms:\n  - term: empathy\n    frnch: empathie\n    french: x\n")


def test_wrong_type(tmp_path):
    with pytest.raises(DataFileError, match=r'"forms" should be a list, found str'):
        load(tmp_path, "terms:\n  - term: empathy\n    french: e\n    forms: empathic\n")


def test_not_a_list_of_entries(tmp_path):
    with pytest.raises(DataFileError, match=r'expected a top-level "terms:" holding a list'):
        load(tmp_path, "term: empathy\n")


def test_every_problem_is_reported_at_once(tmp_path):
    with pytest.raises(DataFileError) as error:
        load(tmp_path, "terms:\n  - term: a\n  - term: b\n")
    assert "2 problem(s)" in str(error.value)


def test_escape_text_neutralises_html_and_markdown():
    escaped = escape_text('<script>alert("x")</script> *bold* [link](javascript:x)')
    assert "<" not in escaped and ">" not in escaped
    assert "*" not in escaped and "[" not in escaped
    assert "&lt;script&gt;" in escaped
