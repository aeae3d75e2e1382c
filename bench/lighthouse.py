"""Lighthouse 12 (mobile preset) on the guide and on a plain Material starter, side by side.

Installs lighthouse from bench/package.json on first use (npm; it drives Debian's chromium,
never a downloaded browser), serves both built sites on 127.0.0.1, and prints the
accessibility and performance scores of the home page, a section page with quizzes and
the glossary, next to the starter's home page. A single Lighthouse run moves by several
points on a busy machine, so each page is run several times (default 5, interleaved, so
that noise hits every page alike) and the median is printed, with the range, and the
median of the metrics behind the score.

    python bench/lighthouse.py [RUNS]
"""

from __future__ import annotations

import functools
import gzip
import io
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from page_weight import STARTER_CONFIG, STARTER_PAGE, build

from common import ROOT

BENCH = Path(__file__).resolve().parent
FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync")
GUIDE_PAGES = {"home": "", "section with quizzes": "02-foundations/empathy-and-trust/", "glossary": "glossary/"}


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
    runs = int(argv[1]) if len(argv) > 1 else 5
    if not (BENCH / "node_modules/.bin/lighthouse").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    guide = build(ROOT)
    starter_project = Path(tempfile.mkdtemp(prefix="starter-"))
    (starter_project / "docs").mkdir()
    (starter_project / "mkdocs.yml").write_text(STARTER_CONFIG, encoding="utf-8")
    (starter_project / "docs/index.md").write_text(STARTER_PAGE, encoding="utf-8")
    starter = build(starter_project)
    guide_url, starter_url = serve(guide), serve(starter)
    urls = {"starter home": starter_url, **{f"guide {name}": guide_url + path for name, path in GUIDE_PAGES.items()}}
    results: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            results[name].append(lighthouse(url))
    print(f"Lighthouse 12, mobile preset, Debian chromium: median of {runs} interleaved runs")
    print(f"  {'page':24s} {'accessibility':>13s} {'performance':>12s} {'(range)':>8s} "
          f"{'FCP ms':>7s} {'LCP ms':>7s} {'TBT ms':>7s} {'CLS':>6s}")
    for name, runs_of_page in results.items():
        med = {key: statistics.median(r[key] for r in runs_of_page) for key in runs_of_page[0]}
        perf = [r["performance"] for r in runs_of_page]
        print(f"  {name:24s} {med['accessibility']:>13.0f} {med['performance']:>12.0f} "
              f"{f'{min(perf)}-{max(perf)}':>8s} {med['FCP']:>7.0f} {med['LCP']:>7.0f} {med['TBT']:>7.0f} {med['CLS']:>6.3f}")
    print("  (the starter's Google Fonts cannot load here: no network; that lowers none of its scores)")
    for path in (guide, starter, starter_project):
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv)
