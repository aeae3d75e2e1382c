"""One name, one person: the text's people checked against data/people.yml.

Reads data/people.yml, every page's Markdown and the data files that name people (the Skills
lab's exercises and conversations, the glossary, the comparison). Writes nothing. Event:
- on_files: fail the build, listing every problem with file and line and what to do, when a
  person introduced with an age is not listed, a listed name appears where its entry does not
  place it, an age disagrees, or a question names the person of its page's worked example.

`extra: guide_rules: people: one_name_one_person: false` in mkdocs.yml turns the check off (a fork
that keeps no list of its people); `case_study_pages:` lists the pages (patterns allowed) whose
questions may name the people of the page's own cases, since analysing them is the point. The rules are in hooks/shared/people_registry.py.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

from mkdocs.exceptions import PluginError
from shared.people_registry import PEOPLE_FILE, data_places, load_people, page_place, problems

SETTING = "one_name_one_person"
CASE_PAGES = "case_study_pages"  # pages whose questions analyse the page's own cases


def on_files(files, config):
    rules = ((config.extra or {}).get("guide_rules") or {}).get("people") or {}
    enabled = rules.get(SETTING, True) if isinstance(rules, dict) else rules
    if not isinstance(enabled, bool):
        raise PluginError(f"mkdocs.yml, extra.guide_rules.people.{SETTING}: should be true or false, "
                          f"found {enabled!r}.")
    if not enabled:
        return files
    root = Path(config.config_file_path).parent
    people, not_people = load_people(root)
    docs = Path(config.docs_dir).resolve()
    shown_docs = docs.relative_to(root.resolve()).as_posix() if docs.is_relative_to(root.resolve()) else docs.as_posix()
    case_pages = rules.get(CASE_PAGES, []) if isinstance(rules, dict) else []
    if not isinstance(case_pages, list) or not all(isinstance(p, str) for p in case_pages):
        raise PluginError(f"mkdocs.yml, extra.guide_rules.people.{CASE_PAGES}: should be a list of page "
                          f'paths or patterns, e.g. ["07-case-studies/*"], found {case_pages!r}.')
    places = []
    for f in files.documentation_pages():
        if f.generated_by:
            continue
        place = page_place(f.src_uri, f"{shown_docs}/{f.src_uri}", f.content_string)
        if any(fnmatch(f.src_uri, pattern) for pattern in case_pages):
            place.worked_example = None  # its questions analyse its cases by design
        places.append(place)
    found = problems(people, places + data_places(root), not_people)
    if found:
        raise PluginError(
            f"One name, one person ({PEOPLE_FILE}): {len(found)} problem(s):\n  - "
            + "\n  - ".join(found)
            + f"\nSee data/README.md, \"people.yml\". To turn the check off in a fork: "
            f"extra.guide_rules.people.{SETTING}: false in mkdocs.yml."
        )
    return files
