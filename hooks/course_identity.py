"""The course's identity as readers see it: `site_name` and `extra.course` of mkdocs.yml,
without the values a fork has not filled in yet.

Reads mkdocs.yml's `extra.course`. Event: on_config puts the filled-in fields in
`config.extra.identity` (name, code, institution, term), for the footer
(overrides/partials/copyright.html), the author metadata (overrides/main.html) and the
print edition's title page (hooks/print_page.py). A field that is empty, or still holds the
placeholder this guide ships with, is left out: a fork that has not set its course code
shows none rather than another course's.
"""

from __future__ import annotations

# The values mkdocs.yml ships with in `extra.course`: placeholders, shown nowhere. This is
# the one place that knows them (keep them in step with mkdocs.yml's COURSE IDENTITY block).
SHIPPED_PLACEHOLDERS = {
    "code": {"REL-1001"},
    "institution": {"Your college or university"},
}
FIELDS = ("name", "code", "institution", "term")


def filled_identity(course: dict | None) -> dict[str, str]:
    """The fields of `extra.course` that hold a real value (trimmed), by name."""
    course = course or {}
    filled = {}
    for field in FIELDS:
        value = " ".join(str(course.get(field) or "").split())
        if value and value not in SHIPPED_PLACEHOLDERS.get(field, set()):
            filled[field] = value
    return filled


def on_config(config):
    config.extra["identity"] = filled_identity(config.extra.get("course"))
    return config
