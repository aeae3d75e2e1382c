"""An instructor's fork passes the build and the tests unchanged.

In a temporary copy of the guide, as an instructor would: rename the guide and the course,
add a page that keeps the page rules (tests/fork_page.md, with a new glossary term), and
remove a whole chapter. The first build must fail naming every place that still points to
the removed pages, each with file and line, in one pass; once those are fixed (links,
glossary entries and their see_also items, references and figures nobody uses any more),
the fork builds strictly and the build-level tests pass on it, unchanged.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from shared.citation_check import find_citations, reference_index, reference_keys, resolve
from shared.law_check import LawEntry, mentioned
from conftest import ROOT, copy_project, run_build
from guide_facts import CHAPTERS, data
from shared.page_outline import mask_fenced_code

FORK_NAME = "Relation d'aide I"
FORK_TESTS = ["test_content.py", "test_site_build.py", "test_print_page.py", "test_figures.py",
              "test_glossary_unit.py", "test_comparison_unit.py", "test_qti_export.py", "test_moodle_export.py",
              "test_flashcards.py", "test_review_data.py", "test_offline_cache.py"]
PAGE_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<path>[^)\s#:]*\.md)(?:#[^)\s]*)?\)")


def chapter_to_remove() -> str:
    """The last chapter folder that holds no page of the framework comparison."""
    hosts = {f["page"].split("/")[0] for f in data("comparison")["frameworks"]}
    return next(c.split("/")[0] for c in reversed(CHAPTERS) if c.split("/")[0] not in hosts)


def chapter_to_grow(removed: str) -> str:
    folders = [c.split("/")[0] for c in CHAPTERS if not c.startswith(removed + "/")]
    return next((f for f in folders if "skill" in f), folders[-1])


# ---------- the instructor's edits


def rename(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = re.sub(r"^site_name: .*$", f'site_name: "{FORK_NAME}"', config.read_text(encoding="utf-8"), count=1, flags=re.M)
    text = re.sub(r"^(  course:\n    name: ).*$", rf'\g<1>"{FORK_NAME}"', text, count=1, flags=re.M)
    config.write_text(text, encoding="utf-8")


def add_page(project: Path, folder: str) -> str:
    number = f"{int(folder[:2])}.9"
    uri = next(f"{folder}/{name}.md" for name in ("using-silence", "using-silence-fork", "using-silence-fork-2")
               if not (project / "docs" / folder / f"{name}.md").exists())
    page = (Path(__file__).parent / "fork_page.md").read_text(encoding="utf-8").replace("{number}", number)
    (project / "docs" / uri).write_text(page, encoding="utf-8")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max(i for i, line in enumerate(lines) if re.search(rf":? {re.escape(folder)}/[\w-]+\.md\s*$", line))
    indent = re.match(r"^( *)", lines[last])[1]
    lines.insert(last + 1, f"{indent}- {number} Using silence: {uri}\n")
    config.write_text("".join(lines), encoding="utf-8")
    glossary = project / "data" / "glossary.yml"
    if "therapeutic silence" not in glossary.read_text(encoding="utf-8").lower():
        with glossary.open("a", encoding="utf-8") as out:
            out.write(f"\n  - term: therapeutic silence\n    french: silence thérapeutique\n"
                      f"    definition: A pause the helper leaves on purpose so that the client can think, feel or go on.\n"
                      f"    forms: [working silence]\n    introduced_in: {uri}\n")
    people = project / "data" / "people.yml"  # the page's people, listed as an instructor would
    if people.is_file() and "name: Barnabé" not in people.read_text(encoding="utf-8"):
        with people.open("a", encoding="utf-8") as out:
            for name, age, about in (("Barnabé", 52, "a sawmill worker who lost his job"),
                                     ("Zéphyrine", 29, "a client telling a helper about her divorce"),
                                     ("Ignace", 45, "a client unsure of his goals")):
                out.write(f"  - name: {name}\n    age: {age}\n    about: {about}\n    appears_in: [{uri}]\n")
    return uri


def remove_chapter(project: Path, folder: str) -> list[str]:
    removed = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs" / folder).rglob("*.md"))
    shutil.rmtree(project / "docs" / folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(rf"^( *)- [^\n]*:\n(?:\1 +[^\n]*\n)*?\1 +- (?:[^\n]*: )?{re.escape(folder)}/index\.md\n(?:\1 +[^\n]*\n)*", text, re.M)
    config.write_text(text[: block.start()] + text[block.end():], encoding="utf-8")
    return removed


def fix_dependents(project: Path, removed: list[str]) -> None:
    """What an instructor does after reading the build's list: unlink, drop, tidy."""
    for page in (project / "docs").rglob("*.md"):
        uri = page.relative_to(project / "docs").as_posix()
        kept = []
        for line in page.read_text(encoding="utf-8").splitlines(keepends=True):
            gone = [m for m in PAGE_LINK.finditer(line) if _target(uri, m["path"]) in removed]
            if gone and re.match(r"\s*(?:[-*]|\d+\.)\s", line) and gone[0].start() == PAGE_LINK.search(line).start():
                continue  # a list item about the removed page
            for match in reversed(gone):
                line = line[: match.start()] + match["text"] + line[match.end():]
            kept.append(line)
        page.write_text("".join(kept), encoding="utf-8")
    glossary = yaml.safe_load((project / "data/glossary.yml").read_text(encoding="utf-8"))
    dropped = {e["term"] for e in glossary["terms"] if e["introduced_in"] in removed}
    glossary["terms"] = [e for e in glossary["terms"] if e["term"] not in dropped]
    for entry in glossary["terms"]:
        if entry.get("see_also"):
            entry["see_also"] = [t for t in entry["see_also"] if t not in dropped] or None
            if not entry["see_also"]:
                del entry["see_also"]
    _dump(project / "data/glossary.yml", glossary)
    _drop_uncited_references(project)
    used = "\n".join(p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md"))
    for svg in (project / "docs/assets/figures").glob("*.svg"):
        if f"<!-- figure: {svg.stem} -->" not in used:
            svg.unlink()


def _target(uri: str, path: str) -> str:
    import posixpath
    return posixpath.normpath(posixpath.join(posixpath.dirname(uri), path))


def _drop_uncited_references(project: Path) -> None:
    references = yaml.safe_load((project / "data/references.yml").read_text(encoding="utf-8"))
    index = reference_index(r["cite"] for r in references["references"])
    cited = {resolve(c, index) for p in (project / "docs").rglob("*.md") for c in find_citations(p.read_text(encoding="utf-8"))}
    # naming a statute cites it, in pages and in data files alike (hooks/shared/law_check.py)
    laws = [LawEntry(r["cite"], r["chapter"], tuple(r.get("names") or ()), r.get("version_read"))
            for r in references["references"] if r.get("chapter")]
    texts = [p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md")]
    texts += [p.read_text(encoding="utf-8") for p in (project / "data").rglob("*.yml") if p.name != "references.yml"]
    cited |= {reference_keys(cite) for text in texts for cite in mentioned(text, laws)}
    references["references"] = [r for r in references["references"] if reference_keys(r["cite"]) in cited]
    _dump(project / "data/references.yml", references)


def _dump(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


# ---------- the fork, made once


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    base = tmp_path_factory.mktemp("fork")
    project = copy_project(base / "guide")
    for part in ("tests", "tools"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    folder = chapter_to_remove()
    rename(project)
    new_page = add_page(project, chapter_to_grow(folder))
    removed = remove_chapter(project, folder)
    first = run_build(project, base / "site-first")
    fix_dependents(project, removed)
    second = run_build(project, base / "site")
    return {"project": project, "site": base / "site", "removed": removed, "new_page": new_page,
            "first": first.stdout + first.stderr, "first_code": first.returncode,
            "second": second.stdout + second.stderr, "second_code": second.returncode}


def test_removing_a_chapter_reports_every_dependent_in_one_pass(fork):
    """Before the fix: one failed build lists each link (file and line) and each glossary
    entry (line) that still names a removed page."""
    assert fork["first_code"] != 0
    output, project, removed = fork["first"], fork["project"], fork["removed"]
    expected = []
    for page in sorted((project / "docs").rglob("*.md")):
        uri = page.relative_to(project / "docs").as_posix()
        text = mask_fenced_code(page.read_text(encoding="utf-8"))
        for match in PAGE_LINK.finditer(text):
            if _target(uri, match["path"]) in removed:
                expected.append(f"docs/{uri}, line {text.count(chr(10), 0, match.start()) + 1}: links to {match['path']}")
    terms = [e["term"] for e in data("glossary")["terms"] if e["introduced_in"] in removed]
    expected += [f'entry "{term}", line ' for term in terms]
    assert expected, "the removed chapter had no dependents: the check below would prove nothing"
    missing = [e for e in expected if e not in output]
    assert not missing, f"not reported in the first build: {missing}\n{output[-3000:]}"
    assert "Traceback" not in output


def test_the_fork_builds_strictly(fork):
    assert fork["second_code"] == 0, fork["second"][-4000:]
    html = (fork["site"] / "index.html").read_text(encoding="utf-8")
    assert "Relation d&#39;aide I" in html or "Relation d'aide I" in html
    assert (fork["site"] / fork["new_page"][: -len(".md")] / "index.html").is_file()


def test_the_forks_footer_does_not_repeat_its_title(fork):
    html = (fork["site"] / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('class="md-copyright"'):].replace("&#39;", "'")
    assert footer.count(FORK_NAME) == 1, footer[:600]


def test_the_build_level_tests_pass_on_the_fork_unchanged(fork):
    assert fork["second_code"] == 0, "the fork did not build"
    tests = [f"tests/{name}" for name in FORK_TESTS if (fork["project"] / "tests" / name).exists()]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        cwd=fork["project"], capture_output=True, text=True, timeout=900,
        env={**os.environ, "GUIDE_PREBUILT_SITE": str(fork["site"]), "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
