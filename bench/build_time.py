"""Build time with and without the guide's hooks, and how the hooks' cost grows with pages.

Prints, for 1x, 4x and 16x copies of the chapters and for each language edition apart (the
budgets are per language: the first edition's build with GUIDE_EDITIONS=first, so it does not
build fr/ inside its timing; the French one from mkdocs.fr.yml, against its own no-hooks twin;
bench/common.py): the median build time with the hooks
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

from common import ROOT, build_times, median, project_editions, temp_project, timed_build


def measure(copies: int, runs: int) -> list[dict]:
    """The figures of each language edition at this scale, one dict per edition."""
    project = temp_project(copies)
    results = [measure_edition(project, edition, copies, runs) for edition in project_editions(project)]
    shutil.rmtree(project, ignore_errors=True)
    return results


def measure_edition(project: Path, edition: dict, copies: int, runs: int) -> dict:
    config, nohooks = edition["config"], edition["nohooks"]
    pages = sum(1 for _ in edition["docs_dir"].rglob("*.md"))
    timed_build(project, config)  # warm-up: imports and disk cache
    with_hooks, without, cpu_with, cpu_without, pair_ratios = [], [], [], [], []
    order = random.Random(copies)  # fixed seed: the same order on every run of the bench
    for _ in range(runs):
        # each pair runs back to back, in random order: a slow spell of the machine
        # that recurs with the rhythm of the builds cannot favour one side
        first, second = order.sample([config, nohooks], 2)
        times = {first: build_times(project, first), second: build_times(project, second)}
        with_hooks.append(times[config][0])
        cpu_with.append(times[config][1])
        without.append(times[nohooks][0])
        cpu_without.append(times[nohooks][1])
        pair_ratios.append(with_hooks[-1] / without[-1])
    hooks, base = median(with_hooks), median(without)
    quartiles = statistics.quantiles(pair_ratios, n=4) if len(pair_ratios) > 1 else pair_ratios * 3
    return {"lang": edition["lang"], "copies": copies, "pages": pages, "with": hooks, "without": base,
            "ratio": hooks / base, "per_page_ms": (hooks - base) / pages * 1000,
            "cpu_ratio": median(cpu_with) / median(cpu_without),
            "pair_ratio": median(pair_ratios), "pair_iqr": (quartiles[0], quartiles[2])}


def main(argv: list[str]) -> None:
    runs = int(argv[1]) if len(argv) > 1 else 5
    print(f"Build time, median of {runs} pairs of back-to-back builds (seconds; {max(3, runs // 2)} pairs at 16x)")
    print(f"{'scale':>6} {'edition':>7} {'pages':>6} {'with hooks':>11} {'without':>9} {'ratio':>7} {'hook ms/page':>13} "
          f"{'CPU-time ratio':>15} {'pair ratio (quartiles)':>24}")
    for copies in [int(c) for c in argv[2].split(",")] if len(argv) > 2 else (1, 4, 16):
        for r in measure(copies, runs if copies < 16 else max(3, runs // 2)):
            low, high = r["pair_iqr"]
            print(f"{copies:>5}x {r['lang']:>7} {r['pages']:>6} {r['with']:>11.2f} {r['without']:>9.2f} "
                  f"{r['ratio']:>7.3f} {r['per_page_ms']:>13.1f} {r['cpu_ratio']:>15.3f} "
                  f"{r['pair_ratio']:>9.3f} ({low:.3f}-{high:.3f})")
    print("Linear growth shows as a steady 'hook ms/page' across scales. 'pair ratio' is the median of")
    print("each pair's own ratio: on a shared machine whose speed drifts, the steadier of the two.")
    for lang, (size, count) in site_size().items():
        print(f"Built site, {lang} edition: {size / 1024 / 1024:.1f} MB in {count} files")


def site_size() -> dict[str, tuple[int, int]]:
    """Bytes and number of files of each edition of the real guide, built once (every edition:
    the first's are the files outside the others' folders)."""
    site = Path(tempfile.mkdtemp(prefix="guide-size-"))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                   check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    first, *others = project_editions(ROOT)
    sizes = {}
    for edition in [*others, first]:  # the first edition last: it holds what is left
        mine = {f for f in files if f.startswith(edition["folder"])}
        files -= mine
        sizes[edition["lang"]] = (sum((site / f).stat().st_size for f in mine), len(mine))
    shutil.rmtree(site, ignore_errors=True)
    return {e["lang"]: sizes[e["lang"]] for e in [first, *others]}


if __name__ == "__main__":
    main(sys.argv)
