"""The QTI export of the real question bank: well-formed XML in both packages, every
question present, links pointing at the hosted guide, quotes and markup escaped, plain
titles, every accepted form of a blank a right answer, multiple-answer grading with no credit
for ticking every box, and no export to the placeholder site_url."""

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


NS21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
NS12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def items(package):
    return {name: ET.fromstring(data) for name, data in xml_files(package).items() if name.startswith("items/")}


def test_titles_are_plain_text(packages):
    for package in packages:
        for name, item in items(package).items():
            element = item if item.get("title") is not None else item.find(f"{NS12}item")
            title = element.get("title")
            assert title and not re.search(r"\*\*|`|\{\{BLANK|\]\(", title), (package.name, title)


def blank_variants():
    from shared.quiz_source import BLANK, blank_forms
    from guide_facts import QUIZ_PAGES
    forms = [blank_forms(m[1]) for page in QUIZ_PAGES
             for m in BLANK.finditer((ROOT / "docs" / page).read_text(encoding="utf-8"))]
    assert any(len(f) > 1 for f in forms), "no blank with variants to check"
    return forms


def test_every_accepted_form_of_a_blank_is_a_right_answer(packages):
    forms = blank_variants()
    qti12, qti21 = (items(p) for p in packages)
    # QTI 1.2: one <varequal> per form in the blank's condition (an <or> when there are several)
    found12 = [tuple(v.text for v in cond.iter(f"{NS12}varequal"))
               for item in qti12.values() if "fill_in" in ET.tostring(item, encoding="unicode")
               for cond in item.iter(f"{NS12}conditionvar")]
    # QTI 2.1: the canonical form as the correct response, every form in the mapping and the processing
    found21 = []
    for item in qti21.values():
        for declaration in item.iter(f"{NS21}responseDeclaration"):
            if declaration.get("baseType") != "string":
                continue
            correct = [v.text for v in declaration.iter(f"{NS21}value")]
            mapped = tuple(e.get("mapKey") for e in declaration.iter(f"{NS21}mapEntry"))
            matched = tuple(b.text for s in item.iter(f"{NS21}stringMatch") for b in s.iter(f"{NS21}baseValue")
                            if s.find(f"{NS21}variable").get("identifier") == declaration.get("identifier"))
            assert correct == [mapped[0]] and mapped == matched, (correct, mapped, matched)
            found21.append(mapped)
    for accepted in forms:
        assert tuple(accepted) in found12 and tuple(accepted) in found21, accepted


def test_ticking_every_box_earns_nothing(packages):
    qti12, qti21 = (items(p) for p in packages)
    multiple12 = [i for i in qti12.values() if "multiple_answers_question" in ET.tostring(i, encoding="unicode")]
    assert multiple12
    for item in multiple12:
        points = [float(s.text) for s in item.iter(f"{NS12}setvar")]
        right, wrong = [p for p in points if p > 0], [p for p in points if p < 0]
        assert abs(sum(right) - 100) < 0.01 and sum(points) <= 0.01 and all(-w >= right[0] - 0.01 for w in wrong)
    multiple21 = [i for i in qti21.values() if i.find(f".//{NS21}choiceInteraction[@maxChoices='0']") is not None]
    assert len(multiple21) == len(multiple12)
    for item in multiple21:
        mapping = item.find(f"{NS21}responseDeclaration/{NS21}mapping")
        values = [float(e.get("mappedValue")) for e in mapping.iter(f"{NS21}mapEntry")]
        assert mapping.get("lowerBound") == "0" and abs(sum(v for v in values if v > 0) - 1) < 0.001
        assert sum(values) <= 0.001 and item.find(f".//{NS21}mapResponse") is not None


def test_the_placeholder_site_url_stops_the_export_unless_allowed(tmp_path):
    from guide_facts import CONFIG
    if "example.org" not in CONFIG["site_url"]:
        pytest.skip("site_url is set: nothing to refuse")
    with pytest.raises(SystemExit) as stopped:
        export_qti.main([str(tmp_path / "out")])
    assert "site_url is still the placeholder" in str(stopped.value.code)
    assert not (tmp_path / "out").exists()


def test_placeholder_urls_are_recognized():
    from guide_project import is_placeholder_url
    assert is_placeholder_url("https://example.org/helping-relationship/") and is_placeholder_url("")
    assert is_placeholder_url("https://www.example.com/g/")
    assert not is_placeholder_url("https://user.github.io/guide/") and not is_placeholder_url("https://notexample.org/")
