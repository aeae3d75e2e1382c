"""Where a reader is: "Section 2 of 3 in this chapter · about 9 min read" under the title
of each section page.

Reads the nav (which sections each chapter holds, in order), each section page's Markdown
(its words, questions left out) and data/interface.yml (section "page"). Events:
- on_config: load the words;
- on_page_markdown: count the page's words for its reading time;
- on_page_content: put the line after the page's title (written at build time: nothing
  moves when the page loads).
"""

from __future__ import annotations

import math
import re

from shared import interface_strings
from shared.guide_data import escape_text
from shared.page_outline import is_section_page, nav_order
from shared.quiz_source import QUIZ

WORDS_PER_MINUTE = 200          # a common figure for reading study text on screen
WORD = re.compile(r"[^\W\d_][\w'’-]*")
COMMENT = re.compile(r"<!--.*?-->", re.S)
TITLE_END = "</h1>"
words: dict[str, str] = {}
minutes: dict[str, int] = {}    # section page -> its reading time, from its Markdown


def on_config(config):
    global words
    words = interface_strings.load(config).get("page", {})
    minutes.clear()


def on_page_markdown(markdown, page, config, files):
    if is_section_page(page.file.src_uri):
        minutes[page.file.src_uri] = reading_minutes(markdown)
    return markdown


def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if not is_section_page(uri) or TITLE_END not in html:
        return html
    siblings = chapter_sections(nav_order(config.nav), uri)
    if uri not in siblings:  # a page left out of the nav has no place to show (MkDocs warns about it)
        return html
    line = position_line(siblings.index(uri) + 1, len(siblings), minutes.get(uri, 1))
    return html.replace(TITLE_END, TITLE_END + "\n" + line, 1)


def reading_minutes(markdown: str) -> int:
    """Minutes to read a page's prose: its words outside quizzes and comments, rounded up."""
    prose = COMMENT.sub(" ", QUIZ.sub(" ", markdown))
    return max(1, math.ceil(len(WORD.findall(prose)) / WORDS_PER_MINUTE))


def chapter_sections(order: list[str], uri: str) -> list[str]:
    """The section pages of `uri`'s chapter folder, in nav order."""
    folder = uri.split("/")[0]
    return [page for page in order if is_section_page(page) and page.split("/")[0] == folder]


def position_line(n: int, m: int, reading: int) -> str:
    parts = [words.get("position", ""), words.get("reading_time", "")]
    text = " · ".join(part.replace("{n}", str(n)).replace("{m}", str(m)).replace("{minutes}", str(reading))
                      for part in parts if part)
    return f'<p class="page-position">{escape_text(text)}</p>'
