"""What students write on the section pages, and the practice journal that gathers it all.

Reads the section pages (their reflection questions and worked examples), the Skills lab's data
(hooks/shared/skills_lab_data.py) and data/interface.yml (sections `writing`, `journal`, `lab`).
Events:
- on_config: load the words, the lab's data and the course identity;
- on_files: generate journal.md (File.generated; nothing is written into docs/), the practice
  journal: the student's name and course, then what this browser saved, put together by
  assets/journal.js from the content the build hands it (exercises and their models,
  conversations and their steps, worked examples, reflection questions);
- on_page_context, after search has read the page (so the boxes' labels stay out of the index)
  and before the tooltips (hooks/concepts.py): an answer box under each reflection question; in
  each worked example, a "Write your own response first" box, the model responses after it in
  a part that assets/writing.js hides until the student asks for it (without JavaScript and
  on paper everything shows, guide.css);
- on_post_page: assets/writing.js on the pages with boxes, assets/journal.js on the journal,
  each with its words, nowhere else.
Where a worked example's models begin: at `<!-- try-first -->` (a paragraph of its own inside
the example, AUTHORING.md), else at the second speaker's line (the first reply).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from shared import interface_strings
from shared.generated_blocks import fill, marker
from shared.guide_data import escape_text
from shared.page_outline import is_section_page, nav_titles, site_outlines
from shared.skills_lab_data import is_ending, load_lab
from shared.box_titles import WORKED_EXAMPLE, any_of
from html import escape

JOURNAL_PAGE = "journal.md"
REFLECTIONS = "reflection-questions"  # the H2 id of AUTHORING.md
REFLECTION_LIST = re.compile(rf'(<h2 id="{REFLECTIONS}">.*?</h2>\s*<ol>)(.*?)(</ol>)', re.S)
LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
EXAMPLE_START = re.compile(r'<div class="admonition example">\s*<p class="admonition-title">'
                           + any_of(tuple(escape(t, quote=True) for t in WORKED_EXAMPLE)))
DIV_TAG = re.compile(r"<(/?)div\b")
TRY_FIRST = re.compile(r"(?:<p>)?<!--\s*try-first\s*-->(?:</p>)?")
HEADING = re.compile(r"<h[23][^>]*>(.*?)(?:<a class=\"headerlink\".*?)?</h[23]>", re.S)
SPEECH = re.compile(r"<p><strong>")  # a speaker's line: **Client:** "..."
NUMBERED = re.compile(r"^\d+\.[ \t]+(.*(?:\n(?![ \t]*\n|\d+\.)[ \t]*.+)*)", re.M)
MARKUP = [(re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"[*_`]+"), ""), (re.compile(r"<[^>]+>"), "")]
WORDS = {"writing": ("reflection_label", "example_label", "example_hint", "show_models", "saved"),
         "journal": ("title", "intro", "name_label", "course_label", "print", "download", "none", "no_js")}

strings: dict[str, dict[str, str]] = {}
lab = None
course = ""
content: dict = {}                # what journal.js puts the student's work beside
titles: dict[str, str] = {}       # page -> its name in the menu
rank: dict[str, int] = {}         # page key -> its place in the reading order
boxed: set[str] = set()           # pages given boxes (they load writing.js)


def on_config(config):
    global strings, lab, course
    for section, keys in WORDS.items():
        interface_strings.section_words(config, section, keys, "fill the answer boxes and the practice journal")
    strings = interface_strings.load(config)
    lab = load_lab(Path(config.config_file_path).parent)
    identity = (config.extra or {}).get("identity") or {}  # hooks/course_identity.py, earlier in the list
    course = " ".join(part for part in (identity.get("code", ""), identity.get("name", "")) if part)


def on_files(files, config):
    global content, titles, rank
    page = File.generated(config, JOURNAL_PAGE, content=journal_markdown(strings["journal"]))
    titles = nav_titles(config.nav)
    outlines = site_outlines(files, config.nav)
    rank = {page_key(uri): n for n, uri in enumerate(outlines)}
    reflections = []
    for uri, outline in outlines.items():
        part = next((p for p in outline.parts if p.anchor == REFLECTIONS), None)
        questions = reflection_questions(part.text) if part else []
        if questions:
            url = files.get_file_from_path(uri).url_relative_to(page) + f"#{REFLECTIONS}"
            reflections.append({"page": page_key(uri), "title": titles.get(uri, outline.title), "url": url,
                                "questions": questions})
    content = journal_content(lab, strings.get("lab", {}), reflections, titles)
    files.append(page)
    return files


def page_key(uri: str) -> str:
    """A page's key in the browser's storage: 04-skills/active-listening."""
    return uri[: -len(".md")]


def reflection_questions(markdown: str) -> list[str]:
    """The numbered questions of a page's reflection part, as plain text."""
    questions = []
    for match in NUMBERED.finditer(markdown):
        text = match[1]
        for pattern, replacement in MARKUP:
            text = pattern.sub(replacement, text)
        questions.append(" ".join(text.split()))
    return questions


