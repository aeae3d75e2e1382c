"""Time spent inside the guide's hook functions, as the number of pages grows.

Builds 1x, 4x and 16x copies of the chapters in-process, with every hook event wrapped
in a timer, and prints each hook module's own time, the total and the time per page.
Linear growth shows as a steady per-page figure. (bench/build_time.py gives wall-clock
build times with and without hooks; this isolates the hooks' own code.)
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict

from common import temp_project


def timed_build(copies: int) -> tuple[int, dict[str, float], float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = temp_project(copies)
    site = tempfile.mkdtemp(prefix="hook-cost-site-")
    os.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    spent: dict[str, float] = defaultdict(float)
    hook_modules = set(config.hooks.values())
    for event, handlers in config.plugins.events.items():
        for i, handler in enumerate(handlers):
            module = sys.modules.get(getattr(handler, "__module__", ""))
            if module in hook_modules:
                handlers[i] = _timed(handler, handler.__module__, spent)
    start = time.perf_counter()
    build(config)
    total = time.perf_counter() - start
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return pages, spent, total


def _timed(handler, name, spent):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    wrapper.mkdocs_priority = getattr(handler, "mkdocs_priority", 0)
    return wrapper


def main() -> None:
    logging.disable(logging.WARNING)  # copies of pages are not in nav: expected notices
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    rows = []
    for copies in (1, 4, 16):
        pages, spent, total = timed_build(copies)
        hooks = sum(spent.values())
        rows.append((copies, pages, hooks, total, spent))
        print(f"{copies:>3}x {pages:>4} pages: hooks {hooks:6.2f} s of a {total:6.2f} s build "
              f"({hooks / total:5.1%}), {hooks / pages * 1000:5.1f} ms per page")
    print("\nPer module at 16x (seconds):")
    for name, seconds in sorted(rows[-1][4].items(), key=lambda kv: -kv[1]):
        print(f"  {name:32s} {seconds:6.2f}")


if __name__ == "__main__":
    main()
