"""The printable edition: the whole guide on one page (print/), in reading order.

It is put together from the pages' HTML once they are rendered, so nothing is converted
from Markdown twice. Events:
- on_config: read the print edition's words (data/interface.yml, section "print");
- on_files: add print.md: a title page (the course's identity, hooks/course_identity.py),
  a short intro, and markers for the contents list and the pages;
- on_page_context, last: keep the finished HTML of each page that will be printed
  (home, chapters, sections, comparison, glossary, references); and on print.md
  (built after every page it prints): put the kept pages in,
  in nav order, each page's ids prefixed with its own key so they stay unique, links
  between pages turned into links inside the print page, collapsible boxes opened, and
  each quiz replaced by a printed question whose answer and explanation go to an answer
  key at the end, as in a textbook (left out when GUIDE_ANSWER_KEY=false, for a handout),
  with the learning objective(s) each question checks (hooks/shared/objective_rules.py; the
  label from data/interface.yml, `print:`); terms printed plainly (the glossary is in the
  book); each link to another page's part followed, on paper, by "see section 2.2" (its
  number, or its title), unless the paragraph names that number already (then only
  `data-print-named`: the PDF adds the page number, tools/export_pdf.py); elements marked
  `{ .screen-only }` in the Markdown (how to tap a term...) left out, `.print-only` ones
  shown. Then check that every link inside it resolves.
docs/assets/guide.css holds the print stylesheet; tools/book.css the PDF's (`make pdf`).
"""

from __future__ import annotations

import html as html_lib
import json
import logging
import os
import re
from urllib.parse import urljoin, urlsplit

from shared.generated_blocks import fill, ids_in, marker
from shared.interface_strings import filled_html, section_words
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from course_identity import filled_identity
from shared.guide_data import escape_text
from shared.objective_rules import guide_bank
from shared.page_outline import nav_order
from shared.question_cues import rendered_text
from shared.quiz_markup import BLANK_ACCEPT, QUIZ_BLANK, QUIZ_OPTION, QUIZ_PARTS, SCORE_BOX

PRINT_PAGE = "print.md"
# (the Skills lab page repeats what its markers put on the section pages, which are printed)
PRINT_WORDS = ("question", "choose_all", "choose_all_said", "also_accepted")  # data/interface.yml, section print: checked when the build starts
LEFT_OUT = {"progress.md", "journal.md", "concept-index.md", "instructors.md", "skills-lab.md", "review.md", "practice-test.md",
            PRINT_PAGE}
# what a page's content has that paper does not need: the quiz scripts that
# hooks/quiz_assets.py links, the page's score line and the settings mkdocs-quiz writes for
# its script on each page, the interface's words handed to scripts
# (hooks/shared/interface_strings.py), the review's links (hooks/review_page.py), and the boxes
# students write in on screen (hooks/practice_journal.py; no div inside them)
QUIZ_ASSETS = re.compile(rf'<script src="[^"]*assets/(?:quiz/quiz|practice)\.js" defer></script>|{SCORE_BOX}'
                         r'|<p class="review-(?:add|due)">.*?</p>'
                         r'|<script type="text/javascript">\s*window\.mkdocsQuiz\w+ = .*?</script>'
                         r'|<script type="application/json" id="strings-[\w-]+">.*?</script>'
                         r'|<div class="(?:writing-box|worked-try)"[^>]*>.*?</div>', re.S)
# a heading's permalink: of no use on paper, and 48 KB of the page a phone may open
HEADERLINK = re.compile(r'<a class="headerlink" href="#[^"]*"[^>]*>[^<]*</a>')
# what the Markdown marks `{ .screen-only }` (a paragraph or a list item holding no other of its
# kind: how to tap a term, ...) is left out; `{ .print-only }` (hidden on screen) is kept
SCREEN_ONLY = re.compile(r'<(?P<tag>p|li) class="screen-only">.*?</(?P=tag)>\s*', re.S)
# a link carrying its paper reference, and the start of the block it is in
REFERENCED_LINK = re.compile(r'<a (?=[^>]*\sdata-print-ref="(?P<ref>[^"]*)")[^>]*>(?P<text>.*?)</a>', re.S)
BLOCK_START = re.compile(r"<(?:p|li|td|th|h[1-6]|dd|dt|figcaption)[\s>]")
# Attributes that hold ids, and URLs. id and for hold one id each: prefixed by plain
# replacements (after a space, a newline or a tab, as attributes are written), four times
# faster than a substitution that calls back per id. The aria ones hold several,
# space-separated. Each pattern starts with a literal and then looks behind for the space
# before the name: over 900 KB that is several times faster than a pattern starting with \s.
SINGLE_ID_ATTRIBUTES = [f'{space}{name}="' for name in ("id", "for") for space in " \n\t"]
ID_LIST = re.compile(r'aria-(?P<name>describedby|labelledby|controls)="'
                     r'(?:(?<=\saria-describedby=")|(?<=\saria-labelledby=")|(?<=\saria-controls="))(?P<value>[^"]*)"')