def journal_markdown(words: dict[str, str]) -> str:
    return (f"---\nsearch:\n  exclude: true\n---\n\n# {escape_text(words['title'])}\n\n"
            f"{escape_text(words['intro'])}\n\n{marker('journal')}\n")


def journal_content(lab, lab_words: dict[str, str], reflections: list[dict], titles: dict[str, str]) -> dict:
    """The content the journal shows beside the student's work, as plain strings (journal.js
    writes every one as text, never as markup)."""
    level_names = {lv["level"]: lv["name"] for lv in lab.levels}
    count: dict[str, int] = {}
    exercises = []
    for e in lab.exercises:
        count[e["skill"]] = count.get(e["skill"], 0) + 1
        title = lab_words.get("exercise_title", "{skill}: exercise {n}")
        title = title.replace("{skill}", lab.skill(e["skill"])["name"]).replace("{n}", str(count[e["skill"]]))
        exercises.append({"id": e["id"], "title": title, "context": _plain(e["context"]), "client": _plain(e["client"]),
                          "models": [{"level": m["level"], "name": level_names[m["level"]], "response": _plain(m["response"]),
                                      "why": _plain(m["why"])} for m in e["models"]]})
    conversations = []
    for c in lab.conversations:
        steps = {}
        for step_id, step in c["steps"].items():
            steps[step_id] = ({"client": _plain(step["client"]), "outcome": step["outcome"], "debrief": _plain(step["debrief"])}
                              if is_ending(step) else
                              {"client": _plain(step["client"]),
                               "choices": [{"say": _plain(ch["say"]), "verdict": ch["verdict"]} for ch in step["choices"]]})
        conversations.append({"id": c["id"], "title": _plain(c["title"]), "client": _plain(c["client_name"]), "steps": steps})
    return {"exercises": exercises, "conversations": conversations, "reflections": reflections, "examples": []}


def _plain(value) -> str:
    return " ".join(str(value).split())


# ---------------------------------------------------------------- the boxes on section pages

@event_priority(-20)  # after search (0) and the Skills lab (-10); before the tooltips (-50) and the print edition (-200)
def on_page_context(context, page, config, nav):
    uri = page.file.src_uri
    if uri == JOURNAL_PAGE:
        page.content = fill(page.content, {"journal": journal_html(strings["journal"], course)}, uri)
        return context
    if not is_section_page(uri):
        return context
    key = page_key(uri)
    out = add_reflection_boxes(page.content, key, strings["writing"])
    out, examples = add_example_boxes(out, key, strings["writing"])
    for number, heading, prompt in examples:
        title = titles.get(uri, page.title or "") + (f": {heading}" if heading else "")
        entry = {"key": f"{key}#{number}", "title": title, "prompt": prompt}
        content["examples"] = [e for e in content["examples"] if e["key"] != entry["key"]] + [entry]
    if out != page.content:
        boxed.add(uri)
        page.content = out
    return context


def add_reflection_boxes(page_html: str, key: str, words: dict[str, str]) -> str:
    """An answer box after each reflection question (shown only with JavaScript, guide.css)."""
    def boxes(match: re.Match[str]) -> str:
        items = iter(range(1, 100))

        def box(item: re.Match[str]) -> str:
            n = next(items)
            box_id = f"reflection-answer-{n}"
            label = html.escape(words["reflection_label"].replace("{n}", str(n)))
            return (f'<li>{item[1]}<div class="writing-box" data-writing="reflections" data-key="{html.escape(key)}#{n}">'
                    f'<label class="writing-label" for="{box_id}">{label}</label>'
                    f'<textarea class="writing-text" id="{box_id}" rows="3"></textarea>'
                    f'<p class="writing-status" role="status"></p></div></li>')
        return match[1] + LIST_ITEM.sub(box, match[2]) + match[3]
    return REFLECTION_LIST.sub(boxes, page_html, count=1)


