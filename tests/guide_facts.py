"""What the tests expect, read from the guide as configured: mkdocs.yml (nav, site_name,
extra, the page rules of `extra.guide_rules`) and the data files. Nothing here names
today's pages, titles or counts, so a fork that renames the guide, adds or removes a page
or a whole chapter passes the same tests (tests/test_fork.py proves it)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tools")]

from guide_project import load_config  # noqa: E402
from shared.page_outline import is_chapter_page, is_section_page, mask_fenced_code, nav_order  # noqa: E402
from page_rules import rules_from  # noqa: E402
from shared.quiz_source import QUIZ  # noqa: E402

CONFIG = load_config(ROOT)
SITE_NAME = CONFIG["site_name"]
EXTRA = CONFIG.get("extra") or {}
RULES = rules_from(EXTRA)
# Pages written by authors, in reading order (generated pages such as glossary.md are not in docs/)
NAV = [p for p in nav_order(CONFIG["nav"]) if (ROOT / "docs" / p).is_file()]
SECTIONS = [p for p in NAV if is_section_page(p)]
CHAPTERS = [p for p in NAV if is_chapter_page(p)]


def source(page: str) -> str:
    return (ROOT / "docs" / page).read_text(encoding="utf-8")


def questions(page: str) -> list[str]:
    """The page's quiz blocks (not the examples in fenced code)."""
    text = source(page)
    return [text[m.start("body"):m.end("body")] for m in QUIZ.finditer(mask_fenced_code(text))]


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives a page: a/b.md -> a/b/, a/index.md -> a/."""
    stem = src_uri[: -len(".md")]
    return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"


QUIZ_PAGES = [p for p in NAV if (is_section_page(p) or is_chapter_page(p)) and questions(p)]


def data(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def sample_section(*, with_figure: bool = False) -> str:
    """The first section page in reading order with choice and fill-in questions (and a
    figure, if asked): the page the tests that need "a section page" look at."""
    for page in SECTIONS:
        bank = questions(page)
        kinds = {"blank" if "[[" in q else "choice" for q in bank}
        if kinds == {"blank", "choice"} and (not with_figure or "<!-- figure:" in source(page)):
            return page
    raise AssertionError("no section page with both choice and fill-in questions")


def chapter_of(src_uri: str) -> str:
    """The overview page of the chapter folder holding `src_uri`."""
    return re.sub(r"/[^/]+$", "/index.md", src_uri)
