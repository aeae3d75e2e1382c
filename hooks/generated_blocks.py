"""Blocks of HTML that a generated page's Markdown only marks the place of.

Pure functions, no MkDocs events. A generated page (framework comparison, progress,
references) keeps its headings and prose in Markdown, so its table of contents,
heading ids and Markdown links stay MkDocs' own, and writes its tables and long lists
of links straight as HTML from escaped data. Converting those blocks through Markdown
cost more build time than everything else on those pages (16 ms of the comparison
page's 19). The hook that generates the page calls `fill()` from on_page_content.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def marker(name: str) -> str:
    """The line to leave in the Markdown where block `name` goes (Markdown keeps comments as they are)."""
    return f"\n<!-- generated: {name} -->\n"


def fill(html: str, blocks: dict[str, str], page_path: str) -> str:
    """Put each block in place of its marker; fail if a marker did not survive conversion."""
    for name, block in blocks.items():
        placeholder = marker(name).strip()
        if placeholder not in html:
            raise PluginError(
                f"{page_path}: the place of the generated block \"{name}\" was lost in conversion; "
                "keep each marker on a line of its own, with a blank line before and after it."
            )
        html = html.replace(placeholder, block, 1)
    return html
