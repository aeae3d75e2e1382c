"""Are the language editions in step? The same pages, objectives, questions and exercises in each.

Pure functions, no MkDocs events (hooks/language_editions.py calls them). Read straight from the
Markdown and YAML sources, so that the message names both files and the place in each.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from shared.editions import Edition

OBJECTIVE = re.compile(r"<!--\s*objective:\s*([\w-]+)\s*-->")
QUIZ_OBJECTIVES = re.compile(r"<quiz>\s*(?:<!--\s*objectives?:\s*([^>]*?)\s*-->)?")
# data files whose entries are matched by id across editions: file -> (list key, id field)
DATA_IDS = {
    "skills-lab/exercises.yml": [("skills", "id"), ("exercises", "id")],
    "skills-lab/conversations.yml": [("conversations", "id")],
    "comparison.yml": [("frameworks", "id"), ("dimensions", "id")],
}


def _pages(docs: Path) -> set[str]:
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _outline(text: str) -> tuple[list[str], list[str]]:
    """A page's objective ids, and the objectives each of its questions names, in order."""
    return OBJECTIVE.findall(text), [" ".join((m or "").replace(",", " ").split()) for m in QUIZ_OBJECTIVES.findall(text)]


def page_problems(mine: Path, edition: Edition, docs_dirs: dict[str, Path]) -> list[str]:
    """Pages, objectives and questions present in this edition and missing in another, or the reverse."""
    problems = []
    own = _pages(mine)
    for lang, other in docs_dirs.items():
        if lang == edition.lang:
            continue
        theirs = _pages(other)
        for page in sorted(own - theirs):
            problems.append(f"{_shown(mine / page)} has no counterpart {_shown(other / page)}: translate it "
                            "(same path), or remove the page from both editions")
        for page in sorted(theirs - own):
            problems.append(f"{_shown(other / page)} has no counterpart {_shown(mine / page)}: translate it "
                            "(same path), or remove the page from both editions")
        for page in sorted(own & theirs):
            a, b = mine / page, other / page
            (objectives_a, quizzes_a), (objectives_b, quizzes_b) = _outline(a.read_text(encoding="utf-8")), _outline(b.read_text(encoding="utf-8"))
            if objectives_a != objectives_b:
                problems.append(f"{_shown(a)} and {_shown(b)}: different learning objectives "
                                f"({', '.join(objectives_a) or 'none'} / {', '.join(objectives_b) or 'none'}); "
                                "the editions keep the same objective ids in the same order")
            if quizzes_a != quizzes_b:
                first = next((n for n, (x, y) in enumerate(zip(quizzes_a, quizzes_b), 1) if x != y), min(len(quizzes_a), len(quizzes_b)) + 1)
                problems.append(f"{_shown(a)} has {len(quizzes_a)} question(s), {_shown(b)} {len(quizzes_b)}; they differ "
                                f"from question {first} (its objectives): the editions ask the same questions in the same order")
    return problems


def _load(path: Path):
    """A YAML file, parsed by libyaml when available (the glossary is large)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _ids(path: Path) -> dict[str, list[str]]:
    document = _load(path) if path.is_file() else None
    found = {}
    for list_key, id_field in DATA_IDS.get(path.name if path.parent.name != "skills-lab" else f"skills-lab/{path.name}", []):
        items = (document or {}).get(list_key) or []
        found[list_key] = [str(item.get(id_field)) for item in items if isinstance(item, dict)]
    return found


def data_problems(root: Path, folders: dict[str, str]) -> list[str]:
    """Entries (exercises, conversations, frameworks, glossary terms) in one edition's data only."""
    problems = []
    first_lang, first = next(iter(folders.items()))
    for lang, folder in list(folders.items())[1:]:
        for name in DATA_IDS:
            a, b = root / first / name, root / folder / name
            if a.is_file() != b.is_file():
                have, lack = (a, b) if a.is_file() else (b, a)
                problems.append(f"{_shown(have)} has no counterpart {_shown(lack)}: translate it (same ids)")
                continue
            ids_a, ids_b = _ids(a), _ids(b)
            for list_key in ids_a:
                missing = [i for i in ids_a[list_key] if i not in ids_b.get(list_key, [])]
                extra = [i for i in ids_b.get(list_key, []) if i not in ids_a[list_key]]
                if missing or extra:
                    problems.append(f"{_shown(a)} and {_shown(b)}, {list_key}: "
                                    + "; ".join(filter(None, [missing and f"only in {first_lang}: {', '.join(missing)}",
                                                              extra and f"only in {lang}: {', '.join(extra)}"]))
                                    + " (the editions keep the same ids)")
        a, b = root / first / "glossary.yml", root / folder / "glossary.yml"
        if a.is_file() and b.is_file():
            english = [str(t.get("term")) for t in (_load(a) or {}).get("terms") or []]
            linked = [str(t.get("english")) for t in (_load(b) or {}).get("terms") or []]
            missing = [t for t in english if t not in linked]
            extra = [t for t in linked if t not in english]
            if missing or extra:
                problems.append(f"{_shown(a)} and {_shown(b)}: "
                                + "; ".join(filter(None, [missing and f"terms without a {lang} entry (its `english:` names the term): {', '.join(missing)}",
                                                          extra and f"`english:` values naming no term of {_shown(a)}: {', '.join(extra)}"])))
    return problems


def _last_changes(root: Path) -> dict[str, int]:
    """Each file's last commit time (seconds), from one `git log`; {} outside a git work tree."""
    try:
        out = subprocess.run(["git", "log", "--format=@%ct", "--name-only", "--no-renames", "--relative"], cwd=root,
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    seen: dict[str, int] = {}
    when = 0
    for line in out.splitlines():
        if line.startswith("@"):
            when = int(line[1:])
        elif line and line not in seen:
            seen[line] = when
    return seen


def out_of_step(root: Path, docs_dirs: dict[str, Path]) -> list[str]:
    """Translated pages committed before their page in the first edition (the source) last changed."""
    changed = _last_changes(root)
    (_, source), *others = docs_dirs.items()
    if not changed or not source.is_relative_to(root):
        return []
    lagging = []
    for page in sorted(_pages(source)):
        original = changed.get((source / page).relative_to(root).as_posix())
        for _, other in others:
            if not other.is_relative_to(root):
                continue
            translated = changed.get((other / page).relative_to(root).as_posix())
            if original and translated and translated < original:
                lagging.append(f"{(other / page).relative_to(root).as_posix()} is older than "
                               f"{(source / page).relative_to(root).as_posix()}: carry the changes over")
    return lagging
