"""The instructor edition: instructor notes (`!!! instructor` blocks) are absent from the
student site (not hidden: not there), present in the edition built with
GUIDE_EDITION=instructor, which says so on every page, and never published."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT, built_pages, run_build
from guide_facts import NAV, SECTIONS, source, url_of
from shared.instructor_notes import instructor_blocks, strip_instructor_notes
from page_rules import reflection_questions_in

PAGE = """# T

Before.

!!! instructor "Model answers"
    1. First answer.

    2. Second answer, after a blank line.

After.

```markdown
!!! instructor "An example in code"
    stays
```
"""


def test_strip_removes_the_whole_block_and_keeps_the_rest():
    out = strip_instructor_notes(PAGE)
    assert "answer" not in out and "Before." in out and "After." in out
    assert '!!! instructor "An example in code"' in out  # examples in code are not notes
    assert strip_instructor_notes("No notes here.") == "No notes here."


def notes():
    """(page, a sentence of each of its notes) for the pages in the nav."""
    found = []
    for page in NAV:
        text = source(page)
        for block in instructor_blocks(text):
            body = " ".join(line.strip() for line in text[block.start():block.end()].splitlines()[1:] if line.strip())
            found.append((page, re.sub(r"^\d+\. ", "", body)[:50]))
    return found


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_student_site_holds_no_instructor_note(built_site):
    assert notes(), "no instructor notes in the guide: nothing to check"
    everything = " ".join(words(p.read_text(encoding="utf-8")) for p in built_site.rglob("*.html"))
    everything += (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    leaked = [(page, text) for page, text in notes() if text in everything]
    assert not leaked, leaked
    assert 'class="admonition instructor' not in everything and "md-banner" not in everything


@pytest.fixture(scope="module")
def instructor_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("instructor")
    result = run_build(ROOT, site, env={"GUIDE_EDITION": "instructor"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _banner(page: str) -> str:
    """The instructor banner's words of the edition a built page belongs to (fr/... -> data/fr/)."""
    from guide_project import editions, load_config
    folder, lang = max(((e["folder"], e["lang"]) for e in editions(load_config(ROOT)) if page.startswith(e["folder"])),
                       key=lambda found: len(found[0]))
    words = ROOT / ("data/interface.yml" if not folder else f"data/{lang}/interface.yml")
    return yaml.safe_load(words.read_text(encoding="utf-8"))["edition"]["instructor_banner"]


def test_the_instructor_edition_holds_every_note_and_says_so_on_every_page(instructor_site):
    for page, text in notes():
        html = (instructor_site / url_of(page) / "index.html").read_text(encoding="utf-8")
        assert text in words(html), (page, text)
    for page in built_pages(instructor_site):
        html = (instructor_site / page / "index.html" if not page.endswith(".html") else instructor_site / page).read_text(encoding="utf-8")
        banner = _banner(page)  # in the page's edition's words
        assert "md-banner" in html and banner.split(":")[0].strip() in html, page
        assert '<meta name="robots" content="noindex, nofollow">' in html, page


def test_model_answers_answer_every_reflection_question():
    """A page with model answers has one per reflection question."""
    for page in SECTIONS:
        text = source(page)
        for block in instructor_blocks(text):
            title = text[block.start():text.index("\n", block.start())]
            if "Model answers" in title:
                answers = re.findall(r"^    \d+\. ", text[block.start():block.end()], re.M)
                assert len(answers) == reflection_questions_in(strip_instructor_notes(text), page), page


def test_the_pages_workflow_never_builds_the_instructor_edition():
    workflow = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    steps = [s for job in yaml.safe_load(workflow)["jobs"].values() for s in job.get("steps", [])]
    builds = [s for s in steps if "mkdocs build" in s.get("run", "")]
    assert builds and all(s.get("env", {}).get("GUIDE_EDITION") == "student" for s in builds)
    assert "GUIDE_EDITION: instructor" not in workflow and "GUIDE_EDITION=instructor" not in workflow
