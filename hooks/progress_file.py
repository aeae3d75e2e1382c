"""My progress: "Save my progress to a file" and "Load progress from a file" (assets/progress-file.js).

Reads data/interface.yml (section `transfer`) and the guide's identity (site_url, site_name,
hooks/shared/guide_identity.py). Events:
- on_page_markdown (progress.md only): a heading, an intro and the block's marker, at the end
  of the page (hooks/progress_page.py writes the page, hooks/objective_progress.py its objectives);
- on_page_content (progress.md only): the buttons, the hidden preview and status, as escaped
  HTML, with the script's data as JSON: the guide's identity, the file format's version, the
  way from this page to the site's root, and the words;
- on_post_page (progress.md only): assets/progress-file.js, deferred, at the end of the page.
The file is the script's business: every localStorage key the guide writes (guide_*, guide-*,
and mkdocs-quiz's quiz_progress_* of this site), page paths relative to the site, checked
value by value when loaded. Nothing leaves the browser except the file the student saves.
"""

from __future__ import annotations

import html as html_lib
import json

from shared.generated_blocks import fill, marker
from shared.guide_data import escape_text
from shared.guide_identity import file_stem, identity
from shared.interface_strings import section_words
from mkdocs.utils import get_relative_url

PROGRESS_PAGE = "progress.md"
SCRIPT = "assets/progress-file.js"
BLOCK = "progress-file"
FILE_VERSION = 1  # the file's format; the script refuses a file of a later one
WORDS = ("heading", "intro", "save_button", "load_button", "file_name", "saved", "preview_intro",
         "change_first_added", "change_first_earlier", "change_answers_added", "change_last",
         "change_lab_attempts", "change_conversations", "change_review", "change_other", "markup_dropped",
         "nothing_new", "apply_button", "cancel_button", "loaded", "cancelled", "error_too_big", "error_damaged",
         "error_not_progress", "error_newer", "error_other_guide", "error_entry", "error_unknown", "error_storage")
words: dict[str, str] = {}


def on_config(config):
    global words
    words = section_words(config, "transfer", WORDS, "label and explain saving and loading progress on My progress")
    return config


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PROGRESS_PAGE:
        return markdown
    return (f"{markdown}\n\n## {escape_text(words['heading'])} {{ #move-progress }}\n\n"
            f"{escape_text(words['intro'])}\n\n{marker(BLOCK)}\n")


def on_page_content(html, page, config, files):
    if page.file.src_uri != PROGRESS_PAGE:
        return html
    data = {"guide": identity(config.site_name, config.site_url), "title": config.site_name,
            "name": file_stem(config.site_name), "version": FILE_VERSION,
            "root": get_relative_url("", page.url) or ".", "words": words}
    return fill(html, {BLOCK: render_block(data)}, PROGRESS_PAGE)


def on_post_page(output, page, config):
    if page.file.src_uri != PROGRESS_PAGE:
        return output
    script = f'<script src="{_attr(get_relative_url(SCRIPT, page.url))}" defer></script>\n</body>'
    before, found, after = output.rpartition("</body>")
    return before + script + after if found else output


def render_block(data: dict) -> str:
    """The controls as they are before any click: two buttons, a file field the load button
    opens, a preview and a status line, hidden while empty."""
    w = {key: html_lib.escape(value) for key, value in data["words"].items()}
    # no "<" at all in the data: "</script" or "<!--" inside it could end the element early
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return (
        '<div class="progress-file" id="progress-file">\n'
        f'<p class="progress-file-buttons"><button type="button" class="md-button" id="progress-file-save">{w["save_button"]}</button> '
        f'<button type="button" class="md-button" id="progress-file-load">{w["load_button"]}</button>'
        f'<input type="file" id="progress-file-input" accept=".json,application/json" aria-label="{w["load_button"]}" hidden></p>\n'
        '<div class="progress-file-preview" id="progress-file-preview" hidden>\n'
        '<p id="progress-file-what"></p>\n<ul id="progress-file-changes"></ul>\n'
        f'<p><button type="button" class="md-button md-button--primary" id="progress-file-apply">{w["apply_button"]}</button> '
        f'<button type="button" class="md-button" id="progress-file-cancel">{w["cancel_button"]}</button></p>\n</div>\n'
        '<p class="progress-file-status" id="progress-file-status" role="status"></p>\n'
        f'<script type="application/json" id="progress-file-data">{payload}</script>\n</div>'
    )


def _attr(value: str) -> str:
    return html_lib.escape(value, quote=True)
