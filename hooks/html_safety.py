"""Refuse script in what authors write.

Event: on_page_content, at a priority above mkdocs-quiz's (which adds its own script
afterwards), so only the HTML rendered from the page's Markdown is checked. A
<script>, an inline event handler (onclick=...), a javascript: URL or an embedded
frame fails the build, naming the page and what was found. Data files are escaped
by the hooks that render them, so their text can never reach this point as markup.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

UNSAFE = re.compile(
    r"<\s*(?:script|iframe|object|embed)\b"         # elements that run or embed code
    r"|<[^>]*\son[a-z]+\s*=",                      # inline event handlers
    re.IGNORECASE,
)
# a javascript: URL, found from its "=": a literal start, which the regex engine finds
# fast (a pattern starting with "href|src" is tried at every position); the name before
# the "=" is checked afterwards
JAVASCRIPT_VALUE = re.compile(r"""=\s*["']?\s*javascript:""", re.IGNORECASE)
URL_ATTRIBUTE_NAME = re.compile(r"(?:href|src)\s*$", re.IGNORECASE)


def unsafe_markup(html: str) -> list[str]:
    found = [m[0][:40] for m in UNSAFE.finditer(html)]
    for value in JAVASCRIPT_VALUE.finditer(html):
        name = URL_ATTRIBUTE_NAME.search(html, max(0, value.start() - 40), value.start())
        if name:
            found.append(html[name.start():value.end()])
    return found


@event_priority(100)
def on_page_content(html, page, config, files):
    if page.file.generated_by:
        return html  # built from escaped data, or (print edition) from pages checked here already
    found = unsafe_markup(html)
    if found:
        raise PluginError(
            f"docs/{page.file.src_uri}: the page contains markup that could run script "
            f"({', '.join(found)}). Pages may not embed scripts, event handlers or frames; "
            "remove it (site-wide scripts belong in overrides/ or docs/assets/)."
        )
    return html
