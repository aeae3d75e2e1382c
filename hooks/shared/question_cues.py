"""Cues that let a test-wise student answer without the guide, measured over the whole bank.

Pure functions, no MkDocs events: hooks/objectives.py prints the figures and fails the build
over the thresholds of mkdocs.yml (`extra: guide_rules: question_bank:`).

- single-answer questions: the share whose key is strictly the longest option (chance with
  four options: 25%), the share of keys at each of positions 1-4, and the mean length of the
  key over the mean length of the other options;
- multiple-answer questions: the share whose correct options are exactly the first ones, the
  share using the most common keyed pattern (e.g. options 2, 4 and 5), the share of questions in
  which each option position is correct (among those that have it), and the share having the
  most common number of correct options;
- absolute words ("never", "always", "must"... `absolute_words` in mkdocs.yml): the share of
  correct options (keys) and of wrong ones (distractors) that carry one: a test-wise student
  learns to avoid them when only distractors do;
- explanations that name an option by its place ("the second response", "option 3", "(b)",
  "the latter"): wrong once the site shuffles the options (position_words()).

With shuffling on (mkdocs-quiz's `shuffle_answers`), the site shows the options in a new order
each time, so the single-answer key positions are printed but not enforced; they still matter
for the print edition and the exports, which keep the written order.

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
from collections import Counter
from dataclasses import dataclass, field

# Markdown a reader does not see: '[text](url)' keeps its text, then tags, emphasis, code marks
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")
MARKS = re.compile(r"(\*\*|__|\*|`|(?<!\w)_|_(?!\w))")
POSITIONS = 4  # positions 1-4 are checked; a key at 5 or later counts only in the shares' total
# A multiple-answer position held by fewer questions than this is printed, not checked: with
# one to three questions, a single key swings its share by a third or more.
MIN_QUESTIONS_AT_POSITION = 4
THRESHOLDS = {  # setting in mkdocs.yml -> what it limits
    "key_longest_max": "share of single-answer questions whose key is strictly the longest option",
    "key_position_min": "least share of single-answer keys at each of positions 1-4",
    "key_position_max": "greatest share of single-answer keys at each of positions 1-4",
    "key_length_ratio_max": "mean key length over mean length of the other options",
    "multi_first_max": "share of multiple-answer questions whose correct options are exactly the first ones",
    "multi_pattern_max": "share of multiple-answer questions using the most common keyed pattern",
    "multi_position_min": "least share of multiple-answer questions in which an option position is correct",
    "multi_position_max": "greatest share of multiple-answer questions in which an option position is correct",
    "multi_key_count_max": "share of multiple-answer questions with the most common number of correct options",
    "absolute_key_ratio_min": "share of keys with an absolute word over the share of distractors with one",
    "absolute_distractor_max": "share of distractors carrying an absolute word",
    "position_words_max": "number of explanations that may still name an option by its place (0 in a finished bank)",
}
# The absolute words of the question standard (AUTHORING.md), matched as whole words in any
# case; `absolute_words:` in mkdocs.yml replaces the list (a translated edition needs its own).
ABSOLUTE_WORDS = ["only", "never", "always", "every", "all", "none", "no one", "nothing", "proof", "prove",
                  "at once", "immediately", "must", "cannot", "completely", "entirely", "guarantee"]
# An explanation naming an option by its place: "the second response", "the last two options",
# "option 3", "answers b and d", "(c)", "the former", "the reply above". A number just before
# "option" is a phone menu ("811, option 2"), not a place in the question.
PLACE_WORDS = re.compile(r"""(?ix)
    \b(?:first|second|third|fourth|fifth|sixth|last|final|top|bottom|1st|2nd|3rd|4th|5th)
       (?:\s+(?:two|three|four))?\s+(?:option|response|reply|answer|choice|one|alternative|statement)s?\b
  | (?<!\d\ )(?<!\d,\ )\b(?:option|response|reply|answer|choice|alternative)s?\s+\(?[a-f1-6]\)?
       (?:\s*(?:,|and|or)\s*\(?[a-f1-6]\)?)*(?![\w'’-])
  | (?<![\w(])\([a-f]\)(?!\w)
  | \bthe\s+(?:former|latter)\b
  | \b(?:option|response|reply|answer|choice)s?\s+(?:above|below)\b
""")


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
    absolute: list[str] = field(default_factory=list)  # per option: the first absolute word in it, or ""

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

    @property
    def pattern(self) -> str:
        """The keyed positions, as a reader counts them: "2, 4, 5"."""
        return ", ".join(str(i + 1) for i in self.correct)

    def describe(self) -> str:
        return f'{self.where} ("{self.stem[:50]}...")'


@dataclass
class CueStatistics:
    single: list[Item] = field(default_factory=list)
    multiple: list[Item] = field(default_factory=list)
    shuffled: bool = False  # the site shuffles the options: single-answer positions not enforced

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

    def most_common(self, value) -> tuple[object, float]:
        """The most common value of `value(item)` over multiple-answer items, and its share
        (ties: the one met first)."""
        counts = Counter(value(i) for i in self.multiple)
        if not counts:
            return None, 0.0
        top, count = counts.most_common(1)[0]
        return top, count / len(self.multiple)

    @property
    def multi_pattern(self) -> tuple[str, float]:
        return self.most_common(lambda i: i.pattern)

    @property
    def multi_key_count(self) -> tuple[int, float]:
        return self.most_common(lambda i: len(i.correct))

    def multi_positions(self) -> dict[int, float]:
        """1-based position -> share of the multiple-answer items having it in which it is correct."""
        longest = max((len(i.lengths) for i in self.multiple), default=0)
        shares = {}
        for position in range(1, longest + 1):
            having = [i for i in self.multiple if len(i.lengths) >= position]
            shares[position] = _share(sum(position - 1 in i.correct for i in having), len(having))
        return shares

    def _absolute(self, correct: bool) -> tuple[int, int]:
        """(options carrying an absolute word, options) among keys or distractors."""
        flags = [bool(i.absolute[j]) for i in self.single + self.multiple
                 for j in range(len(i.lengths)) if (j in i.correct) == correct and i.absolute]
        return sum(flags), len(flags)

    @property
    def absolute_keys(self) -> float:
        return _share(*self._absolute(True))

    @property
    def absolute_distractors(self) -> float:
        return _share(*self._absolute(False))

    def summary(self) -> str:
        positions = ", ".join(f"{p}: {self.key_position(p):.0%}" for p in range(1, POSITIONS + 1))
        pattern, pattern_share = self.multi_pattern
        count, count_share = self.multi_key_count
        multi_positions = ", ".join(f"{p}: {share:.0%}" for p, share in self.multi_positions().items())
        return (f"question bank: {len(self.single)} single-answer questions: key strictly the longest option in "
                f"{self.key_longest:.0%}, key length / other options {self.key_length_ratio:.2f}, key at position "
                f"{positions}{' (options shuffled on the site)' if self.shuffled else ''}; "
                f"{len(self.multiple)} multiple-answer questions: correct options exactly the first "
                f"ones in {self.multi_first:.0%}, most common keyed pattern ({pattern}) in {pattern_share:.0%}, "
                f"most common number of keys ({count}) in {count_share:.0%}, position correct in "
                f"{multi_positions}; absolute words in {self.absolute_keys:.0%} of keys and "
                f"{self.absolute_distractors:.0%} of distractors")


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def absolute_pattern(words) -> re.Pattern:
    """One pattern for a list of absolute words or phrases: whole words, any case, any spacing."""
    alternatives = sorted((r"\s+".join(map(re.escape, w.split())) for w in words if w.strip()), key=len, reverse=True)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(alternatives) + r")(?![\w'’-])", re.I) if alternatives \
        else re.compile(r"(?!)")


def measure(questions, absolute_words=ABSOLUTE_WORDS, shuffled: bool = False) -> CueStatistics:
    """Statistics of choice questions: each has .page, .line, .parts (quiz_source.QuizParts)."""
    stats = CueStatistics(shuffled=shuffled)
    absolute = absolute_pattern(absolute_words)
    for question in questions:
        parts = question.parts
        correct = [i for i, (right, _) in enumerate(parts.answers) if right]
        if parts.is_fill_in or not correct or len(parts.answers) < 2:
            continue
        texts = [rendered_text(text) for _, text in parts.answers]
        found = [absolute.search(text) for text in texts]
        item = Item(f"docs/{question.page}, line {question.line}", rendered_text(parts.stem),
                    [len(text) for text in texts], correct, [m[0].lower() if m else "" for m in found])
        (stats.single if len(correct) == 1 else stats.multiple).append(item)
    return stats


# The same in French: "la première réponse", "l'option B", "les choix 2 et 4", "(c)", "la
# dernière", "celle du haut", "la réponse ci-dessus".
PLACE_WORDS_FR = re.compile(r"""(?ix)
    \b(?:premi[eè]re?|deuxi[eè]me|second|seconde|troisi[eè]me|quatri[eè]me|cinqui[eè]me|derni[eè]re?)s?
       \s+(?:option|r[ée]ponse|choix|proposition|[ée]nonc[ée])s?\b
  | \b(?:la|le|les|l['’])\s*(?:option|r[ée]ponse|choix|proposition|[ée]nonc[ée])s?\s+\(?(?-i:[A-F1-6])\)?
       (?:\s*(?:,|et|ou)\s*\(?(?-i:[A-F1-6])\)?)*(?![\w'’-])
  | (?<![\w(])\([a-f]\)(?!\w)
  | \bcelle\s+du\s+(?:haut|bas)\b
  | \b(?:option|r[ée]ponse|choix|proposition)s?\s+(?:ci-dessus|ci-dessous|du\s+haut|du\s+bas)\b
""")
PLACE_WORDS_BY_LANGUAGE = {"en": PLACE_WORDS, "fr": PLACE_WORDS_FR}


def position_words(explanation: str, language: str = "en") -> list[tuple[int, str]]:
    """(offset, words) for each place where an explanation names an option by its position."""
    pattern = PLACE_WORDS_BY_LANGUAGE.get(language.split("-")[0], PLACE_WORDS)
    return [(m.start(), " ".join(m[0].split())) for m in pattern.finditer(explanation)]


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
        share = stats.key_position(position) if stats.single and not stats.shuffled else None
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
    return problems + multiple_answer_problems(stats, limits, worst) + absolute_word_problems(stats, limits, worst)


def multiple_answer_problems(stats: CueStatistics, limits: dict[str, float], worst: int = 5) -> list[str]:
    """The spread of keys in multiple-answer questions: patterns, positions, numbers of keys."""
    if not stats.multiple:
        return []
    problems = []
    pattern, share = stats.multi_pattern
    if share > limits["multi_pattern_max"]:
        culprits = [i for i in stats.multiple if i.pattern == pattern]
        problems.append(f"{share:.0%} of multiple-answer questions key the same options ({pattern}) (at most "
                        f"{limits['multi_pattern_max']:.0%}); key other options in: {_names(culprits, worst)}")
    for position, share in stats.multi_positions().items():
        if sum(len(i.lengths) >= position for i in stats.multiple) < MIN_QUESTIONS_AT_POSITION:
            continue
        if share > limits["multi_position_max"]:
            culprits = [i for i in stats.multiple if position - 1 in i.correct]
            problems.append(f"option {position} is correct in {share:.0%} of the multiple-answer questions that have "
                            f"it (at most {limits['multi_position_max']:.0%}); make it a wrong option in some of: "
                            f"{_names(culprits, worst)}")
        elif share < limits["multi_position_min"]:
            culprits = [i for i in stats.multiple if len(i.lengths) >= position and position - 1 not in i.correct]
            problems.append(f"option {position} is correct in only {share:.0%} of the multiple-answer questions that "
                            f"have it (at least {limits['multi_position_min']:.0%}); make it a correct option in some "
                            f"of: {_names(culprits, worst)}")
    count, share = stats.multi_key_count
    if share > limits["multi_key_count_max"]:
        culprits = [i for i in stats.multiple if len(i.correct) == count]
        problems.append(f"{share:.0%} of multiple-answer questions have {count} correct options (at most "
                        f"{limits['multi_key_count_max']:.0%}); vary the number (from one to all but one) in: "
                        f"{_names(culprits, worst)}")
    return problems


def absolute_word_problems(stats: CueStatistics, limits: dict[str, float], worst: int = 5) -> list[str]:
    """Absolute words as common in keys as in distractors, and rare in distractors."""
    keys, distractors = stats.absolute_keys, stats.absolute_distractors
    items = stats.single + stats.multiple
    # the worst first: the questions whose distractors carry the most absolute words
    carriers = sorted((i for i in items if any(w for j, w in enumerate(i.absolute) if j not in i.correct)),
                      key=lambda i: -sum(bool(w) for j, w in enumerate(i.absolute) if j not in i.correct))
    problems = []
    if distractors and keys < limits["absolute_key_ratio_min"] * distractors:
        problems.append(f"absolute words (never, always, must...) are in {keys:.0%} of keys but {distractors:.0%} of "
                        f"distractors (keys need at least {limits['absolute_key_ratio_min']:.0%} of the distractors' "
                        f"share): reword a distractor or let a key say \"never\" when never is right, e.g. in: "
                        f"{_named_words(carriers, worst)}")
    if distractors > limits["absolute_distractor_max"]:
        problems.append(f"{distractors:.0%} of distractors carry an absolute word (at most "
                        f"{limits['absolute_distractor_max']:.0%}); reword them, starting with: "
                        f"{_named_words(carriers, worst)}")
    return problems


def _named_words(items: list[Item], worst: int) -> str:
    more = f" (and {len(items) - worst} more)" if len(items) > worst else ""
    return "; ".join(f"{i.describe()}: " + ", ".join(sorted({f'"{w}"' for j, w in enumerate(i.absolute)
                                                             if w and j not in i.correct}))
                     for i in items[:worst]) + more


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
