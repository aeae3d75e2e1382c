"""The whole guide offline after one visit, and on a phone's home screen.

Writes, at the site's root: `sw.js` (the service worker: the list of the built site's files
with a hash of each, a version that is the hash of that list, then the fixed code of
hooks/shared/offline_worker.js), `manifest.webmanifest` (name from the course identity,
`site_name` and `site_description`) and `assets/icons/` (drawn on the theme's primary
colour by hooks/shared/app_icon.py). Reads data/interface.yml, section offline (the notice's
words). Events:
- on_startup: remembers the command. Under `mkdocs serve` pages get no worker and sw.js is
  one that removes itself and its caches, so a worker left by a built site served earlier
  at the same address cannot show stale pages while an author edits (a cache-first worker
  and a live-reloading preview do not mix; network-first would still leave one installed);
- on_files: puts the words in assets/offline.js, or leaves the file out when there is no
  worker (the file:// offline edition, GUIDE_OFFLINE=true: workers need http(s));
- on_post_page: the home-screen icon for Safari, and a one-line script that loads
  assets/offline.js after the page's `load` event (no request before the page is ready);
  that script links the manifest and registers the worker;
- on_post_build (last, after every hook that writes files): icons, manifest, sw.js.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path

import rjsmin
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from shared.app_icon import HEX_COLOUR, png
from shared.interface_strings import section_words

WORKER_CODE = Path(__file__).parent / "shared" / "offline_worker.js"
SCRIPT = "assets/offline.js"
WORDS_MARK = "OFFLINE_WORDS"
MANIFEST = "manifest.webmanifest"
ICONS = {192: "assets/icons/icon-192.png", 512: "assets/icons/icon-512.png"}
FALLBACK_COLOUR = "#4051b5"  # Material's default primary (indigo)
LOADER = ('<script>addEventListener("load",function(){if(typeof __md_scope!="object")return;'
          'var s=document.createElement("script");'
          f's.src=new URL("{SCRIPT}",__md_scope);document.body.appendChild(s)}})</script>')
# Never precached: source maps, compressed copies, the sitemap (for search engines), the
# 404 page (its links are absolute) and the worker itself. Lunr's language files: see lunr_files.
SKIPPED_SUFFIXES = (".map", ".gz")
SKIPPED_FILES = {"sw.js", "sitemap.xml", "404.html"}
LUNR = "assets/javascripts/lunr/"

state = {"command": "build", "words": {}}


def on_startup(command, dirty):
    state["command"] = command


def has_worker(config) -> bool:
    """A worker for http(s) builds; none for the file:// edition nor under `mkdocs serve`."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return state["command"] != "serve" and not (offline is not None and offline.config.enabled)


def on_config(config):
    if has_worker(config):
        state["words"] = section_words(config, "offline", ("update_ready", "reload"),
                                       "are the notice that a new version of the guide is ready")
    return config


@event_priority(-110)  # after hooks/minify_assets.py (-100), which minifies only files still read from docs/
def on_files(files, config):
    script = files.get_file_from_path(SCRIPT)
    if script is None:
        return files
    if has_worker(config):
        words = json.dumps({key: state["words"][key] for key in ("update_ready", "reload")})
        script.content_string = script.content_string.replace(WORDS_MARK, words, 1)
    else:
        files.remove(script)
    return files


def on_post_page(output, page, config):
    if not has_worker(config):
        return output
    # the manifest is linked by assets/offline.js after `load` (in the markup, Chromium
    # fetched it while the page loaded); Safari reads this icon only when adding to the home screen
    head = f'<link rel="apple-touch-icon" href="{get_relative_url(ICONS[192], page.url)}">'
    output = output.replace("</head>", head + "</head>", 1)
    return output.replace("</body>", LOADER + "</body>", 1)


def lunr_files(languages: list[str]) -> set[str]:
    """The search worker's language files for these languages, as Material's worker picks
    them (assets/javascripts/workers/search.*.js): the others are never loaded."""
    names = set()
    for language in languages:
        if language == "ja":
            names.add("tinyseg.js")
        if language in ("hi", "th"):
            names.add("wordcut.js")
        if language != "en":
            names.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        names.add("min/lunr.multi.min.js")
    if names:
        names.add("min/lunr.stemmer.support.min.js")
    return {LUNR + name for name in names}


