"""Export the guide's question bank as QTI 1.2 and QTI 2.1 packages for an LMS.

usage: python tools/export_qti.py [OUTPUT_DIR]      (or: make qti)

Writes OUTPUT_DIR/helping-relationship-qti12.zip and ...-qti21.zip (default: exports/), and
the same by chapter in OUTPUT_DIR/qti-by-chapter/ (02-foundations-qti21.zip, ...).
Moodle reads Moodle XML natively, not QTI: use tools/export_moodle.py (make moodle) for it.
Wraps mkdocs-quiz's own exporter (`mkdocs-quiz export qti`) and fixes two things on
our side:
- mkdocs-quiz 1.7.1 escapes `&`, `<` and `>` but not quotation marks in XML attribute
  values (each item's `title`), so a question quoting a client ("I'm tired") gives
  malformed XML. Upstream would need `xml.sax.saxutils.quoteattr` (or `escape` with
  {'"': '&quot;'}) for attributes in qti/utils.py, qti12.py and qti21.py.
- Explanations link to headings of the guide with relative Markdown links, which mean
  nothing inside an LMS and which the exporter copies as Markdown text; they are rewritten
  to HTML links to the hosted guide (`site_url`), which the exporter keeps as HTML.
- Question titles are plain text (mkdocs-quiz keeps Markdown marks such as `**`).
- A blank accepting several forms (`[[follow-up | follow up]]`): each form is a right answer,
  the first one the correct response. QTI 1.2: the blank's condition is an <or> of one
  <varequal> per form. QTI 2.1: a `single` response holds one <correctResponse> value (the
  canonical form); a <mapping> lists every form, and the response processing matches any of
  them (stringMatch, case ignored).
- Multiple-answer items are graded as in the Moodle export: each right choice earns 1/k of
  the mark (k right choices), each wrong one costs as much, or 1/w (w wrong choices) when
  that is more, never below 0: ticking every box earns nothing. QTI 1.2 adds and takes away
  per choice; QTI 2.1 does it with a <mapping> of the choices and mapResponse.
The links point to `site_url`: the export stops while it is the shipped placeholder, unless
given --allow-placeholder-url.
Each item also carries the learning objective(s) it checks (hooks/shared/objective_rules.py), so
that an LMS report groups by objective: its title starts with the objective's label
(`empathy-and-trust/rate-empathy: A client says...`); QTI 1.2 items get a `learning_objective`
metadata field per objective (label, then text), and QTI 2.1 items an LOM classification
"educational objective" in the manifest. The quiz's `<!-- objectives: ... -->` line is left
out of the question.
"""

from __future__ import annotations

import argparse
import posixpath
import re
import shutil
import sys
import tempfile
from pathlib import Path
from xml.sax import saxutils

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "hooks")]

from guide_project import ALLOW_PLACEHOLDER, editions, export_site_url, load_config  # noqa: E402
from shared.page_outline import is_chapter_page, nav_order  # noqa: E402
from shared.objective_rules import QUIZ_OBJECTIVES, read_bank  # noqa: E402  (the guide's own reading of objectives)
from shared.question_cues import rendered_text  # noqa: E402
from shared.quiz_source import blank_forms  # noqa: E402

QUIZ = re.compile(r"<quiz>.*?</quiz>", re.S)
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<path>[^)#\s]*)(?P<anchor>#[\w-]+)?\)")


def escape_with_quotes(text: str, entities: dict | None = None) -> str:
    """XML escaping that is also safe inside a double-quoted attribute."""
    return saxutils.escape(text, {'"': "&quot;", **(entities or {})})


def plain_title(question: str, max_length: int = 50) -> str:
    """An item's title as plain text: no Markdown or HTML, blanks shown as ___."""
    text = re.sub(r"\{\{BLANK_\d+\}\}", "___", rendered_text(question))
    return escape_with_quotes(text[:max_length])


def patch_exporter() -> None:
    """Make mkdocs-quiz's QTI writers escape quotation marks and write plain titles (see the
    module docstring)."""
    from mkdocs_quiz.qti import qti12, qti21, utils

    for module in (utils, qti12, qti21):
        module.xml_escape = escape_with_quotes
        module.make_title = plain_title


def split_blank_forms(collection) -> dict[str, list[str]]:
    """Each blank's canonical form as its answer; returns blank identifier -> every accepted form."""
    forms = {}
    for quiz in collection.quizzes:
        for blank in quiz.blanks:
            forms[blank.identifier] = blank_forms(blank.correct_answer)
            blank.correct_answer = forms[blank.identifier][0]
    return forms


