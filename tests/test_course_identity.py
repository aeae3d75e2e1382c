"""Course identity: a field left as shipped, or empty, shows nowhere (footer, metadata, print)."""

import re

import yaml
from conftest import ROOT

from course_identity import SHIPPED_PLACEHOLDERS, filled_identity


def test_placeholders_and_empty_fields_are_left_out():
    shipped = {field: next(iter(values)) for field, values in SHIPPED_PLACEHOLDERS.items()}
    assert filled_identity({"name": "Course", **shipped, "term": " "}) == {"name": "Course"}
    assert filled_identity({"code": "PSY-200", "institution": "Cégep X", "term": "Fall 2027"}) == {
        "code": "PSY-200", "institution": "Cégep X", "term": "Fall 2027"}
    assert filled_identity(None) == {}


def test_the_shipped_mkdocs_yml_holds_the_placeholders_this_module_knows():
    """The placeholders are defined once: they must be the values mkdocs.yml ships with."""
    course = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["course"]
    for field, values in SHIPPED_PLACEHOLDERS.items():
        assert course[field] in values, f"mkdocs.yml's extra.course.{field} is not a known placeholder"


def test_built_footer_and_metadata_show_no_placeholder(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    footer = html[html.find('class="md-copyright"'):]
    for values in SHIPPED_PLACEHOLDERS.values():
        for value in values:
            assert value not in footer, f"the footer shows the placeholder {value!r}"
    assert not re.search(r'<meta name="author"', html), "author metadata from an unfilled placeholder"
