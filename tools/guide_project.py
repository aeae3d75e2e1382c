"""A throw-away copy of the guide's source: for tests that break one thing in it, and for
the benchmarks (tests/conftest.py and bench/common.py both use it)."""

from __future__ import annotations

import re
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


def copy_project(dest: Path, first_edition_only: bool = False) -> Path:
    """Copy the parts of the guide a build reads into `dest` (created if needed).

    first_edition_only: the copy publishes the first language of `extra.alternate` alone, so that
    a test may break one edition's page without the other editions' pages disagreeing first."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS + edition_parts():
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    if first_edition_only:
        config = dest / "mkdocs.yml"
        config.write_text(drop_other_editions(config.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def drop_other_editions(text: str) -> str:
    """mkdocs.yml's text with every entry of `extra.alternate` but the first left out."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s+alternate:\s*(#.*)?$", line)), None)
    if start is None:
        return text
    indent = len(lines[start]) - len(lines[start].lstrip())
    items, end = [], start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].lstrip().startswith("#")
                                or len(lines[end]) - len(lines[end].lstrip()) > indent):
        if re.match(r"^\s*- ", lines[end]):
            items.append(end)
        end += 1
    if len(items) < 2:
        return text
    return "".join(lines[:items[1]] + lines[end:])


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


def load_config(root: Path = ROOT) -> dict:
    """mkdocs.yml of the guide at `root`, as plain data (site_name, nav, extra, ...)."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


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
