"""Spaced review and the practice test: two generated pages, their data, and the links to them.

Reads the question bank (hooks/shared/objective_rules.py), data/glossary.yml, the nav and
data/interface.yml (sections `review` and `practice`). Events:
- on_config: load the words;
- on_files: generate review.md and practice-test.md, and assets/review-data.json: every
  question (stem, options or blanks, explanation, the section it links to) and every glossary
  term (term, French, definition, the section that introduces it), as plain text that the
  script puts in the page as text, never as markup;
- on_page_content: the pages' words for the script; on a section page that introduces
  terms, a link "add this section's terms to my review" (to review/?add=<page>); on a page
  with the marker `<!-- review: due -->` (home page, My progress), the line "Today's review"
  whose count assets/guide.js fills;
- on_post_page: assets/fsrs.js, assets/review.js and assets/review.css, on the two pages only.
The offline edition (GUIDE_OFFLINE, opened from files, where a script cannot fetch) gets the
data inside the two pages instead. Nothing leaves the browser.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import posixpath

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from shared import interface_strings
from shared.glossary_data import load_glossary, term_anchor
from shared.guide_data import escape_text
from shared.objective_rules import LINK_TARGET, guide_bank
from shared.page_outline import is_chapter_page, is_section_page, nav_titles
from shared.question_cues import rendered_text
from shared.quiz_source import BLANK, blank_forms

REVIEW_PAGE, PRACTICE_PAGE = "review.md", "practice-test.md"
DATA_FILE = "assets/review-data.json"
SCRIPTS = ("assets/fsrs.js", "assets/review.js")
STYLE = "assets/review.css"
DUE_MARKER = "<!-- review: due -->"
REVIEW_WORDS = ("title", "intro", "no_js", "loading", "add_link", "due_link", "due_count_none",
                "due_count_one", "due_count_many")
PRACTICE_WORDS = ("title", "intro", "not_counted")

words: dict[str, dict[str, str]] = {}
blocks = ""         # the words of both pages, for the script
data_json = ""      # assets/review-data.json
terms_of: dict[str, int] = {}  # section src path -> number of terms it introduces


def on_config(config):
    global words, blocks
    strings = interface_strings.load(config)
    words = {"review": interface_strings.section_words(config, "review", REVIEW_WORDS, "build the Review page"),
             "practice": interface_strings.section_words(config, "practice", PRACTICE_WORDS,
                                                         "build the Practice test page")}
    blocks = interface_strings.json_block(strings, "review") + interface_strings.json_block(strings, "practice")
    return config


def on_files(files, config):
    global data_json, terms_of
    review = File.generated(config, REVIEW_PAGE, content=_review_markdown())
    practice = File.generated(config, PRACTICE_PAGE, content=_practice_markdown())
    files.append(review)
    files.append(practice)
    data = review_data(files, config)
    terms_of = {}
    for term in data["terms"]:
        uri = data["pages"][term["p"]]["src"]
        terms_of[uri] = terms_of.get(uri, 0) + 1
    data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    files.append(File.generated(config, DATA_FILE, content=data_json))
    return files


def review_data(files, config) -> dict:
    """The questions and terms the two pages need, with page URLs relative to the site root."""
    titles = nav_titles(config.nav)
    bank, _ = guide_bank(files)
    pages: list[dict] = []
    index: dict[str, int] = {}

    def page_index(uri: str) -> int:
        if uri not in index:
            index[uri] = len(pages)
            file = files.get_file_from_path(uri)
            pages.append({"src": uri, "u": file.url if file else uri, "t": titles.get(uri, uri),
                          "c": uri.split("/")[0] if "/" in uri else ""})
        return index[uri]

    questions = []
    for q in bank.questions:
        if not (is_section_page(q.page) or is_chapter_page(q.page)):
            continue
        parts = q.parts
        item = {"p": page_index(q.page), "id": f"quiz-{q.number - 1}",
                "e": rendered_text(parts.explanation), "h": _explanation_link(q.page, parts.explanation, files)}
        if parts.is_fill_in:
            item["t"] = "blank"
            item["q"] = [rendered_text(text) for text in BLANK.split(parts.stem)[::2]]
            item["b"] = [blank_forms(blank) for blank in parts.blanks]
        else:
            item["t"] = "many" if sum(ok for ok, _ in parts.answers) > 1 else "one"
            item["q"] = rendered_text(parts.stem)
            item["o"] = [[rendered_text(text), int(ok)] for ok, text in parts.answers]
        questions.append(item)
    terms = []
    for entry in load_glossary(_root(config)):
        # as the glossary shows them: plain text, markup included as written (data/README.md)
        terms.append({"id": term_anchor(entry["term"]), "t": _plain(entry["term"]), "f": _plain(entry["french"]),
                      "d": _plain(entry["definition"]), "p": page_index(entry["introduced_in"])})
    chapters = [{"c": uri.split("/")[0], "t": title} for uri, title in titles.items() if is_chapter_page(uri)]
    return {"version": 1, "pages": pages, "chapters": chapters, "questions": questions, "terms": terms}


def _plain(text) -> str:
    return " ".join(str(text).split())


def _root(config):
    from pathlib import Path

    return Path(config.config_file_path).parent


def _explanation_link(page: str, explanation: str, files) -> str:
    """The site-relative URL of the heading the explanation links to (the question's page if none)."""
    match = LINK_TARGET.search(explanation)
    target = page
    if match and match["path"]:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match["path"]))
    file = files.get_file_from_path(target) or files.get_file_from_path(page)
    return file.url + (f"#{match['anchor']}" if match and file.src_uri == target else "")


