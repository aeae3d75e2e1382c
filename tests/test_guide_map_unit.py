"""The home page's map and first step (hooks/guide_map.py), from a made-up `nav:`."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import ROOT  # noqa: F401  (puts hooks/ on the path)
from mkdocs.exceptions import PluginError

import guide_map

NAV = [
    {"Home": "index.md"},
    {"1 Intro": ["01-intro/index.md", {"1.1 Why [it] *matters*": "01-intro/why.md"}]},
    {"Tools": [{"Glossary": "glossary.md"}, "untitled.md", {"Site": "https://example.org/"}]},
]


def test_every_page_is_listed_in_order_nested_by_section_and_escaped():
    lines = guide_map.map_lines(NAV, "index.md", {"untitled.md": "Its <H1>"})
    assert lines == [
        "- **[1 Intro](01-intro/index.md)**",
        "    - [1.1 Why &#91;it&#93; &#42;matters&#42;](01-intro/why.md)",
        "- **Tools**",
        "    - [Glossary](glossary.md)",
        "    - [Its &lt;H1&gt;](untitled.md)",
        "    - [Site](https://example.org/)",
    ]


def test_links_are_relative_to_the_page_holding_the_map():
    assert guide_map.map_lines([{"A": "a/b.md"}, {"Here": "a/c.md"}], "a/c.md", {}) == ["- [A](b.md)"]


def _page(uri):
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri))


def test_a_map_with_no_other_page_fails_naming_the_file(monkeypatch):
    monkeypatch.setattr(guide_map, "_untitled_titles", lambda nav, files: {})
    config = SimpleNamespace(nav=[{"Home": "index.md"}])
    with pytest.raises(PluginError, match=r"docs/index.md: <!-- guide-map --> is there, but nav: .* lists no other page"):
        guide_map.on_page_markdown("<!-- guide-map -->", _page("index.md"), config, None)


def test_the_first_step_names_the_next_page_of_the_reading_order(monkeypatch):
    monkeypatch.setattr(guide_map, "_untitled_titles", lambda nav, files: {})
    monkeypatch.setattr(guide_map, "words", {"start": "Start with {page} & go on."})
    out = guide_map.on_page_markdown("<!-- guide-start -->", _page("index.md"), SimpleNamespace(nav=NAV), None)
    assert out == "Start with [1 Intro](01-intro/index.md) &amp; go on.\n{: .guide-start }"
