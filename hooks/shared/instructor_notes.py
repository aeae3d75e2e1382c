"""Instructor notes in a page's source: the blocks the student edition leaves out.

Pure functions, no MkDocs events (hooks/instructor_edition.py strips or keeps them;
hooks/page_rules.py counts a page's words without them). A note is an admonition of the
type `instructor`, at the start of a line, with its indented body:

    !!! instructor "Model answers"
        1. A good answer names ...

(`??? instructor "Teaching note"` makes it collapsible.) Notes in fenced code are examples,
not notes, and stay.
"""

from __future__ import annotations

import re

from shared.page_outline import mask_fenced_code

# the title line, then every following line that is blank or indented by 4 or more
INSTRUCTOR_BLOCK = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+instructor\b[^\n]*\n(?:(?:[ \t]*\n)*(?: {4}|\t)[^\n]*\n?)*', re.M)


def instructor_blocks(markdown: str) -> list[re.Match]:
    """The instructor notes of a page (not the examples in fenced code)."""
    return list(INSTRUCTOR_BLOCK.finditer(mask_fenced_code(markdown)))


def strip_instructor_notes(markdown: str) -> str:
    """The page as students get it: every instructor note removed (not hidden: not there)."""
    if "instructor" not in markdown:
        return markdown
    for block in reversed(instructor_blocks(markdown)):
        markdown = markdown[: block.start()] + markdown[block.end():]
    return markdown
