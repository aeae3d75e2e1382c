"""Every kind of bad input to the guide, and the build's answer to it.

Each case breaks one thing in a throw-away copy of the real guide and builds it with
`mkdocs build --strict`. The answer is either a failed build whose message names the
file and the entry (and says what to fix), or, for markup smuggled into data, an
escaped, harmless page.
"""

import json
import re

import pytest

from conftest import copy_project, run_build


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def first_term(project):
    return re.search(r"- term: (.+)", (project / "data/glossary.yml").read_text(encoding="utf-8"))[1]


SECTION = "docs/02-foundations/empathy-and-trust.md"


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
        lambda p: append(p / "data/glossary.yml", f"  - term: {first_term(p)}\n    french: x\n    definition: y\n    introduced_in: 02-foundations/empathy-and-trust.md\n"),
        [r"data/glossary\.yml", r"duplicate term"]),
    "glossary term without French": (
        lambda p: append(p / "data/glossary.yml", "  - term: zzz new term\n    definition: y\n    introduced_in: 02-foundations/empathy-and-trust.md\n"),
        [r'data/glossary\.yml.*entry \d+ \("zzz new term"\), line \d+: missing "french"']),
    "glossary see_also to a missing term": (
        lambda p: append(p / "data/glossary.yml", "  - term: zzz new term\n    french: x\n    definition: y\n    introduced_in: 02-foundations/empathy-and-trust.md\n    see_also: [nothing like this]\n"),
        [r'see_also names "nothing like this"']),
    "glossary introducing section missing": (
        lambda p: append(p / "data/glossary.yml", "  - term: zzz new term\n    french: x\n    definition: y\n    introduced_in: 02-foundations/no-such-page.md\n"),
        [r'data/glossary\.yml, entry "zzz new term", line \d+: introduced_in names "02-foundations/no-such-page\.md"']),
    "comparison cell missing": (
        lambda p: edit(p / "data/comparison.yml", "      humanistic:\n        statement: A person is a whole", "      humanist:\n        statement: A person is a whole"),
        [r'data/comparison\.yml.*dimension 1 \("view-of-the-person"\).*framework "humanistic": missing cell']),
    "comparison link to a missing heading": (
        lambda p: edit(p / "data/comparison.yml", "anchor: core-techniques", "anchor: core-technique"),
        [r'dimension "core-techniques".*framework "psychodynamic": anchor "#core-technique" is not a heading']),
    "reference entry without a citation form": (
        lambda p: edit(p / "data/references.yml", "  - cite: Bordin, 1979\n", "  - cite: ''\n"),
        [r'data/references\.yml.*missing "cite"']),
    "reference url that is not a web address": (
        lambda p: edit(p / "data/references.yml", "    url: https://www.erudit.org/", "    url: javascript:alert(1)//www.erudit.org/"),
        [r'data/references\.yml.*entry \d+ \("Tremblay, 2002"\), line \d+: "url" should start with https://']),
    "citation with no reference": (
        lambda p: append(p / SECTION, "\nAs shown before (Smith, 1999).\n"),
        [r"docs/02-foundations/empathy-and-trust\.md: citation\(s\) with no entry", r"line \d+: \(Smith, 1999\)"]),
    "broken internal link": (
        lambda p: append(p / SECTION, "\nSee [missing](no-such-page.md).\n"),
        [r"02-foundations/empathy-and-trust\.md.*no-such-page\.md"]),
    "link to a missing anchor": (
        lambda p: append(p / SECTION, "\nSee [missing](communication-skills.md#no-such-heading).\n"),
        [r"02-foundations/empathy-and-trust\.md.*#no-such-heading"]),
    "link to a missing glossary entry": (
        lambda p: append(p / SECTION, "\nSee [missing](../glossary.md#no-such-term).\n"),
        [r"02-foundations/empathy-and-trust\.md.*glossary\.md#no-such-term"]),
    "quiz without a correct answer": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [ ] a\n- [ ] b\n\nSee [x](#key-takeaways).\n")),
        [r"docs/02-foundations/empathy-and-trust\.md:.*question \d+ \(line \d+, \"Which\?.*no correct answer"]),
    "quiz without an explanation": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n")),
        [r"question \d+ .*no explanation"]),
    "quiz explanation without a link": (
        lambda p: append(p / SECTION, checked_quiz(p, "Which?\n- [x] a\n- [ ] b\n\nBecause a.\n")),
        [r"question \d+ .*no link into the guide"]),
    "script in a page": (
        lambda p: append(p / SECTION, '\n<script>alert("x")</script>\n'),
        [r"docs/02-foundations/empathy-and-trust\.md: the page contains markup that could run script"]),
    "event handler in a page": (
        lambda p: append(p / SECTION, '\n<img src="x.png" onerror="alert(1)">\n'),
        [r"could run script"]),
    "javascript: link in a page": (
        lambda p: append(p / SECTION, '\n[Click](JavaScript:alert(1))\n'),
        [r"empathy-and-trust\.md: the page contains markup that could run script .*JavaScript:"]),
}


@pytest.mark.parametrize("case", FAILING_CASES, ids=list(FAILING_CASES))
def test_bad_input_fails_the_build_with_a_useful_message(tmp_path, case):
    breaker, patterns = FAILING_CASES[case]
    project = copy_project(tmp_path / "guide")
    breaker(project)
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{case}: the build should have failed:\n{output[-2000:]}"
    for pattern in patterns:
        assert re.search(pattern, output, re.S), f"{case}: {pattern!r} not in:\n{output[-3000:]}"
    assert "Traceback" not in output, f"{case}: a traceback instead of a message:\n{output[-3000:]}"


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
                 "02-foundations/empathy-and-trust/index.html", "concept-index/index.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert "<img src=x" not in html, page
        assert 'href="javascript:' not in html, page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (site / "glossary/index.html").read_text(encoding="utf-8")
