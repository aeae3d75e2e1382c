"""Where the hooks' build time goes, and how it grows with the number of pages.

Builds 1x, 4x and 16x copies of the chapters (or the scales given: `hook_cost.py RUNS 1,4`),
each language edition apart (the budgets are per language: mkdocs.yml with GUIDE_EDITIONS=first,
so that its build does not build fr/ inside the timing, then mkdocs.fr.yml; bench/common.py),
each in a fresh Python process (as
`mkdocs build` runs, with the hooks' bytecode cached as on an author's machine), and
attributes to the hooks, within that one build: loading the hook modules, every hook event (each wrapped in a
timer), and building the pages they generate (glossary, index, comparison, progress,
references, print edition), which do not exist without them. Prints each part, the
time per page (linear growth shows as a steady figure), and the ratio these imply:
build / (build - hooks' share), where "build" is the wall time of the whole process
(start-up, build and exit, as `mkdocs build` takes).

Both sides of that ratio come from the same build, so a machine that runs slower or
faster for a while moves them together: on a shared machine this is far steadier than
the wall-clock ratio of separate builds (bench/build_time.py), which it complements.
It leaves out indirect costs (memory, a larger site to write), so it reads slightly low.
"""

from __future__ import annotations

import compileall
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import BUILD_ENV, project_editions, temp_project


def timed_build(project: Path, config_file: str = "mkdocs.yml") -> tuple[int, dict[str, float], float]:
    import mkdocs.commands.build as build_module
    from mkdocs.config import config_options, load_config

    site = tempfile.mkdtemp(prefix="hook-cost-site-")
    os.chdir(project)
    spent: dict[str, float] = defaultdict(float)
    in_hooks = [0.0]  # hook event time, to leave out of the generated pages' own time

    load_hook = config_options.Hooks._load_hook

    def timed_load(self, name, path):
        start = time.perf_counter()
        try:
            return load_hook(self, name, path)
        finally:
            spent["(loading the hook modules)"] += time.perf_counter() - start

    config_options.Hooks._load_hook = timed_load
    start = time.perf_counter()
    try:
        config = load_config(str(project / config_file), site_dir=site)
    finally:
        config_options.Hooks._load_hook = load_hook
    hook_modules = set(config.hooks.values())
    for event, handlers in config.plugins.events.items():
        for i, handler in enumerate(handlers):
            module = sys.modules.get(getattr(handler, "__module__", ""))
            if module in hook_modules:
                handlers[i] = _timed(handler, handler.__module__, spent, in_hooks)
    originals = {name: getattr(build_module, name) for name in ("_populate_page", "_build_page")}
    for name, original in originals.items():
        setattr(build_module, name, _generated_page_timer(original, spent, in_hooks))
    try:
        build_module.build(config)
    finally:
        for name, original in originals.items():
            setattr(build_module, name, original)
    total = time.perf_counter() - start
    pages = sum(1 for _ in Path(config.docs_dir).rglob("*.md"))
    shutil.rmtree(site, ignore_errors=True)
    return pages, spent, total


def _timed(handler, name, spent, in_hooks):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            spent[name] += elapsed
            in_hooks[0] += elapsed
    wrapper.mkdocs_priority = getattr(handler, "mkdocs_priority", 0)
    return wrapper


def _generated_page_timer(original, spent, in_hooks):
    """Time MkDocs spends on a page a hook generated, less the hook events inside it
    (already counted under their module)."""
    def wrapper(page, *args, **kwargs):
        if not page.file.generated_by:
            return original(page, *args, **kwargs)
        start, hooks_before = time.perf_counter(), in_hooks[0]
        try:
            return original(page, *args, **kwargs)
        finally:
            own = time.perf_counter() - start - (in_hooks[0] - hooks_before)
            spent[f"(MkDocs building {page.file.src_uri})"] += own
    return wrapper


def measure_in_fresh_process(copies: int, config_file: str = "mkdocs.yml") -> tuple[int, dict[str, float], float]:
    """timed_build() of one edition's config file run by a new interpreter, so nothing is
    imported or compiled yet. Returns the pages, the hooks' share and the wall time of that
    whole process (start-up, build and exit, as `mkdocs build` takes), on a project copied beforehand."""
    project = temp_project(copies)
    compileall.compile_dir(str(project / "hooks"), quiet=1)  # as after any earlier build
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--project", str(project), config_file], check=True,
                         capture_output=True, text=True, env=BUILD_ENV, cwd=Path(__file__).parent).stdout
    wall = time.perf_counter() - start
    shutil.rmtree(project, ignore_errors=True)
    result = json.loads(out.strip().splitlines()[-1])
    return result["pages"], result["spent"], wall


def main(argv: list[str]) -> None:
    logging.disable(logging.WARNING)  # copies of pages are not in nav: expected notices
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if len(argv) > 2 and argv[1] == "--project":  # the child process: one build, as JSON
        pages, spent, total = timed_build(Path(argv[2]), *argv[3:4])
        print(json.dumps({"pages": pages, "spent": spent, "total": total}))
        return
    runs = int(argv[1]) if len(argv) > 1 else 3
    scales = [int(c) for c in argv[2].split(",")] if len(argv) > 2 else [1, 4, 16]
    print(f"Median of {runs} builds ({max(1, runs // 2)} at 16x), each a fresh process timed whole, "
          "each language edition apart")
    rows = []
    for copies in scales:
        for edition in project_editions(Path(__file__).resolve().parent.parent):
            builds = [measure_in_fresh_process(copies, edition["config"])
                      for _ in range(runs if copies < 16 else max(1, runs // 2))]
            ratios = [total / (total - sum(spent.values())) for _, spent, total in builds]
            pages, spent, total = sorted(zip(ratios, builds))[len(builds) // 2][1]  # the median build
            hooks = sum(spent.values())
            rows.append((copies, edition["lang"], spent))
            print(f"{copies:>3}x {edition['lang']:>3} {pages:>4} pages: hooks {hooks:6.2f} s of a {total:6.2f} s build "
                  f"({hooks / total:5.1%}), {hooks / pages * 1000:5.1f} ms per page; "
                  f"implied ratio with/without hooks {statistics.median(ratios):.3f} "
                  f"(range {min(ratios):.3f}-{max(ratios):.3f})")
    for copies, lang, spent in rows:
        if copies not in (scales[0], scales[-1]):  # the smallest and largest scale
            continue
        print(f"\nWhere it goes at {copies}x, {lang} edition, in the median build (ms):")
        for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
            if seconds >= 0.0005:
                print(f"  {name:48s} {seconds * 1000:8.1f}")


if __name__ == "__main__":
    main(sys.argv)
