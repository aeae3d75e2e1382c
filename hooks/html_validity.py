"""Mend the upstream markup that the W3C Nu HTML Checker rejects, on every page.

Events: on_post_page, last (after every hook that adds markup), and on_post_template for
the pages rendered from a template alone (404.html). Each fix is an exact
replacement of a string that Material or mkdocs-quiz writes, listed in UPSTREAM_FIXES with
the file it comes from and why the checker rejects it. What the guide's own templates and
hooks write is fixed where it is written (overrides/partials/nav-item.html, hooks/print_page.py),
not here. tests/test_html_validity.py checks that every fix still finds its string in a real
build: after upgrading Material or mkdocs-quiz, a fix that no longer applies fails there, and
the Nu checker test says whether the new markup is valid.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

# (upstream file, the markup as written, the markup as mended, why)
UPSTREAM_FIXES = (
    ("material/templates/base.html",
     'type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">',
     "autocomplete is not allowed on a checkbox (Material adds it against Firefox restoring "
     "the toggle's state; the toggles are reset by Material's script anyway)"),
    ("material/templates/base.html",
     'type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">',
     "same as above, for the search toggle"),
)

# Material's table of contents title toggles the "__toc" checkbox, which nav-item.html
# writes only for a page that is a leaf of the nav: a chapter overview (a section's index
# page) has the label without its control.
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_CONTROL = 'id="__toc"'


@event_priority(-300)
def on_post_page(output, page, config):
    return valid_html(output)


def on_post_template(output_content, template_name, config):
    return valid_html(output_content) if template_name.endswith(".html") else output_content


def valid_html(output: str) -> str:
    """The page with each known piece of invalid upstream markup mended."""
    for _source, written, mended, _why in UPSTREAM_FIXES:
        output = output.replace(written, mended)
    if TOC_LABEL in output and TOC_CONTROL not in output:
        output = output.replace(TOC_LABEL, '<label class="md-nav__title">')
    return output