URL_ATTRIBUTES = [re.compile(rf'(?P<name>{name})="(?<=\s{name}=")(?P<value>[^"]*)"') for name in ("href", "src")]
# literal first, then a look-behind for the space: far faster than a leading \s over 900 KB
INNER_HREF = re.compile(r'href="#(?<=\shref="#)([^"]+)"')
# a figure's text description stays closed on paper, in each edition's language
CLOSED_BOX = re.compile(r"<details(?P<attrs>(?![^>]*\bopen\b)[^>]*)>(?P<summary>\s*<summary>(?!Text description|Description textuelle))")
# a marked term as hooks/concepts.py writes it (the definition is escaped text, no tags)
TOOLTIP = re.compile(r'<span class="gloss">(?P<link><a [^>]*>.*?</a>)<span class="gloss-tip" role="tooltip" '
                     r'id="[\w-]*?gloss-tip-(?P<term>[\w-]+)"[^>]*>[^<]*</span></span>')
LETTERS = "abcdefghijklmnopqrstuvwxyz"
log = logging.getLogger("mkdocs.hooks.print_page")

words: dict[str, str] = {}  # data/interface.yml, section "print"

# the pages printed, in reading order (set in on_files), and the HTML of each, by src path
print_order: list[str] = []
rendered: dict[str, str] = {}
# the objectives each question of a page checks, as printed (by src path, in quiz order)
question_objectives: dict[str, list[str]] = {}


def page_key(src_uri: str) -> str:
    """A short, unique prefix for one page's ids: 02-foundations/empathy-and-trust.md -> s02-foundations-empathy-and-trust.
    It starts with a letter: the inline SVG figures' ids must be XML names, which cannot start with a digit."""
    return "s" + src_uri[: -len(".md")].replace("/", "-")


def on_config(config):
    global words
    words = section_words(config, "print", PRINT_WORDS, "label the printed questions")


def with_answer_key() -> bool:
    """The answer key is printed unless GUIDE_ANSWER_KEY=false (`make handout`: a handout for a class)."""
    return os.environ.get("GUIDE_ANSWER_KEY", "").strip().lower() not in ("false", "no", "0")


def on_files(files, config):
    global question_objectives
    print_order[:] = [uri for uri in nav_order(config.nav) if uri not in LEFT_OUT]
    question_objectives = objectives_by_question(files, words)
    content = (f"---\nsearch:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n"
               f"{title_page(config.site_name, filled_identity(config.extra.get('course')))}\n\n"
               f'<p class="print-intro">{escape_text(_intro())}</p>\n\n'
               f"{marker('contents')}\n\n{marker('pages')}\n")
    files.append(File.generated(config, PRINT_PAGE, content=content))
    return files


def _intro() -> str:
    """The edition's introduction, naming the answer key only when it is printed."""
    key = words.get("intro_answer_key", "") if with_answer_key() else ""
    return words.get("intro", "").replace("{answer_key}", key)


def title_page(site_name: str, identity: dict[str, str]) -> str:
    """The edition's first page: the guide's title, then the course's filled-in identity."""
    course = " ".join(filter(None, [identity.get("code"), identity.get("name")]))
    lines = [line for line in (course, identity.get("institution"), identity.get("term")) if line]
    details = "".join(f'<p class="print-title-line">{escape_text(line)}</p>' for line in lines)
    return (f'<div class="print-title-page">\n<h1 id="print-edition">{escape_text(site_name)}</h1>\n'
            f'<p class="print-subtitle">{escape_text(words.get("subtitle", ""))}</p>\n{details}\n</div>')


def contents_list(entries: list[tuple[str, str]]) -> str:
    """The contents: each printed page's title, linked to where it starts in the edition
    (the PDF adds the page numbers: tools/book.css)."""
    items = "".join(f'<li{_depth(title)}><a href="#{target}">{html_lib.escape(title)}</a></li>'
                    for target, title in entries)
    return (f'<nav class="print-contents" aria-labelledby="print-contents">\n'
            f'<h2 id="print-contents">{escape_text(words.get("contents", ""))}</h2>\n'
            f'<ul>{items}</ul>\n</nav>')


