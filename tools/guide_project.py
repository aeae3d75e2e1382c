"""A throw-away copy of the guide's source: for tests that break one thing in it, and for
the benchmarks (tests/conftest.py and bench/common.py both use it)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ["mkdocs.yml", "docs", "data", "hooks", "overrides"]  # what a build reads


def copy_project(dest: Path) -> Path:
    """Copy the parts of the guide a build reads into `dest` (created if needed)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest
