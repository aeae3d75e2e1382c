"""Mastery by learning objective on the "My progress" page, for assets/objectives.js to fill.

Events:
- on_files: from the bank of hooks/shared/objective_rules.py, one list per page with objectives (in
  nav order): each objective's text, linked to the heading that teaches it (the one its
  questions' explanations link to most; else the page, whose top holds the objectives box),
  and which questions check it (a chapter overview's questions count for the section
  objectives they name);
- on_page_markdown (progress.md only): at the top (before the page's first H2), a heading
  and the marker of the objectives to work on first; at the end, a heading, a short intro
  and the block's marker (hooks/progress_page.py writes the rest of the page);
- on_page_content (progress.md only): the place of the objectives to work on first (filled
  by the script), and the block, folded by chapter (`<details>`), as escaped HTML, with its data as JSON
  (objective -> [page URL, mkdocs-quiz's quiz id] of its questions, and the interface's words
  from data/interface.yml, `progress:`);
- on_post_page (progress.md only): assets/objectives.js, at the end of the page: deferred
  scripts run in the page's order, and it reads through assets/guide.js (loaded before it).
The script counts the first answers that guide.js records in the browser's localStorage (a
question tried again still counts as first answered); nothing leaves the browser.
"""

from __future__ import annotations

import html as html_lib
import json
import re

from shared.generated_blocks import fill, marker
from shared.guide_data import escape_text
from shared.interface_strings import section_words
from mkdocs.utils import get_relative_url
from shared.objective_rules import guide_bank, teaching_anchor
from shared.page_outline import nav_titles, site_outlines
from shared.question_cues import rendered_text

PROGRESS_PAGE = "progress.md"
SCRIPT = "assets/objectives.js"
BLOCK = "objective-progress"
WORDS = ("objectives_heading", "objectives_intro", "objectives_counts",  # in data/interface.yml, progress:
         "focus_heading", "focus_intro", "focus_empty", "objective_missed", "objective_partly",
         "objective_untried", "chapter_to_work_on")
FOCUS = "objective-focus"
PLACEHOLDER = re.compile(r"\{(\w+)\}")  # "{answered}" in the words of data/interface.yml
strings: dict[str, str] = {}
sections: list[dict] = []  # one per page with objectives: its chapter, title and objectives
chapter_titles: dict[str, str] = {}  # chapter folder -> its name in the menu


def on_config(config):
    global strings
    strings = section_words(config, "progress", WORDS,
                            "head and fill the list of learning objectives on the My progress page")
    return config


def on_files(files, config):
    global sections, chapter_titles
    bank, sources = guide_bank(files)
    names = nav_titles(config.nav)
    chapter_titles = {uri.split("/")[0]: name for uri, name in names.items() if uri.endswith("/index.md")}
    progress = files.get_file_from_path(PROGRESS_PAGE)  # added by hooks/progress_page.py, listed before
    sections = []
    if not progress:
        return files
    by_page: dict[str, list] = {}  # each page's objectives, in page order (one pass over the bank)
    for objective in bank.objectives.values():
        by_page.setdefault(objective.page, []).append(objective)
    outlines = site_outlines(files, config.nav, wanted=lambda uri: uri in by_page)
    # each page's URL from the progress page, worked out once, not once per question
    url = {uri: files.get_file_from_path(uri).url_relative_to(progress) for uri in sources}
    for uri, outline in outlines.items():
        objectives = []
        for objective in by_page[uri]:
            anchor = teaching_anchor(bank, objective.key, sources)
            objectives.append({
                "key": objective.key,
                "text": _sentence(rendered_text(objective.text)),
                "href": url[uri] + (f"#{anchor}" if anchor else ""),
                "questions": [[url[q.page], f"quiz-{q.number - 1}"] for q in bank.questions_of(objective.key)],
            })
        sections.append({"chapter": uri.split("/")[0] if "/" in uri else "", "title": outline.title,
                         "href": url[uri], "objectives": objectives})
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PROGRESS_PAGE or not sections:
        return markdown
    heading, intro = escape_text(strings["objectives_heading"]), escape_text(strings["objectives_intro"])
    # the objectives to work on first go at the top, before the page's first H2 (the pages'
    # lists of hooks/progress_page.py): a missed objective is the first thing a student sees
    focus = (f"## {escape_text(strings['focus_heading'])} {{ #work-on-first }}\n\n"
             f"{escape_text(strings['focus_intro'])}\n\n{marker(FOCUS)}\n\n")
    first_h2 = re.search(r"^## ", markdown, re.M)
    at = first_h2.start() if first_h2 else len(markdown)
    markdown = markdown[:at] + focus + markdown[at:]
    return f"{markdown}\n\n## {heading} {{ #by-objective }}\n\n{intro}\n\n{marker(BLOCK)}\n"


def on_page_content(html, page, config, files):
    if page.file.src_uri != PROGRESS_PAGE or not sections:
        return html
    return fill(html, {FOCUS: render_focus(strings), BLOCK: render_block(sections, strings, chapter_titles)},
                PROGRESS_PAGE)


def on_post_page(output, page, config):
    if page.file.src_uri != PROGRESS_PAGE or not sections:
        return output
    # after extra_javascript's guide.js, whose window.guideFirstAnswers it reads and whose
    # Reset must clear the answers before this script counts them again
    script = f'<script src="{_attr(get_relative_url(SCRIPT, page.url))}" defer></script>\n</body>'
    before, found, after = output.rpartition("</body>")
    return before + script + after if found else output


def render_focus(strings: dict[str, str]) -> str:
    """The place of the objectives to work on first, which assets/objectives.js fills (before
    any answer: a line saying that none is missed yet)."""
    return (f'<div class="objective-focus" id="objective-focus">'
            f'<p class="objective-focus-empty">{html_lib.escape(strings["focus_empty"])}</p>'
            f'<ol class="objective-focus-list" hidden></ol></div>')


def render_block(sections: list[dict], strings: dict[str, str], chapters: dict[str, str] | None = None) -> str:
    """The lists (as they read before any answer), folded by chapter, and the data for
    assets/objectives.js."""
    out = ['<div class="objective-progress" id="objective-progress">']
    current = None
    for section in sections:
        chapter = section.get("chapter", "")
        if chapter != current:  # a chapter's sections, folded: the whole list is many phone screens long
            if current is not None:
                out.append("</details>")
            name = (chapters or {}).get(chapter) or chapter or section["title"]
            out.append(f'<details class="objective-chapter"><summary><span class="objective-chapter-name">'
                       f'{html_lib.escape(name)}</span> <span class="objective-chapter-note"></span></summary>')
            current = chapter
        out.append(f'<h3 class="objective-section"><a href="{_attr(section["href"])}">'
                   f'{html_lib.escape(section["title"])}</a></h3>\n<ul class="objective-list">')
        for objective in section["objectives"]:
            counts = fill_in(strings["objectives_counts"], total=len(objective["questions"]), answered=0, right=0)
            out.append(f'<li class="objective" data-objective="{_attr(objective["key"])}">'
                       f'<span class="objective-badge"></span> '
                       f'<a href="{_attr(objective["href"])}">{html_lib.escape(objective["text"])}</a> '
                       f'<span class="objective-counts">{html_lib.escape(counts)}</span></li>')
        out.append("</ul>")
    if current is not None:
        out.append("</details>")
    data = {"strings": strings,
            "objectives": {o["key"]: o["questions"] for s in sections for o in s["objectives"]}}
    # no "<" at all in the data: "</script" or "<!--" inside it could end the element early
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    out.append(f'<script type="application/json" id="objective-data">{payload}</script>\n</div>')
    return "\n".join(out)


def _sentence(text: str) -> str:
    """An objective as a line of its own: "define empathy;" -> "Define empathy"."""
    text = text.rstrip(";,. ")
    return text[:1].upper() + text[1:]


def fill_in(template: str, **values: int) -> str:
    """"{answered} of {total}" with the values given (an unknown {name} stays as written),
    as assets/objectives.js fills the same words."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m[1], m[0])), template)


def _attr(value: str) -> str:
    return html_lib.escape(value, quote=True)
