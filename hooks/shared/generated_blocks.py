"""Blocks of HTML that a page's Markdown only marks the place of, filled in after conversion.

Pure functions, no MkDocs events. Used where Markdown has nothing to add to a block
but would still parse it: the generated comparison, progress and references pages keep their
headings and prose in Markdown (so the table of contents, heading ids and Markdown
links stay MkDocs' own) and write their tables and lists as HTML from
escaped data; the glossary and concept index put their whole body in this way, and
figures.py each inline drawing. Converting those
blocks through Markdown cost 16 of the comparison page's 19 ms, and 1.2 ms per page
with a drawing. The hook that leaves a `marker()` calls `fill()` from on_page_content.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

# an element's id (literal first, then a look-behind for the space: far faster over a long page)
ID = re.compile(r'id="(?<=\sid=")([^"]+)"')


def marker(name: str) -> str:
    """What to leave in the Markdown where block `name` goes: on a line of its own, with a
    blank line before and after it or inside a raw HTML block (Markdown keeps it as it is)."""
    return f"<!-- generated: {name} -->"


def fill(html: str, blocks: dict[str, str], page_path: str) -> str:
    """Put each block in place of its marker; fail if a marker did not survive conversion."""
    for name, block in blocks.items():
        placeholder = marker(name)
        if placeholder not in html:
            raise PluginError(
                f"{page_path}: the place of the generated block \"{name}\" was lost in conversion; "
                "keep each marker on a line of its own, with a blank line before and after it."
            )
        html = html.replace(placeholder, block, 1)
    return html


def ids_in(html: str) -> set[str]:
    """The ids of the elements in an HTML block (MkDocs validates links to a page's anchors
    from the ids it saw in the Markdown's output, so a hook that adds ids tells it of them)."""
    return set(ID.findall(html))
