"""Helpers shared by the benchmark scripts: temporary projects, timed builds, medians.

The guide's budgets are per language edition (README, "Languages"): each edition is built and
measured apart, the first with GUIDE_EDITIONS=first (its build would otherwise build the others
into its folders, inside the timing), each other from its own config file (mkdocs.fr.yml) and
its own no-hooks twin."""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKILLS_LAB_MARKER = re.compile(r"^<!-- skills-lab: .*-->\n", re.M)
sys.path.insert(0, str(ROOT / "tools"))
from guide_project import copy_project, editions, load_config  # noqa: E402  (shared with the tests)


def project_editions(project: Path) -> list[dict]:
    """Each language edition of a project: lang, folder in the site ("" or "fr/"), its config
    file, its no-hooks twin (written by temp_project) and its docs_dir."""
    found = []
    for edition in editions(load_config(project)):
        suffix = "" if not edition["folder"] else f".{edition['lang']}"
        found.append({**edition, "config": f"mkdocs{suffix}.yml", "nohooks": f"mkdocs-nohooks{suffix}.yml",
                      "docs_dir": project / load_config(project, edition["lang"])["docs_dir"]})
    return found


def temp_project(copies: int = 1) -> Path:
    """A copy of the guide; with copies > 1 every chapter folder of every edition is
    duplicated that many times (the editions keep the same pages, as their builds check)."""
    dest = copy_project(Path(tempfile.mkdtemp(prefix="guide-bench-")), all_editions=True)
    for edition in project_editions(dest):
        for chapter in sorted(edition["docs_dir"].glob("[0-9][0-9]-*")):
            for k in range(2, copies + 1):
                copy = chapter.with_name(f"{chapter.name}-copy{k}")
                shutil.copytree(chapter, copy)
                # a Skills lab exercise belongs to one page: the copies keep the text, not the markers
                for page in copy.glob("*.md"):
                    text = page.read_text(encoding="utf-8")
                    page.write_text(SKILLS_LAB_MARKER.sub("", text), encoding="utf-8")
        # The same config without the guide's hooks: the baseline the hooks are measured against.
        (dest / edition["nohooks"]).write_text(f"INHERIT: {edition['config']}\nhooks: []\n", encoding="utf-8")
    if copies > 1:
        _people_in_copies(dest / "data" / "people.yml", copies)
        _case_pages_in_copies(dest / "mkdocs.yml")
    return dest


def _case_pages_in_copies(config_file: Path) -> None:
    """A copy of a case-study chapter is one too: mkdocs.yml's case_study_pages patterns
    ("07-case-studies/*") match its copies ("07-case-studies-copy2/*")."""
    text = config_file.read_text(encoding="utf-8")
    text = re.sub(r"(case_study_pages:\s*\[[^\]]*\])",
                  lambda m: re.sub(r"(\d\d-[\w-]+)/", r"\1*/", m[1]), text)
    config_file.write_text(text, encoding="utf-8")


def _people_in_copies(people_file: Path, copies: int) -> None:
    """The people of a chapter appear in its copies too (data/people.yml's appears_in), so that
    the one-name-one-person check runs, and passes, on every copy."""
    import yaml

    if not people_file.is_file():
        return
    data = yaml.safe_load(people_file.read_text(encoding="utf-8")) or {}
    for person in data.get("people") or []:
        pages = person.get("appears_in") or []
        person["appears_in"] = pages + [re.sub(r"^(\d\d-[^/]+)/", rf"\1-copy{k}/", page)
                                        for k in range(2, copies + 1) for page in pages if re.match(r"\d\d-[^/]+/", page)]
    people_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Builds run as on an author's machine: Python may cache the hooks' bytecode (the warm-up
# build writes it). Some sandboxes set PYTHONDONTWRITEBYTECODE, which would make every
# timed build recompile the hooks from source (~25 ms) and measure that instead.
BUILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
BUILD_ENV["NO_MKDOCS_2_WARNING"] = "1"
BUILD_ENV["GUIDE_EDITIONS"] = "first"  # one edition per build: mkdocs.yml's does not build fr/ too


def timed_build(project: Path, config: str = "mkdocs.yml") -> float:
    return build_times(project, config)[0]


def build_times(project: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """Wall-clock seconds of one build, and the CPU seconds it used (user + system).

    On a shared machine, time spent waiting for the CPU inflates the wall clock but not
    the CPU time, so the CPU time is the steadier measure of what the build costs."""
    site = Path(tempfile.mkdtemp(prefix="guide-bench-site-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
        cwd=project, check=True, capture_output=True,
        env=BUILD_ENV,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(site, ignore_errors=True)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(values: list[float]) -> float:
    return statistics.median(values)


def project_at(ref: str) -> Path:
    """The guide's source as it was at git revision `ref` (a commit, branch or tag), in a
    temporary folder: the baseline that `--baseline REF` compares against."""
    dest = Path(tempfile.mkdtemp(prefix="guide-baseline-"))
    archive = subprocess.run(["git", "archive", "--format=tar", ref], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def baseline_ref(argv: list[str]) -> str | None:
    """The REF of a `--baseline REF` argument, if given."""
    return argv[argv.index("--baseline") + 1] if "--baseline" in argv else None
