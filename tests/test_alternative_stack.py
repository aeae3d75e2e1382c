"""The guide on the stack to move to when Material for MkDocs reaches its end of life:
ProperDocs (a maintained fork of MkDocs 1.6) with MaterialX (a fork of Material), pinned in
requirements-alt.txt and configured by properdocs.yml (which inherits mkdocs.yml).

The stack is installed in a venv of its own (MaterialX also installs a package named
`material`, which would replace Material in the main venv), kept in .venv/alt-stack between
runs. Where the packages cannot be installed (no package index reachable), the tests are
skipped with the reason. What is checked: a strict build; the same pages as the real build,
each with the same number of questions and marked terms; the generated pages (glossary,
concept index, comparison, progress, print) and the search index; and, in Chromium, a term's
definition on focus, a question answered and saved, and no console error or outside request.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT, built_pages

ALT_VENV = ROOT / ".venv" / "alt-stack"
REQUIREMENTS = ROOT / "requirements-alt.txt"
GENERATED = ("glossary/", "concept-index/", "framework-comparison/", "progress/", "print/", "references/")


def _alt_python() -> Path:
    python = ALT_VENV / "bin" / "python"
    stamp = ALT_VENV / "installed.txt"
    wanted = REQUIREMENTS.read_text(encoding="utf-8")
    if python.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return python
    venv.create(ALT_VENV, with_pip=True, clear=True)
    install = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                              "-r", str(REQUIREMENTS)], capture_output=True, text=True, timeout=900)
    if install.returncode != 0:
        pytest.skip(f"the alternative stack could not be installed from {REQUIREMENTS.name} "
                    f"(no package index reachable?): {install.stderr.strip()[-400:]}")
    stamp.write_text(wanted, encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def alt_site(tmp_path_factory) -> Path:
    python = _alt_python()
    site = tmp_path_factory.mktemp("alt-site")
    build = subprocess.run([str(python), "-m", "properdocs", "build", "--strict", "-f", "properdocs.yml",
                            "-d", str(site)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, f"properdocs build --strict failed:\n{build.stdout}\n{build.stderr}"
    return site


def _count(pattern: str, path: Path) -> int:
    return len(re.findall(pattern, path.read_text(encoding="utf-8")))


def test_the_same_pages_with_the_same_questions_and_terms(alt_site, built_site):
    pages = built_pages(built_site)
    assert built_pages(alt_site) == pages
    for url in pages:
        main, alt = built_site / url / "index.html", alt_site / url / "index.html"
        if not main.exists():
            continue
        for what, pattern in (("questions", r'<div class="quiz[ "]'), ("marked terms", r'class="gloss-term"'),
                              ("figures", r"<svg [^>]*aria-labelledby=\"fig-")):
            assert _count(pattern, alt) == _count(pattern, main), f"{url}: {what} differ on the alternative stack"


def test_generated_pages_and_the_search_index(alt_site, built_site):
    for url in GENERATED:
        page = alt_site / url / "index.html"
        assert page.exists(), f"{url} missing on the alternative stack"
        assert page.stat().st_size > 0.8 * (built_site / url / "index.html").stat().st_size, f"{url} is incomplete"
    def indexed(site: Path) -> set[str]:
        index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        return {doc["location"] for doc in index["docs"]}
    assert indexed(alt_site) == indexed(built_site), "search indexes other pages or parts than on Material"


@pytest.fixture(scope="module")
def alt_url(alt_site):
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(alt_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _first_page_with(site: Path, needle: str) -> str:
    for url in built_pages(site):
        index = site / url / "index.html"
        if index.exists() and needle in index.read_text(encoding="utf-8"):
            return url
    pytest.fail(f"no page holds {needle!r}")


def test_terms_and_questions_work_in_the_browser(alt_site, alt_url, page):
    errors, outside = [], []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith((alt_url, "data:", "blob:")) else None)
    url = _first_page_with(alt_site, 'type="radio"')
    page.goto(alt_url + url)
    term = page.locator("a.gloss-term").first
    term.focus()
    tip = page.locator("#" + term.get_attribute("aria-describedby"))
    page.wait_for_function("tip => getComputedStyle(tip).visibility === 'visible'", arg=tip.element_handle())

    quiz = page.locator("div.quiz:has(input[type=radio])").first
    quiz.locator("input[type=radio][data-correct]").first.check()  # a wrong first try waits at its hint, unsaved
    quiz.locator("button[type=submit]").click()
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('quiz_progress_'))")
    page.goto(alt_url + "progress/")
    page.goto(alt_url + "glossary/")
    assert not errors, f"console errors on the alternative stack: {errors}"
    assert not outside, f"requests leaving the machine: {outside}"
