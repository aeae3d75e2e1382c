"""Build time with and without the guide's hooks, and how the hooks' cost grows with pages.

Prints, for 1x, 4x and 16x copies of the chapters: the median build time with the hooks
and without them (runs interleaved so machine noise hits both alike), their ratio, the
hooks' cost per page, and the ratio of the CPU time the builds used (median of each): on a
shared machine, waiting for the CPU inflates the wall clock, not the CPU time. A benchmark prints figures; it never fails on a slow machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, build_times, median, temp_project, timed_build


def measure(copies: int, runs: int) -> dict:
    project = temp_project(copies)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    timed_build(project)  # warm-up: imports and disk cache
    with_hooks, without, cpu_with, cpu_without = [], [], [], []
    for _ in range(runs):
        wall, cpu = build_times(project, "mkdocs.yml")
        with_hooks.append(wall)
        cpu_with.append(cpu)
        wall, cpu = build_times(project, "mkdocs-nohooks.yml")
        without.append(wall)
        cpu_without.append(cpu)
    shutil.rmtree(project, ignore_errors=True)
    hooks, base = median(with_hooks), median(without)
    return {"copies": copies, "pages": pages, "with": hooks, "without": base,
            "ratio": hooks / base, "per_page_ms": (hooks - base) / pages * 1000,
            "cpu_ratio": median(cpu_with) / median(cpu_without)}


def main(argv: list[str]) -> None:
    runs = int(argv[1]) if len(argv) > 1 else 5
    print(f"Build time, median of {runs} interleaved runs (seconds)")
    print(f"{'scale':>6} {'pages':>6} {'with hooks':>11} {'without':>9} {'ratio':>7} {'hook ms/page':>13} "
          f"{'CPU-time ratio':>15}")
    for copies in (1, 4, 16):
        r = measure(copies, runs if copies < 16 else max(3, runs // 2))
        print(f"{copies:>5}x {r['pages']:>6} {r['with']:>11.2f} {r['without']:>9.2f} "
              f"{r['ratio']:>7.3f} {r['per_page_ms']:>13.1f} {r['cpu_ratio']:>15.3f}")
    print("Linear growth shows as a steady 'hook ms/page' across scales.")
    size, count = site_size()
    print(f"Built site: {size / 1024 / 1024:.1f} MB in {count} files")


def site_size() -> tuple[int, int]:
    """Bytes and number of files of the real guide, built once."""
    site = Path(tempfile.mkdtemp(prefix="guide-size-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    files = [p for p in site.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    shutil.rmtree(site, ignore_errors=True)
    return size, len(files)


if __name__ == "__main__":
    main(sys.argv)
