"""A throw-away copy of the guide's source: for tests that break one thing in it, and for
the benchmarks (tests/conftest.py and bench/common.py both use it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "hooks", "overrides"]  # what a build reads


def edition_parts(root: Path = ROOT) -> list[str]:
    """The other language editions' config files (mkdocs.fr.yml) and the docs_dir each names
    (docs-fr): without them a copy of a guide with several editions does not build."""
    parts = []
    for config in sorted(root.glob("mkdocs.*.yml")):
        parts.append(config.name)
        docs = (yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}).get("docs_dir")
        if docs and (root / docs).is_dir() and docs not in PROJECT_PARTS + parts:
            parts.append(str(docs))
    return parts


def copy_project(dest: Path, all_editions: bool = False) -> Path:
    """Copy the parts of the guide a build reads into `dest` (created if needed): with
    `all_editions`, every language edition; else the first alone, as a one-language fork (the
    tests that break one thing in a page check that edition's messages, in one build)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS + edition_parts() if all_editions else PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    if not all_editions:
        keep_first_edition(dest)
    return dest


def keep_first_edition(project: Path) -> None:
    """Make the guide at `project` one language: its mkdocs.yml lists only the first edition
    of extra.alternate (the other entries' lines are removed; comments and tags stay), and the
    others' data folders go (README, "Languages": what a one-language fork does)."""
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    out, inside, entries = [], None, 0
    for line in lines:
        stripped = line.strip()
        if inside is None and stripped == "alternate:":
            inside = len(line) - len(line.lstrip())
        elif inside is not None and stripped and not stripped.startswith("#") and len(line) - len(line.lstrip()) <= inside:
            inside = None
        elif inside is not None and stripped.startswith("- "):
            entries += 1
        if inside is not None and entries > 1:
            continue
        out.append(line)
    config.write_text("\n".join(out), encoding="utf-8")
    first = editions(load_config(project))[0]["lang"]
    for folder in (project / "data").iterdir():
        if folder.is_dir() and (project / f"mkdocs.{folder.name}.yml").exists() is False and folder.name != first \
                and len(folder.name) <= 3 and folder.name.isalpha():
            shutil.rmtree(folder)  # data/fr/ of an edition no longer built


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: MkDocs' own tags (`!ENV [NAME, default]`, `!relative`)
    become their default value (or None), so scripts and tests need no MkDocs config."""


def _tag_default(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_ConfigLoader.add_multi_constructor("!", _tag_default)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tag_default)


def load_config(root: Path = ROOT, lang: str | None = None) -> dict:
    """mkdocs.yml of the guide at `root`, as plain data (site_name, nav, extra, ...); with `lang`,
    that language edition's settings (mkdocs.<lang>.yml over mkdocs.yml, as INHERIT merges them),
    its site_url in its folder, and `docs_dir`/`data_dir` set to its own."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    config.setdefault("docs_dir", "docs")
    config["data_dir"] = "data"
    first, *others = editions(config)
    edition = next((e for e in others if e["lang"] == lang), None)
    if lang and lang != first["lang"] and edition is None:
        raise SystemExit(f"mkdocs.yml, extra.alternate: no edition in language {lang!r}; "
                         f"the editions are {', '.join(e['lang'] for e in [first, *others])}.")
    if edition is None:
        return config
    child = yaml.load((root / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    child.pop("INHERIT", None)
    merged = _merge(config, child)
    merged["data_dir"] = f"data/{lang}"
    if merged.get("site_url"):
        merged["site_url"] = str(config["site_url"]).rstrip("/") + "/" + edition["folder"]
    return merged


def editions(config: dict) -> list[dict]:
    """[{lang, folder}] of extra.alternate (hooks/shared/editions.py checks them at build time);
    one edition, in the course's language, when there is no list."""
    found = [{"lang": str(e.get("lang")), "folder": "" if n == 0 else str(e.get("link", "")).strip("/") + "/"}
             for n, e in enumerate(((config.get("extra") or {}).get("alternate") or [])) if isinstance(e, dict)]
    return found or [{"lang": str(((config.get("extra") or {}).get("course") or {}).get("language") or "en"), "folder": ""}]


def _merge(base, child):
    """INHERIT's deep merge: mappings merge key by key, anything else (lists too) is replaced."""
    if isinstance(base, dict) and isinstance(child, dict):
        return {**base, **{k: _merge(base.get(k), v) if k in base else v for k, v in child.items()}}
    return child


def local_address(root: Path = ROOT, port: int = 8000) -> str:
    """Where `mkdocs serve` shows the guide: the local server under site_url's path."""
    from urllib.parse import urlsplit
    path = urlsplit(load_config(root).get("site_url") or "/").path or "/"
    return f"http://127.0.0.1:{port}{path if path.endswith('/') else path + '/'}"


# Hosts reserved for examples (RFC 2606): the shipped site_url points to one until a fork sets its own.
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")
ALLOW_PLACEHOLDER = "--allow-placeholder-url"


def is_placeholder_url(url: str | None) -> bool:
    """True for a missing site_url or one on an example host."""
    from urllib.parse import urlsplit
    host = (urlsplit(url or "").hostname or "").lower()
    return not host or any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS)


def export_site_url(config: dict, allow_placeholder: bool = False) -> str:
    """The site_url every link of an export points to (ending in /); stops with a message while
    it is still the placeholder, unless the placeholder is allowed (a trial export)."""
    url = str(config.get("site_url") or "")
    if is_placeholder_url(url) and not allow_placeholder:
        raise SystemExit(
            f"mkdocs.yml: site_url is still the placeholder ({url or 'not set'}), so every link in the exported "
            "feedback would lead there, not to your guide. Set site_url to the address where the guide is "
            f"published (README, \"Adapt the guide\"), or add {ALLOW_PLACEHOLDER} for a trial export "
            f"(make moodle or make qti EXPORT_FLAGS={ALLOW_PLACEHOLDER}).")
    return url.rstrip("/") + "/"