def _depth(title: str) -> str:
    """A section ("2.2 ...") sits under its chapter in the contents."""
    return ' class="print-contents-section"' if re.match(r"\d+\.\d+\s", title) else ""


@event_priority(-200)  # last: after hooks/concepts.py (-50) has marked the terms
def on_page_context(context, page, config, nav):
    if page.file.src_uri in print_order:
        rendered[page.file.src_uri] = QUIZ_ASSETS.sub("", page.content)
    if page.file.src_uri != PRINT_PAGE:
        return context
    in_nav = {nav_page.file.src_uri: nav_page for nav_page in nav.pages}
    pages = [uri for uri in print_order if uri in in_nav]
    missing = [uri for uri in pages if uri not in rendered]
    if missing:
        raise PluginError(f"print edition: these pages were not rendered: {', '.join(missing)}")
    urls = {_site_path(nav_page.url): uri for uri, nav_page in in_nav.items()}
    # the home page is named by its own heading: "Home" names a place on a site, not in a book
    titles = {uri: (in_nav[uri].is_homepage and _heading(rendered[uri])) or in_nav[uri].title or uri
              for uri in pages}
    references = {uri: _reference(titles[uri], uri) for uri in pages}
    names = {references[uri]: _number(titles[uri], uri) if _number(titles[uri], uri) != page_key(uri) else titles[uri]
             for uri in pages}
    body, answer_key = {}, []
    for uri in pages:
        title = titles[uri]
        body[uri], answers = printable_html(uri, rendered[uri], _number(title, uri), in_nav[uri].url, urls,
                                            page.url, set(pages), question_objectives.get(uri, []), references)
        body[uri] = named_references(body[uri], names)
        if answers:
            answer_key.append(f'<h2 id="answers-{page_key(uri)}">{html_lib.escape(title)}</h2>\n' + "\n".join(answers))
    if with_answer_key():
        body["answer key"] = ('<section class="print-page-break print-chapter print-answer-key">\n<h1 id="answer-key">'
                              + escape_text(words.get("answer_key", "")) + "</h1>\n" + "\n".join(answer_key) + "\n</section>")
    # a warning, not an error: MkDocs' own check names the broken link in the source page,
    # and in strict mode the build stops on both
    for problem in check_inner_links({PRINT_PAGE: page.content, **body}):
        log.warning(problem)
    contents = [(f"p-{page_key(uri)}", titles[uri]) for uri in pages]
    if with_answer_key():
        contents.append(("answer-key", words.get("answer_key", "")))
    page.content = fill(page.content, {"contents": contents_list(contents),
                                       "pages": plain_terms("\n".join(body.values()))}, PRINT_PAGE)
    return context


