"""Every kind of bad input to the guide, and the build's answer to it.

Each case breaks one thing in a throw-away copy of the real guide and builds it with
`mkdocs build --strict`. The answer is either a failed build whose message names the
file and the entry (and says what to fix), or, for markup smuggled into data, an
escaped, harmless page.
"""

import json
import re

import pytest

from conftest import assert_build_fails_saying, copy_project, run_build
from guide_facts import SECTIONS, data, questions, url_of

PAGE = SECTIONS[0]                                   # the first section page in the nav
SECTION = f"docs/{PAGE}"
SHOWN = re.escape(PAGE)                              # as messages name it
NEXT = len(questions(PAGE)) + 1                      # the number a question added at its end gets


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


COMPARISON, REFERENCES = data("comparison"), data("references")["references"]
FIRST_DIMENSION, LAST_DIMENSION = COMPARISON["dimensions"][0]["id"], COMPARISON["dimensions"][-1]["id"]
FIRST_FRAMEWORK, LAST_FRAMEWORK = COMPARISON["frameworks"][0]["id"], COMPARISON["frameworks"][-1]["id"]
FIRST_WITH_URL = next(r["cite"] for r in REFERENCES if r.get("url"))


def sub(path, pattern, replacement):
    """Replace the first line matching `pattern` (a whole line, multiline mode)."""
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, f"no line of {path.name} matches {pattern!r}"
    path.write_text(changed, encoding="utf-8")


def source_lines(page):
    from guide_facts import source
    return source(page).splitlines()


def add_page(project, uri, text):
    """A new page in docs/ and in the nav, right after the first section page."""
    (project / "docs" / uri).write_text(text, encoding="utf-8")
    edit(project / "mkdocs.yml", f": {PAGE}\n", f": {PAGE}\n{nav_indent(project)}- 9.9 New page: {uri}\n")


def nav_indent(project):
    return re.search(rf"^( *)- [^\n]*: {re.escape(PAGE)}$", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]


def first_term(project):
    return re.search(r"- term: (.+)", (project / "data/glossary.yml").read_text(encoding="utf-8"))[1]


def first_person_elsewhere(project):
    """A person of data/people.yml whose entry does not place them on SECTION."""
    import yaml
    people = yaml.safe_load((project / "data/people.yml").read_text(encoding="utf-8"))["people"]
    person = next(p for p in people if PAGE not in p["appears_in"] and " " not in p["name"])
    return person["name"], person


def first_person_elsewhere_now():
    from guide_facts import ROOT
    return first_person_elsewhere(ROOT)


def checked_quiz(project, body):
    """A quiz for SECTION that names the page's first learning objective (hooks/objectives.py
    requires one), so that the case tests only what it breaks."""
    objective = re.search(r"<!-- objective: ([\w-]+) -->", (project / SECTION).read_text(encoding="utf-8"))[1]
    return f"\n<quiz>\n<!-- objectives: {objective} -->\n{body}</quiz>\n"


