"""Unit tests of hooks/compact_html.py: blank runs between tags go, content whitespace stays."""

from compact_html import compact


def test_blank_runs_between_tags_become_one_character():
    html = '<ul>\n    \n  <li>a</li>\n      <li>b</li>    <li>c</li></ul>'
    assert compact(html) == "<ul>\n<li>a</li>\n<li>b</li> <li>c</li></ul>"


def test_single_spaces_and_text_are_untouched():
    html = "<p><a>one</a> <a>two</a>  and  text</p>"
    assert compact(html) == html


def test_whitespace_that_is_content_is_kept():
    kept = [
        "<pre><code><span>a</span>\n\n    <span>b</span></code></pre>",
        "<p><code><b>x</b>   <b>y</b></code></p>",
        "<textarea><b>  </b>\n\n  <i></i></textarea>",
        "<script>if (a >\n\n   <b) {}</script>",
        "<style>a >  </style>",
        "<p><kbd>Ctrl</kbd>  <kbd><i>a</i>   <i>b</i></kbd></p>",
    ]
    for html in kept:
        assert compact(html) == html, html


def test_no_break_spaces_are_content():
    html = "<td>\u00a0\u00a0</td><td>>\u00a0\u00a0<</td>"
    assert compact(html) == html


def test_a_whole_page_keeps_its_text():
    import re
    html = "<html>\n  <body>\n    <p>Empathy   and <em>trust</em></p>\n\n    <pre>x\n\n  y</pre>\n  </body>\n</html>\n"
    out = compact(html)
    assert len(out) < len(html)
    text = lambda h: " ".join(re.sub(r"<[^>]+>", " ", h).split())
    assert text(out) == text(html) and "<pre>x\n\n  y</pre>" in out
