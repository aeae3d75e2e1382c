"""Unit tests of the check that refuses script in what authors write (hooks/html_safety.py)."""

import pytest
from html_safety import unsafe_markup


@pytest.mark.parametrize("html, found", [
    ('<p>Hi</p><script>alert(1)</script>', "<script"),
    ('<p>Hi</p>< SCRIPT src="x.js">', "< SCRIPT"),
    ('<iframe src="https://example.org"></iframe>', "<iframe"),
    ('<img src="x.png"\n     onerror="alert(1)">', "onerror="),
    ('<a href="JavaScript:alert(1)">x</a>', 'href="JavaScript:'),
    ("<a href='  javascript:alert(1)'>x</a>", "javascript:"),
    ('<a HREF = "javascript:alert(1)">x</a>', 'HREF = "javascript:'),
    ("<img src=javascript:alert(1)>", "src=javascript:"),
])
def test_script_is_found(html, found):
    assert any(found in item for item in unsafe_markup(html)), unsafe_markup(html)


@pytest.mark.parametrize("html", [
    "<p>Talk about JavaScript: it is a language, and onions=vegetables.</p>",
    '<p class="online">Clients go online = often.</p>',
    '<a href="https://example.org/javascript/">a page about it</a>',
    '<span data-note="javascript:">not a URL attribute</span>',
    "<p>x = javascript: a language</p>",
])
def test_harmless_text_passes(html):
    assert unsafe_markup(html) == []
