"""Unit tests of the references list (hooks/references.py): italics, links, escaping."""

import re

import references


def test_italics_and_web_addresses_become_markup_and_nothing_else():
    html = references.render_references([
        {"cite": "B, 2018", "apa": "B. (2018). Title. *Journal, 55*(4), 1–2. https://doi.org/10.1037/pst0000175."},
        {"cite": "A, 2001", "apa": "A. (2001). <script>alert(1)</script> [y](javascript:alert(3)) & co.",
         "url": 'https://example.org/?a=1&b="2"', "note": "seen <b>only</b> in reviews"},
        {"cite": "C, 2002", "apa": 'C. (2002). https://x.org/"onmouseover="alert(1) text.'},
    ])
    items = re.findall(r"<li>(.*?)</li>", html)
    assert [re.sub(r"<[^>]+>", "", i)[:1] for i in items] == ["A", "B", "C"]  # alphabetical
    a, b, c = items
    assert "<em>Journal, 55</em>(4)" in b
    # a DOI is a link; the full stop after it ends the sentence, not the address
    assert '<a href="https://doi.org/10.1037/pst0000175">https://doi.org/10.1037/pst0000175</a>.' in b
    assert "<script>" not in a and "&lt;script&gt;alert(1)&lt;/script&gt;" in a
    assert 'href="javascript:' not in html and "[y](javascript:alert(3))" in a  # Markdown links stay text
    assert '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;">' in a
    assert "[seen &lt;b&gt;only&lt;/b&gt; in reviews]" in a
    # a quote cannot end the href and add an attribute: the address stops before it
    assert '<a href="https://x.org/">https://x.org/</a>"onmouseover="alert(1) text.' in c
    assert html.count("<a ") == 3
