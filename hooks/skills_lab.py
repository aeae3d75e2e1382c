"""The skills lab: response exercises and branching conversations, placed where pages ask.

Reads data/skills-lab/*.yml (through skills_lab_data.py) and data/interface.yml's `lab:`
section, and marker lines in the pages, each on a line of its own:
    <!-- skills-lab: skill paraphrase -->          every exercise of a skill (on the page that teaches it)
    <!-- skills-lab: exercise paraphrase-night-shift -->   one exercise
    <!-- skills-lab: conversation first-meeting -->   one conversation
    <!-- skills-lab: index -->                     the Skills lab page: everything, by skill and difficulty
    <!-- skills-lab: journal -->                   the journal's download and clear buttons
    <!-- skills-lab: progress -->                  the lab's block on "My progress" (hooks/progress_page.py)
Events:
- on_config: load and check the data (fields, paths, the flags each ending requires) and the
  interface words; read the conversations' cue thresholds (`extra: guide_rules: conversation_choices:`);
- on_files: check every link into the guide and every marker (file and line named); print the
  conversations' cue figures (hooks/shared/question_cues.py) and fail over a threshold;
- on_page_markdown: turn markers into headings and places for HTML blocks;
- on_page_context: put the blocks in, after search has read the page (see generated_blocks.py);
- on_post_page: load assets/lab.css and assets/lab.js, and the interface words, on those
  pages only (the print edition gets the stylesheet, which hides what paper cannot use).
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from shared import interface_strings
from shared import skills_lab_render as render
from shared.generated_blocks import fill, marker
from shared.guide_data import escape_text
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from shared.page_outline import mask_fenced_code, site_outlines
from shared.question_cues import CONVERSATION_SETTINGS, CONVERSATION_THRESHOLDS, conversation_problems, measure_conversations
from shared.skills_lab_data import CONVERSATIONS_FILE, check_links, load_lab

# "<!-- skills-lab: skill paraphrase -->" on a line of its own
MARKER = re.compile(r"^[ \t]*<!--[ \t]*skills-lab:[ \t]*(?P<kind>[a-z]+)(?:[ \t]+(?P<id>[\w-]+))?[ \t]*-->[ \t]*$", re.M)
KINDS_WITH_ID = {"skill", "exercise", "conversation"}
PAGE_KINDS = {"index", "journal", "progress"}
PRINT_PAGE = "print.md"
log = logging.getLogger("mkdocs.hooks.skills_lab")

lab = None
strings: dict[str, str] = {}
all_strings: dict = {}
outlines: dict = {}
lab_page = ""  # the page that holds <!-- skills-lab: index -->
page_blocks: dict[str, dict[str, str]] = {}  # page -> its HTML blocks, by marker name
cue_limits: dict[str, float] = {}


def on_config(config):
    global lab, strings, all_strings, cue_limits
    lab = load_lab(Path(config.config_file_path).parent)
    all_strings = interface_strings.load(config)
    strings = all_strings.get("lab", {})
    cue_limits = read_cue_limits(config.extra)


def read_cue_limits(extra) -> dict[str, float]:
    """The conversations' cue thresholds in mkdocs.yml, checked: each a number from 0 to 10."""
    block = ((extra or {}).get("guide_rules") or {}).get("conversation_choices")
    if not isinstance(block, dict):
        raise PluginError(f"mkdocs.yml: the thresholds of the conversations' cue check are missing; add the block "
                          f"`{CONVERSATION_SETTINGS}` with {', '.join(CONVERSATION_THRESHOLDS)} (see data/README.md).")
    problems = [f"{name} ({meaning}) must be a number, e.g. 0.4" for name, meaning in CONVERSATION_THRESHOLDS.items()
                if isinstance(block.get(name), bool) or not isinstance(block.get(name), (int, float))
                or not 0 <= block[name] <= 10]
    if problems:
        raise PluginError(f"mkdocs.yml, {CONVERSATION_SETTINGS} " + "; ".join(problems) + ".")
    return {name: float(block[name]) for name in CONVERSATION_THRESHOLDS}


def check_conversation_cues(conversations, limits: dict[str, float]) -> None:
    """Print the figures; fail when the choices give the helpful one away (length, position)."""
    cues = measure_conversations(conversations, CONVERSATIONS_FILE)
    log.info(cues.summary())
    problems = conversation_problems(cues, limits)
    if problems:
        raise PluginError("The Skills lab's conversations give their answer away:\n  - " + "\n  - ".join(problems)
                          + f"\nRewrite the choices so that length and place do not tell the helpful one (a fork "
                          f"may relax the thresholds in mkdocs.yml, {CONVERSATION_SETTINGS}).")


