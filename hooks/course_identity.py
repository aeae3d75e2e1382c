"""The course identity of mkdocs.yml drives the guide's title, description and language.

Reads `site_name` and `extra.course` (name, code, institution, term, language). Writes
nothing. Events:
- on_config: `theme.language` (the interface's language: Material's labels, the `lang`
  of every page) follows `extra.course.language`; `{title}`, `{course}`, `{code}`,
  `{institution}` and `{term}` in `site_description` are filled in from the identity;
- on_page_markdown: a marker `<!-- course_identity: title -->` (or course, code,
  institution, term) becomes that value, escaped, e.g. in the home page's heading.
on_config also puts in `config.extra.identity` the fields a fork has filled in (name,
code, institution, term): a field that is empty, or still holds the placeholder this guide
ships with, is left out, so that the footer (overrides/partials/copyright.html), the author
metadata (overrides/main.html) and the print edition's title page (hooks/print_page.py)
show nothing rather than another course's code.
"""

from __future__ import annotations

import re

from shared.guide_data import escape_text
from mkdocs.exceptions import PluginError

MARKER = re.compile(r"<!--\s*course_identity:\s*(?P<field>[\w]+)\s*-->")
PLACEHOLDER = re.compile(r"\{(?P<field>\w+)\}")

# The values mkdocs.yml ships with in `extra.course`: placeholders, shown nowhere. This is
# the one place that knows them (keep them in step with the COURSE IDENTITY block of mkdocs.yml and mkdocs.<lang>.yml).
SHIPPED_PLACEHOLDERS = {
    "code": {"REL-1001"},
    "institution": {"Your college or university", "Votre cégep ou votre université"},  # mkdocs.fr.yml's too
}
FILLED_FIELDS = ("name", "code", "institution", "term")

identity: dict[str, str] = {}


def filled_identity(course: dict | None) -> dict[str, str]:
    """The fields of `extra.course` that hold a real value (trimmed), by name."""
    course = course or {}
    filled = {}
    for field in FILLED_FIELDS:
        value = " ".join(str(course.get(field) or "").split())
        if value and value not in SHIPPED_PLACEHOLDERS.get(field, set()):
            filled[field] = value
    return filled


def identity_of(config) -> dict[str, str]:
    """The identity's fields by the names markers and placeholders use."""
    course = (config.extra or {}).get("course") or {}
    return {"title": config.site_name or "", "course": course.get("name") or "", "code": course.get("code") or "",
            "institution": course.get("institution") or "", "term": course.get("term") or ""}


def fill(text: str, values: dict[str, str], pattern: re.Pattern, where: str) -> str:
    unknown = sorted({m["field"] for m in pattern.finditer(text) if m["field"] not in values})
    if unknown:
        raise PluginError(f"{where}: unknown course identity field(s) {', '.join(unknown)}; "
                          f"use one of {', '.join(values)} (mkdocs.yml, COURSE IDENTITY).")
    return pattern.sub(lambda m: values[m["field"]], text)


def drop_unfilled(text: str, shown: dict[str, str]) -> str:
    """The description without the identity fields left as shipped or empty: each goes with the
    words that join it to the sentence (", {institution}" or " for {course}")."""
    known = {"title", "course", "code", "institution", "term"}
    for field in sorted({m["field"] for m in PLACEHOLDER.finditer(text)} & known - set(shown)):
        text = re.sub(r"(?:\s*[,;:–-]\s*|\s+(?:for|at|in|of|pour|du|de|au|à|dans)(?:\s+(?:le|la|les|the))?(?:\s+cours)?\s+)?\{" + field + r"\}",
                      "", text, count=0)
    return " ".join(text.split())


def on_config(config):
    global identity
    identity = identity_of(config)
    config.extra["identity"] = filled_identity((config.extra or {}).get("course"))
    language = ((config.extra or {}).get("course") or {}).get("language")
    if language:
        config.theme["language"] = str(language)
    if config.site_description:  # a placeholder left unfilled shows nowhere, metadata included
        filled = filled_identity((config.extra or {}).get("course"))
        shown = {"title": identity["title"], **{("course" if k == "name" else k): v for k, v in filled.items()}}
        description = drop_unfilled(config.site_description, shown)
        config.site_description = fill(description, {**identity, **shown}, PLACEHOLDER, "mkdocs.yml, site_description")
    return config


def on_page_markdown(markdown, page, config, files):
    if "course_identity:" not in markdown:
        return markdown
    escaped = {field: escape_text(value) for field, value in identity.items()}
    return fill(markdown, escaped, MARKER, f"docs/{page.file.src_uri}")
