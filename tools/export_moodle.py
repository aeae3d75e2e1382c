"""Export the guide's question bank as Moodle XML (Moodle's own import format: no plugin).

usage: python tools/export_moodle.py [OUTPUT_DIR]      (or: make moodle)

Writes OUTPUT_DIR/moodle/ (default: exports/moodle/):
- ALL.xml: every question of the guide; import it once to get the whole bank;
- one file per chapter (02-foundations.xml, ...), to import a chapter at a time.
Each file holds one category per chapter and one per section, named as in `nav:`
(`$course$/top/<site_name>/<chapter>/<section>`), then that section's questions:
- single choice (`multichoice`, single) and multiple choice (`multichoice`, several right
  answers, each worth its share; a wrong one takes the same share away);
- fill-in (`shortanswer` for one blank, `multianswer` (Cloze) for several);
- per-answer feedback: the answer's own `> feedback` lines, else the words of
  data/interface.yml, section `export`;
- the explanation as general feedback, its links pointing to the hosted guide (`site_url`);
- the objectives named on the quiz's first line (`<!-- objectives: a, b -->`) as tags.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import markdown as markdown_lib

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "hooks")]

from export_qti import absolute_links  # noqa: E402
from guide_project import load_config  # noqa: E402
from shared.page_outline import is_chapter_page, is_section_page, mask_fenced_code  # noqa: E402
from shared.quiz_source import ANSWER, BLANK, FEEDBACK, QUIZ, parse_quiz  # noqa: E402

OBJECTIVES = re.compile(r"^\s*<!--\s*objectives:\s*(?P<ids>.*?)\s*-->\s*\n?")
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Moodle accepts only these grade fractions (percent) for an answer
FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
             14.28571, 12.5, 11.11111, 10, 5]
DEFAULT_FEEDBACK = {"correct": "Correct.", "incorrect": "Not quite: read the explanation."}


@dataclass
class Question:
    """One quiz block, ready for Moodle: texts in HTML."""

    kind: str                      # multichoice, shortanswer, multianswer
    name: str
    text: str
    explanation: str
    answers: list[tuple[bool, str, str]] = field(default_factory=list)   # (correct, html, feedback html)
    blanks: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def single(self) -> bool:
        return sum(correct for correct, _, _ in self.answers) == 1


@dataclass
class Category:
    path: list[str]                # chapter title, section title (from nav)
    questions: list[Question]


# ---------- reading the guide


def nav_titles(nav, chapter: str | None = None) -> dict[str, tuple[str, str]]:
    """src_uri -> (chapter title, page title) from `nav:` (a chapter overview's page title
    is the chapter's)."""
    found: dict[str, tuple[str, str]] = {}
    for item in nav or []:
        if isinstance(item, str):
            found.setdefault(item, (chapter or "", chapter or ""))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    found[value] = (chapter or title, title)
                else:
                    found.update(nav_titles(value, title))
    return found


def render(text: str) -> str:
    return markdown_lib.markdown(text.strip(), extensions=["attr_list", "md_in_html"]) if text.strip() else ""


def read_questions(page_markdown: str, src_uri: str, site_url: str, feedback_words: dict) -> list[Question]:
    linked = absolute_links(page_markdown, src_uri, site_url)
    questions = []
    for number, match in enumerate(QUIZ.finditer(mask_fenced_code(linked)), start=1):
        body = linked[match.start("body"):match.end("body")]
        objectives = OBJECTIVES.match(body.lstrip("\n"))
        tags = [t.strip() for t in objectives["ids"].split(",") if t.strip()] if objectives else []
        body = COMMENT.sub("", body)
        parts = parse_quiz(body)
        name = f"{number:02d} " + " ".join(re.sub(r"\[\[([^\]]+)\]\]", "___", re.sub(r"<[^>]+>", "", parts.stem)).split())[:70]
        if parts.is_fill_in:
            kind = "shortanswer" if len(parts.blanks) == 1 else "multianswer"
            questions.append(Question(kind, name, parts.stem, render(parts.explanation), blanks=parts.blanks, tags=tags))
        else:
            answers = [(correct, render(text), render(note) or render(feedback_words["correct" if correct else "incorrect"]))
                       for correct, text, note in answers_with_feedback(body)]
            questions.append(Question("multichoice", name, render(parts.stem), render(parts.explanation), answers, tags=tags))
    return questions


def answers_with_feedback(body: str) -> list[tuple[bool, str, str]]:
    """(correct, text, its own `> feedback` lines) for each answer of a choice question."""
    answers: list[list] = []
    collecting = False
    for line in body.splitlines():
        answer = ANSWER.match(line)
        if answer:
            answers.append([answer["mark"].lower() == "x", answer["text"], ""])
            collecting = True
        elif collecting and FEEDBACK.match(line):
            answers[-1][2] += re.sub(r"^\s*>\s?", "", line) + "\n"
        else:
            collecting = False
    return [tuple(a) for a in answers]


def categories(root: Path = ROOT) -> tuple[dict, list[tuple[str, Category]]]:
    """The configuration and (chapter folder, category) for each page with questions, in nav order."""
    config = load_config(root)
    site_url = (config.get("site_url") or "").rstrip("/") + "/"
    titles = nav_titles(config.get("nav"))
    feedback_words = {**DEFAULT_FEEDBACK, **(_interface(root).get("export") or {})}
    found = []
    for uri, (chapter, title) in titles.items():
        path = root / "docs" / uri
        if not (is_section_page(uri) or is_chapter_page(uri)) or not path.is_file():
            continue
        questions = read_questions(path.read_text(encoding="utf-8"), uri, site_url, feedback_words)
        if questions:
            found.append((uri.split("/")[0], Category([chapter] if is_chapter_page(uri) else [chapter, title], questions)))
    return config, found


def _interface(root: Path) -> dict:
    import yaml
    path = root / "data" / "interface.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


# ---------- writing Moodle XML


def text_element(tag: str, content: str, html_format: bool = True) -> str:
    attribute = ' format="html"' if html_format else ""
    return f"<{tag}{attribute}><text>{escape(content)}</text></{tag}>"


def category_path(site_name: str, path: list[str]) -> str:
    return "$course$/top/" + "/".join(part.replace("/", "//") for part in [site_name, *path])


def fraction(share: float) -> str:
    best = min(FRACTIONS, key=lambda allowed: abs(allowed - share))
    return f"{best:g}"


def question_xml(question: Question) -> str:
    parts = [f'<question type="{question.kind}">', f"<name><text>{escape(question.name)}</text></name>"]
    if question.kind == "multichoice":
        right = sum(correct for correct, _, _ in question.answers)
        wrong = len(question.answers) - right
        parts += [text_element("questiontext", question.text), text_element("generalfeedback", question.explanation),
                  "<defaultgrade>1</defaultgrade>", "<penalty>0</penalty>", "<hidden>0</hidden>",
                  f"<single>{'true' if question.single else 'false'}</single>", "<shuffleanswers>true</shuffleanswers>",
                  "<answernumbering>abc</answernumbering>"]
        for correct, text, feedback in question.answers:
            share = 100 / right if correct else (-100 / right if not question.single and wrong else 0)
            value = fraction(abs(share)) if share else "0"
            sign = "-" if share < 0 else ""
            parts.append(f'<answer fraction="{sign}{value}" format="html"><text>{escape(text)}</text>'
                         f"{text_element('feedback', feedback)}</answer>")
    elif question.kind == "shortanswer":
        stem = render(BLANK.sub("_____", question.text))
        parts += [text_element("questiontext", stem), text_element("generalfeedback", question.explanation),
                  "<defaultgrade>1</defaultgrade>", "<penalty>0</penalty>", "<hidden>0</hidden>",
                  "<usecase>0</usecase>",
                  f'<answer fraction="100" format="moodle_auto_format"><text>{escape(question.blanks[0])}</text>'
                  f"{text_element('feedback', '')}</answer>"]
    else:  # several blanks: Moodle's Cloze (embedded answers)
        stem = render(BLANK.sub(lambda m: "{1:SHORTANSWER:=" + _cloze(m[1]) + "}", question.text))
        parts += [text_element("questiontext", stem), text_element("generalfeedback", question.explanation),
                  "<penalty>0</penalty>", "<hidden>0</hidden>"]
    if question.tags:
        parts.append("<tags>" + "".join(f"<tag><text>{escape(tag)}</text></tag>" for tag in question.tags) + "</tags>")
    return "\n  ".join(parts) + "\n</question>"


def _cloze(answer: str) -> str:
    """An answer inside Cloze syntax, its special characters escaped."""
    return re.sub(r'([}#~/"\\])', r"\\\1", html.unescape(answer))


def quiz_file(site_name: str, chosen: list[Category]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for category in chosen:
        out.append('<question type="category"><category><text>'
                   f"{escape(category_path(site_name, category.path))}</text></category></question>")
        out += [question_xml(q) for q in category.questions]
    out.append("</quiz>\n")
    return "\n".join(out)


def export(output_dir: Path, root: Path = ROOT) -> list[Path]:
    """Write ALL.xml and one file per chapter into output_dir; returns their paths."""
    config, found = categories(root)
    site_name = str(config.get("site_name") or "Guide")
    output_dir.mkdir(parents=True, exist_ok=True)
    written = [output_dir / "ALL.xml"]
    written[0].write_text(quiz_file(site_name, [c for _, c in found]), encoding="utf-8")
    for folder in dict.fromkeys(folder for folder, _ in found):
        path = output_dir / f"{folder}.xml"
        path.write_text(quiz_file(site_name, [c for f, c in found if f == folder]), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Export the guide's questions as Moodle XML, one category "
                                                 "per chapter and section (Question bank > Import > Moodle XML format).")
    parser.add_argument("output_dir", nargs="?", type=Path, default=ROOT / "exports",
                        help="the files go into OUTPUT_DIR/moodle/ (default: exports/)")
    out = parser.parse_args(argv).output_dir / "moodle"
    for path in export(out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