def _heading(html: str) -> str:
    """The text of a rendered page's first heading (without its permalink), or ""."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    if not match:
        return ""
    text = re.sub(r'<a [^>]*class="headerlink".*?</a>|<[^>]+>', "", match[1])
    return html_lib.unescape(text).strip()


def named_references(html: str, names: dict[str, str]) -> str:
    """A link whose paragraph already names the section it points to ("as 6.4 teaches",
    "Section 6.1 explains the duty to protect and mandatory reporting") gets no "(see section
    6.4)" on paper, only `data-print-named`: the PDF then adds just the page number.
    `names` maps each reference to the number or title it names."""
    out, last = [], 0
    for link in REFERENCED_LINK.finditer(html):
        name = names.get(html_lib.unescape(link["ref"]))
        block = max((start.start() for start in BLOCK_START.finditer(html, max(0, link.start() - 3000), link.start())),
                    default=max(0, link.start() - 3000))
        said = html_lib.unescape(re.sub(r"<[^>]+>", "", html[block:link.start()] + link["text"]))
        if name and re.search(rf"(?<![\w.]){re.escape(name)}(?!\w|\.\d)", said):
            out.append(html[last:link.start()] + link[0].replace(" data-print-ref=", " data-print-named data-print-ref=", 1))
            last = link.end()
    return "".join(out) + html[last:]


def _site_path(url: str) -> str:
    """A page's URL as a path from the site root: the home page's "./" becomes ""."""
    return "" if url in ("./", ".") else url


def objectives_by_question(files, words: dict[str, str]) -> dict[str, list[str]]:
    """For each page, one line per question in order: "Objective: ..." (escaped HTML)."""
    bank, _ = guide_bank(files)
    label = html_lib.escape(words.get("objective_label", ""))
    result: dict[str, list[str]] = {}
    for question in bank.questions:
        texts = "; ".join(html_lib.escape(rendered_text(bank.objectives[key].text).rstrip(";,. "))
                          for key in question.objectives)
        result.setdefault(question.page, []).append(f'<p class="print-objective">{label} {texts}</p>' if texts else "")
    return result


def printable_html(uri: str, html: str, number: str, url: str, urls: dict[str, str],
                   print_url: str, printed: set[str], objectives: list[str] = (),
                   references: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """One rendered page made printable: unique ids, inner links (to another printed page:
    with that page's reference for paper, from `references`), open boxes, screen-only parts
    and permalinks left out, and its quizzes as printed questions (each with the objectives it checks in the
    key). The page is a section ("2.2": class print-section) or a chapter or unnumbered page
    (print-chapter), for the PDF's running heads. Returns the page and its answer-key entries."""
    key = page_key(uri)

    def prefix_ids(match: re.Match[str]) -> str:
        ids = " ".join(f"{key}--{value}" for value in match["value"].split())
        return f'aria-{match["name"]}="{ids}"'

    relinked: dict[str, str] = {}  # the same links recur (every tooltip links to the glossary)
    resolved: dict[str, str | None] = {}  # a link's path part -> its path from the site root

    def relink(match: re.Match[str]) -> str:
        if match[0] not in relinked:
            relinked[match[0]] = _relink(match)
        return relinked[match[0]]

    def _relink(match: re.Match[str]) -> str:
        name, value = match["name"], html_lib.unescape(match["value"])
        if value.startswith("#"):
            return f'{name}="{html_lib.escape(f"#{key}--{value[1:]}" if len(value) > 1 else value)}"'
        link_path, _, fragment = value.partition("#")
        if link_path not in resolved:  # urljoin once per linked page, not once per heading
            external = urlsplit(link_path).scheme or link_path.startswith("//")
            resolved[link_path] = None if external else urlsplit(urljoin("/" + _site_path(url), link_path)).path.lstrip("/")
        path = resolved[link_path]
        if path is None:
            return match[0]
        if name.endswith("href") and path in urls and urls[path] in printed:
            inner = page_key(urls[path])
            target = f"#{inner}--{fragment}" if fragment else f"#p-{inner}"
            reference = (references or {}).get(urls[path]) if urls[path] != uri else None
            if reference:  # on paper a link reads "(see section 2.2)" (guide.css)
                return f'{name}="{html_lib.escape(target)}" data-print-ref="{html_lib.escape(reference)}"'
        else:
            target = get_relative_url(path or ".", print_url) + (f"#{fragment}" if fragment else "")
        return f'{name}="{html_lib.escape(target)}"'

    html = HEADERLINK.sub("", html)
    for attribute in SINGLE_ID_ATTRIBUTES:
        html = html.replace(attribute, f"{attribute}{key}--")
    html = ID_LIST.sub(prefix_ids, html)
    html = html.replace("url(#", f"url(#{key}--")  # SVG markers (arrow heads) in the figures
    for url_attribute in URL_ATTRIBUTES:
        html = url_attribute.sub(relink, html)
    # collapsible boxes print open; a figure's text description stays as it is
    # (guide.js also opens every box before printing)
    html = CLOSED_BOX.sub(r"<details\g<attrs> open>\g<summary>", html)
    html = SCREEN_ONLY.sub("", html).replace(' class="print-only"', "")
    html, answers = print_quizzes(html, number, objectives)
    if 'class="quiz' in html:
        raise PluginError(f"print edition: a quiz on {uri} could not be read for printing; "
                          "mkdocs-quiz's HTML may have changed (see hooks/shared/quiz_markup.py)")
    level = "print-section" if "." in number else "print-chapter"
    return f'<section class="print-page-break {level}" id="p-{key}">\n{html}\n</section>', answers


def print_quizzes(html: str, number: str, objectives: list[str] = ()) -> tuple[str, list[str]]:
    """Each quiz mkdocs-quiz rendered becomes a printed question (choices lettered, blanks as
    lines); its answer, explanation and objective (`objectives`, in quiz order) become an
    entry of the answer key. Section questions
    are numbered 2.2.1, 2.2.2...; a chapter's review questions 2.R1, 2.R2..."""
    answers: list[str] = []

    def print_quiz(match: re.Match[str]) -> str:
        n = len(answers) + 1
        label = f"{number}.{n}" if "." in number else f"{number}.R{n}"
        heading = filled_html(words["question"], label=label)
        question = match["question"].strip()
        options = QUIZ_OPTION.findall(match["form"])
        if options:
            # The key names each right option by its letter and its text: the site shuffles the
            # options, so a student checking a printed answer against the site needs the words.
            correct = [f"{LETTERS[i]}: {text.strip()}" for i, (attrs, text) in enumerate(options) if "data-correct" in attrs]
            # "(choose all that apply)", unless the question says so itself
            said = words.get("choose_all_said", "").lower()
            choose = (f" {filled_html(words['choose_all'])}"
                      if len(correct) > 1 and not (said and said in rendered_text(question).lower()) else "")
            items = "".join(f"<li>{LETTERS[i]}. {text}</li>" for i, (_, text) in enumerate(options))
            question = _lead(question, f"<strong>{heading}</strong>{choose} ") + f'<ul class="print-options">{items}</ul>'
            answer = _ended("; ".join(correct))
        else:
            blanks = [_blank_answer(tag) for tag in QUIZ_BLANK.finditer(question)]
            question = _lead(QUIZ_BLANK.sub('<span class="print-blank">____________</span>', question),
                             f"<strong>{heading}</strong> ")
            answer = ", ".join(blanks) + "."
        objective = objectives[n - 1] if n <= len(objectives) else ""
        answers.append(_lead(match["explanation"].strip(), f"<strong>{label}.</strong> {answer} ") + objective)
        return f'<div class="print-question">{question}</div>'

    return QUIZ_PARTS.sub(print_quiz, html), answers


def _blank_answer(tag: re.Match[str]) -> str:
    """A blank's canonical form, and the other forms it accepts (hooks/quiz_assets.py's data-accept)."""
    shown = f"<em>{html_lib.escape(html_lib.unescape(tag[1]))}</em>"
    accept = BLANK_ACCEPT.search(tag[0])
    try:
        forms = json.loads(html_lib.unescape(accept[1])) if accept else []
    except ValueError:
        forms = []
    others = ", ".join(html_lib.escape(str(form)) for form in forms[1:])
    return f"{shown} ({filled_html(words['also_accepted'], forms=others)})" if others else shown


def _ended(html: str) -> str:
    """A full stop after the text unless it ends with one (or with ? ! or a closing quotation mark)."""
    return html if re.search(r"[.?!\u201d\"\u00bb]\s*(?:</\w+>\s*)*$", html) else html + "."


def _lead(html: str, prefix: str) -> str:
    """Put `prefix` at the start of the first paragraph of `html` (or in a paragraph of its own)."""
    return html.replace("<p>", "<p>" + prefix, 1) if html.startswith("<p>") else f"<p>{prefix}</p>{html}"


def _number(title: str, uri: str) -> str:
    """A page's number, from its title: "2.2 Empathy and trust" -> "2.2"; else the page's key."""
    match = re.match(r"(\d+(?:\.\d+)?)\s", title)
    return match[1] if match else page_key(uri)


def plain_terms(html: str) -> str:
    """Every marked term as plain text: on paper a definition in the middle of a sentence
    breaks it, and a link cannot be followed; the glossary is in the edition."""
    return TOOLTIP.sub(lambda match: re.sub(r"<[^>]+>", "", match["link"]), html)


def _reference(title: str, uri: str) -> str:
    """How a paper reader finds a page: "see section 2.2", or by its title ("see Glossary")."""
    number = _number(title, uri)
    if number != page_key(uri):
        return words.get("see_section", "{n}").replace("{n}", number)
    return words.get("see_page", "{title}").replace("{title}", title)


def check_inner_links(pages: dict[str, str]) -> list[str]:
    """Links inside the print page that land on no id in it, as messages naming the page they come from.

    (MkDocs checks Markdown links only, and the print page is assembled from HTML.)"""
    ids = set().union(*(ids_in(html) for html in pages.values()))
    problems = []
    for uri, html in pages.items():
        broken = sorted(set(INNER_HREF.findall(html)) - ids)
        if broken:
            problems.append(f"print edition: the part from {uri} links to #{', #'.join(broken[:5])}, "
                            "which is not in the print page; check the heading ids that page links to")
    return problems
