"""Cues that let a test-wise student answer without the guide, measured over the whole bank.

Pure functions, no MkDocs events: hooks/objectives.py prints the figures and fails the build
over the thresholds of mkdocs.yml (`extra: guide_rules: question_bank:`).

- single-answer questions: the share whose key is strictly the longest option (chance with
  four options: 25%), the share of keys at each of positions 1-4, and the mean length of the
  key over the mean length of the other options;
- multiple-answer questions: the share whose correct options are exactly the first ones.

Options are measured as the reader sees them: Markdown links, emphasis, code marks, HTML
tags and entities are taken out before counting characters.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Markdown a reader does not see: '[text](url)' keeps its text, then tags, emphasis, code marks
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
MARKS = re.compile(r"(\*\*|__|\*|`|(?<!\w)_|_(?!\w))")
POSITIONS = 4  # positions 1-4 are checked; a key at 5 or later counts only in the shares' total
THRESHOLDS = {  # setting in mkdocs.yml -> what it limits
    "key_longest_max": "share of single-answer questions whose key is strictly the longest option",
    "key_position_min": "least share of single-answer keys at each of positions 1-4",
    "key_position_max": "greatest share of single-answer keys at each of positions 1-4",
    "key_length_ratio_max": "mean key length over mean length of the other options",
    "multi_first_max": "share of multiple-answer questions whose correct options are exactly the first ones",
}


def rendered_text(markdown: str) -> str:
    """An option as the reader sees it, whitespace collapsed."""
    text = LINK.sub(r"\1", markdown)
    text = MARKS.sub("", TAG.sub("", text))
    return " ".join(html.unescape(text).split())


@dataclass
class Item:
    """One choice question, measured: where it is, and its options' lengths."""

    where: str              # "docs/page.md, line 12"
    stem: str
    lengths: list[int]
    correct: list[int]      # 0-based positions of the correct options

    @property
    def key_ratio(self) -> float:
        """Single answer: the key's length over the mean length of the others."""
        others = [n for i, n in enumerate(self.lengths) if i not in self.correct]
        return self.lengths[self.correct[0]] / max(sum(others) / len(others), 1) if others else 1.0

    @property
    def key_longest(self) -> bool:
        key = self.lengths[self.correct[0]]
        return all(key > n for i, n in enumerate(self.lengths) if i != self.correct[0])

    @property
    def correct_first(self) -> bool:
        return self.correct == list(range(len(self.correct)))

    def describe(self) -> str:
        return f'{self.where} ("{self.stem[:50]}...")'


@dataclass
class CueStatistics:
    single: list[Item] = field(default_factory=list)
    multiple: list[Item] = field(default_factory=list)

    @property
    def key_longest(self) -> float:
        return _share(sum(i.key_longest for i in self.single), len(self.single))

    def key_position(self, position: int) -> float:
        return _share(sum(i.correct[0] == position - 1 for i in self.single), len(self.single))

    @property
    def key_length_ratio(self) -> float:
        keys = [i.lengths[i.correct[0]] for i in self.single]
        others = [sum(n for j, n in enumerate(i.lengths) if j != i.correct[0]) / (len(i.lengths) - 1)
                  for i in self.single if len(i.lengths) > 1]
        return (sum(keys) / len(keys)) / max(sum(others) / len(others), 1) if others else 1.0

    @property
    def multi_first(self) -> float:
        return _share(sum(i.correct_first for i in self.multiple), len(self.multiple))

    def summary(self) -> str:
        positions = ", ".join(f"{p}: {self.key_position(p):.0%}" for p in range(1, POSITIONS + 1))
        return (f"question bank: {len(self.single)} single-answer questions: key strictly the longest option in "
                f"{self.key_longest:.0%}, key length / other options {self.key_length_ratio:.2f}, key at position "
                f"{positions}; {len(self.multiple)} multiple-answer questions: correct options exactly the first "
                f"ones in {self.multi_first:.0%}")


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def measure(questions) -> CueStatistics:
    """Statistics of choice questions: each has .page, .line, .parts (quiz_source.QuizParts)."""
    stats = CueStatistics()
    for question in questions:
        parts = question.parts
        correct = [i for i, (right, _) in enumerate(parts.answers) if right]
        if parts.is_fill_in or not correct or len(parts.answers) < 2:
            continue
        item = Item(f"docs/{question.page}, line {question.line}", rendered_text(parts.stem),
                    [len(rendered_text(text)) for _, text in parts.answers], correct)
        (stats.single if len(correct) == 1 else stats.multiple).append(item)
    return stats


def over_thresholds(stats: CueStatistics, limits: dict[str, float], worst: int = 5) -> list[str]:
    """One message per threshold exceeded, naming the questions most to blame."""
    problems = []
    if stats.single and stats.key_longest > limits["key_longest_max"]:
        culprits = sorted((i for i in stats.single if i.key_longest), key=lambda i: -i.key_ratio)
        problems.append(f"the key is strictly the longest option in {stats.key_longest:.0%} of single-answer "
                        f"questions (at most {limits['key_longest_max']:.0%}); shorten the key or lengthen the "
                        f"other options, starting with: {_names(culprits, worst)}")
    if stats.single and stats.key_length_ratio > limits["key_length_ratio_max"]:
        culprits = sorted(stats.single, key=lambda i: -i.key_ratio)
        problems.append(f"keys are on average {stats.key_length_ratio:.2f} times as long as the other options "
                        f"(at most {limits['key_length_ratio_max']:.2f}); the longest keys for their options: "
                        f"{_names(culprits, worst)}")
    for position in range(1, POSITIONS + 1):
        share = stats.key_position(position) if stats.single else None
        if share is not None and share > limits["key_position_max"]:
            culprits = [i for i in stats.single if i.correct[0] == position - 1]
            problems.append(f"{share:.0%} of single-answer keys are at position {position} (at most "
                            f"{limits['key_position_max']:.0%}); move some elsewhere, e.g. {_names(culprits, worst)}")
        elif share is not None and share < limits["key_position_min"]:
            problems.append(f"only {share:.0%} of single-answer keys are at position {position} (at least "
                            f"{limits['key_position_min']:.0%}); put the key of some questions in position {position}")
    if stats.multiple and stats.multi_first > limits["multi_first_max"]:
        culprits = [i for i in stats.multiple if i.correct_first]
        problems.append(f"in {stats.multi_first:.0%} of multiple-answer questions the correct options are exactly "
                        f"the first ones (at most {limits['multi_first_max']:.0%}); mix them among the wrong "
                        f"ones in: {_names(culprits, worst)}")
    return problems


def _names(items: list[Item], worst: int) -> str:
    more = f" (and {len(items) - worst} more)" if len(items) > worst else ""
    return "; ".join(i.describe() for i in items[:worst]) + more
