"""The other language editions' typography (tools/typography.py): no problem left in the text of
each edition that mkdocs.yml's extra.alternate lists after the first, when the tool has rules for
its language; and the rules themselves on a sample (prose only, the fixes)."""

import pytest
from guide_project import editions, load_config

import typography

OTHER_EDITIONS = [e["lang"] for e in editions(load_config())[1:]]


@pytest.mark.parametrize("lang", OTHER_EDITIONS or [pytest.param(None, marks=pytest.mark.skip(
    reason="mkdocs.yml's extra.alternate lists one edition only"))])
def test_edition_typography(lang):
    if lang not in typography.RULES:
        pytest.skip(f"tools/typography.py has no rules for {lang!r}")
    problems = typography.check_edition(lang)
    assert not problems, (f"{len(problems)} typography problem(s); `python tools/typography.py {lang} --fix` "
                          "mends the spaces, the rest by hand:\n" + "\n".join(problems))


PAGE = """---
search: {exclude: true}
---
# Titre { #an-id }

Texte : `code : ici`, [lien](page.md#a:b), à 14:30, un ratio 3:1 ; fin.
**Nadia :** « Bonjour » et voyez ![image](a.png) ?
<!-- note : x -->
|:--|--:|

    ```yaml
    key: value ; x
    ```

!!! note "Titre"
    30 % et 30%, 15 h, 30 000, intervenant·e, un/une, "citation", *Réponse:* oui
"""


def test_rules_read_prose_only_and_fix_spaces():
    problems, fixed = typography.check_text(PAGE, "p.md", "fr", fix=True)
    assert [p.split(": ", 1)[0] for p in problems] == ["p.md:16"] * 7
    assert "Texte\u00a0: `code : ici`, [lien](page.md#a:b), à 14:30, un ratio 3:1; fin." in fixed
    assert "**Nadia\u00a0:** «\u00a0Bonjour\u00a0» et voyez ![image](a.png)?" in fixed
    assert "key: value ; x" in fixed and "30\u00a0% et 30%" in fixed
    rules = sorted(p.rsplit("[", 1)[1].split("]")[0] for p in problems)
    assert rules == ["colon-no-space", "contracted-inclusive", "contracted-inclusive", "percent-no-space",
                     "straight-quotes", "thousands", "unit-space"]


def test_data_files_keys_and_quoting_left_alone():
    text = "id: a:b\nitems:\n  - text: 'Il dit : « oui » ?'\n    url: https://x.org/a ?b\n"
    problems, fixed = typography.check_text(text, "d.yml", "fr", fix=True)
    assert not problems
    assert fixed == "id: a:b\nitems:\n  - text: 'Il dit\u00a0: «\u00a0oui\u00a0»?'\n    url: https://x.org/a ?b\n"
    assert typography.same_data(text, fixed)
