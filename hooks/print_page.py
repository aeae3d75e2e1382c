"""The printable edition: the whole guide on one page (print/), in reading order.

Event: on_files, after the glossary, comparison and references pages exist, generates
print.md from every page of `nav:` (home, chapters, sections, comparison, glossary,
references). Each page's ids are prefixed with its own key so they stay unique, links
between pages become links inside the print page, collapsible boxes are opened, and
each quiz becomes a printed question whose answer and explanation go to an answer key
at the end, as in a textbook. docs/assets/guide.css holds the print stylesheet.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data
from page_outline import heading_anchor, nav_order
from quiz_source import BLANK, QUIZ, parse_quiz

PRINT_PAGE = "print.md"
LEFT_OUT = {"progress.md", "concept-index.md", "instructors.md", PRINT_PAGE}
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.+?)[ \t]*(?:\{[^}]*?#(?P<id>[\w-]+)[^}]*\})?[ \t]*$", re.M)
LINK_TARGET = re.compile(r"\]\((?!https?:|mailto:)(?P<path>[^)#\s]*)(?:#(?P<anchor>[\w-]+))?\)")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def page_key(src_uri: str) -> str:
    """A short, unique prefix for one page's ids: 02-foundations/empathy-and-trust.md -> 02-foundations-empathy-and-trust."""
    return src_uri[: -len(".md")].replace("/", "-")


def on_files(files, config):
    pages = [uri for uri in nav_order(config.nav) if uri not in LEFT_OUT]
    sources = {}
    for uri in pages:
        file = files.get_file_from_path(uri)
        if file is not None:
            sources[uri] = get_data(file.content_string)[0]
    files.append(File.generated(config, PRINT_PAGE, content=render_print_page(sources, config.site_name)))
    return files


def render_print_page(sources: dict[str, str], title: str) -> str:
    printed, answer_key = [], []
    for uri, markdown in sources.items():
        body, answers = print_version(uri, markdown, set(sources))
        printed.append(body)
        if answers:
            answer_key.append(answers)
    return "\n\n".join([
        "---\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n",
        f"# {title}: the whole guide {{ #print-edition }}\n",
        '<p class="print-intro">Every chapter and section in reading order, with the glossary, the '
        "references and an answer key at the end. Use your browser's Print command (or save as PDF) "
        "to get a paper copy.</p>\n",
        *printed,
        "# Answer key { #answer-key }\n",
        *answer_key,
    ]) + "\n"


def print_version(uri: str, markdown: str, printed: set[str]) -> tuple[str, str]:
    """One page made printable: unique ids, inner links, open boxes, questions and answers."""
    key = page_key(uri)
    number = _section_number(markdown) or key
    questions, answers = [], []

    def print_quiz(match: re.Match[str]) -> str:
        # section questions are 2.2.1, 2.2.2...; a chapter's review questions 2.R1, 2.R2...
        label = f"{number}.{len(questions) + 1}" if "." in number else f"{number}.R{len(questions) + 1}"
        question, answer = _print_quiz(match["body"], label)
        questions.append(question)
        answers.append(answer)
        return question

    markdown = QUIZ.sub(print_quiz, markdown)
    markdown = _prefix_ids(markdown, key)
    markdown = _inner_links(markdown, uri, printed)
    # open collapsed boxes (a figure's text description stays as the figures hook expects it;
    # guide.js opens every box before printing)
    markdown = re.sub(r'^(\s*)\?\?\?(?!\+| info "Text description)', r"\1???+", markdown, flags=re.M)
    answer_key = ""
    if answers:
        heading = _title(markdown) or uri
        answer_key = f"## {heading} {{ #answers-{key} }}\n\n" + "\n\n".join(answers)
        answer_key = _inner_links(answer_key, uri, printed)
    return f'<div class="print-page-break"></div>\n\n{markdown}', answer_key


def _section_number(markdown: str) -> str:
    match = re.search(r"^#\s+(\d+(?:\.\d+)?)\s", markdown, re.M)
    return match[1] if match else ""


def _title(markdown: str) -> str:
    match = HEADING.search(markdown)
    return match["title"] if match else ""


def _print_quiz(body: str, number: str) -> tuple[str, str]:
    """A quiz as a printed question, and its answer-key entry."""
    quiz = parse_quiz(body)
    if quiz.is_fill_in:
        question = BLANK.sub("\\_" * 12, quiz.stem)
        return (f"**Question {number}.** {question}\n",
                f"**{number}.** *{', '.join(quiz.blanks)}*. {quiz.explanation}")
    options = [f"{LETTERS[n]}. {text}" for n, (_, text) in enumerate(quiz.answers)]
    correct = [LETTERS[n] for n, (right, _) in enumerate(quiz.answers) if right]
    choose = " (choose all that apply)" if len(correct) > 1 else ""
    question = f"**Question {number}.**{choose} {quiz.stem}\n\n" + "\n".join(f"- {o}" for o in options) + "\n"
    return question, f"**{number}.** {', '.join(correct)}. {quiz.explanation}"


def _prefix_ids(markdown: str, key: str) -> str:
    """Give every heading an id prefixed with the page's key, so ids stay unique."""

    def prefix(match: re.Match[str]) -> str:
        hashes, title = match["hashes"], match["title"]
        anchor = match["id"] or heading_anchor(title, None)
        new_id = f"p-{key}" if len(hashes) == 1 else f"{key}--{anchor}"
        return f"{hashes} {title} {{ #{new_id} }}"

    return HEADING.sub(prefix, markdown)


def _inner_links(markdown: str, uri: str, printed: set[str]) -> str:
    """Links to pages in the print edition become links inside it; others point at the site."""
    directory = posixpath.dirname(uri)
    # raw HTML links to the page's own headings (the comparison table's row labels)
    markdown = re.sub(r'href="#([\w-]+)"', lambda m: f'href="#{page_key(uri)}--{m[1]}"', markdown)

    def relink(match: re.Match[str]) -> str:
        path, anchor = match["path"], match["anchor"]
        target = posixpath.normpath(posixpath.join(directory, path)) if path else uri
        if target in printed:
            inner = f"{page_key(target)}--{anchor}" if anchor else f"p-{page_key(target)}"
            return f"](#{inner})"
        return f"]({target}{'#' + anchor if anchor else ''})"

    return LINK_TARGET.sub(relink, markdown)
