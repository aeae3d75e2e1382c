"""The QTI export of the real question bank: well-formed XML in both packages, every
question present, links pointing at the hosted guide, quotes and markup escaped."""

import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from guide_facts import NAV, SITE_NAME, questions

sys.path.insert(0, str(ROOT / "tools"))
import export_qti  # noqa: E402


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    return export_qti.export(tmp_path_factory.mktemp("qti"))


def xml_files(package):
    with zipfile.ZipFile(package) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.endswith(".xml")}



BANK = sum(len(questions(page)) for page in NAV)


def test_both_packages_hold_every_question_as_well_formed_xml(packages):
    assert [p.name for p in packages] == ["helping-relationship-qti12.zip", "helping-relationship-qti21.zip"]
    for package in packages:
        files = xml_files(package)
        for name, data in files.items():
            ET.fromstring(data)  # raises on malformed XML
        items = [n for n in files if n.startswith("items/")]
        assert len(items) == BANK, (package.name, len(items))
        assert "imsmanifest.xml" in files


def test_title_is_the_guides(packages):
    from xml.sax.saxutils import quoteattr
    assessment = xml_files(packages[0])["assessment.xml"].decode()
    assert f"title={quoteattr(SITE_NAME)}" in assessment


def test_explanation_links_point_to_the_hosted_guide(packages):
    text = "".join(d.decode() for d in xml_files(packages[0]).values())
    links = re.findall(r'<a href="([^"]+)"', text)
    assert len(links) >= BANK  # every explanation links into the guide
    assert all(link.startswith("https://") for link in links), [l for l in links if not l.startswith("https://")][:5]
    assert "](#" not in text and ".md#" not in text


def test_quotes_ampersands_and_brackets_stay_well_formed(tmp_path):
    docs = tmp_path / "docs" / "01-x"
    docs.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_url: https://example.org/g/\nsite_name: T \"&\" <b>\n", encoding="utf-8")
    (docs / "page.md").write_text(
        '# P\n\n<quiz>\nA client says: "I\'m <fine> & well" \'really\'?\n- [x] "Yes" & <no>\n- [ ] \'No\'\n\n'
        'Because "quotes" & <tags>. See [here](#p).\n</quiz>\n\n'
        '<quiz>\nFill "this" & [[that]] <now>.\n\n---\nSee [there](../01-x/page.md#p) & "why".\n</quiz>\n',
        encoding="utf-8")
    for package in export_qti.export(tmp_path / "out", root=tmp_path):
        for name, data in xml_files(package).items():
            ET.fromstring(data)


def test_links_are_rewritten_relative_to_the_page():
    md = "text [a](#x)\n<quiz>\nQ?\n- [x] a\n\nSee [b](#h) and [c](../02-f/p.md#k) and [d](index.md).\n</quiz>"
    out = export_qti.absolute_links(md, "01-i/page.md", "https://e.org/g/")
    assert "text [a](#x)" in out  # outside quizzes: unchanged
    assert '<a href="https://e.org/g/01-i/page/#h">b</a>' in out
    assert '<a href="https://e.org/g/02-f/p/#k">c</a>' in out
    assert '<a href="https://e.org/g/01-i/">d</a>' in out


def test_packages_by_chapter_hold_the_whole_bank(tmp_path):
    from guide_facts import QUIZ_PAGES
    packages = export_qti.export_by_chapter(tmp_path)
    chapters = list(dict.fromkeys(page.split("/")[0] for page in QUIZ_PAGES))
    assert [p.name for p in packages] == [f"{c}-{v}.zip" for c in chapters for v in ("qti12", "qti21")]
    for version in ("qti12", "qti21"):
        items = sum(len([n for n in xml_files(p) if n.startswith("items/")]) for p in packages if p.stem.endswith(version))
        assert items == BANK


def test_help_is_printed_and_creates_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as done:
        export_qti.main(["--help"])
    assert done.value.code == 0 and "usage" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []
