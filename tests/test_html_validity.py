"""Valid HTML on every page: the W3C Nu HTML Checker (vnu.jar, offline) on a real build,
and the upstream-markup fixes of hooks/html_validity.py, each still needed and still applied.

`make test` installs the checker (npm's vnu-jar, pinned in the Makefile) and Java; the jar's
path can be overridden with GUIDE_VNU_JAR."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib.util import find_spec
from pathlib import Path

import pytest

from conftest import ROOT
from html_validity import TOC_CONTROL, TOC_LABEL, UPSTREAM_FIXES, valid_html

VNU_JAR = Path(os.environ.get("GUIDE_VNU_JAR", ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))

# Errors that cannot be fixed on our side: (substring of the message, upstream file, reason).
# Empty today; an entry needs its upstream file and the reason no override can fix it.
ALLOWED = ()


def _upstream_text(source: str) -> str:
    """The installed file a fix's markup comes from, e.g. material/templates/base.html."""
    package, _, rest = source.partition("/")
    rest = rest.split(" ")[0]
    return (Path(find_spec(package).origin).parent / rest).read_text(encoding="utf-8")


@pytest.mark.parametrize("source, written, mended, why", UPSTREAM_FIXES, ids=[f[1][:30] for f in UPSTREAM_FIXES])
def test_each_fix_still_matches_the_installed_upstream_markup(source, written, mended, why):
    assert written in _upstream_text(source), (
        f"{source} no longer writes {written!r}: after an upgrade, check the new markup with the Nu "
        "checker and update or drop this entry in hooks/html_validity.py")


def test_fixes_apply_and_leave_other_markup_alone():
    page = "".join(fix[1] for fix in UPSTREAM_FIXES) + '<p tabindex="0">text</p>'
    mended = valid_html(page)
    assert mended == "".join(fix[2] for fix in UPSTREAM_FIXES) + '<p tabindex="0">text</p>'


def test_the_toc_label_loses_its_for_only_where_its_control_is_missing():
    without_control = f"<nav>{TOC_LABEL}Table of contents</label></nav>"
    assert 'for="__toc"' not in valid_html(without_control)
    with_control = f'<input type="checkbox" {TOC_CONTROL}>' + without_control
    assert valid_html(with_control) == with_control


def test_no_page_of_the_built_site_still_carries_a_fixed_string(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for source, written, _mended, _why in UPSTREAM_FIXES:
            assert written not in text, f"{html.relative_to(built_site)}: {written!r} from {source} was not mended"


def test_every_page_is_valid_html_for_the_nu_checker(built_site):
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        pytest.fail(f"the Nu checker needs Java and {VNU_JAR}: run `make test`, which installs both "
                    "(apt-get install default-jre-headless; npm install vnu-jar)")
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    assert pages, "the build wrote no page"
    run = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error"
              and not any(allowed in m.get("message", "") for allowed, _source, _why in ALLOWED)]
    report = "\n".join(f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}" for m in errors[:30])
    assert not errors, f"{len(errors)} Nu checker errors on {len(pages)} pages (first 30):\n{report}"
