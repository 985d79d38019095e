from __future__ import annotations

import pytest

from claimcheck.models import Finding, Span
from claimcheck.suppress import apply_suppressions, parse_suppressions, unused_warnings

ARTICLE = """Intro line.

<!-- claimcheck-disable CC101 -->
Line four has an event-before-onset.

Line six too.
<!-- claimcheck-enable CC101 -->
Line eight is checked again.

<!-- claimcheck-disable-next-line CC2 -->

Line twelve has a count conflict.
Line thirteen is checked.
<!-- claimcheck-disable -->
Line fifteen: everything off to the end.
"""


def finding(rule: str, line: int, name: str = "some-rule") -> Finding:
    span = Span(start=0, end=1, line=line, column=1, text="x")
    return Finding(rule=rule, name=name, severity="error", message="m", span=span)


@pytest.mark.parametrize(
    "rule,line,suppressed",
    [
        ("CC101", 4, True),
        ("CC101", 6, True),
        ("CC102", 4, False),
        ("CC101", 8, False),
        ("CC201", 12, True),
        ("CC201", 13, False),
        ("CC101", 12, False),
        ("CC304", 15, True),
        ("CC101", 1, False),
    ],
)
def test_suppression_regions(rule, line, suppressed):
    kept = apply_suppressions([finding(rule, line)], parse_suppressions(ARTICLE))
    assert (kept == []) == suppressed


@pytest.mark.parametrize("name,suppressed", [("event-before-onset", True), ("count-conflict", False)])
def test_suppression_by_rule_name(name, suppressed):
    text = "<!-- claimcheck-disable-next-line event-before-onset -->\nThe line.\n"
    kept = apply_suppressions([finding("CC101", 2, name)], parse_suppressions(text))
    assert (kept == []) == suppressed


@pytest.mark.parametrize("findings,unused_lines", [([], [3, 10, 14]), ([("CC101", 4), ("CC201", 12)], [14])])
def test_unused_suppressions_are_reported(findings, unused_lines):
    suppressions = parse_suppressions(ARTICLE)
    apply_suppressions([finding(r, n) for r, n in findings], suppressions)
    warnings = unused_warnings(suppressions, "a.md")
    assert [int(w.split(":")[1]) for w in warnings] == unused_lines
    assert all(w.startswith("[W002] a.md:") for w in warnings)


@pytest.mark.model
@pytest.mark.parametrize("flag,warned", [(["--warn-unused-ignores"], True), ([], False)])
def test_cli_reports_unused_suppressions(tmp_path, monkeypatch, flag, warned):
    import json

    from typer.testing import CliRunner

    from claimcheck.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "---\ndate: 2024-11-20\n---\n\n<!-- claimcheck-disable-next-line CC101 -->\nThe council met on Monday.\n"
    )
    result = CliRunner().invoke(app, ["check", "a.md", "--isolated", "-f", "json", "-o", "r.json", *flag])
    assert result.exit_code == 0, result.output
    warnings = json.loads((tmp_path / "r.json").read_text())["documents"][0]["warnings"]
    expected = ["[W002] a.md:5: unused suppression 'claimcheck-disable-next-line CC101'"] if warned else []
    assert warnings == expected
    assert ("[W002]" in result.stderr) == warned
