"""The instructors' kit: the GitHub Pages workflow, the LICENSE file and the
"For instructors" page (docs/instructors.md). No build needed; plain file checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
LICENSE = ROOT / "LICENSE"
INSTRUCTORS_PAGE = ROOT / "docs" / "instructors.md"

FENCED_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.MULTILINE | re.DOTALL)
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
MIN_WORDS = 1000


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict, action: str) -> list[dict]:
    """Steps that use `action` (any version)."""
    return [step for step in all_steps(workflow) if step.get("uses", "").split("@")[0] == action]


# ---------- .github/workflows/deploy.yml


def test_workflow_runs_on_push_to_main(workflow):
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True))
    assert triggers is not None, "the workflow has no `on:` triggers"
    assert "main" in triggers["push"]["branches"]
    assert "workflow_dispatch" in triggers


def test_workflow_permissions_and_concurrency(workflow):
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_workflow_installs_from_requirements(workflow):
    runs = [step.get("run", "") for step in all_steps(workflow)]
    assert any("pip install -r requirements.txt" in run for run in runs)
    setup = uses(workflow, "actions/setup-python")
    assert setup and str(setup[0]["with"]["python-version"]) == "3.11"
    assert setup[0]["with"].get("cache") == "pip"


def test_workflow_builds_strictly(workflow):
    builds = [step for step in all_steps(workflow) if "mkdocs build --strict" in step.get("run", "")]
    assert builds, "no step runs `mkdocs build --strict`"
    assert str(builds[0].get("env", {}).get("NO_MKDOCS_2_WARNING")) == "1"


def test_workflow_uploads_and_deploys(workflow):
    upload = uses(workflow, "actions/upload-pages-artifact")
    assert upload and upload[0]["with"]["path"] == "site"
    assert uses(workflow, "actions/deploy-pages"), "no actions/deploy-pages step"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"]["name"] == "github-pages"
    assert "url" in deploy["environment"]


# ---------- LICENSE


def test_license_names_both_licences():
    text = LICENSE.read_text(encoding="utf-8")
    assert "MIT" in text
    assert "CC BY-SA 4.0" in text
    assert "The Helping Relationship study guide contributors" in text
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in text


# ---------- docs/instructors.md


def prose_words(markdown: str) -> list[str]:
    return WORD.findall(FENCED_CODE.sub(" ", markdown))


def test_prose_words_ignores_code_blocks():
    sample = "one two\n\n```yaml\nthree: four\n```\n\nfive\n"
    assert prose_words(sample) == ["one", "two", "five"]


def test_instructors_page_is_long_enough():
    count = len(prose_words(INSTRUCTORS_PAGE.read_text(encoding="utf-8")))
    assert count >= MIN_WORDS, f"docs/instructors.md has {count} words outside code blocks; needs {MIN_WORDS}"


@pytest.mark.parametrize("needed", [
    "mkdocs.yml", "data/glossary.yml", "data/comparison.yml", "data/references.yml", "nav",
    "Moodle", "Canvas", "Blackboard", "site_url", "CC BY-SA 4.0",
])
def test_instructors_page_mentions(needed):
    assert needed in INSTRUCTORS_PAGE.read_text(encoding="utf-8")


def test_instructors_page_headings_have_ids():
    text = FENCED_CODE.sub(" ", INSTRUCTORS_PAGE.read_text(encoding="utf-8"))
    assert text.startswith("# For instructors\n")
    headings = re.findall(r"^##+ .*$", text, re.MULTILINE)
    assert headings
    missing = [h for h in headings if not re.search(r"\{ #[a-z0-9-]+ \}$", h)]
    assert not missing, f"headings without an explicit id: {missing}"


def test_instructors_page_is_in_the_nav():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- For instructors: instructors.md" in config
