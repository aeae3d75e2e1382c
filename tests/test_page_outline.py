"""Unit tests of hooks/shared/page_outline.py: outlines, and that they never go stale."""

import os

from mkdocs.structure.files import File, Files

from shared.page_outline import mask_fenced_code, site_outlines


def _files(docs):
    return Files([File("02-f/a.md", str(docs), str(docs.parent / "site"), True)])


def test_an_edited_page_gets_a_new_outline(tmp_path):
    """Outlines are cached for the build's several readers, but an edit (as under
    `mkdocs serve`) must be read again, even when the text keeps its length."""
    docs = tmp_path / "docs"
    (docs / "02-f").mkdir(parents=True)
    page = docs / "02-f" / "a.md"
    page.write_text("# First title\n\n## Part one\n\nText.\n", encoding="utf-8")
    first = site_outlines(_files(docs), ["02-f/a.md"])["02-f/a.md"]
    assert first.title == "First title" and [p.anchor for p in first.parts] == ["", "part-one"]
    assert site_outlines(_files(docs), ["02-f/a.md"])["02-f/a.md"] is first  # read once
    page.write_text("# Other title\n\n## Part two\n\nText.\n", encoding="utf-8")  # same length
    status = page.stat()
    os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns + 1_000_000))
    second = site_outlines(_files(docs), ["02-f/a.md"])["02-f/a.md"]
    assert second.title == "Other title" and [p.anchor for p in second.parts] == ["", "part-two"]


def test_mask_fenced_code_keeps_offsets_and_lines():
    text = "A (Smith, 2000).\n\n~~~\n<!-- figure: x -->\n~~~\n\nB\n"
    masked = mask_fenced_code(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "figure" not in masked and masked.startswith("A (Smith, 2000).") and masked.endswith("B\n")
    assert mask_fenced_code("no fence here") == "no fence here"
