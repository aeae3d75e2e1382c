"""Export the guide's question bank as Moodle XML (Moodle's own import format: no plugin).

usage: python tools/export_moodle.py [OUTPUT_DIR]      (or: make moodle)

Writes OUTPUT_DIR/moodle/ (default: exports/moodle/):
- ALL.xml: every question of the guide; import it once to get the whole bank;
- one file per chapter (02-foundations.xml, ...), to import a chapter at a time.
Each file holds one category per chapter and one per section, named as in `nav:`
(`$course$/top/<site_name>/<chapter>/<section>`), then that section's questions:
- single choice (`multichoice`, single) and multiple choice (`multichoice`, several right
  answers: each right tick earns 1/k of the mark for k right answers, each wrong tick takes
  away as much, or 1/w for w wrong answers when that is more, so that ticking every box earns
  nothing; Moodle's own shuffling of the answers stays on);
- fill-in (`shortanswer` for one blank, `multianswer` (Cloze) for several), every form the blank
  accepts (`[[follow-up | follow up]]`) a 100% answer;
- a plain-text name ("03 A client says..."), no Markdown;
- per-answer feedback: the answer's own `> feedback` lines, else the words of
  data/interface.yml, section `export`;
- the explanation as general feedback, its links pointing to the hosted guide (`site_url`);
- the objectives named on the quiz's first line (`<!-- objectives: a, b -->`) as tags, each
  prefixed by its page (`empathy-and-trust/rate-empathy`: two sections may use the same id) and
  within Moodle's 50 characters.
The links point to `site_url`: the export stops while it is the shipped placeholder, unless
given --allow-placeholder-url.
"""

from __future__ import annotations

import argparse
import hashlib
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
from guide_project import ALLOW_PLACEHOLDER, editions, export_site_url, load_config  # noqa: E402
from shared.objective_rules import page_stem  # noqa: E402
from shared.page_outline import is_chapter_page, is_section_page, mask_fenced_code, nav_chapter_titles  # noqa: E402
from shared.question_cues import rendered_text  # noqa: E402
from shared.quiz_source import BLANK, QUIZ, answer_feedback, blank_forms, parse_quiz  # noqa: E402

OBJECTIVES = re.compile(r"^\s*<!--\s*objectives:\s*(?P<ids>.*?)\s*-->\s*\n?")
COMMENT = re.compile(r"<!--.*?-->", re.S)
# Moodle accepts only these grade fractions (percent) for an answer, and their negatives
# (question_bank::fraction_options_full(); an import matches them within 0.00001 of a fraction)
FRACTIONS = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
             14.28571, 12.5, 11.11111, 10, 5]
TAG_MAX = 50  # Moodle cuts a tag at 50 characters (TAG_MAX_LENGTH)
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


nav_titles = nav_chapter_titles  # src path -> (chapter title, page title)


def render(text: str) -> str:
    return markdown_lib.markdown(text.strip(), extensions=["attr_list", "md_in_html"]) if text.strip() else ""


def read_questions(page_markdown: str, src_uri: str, site_url: str, feedback_words: dict) -> list[Question]:
    linked = absolute_links(page_markdown, src_uri, site_url)
    questions = []
    for number, match in enumerate(QUIZ.finditer(mask_fenced_code(linked)), start=1):
        body = linked[match.start("body"):match.end("body")]
        objectives = OBJECTIVES.match(body.lstrip("\n"))
        refs = [t.strip() for t in re.split(r"[\s,]+", objectives["ids"]) if t.strip()] if objectives else []
        tags = [objective_tag(ref, src_uri) for ref in refs]
        body = COMMENT.sub("", body)
        parts = parse_quiz(body)
        name = question_name(number, parts.stem)
        if parts.is_fill_in:
            kind = "shortanswer" if len(parts.blanks) == 1 else "multianswer"
            questions.append(Question(kind, name, parts.stem, render(parts.explanation), blanks=parts.blanks, tags=tags))
        else:
            answers = [(correct, render(text), render(note) or render(feedback_words["correct" if correct else "incorrect"]))
                       for correct, text, note in answer_feedback(body)]
            questions.append(Question("multichoice", name, render(parts.stem), render(parts.explanation), answers, tags=tags))
    return questions


def question_name(number: int, stem: str) -> str:
    """A plain-text name: the number, then the stem as a reader sees it (no Markdown), blanks as ___."""
    text = rendered_text(BLANK.sub("\0", stem)).replace("\0", "___")
    return f"{number:02d} {text[:70]}"


def objective_tag(ref: str, src_uri: str) -> str:
    """An objective as a tag unique in the guide: prefixed by its page's stem (as the quiz's
    objectives line names another page's), at most 50 characters: a longer one keeps its start
    and ends with a hash of the whole, so it stays unique and the same at each export."""
    tag = ref if "/" in ref else f"{page_stem(src_uri)}/{ref}"
    if len(tag) <= TAG_MAX:
        return tag
    return tag[: TAG_MAX - 9] + "-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:8]