def multiple_shares(right: int, wrong: int) -> tuple[float, float]:
    """(share earned by each right choice, share lost by each wrong one), from 0 to 1."""
    return 1 / right, (1 / min(right, wrong) if wrong else 0.0)


def with_accepted_forms(xml: str, forms: dict[str, list[str]]) -> str:
    """A fill-in item (either version) whose blanks accept each of their forms."""
    for identifier, accepted in forms.items():
        if f'"{identifier}"' not in xml:
            continue
        # QTI 1.2: <varequal respident="blank_x" case="No">canonical</varequal>
        one = re.compile(rf'<varequal respident="{identifier}" case="No">[^<]*</varequal>')
        xml = one.sub(lambda _: "<or>" + "".join(f'<varequal respident="{identifier}" case="No">'
                                                 f"{escape_with_quotes(f)}</varequal>" for f in accepted) + "</or>", xml)
        # QTI 2.1: the declaration lists every form; the processing matches any of them
        mapping = ('    <mapping defaultValue="0">\n' + "".join(
            f'      <mapEntry mapKey="{escape_with_quotes(f)}" mappedValue="1"/>\n' for f in accepted) + "    </mapping>\n")
        xml = re.sub(rf'(<responseDeclaration identifier="{identifier}"[^>]*>\s*<correctResponse>.*?</correctResponse>\n)',
                     lambda m: m[1] + mapping, xml, count=1, flags=re.S)
        match = re.compile(rf'<stringMatch caseSensitive="false">\s*<variable identifier="{identifier}"/>\s*'
                           rf'<correct identifier="{identifier}"/>\s*</stringMatch>')
        xml = match.sub(lambda _: "<or>" + "".join(
            f'<stringMatch caseSensitive="false"><variable identifier="{identifier}"/>'
            f'<baseValue baseType="string">{escape_with_quotes(f)}</baseValue></stringMatch>' for f in accepted)
            + "</or>", xml)
    return xml


def with_multiple_grading(xml: str, quiz) -> str:
    """A multiple-answer item graded choice by choice (see the module docstring)."""
    if quiz.is_fill_in_blank or not quiz.is_multiple_choice:
        return xml
    earned, cost = multiple_shares(len(quiz.correct_answers), len(quiz.incorrect_answers))
    right = {a.identifier for a in quiz.correct_answers}
    # QTI 1.2: one respcondition per choice, adding or taking away points (out of 100)
    for answer in quiz.answers:
        points = 100 * earned if answer.identifier in right else -100 * cost
        xml = re.sub(rf'(<varequal respident="response1">{re.escape(answer.identifier)}</varequal>\s*</conditionvar>\s*'
                     rf'<setvar action="Add" varname="SCORE">)-?[\d.]+(</setvar>)', rf"\g<1>{points:.4f}\g<2>", xml)
    # QTI 2.1: a mapping of the choices, bounded to 0-1, and the score is the mapped response
    if "<choiceInteraction" in xml and 'cardinality="multiple"' in xml:
        entries = "".join(f'      <mapEntry mapKey="{a.identifier}" mappedValue="{earned if a.identifier in right else -cost:.7f}"/>\n'
                          for a in quiz.answers)
        xml = re.sub(r'(<responseDeclaration identifier="RESPONSE" cardinality="multiple"[^>]*>\s*<correctResponse>.*?'
                     r'</correctResponse>\n)', lambda m: m[1] + f'    <mapping lowerBound="0" upperBound="1" '
                     f'defaultValue="0">\n{entries}    </mapping>\n', xml, count=1, flags=re.S)
        xml = re.sub(r"<responseProcessing>.*?</responseProcessing>", "<responseProcessing>\n    <setOutcomeValue "
                     'identifier="SCORE">\n      <mapResponse identifier="RESPONSE"/>\n    </setOutcomeValue>\n  '
                     "</responseProcessing>", xml, count=1, flags=re.S)
    return xml


