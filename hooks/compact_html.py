"""Write each page without the blank runs the theme's templates leave between tags.

Material's Jinja templates indent every navigation item, so a page's HTML is about
40% whitespace between tags (a section page: 73 KB, of which 25 KB blank). A phone
downloads and parses all of it. Event: on_post_page, last: every run of whitespace
between two tags becomes one newline (or one space), which renders the same, since
HTML collapses such runs anyway. <pre>, <textarea>, <script>, <style>, <code> and <kbd>
are left as they are: there, whitespace is content (Material sets code in pre-wrap).
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

# elements whose whitespace is content (Material sets code in pre-wrap)
KEPT_AS_IS = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# HTML's own whitespace only: a no-break space (U+00A0), which \s would match, is content
BLANK_WITH_NEWLINE = re.compile(r">[ \t\r\f]*\n[ \t\r\n\f]*<")
BLANK = re.compile(r">[ \t\r\f]{2,}<")


def compact(html: str) -> str:
    """`html` with each run of 2+ whitespace characters between tags cut to one."""
    pieces, done = [], 0
    for kept in KEPT_AS_IS.finditer(html):
        pieces += [_shorten(html[done:kept.start()]), kept[0]]
        done = kept.end()
    pieces.append(_shorten(html[done:]))
    return "".join(pieces)


def _shorten(html: str) -> str:
    return BLANK.sub("> <", BLANK_WITH_NEWLINE.sub(">\n<", html))


@event_priority(-200)  # after every other hook has changed the page
def on_post_page(output, page, config):
    return compact(output)