FAILING_CASES = {
    "malformed glossary YAML": (
        lambda p: edit(p / "data/glossary.yml", "terms:\n", "terms:\n  - term: [broken\n"),
        [r"data/glossary\.yml, line \d+, column \d+: not valid YAML"]),
    "glossary term defined twice": (
        lambda p: append(p / "data/glossary.yml", f"  - term: {first_term(p)}\n    french: x\n    definition: y\n    introduced_in: {PAGE}\n"),
        [r"data/glossary\.yml", r"duplicate term"]),
    "glossary term without French": (
        lambda p: append(p / "data/glossary.yml", f"  - term: zzz new term\n    definition: y\n    introduced_in: {PAGE}\n"),
        [r'data/glossary\.yml.*entry \d+ \("zzz new term"\), line \d+: missing "french"']),
    "glossary see_also to a missing term": (
        lambda p: append(p / "data/glossary.yml", f"  - term: zzz new term\n    french: x\n    definition: y\n    introduced_in: {PAGE}\n    see_also: [nothing like this]\n"),
        [r'see_also names "nothing like this"']),
    "glossary introducing section missing": (
        lambda p: append(p / "data/glossary.yml", "  - term: zzz new term\n    french: x\n    definition: y\n    introduced_in: 02-foundations/no-such-page.md\n"),
        [r'data/glossary\.yml, entry "zzz new term", line \d+: introduced_in names "02-foundations/no-such-page\.md"']),
    "comparison cell missing": (
        lambda p: sub(p / "data/comparison.yml", rf"^(      ){LAST_FRAMEWORK}:$", r"\1renamed-framework:"),
        [rf'data/comparison\.yml.*dimension 1 \("{FIRST_DIMENSION}"\).*framework "{LAST_FRAMEWORK}": missing cell']),
    "comparison link to a missing heading": (
        lambda p: sub(p / "data/comparison.yml", rf"(^  - id: {LAST_DIMENSION}\n(?:(?!  - id:).*\n)*?        anchor: ).*$", r"\1no-such-heading"),
        [rf'dimension "{LAST_DIMENSION}".*framework "{FIRST_FRAMEWORK}": anchor "#no-such-heading" is not a heading']),
    "reference entry without a citation form": (
        lambda p: sub(p / "data/references.yml", r"^(  - cite: ).+$", r"\1''"),
        [r'data/references\.yml.*missing "cite"']),
    "reference url that is not a web address": (
        lambda p: sub(p / "data/references.yml", r"^(    url: )https?://", r"\1javascript:alert(1)//"),
        [rf'data/references\.yml.*entry \d+ \("{re.escape(FIRST_WITH_URL)}"\), line \d+: "url" should start with https://']),
    "citation with no reference": (
        lambda p: append(p / SECTION, "\nAs shown before (Smith, 1999).\n"),
        [rf"docs/{SHOWN}: citation\(s\) with no entry", r"line \d+: \(Smith, 1999\)\n"]),
    "broken internal link": (
        lambda p: append(p / SECTION, "\nSee [missing](no-such-page.md).\n"),
        [rf"docs/{SHOWN}, line \d+: links to no-such-page\.md, which is not in the build"]),
    "link to a missing anchor": (
        lambda p: append(p / SECTION, "\nSee [missing](index.md#no-such-heading).\n"),
        [rf"{SHOWN}.*#no-such-heading"]),
    "link to a missing glossary entry": (
        lambda p: append(p / SECTION, "\nSee [missing](../glossary.md#no-such-term).\n"),
        [rf"{SHOWN}.*glossary\.md#no-such-term"]),
    "quiz without a correct answer": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [ ] a\n- [ ] b\n\nSee [x](#key-takeaways).\n")),
        [rf"docs/{SHOWN}:.*question {NEXT} \(line \d+, \"Which\?.*no correct answer"]),
    "quiz without an explanation": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n")),
        [rf"question {NEXT} .*no explanation"]),
    "quiz explanation without a link": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n\nBecause a.\n")),
        [rf"question {NEXT} .*no link into the guide"]),
    "quiz explanation linking to a missing heading of its page": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n\nSee [x](#no-such-part).\n")),
        [rf"docs/{SHOWN}:\n  - question {NEXT} \(line {len(source_lines(PAGE)) + 8}, \"Which\?.*links to #no-such-part, "
         r"which is not a heading of this page"]),
    "fill-in with an empty accepted form": (
        lambda p: append(p / SECTION, checked_quiz(p, "It is [[follow-up |  | suivi]].\n\n---\nSee [x](#key-takeaways).\n")),
        [rf"docs/{SHOWN}:\n  - question {NEXT} \(line {len(source_lines(PAGE)) + 4}, .*has an empty form"]),
    "fill-in listing a form twice": (
        lambda p: append(p / SECTION, checked_quiz(p, "It is [[follow-up | Follow-up]].\n\n---\nSee [x](#key-takeaways).\n")),
        [rf"question {NEXT} \(line \d+, .*lists \"Follow-up\" twice.*keep one"]),
    "explanation naming an option by its place while options are shuffled": (
        lambda p: (append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n\nThe second option is advice. "
                                                       "See [x](#key-takeaways).\n")),
                   sub(p / "mkdocs.yml", r"^(\s+position_words_max:) \d+.*$", r"\1 0  # no allowance")),
        [rf"docs/{SHOWN}, question {NEXT} \(line {len(source_lines(PAGE)) + 8}\): its explanation names an option "
         r'by its place \("second option"\).*name it by its content']),
    "glossary see_also item naming a missing term, by its own line": (
        lambda p: append(p / "data/glossary.yml", f"  - term: zzz new term\n    french: x\n    definition: y\n"
                         f"    introduced_in: {PAGE}\n    see_also:\n      - {first_term(p)}\n      - nothing like this\n"),
        [r'entry \d+ \("zzz new term"\), line (\d+): see_also names "nothing like this"']),
    "glossary term that never appears on its introduced_in page": (
        lambda p: append(p / "data/glossary.yml", f"  - term: zzz unused term\n    french: x\n    definition: y\n    introduced_in: {PAGE}\n"),
        [rf'data/glossary\.yml: term\(s\) that never appear.*entry "zzz unused term", line \d+: not found in the prose of docs/{SHOWN}']),
    "section page below the page rules": (
        lambda p: add_page(p, PAGE.rsplit("/", 1)[0] + "/zzz-thin.md", "# 9.9 Thin\n\nToo short.\n\n## A part\n\nStill short.\n"),
        [r"zzz-thin\.md does not meet the page rules \(mkdocs\.yml, extra\.guide_rules",
         r"\d+ words of prose .*the minimum is \d+ \(min_words\)", r'no "Learning objectives" box',
         r'heading "## A part" has no explicit id', r"no worked example", r"\d+ quiz questions; the minimum is \d+",
         r"0 glossary terms marked"]),
    "statute cited by chapter with no entry": (
        lambda p: append(p / SECTION, "\nThe Act respecting roads (CQLR, c. Z-99.9) applies.\n"),
        [rf"docs/{SHOWN}, line \d+: chapter Z-99\.9 is cited, but no entry of data/references\.yml",
         rf'docs/{SHOWN}, line \d+: "Act respecting roads" names a statute']),
    "legal reference without the date of the version read": (
        lambda p: sub(p / "data/references.yml", r"^    version_read: .*$", "    version_read: "),
        [r'data/references\.yml.*line \d+: a legal text \(chapter [^)]+\) needs "version_read"']),
    "new client not in the list of people": (
        lambda p: append(p / SECTION, "\nZéphirin, 41, says he cannot sleep.\n"),
        [rf'docs/{SHOWN}, line \d+: "Zéphirin, 41" is not in data/people\.yml', r"tools/people\.py"]),
    "one name used for a second person": (
        lambda p: append(p / SECTION, f"\n{first_person_elsewhere(p)[0]}, 99, says he cannot sleep.\n"),
        [rf"docs/{SHOWN}, line \d+: {re.escape(first_person_elsewhere_now()[0])} appears here, but data/people\.yml gives",
         r"appears_in"]),
    "script in a page": (
        lambda p: append(p / SECTION, '\n<script>alert("x")</script>\n'),
        [rf"docs/{SHOWN}: the page contains markup that could run script"]),
    "event handler in a page": (
        lambda p: append(p / SECTION, '\n<img src="x.png" onerror="alert(1)">\n'),
        [r"could run script"]),
    "javascript: link in a page": (
        lambda p: append(p / SECTION, '\n[Click](JavaScript:alert(1))\n'),
        [rf"{SHOWN}: the page contains markup that could run script .*JavaScript:"]),
}


