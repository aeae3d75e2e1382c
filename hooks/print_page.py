"""The printable edition: the whole guide on one page (print/), in reading order.

It is put together from the pages' HTML once they are rendered, so the guide's Markdown
is converted only once per build. Events:
- on_files: add print.md (a title, a short intro and a placeholder);
- on_page_content, before mkdocs-quiz fills in its quizzes: keep the HTML of each page
  that will be printed (home, chapters, sections, comparison, glossary, references);
- on_page_context of print.md (every page is rendered by then): put the kept pages in,
  in nav order, each page's ids prefixed with its own key so they stay unique, links
  between pages turned into links inside the print page, collapsible boxes opened, and
  each quiz replaced by a printed question whose answer and explanation go to an answer
  key at the end, as in a textbook. Then check that every link inside it resolves.
docs/assets/guide.css holds the print stylesheet.
"""

from __future__ import annotations

import html as html_lib
import logging
import posixpath
import re
from urllib.parse import urljoin, urlsplit

import markdown as markdown_lib
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from page_outline import nav_order
from quiz_source import BLANK, QUIZ, parse_quiz

PRINT_PAGE = "print.md"
LEFT_OUT = {"progress.md", "concept-index.md", "instructors.md", PRINT_PAGE}
PLACEHOLDER = "<!-- print-edition -->"
QUIZ_PLACEHOLDER = re.compile(r"<!-- MKDOCS_QUIZ_PLACEHOLDER_(\d+) -->")
LINK_TARGET = re.compile(r"\]\((?!https?:|mailto:)(?P<path>[^)#\s]*)(?:#(?P<anchor>[\w-]+))?\)")
# attributes that hold ids (several, space-separated, for the aria ones)
ID_ATTRIBUTE = re.compile(r'(?<=\s)(?P<name>id|for|aria-describedby|aria-labelledby|aria-controls)="(?P<value>[^"]*)"')
URL_ATTRIBUTE = re.compile(r'(?<=\s)(?P<name>href|src)="(?P<value>[^"]*)"')
CLOSED_BOX = re.compile(r"<details(?P<attrs>(?![^>]*\bopen\b)[^>]*)>(?P<summary>\s*<summary>(?!Text description))")
# a marked term as hooks/concepts.py writes it (the definition is escaped text, no tags)
TOOLTIP = re.compile(r'<span class="gloss">(?P<link><a [^>]*>.*?</a>)<span class="gloss-tip" role="tooltip" '
                     r'id="[\w-]*?gloss-tip-(?P<term>[\w-]+)">[^<]*</span></span>')
LETTERS = "abcdefghijklmnopqrstuvwxyz"
SPLIT = "<!--print-split-->"
log = logging.getLogger("mkdocs.hooks.print_page")

# HTML of each printed page, by src path, as rendered in this build
rendered: dict[str, str] = {}


def page_key(src_uri: str) -> str:
    """A short, unique prefix for one page's ids: 02-foundations/empathy-and-trust.md -> 02-foundations-empathy-and-trust."""
    return src_uri[: -len(".md")].replace("/", "-")


def printed_pages(config) -> list[str]:
    return [uri for uri in nav_order(config.nav) if uri not in LEFT_OUT]


def on_files(files, config):
    intro = ('<p class="print-intro">Every chapter and section in reading order, with the glossary, '
             "the references and an answer key at the end. Use your browser's Print command (or save "
             "as PDF) to get a paper copy.</p>")
    content = (f"---\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n"
               f"# {config.site_name}: the whole guide {{ #print-edition }}\n\n{intro}\n\n{PLACEHOLDER}\n")
    files.append(File.generated(config, PRINT_PAGE, content=content))
    return files


@event_priority(50)  # before mkdocs-quiz (priority 0) replaces its placeholders by quizzes
def on_page_content(html, page, config, files):
    if page.file.src_uri in printed_pages(config):
        rendered[page.file.src_uri] = html
    return html


def on_page_context(context, page, config, nav):
    if page.file.src_uri != PRINT_PAGE:
        return context
    files = {file.src_uri: file for file in _documentation_files(nav)}
    pages = [uri for uri in printed_pages(config) if uri in files]
    missing = [uri for uri in pages if uri not in rendered]
    if missing:
        raise PluginError(f"print edition: these pages were not rendered: {', '.join(missing)}")
    urls = {_site_path(files[uri].url): uri for uri in files}
    body, answer_key = {}, []
    questions = _printed_quizzes(pages, files, config)
    for uri in pages:
        page_questions, answers = questions[uri]
        body[uri] = printable_html(uri, rendered[uri], page_questions, files[uri].url, urls, page.url, set(pages))
        if answers:
            title = html_lib.escape(files[uri].page.title if files[uri].page else uri)
            answer_key.append(f'<h2 id="answers-{page_key(uri)}">{title}</h2>\n' + "\n".join(answers))
    body["answer key"] = ('<section class="print-page-break print-answer-key">\n<h1 id="answer-key">Answer key</h1>\n'
                          + "\n".join(answer_key) + "\n</section>")
    # a warning, not an error: MkDocs' own check names the broken link in the source page,
    # and in strict mode the build stops on both
    for problem in check_inner_links({PRINT_PAGE: page.content, **body}):
        log.warning(problem)
    page.content = page.content.replace(PLACEHOLDER, first_definitions_only("\n".join(body.values())))
    return context


def _site_path(url: str) -> str:
    """A page's URL as a path from the site root: the home page's "./" becomes ""."""
    return "" if url in ("./", ".") else url


def _documentation_files(nav):
    for page in nav.pages:
        yield page.file


