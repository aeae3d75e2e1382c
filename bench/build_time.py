"""Build time with and without the guide's hooks, and how the hooks' cost grows with pages.

Prints, for 1x, 4x and 16x copies of the chapters: the median build time with the hooks
and without them (builds in pairs, back to back, in random order, so machine noise hits both
alike), their ratio and the median of each pair's ratio with its quartiles, the
hooks' cost per page, and the ratio of the CPU time the builds used (median of each): on a
shared machine, waiting for the CPU inflates the wall clock, not the CPU time. A benchmark prints figures; it never fails on a slow machine.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, build_times, median, temp_project, timed_build


def measure(copies: int, runs: int) -> dict:
    project = temp_project(copies)
    pages = sum(1 for _ in (project / "docs").rglob("*.md"))
    timed_build(project)  # warm-up: imports and disk cache
    with_hooks, without, cpu_with, cpu_without, pair_ratios = [], [], [], [], []
    order = random.Random(copies)  # fixed seed: the same order on every run of the bench
    for _ in range(runs):
        # each pair runs back to back, in random order: a slow spell of the machine
        # that recurs with the rhythm of the builds cannot favour one side
        first, second = order.sample(["mkdocs.yml", "mkdocs-nohooks.yml"], 2)
        times = {first: build_times(project, first), second: build_times(project, second)}
        with_hooks.append(times["mkdocs.yml"][0])
        cpu_with.append(times["mkdocs.yml"][1])
        without.append(times["mkdocs-nohooks.yml"][0])
        cpu_without.append(times["mkdocs-nohooks.yml"][1])
        pair_ratios.append(with_hooks[-1] / without[-1])
    shutil.rmtree(project, ignore_errors=True)
    hooks, base = median(with_hooks), median(without)
    quartiles = statistics.quantiles(pair_ratios, n=4) if len(pair_ratios) > 1 else pair_ratios * 3
    return {"copies": copies, "pages": pages, "with": hooks, "without": base,
            "ratio": hooks / base, "per_page_ms": (hooks - base) / pages * 1000,
            "cpu_ratio": median(cpu_with) / median(cpu_without),
            "pair_ratio": median(pair_ratios), "pair_iqr": (quartiles[0], quartiles[2])}


def main(argv: list[str]) -> None:
    runs = int(argv[1]) if len(argv) > 1 else 5
    print(f"Build time, median of {runs} pairs of back-to-back builds (seconds; {max(3, runs // 2)} pairs at 16x)")
    print(f"{'scale':>6} {'pages':>6} {'with hooks':>11} {'without':>9} {'ratio':>7} {'hook ms/page':>13} "
          f"{'CPU-time ratio':>15} {'pair ratio (quartiles)':>24}")
    for copies in [int(c) for c in argv[2].split(",")] if len(argv) > 2 else (1, 4, 16):
        r = measure(copies, runs if copies < 16 else max(3, runs // 2))
        low, high = r["pair_iqr"]
        print(f"{copies:>5}x {r['pages']:>6} {r['with']:>11.2f} {r['without']:>9.2f} "
              f"{r['ratio']:>7.3f} {r['per_page_ms']:>13.1f} {r['cpu_ratio']:>15.3f} "
              f"{r['pair_ratio']:>9.3f} ({low:.3f}-{high:.3f})")
    print("Linear growth shows as a steady 'hook ms/page' across scales. 'pair ratio' is the median of")
    print("each pair's own ratio: on a shared machine whose speed drifts, the steadier of the two.")
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
