from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from claimcheck.models import Report, Span
from claimcheck.report import render
from claimcheck.report.common import end_position
from claimcheck.report.sarif import FINGERPRINT_KEY, artifact_uri, sarif_log
from claimcheck.rules import Rule

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


class FakeDateRule(Rule):
    """A stated date contradicts another stated date for the same event.

    ## What it does
    Flags two dates given for one event.

    ## Why is this bad?
    An event happens once.

    ## Example
    ```text
    The bridge opened on May 2. The bridge opened on May 9.
    ```

    ## Use instead
    ```text
    The bridge opened on May 2.
    ```
    """

    code = "CC101"
    name = "event-before-onset"
    severity = "error"


def validate(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def run_of(report: Report, rules=()) -> dict:
    return validate(sarif_log(report, rules).model_dump_json(by_alias=True, exclude_none=True))["runs"][0]


@pytest.mark.parametrize("fixture", ["report", "report_without_text", "many_findings_report"])
def test_render_validates_against_the_2_1_0_schema(fixture, request):
    log = validate(render(request.getfixturevalue(fixture), "sarif"))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")


@pytest.mark.parametrize("documents", [[]])
def test_empty_report_is_valid_and_successful(documents):
    run = run_of(Report(claimcheck="0.1.0", documents=documents).summarize())
    assert run["results"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


@pytest.mark.parametrize("rules", [(), (FakeDateRule,)])
def test_driver_names_claimcheck_and_every_rule_a_finding_uses(report, rules):
    driver = run_of(report, rules)["tool"]["driver"]
    assert driver["name"] == "claimcheck"
    assert driver["version"] == report.claimcheck
    assert [r["id"] for r in driver["rules"]] == ["CC101", "CC202", "CC303"]


@pytest.mark.parametrize("rules", [(FakeDateRule,)])
def test_catalog_rule_has_descriptions_help_and_level_from_docstring(report, rules):
    rule = run_of(report, rules)["tool"]["driver"]["rules"][0]
    assert rule["name"] == "event-before-onset"
    assert rule["shortDescription"]["text"] == "A stated date contradicts another stated date for the same event."
    assert rule["fullDescription"]["text"] == "Flags two dates given for one event."
    assert "## Why is this bad?" in rule["help"]["markdown"]
    assert "The bridge opened on May 2." in rule["help"]["text"]
    assert rule["defaultConfiguration"]["level"] == "error"


@pytest.mark.parametrize(("rule", "level"), [("CC101", "error"), ("CC202", "warning"), ("CC303", "note")])
def test_result_level_and_rule_index(report, rule, level):
    run = run_of(report)
    result = next(r for r in run["results"] if r["ruleId"] == rule)
    assert result["level"] == level
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == rule


@pytest.mark.parametrize("fixture", ["report", "report_without_text"])
def test_region_points_at_the_span_in_the_file(fixture, request, article):
    run = run_of(request.getfixturevalue(fixture))
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    start, length = region["charOffset"], region["charLength"]
    assert article[start : start + length] == "reached the valley"
    line = article.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "reached the valley"
    assert region["endLine"] == region["startLine"]
    assert run["columnKind"] == "unicodeCodePoints"


@pytest.mark.parametrize("fixture", ["report"])
def test_evidence_excerpts_are_related_locations(fixture, request):
    result = run_of(request.getfixturevalue(fixture))["results"][0]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == [1, 2]
    assert related[0]["message"]["text"].startswith("event (c4)")
    assert related[1]["physicalLocation"]["region"]["snippet"]["text"] == "began arriving"
    assert "did you mean 2024-06-03?" in result["message"]["text"]


@pytest.mark.parametrize(("rule", "expected"), [("CC101", {FINGERPRINT_KEY: "0123456789abcdef"}), ("CC303", {})])
def test_partial_fingerprints_from_the_finding(report, rule, expected):
    result = next(r for r in run_of(report)["results"] if r["ruleId"] == rule)
    assert result["partialFingerprints"] == expected


@pytest.mark.parametrize("fixture", ["report"])
def test_unreadable_file_is_a_tool_notification(fixture, request):
    invocation = run_of(request.getfixturevalue(fixture))["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "E001" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("news/floods <2024>.md", "news/floods%20%3C2024%3E.md"),
        ("article.txt", "article.txt"),
        ("-", "-"),
    ],
)
def test_artifact_uri_is_a_relative_reference(path, uri):
    assert artifact_uri(path) == uri


@pytest.mark.parametrize("name", ["inside/article.md"])
def test_absolute_path_under_the_working_directory_becomes_relative(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri(str(tmp_path / name)) == name


@pytest.mark.parametrize(
    ("span", "end"),
    [
        (Span(start=10, end=15, line=2, column=3, text="abcde"), (2, 8)),
        (Span(start=10, end=22, line=2, column=3, text="abc\ndefg\nhi"), (4, 3)),
    ],
)
def test_end_position_is_exclusive(span, end):
    assert end_position(span) == end


@pytest.mark.parametrize(
    ("path", "value"),
    [(("results", 0, "level"), "fatal"), (("results", 0, "locations", 0, "physicalLocation", "region", "startLine"), 0)],
)
def test_the_shipped_schema_rejects_broken_logs(report, path, value):
    log = json.loads(render(report, "sarif"))
    target = log["runs"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)