def categories(root: Path = ROOT, allow_placeholder: bool = True, lang: str | None = None) -> tuple[dict, list[tuple[str, Category]]]:
    """The configuration and (chapter folder, category) for each page with questions, in nav
    order, of the edition in `lang` (None: the first one)."""
    config = load_config(root, lang)
    site_url = export_site_url(config, allow_placeholder)
    titles = nav_titles(config.get("nav"))
    feedback_words = {**DEFAULT_FEEDBACK, **(_interface(root / config["data_dir"]).get("export") or {})}
    found = []
    for uri, (chapter, title) in titles.items():
        path = root / config["docs_dir"] / uri
        if not (is_section_page(uri) or is_chapter_page(uri)) or not path.is_file():
            continue
        questions = read_questions(path.read_text(encoding="utf-8"), uri, site_url, feedback_words)
        if questions:
            found.append((uri.split("/")[0], Category([chapter] if is_chapter_page(uri) else [chapter, title], questions)))
    return config, found


def _interface(data_dir: Path) -> dict:
    import yaml
    path = data_dir / "interface.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


# ---------- writing Moodle XML


def text_element(tag: str, content: str, html_format: bool = True) -> str:
    attribute = ' format="html"' if html_format else ""
    return f"<{tag}{attribute}><text>{escape(content)}</text></{tag}>"


def category_path(site_name: str, path: list[str]) -> str:
    return "$course$/top/" + "/".join(part.replace("/", "//") for part in [site_name, *path])


def fraction(share: float) -> str:
    """A share of the mark (percent, signed) as Moodle accepts it: one of its listed fractions,
    written to 5 decimals (Moodle keeps 7 on its 0-1 scale); any other share is an error."""
    best = min(FRACTIONS, key=lambda allowed: abs(allowed - abs(share)))
    if abs(best - abs(share)) > 0.001:
        raise ValueError(f"Moodle cannot grade an answer at {share:.4g}% (its fractions are "
                         f"{', '.join(f'{f:g}' for f in FRACTIONS)}%, and their negatives)")
    return ("-" if share < 0 else "") + f"{best:.5f}".rstrip("0").rstrip(".")


def multiple_shares(right: int, wrong: int) -> tuple[float, float]:
    """(percent for each right tick, percent for each wrong tick) of a question with several
    right answers: right ticks share the mark; a wrong tick costs what a right one earns, or
    more when there are fewer wrong answers than right ones, so that ticking every box earns 0."""
    return 100 / right, -100 / min(right, wrong) if wrong else 0.0


def question_xml(question: Question) -> str:
    parts = [f'<question type="{question.kind}">', f"<name><text>{escape(question.name)}</text></name>"]
    if question.kind == "multichoice":
        right = sum(correct for correct, _, _ in question.answers)
        wrong = len(question.answers) - right
        parts += [text_element("questiontext", question.text), text_element("generalfeedback", question.explanation),
                  "<defaultgrade>1</defaultgrade>", "<penalty>0</penalty>", "<hidden>0</hidden>",
                  f"<single>{'true' if question.single else 'false'}</single>", "<shuffleanswers>true</shuffleanswers>",
                  "<answernumbering>abc</answernumbering>"]
        earned, cost = (100.0, 0.0) if question.single else multiple_shares(right, wrong)
        for correct, text, feedback in question.answers:
            value = fraction(earned) if correct else (fraction(cost) if cost else "0")
            parts.append(f'<answer fraction="{value}" format="html"><text>{escape(text)}</text>'
                         f"{text_element('feedback', feedback)}</answer>")
    elif question.kind == "shortanswer":
        stem = render(BLANK.sub("_____", question.text))
        parts += [text_element("questiontext", stem), text_element("generalfeedback", question.explanation),
                  "<defaultgrade>1</defaultgrade>", "<penalty>0</penalty>", "<hidden>0</hidden>",
                  "<usecase>0</usecase>"]
        parts += [f'<answer fraction="100" format="moodle_auto_format"><text>{escape(_wildcards(form))}</text>'
                  f"{text_element('feedback', '')}</answer>" for form in blank_forms(html.unescape(question.blanks[0]))]
    else:  # several blanks: Moodle's Cloze (embedded answers), each accepted form a right answer
        stem = render(BLANK.sub(lambda m: "{1:SHORTANSWER:" + "~".join("=" + _cloze(form) for form in blank_forms(m[1]))
                                + "}", question.text))
        parts += [text_element("questiontext", stem), text_element("generalfeedback", question.explanation),
                  "<penalty>0</penalty>", "<hidden>0</hidden>"]
    if question.tags:
        parts.append("<tags>" + "".join(f"<tag><text>{escape(tag)}</text></tag>" for tag in question.tags) + "</tags>")
    return "\n  ".join(parts) + "\n</question>"


def _wildcards(answer: str) -> str:
    """A short answer's text with Moodle's wildcard `*` escaped (it would match anything)."""
    return answer.replace("*", "\\*")


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


def export(output_dir: Path, root: Path = ROOT, allow_placeholder: bool = True, lang: str | None = None) -> list[Path]:
    """Write ALL.xml and one file per chapter into output_dir; returns their paths."""
    config, found = categories(root, allow_placeholder, lang)
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
    parser.add_argument(ALLOW_PLACEHOLDER, action="store_true",
                        help="export even though site_url is still the shipped placeholder (a trial: the links will not work)")
    parser.add_argument("--lang", help="one language edition (its code in mkdocs.yml's extra.alternate); "
                        "default: every edition, the first into moodle/, the others into moodle-<lang>/")
    args = parser.parse_args(argv)
    first, *others = editions(load_config(ROOT))
    for edition in [e for e in [first, *others] if args.lang in (None, e["lang"])]:
        out = args.output_dir / ("moodle" if edition is first else f"moodle-{edition['lang']}")
        for path in export(out, allow_placeholder=args.allow_placeholder_url, lang=edition["lang"]):
            print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