def on_files(files, config):
    global outlines, lab_page
    outlines = site_outlines(files, config.nav)
    check_links(lab, outlines)
    check_conversation_cues(lab.conversations, cue_limits)
    pages = {f.src_uri: f.content_string for f in files.documentation_pages() if not f.generated_by}
    lab_page = check_markers(pages)
    return files


def check_markers(pages: dict[str, str]) -> str:
    """Every marker names something that exists, in the right place; returns the lab page."""
    problems, index_pages, placed = [], [], set()
    exercises = {e["id"]: e for e in lab.exercises}
    conversations = {c["id"] for c in lab.conversations}
    skills = {s["id"]: s["teaches"].split("#")[0] for s in lab.skills}
    for uri, source in pages.items():
        masked = mask_fenced_code(source)
        shown: set[tuple[str, str]] = set()  # what this page shows: twice would repeat its ids
        for match in MARKER.finditer(masked):
            where = f"docs/{uri}, line {masked.count(chr(10), 0, match.start()) + 1}"
            kind, item = match["kind"], match["id"]
            found = _marker_problems(where, kind, item, uri, exercises, conversations, skills)
            problems += found
            if not found and kind in KINDS_WITH_ID:
                problems += _shown_twice(where, _items_shown(kind, item), shown)
            if kind == "index":
                index_pages.append(uri)
            if kind in ("skill", "conversation") and item:
                placed.add((kind, item, uri))
    for c in sorted(conversations):
        if not any(k == "conversation" and i == c and u in outlines for k, i, u in placed):
            problems.append(f'conversation "{c}" is on no section page (so not in the print edition): add '
                            f"`<!-- skills-lab: conversation {c} -->` to the page that teaches it.")
    for skill_id, page in skills.items():
        if any(e["skill"] == skill_id for e in lab.exercises) and ("skill", skill_id, page) not in placed:
            problems.append(f'skill "{skill_id}": its exercises are on no page; add `<!-- skills-lab: skill {skill_id} -->` '
                            f"to docs/{page}, at the end of the part that teaches it.")
    if len(index_pages) != 1:
        problems.append(f"`<!-- skills-lab: index -->` should be on exactly one page (the Skills lab); found on "
                        f"{', '.join(index_pages) or 'none'}.")
    if problems:
        raise PluginError("Skills lab markers:\n  - " + "\n  - ".join(problems) + "\nSee hooks/skills_lab.py and data/README.md.")
    return index_pages[0]


def _items_shown(kind: str, item: str) -> set[tuple[str, str]]:
    if kind == "skill":
        return {("exercise", e["id"]) for e in lab.exercises if e["skill"] == item}
    return {(kind, item)}


def _shown_twice(where: str, items: set[tuple[str, str]], shown: set[tuple[str, str]]) -> list[str]:
    twice = sorted(items & shown)
    shown |= items
    return [f'{where}: {kind} "{item}" is already on this page; keep one marker.' for kind, item in twice]


def _marker_problems(where, kind, item, uri, exercises, conversations, skills) -> list[str]:
    if kind in PAGE_KINDS:
        return [f"{where}: `{kind}` takes no id."] if item else []
    if kind not in KINDS_WITH_ID:
        return [f'{where}: unknown marker "{kind}". Use skill, exercise, conversation, index or journal.']
    known = {"skill": skills, "exercise": exercises, "conversation": conversations}[kind]
    if not item or item not in known:
        return [f'{where}: {kind} "{item or ""}" is not in data/skills-lab/. Known: {", ".join(sorted(known))}.']
    if kind == "skill" and skills[item] != uri:
        return [f'{where}: skill "{item}" is taught on docs/{skills[item]}; put its marker there.']
    return []


def on_page_markdown(markdown, page, config, files):
    uri = page.file.src_uri
    if "skills-lab:" not in markdown:
        return markdown
    blocks: dict[str, str] = {}
    link = _linker(page, files)

    def expand(match: re.Match[str]) -> str:
        kind, item = match["kind"], match["id"]
        if kind == "index":
            return _index_markdown(uri, blocks, link)
        name = f"lab-{len(blocks) + 1}"
        blocks[name] = _block(kind, item, link, files, page)
        heading = f"## {escape_text(strings.get('progress_heading', ''))} {{ #skills-lab-progress }}\n\n" if kind == "progress" else ""
        return f"\n{heading}{marker(name)}\n"

    masked = mask_fenced_code(markdown)
    out, last = [], 0
    for match in MARKER.finditer(masked):
        out += [markdown[last:match.start()], expand(match)]
        last = match.end()
    if not blocks:
        return markdown
    page_blocks[uri] = blocks
    page.meta["skills_lab"] = True
    return "".join(out) + markdown[last:]