def page_url(src_uri: str) -> str:
    """The URL path of a page under MkDocs' directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def absolute_links(markdown: str, src_uri: str, site_url: str) -> str:
    """Turn the Markdown links inside quiz blocks into HTML links on the hosted guide."""

    def rewrite_link(match: re.Match[str]) -> str:
        path, anchor = match["path"], match["anchor"] or ""
        if re.match(r"(?:https?|mailto):", path):
            href = path + anchor
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) if path else src_uri
            href = f"{site_url}{page_url(target)}{anchor}"
        return f'<a href="{escape_with_quotes(href)}">{match["text"]}</a>'

    return QUIZ.sub(lambda quiz: LINK.sub(rewrite_link, quiz[0]), markdown)


def prepared_docs(docs: Path, site_url: str) -> Path:
    """A temporary copy of the pages whose quiz links point at the hosted guide."""
    copy = Path(tempfile.mkdtemp(prefix="guide-qti-"))
    for page in docs.rglob("*.md"):
        src_uri = page.relative_to(docs).as_posix()
        target = copy / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(absolute_links(page.read_text(encoding="utf-8"), src_uri, site_url), encoding="utf-8")
    return copy


def question_objectives(docs: Path) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(page, question number) -> the (label, text) of each objective the question checks."""
    sources = {page.relative_to(docs).as_posix(): page.read_text(encoding="utf-8") for page in docs.rglob("*.md")}
    bank = read_bank(sources)
    return {(q.page, q.number): [(bank.objectives[k].label, rendered_text(bank.objectives[k].text).rstrip(";,. "))
                                 for k in q.objectives]
            for q in bank.questions}


def tag_objectives(collection, docs: Path, objectives: dict) -> dict[str, list[tuple[str, str]]]:
    """Take each quiz's objectives line out of its question; returns quiz identifier -> objectives."""
    numbers: dict[str, int] = {}
    tagged = {}
    for quiz in collection.quizzes:
        page = Path(quiz.source_file).relative_to(docs).as_posix() if quiz.source_file else ""
        numbers[page] = numbers.get(page, 0) + 1
        tagged[quiz.identifier] = objectives.get((page, numbers[page]), [])
        lines = quiz.question.split("\n")
        if lines and QUIZ_OBJECTIVES.match(lines[0]):
            quiz.question = "\n".join(lines[1:]).strip()
    return tagged


def with_objectives(xml: str, identifier: str, objectives: list[tuple[str, str]]) -> str:
    """An item's XML (either version) with its objectives in its title and, in QTI 1.2, its metadata."""
    if not objectives:
        return xml
    labels = escape_with_quotes(", ".join(label for label, _ in objectives))
    xml = re.sub(rf'(ident(?:ifier)?="{re.escape(identifier)}"\s+title=")', rf"\g<1>{labels}: ", xml, count=1)
    fields = "".join(f"\n        <qtimetadatafield>\n          <fieldlabel>learning_objective</fieldlabel>\n"
                     f"          <fieldentry>{escape_with_quotes(f'{label}: {text}')}</fieldentry>\n"
                     f"        </qtimetadatafield>" for label, text in objectives)
    return xml.replace("<itemmetadata>\n      <qtimetadata>", f"<itemmetadata>\n      <qtimetadata>{fields}", 1)


def manifest_with_objectives(manifest: str, tagged: dict[str, list[tuple[str, str]]]) -> str:
    """QTI 2.1: each item's resource in the manifest classified by its objectives (IEEE LOM)."""
    def classify(match: re.Match[str]) -> str:
        objectives = tagged.get(match["id"], [])
        if not objectives:
            return match[0]
        entries = "".join(
            "<imsmd:classification><imsmd:purpose><imsmd:source>LOMv1.0</imsmd:source>"
            "<imsmd:value>educational objective</imsmd:value></imsmd:purpose><imsmd:description>"
            f"<imsmd:string>{escape_with_quotes(f'{label}: {text}')}</imsmd:string></imsmd:description>"
            "</imsmd:classification>" for label, text in objectives)
        return f"{match[0]}\n  <metadata><imsmd:lom>{entries}</imsmd:lom></metadata>"

    return re.sub(r'<resource identifier="(?P<id>[^"]+)" type="imsqti_item_xmlv2p1"[^>]*>', classify, manifest)


