"""The guide's language editions: which exist, which one this build is, where its files are.

Pure functions and one setting, no MkDocs events (hooks/language_editions.py has those).

The editions are mkdocs.yml's `extra.alternate` (Material's language switch), one entry per
published language: `name` (shown in the switch), `lang` (a language code: Material's labels,
the search language, the data folder), `locale` (optional: the pages' `lang`, "fr-CA") and `link` (the
edition's folder in the site: `./` for the first, `fr/` for French). The first entry is the
edition built from mkdocs.yml, from docs/ and data/; every other one is built from
`mkdocs.<lang>.yml` (which INHERITs mkdocs.yml), from the docs_dir that file names and from
`data/<lang>/`, into `<link>` inside the first edition's site. No `extra.alternate`: one language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

# Data files that are the same in every language (names, dates and APA entries, not prose).
SHARED_DATA = ("people.yml", "references.yml")


@dataclass(frozen=True)
class Edition:
    lang: str      # "fr"
    name: str      # "Français"
    folder: str    # "" for the first edition, "fr/" for another
    locale: str = ""  # "fr-CA": each page's lang and hreflang (default: lang)

    @property
    def tag(self) -> str:
        return self.locale or self.lang

    @property
    def config_file(self) -> str:
        return "mkdocs.yml" if not self.folder else f"mkdocs.{self.lang}.yml"


def editions(extra: dict | None) -> list[Edition]:
    """The editions `extra.alternate` declares, checked (a clear error for a malformed entry)."""
    # hooks/language_editions.py rewrites extra.alternate for Material's templates and keeps the
    # setting as written in extra.alternate_setting
    extra = extra or {}
    entries = (extra.get("alternate_setting") if "alternate_setting" in extra else extra.get("alternate")) or []
    if not isinstance(entries, list):
        raise PluginError("mkdocs.yml, extra.alternate: expected a list of editions "
                          "(name, lang, link), one per language; see README, 'Languages'.")
    found, problems = [], []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not all(str(entry.get(k) or "").strip() for k in ("name", "lang", "link")):
            problems.append(f"entry {n} needs name, lang and link")
            continue
        link = str(entry["link"]).strip().strip("/")
        folder = "" if n == 1 else (link.strip(".") and link + "/")
        if n == 1 and link not in ("", "."):
            problems.append(f'entry {n} ("{entry["lang"]}") is the edition at the site\'s root: its link must be "./"')
        if n > 1 and (not folder or "/" in link or PurePosixPath(link).name != link):
            problems.append(f'entry {n} ("{entry["lang"]}"): link must be one folder name such as "{entry["lang"]}/"')
        found.append(Edition(str(entry["lang"]).strip(), str(entry["name"]).strip(), folder,
                             str(entry.get("locale") or "").strip()))
    langs = [e.lang for e in found]
    if len(set(langs)) != len(langs):
        problems.append(f"a language appears twice: {', '.join(langs)}")
    if problems:
        raise PluginError("mkdocs.yml, extra.alternate: " + "; ".join(problems) + ". See README, 'Languages'.")
    return found


def language_of(extra: dict | None) -> str:
    return str(((extra or {}).get("course") or {}).get("language") or "en")


def this_edition(extra: dict | None) -> Edition | None:
    """The edition being built (by `extra.course.language`); None when there is only one."""
    lang = language_of(extra)
    for edition in editions(extra):
        if edition.lang == lang:
            return edition
    if editions(extra):
        raise PluginError(f'extra.course.language is "{lang}", but extra.alternate has no edition with '
                          f'lang: {lang}. Add one, or set the language to one of the editions.')
    return None


def data_folder(extra: dict | None) -> str:
    """"data" for the first edition (or the only one), "data/fr" for French."""
    edition = this_edition(extra)
    return "data" if edition is None or not edition.folder else f"data/{edition.lang}"


def localized(relpath: str, folder: str) -> str:
    """"data/glossary.yml" as this edition's file: "data/fr/glossary.yml" (shared files stay)."""
    if folder == "data" or not relpath.startswith("data/") or relpath[5:] in SHARED_DATA:
        return relpath
    return f"{folder}/{relpath[5:]}"


# The first edition's docs_dir, when this build is another edition's (set by
# hooks/language_editions.py): the assets an edition does not translate are read from there.
first_docs_dir: Path | None = None


def asset_source(docs_dir: Path, relpath: str) -> Path:
    """An asset of this edition's docs_dir, else the first edition's (an untranslated figure)."""
    own = Path(docs_dir) / relpath
    if own.exists() or first_docs_dir is None:
        return own
    return first_docs_dir / relpath