def printable_html(uri: str, html: str, questions: list[str], url: str, urls: dict[str, str],
                   print_url: str, printed: set[str]) -> str:
    """One rendered page made printable: its quizzes as questions, unique ids, inner links, open boxes."""
    key = page_key(uri)
    placeholders = QUIZ_PLACEHOLDER.findall(html)
    if len(placeholders) != len(questions):
        raise PluginError(f"print edition: {uri} has {len(placeholders)} rendered quizzes but "
                          f"{len(questions)} <quiz> blocks in its source; check that every quiz is closed")
    html = QUIZ_PLACEHOLDER.sub(lambda m: questions[int(m[1])], html)

    def prefix_ids(match: re.Match[str]) -> str:
        ids = " ".join(f"{key}--{value}" for value in match["value"].split())
        return f'{match["name"]}="{ids}"'

    def relink(match: re.Match[str]) -> str:
        name, value = match["name"], html_lib.unescape(match["value"])
        if value.startswith("#"):
            target = f"#{key}--{value[1:]}" if len(value) > 1 else value
        elif urlsplit(value).scheme or value.startswith("//"):
            return match[0]
        else:
            absolute = urlsplit(urljoin("/" + _site_path(url), value))
            path = absolute.path.lstrip("/")
            if name == "href" and path in urls and urls[path] in printed:
                inner = page_key(urls[path])
                target = f"#{inner}--{absolute.fragment}" if absolute.fragment else f"#p-{inner}"
            else:
                target = get_relative_url(path or ".", print_url) + (f"#{absolute.fragment}" if absolute.fragment else "")
        return f'{name}="{html_lib.escape(target)}"'

    html = ID_ATTRIBUTE.sub(prefix_ids, html)
    html = html.replace("url(#", f"url(#{key}--")  # SVG markers (arrow heads) in the figures
    html = URL_ATTRIBUTE.sub(relink, html)
    # collapsible boxes print open; a figure's text description stays as it is
    # (guide.js also opens every box before printing)
    html = CLOSED_BOX.sub(r"<details\g<attrs> open>\g<summary>", html)
    return f'<section class="print-page-break" id="p-{key}">\n{html}\n</section>'


def first_definitions_only(html: str) -> str:
    """Keep a term's definition (printed in brackets) at its first use in the edition only:
    each page marks its own first use, and one page after another would repeat them."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        if match["term"] in seen:
            return re.sub(r"<[^>]+>", "", match["link"])
        seen.add(match["term"])
        return match[0]

    return TOOLTIP.sub(keep_first, html)


def check_inner_links(pages: dict[str, str]) -> list[str]:
    """Links inside the print page that land on no id in it, as messages naming the page they come from.

    (MkDocs checks Markdown links only, and the print page is assembled from HTML.)"""
    ids = {found for html in pages.values() for found in re.findall(r'(?<=\s)id="([^"]+)"', html)}
    problems = []
    for uri, html in pages.items():
        broken = sorted(set(re.findall(r'(?<=\s)href="#([^"]+)"', html)) - ids)
        if broken:
            problems.append(f"print edition: the part from {uri} links to #{', #'.join(broken[:5])}, "
                            "which is not in the print page; check the heading ids that page links to")
    return problems


def _printed_quizzes(pages: list[str], files: dict, config) -> dict[str, tuple[list[str], list[str]]]:
    """For each page, its quizzes as printed questions and as answer-key entries, in HTML.

    All of them are converted in one Markdown pass, split apart afterwards."""
    urls = {uri: file.url for uri, file in files.items()}
    blocks, owners = [], []
    for uri in pages:
        source = get_data(files[uri].content_string)[0]
        number = _section_number(source) or page_key(uri)
        for n, match in enumerate(QUIZ.finditer(source), start=1):
            # section questions are 2.2.1, 2.2.2...; a chapter's review questions 2.R1, 2.R2...
            label = f"{number}.{n}" if "." in number else f"{number}.R{n}"
            question, answer = _print_quiz(match["body"], label)
            blocks += [_inner_links(question, uri, set(pages), urls), _inner_links(answer, uri, set(pages), urls)]
            owners.append(uri)
    converter = markdown_lib.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    converted = converter.convert(f"\n\n{SPLIT}\n\n".join(blocks)).split(SPLIT) if blocks else []
    result: dict[str, tuple[list[str], list[str]]] = {uri: ([], []) for uri in pages}
    for n, uri in enumerate(owners):
        result[uri][0].append(f'<div class="print-question">{converted[2 * n].strip()}</div>')
        result[uri][1].append(converted[2 * n + 1].strip())
    return result


def _section_number(markdown: str) -> str:
    match = re.search(r"^#\s+(\d+(?:\.\d+)?)\s", markdown, re.M)
    return match[1] if match else ""


def _print_quiz(body: str, number: str) -> tuple[str, str]:
    """A quiz as a printed question, and its answer-key entry (both Markdown)."""
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


def _inner_links(markdown: str, uri: str, printed: set[str], urls: dict[str, str]) -> str:
    """Links in a quiz: to printed pages they stay inside the print page; others go to the site."""
    directory = posixpath.dirname(uri)

    def relink(match: re.Match[str]) -> str:
        path, anchor = match["path"], match["anchor"]
        target = posixpath.normpath(posixpath.join(directory, path)) if path else uri
        if target in printed:
            inner = f"{page_key(target)}--{anchor}" if anchor else f"p-{page_key(target)}"
            return f"](#{inner})"
        if target not in urls:
            raise PluginError(f"print edition: a quiz on {uri} links to {path}, which is not a page of the guide")
        href = get_relative_url(urls[target] or ".", urls[PRINT_PAGE])
        return f"]({href}{'#' + anchor if anchor else ''})"

    return LINK_TARGET.sub(relink, markdown)
