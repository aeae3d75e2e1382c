"""The titles of a page's standard boxes, in each language the guide is written in.

The build finds a section page's "Learning objectives" box and its worked example by their
titles (AUTHORING.md). An edition in another language writes them in its language; add the
language's titles here (one regular-expression alternative each).
"""

from __future__ import annotations

import re

OBJECTIVES = ("Learning objectives", "Objectifs d'apprentissage")
WORKED_EXAMPLE = ("Worked example", "Exemple commenté")  # the start of the title: "Worked example (fictional)"
FIGURE_DESCRIPTION = ("Text description of Figure", "Description textuelle de la figure")  # + " 2.1"


def any_of(titles: tuple[str, ...]) -> str:
    """A regex alternative matching any of the titles: "(?:Learning objectives|Objectifs ...)"."""
    return "(?:" + "|".join(re.escape(t) for t in titles) + ")"
