"""Unit tests of hooks/comparison.py: validation of data/comparison.yml and rendering."""

import copy

import pytest
import yaml

import comparison
from mkdocs.exceptions import PluginError
from conftest import ROOT
from shared.generated_blocks import fill
from shared.guide_data import DataFileError
from shared.page_outline import PageOutline, Part

REAL = yaml.safe_load((ROOT / "data" / "comparison.yml").read_text(encoding="utf-8"))
WORDS = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))["comparison"]


def load_variant(tmp_path, mutate):
    data = copy.deepcopy(REAL)
    mutate(data)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "comparison.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return comparison.load_comparison(tmp_path)


def test_real_data_compares_frameworks():
    frameworks, dimensions = comparison.load_comparison(ROOT)
    assert len(frameworks) >= 2 and dimensions


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["dimensions"][0]["cells"].pop("humanistic"),
     r'dimension.*"view-of-the-person".*framework "humanistic": missing cell'),
    (lambda d: d["dimensions"][1]["cells"]["psychodynamic"].update(statement=""),
     r'"origin-of-difficulties".*framework "psychodynamic": missing "statement"'),
    (lambda d: d["dimensions"][2]["cells"]["humanistic"].pop("anchor"),
     r'"goal-of-helping".*framework "humanistic": missing "anchor"'),
    (lambda d: d["dimensions"][0]["cells"].update(systemic={"statement": "x", "anchor": "y"}),
     r'cell for unknown framework "systemic"'),
    (lambda d: d["frameworks"][0].pop("page"), r'framework.*"psychodynamic".*missing "page"'),
])
def test_bad_comparison_data_is_named(tmp_path, mutate, message):
    with pytest.raises(DataFileError, match=message):
        load_variant(tmp_path, mutate)


def outline_with(anchors):
    return PageOutline("x", "x", [Part(a, a, "") for a in anchors])


def test_missing_framework_page_and_anchor_are_named(monkeypatch):
    frameworks, dimensions = comparison.load_comparison(ROOT)
    monkeypatch.setattr(comparison, "frameworks", frameworks)
    monkeypatch.setattr(comparison, "dimensions", dimensions)
    first, last = frameworks[0], frameworks[-1]
    anchors = {d["cells"][first["id"]]["anchor"] for d in dimensions}
    dropped = dimensions[-1]["cells"][first["id"]]["anchor"]
    outlines = {f["page"]: outline_with(anchors) for f in frameworks[1:-1]}
    outlines[first["page"]] = outline_with(anchors - {dropped})
    with pytest.raises(DataFileError) as error:
        comparison.check_targets(ROOT, outlines)
    message = str(error.value)
    assert f'framework "{last["id"]}": page "{last["page"]}" is not a section page' in message
    assert f'dimension "{dimensions[-1]["id"]}"' in message
    assert f'framework "{first["id"]}": anchor "#{dropped}" is not a heading' in message


def render_with_statement(monkeypatch, statement: str):
    """The comparison page rendered from the real data, with the last framework's first cell
    statement replaced. Returns its Markdown, its HTML blocks and the data used."""
    frameworks, dimensions = comparison.load_comparison(ROOT)
    dimensions = copy.deepcopy(dimensions)
    dimensions[0]["cells"][frameworks[-1]["id"]]["statement"] = statement
    monkeypatch.setattr(comparison, "frameworks", frameworks)
    monkeypatch.setattr(comparison, "dimensions", dimensions)
    monkeypatch.setattr(comparison, "words", WORDS)
    markdown, blocks = comparison.render_comparison({f["page"]: f"../{f['id']}/" for f in frameworks})
    return markdown, blocks, frameworks, dimensions


def test_table_is_accessible_and_escaped(monkeypatch):
    markdown, blocks, frameworks, dimensions = render_with_statement(monkeypatch, "<script>alert(1)</script>")
    page = fill(markdown, blocks, "test")
    first, last = frameworks[0], frameworks[-1]
    assert "<caption" in page and f'<th scope="col">{first["name"]}</th>' in page
    assert page.count('<th scope="row">') == len(dimensions)
    assert page.count(f'data-label="{last["name"]}"') == len(dimensions)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert f'<a class="compare-more" href="../{last["id"]}/#{dimensions[0]["cells"][last["id"]]["anchor"]}">' in page
    assert f"{{ #dim-{dimensions[0]['id']} }}" in page


def test_lost_block_marker_fails_with_the_page_named():
    markdown, blocks = "# Title\n\nNo marker here.\n", {"table": "<table></table>"}
    with pytest.raises(PluginError, match=r'framework-comparison\.md: the place of the generated block "table" was lost'):
        fill(markdown, blocks, "framework-comparison.md")


def test_lists_are_escaped_html_with_working_links(monkeypatch):
    statement = 'A *bold* <img src=x onerror="alert(1)"> claim'
    markdown, blocks, frameworks, dimensions = render_with_statement(monkeypatch, statement)
    across = blocks[f"dim-{dimensions[0]['id']}"]
    assert across.startswith("<ul>\n<li>") and across.count("<li>") == len(frameworks)
    last = frameworks[-1]
    assert (f'<a href="../{last["id"]}/#{dimensions[0]["cells"][last["id"]]["anchor"]}">'
            f'{WORDS["read_more"].format(framework=last["name"])}</a>') in across
    table = blocks["table"]  # the one place of each statement
    assert "<img" not in table and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in table
    assert "&#42;bold&#42;" in table  # no Markdown emphasis from data
    assert sum("&lt;img src=x" in block for block in blocks.values()) == 1
    # every block has its marker in the Markdown, each on a line of its own
    for name in blocks:
        assert f"\n<!-- generated: {name} -->\n" in markdown


def test_missing_interface_words_are_named(tmp_path):
    """The page's words come from data/interface.yml: a missing one fails the build, named."""
    from types import SimpleNamespace

    words = {key: value for key, value in WORDS.items() if key not in ("read_more", "caption")}
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "interface.yml").write_text(yaml.safe_dump({"comparison": words}), encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"data/interface\.yml, section comparison: missing caption, read_more"):
        comparison.section_words(config, "comparison", comparison.WORDS, "label the page")