def add_example_boxes(page_html: str, key: str, words: dict[str, str]) -> tuple[str, list[tuple[int, str, list[str]]]]:
    """Each worked example: its opening, a box to write one's own response, then the models.
    Returns the page and, for the journal, each example's number, the heading it is under and
    its opening (paragraphs, as plain text)."""
    out, done, examples = [], 0, []
    for number, start in enumerate((m.start() for m in EXAMPLE_START.finditer(page_html)), 1):
        end = _closing_div(page_html, start)
        if start < done or end < 0:
            continue
        block = page_html[start:end]
        body_start = block.index("</p>") + len("</p>")  # after the title
        split = _models_start(block, body_start)
        if split < 0:
            continue
        prompt, models = block[:split], TRY_FIRST.sub("", block[split:-len("</div>")])
        box_id = f"worked-example-{number}"
        out += [page_html[done:start], prompt.replace('class="admonition example"', 'class="admonition example worked-example"', 1),
                f'<div class="worked-try" data-writing="examples" data-key="{html.escape(key)}#{number}">'
                f'<label class="writing-label" for="{box_id}">{html.escape(words["example_label"])}</label>'
                f'<p class="writing-hint" id="{box_id}-hint">{html.escape(words["example_hint"])}</p>'
                f'<textarea class="writing-text" id="{box_id}" rows="3" aria-describedby="{box_id}-hint"></textarea>'
                f'<p><button type="button" class="md-button worked-show" aria-expanded="false" aria-controls="{box_id}-models">'
                f'{html.escape(words["show_models"])}</button> <span class="writing-status" role="status"></span></p></div>'
                f'<div class="worked-models" id="{box_id}-models">{models}</div></div>']
        done = end
        headings = HEADING.findall(page_html, 0, start)
        examples.append((number, _plain(html.unescape(re.sub(r"<[^>]+>", "", headings[-1]))) if headings else "", _paragraphs(prompt[body_start:])))
    out.append(page_html[done:])
    return "".join(out), examples


def _paragraphs(fragment: str) -> list[str]:
    """An HTML fragment's paragraphs as plain text."""
    texts = (html.unescape(re.sub(r"<[^>]+>", "", part)) for part in re.split(r"</p>|</blockquote>|<br ?/?>", fragment))
    return [text for text in map(_plain, texts) if text]


def _closing_div(text: str, start: int) -> int:
    """The end of the <div> that opens at `start` (just after its </div>), or -1."""
    depth = 0
    for tag in DIV_TAG.finditer(text, start):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return text.index(">", tag.end()) + 1
    return -1


def _models_start(block: str, body_start: int) -> int:
    marked = TRY_FIRST.search(block, body_start)
    if marked:
        return marked.start()
    lines = [m.start() for m in SPEECH.finditer(block, body_start)]
    return lines[1] if len(lines) > 1 else -1


def journal_html(words: dict[str, str], course_name: str) -> str:
    """The journal's frame: the name and course fields, the buttons, and the place journal.js fills."""
    w = {k: html.escape(v) for k, v in words.items()}
    return (f'<div class="journal" data-course="{html.escape(course_name)}">\n'
            f'<div class="journal-details">\n'
            f'<p><label for="journal-name">{w["name_label"]}</label> <input id="journal-name" class="journal-input" '
            f'type="text" autocomplete="name"></p>\n'
            f'<p><label for="journal-course">{w["course_label"]}</label> <input id="journal-course" class="journal-input" '
            f'type="text" value="{html.escape(course_name)}"></p>\n'
            f'<p class="writing-hint">{w.get("details_hint", "")}</p>\n'
            f'<p><button type="button" class="md-button md-button--primary journal-print">{w["print"]}</button> '
            f'<button type="button" class="md-button journal-download">{w["download"]}</button> '
            f'<span class="journal-status" role="status"></span></p>\n</div>\n'
            f'<div class="journal-body"></div>\n<p class="journal-no-js">{w["no_js"]}</p>\n</div>')


def on_post_page(output, page, config):
    uri = page.file.src_uri
    if uri == JOURNAL_PAGE:
        script, blocks = "journal.js", [interface_strings.json_block(strings, s) for s in ("journal", "lab")]
        # the pages render before the journal (it is the last file), so the examples are all in;
        # put in reading order. No "<" at all inside the script element: nothing can end it early
        content["examples"].sort(key=lambda e: (rank.get(e["key"].split("#")[0], 0), int(e["key"].split("#")[1])))
        payload = json.dumps(content, ensure_ascii=False).replace("<", "\\u003c")
        blocks.append(f'<script type="application/json" id="journal-content">{payload}</script>')
    elif uri in boxed:
        script, blocks = "writing.js", [interface_strings.json_block(strings, "writing")]
    else:
        return output
    src = get_relative_url(f"assets/{script}", page.url)
    tail = "\n".join(blocks) + f'\n<script src="{src}" defer></script>\n</body>'
    before, found, after = output.rpartition("</body>")
    return before + tail + after if found else output
