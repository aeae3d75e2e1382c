"""Every question tied to a learning objective, and a question bank without test-wise cues.

Events:
- on_config: read the thresholds of the cue check from mkdocs.yml
  (`extra: guide_rules: question_bank:`), failing on a missing or non-numeric one;
- on_files: read every page's objectives and questions (hooks/shared/objective_rules.py) and fail
  the build, naming file and line, when an objective in a "Learning objectives" box has no id
  (or a repeated or malformed one), a question names no objective or one that does not
  exist, or an objective is checked by no question; then measure the whole bank's cues
  (hooks/shared/question_cues.py), print the figures, and fail when one is over its threshold,
  naming the worst questions; with shuffled options (mkdocs-quiz's `shuffle_answers`), fail on
  an explanation naming an option by its place ("the second response", beyond the allowance
  `position_words_max`, 0 in a finished bank). Every problem is reported at once;
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
from shared.question_cues import ABSOLUTE_WORDS, THRESHOLDS, measure, over_thresholds, position_words

SETTINGS = "extra: guide_rules: question_bank:"
# "<quiz>\n<!-- objectives: rate-empathy -->\n": the objectives line (group "line"), right after
# the opening tag. The pattern opens with the tag itself, not a look-behind for it, so that
# the search can jump from tag to tag instead of trying the pattern at every character.
OBJECTIVES_LINE = re.compile(r"<quiz>\n(?P<line>[ \t]*<!--[ \t]*objectives:[^\n]*?-->[ \t]*\n)")
log = logging.getLogger("mkdocs.hooks.objectives")
limits: dict[str, float] = {}
absolute_words: list[str] = ABSOLUTE_WORDS
shuffled = False  # mkdocs-quiz shuffles the options on the site
config_language = "en"  # the edition's language: which words name an option by its place


def on_config(config):
    global limits, absolute_words, shuffled, config_language
    config_language = str(((config.extra or {}).get("course") or {}).get("language") or "en")
    limits = read_limits(config.extra)
    absolute_words = read_absolute_words(config.extra)
    quiz = config.plugins.get("mkdocs_quiz")
    shuffled = bool(quiz and quiz.config.get("shuffle_answers"))
    return config


def read_limits(extra) -> dict[str, float]:
    """The thresholds of mkdocs.yml, checked: each a number from 0 to 10 (position_words_max:
    a whole number of explanations)."""
    block = _block(extra)
    if not isinstance(block, dict):
        raise PluginError(f"mkdocs.yml: the thresholds of the question-bank check are missing; add the block "
                          f"`{SETTINGS}` with {', '.join(THRESHOLDS)} (see AUTHORING.md).")

    def wrong(name: str, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        return value < 0 or (value != int(value) if name == "position_words_max" else value > 10)

    problems = [f"{name} ({meaning}) must be " + ("a whole number, e.g. 0" if name == "position_words_max"
                                                   else "a number, e.g. 0.3")
                for name, meaning in THRESHOLDS.items() if wrong(name, block.get(name))]
    if problems:
        raise PluginError(f"mkdocs.yml, {SETTINGS} " + "; ".join(problems) + ".")
    return {name: float(block[name]) for name in THRESHOLDS}


def read_absolute_words(extra) -> list[str]:
    """`absolute_words:` of the block (a list of words or phrases), else the standard's list."""
    words = (_block(extra) or {}).get("absolute_words", ABSOLUTE_WORDS)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise PluginError(f"mkdocs.yml, {SETTINGS} absolute_words must be a list of words or phrases, e.g. "
                          "[never, always, must]; leave it out to use the list of AUTHORING.md.")
    return words


def _block(extra):
    return ((extra or {}).get("guide_rules") or {}).get("question_bank")


def on_files(files, config):
    bank, sources = guide_bank(files)
    stats = measure(bank.questions, absolute_words, shuffled)
    log.info(stats.summary())
    problems = list(bank.problems)
    cues = over_thresholds(stats, limits)
    problems += [f"question bank: {problem}." for problem in cues]
    if shuffled:
        problems += place_problems(bank.questions, sources, int(limits["position_words_max"]))
    if problems:
        relax = f"\n(A fork may relax the question-bank thresholds in mkdocs.yml, {SETTINGS})" if cues else ""
        raise PluginError(f"{len(problems)} problem(s) with learning objectives or questions:\n  - "
                          + "\n  - ".join(problems) + relax)
    return files


def place_problems(questions, sources: dict[str, str], allowed: int = 0) -> list[str]:
    """The explanations that name an option by its place, each with page, question number and
    line, when there are more than `allowed` (all of them printed)."""
    found = []
    for question in questions:
        explanation = question.parts.explanation
        hits = position_words(explanation, config_language) if explanation else []
        if not hits:
            continue
        source = sources.get(question.page, "")
        lines = source.splitlines()
        first = explanation.splitlines()[0]
        # the explanation's first line, searched from the quiz's own line
        start = next((n for n in range(question.line - 1, len(lines)) if first in lines[n]), question.line - 1)
        for offset, words in hits:
            line = start + 1 + explanation.count("\n", 0, offset)
            found.append(f'docs/{question.page}, question {question.number} (line {line}): its explanation names an '
                         f'option by its place ("{words}"), but the site shuffles the options: name it by its '
                         f'content instead, e.g. "the reply about flexible hours"')
    if len(found) <= allowed:
        if found:
            log.info(f"question bank: {len(found)} explanation(s) still name an option by its place "
                     f"(allowed: {allowed}; set position_words_max to 0 once they are reworded)")
        return []
    return found + ([f"(position_words_max allows {allowed}: word them all by content, then set it to 0)"]
                    if allowed else [])


@event_priority(90)  # after hooks/quiz_checks.py (100), before mkdocs-quiz (0)
def on_page_markdown(markdown, page, config, files):
    if "objectives:" not in markdown:
        return markdown
    # found in the page with code blanked out: a quiz shown as an example keeps its line
    for match in reversed(list(OBJECTIVES_LINE.finditer(mask_fenced_code(markdown)))):
        markdown = markdown[:match.start("line")] + markdown[match.end("line"):]
    return markdown
