"""The interface's words, read from data/interface.yml (one table for a translated edition).

Reads: data/interface.yml. Writes: nothing itself. Uses no MkDocs event: a hook module calls
`load(config)` from its `on_config` and `json_block(strings, section)` where a page's script
needs that section's words. Scripts read them with
`JSON.parse(document.getElementById("strings-" + section).textContent)`.

The file is a mapping of sections (quiz, progress, tooltips, lab, ...) to mappings of plain
strings; anything else fails the build with the file, the key, the line and what to fix.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from shared.guide_data import MARKDOWN_SPECIALS, DataFileError, LineDict, data_file, display_path, read_yaml

PLACEHOLDER = re.compile(r"\{(\w+)\}")  # "Read more in {framework}" -> framework

INTERFACE_FILE = "data/interface.yml"


def load(config) -> dict[str, dict[str, str]]:
    """Every section of data/interface.yml, checked: section -> key -> plain string."""
    root = Path(config.config_file_path).parent
    path = root / data_file(INTERFACE_FILE)
    shown = display_path(path, root)
    data = read_yaml(path, root)
    if not isinstance(data, dict):
        raise DataFileError(f"{shown}: expected sections (quiz:, progress:, ...) each holding "
                            "key: text pairs; see the comment at the top of the file.")
    problems = []
    for section, words in data.items():
        if not isinstance(words, dict):
            problems.append(f'section "{section}" must hold key: text pairs')
            continue
        for key, text in words.items():
            if not isinstance(text, str):
                line = f" (section starting line {words.line})" if isinstance(words, LineDict) else ""
                problems.append(f'"{section}.{key}"{line} must be plain text in quotes')
    if problems:
        raise DataFileError(f"{shown}: " + "; ".join(problems) + ". Fix these entries.")
    return {section: dict(words) for section, words in data.items()}


def section_words(config, section: str, keys: tuple[str, ...], used_for: str) -> dict[str, str]:
    """One section's words, every key a hook writes present and not empty (else one error
    naming them all)."""
    words = load(config).get(section, {})
    missing = [key for key in keys if not words.get(key)]
    if missing:
        raise DataFileError(f"{data_file(INTERFACE_FILE)}, section {section}: missing {', '.join(missing)}; "
                            f"these words {used_for}. Add them (see the other sections for the form).")
    return words


def filled_html(template: str, **values: str) -> str:
    """A {name}-style template as an element's text in HTML or Markdown (not an attribute):
    its words escaped, each {name} replaced by the HTML given for it (an unknown {name}
    stays as written, escaped)."""
    parts = PLACEHOLDER.split(template)
    return "".join(values.get(part, _escape("{" + part + "}")) if odd else _escape(part)
                   for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts)))


def _escape(text: str) -> str:
    # as guide_data.escape_text, but keeping the spaces around a placeholder (and quotes,
    # harmless outside attributes)
    return html.escape(text, quote=False).translate(MARKDOWN_SPECIALS)


def json_block(strings: dict[str, dict[str, str]], section: str) -> str:
    """A `<script type="application/json">` holding one section's words, safe inside HTML."""
    payload = json.dumps(strings.get(section, {}), ensure_ascii=False)
    # "</" could close the script element early; JSON allows the escaped form
    payload = payload.replace("</", "<\\/")
    return f'<script type="application/json" id="strings-{section}">{payload}</script>'
