"""The whole guide offline after one visit (hooks/offline_cache.py, docs/assets/offline.js).

Built-site checks: sw.js lists every page and file the guide loads with a hash of each, a
version that changes when (and only when) a file does; the web app manifest; every page
links it and loads the worker's script after `load`. Then Debian's Chromium, the site
served over http under site_url's path: one visit fills the cache; offline (and with the
server answering nothing), pages, search, tooltips, a quiz, the Skills lab and My progress
work; a new build with one page changed is announced, and only after "Reload" is it shown,
never mixed with the old. Nothing here names today's pages: a fork passes unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import re
import shutil
import struct
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

import offline_cache
from conftest import ROOT, built_pages, copy_project, run_build
from guide_facts import CONFIG, SECTIONS, SITE_NAME, sample_section, url_of

PREFIX = (urlsplit(CONFIG.get("site_url") or "/").path.rstrip("/") + "/")  # served where it will be published
INTERFACE = yaml.safe_load((ROOT / "data/interface.yml").read_text(encoding="utf-8"))
WORDS, PROGRESS = INTERFACE["offline"], INTERFACE["progress"]
CHANGED = "This sentence was added by the offline cache test to make a new version."


def worker_files(site: Path) -> tuple[str, dict[str, str]]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION="([0-9a-f]+)"', text)[1]
    return version, json.loads(re.search(r"const FILES=(\{.*?\});", text)[1])


# ---------------------------------------------------------------- the built site

def test_the_worker_lists_every_page_and_what_pages_load(built_site):
    _, files = worker_files(built_site)
    for page in built_pages(built_site):
        assert (page or "./") in files, page
    for url, digest in files.items():
        path = built_site / (url if url != "./" else "") / ("index.html" if url.endswith("/") else "")
        assert path.is_file(), url
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == digest, url
    assert "search/search_index.json" in files and "manifest.webmanifest" in files
    # what the pages load, from the site itself: scripts, stylesheets, icons, figures
    for page in ("", *map(url_of, SECTIONS[:3])):
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        for ref in re.findall(r'(?:src|href)="((?!https?:|#|data:|mailto:)[^"]+\.(?:js|css|png|svg))"', html):
            target = (Path("/") / page / ref).resolve().relative_to("/").as_posix()
            assert target in files, (page, ref)
    assert not [u for u in files if u.endswith((".map", ".gz")) or u in ("sw.js", "sitemap.xml", "404.html")]


def test_only_the_search_languages_lunr_files_are_listed(built_site):
    _, files = worker_files(built_site)
    languages = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["config"]["lang"]
    lunr = {u for u in files if u.startswith(offline_cache.LUNR)}
    assert lunr == offline_cache.lunr_files(languages)
    for url in lunr:
        assert (built_site / url).is_file(), url


def test_the_version_changes_when_a_file_changes_and_only_then(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "a" / "index.html").write_text("page a", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    code = "self.addEventListener('fetch', () => {});"

    def version():
        return re.search(r'VERSION="(\w+)"', offline_cache.worker_source(offline_cache.site_files(site), code))[1]

    first = version()
    assert version() == first
    (site / "sitemap.xml").write_text("<urlset>changed</urlset>", encoding="utf-8")  # not listed
    assert version() == first
    (site / "a" / "index.html").write_text("page a, edited", encoding="utf-8")
    assert version() != first
    assert set(offline_cache.site_files(site)) == {"./", "a/"}


def test_the_manifest_names_the_guide_and_its_icons_exist(built_site):
    manifest = json.loads((built_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == SITE_NAME and manifest["short_name"]
    assert manifest["start_url"] == manifest["scope"] == "./" and manifest["display"] == "standalone"
    assert manifest["lang"] == ((CONFIG.get("extra") or {}).get("course") or {}).get("language", "en")
    sizes = set()
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and icon["type"] == "image/png", icon
        width, height = struct.unpack(">II", data[16:24])
        assert icon["sizes"] == f"{width}x{height}", icon
        sizes.add(width)
    assert {192, 512} <= sizes


def test_every_page_links_the_manifest_and_loads_the_worker_after_load(built_site):
    for page in built_pages(built_site):
        html = (built_site / page / ("index.html" if not page.endswith(".html") else "")).read_text(encoding="utf-8")
        assert re.search(r'<link rel="manifest" href="[^"]*manifest\.webmanifest">', html), page
        assert offline_cache.LOADER in html, page
        assert 'src="' + "assets/offline.js" not in html.replace(offline_cache.LOADER, ""), page


def test_mkdocs_serve_gets_a_worker_that_removes_itself(tmp_path, monkeypatch):
    """Under `mkdocs serve` no page registers a worker, and sw.js unregisters one a built site
    left at the same address, so an author never sees stale pages."""
    monkeypatch.setitem(offline_cache.state, "command", "build")
    offline_cache.on_startup("serve", False)
    config = type("Config", (), {"site_dir": str(tmp_path), "plugins": {}})()
    assert not offline_cache.has_worker(config)
    assert offline_cache.on_post_page("<head></head><body></body>", None, config) == "<head></head><body></body>"
    offline_cache.on_post_build(config)
    worker = (tmp_path / "sw.js").read_text(encoding="utf-8")
    assert "unregister()" in worker and "caches.delete" in worker and "FILES" not in worker


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

    context.set_offline(True)
    _Site.root = None  # and the server gone: everything must come from the cache
    for section in SECTIONS[:3]:
        page.goto(server + url_of(section))
        assert page.locator("h1").first.is_visible() and page.title()
    # search (the index and lunr's language files, through the search worker)
    search_button = page.locator('button[data-guide-toggle="__search"]')  # docs/assets/guide.js
    if search_button.is_visible():
        search_button.click()  # a phone: the box opens from the header
    page.locator("input.md-search__input").fill("empathy")
    page.wait_for_selector(".md-search-result__item", timeout=45000)  # lunr builds the index: slow on a busy machine
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
