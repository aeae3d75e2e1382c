"""Serve the guide's own stylesheets and scripts minified.

Event: on_files, after hooks/quiz_assets.py has added mkdocs-quiz's files. The sources
in docs/assets/ stay readable; only the copies written to the site are minified, with
rcssmin and rjsmin (conservative: they drop comments and spaces, never rename). It
takes about a fifth off the CSS and JavaScript a section page downloads
(bench/page_weight.py prints the page weights). Material's files are minified already
(".min." in their names), and so are the vendored ones in assets/vendor/. Another language
edition's build (fr/) minifies the first edition's assets it takes (hooks/language_editions.py)
as its own.
"""

from __future__ import annotations

import os
import posixpath

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority

from shared import editions

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


def needs_minifying(src_uri: str) -> bool:
    return (src_uri.startswith("assets/") and not src_uri.startswith("assets/vendor/")
            and ".min." not in src_uri and posixpath.splitext(src_uri)[1] in MINIFIERS)


def is_the_guides(file, docs_dir: str) -> bool:
    """Written for the guide (in docs/, in the first edition's docs/ for an asset another
    edition does not translate, or by a hook), not shipped by the theme."""
    folders = [docs_dir] + ([str(editions.first_docs_dir)] if editions.first_docs_dir else [])
    return bool(file.generated_by) or any((file.abs_src_path or "").startswith(os.path.join(folder, ""))
                                          for folder in folders)


@event_priority(-100)  # after every hook that adds a stylesheet or a script
def on_files(files, config):
    for file in files:
        if needs_minifying(file.src_uri) and is_the_guides(file, config.docs_dir):
            file.content_string = MINIFIERS[posixpath.splitext(file.src_uri)[1]](file.content_string)
    return files
