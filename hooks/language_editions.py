"""The guide's language editions (English at the root, French in fr/): one build per language.

Reads mkdocs.yml's `extra.alternate` (hooks/shared/editions.py explains the setting), the
other editions' config files (`mkdocs.fr.yml`) and their pages. Events:
- on_config (the first hook): this build reads its data from its edition's folder (`data/fr/`),
  gets its address (the first edition's `site_url` + `fr/`) and a search index in its own
  language (stemming, stop words);
- on_files: a page that exists in one edition and not in another fails the build, naming both
  files; a page whose counterpart was last changed before it (git history) is listed (a
  setting, `extra.guide_rules.editions_out_of_step`: `report` or `fail`); an edition other than
  the first takes the first edition's assets (scripts, styles, figures) it does not have itself;
- on_page_context: the page's language switch (overrides/partials/alternate.html) leads to the
  same page in every edition (and sitemap.xml gives each page's counterparts, hreflang);
  Material's `<link rel="alternate" hreflang>` lead to each edition's home, as its script expects;
- on_post_build (first edition only): builds each other edition into its folder of the site, in
  a process of its own (so `mkdocs build`, `mkdocs serve` and the tests build every language).
  GUIDE_EDITIONS=first builds the first edition alone (bench/ measures each edition apart).
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from mkdocs.utils.yaml import yaml_load

from shared import editions as shared_editions, guide_data, interface_strings
from shared.editions import Edition, data_folder, editions, this_edition
from shared.edition_parity import data_problems, out_of_step, page_problems

log = get_plugin_logger("language_editions")
DOCS_PATH = re.compile(r"(?<![\w/.-])docs/(?!assets/)")  # "docs/04-skills/x.md", not "docs/assets/..."
FRENCH_SEPARATOR = r"[\s\-'’]+"  # words split at spaces, hyphens and elisions

all_editions: list[Edition] = []
current: Edition | None = None
docs_dirs: dict[str, Path] = {}


def _docs_dir_of(root: Path, edition: Edition) -> Path:
    """An edition's docs_dir, read from its config file (INHERIT followed)."""
    config_file = root / edition.config_file
    if not config_file.is_file():
        raise PluginError(f'mkdocs.yml, extra.alternate: the "{edition.lang}" edition is built from '
                          f"{edition.config_file}, which does not exist. Create it (see mkdocs.fr.yml "
                          "and README, 'Languages'), or remove the edition from extra.alternate.")
    with open(config_file, "rb") as handle:
        settings = yaml_load(handle)
    return (config_file.parent / (settings.get("docs_dir") or "docs")).resolve()


class _PagesFolder(logging.Filter):
    """The hooks name a page "docs/X.md"; in this edition's messages it is "docs-fr/X.md"."""

    def __init__(self, folder: str):
        super().__init__()
        self.folder = folder

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "docs/" in message:
            record.msg, record.args = DOCS_PATH.sub(self.folder + "/", message), None
        return True


def _name_pages_in(folder: str) -> None:
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, _PagesFolder) for f in handler.filters):
            handler.addFilter(_PagesFolder(folder))


class _SwitchOnly(list):
    """An empty extra.alternate that still counts as set: Material then writes no
    <link rel="alternate"> but still includes the header's switch (partials/alternate.html)."""

    def __bool__(self) -> bool:
        return True


def _offline(config) -> bool:
    """The offline edition (Material's offline plugin on: make offline, GUIDE_OFFLINE=true)."""
    return any(name.endswith("offline") and getattr(plugin, "config", {}).get("enabled")
               for name, plugin in config.plugins.items())


def _search_plugin(config):
    for name, plugin in config.plugins.items():
        if name.endswith("search") and hasattr(plugin, "config") and "lang" in plugin.config:
            return plugin
    return None