def search_languages(site: Path) -> list[str]:
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang") or [])


def site_files(site: Path) -> dict[str, str]:
    """Every file the worker stores: URL relative to the site's root (a page by its folder,
    the home page as "./") -> the first 16 hex digits of its SHA-256."""
    lunr = lunr_files(search_languages(site))
    # another edition built into a subfolder (e.g. a translation) has its own worker
    editions = {path.parent for path in site.rglob("sw.js") if path.parent != site}
    listed = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if (not path.is_file() or rel in SKIPPED_FILES or rel.endswith(SKIPPED_SUFFIXES)
                or any(part.startswith(".") for part in path.relative_to(site).parts)
                or any(edition in path.parents for edition in editions)
                or (rel.startswith(LUNR) and rel not in lunr)):
            continue
        url = rel[: -len("index.html")] if posixpath.basename(rel) == "index.html" else rel
        listed[url or "./"] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return listed


def worker_source(files: dict[str, str], code: str) -> str:
    """sw.js: its version (a hash of the list and of the worker's code), the list, the code."""
    listing = json.dumps(files, sort_keys=True, separators=(",", ":"))
    version = hashlib.sha256((listing + code).encode("utf-8")).hexdigest()[:16]
    return f'const VERSION="{version}";\nconst FILES={listing};\n{rjsmin.jsmin(code)}\n'


def primary_colour(config, site: Path) -> str:
    """The theme's primary colour as #rrggbb, read from Material's own palette stylesheet."""
    palette = config.theme.get("palette") or {}
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = (first.get("primary") if isinstance(first, dict) else None) or "indigo"
    if HEX_COLOUR.fullmatch(str(name)):
        return str(name)
    for css in sorted(site.glob("assets/stylesheets/palette.*.css")):
        text = css.read_text(encoding="utf-8")
        marker = f"[data-md-color-primary={name.replace(' ', '-')}]{{--md-primary-fg-color:"
        at = text.find(marker)
        if at >= 0:
            colour = HEX_COLOUR.match(text, at + len(marker))
            if colour:
                return colour[0]
    return FALLBACK_COLOUR


def manifest(config, colour: str) -> dict:
    """The web app manifest: the guide's title, the course's code as the short name when a
    fork has filled it in and the title is long, its own window, the site's folder only."""
    title = config.site_name
    code = (config.extra.get("identity") or {}).get("code")
    language = ((config.extra.get("course") or {}).get("language")) or config.theme.get("language") or "en"
    icons = [{"src": src, "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
             for size, src in ICONS.items() for purpose in ("any", "maskable")]
    return {
        "name": title, "short_name": code if code and len(title) > 15 else title,
        "description": config.site_description or "", "lang": str(language),
        "id": "./", "start_url": "./", "scope": "./", "display": "standalone",
        "background_color": "#ffffff", "theme_color": colour, "icons": icons,
    }


SELF_REMOVING_WORKER = """/* mkdocs serve: no offline copy while editing. A worker a built site left at this
   address removes itself and its caches, and the open pages load again from the server. */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  const prefix = "guide " + self.registration.scope + " ";
  for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""


@event_priority(-100)  # after every hook and plugin that writes into the site
def on_post_build(config):
    site = Path(config.site_dir)
    if state["command"] == "serve":
        (site / "sw.js").write_text(SELF_REMOVING_WORKER, encoding="utf-8")
        return
    if not has_worker(config):
        return
    colour = primary_colour(config, site)
    for size, src in ICONS.items():
        (site / src).parent.mkdir(parents=True, exist_ok=True)
        (site / src).write_bytes(png(size, colour))
    (site / MANIFEST).write_text(json.dumps(manifest(config, colour), ensure_ascii=False, indent=1), encoding="utf-8")
    code = WORKER_CODE.read_text(encoding="utf-8")
    (site / "sw.js").write_text(worker_source(site_files(site), code), encoding="utf-8")