def exporter_with_objectives(collection, version, tagged, forms=None):
    """mkdocs-quiz's exporter, its items and (QTI 2.1) manifest carrying the objectives, its
    blanks accepting each of their forms and its multiple-answer items graded choice by choice."""
    from mkdocs_quiz.qti import QTIExporter

    exporter = QTIExporter.create(collection, version)
    items, manifest = exporter.generate_items, exporter.generate_manifest
    quizzes = {quiz.identifier: quiz for quiz in collection.quizzes}

    def item(name: str, xml: str) -> str:
        identifier = name[len("items/"):-len(".xml")]
        xml = with_accepted_forms(xml, forms or {})
        xml = with_multiple_grading(xml, quizzes[identifier]) if identifier in quizzes else xml
        return with_objectives(xml, identifier, tagged.get(identifier, []))

    exporter.generate_items = lambda: {name: item(name, xml) for name, xml in items().items()}
    exporter.generate_manifest = lambda: manifest_with_objectives(manifest(), tagged)
    return exporter


def export(output_dir: Path, root: Path = ROOT, prefix: str = "helping-relationship", chapter: str | None = None,
           allow_placeholder: bool = True, lang: str | None = None) -> list[Path]:
    """Write the QTI 1.2 and 2.1 packages (of one chapter folder, if given) of the edition in
    `lang` (None: the first); returns their paths."""
    from mkdocs_quiz.qti import QTIVersion, extract_quizzes_from_directory

    patch_exporter()
    config = load_config(root, lang)
    site_url = export_site_url(config, allow_placeholder)
    title = str(config["site_name"])
    objectives = question_objectives(root / config["docs_dir"])
    docs = prepared_docs(root / config["docs_dir"], site_url)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        source = docs / chapter if chapter else docs
        for version, suffix in (("1.2", "qti12"), ("2.1", "qti21")):
            collection = extract_quizzes_from_directory(source, recursive=True)
            collection.title = f"{title}: {chapter_titles(config).get(chapter, chapter)}" if chapter else title
            tagged = tag_objectives(collection, docs, objectives)
            forms = split_blank_forms(collection)
            path = output_dir / f"{prefix}-{suffix}.zip"
            exporter_with_objectives(collection, QTIVersion.from_string(version), tagged, forms).export_to_zip(path)
            written.append(path)
    finally:
        shutil.rmtree(docs, ignore_errors=True)
    return written


def chapter_titles(config: dict) -> dict[str, str]:
    """Chapter folder -> its title in `nav:` ("02-foundations" -> "2 Foundations")."""
    titles = {}
    for item in config.get("nav") or []:
        if isinstance(item, dict):
            for title, value in item.items():
                pages = nav_order(value)
                folders = {p.split("/")[0] for p in pages if is_chapter_page(p)}
                if len(folders) == 1:
                    titles[folders.pop()] = title
    return titles


def export_by_chapter(output_dir: Path, root: Path = ROOT, allow_placeholder: bool = True,
                      lang: str | None = None) -> list[Path]:
    """One pair of packages per chapter folder that holds questions, in nav order."""
    written = []
    config = load_config(root, lang)
    for folder in chapter_titles(config):
        if any("<quiz>" in p.read_text(encoding="utf-8") for p in (root / config["docs_dir"] / folder).glob("*.md")):
            written += export(output_dir, root, prefix=folder, chapter=folder, allow_placeholder=allow_placeholder, lang=lang)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Export the guide's questions as QTI 1.2 and QTI 2.1 packages "
                    "(for Canvas, Blackboard, Brightspace; Moodle imports tools/export_moodle.py's XML).")
    parser.add_argument("output_dir", nargs="?", type=Path, default=ROOT / "exports",
                        help="folder for the .zip packages (default: exports/)")
    parser.add_argument(ALLOW_PLACEHOLDER, action="store_true",
                        help="export even though site_url is still the shipped placeholder (a trial: the links will not work)")
    parser.add_argument("--lang", help="one language edition (its code in mkdocs.yml's extra.alternate); "
                        "default: every edition, the others' packages named and foldered with their code")
    args = parser.parse_args(argv)
    out, allow = args.output_dir, args.allow_placeholder_url
    export_site_url(load_config(ROOT), allow)  # before anything is written
    first, *others = editions(load_config(ROOT))
    for edition in [e for e in [first, *others] if args.lang in (None, e["lang"])]:
        lang, suffix = edition["lang"], "" if edition is first else f"-{edition['lang']}"
        packages = (export(out, prefix=f"helping-relationship{suffix}", allow_placeholder=allow, lang=lang)
                    + export_by_chapter(out / f"qti-by-chapter{suffix}", allow_placeholder=allow, lang=lang))
        for package in packages:
            print(f"wrote {package.relative_to(ROOT) if package.is_relative_to(ROOT) else package}")


if __name__ == "__main__":
    main()