def on_config(config):
    global all_editions, current, docs_dirs
    # extra.alternate is rewritten below for Material's templates: the setting is kept apart
    source = config.extra.setdefault("alternate_setting", config.extra.get("alternate"))
    setting = {**config.extra, "alternate": source}
    all_editions = editions(setting)
    current = this_edition(setting)
    guide_data.use_data_folder(data_folder(setting))
    root = Path(config.config_file_path).resolve().parent
    docs_dirs = {e.lang: _docs_dir_of(root, e) for e in all_editions}
    shared_editions.first_docs_dir = docs_dirs[all_editions[0].lang] if current and current.folder else None
    site_url = config.site_url or ""
    root_url = site_url if site_url.endswith("/") or not site_url else site_url + "/"
    config.extra["guide_editions"] = [{"tag": e.tag, "base": urljoin(root_url, e.folder) if root_url else ""}
                                      for e in all_editions] if root_url and current else []
    heading_link = interface_strings.load(config).get("page", {}).get("heading_link")
    if heading_link and "toc" in config.mdx_configs:  # the ¶ link's tooltip, in the edition's language
        config.mdx_configs["toc"]["permalink_title"] = heading_link
    if current:
        # Material's <link rel="alternate" hreflang> to each edition's home, relative (same
        # origin, offline too): its script reads each one's sitemap.xml there. The page's own
        # counterpart is the switch's link (overrides/partials/alternate.html) and the sitemap's.
        up = "../" * current.folder.count("/")
        config.extra["alternate"] = [{"name": e.name, "lang": e.tag,
                                      "link": (up + e.folder) if e != current else "./"} for e in all_editions]
        if _offline(config):  # from file://, the script's reading of sitemap.xml fails (a console
            config.extra["alternate"] = _SwitchOnly()  # error): no head links; the header keeps the switch
    if current and current.folder:
        _name_pages_in(Path(config.docs_dir).name)
        if site_url:  # mkdocs.fr.yml inherits the first edition's address: this edition is in its folder
            config.site_url = urljoin(root_url, current.folder)
        search = _search_plugin(config)
        if search is not None:  # one language per index: French readers get French stems and no English hits
            search.config.lang[:] = [current.lang]  # in place: the plugin's index holds this same list
            if current.lang == "fr":  # "l'écoute" is searched as "écoute"
                search.config.separator = FRENCH_SEPARATOR
                if getattr(search, "search_index", None) is not None:
                    search.search_index.config["separator"] = FRENCH_SEPARATOR
    return config


def on_files(files, config):
    if not current:
        return files
    mine = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    problems = page_problems(mine, current, docs_dirs)
    problems += data_problems(root, {e.lang: data_folder({**config.extra, "course": {"language": e.lang}})
                                     for e in all_editions})
    if problems:
        raise PluginError("Language editions out of step: every page exists in every edition "
                          "(extra.alternate):\n  - " + "\n  - ".join(problems))
    rules = (config.extra.get("guide_rules") or {}).get("editions_out_of_step", "report")
    older = [] if current.folder else out_of_step(root, docs_dirs)
    if older:
        report = ("Translations to bring up to date (the page changed after its counterpart):\n  - "
                  + "\n  - ".join(older))
        if rules == "fail":
            raise PluginError(report)
        log.info(report)
    if current.folder:  # assets the edition does not translate come from the first edition
        first = docs_dirs[all_editions[0].lang]
        have = {f.src_uri for f in files}
        for path in sorted(first.rglob("*")):
            uri = path.relative_to(first).as_posix()
            if path.is_file() and not uri.endswith(".md") and uri not in have:
                files.append(File(uri, str(first), config.site_dir, config.use_directory_urls))
    return files


def counterparts(page_url: str) -> list[dict]:
    """The page in every edition: name, lang and relative href (works offline)."""
    here = (current.folder if current else "") + page_url
    found = []
    for edition in all_editions:
        there = edition.folder + page_url
        found.append({"name": edition.name, "lang": edition.tag, "current": edition == current,
                      "href": get_relative_url(there or ".", here or ".") if there != here else ""})
    return found


def on_page_context(context, page, config, nav):
    if not current:
        return context
    context["guide_alternates"] = counterparts(page.url)
    return context


def on_serve(server, config, builder):
    """`make serve` rebuilds when another edition's pages or data change too."""
    root = Path(config.config_file_path).resolve().parent
    for edition in all_editions[1:]:
        for folder in (docs_dirs[edition.lang], root / "data" / edition.lang, root / edition.config_file):
            if folder.exists():
                server.watch(str(folder))
    return server


def on_post_page(output, page, config):
    if current and current.locale:  # Material writes the language code; the page says its locale
        output = output.replace(f'<html lang="{current.lang}"', f'<html lang="{current.locale}"', 1)
    return output


@event_priority(-200)  # last: the English site is complete (its offline list of files too) before fr/ is added
def on_post_build(config):
    if not current or current.folder or os.environ.get("GUIDE_EDITIONS") == "first":
        return
    root = Path(config.config_file_path).resolve().parent
    # the same program as this build (mkdocs, or ProperDocs for properdocs.yml), and the
    # edition's twin of this config file when there is one (properdocs.fr.yml)
    program = "properdocs" if "properdocs" in sys.modules else "mkdocs"
    stem = Path(config.config_file_path).stem
    for edition in all_editions[1:]:
        target = Path(config.site_dir).resolve() / edition.folder
        twin = root / f"{stem}.{edition.lang}.yml"
        config_file = twin if twin.is_file() else root / edition.config_file
        command = [sys.executable, "-m", program, "build", "-f", str(config_file),
                   "-d", str(target)] + (["--strict"] if config.strict else []) \
            + (["-q"] if not logging.getLogger("mkdocs").isEnabledFor(logging.INFO) else [])  # as quiet as this build
        log.info(f"Building the {edition.name} edition ({config_file.name}) into {edition.folder}")
        done = subprocess.run(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if done.returncode:
            raise PluginError(f"The {edition.name} edition ({config_file.name}) did not build: "
                              "its messages are above.")
