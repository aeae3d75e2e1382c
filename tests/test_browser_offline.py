"""The whole guide offline after one visit, in Debian's Chromium (hooks/offline_cache.py,
docs/assets/offline.js).

The built site is served over http under site_url's path, as where it will be published. One
visit fills the cache; offline, with the server answering nothing, pages, search (and a
result's link), a term's tooltip, a quiz, the Skills lab and My progress work, on a phone and a
laptop, with no request leaving the machine. A new build with one page changed is announced,
and shown only after "Reload", whole, never mixed with the old; a worker left by a built site
removes itself when the address serves `mkdocs serve`'s sw.js. Nothing here names today's
pages: a fork passes unchanged.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import offline_cache
from conftest import ROOT, SEARCH_READY, copy_project, run_build
from guide_facts import CONFIG, SECTIONS, sample_section, url_of
from test_offline_cache import worker_files

PREFIX = (urlsplit(CONFIG.get("site_url") or "/").path.rstrip("/") + "/")  # served where it will be published
INTERFACE = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))
WORDS, PROGRESS = INTERFACE["offline"], INTERFACE["progress"]
CHANGED = "This sentence was added by the offline cache test to make a new version."


# ---------------------------------------------------------------- in the browser

class _Site:
    """A server for one built site at a time, under site_url's path; `root = None` makes it
    answer 503 to everything (the server gone, not just the network)."""
    root: Path | None = None


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def translate_path(self, path):
        local = urlsplit(path).path
        if _Site.root is None or not local.startswith(PREFIX):
            return "/nonexistent/"
        self.directory = str(_Site.root)
        return super().translate_path("/" + local[len(PREFIX):])

    def send_head(self):
        if _Site.root is None:
            self.send_error(503)
            return None
        return super().send_head()


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory="/nonexistent"))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{PREFIX}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def new_version(tmp_path_factory, built_site):
    """The guide built again with one sentence added to one section page."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    page = project / "docs" / SECTIONS[-1]
    text = page.read_text(encoding="utf-8")
    first_h2 = text.index("\n## ")
    page.write_text(text[:first_h2] + f"\n\n{CHANGED}\n" + text[first_h2:], encoding="utf-8")
    site = tmp_path_factory.mktemp("site-v2")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture(params=[PHONE, LAPTOP], ids=["phone", "laptop"])
def device(request):
    return request.param


@pytest.fixture
def context(browser, device):
    context = browser.new_context(service_workers="allow", **device)
    context.requests = []
    context.on("request", lambda r: context.requests.append(r.url))
    yield context
    context.close()


def fill_cache(page, site: Path):
    """Wait until the worker controls the page and its cache holds every listed file."""
    version, files = worker_files(site)
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=60000)
    page.wait_for_function(
        """async ([version, count]) => {
             const name = (await caches.keys()).find((n) => n.startsWith("guide ") && n.endsWith(" " + version));
             return !!name && (await (await caches.open(name)).keys()).length === count;
           }""", arg=[version, len(files)], timeout=120000, polling=500)


def guide_caches(page) -> list[str]:
    return page.evaluate("async () => (await caches.keys()).filter((n) => n.startsWith('guide '))")


