"""Lighthouse 12 (mobile preset) on the guide and on a plain Material starter, side by side.

Installs lighthouse from bench/package.json on first use (npm; it drives Debian's chromium,
never a downloaded browser), serves both built sites on 127.0.0.1, and prints the
accessibility and performance scores of the home page, three section pages (the first in
reading order, the median one by weight and the heaviest, whatever the nav holds), the
glossary and the progress page, next to the starter's home page, then whether every section
page reaches the guide's budget (98). A single Lighthouse run moves by several points on a
busy machine, so each page is run several times (default 5, interleaved, so that noise hits
every page alike) and the median is printed, with the range, and the median of the metrics
behind the score. With `--baseline REF`, the same pages of the guide as it was at git
revision REF are run in the same interleaved loop: a before-and-after on equal terms.

    python bench/lighthouse.py [RUNS] [--baseline REF]
"""

from __future__ import annotations

import functools
import gzip
import io
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from page_weight import STARTER_CONFIG, STARTER_PAGE, build, page_weight

from common import ROOT, baseline_ref, project_at

BENCH = Path(__file__).resolve().parent
FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
SECTION_PAGE = re.compile(r"^\d\d-[^/]+/[^/]+/index\.html$")  # 02-foundations/empathy-and-trust/index.html
BUDGET = 98  # Lighthouse mobile performance, every section page


def guide_pages(site: Path) -> dict[str, str]:
    """The pages to measure, by name: home, three section pages chosen from what the build
    holds (first in file order, median weight, heaviest), glossary and progress."""
    sections = sorted(p.relative_to(site).as_posix() for p in site.glob("*/*/index.html")
                      if SECTION_PAGE.match(p.relative_to(site).as_posix()))
    by_weight = sorted(sections, key=lambda rel: page_weight(site, site / rel)["total"])
    chosen = {"section (first)": sections[0], "section (median)": by_weight[len(by_weight) // 2],
              "section (heaviest)": by_weight[-1]}
    pages = {"home": "", **{name: rel[: -len("index.html")] for name, rel in chosen.items()}}
    pages.update({name: path for name, path in (("glossary", "glossary/"), ("progress", "progress/"))
                  if (site / path / "index.html").exists()})
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a real host does (GitHub Pages, Netlify): text gzip-compressed.

    Both sites get the same server, so the comparison stays fair; without compression
    Lighthouse would time the download of every stylesheet and script at several times
    its real size."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the parent redirects to the URL with a slash
            path = path / "index.html"
        compressible = path.suffix in {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> str:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


METRICS = {"FCP": "first-contentful-paint", "LCP": "largest-contentful-paint",
           "TBT": "total-blocking-time", "CLS": "cumulative-layout-shift"}


def lighthouse(url: str) -> dict[str, float]:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [str(BENCH / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={out}", f"--chrome-flags={FLAGS}", "--only-categories=accessibility,performance"],
        check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    scores = {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}
    scores.update({short: report["audits"][audit]["numericValue"] for short, audit in METRICS.items()})
    return scores


def main(argv: list[str]) -> None:
    numbers = [a for a in argv[1:] if a.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    if not (BENCH / "node_modules/.bin/lighthouse").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    guide = build(ROOT)
    starter_project = Path(tempfile.mkdtemp(prefix="starter-"))
    (starter_project / "docs").mkdir()
    (starter_project / "mkdocs.yml").write_text(STARTER_CONFIG, encoding="utf-8")
    (starter_project / "docs/index.md").write_text(STARTER_PAGE, encoding="utf-8")
    starter = build(starter_project)
    pages = guide_pages(guide)
    urls = {"starter home": serve(starter) + ""}
    guide_url = serve(guide)
    urls.update({f"guide {name}": guide_url + path for name, path in pages.items()})
    ref = baseline_ref(argv)
    cleanup = [guide, starter, starter_project]
    if ref:
        base_project = project_at(ref)
        base = build(base_project)
        base_url = serve(base)
        cleanup += [base_project, base]
        urls.update({f"{ref} {name}": base_url + path for name, path in pages.items()
                     if (base / path / "index.html").exists()})
    results: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            results[name].append(lighthouse(url))
    print(f"Lighthouse 12, mobile preset, Debian chromium: median of {runs} interleaved runs")
    print(f"  {'page':30s} {'accessibility':>13s} {'performance':>12s} {'(range)':>8s} "
          f"{'FCP ms':>7s} {'LCP ms':>7s} {'TBT ms':>7s} {'CLS':>6s}")
    medians = {}
    for name, runs_of_page in results.items():
        med = {key: statistics.median(r[key] for r in runs_of_page) for key in runs_of_page[0]}
        medians[name] = med
        perf = [r["performance"] for r in runs_of_page]
        print(f"  {name:30s} {med['accessibility']:>13.0f} {med['performance']:>12.0f} "
              f"{f'{min(perf)}-{max(perf)}':>8s} {med['FCP']:>7.0f} {med['LCP']:>7.0f} {med['TBT']:>7.0f} {med['CLS']:>6.3f}")
    print("  (the starter's Google Fonts cannot load here: no network; that lowers none of its scores)")
    for label in ["guide"] + ([ref] if ref else []):
        sections = {n: m["performance"] for n, m in medians.items() if n.startswith(f"{label} section")}
        lowest = min(sections.values())
        print(f"  {label}: lowest section-page median {lowest:.0f} "
              f"({'meets' if lowest >= BUDGET else 'BELOW'} the budget of {BUDGET})")
    for path in cleanup:
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv)
