"""The rule pages under docs/rules are generated from the rule docstrings and must be current."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.rules import RULES, Rule
from claimcheck.rules import docs

DOCS_RULES = Path(__file__).resolve().parents[1] / "docs" / "rules"


class FakeRule(Rule):
    """Two stated figures for the same count disagree.

    ## What it does
    Compares figures for one group.

    ## Why is this bad?
    A count has one value.

    ## Example
    ```text
    12 | 14
    ```

    ## Use instead
    ```text
    12
    ```
    """

    code = "CC999"
    name = "fake-count"
    severity = "warning"


class Undocumented(Rule):
    """Only a summary line."""

    code = "CC998"
    name = "undocumented"
    severity = "info"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_docstring_has_every_section(rule):
    assert docs.missing_sections(rule) == []
    assert rule.summary()


def _findings(rule, section):
    """The rule's findings on the article its docstring section shows, through the real pipeline.

    The article is read as Markdown, so an example that needs a publication date
    carries it as YAML front matter."""
    from claimcheck.api import Options, check_text

    text = docs.section_code(rule, section)
    assert text, f"{rule.code}: the {section} section has no code block"
    report = check_text(text, path=f"{rule.code}-example.md", options=Options(select=[rule.code]))
    return [f for f in report.findings if f.rule == rule.code]


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_example_fires_the_rule(nlp, rule):
    assert _findings(rule, "Example"), f"{rule.code}'s Example does not fire it"


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_use_instead_is_quiet(nlp, rule):
    assert [f.message for f in _findings(rule, "Use instead")] == []


def test_docs_rules_is_current():
    stale = docs.stale_pages(DOCS_RULES)
    assert stale == [], f"stale rule docs {stale}: run `python -m claimcheck.rules.docs`"


@pytest.mark.parametrize(("rule", "missing"), [(FakeRule, []), (Undocumented, list(docs.SECTIONS))])
def test_missing_sections(rule, missing):
    assert docs.missing_sections(rule) == missing


@pytest.mark.parametrize("rule", [FakeRule])
def test_section_code(rule):
    assert docs.section_code(rule, "Example") == "12 | 14\n"
    assert docs.section_code(rule, "Why is this bad?") is None


@pytest.mark.parametrize("rule", [FakeRule])
def test_sections_and_description(rule):
    sections = docs.rule_sections(rule)
    assert list(sections) == list(docs.SECTIONS)
    assert docs.rule_description(rule) == "Compares figures for one group."
    assert docs.rule_description(Undocumented) == "Only a summary line."


@pytest.mark.parametrize("rules", [(FakeRule,), ()])
def test_write_then_current_then_stale_after_an_edit(tmp_path, rules):
    changed = docs.write_pages(tmp_path, rules)
    assert sorted(changed) == sorted([docs.rule_page_name(r) for r in rules] + ["index.md"])
    assert docs.stale_pages(tmp_path, rules) == []
    (tmp_path / "index.md").write_text("edited by hand\n", encoding="utf-8")
    assert docs.stale_pages(tmp_path, rules) == ["index.md"]


@pytest.mark.parametrize("rules", [(FakeRule,)])
def test_pages_of_removed_rules_are_stale_and_deleted_but_hand_written_ones_kept(tmp_path, rules):
    docs.write_pages(tmp_path, (FakeRule, Undocumented))
    (tmp_path / "guide.md").write_text("# Written by hand\n", encoding="utf-8")
    assert docs.stale_pages(tmp_path, rules) == ["CC998.md", "index.md"]
    docs.write_pages(tmp_path, rules)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["CC999.md", "guide.md", "index.md"]


@pytest.mark.parametrize("rule", [FakeRule])
def test_index_links_every_page_and_escapes_pipes(rule):
    index = docs.index_markdown([rule])
    assert f"| [{rule.code}]({rule.code}.md) | {rule.name} | warning |" in index
    page = docs.rule_pages([rule])[f"{rule.code}.md"]
    assert page.startswith(docs.GENERATED) and "## Why is this bad?" in page


@pytest.mark.parametrize(("prepare", "code"), [(False, 1), (True, 0)])
def test_main_check_exit_code(tmp_path, capsys, prepare, code):
    if prepare:
        assert docs.main([str(tmp_path)]) == 0
    assert docs.main(["--check", str(tmp_path)]) == code
    assert ("stale:" in capsys.readouterr().out) == (code == 1)


def test_main_help_and_unknown_options_write_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert docs.main(["--help"]) == 0
    assert "--check" in capsys.readouterr().out
    assert docs.main(["--chek"]) == 2
    assert "unknown option: --chek" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
