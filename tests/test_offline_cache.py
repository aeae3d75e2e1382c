"""The whole guide offline after one visit (hooks/offline_cache.py), in the built site.

sw.js lists every page and every file the pages load, with a hash of each, and only the
search languages' lunr files; its version changes when (and only when) a listed file does;
the web app manifest names the guide and its icons exist; every page links the manifest
and loads the worker's script only after `load`; under `mkdocs serve` a worker removes
itself. Read from the guide as configured: a fork passes unchanged (tests/test_fork.py runs
this file on one). In the browser: tests/test_browser_offline.py.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
from pathlib import Path

import offline_cache
from conftest import built_pages
from guide_facts import CONFIG, SECTIONS, SITE_NAME, url_of


def worker_files(site: Path) -> tuple[str, dict[str, str]]:
    """sw.js's version and its list of files (URL -> hash)."""
    text = (site / "sw.js").read_text(encoding="utf-8")
    version = re.search(r'const VERSION="([0-9a-f]+)"', text)[1]
    return version, json.loads(re.search(r"const FILES=(\{.*?\});", text)[1])


# ---------------------------------------------------------------- the built site

def edition_roots(site: Path) -> dict[Path, list[str]]:
    """Each language edition's folder (the site, and fr/ ...: each has its own worker) and its
    pages, those of an edition inside it left out."""
    roots = sorted(path.parent for path in site.rglob("sw.js"))
    return {root: [page for page in built_pages(root)
                   if not any(other != root and other in (root / page).parents or other == root / page.rstrip("/")
                              for other in roots)]
            for root in roots}


def test_each_editions_worker_lists_its_own_pages(built_site):
    for root, pages in edition_roots(built_site).items():
        _, files = worker_files(root)
        missing = [page for page in pages if (page or "./") not in files]
        assert not missing, f"{root.relative_to(built_site)}/sw.js does not list {missing[:5]}"
        assert not [url for url in files if (root / url).resolve() in {r.resolve() for r in edition_roots(built_site)} - {root.resolve()}]


def test_the_worker_lists_every_page_and_what_pages_load(built_site):
    _, files = worker_files(built_site)
    for page in edition_roots(built_site)[built_site]:
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


def test_every_page_loads_the_worker_and_manifest_only_after_load(built_site):
    """Nothing fetched before the page is ready: offline.js, loaded by a one-line script on
    `load`, links the manifest and registers the worker."""
    for page in built_pages(built_site):
        html = (built_site / page / ("index.html" if not page.endswith(".html") else "")).read_text(encoding="utf-8")
        assert html.count(offline_cache.LOADER) == 1, page  # each edition's pages load their own edition's
        assert "offline.js" not in html.replace(offline_cache.LOADER, "") and 'rel="manifest"' not in html, page
        assert re.search(r'<link rel="apple-touch-icon" href="[^"]*icon-192\.png">', html), page
    script = (built_site / offline_cache.SCRIPT).read_text(encoding="utf-8")
    assert "manifest.webmanifest" in script and "sw.js" in script and offline_cache.WORDS_MARK not in script


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
