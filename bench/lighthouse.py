"""Lighthouse 12 (mobile preset) on the guide and on a plain Material starter, side by side.

Installs lighthouse from bench/package.json on first use (npm; it drives Debian's chromium,
never a downloaded browser), serves both built sites on 127.0.0.1, and prints the
accessibility and performance scores of the home page, a section page with quizzes and
the glossary, next to the starter's home page, all from one run.
"""

from __future__ import annotations

import functools
import gzip
import io
import http.server
import json
import os
import shutil
import subprocess
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


def lighthouse(url: str) -> dict[str, float]:
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run(
        [str(BENCH / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json",
         f"--output-path={out}", f"--chrome-flags={FLAGS}", "--only-categories=accessibility,performance"],
        check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}


def main() -> None:
    if not (BENCH / "node_modules/.bin/lighthouse").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    guide = build(ROOT)
    starter_project = Path(tempfile.mkdtemp(prefix="starter-"))
    (starter_project / "docs").mkdir()
    (starter_project / "mkdocs.yml").write_text(STARTER_CONFIG, encoding="utf-8")
    (starter_project / "docs/index.md").write_text(STARTER_PAGE, encoding="utf-8")
    starter = build(starter_project)
    guide_url, starter_url = serve(guide), serve(starter)
    print("Lighthouse 12, mobile preset, Debian chromium (scores out of 100)")
    print(f"  {'page':28s} {'accessibility':>13s} {'performance':>12s}")
    results = {"starter home": lighthouse(starter_url)}
    results.update({f"guide {name}": lighthouse(guide_url + path) for name, path in GUIDE_PAGES.items()})
    for name, scores in results.items():
        print(f"  {name:28s} {scores['accessibility']:>13d} {scores['performance']:>12d}")
    print("  (the starter's Google Fonts cannot load here: no network; that lowers none of its scores)")
    for path in (guide, starter, starter_project):
        shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    main()