def _review_markdown() -> str:
    w = words["review"]
    return ("---\nsearch:\n  exclude: true\n---\n\n"
            f"# {escape_text(w['title'])}\n\n{escape_text(w['intro'])}\n\n"
            f'<div class="review-app" id="review-app" data-mode="review" aria-busy="true">\n'
            f'<p class="review-status" id="review-status" role="status">{escape_text(w["loading"])}</p>\n'
            f'<noscript><p>{escape_text(w["no_js"])}</p></noscript>\n</div>\n')


def _practice_markdown() -> str:
    w = words["practice"]
    return ("---\nsearch:\n  exclude: true\n---\n\n"
            f"# {escape_text(w['title'])}\n\n{w['intro']}\n\n"
            f'<p class="review-note"><strong>{escape_text(w["not_counted"])}</strong></p>\n\n'
            f'<div class="review-app" id="review-app" data-mode="test" aria-busy="true">\n'
            f'<p class="review-status" id="review-status" role="status">{escape_text(words["review"]["loading"])}</p>\n'
            f'<noscript><p>{escape_text(words["review"]["no_js"])}</p></noscript>\n</div>\n')


def _attr(value: str) -> str:
    return html_lib.escape(value, quote=True)


def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri in (REVIEW_PAGE, PRACTICE_PAGE):
        root = get_relative_url(".", page.url) or "."
        data = get_relative_url(DATA_FILE, page.url)
        review = files.get_file_from_path(REVIEW_PAGE).url_relative_to(page.file)
        attrs = (f'data-root="{_attr(root.rstrip("/") + "/")}" data-src="{_attr(data)}" '
                 f'data-review="{_attr(review)}"')
        html = html.replace('id="review-app"', f'id="review-app" {attrs}', 1)
        if os.environ.get("GUIDE_OFFLINE", "").lower() in ("1", "true", "yes"):
            html += f'<script type="application/json" id="review-data">{data_json}</script>'
        return html + blocks
    review_file = files.get_file_from_path(REVIEW_PAGE)
    if DUE_MARKER in html and review_file:
        html = html.replace(DUE_MARKER, _due_line(review_file.url_relative_to(page.file),
                                                  get_relative_url(".", page.url)), 1)
    if is_section_page(uri) and terms_of.get(uri) and review_file:
        href = f"{review_file.url_relative_to(page.file)}?add={page.file.url}"
        text = interface_strings.filled_html(words["review"]["add_link"], n=str(terms_of[uri]))
        html += f'\n<p class="review-add"><a href="{_attr(href)}">{text}</a></p>'
    return html


def _due_line(href: str, root: str) -> str:
    """The link to the Review page and the count guide.js fills (its words in attributes)."""
    w = words["review"]
    counts = " ".join(f'data-{key.replace("_", "-")}="{_attr(w[key])}"'
                      for key in ("due_count_none", "due_count_one", "due_count_many"))
    return (f'<p class="review-due"><a href="{_attr(href)}">{escape_text(w["due_link"])}</a>{_attr(w.get("colon", ": "))}'
            f'<span data-review-due data-review-root="{_attr(root.rstrip("/") + "/")}" {counts}>…</span></p>')


def on_post_page(output, page, config):
    if page.file.src_uri not in (REVIEW_PAGE, PRACTICE_PAGE):
        return output
    css = get_relative_url(STYLE, page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{_attr(css)}">\n</head>', 1)
    # after extra_javascript's guide.js, whose window.guideFirstAnswers review.js reads
    tags = "".join(f'<script src="{_attr(get_relative_url(s, page.url))}" defer></script>\n' for s in SCRIPTS)
    before, found, after = output.rpartition("</body>")
    return before + tags + "</body>" + after if found else output
