"""Shared fixtures: the real guide built once per test session, a local server for it,
and Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # unit tests import the hook modules directly
sys.path.insert(0, str(ROOT / "tools"))
from guide_project import copy_project  # noqa: E402,F401  (tests import it from here)

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def run_build(project: Path, site_dir: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real guide, built strictly once for the whole session.

    GUIDE_PREBUILT_SITE=/path/to/site reuses a site built beforehand (for quick local runs)."""
    if os.environ.get("GUIDE_PREBUILT_SITE"):
        return Path(os.environ["GUIDE_PREBUILT_SITE"])
    site = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in /) of a local server for the built guide on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty localStorage) and page for each test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to the site root (URL form)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html" or rel.endswith("/404.html"):  # the not-found page of each edition
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


# Material fades the header's title and "Back to top" in and out as the page scrolls: axe must
# read the colours a reader sees once the fade is over, not a half-transparent frame of it.
SETTLE_ANIMATIONS = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });
  done();
})))"""


def axe_violations(page, **options) -> list[dict]:
    """axe-core's violations on the page as it stands, once running transitions have ended."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    page.evaluate(SETTLE_ANIMATIONS)
    return axe_module.Axe().run(page, **options).response["violations"]


# The search is ready when its status line shows Material's "type to start searching" in the
# page's own language (read from the page's translations), no longer "initializing".
SEARCH_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  if (!meta) return true;  // a page without the search box
  const ready = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder'];
  return meta.textContent.trim() === ready;
}"""


def assert_build_fails_saying(project: Path, site: Path, case: str, patterns: list[str]) -> None:
    """Build a broken copy: it must fail, print each pattern (regex, dots match newlines) and no traceback."""
    import re
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build should have failed:\n{output[-2000:]}"
    for pattern in patterns:
        assert re.search(pattern, output, re.S), f"{case}: {pattern!r} not in:\n{output[-3000:]}"
    assert "Traceback" not in output, f"{case}: a traceback instead of a message:\n{output[-3000:]}"
