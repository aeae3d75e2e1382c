"""Every question tied to a learning objective, and a question bank without test-wise cues.

Events:
- on_config: read the thresholds of the cue check from mkdocs.yml
  (`extra: guide_rules: question_bank:`), failing on a missing or non-numeric one;
- on_files: read every page's objectives and questions (hooks/shared/objective_rules.py) and fail
  the build, naming file and line, when an objective in a "Learning objectives" box has no id
  (or a repeated or malformed one), a question names no objective or one that does not
  exist, or an objective is checked by no question; then measure the whole bank's cues
  (hooks/shared/question_cues.py), print the figures, and fail when one is over its threshold,
  naming the worst questions. Every problem is reported at once;
- on_page_markdown, after hooks/quiz_checks.py and before mkdocs-quiz: each quiz's
  `<!-- objectives: ... -->` line taken out (it is for the build, not for readers' pages).
Writes nothing else. (See AUTHORING.md, "Learning objectives" and "Writing good questions".)
"""

from __future__ import annotations

import logging
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from shared.page_outline import mask_fenced_code
from shared.objective_rules import guide_bank
from shared.question_cues import THRESHOLDS, measure, over_thresholds

SETTINGS = "extra: guide_rules: question_bank:"
# "<quiz>\n<!-- objectives: rate-empathy -->\n": the objectives line (group "line"), right after
# the opening tag. The pattern opens with the tag itself, not a look-behind for it, so that
# the search can jump from tag to tag instead of trying the pattern at every character.
OBJECTIVES_LINE = re.compile(r"<quiz>\n(?P<line>[ \t]*<!--[ \t]*objectives:[^\n]*?-->[ \t]*\n)")
log = logging.getLogger("mkdocs.hooks.objectives")
limits: dict[str, float] = {}


def on_config(config):
    global limits
    limits = read_limits(config.extra)
    return config


def read_limits(extra) -> dict[str, float]:
    """The thresholds of mkdocs.yml, checked: each a number from 0 to 10."""
    block = ((extra or {}).get("guide_rules") or {}).get("question_bank")
    if not isinstance(block, dict):
        raise PluginError(f"mkdocs.yml: the thresholds of the question-bank check are missing; add the block "
                          f"`{SETTINGS}` with {', '.join(THRESHOLDS)} (see AUTHORING.md).")
    problems = [f"{name} ({meaning}) must be a number, e.g. 0.3" for name, meaning in THRESHOLDS.items()
                if isinstance(block.get(name), bool) or not isinstance(block.get(name), (int, float))
                or not 0 <= block[name] <= 10]
    if problems:
        raise PluginError(f"mkdocs.yml, {SETTINGS} " + "; ".join(problems) + ".")
    return {name: float(block[name]) for name in THRESHOLDS}


def on_files(files, config):
    bank, _ = guide_bank(files)
    stats = measure(bank.questions)
    log.info(stats.summary())
    problems = list(bank.problems)
    cues = over_thresholds(stats, limits)
    problems += [f"question bank: {problem}." for problem in cues]
    if problems:
        relax = f"\n(A fork may relax the question-bank thresholds in mkdocs.yml, {SETTINGS})" if cues else ""
        raise PluginError(f"{len(problems)} problem(s) with learning objectives or questions:\n  - "
                          + "\n  - ".join(problems) + relax)
    return files


@event_priority(90)  # after hooks/quiz_checks.py (100), before mkdocs-quiz (0)
def on_page_markdown(markdown, page, config, files):
    if "objectives:" not in markdown:
        return markdown
    # found in the page with code blanked out: a quiz shown as an example keeps its line
    for match in reversed(list(OBJECTIVES_LINE.finditer(mask_fenced_code(markdown)))):
        markdown = markdown[:match.start("line")] + markdown[match.end("line"):]
    return markdown