def _block(kind, item, link, files, page) -> str:
    if kind == "skill":
        return render.render_skill_set(lab, item, strings)
    if kind == "exercise":
        exercise = next(e for e in lab.exercises if e["id"] == item)
        return render.render_exercise(lab, exercise, render.exercise_numbers(lab)[item], 3, strings)
    if kind == "conversation":
        return render.render_conversation(next(c for c in lab.conversations if c["id"] == item), link, strings, 3)
    if kind == "journal":
        return render.render_journal_tools(strings)
    if kind == "progress":
        url = files.get_file_from_path(lab_page).url_relative_to(page.file)
        return render.render_progress(lab, url, strings)
    raise PluginError(f"docs/{page.file.src_uri}: unknown skills-lab marker {kind!r}.")


def _index_markdown(uri: str, blocks: dict[str, str], link) -> str:
    """The Skills lab page's body: a part per skill, by difficulty, then the conversations."""
    numbers = render.exercise_numbers(lab)
    out = []
    for skill in lab.skills:
        exercises = [e for e in lab.exercises if e["skill"] == skill["id"]]
        if not exercises:
            continue
        page, _, anchor = skill["teaches"].partition("#")
        target = posixpath.relpath(page, posixpath.dirname(uri) or ".")
        out.append(f"## {escape_text(skill['name'])} {{ #lab-{skill['id']} }}\n\n"
                   f"[{escape_text(strings.get('learn_more', '{where}').replace('{where}', link(skill['teaches'])[1]))}]({target}#{anchor})\n")
        for difficulty in lab.difficulties:
            chosen = [e for e in exercises if e["difficulty"] == difficulty["id"]]
            if not chosen:
                continue
            name = f"lab-{len(blocks) + 1}"
            blocks[name] = render.render_exercise_set(lab, chosen, numbers, 4, strings)
            out.append(f"### {escape_text(difficulty['name'])} {{ #lab-{skill['id']}-{difficulty['id']} }}\n\n{marker(name)}\n")
    out.append(f"## {escape_text(strings.get('conversations_heading', ''))} {{ #lab-conversations }}\n")
    for conversation in lab.conversations:
        name = f"lab-{len(blocks) + 1}"
        blocks[name] = render.render_conversation(conversation, link, strings, None)
        out.append(f"### {escape_text(conversation['title'])} {{ #lab-conversation-{conversation['id']} }}\n\n{marker(name)}\n")
    return "\n" + "\n".join(out) + "\n"


def _linker(page, files):
    """(page.md#anchor) -> (its URL from this page, "4.1 Active listening: Paraphrase")."""
    def link(teaches: str) -> tuple[str, str]:
        target, _, anchor = teaches.partition("#")
        outline = outlines[target]
        part = next(p for p in outline.parts if p.anchor == anchor)
        url = files.get_file_from_path(target).url_relative_to(page.file) + "#" + anchor
        return url, f"{outline.title}: {part.title}"
    return link


@event_priority(-10)  # after the search plugin (0) has read the page; before hooks/concepts.py (-50)
def on_page_context(context, page, config, nav):
    """The lab's blocks go in once search has read the page: practice stays out of the index
    (a search leads to the text that teaches), and search's parser no longer reads a
    page's twenty-odd exercises only to drop them (its largest cost on those pages)."""
    blocks = page_blocks.pop(page.file.src_uri, None)
    if blocks:
        page.content = fill(page.content, blocks, page.file.src_uri)
    return context


def on_post_page(output, page, config):
    uri = page.file.src_uri
    if not page.meta.get("skills_lab") and uri != PRINT_PAGE:
        return output
    css = get_relative_url("assets/lab.css", page.url)
    output = output.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
    if uri == PRINT_PAGE:
        return output
    js = get_relative_url("assets/lab.js", page.url)
    tail = f'{interface_strings.json_block(all_strings, "lab")}\n<script src="{js}" defer></script>\n</body>'
    before, found, after = output.rpartition("</body>")
    return before + tail + after if found else output
