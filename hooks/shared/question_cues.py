"""Cues that let a test-wise student answer without the guide, measured over the whole bank.

Pure functions, no MkDocs events: hooks/objectives.py prints the figures and fails the build
over the thresholds of mkdocs.yml (`extra: guide_rules: question_bank:`).

- single-answer questions: the share whose key is strictly the longest option (chance with
  four options: 25%), the share of keys at each of positions 1-4, and the mean length of the
  key over the mean length of the other options;
- multiple-answer questions: the share whose correct options are exactly the first ones.

Options are measured as the reader sees them: Markdown links, emphasis, code marks, HTML
tags and entities are taken out before counting characters.

The Skills lab's branching conversations are measured the same way (hooks/skills_lab.py prints
the figures and fails over `extra: guide_rules: conversation_choices:`): at each decision point
with one helpful choice, whether that choice is strictly the longest (chance with three
choices: 33%), its length over the mean of the others, and the share of helpful choices at
each position in the data's order (the order of the readable list of steps; lab.js shuffles
the buttons when the conversation is played).
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


CONVERSATION_SETTINGS = "extra: guide_rules: conversation_choices:"
CONVERSATION_THRESHOLDS = {  # setting in mkdocs.yml -> what it limits
    "helpful_longest_max": "share of decision points whose helpful choice is strictly the longest",
    "helpful_length_ratio_max": "mean length of the helpful choices over mean length of the others",
    "helpful_position_max": "greatest share of helpful choices at any one position, in the data's order",
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


# ---------------------------------------------------------------- the Skills lab's conversations

@dataclass
class DecisionPoint:
    """One step of a conversation with its choices, measured like a single-answer question."""

    where: str              # 'data/skills-lab/conversations.yml, conversation "x", step "y" (line 12)'
    lengths: list[int]
    helpful: int            # 0-based position of the helpful choice

    @property
    def ratio(self) -> float:
        return Item(self.where, "", self.lengths, [self.helpful]).key_ratio

    @property
    def helpful_longest(self) -> bool:
        return Item(self.where, "", self.lengths, [self.helpful]).key_longest


@dataclass
class ConversationCues:
    points: list[DecisionPoint] = field(default_factory=list)

    @property
    def helpful_longest(self) -> float:
        return _share(sum(p.helpful_longest for p in self.points), len(self.points))

    @property
    def length_ratio(self) -> float:
        stats = CueStatistics(single=[Item(p.where, "", p.lengths, [p.helpful]) for p in self.points])
        return stats.key_length_ratio

    def position(self, position: int) -> float:
        return _share(sum(p.helpful == position - 1 for p in self.points), len(self.points))

    def positions(self) -> range:
        return range(1, max((len(p.lengths) for p in self.points), default=0) + 1)

    def summary(self) -> str:
        shares = ", ".join(f"{n}: {self.position(n):.0%}" for n in self.positions())
        return (f"question bank: {len(self.points)} decision points in the Skills lab's conversations: helpful "
                f"choice strictly the longest in {self.helpful_longest:.0%}, helpful length / other choices "
                f"{self.length_ratio:.2f}, helpful choice at position {shares} (the data's order; shuffled "
                "when played)")


def measure_conversations(conversations, shown_file: str) -> ConversationCues:
    """Every decision point with exactly one helpful choice (the others are not a cue)."""
    cues = ConversationCues()
    for conversation in conversations:
        for step_id, step in conversation["steps"].items():
            choices = step.get("choices") or []
            helpful = [n for n, c in enumerate(choices) if c["verdict"] == "helpful"]
            if len(helpful) != 1 or len(choices) < 2:
                continue
            line = getattr(step, "line", "?")
            cues.points.append(DecisionPoint(
                f'{shown_file}, conversation "{conversation["id"]}", step "{step_id}" (line {line})',
                [len(rendered_text(c["say"])) for c in choices], helpful[0]))
    return cues


def conversation_problems(cues: ConversationCues, limits: dict[str, float], worst: int = 5) -> list[str]:
    """One message per threshold exceeded, naming the decision points most to blame."""
    if not cues.points:
        return []
    problems = []
    if cues.helpful_longest > limits["helpful_longest_max"]:
        culprits = sorted((p for p in cues.points if p.helpful_longest), key=lambda p: -p.ratio)
        problems.append(f"the helpful choice is strictly the longest at {cues.helpful_longest:.0%} of decision "
                        f"points (at most {limits['helpful_longest_max']:.0%}); shorten it or lengthen the other "
                        f"choices, starting with: {_point_names(culprits, worst)}")
    if cues.length_ratio > limits["helpful_length_ratio_max"]:
        culprits = sorted(cues.points, key=lambda p: -p.ratio)
        problems.append(f"helpful choices are on average {cues.length_ratio:.2f} times as long as the others (at "
                        f"most {limits['helpful_length_ratio_max']:.2f}); the longest for their step: "
                        f"{_point_names(culprits, worst)}")
    for position in cues.positions():
        share = cues.position(position)
        if share > limits["helpful_position_max"]:
            culprits = [p for p in cues.points if p.helpful == position - 1]
            problems.append(f"{share:.0%} of helpful choices are listed at position {position} (at most "
                            f"{limits['helpful_position_max']:.0%}); move some in the file, e.g. "
                            f"{_point_names(culprits, worst)}")
    return problems


def _point_names(points: list[DecisionPoint], worst: int) -> str:
    more = f" (and {len(points) - worst} more)" if len(points) > worst else ""
    return "; ".join(p.where for p in points[:worst]) + more
