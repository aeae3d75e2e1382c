"""References: the generated references page and the check of every in-text citation.

Reads data/references.yml. Events:
- on_config: load and validate the references, and the page's words (data/interface.yml,
  section "references");
- on_files: generate references.md (a title, an introduction and a marker);
- on_page_content: put the list in place, written as HTML (APA 7, alphabetical);
- on_page_markdown (before mkdocs-quiz, so quiz explanations are checked too):
  fail on a citation that matches no reference, naming the page, line and citation
  (authors' pages only: the print edition repeats text already checked);
- on_post_build: warn (a failure under --strict) about references nobody cites.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import datetime as dt

from shared.citation_check import citation_key, find_citations, first_author, reference_index, reference_keys, resolve
from shared.law_check import LawEntry, entry_problems, format_date, message, read_mentions
from shared.generated_blocks import fill, marker
from shared.guide_data import Field, data_file, load_entries
from shared.interface_strings import filled_html, section_words
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

REFERENCES_FILE = "data/references.yml"
REFERENCES_PAGE = "references.md"
FIELDS = {
    "cite": Field(str, hint='the in-text form, e.g. "Rogers, 1957" or "Elliott et al., 2018"'),
    "apa": Field(str, hint="the full reference in APA 7 style"),
    "url": Field(str, required=False, hint="where the work can be checked"),
    "note": Field(str, required=False, hint="a caveat shown after the entry"),
    # a statute, regulation or code (hooks/shared/law_check.py)
    "chapter": Field(str, required=False, hint='its chapter in the consolidated statutes, e.g. "P-34.1" or "C-26, r. 222.1"'),
    "version_read": Field(str, required=False, hint='the "à jour au" date of the consolidated text read, YYYY-MM-DD'),
    "names": Field(list, required=False, text_items=True, hint="other names the guide gives the work or its author, English and French (a statute: its titles); a citation may use any"),
}
# Data files whose text may name a statute, checked like the pages.
LAW_DATA_FILES = ("data/glossary.yml", "data/comparison.yml", "data/skills-lab/exercises.yml",
                  "data/skills-lab/conversations.yml", "data/people.yml")
# The list is written as HTML (generated_blocks.py): *italics* in the APA text become <em>,
# and a web address in it (a DOI) becomes a link; everything else is escaped text.
ITALICS = re.compile(r"\*([^*\n]+)\*")
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']*[^\s<>\"'.,;:)]")  # a trailing full stop ends the entry
log = get_plugin_logger("references")

references: list[dict] = []
cited: set[tuple[str, str]] = set()
index: dict[tuple[str, str], tuple[str, str]] = {}
words: dict[str, str] = {}  # data/interface.yml, section "references"
laws: list[LawEntry] = []


def on_config(config):
    global references, cited, index, words, laws
    words = section_words(config, "references", ("title", "intro", "version_read", "months", "date"),
                          "title and introduce the references page")
    root = Path(config.config_file_path).parent
    references = load_entries(root / REFERENCES_FILE, root, FIELDS, "cite", "references", _checks)
    cited = set()
    index = reference_index([ref["cite"] for ref in references],
                            {ref["cite"]: ref.get("names") or [] for ref in references})
    laws = [LawEntry(ref["cite"], ref["chapter"], tuple(ref.get("names") or ()), ref.get("version_read"), ref.line)
            for ref in references if ref.get("chapter")]
    problems = []
    for file in map(data_file, LAW_DATA_FILES):
        path = root / file
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            unknown, named = read_mentions(text, laws)
            problems += [message(file, text.count("\n", 0, at) + 1, kind, what, REFERENCES_FILE)
                         for at, kind, what in unknown]
            cited.update(reference_keys(cite) for cite in named)
    if problems:
        raise PluginError("Statutes cited without an entry:\n  - " + "\n  - ".join(problems))


def _checks(entries: list[dict], label) -> list[str]:
    return _web_addresses_only(entries, label) + _legal_entries(entries, label)


def _legal_entries(entries: list[dict], label) -> list[str]:
    """A statute, regulation or code says which version was read (hooks/shared/law_check.py)."""
    today = dt.date.today()
    problems = []
    for i, ref in enumerate(entries):
        if ref.get("chapter"):
            law = LawEntry(ref["cite"], ref["chapter"], tuple(ref.get("names") or ()), ref.get("version_read"))
            problems += entry_problems(law, today, label(i, ref))
        elif ref.get("version_read"):
            problems.append(f'{label(i, ref)}: "version_read" belongs to a legal text: add its "chapter".')
    return problems


def _web_addresses_only(entries: list[dict], label) -> list[str]:
    """`url` becomes a link on the references page: only a web address may be one."""
    return [f'{label(i, ref)}: "url" should start with https:// (or http://), found "{ref["url"]}".'
            for i, ref in enumerate(entries) if ref.get("url") and not re.match(r"https?://", ref["url"])]


def on_files(files, config):
    files.append(File.generated(config, REFERENCES_PAGE, content=references_markdown(words)))
    return files


def on_page_content(html_text, page, config, files):
    if page.file.src_uri != REFERENCES_PAGE:
        return html_text
    return fill(html_text, {"references": render_references(references)}, REFERENCES_PAGE)


@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by:
        return markdown  # generated pages reuse text already checked on its own page
    problems = []
    for citation in find_citations(markdown):
        key = resolve(citation, index)
        if key:
            cited.add(key)
            continue
        source = page.file.content_string  # read from disk: only when there is a problem to place
        line = source[: max(source.find(citation.text), 0)].count("\n") + 1
        problems.append(f"line {line}: {citation.text}")
    unknown, named = read_mentions(markdown, laws)
    source = page.file.content_string if unknown else ""  # read from disk only to place a problem
    law_problems = [message(f"docs/{page.file.src_uri}", source[:max(source.find(what), 0)].count("\n") + 1,
                            kind, what, REFERENCES_FILE)
                    for _, kind, what in unknown]
    if law_problems:
        raise PluginError("Statutes cited without an entry:\n  - " + "\n  - ".join(law_problems))
    cited.update(reference_keys(cite) for cite in named)  # naming a law cites it
    if problems:
        raise PluginError(
            f"docs/{page.file.src_uri}: citation(s) with no entry in {REFERENCES_FILE}:\n  - "
            + "\n  - ".join(problems)
            + f"\nAdd the work to {REFERENCES_FILE} (its `cite:` gives first author and year) "
            "or correct the citation."
        )
    return markdown


def on_post_build(config):
    for ref in references:
        if reference_keys(ref["cite"]) not in cited:
            log.warning(
                f'{REFERENCES_FILE}: "{ref["cite"]}" is cited nowhere in the guide. '
                "Cite it where it is used, or remove the entry."
            )


def references_markdown(words: dict[str, str]) -> str:
    """The page's Markdown: its title, its introduction and the list's marker."""
    return f'# {filled_html(words["title"])}\n\n{filled_html(words["intro"])}\n\n{marker("references")}\n'


def render_references(entries: list[dict], page_words: dict[str, str] | None = None) -> str:
    """The list of references, alphabetical, as HTML. In the APA text, *italics* become <em>
    and a web address becomes a link; anything else that looks like markup is escaped."""
    items = []
    for ref in sorted(entries, key=lambda r: r["apa"].casefold().lstrip("*")):
        text = ITALICS.sub(r"<em>\1</em>", html.escape(" ".join(ref["apa"].split()), quote=False))
        text = WEB_ADDRESS.sub(lambda m: f'<a href="{m[0]}">{m[0]}</a>', text)
        if ref.get("url"):
            url = html.escape(ref["url"])
            text += f' <a href="{url}">{url}</a>'
        if ref.get("version_read"):
            shown = page_words or words
            date = format_date(ref["version_read"], shown["months"].split(), shown["date"])
            text += " " + filled_html(shown["version_read"], date=html.escape(date))
        if ref.get("note"):
            text += f" [{html.escape(ref['note'], quote=False)}]"
        items.append(f"<li>{text}</li>\n")
    return '<div class="references">\n<ul>\n' + "".join(items) + "</ul>\n</div>"
