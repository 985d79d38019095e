from __future__ import annotations

import pytest

from claimcheck.baseline import apply_baseline, load_baseline, write_baseline
from claimcheck.errors import ConfigError
from claimcheck.models import DocumentReport, Finding, Report, Span


def finding(fp: str, line: int, rule: str = "CC101") -> Finding:
    span = Span(start=line * 10, end=line * 10 + 5, line=line, column=1, text="x")
    return Finding(rule=rule, name="r", severity="error", message="m", span=span, fingerprint=fp)


def report(path: str, *findings: Finding) -> Report:
    return Report(claimcheck="0", documents=[DocumentReport(path=path, findings=list(findings))]).summarize()


@pytest.mark.parametrize(
    "before,after,left",
    [
        # the article was edited above the finding: same fingerprint, new line -> still accepted
        ([("aaa", 3)], [("aaa", 30)], []),
        # a new finding appears -> reported
        ([("aaa", 3)], [("aaa", 30), ("bbb", 31)], ["bbb"]),
        # the same finding twice where once was accepted -> the second is reported
        ([("aaa", 3)], [("aaa", 3), ("aaa", 9)], ["aaa"]),
    ],
)
def test_baseline_survives_edits_and_reports_new(tmp_path, before, after, left):
    file = tmp_path / "baseline.json"
    article = str(tmp_path / "story.md")
    write_baseline(report(article, *(finding(fp, n) for fp, n in before)), file)
    current = report(article, *(finding(fp, n) for fp, n in after))
    hidden = apply_baseline(current, file)
    assert [f.fingerprint for f in current.documents[0].findings] == left
    assert hidden == len(after) - len(left)
    assert current.summary.errors == len(left)


@pytest.mark.parametrize("rule", ["CC102"])
def test_baseline_is_per_rule_and_per_file(tmp_path, rule):
    file = tmp_path / "baseline.json"
    write_baseline(report(str(tmp_path / "a.md"), finding("aaa", 3)), file)
    other_rule = report(str(tmp_path / "a.md"), finding("aaa", 3, rule))
    other_file = report(str(tmp_path / "b.md"), finding("aaa", 3))
    assert apply_baseline(other_rule, file) == 0
    assert apply_baseline(other_file, file) == 0


@pytest.mark.parametrize("content", ["not json", '{"claimcheck-baseline": 1, "findings": [{"path": 1}]}', '{"claimcheck-baseline": 9}'])
def test_bad_baseline_is_one_line_error(tmp_path, content):
    file = tmp_path / "baseline.json"
    file.write_text(content)
    with pytest.raises(ConfigError, match=r"^\[E023\]") as exc:
        load_baseline(file)
    assert "\n" not in str(exc.value)


def test_missing_baseline_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="E023"):
        load_baseline(tmp_path / "none.json")