@pytest.mark.parametrize("case", FAILING_CASES, ids=list(FAILING_CASES))
def test_bad_input_fails_the_build_with_a_useful_message(tmp_path, case):
    breaker, patterns = FAILING_CASES[case]
    project = copy_project(tmp_path / "guide")
    breaker(project)
    assert_build_fails_saying(project, tmp_path / "site", case, patterns)


def test_markup_in_data_reaches_html_escaped(tmp_path):
    project = copy_project(tmp_path / "guide")
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> *x* [y](javascript:alert(3))'
    glossary = project / "data/glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = re.sub(r"(\n    definition: )(>-\n(?:      .*\n)+|.*\n)", lambda m: f"{m[1]}{json.dumps(evil)}\n", text, count=1)
    glossary.write_text(text, encoding="utf-8")
    edit(project / "data/comparison.yml", "statement: A person is moved", f"statement: {json.dumps(evil)}\n        old: A person is moved")
    comparison = project / "data/comparison.yml"
    comparison.write_text(re.sub(r"\n        old: .*", "", comparison.read_text(encoding="utf-8")), encoding="utf-8")
    edit(project / "data/references.yml", "apa: Ellis, A. (1962). *Reason and emotion in psychotherapy*. Lyle Stuart.",
         f"apa: {json.dumps(evil + ' Ellis, A. (1962).')}")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for page in ["glossary/index.html", "framework-comparison/index.html", "references/index.html",
                 url_of(PAGE) + "index.html", "concept-index/index.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (site / "glossary/index.html").read_text(encoding="utf-8")
