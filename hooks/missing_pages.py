"""A page that is gone, and everything that still points to it, reported in one pass.

Reads every documentation page's Markdown, data/glossary.yml and data/comparison.yml.
Writes nothing. Event: on_files, at priority 10, before hooks/concepts.py and
hooks/comparison.py check their own data (each of which stops the build at its first kind
of problem). When a chapter or a page is removed, it lists at once, each with file and line:
- the links of every page to a Markdown page that is not in the build;
- the glossary entries introduced in a missing page, and the `see_also` items of other
  entries that name them (to edit too if the entry is removed);
- the comparison frameworks whose page is missing.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from shared.glossary_data import GLOSSARY_FILE
from shared.guide_data import LineDict, data_file, read_yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from shared.page_outline import is_chapter_page, is_section_page, mask_fenced_code, nav_order

COMPARISON_FILE = "data/comparison.yml"
# [text](../04-skills/silence.md#pauses): a relative link to a Markdown page
PAGE_LINK = re.compile(r"\]\((?P<path>(?![a-z][\w+.-]*:)[^)\s#]*\.md)(?P<anchor>#[^)\s]*)?\)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


def missing_link_problems(uri: str, markdown: str, exists) -> list[str]:
    """`docs/page.md, line N: links to x.md, which is not in the build` for each such link."""
    text = INLINE_CODE.sub(lambda m: " " * len(m[0]), mask_fenced_code(markdown))
    problems = []
    for match in PAGE_LINK.finditer(text):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(uri), match["path"]))
        if not exists(target):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"docs/{uri}, line {line}: links to {match['path']}{match['anchor'] or ''}, "
                            "which is not in the build: link to another page, or keep only the link's text")
    return problems


def glossary_problems(entries: list, exists) -> list[str]:
    """Entries introduced in a missing page, and the see_also items that name them."""
    problems = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("introduced_in"), str) or exists(entry["introduced_in"]):
            continue
        line = entry.line_of("introduced_in") if isinstance(entry, LineDict) else "?"
        named_by = [f'"{other["term"]}" (line {other.line_of("see_also", other["see_also"].index(entry["term"]))})'
                    for other in entries if isinstance(other, LineDict) and entry["term"] in (other.get("see_also") or [])]
        problems.append(
            f'{GLOSSARY_FILE}, entry "{entry["term"]}", line {line}: introduced_in names "{entry["introduced_in"]}", '
            "which is not in the build: name the section that now teaches the term, or remove the entry"
            + (f" and the see_also items that name it, in {', '.join(named_by)}" if named_by else ""))
    return problems


def comparison_problems(document, exists) -> list[str]:
    frameworks = document.get("frameworks") if isinstance(document, dict) else None
    return [f'{COMPARISON_FILE}, framework "{f.get("id")}", line {f.line_of("page")}: page {f["page"]} '
            "is not in the build: point it to the framework's section page"
            for f in frameworks or [] if isinstance(f, LineDict) and isinstance(f.get("page"), str) and not exists(f["page"])]


@event_priority(10)
def on_files(files, config):
    root = Path(config.config_file_path).parent
    present = {f.src_uri for f in files.documentation_pages()}
    # pages generated later in on_files (glossary.md, ...) are in the nav but never in a chapter folder
    generated = {uri for uri in nav_order(config.nav) if not (is_section_page(uri) or is_chapter_page(uri))}

    def exists(uri: str) -> bool:
        return uri in present or uri in generated

    problems = []
    for file in files.documentation_pages():
        if not file.generated_by and file.abs_src_path:
            problems += missing_link_problems(file.src_uri, file.content_string, exists)
    if (root / data_file(GLOSSARY_FILE)).is_file():
        document = read_yaml(root / data_file(GLOSSARY_FILE), root)
        problems += glossary_problems((document or {}).get("terms") or [], exists)
    if (root / data_file(COMPARISON_FILE)).is_file():
        problems += comparison_problems(read_yaml(root / data_file(COMPARISON_FILE), root), exists)
    if problems:
        raise PluginError(f"{len(problems)} place(s) point to a page that is not in the build "
                          "(removed, renamed or left out of nav):\n  - " + "\n  - ".join(problems))
    return files