def test_after_one_visit_the_guide_works_offline(context, server, built_site):
    _Site.root = built_site
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server)
    fill_cache(page, built_site)
    # the worker's script came after the page's load event: nothing added before it is ready
    timing = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const script = performance.getEntriesByType('resource').find((e) => e.name.includes('assets/offline.js'));
        return script ? [nav.loadEventStart, script.startTime] : null;
    }""")
    assert timing and timing[1] >= timing[0], timing
    # the browser reads the manifest offline.js linked, and finds the guide installable
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/manifest.webmanifest") and manifest["errors"] == [], manifest
    errors_found = {e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]}
    assert errors_found <= {"in-incognito"}, errors_found  # a test's browser context is a private one

    context.set_offline(True)
    _Site.root = None  # and the server gone: everything must come from the cache
    for section in SECTIONS[:3]:
        page.goto(server + url_of(section))
        assert page.locator("h1").first.is_visible() and page.title()
    # search (the index and lunr's language files, through the search worker)
    search_button = page.locator('button[data-guide-toggle="__search"]')  # docs/assets/guide.js
    if search_button.is_visible():
        search_button.click()  # a phone: the box opens from the header
    page.locator("input.md-search__input").focus()
    page.wait_for_function(SEARCH_READY, timeout=45000)  # lunr builds the index offline: slow on a busy machine
    page.keyboard.type("empathy")  # Material reads the query on keyup
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    with page.expect_navigation():  # a result's link carries ?h=...: the stored page still answers
        page.locator(".md-search-result__item a").first.click()
    assert "?h=" in page.url and page.locator("h1").first.is_visible()
    # a term's tooltip and a quiz question, on a section page
    page.goto(server + url_of(sample_section()))
    term = page.locator("a.gloss-term").first
    term.focus()
    assert page.locator("#" + term.get_attribute("aria-describedby")).is_visible()
    quiz = page.locator(".quiz").first
    quiz.locator("input[data-correct='true']").first.check()
    quiz.locator("form button[type='submit']").click()
    page.wait_for_selector(".quiz .quiz-feedback:not(.hidden)", timeout=5000)
    # the Skills lab: an exercise written and saved
    page.goto(server + "skills-lab/")
    box = page.locator("[data-lab-exercise]").first
    closed = box.locator("xpath=ancestor::details[not(@open)]")
    if closed.count():
        closed.first.locator("xpath=./summary").click()
    box.locator("textarea").fill("Written with no connection.")
    page.wait_for_function("Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes('no connection'))")
    # My progress: the answer given offline is counted
    page.goto(server + "progress/")
    answered = PROGRESS["summary"].split("{")[0]
    page.wait_for_function("(start) => document.getElementById('progress-summary').textContent.startsWith(start)",
                           arg=answered, timeout=10000)
    assert errors == []
    origin = server[: -len(PREFIX) + 1]
    assert [u for u in context.requests if not u.startswith(origin) and not u.startswith("data:")] == []


@pytest.mark.parametrize("device", [PHONE], ids=["phone"])
def test_a_new_version_is_announced_and_shown_whole_after_reload(context, server, built_site, new_version):
    changed_page = server + url_of(SECTIONS[-1])
    _Site.root = built_site
    page = context.new_page()
    page.goto(server)
    fill_cache(page, built_site)
    page.goto(changed_page)
    assert CHANGED not in page.content()

    _Site.root = new_version
    old, _ = worker_files(built_site)
    new, _ = worker_files(new_version)
    assert old != new
    page.goto(server)  # a navigation: the browser checks sw.js and installs the new version
    page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
    notice = page.locator("#offline-update")
    notice.wait_for(state="visible", timeout=120000)
    assert notice.get_attribute("role") == "status" and WORDS["update_ready"] in notice.inner_text()
    # until the student asks, every page is still the old version, whole
    page.goto(changed_page)
    assert CHANGED not in page.content()
    page.locator("#offline-update").wait_for(state="visible", timeout=30000)

    with page.expect_navigation():
        page.get_by_role("button", name=WORDS["reload"]).click()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert CHANGED in page.content()
    page.wait_for_function("async (v) => (await caches.keys()).filter((n) => n.startsWith('guide ')).every((n) => n.endsWith(' ' + v))",
                           arg=new, timeout=30000)
    assert len(guide_caches(page)) == 1
    # and the new version works offline too
    context.set_offline(True)
    _Site.root = None
    page.goto(server)
    page.goto(changed_page)
    assert CHANGED in page.content()
    assert page.locator("#offline-update").count() == 0


@pytest.mark.parametrize("device", [LAPTOP], ids=["laptop"])
def test_a_worker_left_by_a_built_site_removes_itself_under_mkdocs_serve(context, server, built_site, new_version, tmp_path):
    """An author who served the built site at the address `mkdocs serve` uses then sees the
    pages of the preview, not the stored ones: serve's sw.js unregisters the old worker."""
    preview = tmp_path / "preview"
    shutil.copytree(new_version, preview)
    (preview / "sw.js").write_text(offline_cache.SELF_REMOVING_WORKER, encoding="utf-8")
    for html in preview.rglob("*.html"):  # what serve's pages are: no worker registered
        html.write_text(html.read_text(encoding="utf-8").replace(offline_cache.LOADER, ""), encoding="utf-8")
    changed_page = server + url_of(SECTIONS[-1])
    _Site.root = built_site
    page = context.new_page()
    page.goto(server)
    fill_cache(page, built_site)
    page.goto(changed_page)
    assert CHANGED not in page.content()

    _Site.root = preview
    page.goto(changed_page)  # served from the old cache; the browser finds the new sw.js
    page.wait_for_function("async () => !(await navigator.serviceWorker.getRegistration())", timeout=60000, polling=500)
    page.wait_for_function("(text) => document.body && document.body.textContent.includes(text)", arg=CHANGED, timeout=30000)
    assert guide_caches(page) == []
