"""The instructor edition: model answers and teaching notes, built only on request.

Reads the environment variable GUIDE_EDITION (`instructor` builds the instructor edition;
anything else, or nothing, the student site) and the `edition` section of
data/interface.yml (the banner's words). Writes nothing. Events:
- on_config: in the instructor edition, put the banner's words in `extra.edition_banner`
  (overrides/main.html shows it on every page and asks search engines not to index it);
- on_page_markdown (priority 110, before every check and before mkdocs-quiz): in the
  student edition, remove every `!!! instructor` block from the page (hooks/shared/instructor_notes.py),
  so that nothing of it reaches the HTML, the search index or the print edition.
`make instructor` builds the instructor edition into exports/instructor-edition/; the
Pages workflow (.github/workflows/deploy.yml) builds the student site only.
"""

from __future__ import annotations

import os

from shared import interface_strings
from shared.instructor_notes import strip_instructor_notes
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

EDITION_VARIABLE = "GUIDE_EDITION"
instructor = False


def is_instructor_edition() -> bool:
    return os.environ.get(EDITION_VARIABLE, "").strip().lower() == "instructor"


def on_config(config):
    global instructor
    instructor = is_instructor_edition()
    config.extra.pop("edition_banner", None)
    if instructor:
        banner = interface_strings.load(config).get("edition", {}).get("instructor_banner")
        if not banner:
            raise PluginError(f"{interface_strings.INTERFACE_FILE}: the instructor edition needs "
                              '"edition: instructor_banner:", the words shown at the top of every page.')
        config.extra["edition_banner"] = banner
    return config


@event_priority(110)
def on_page_markdown(markdown, page, config, files):
    return markdown if instructor else strip_instructor_notes(markdown)
