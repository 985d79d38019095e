from __future__ import annotations

import re

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.report import github, render


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("one\ntwo\r\n", "one%0Atwo%0D%0A", "one%0Atwo%0D%0A"),
        ("a, b: c", "a, b: c", "a%2C b%3A c"),
        ("%0A literally", "%250A literally", "%250A literally"),
    ],
)
def test_escaping(text, data, prop):
    assert github.escape_data(text) == data
    assert github.escape_property(text) == prop


@pytest.mark.parametrize("fixture", ["report"])
def test_error_annotation_has_location_title_and_escaped_message(fixture, request):
    lines = render(request.getfixturevalue(fixture), "github").splitlines()
    assert lines[1] == (
        "::error file=news/floods <2024>.md,line=7,col=26,endLine=7,endColumn=44,"
        "title=CC101 event-before-onset::Event dated 2023-06-03, before the onset: 2024-06-10 "
        "(100%25 of the sides agree)%0Aonset (line 6): “began arriving”%0ASuggestion: did you mean 2024-06-03?"
    )  # the other side of the contradiction follows the message


@pytest.mark.parametrize("fixture", ["report"])
def test_most_severe_first_and_unreadable_files_are_errors(fixture, request):
    lines = render(request.getfixturevalue(fixture), "github").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error", "::warning", "::notice"]
    assert lines[0] == "::error file=missing.txt::[E001] missing.txt: no such file or directory"


@pytest.mark.parametrize("fixture", ["report", "many_findings_report"])
def test_every_line_is_one_workflow_command(fixture, request):
    for line in render(request.getfixturevalue(fixture), "github").splitlines():
        assert re.fullmatch(r"::(error|warning|notice)( [^:]+)?::[^\n\r]*", line), line


@pytest.mark.parametrize(
    ("limit", "counts", "overflow"),
    [
        (10, {"error": 10, "warning": 10, "notice": 3}, ["4 more errors", "2 more warnings"]),
        (3, {"error": 3, "warning": 3, "notice": 3}, ["11 more errors", "9 more warnings"]),
        (50, {"error": 14, "warning": 12, "notice": 3}, []),
    ],
)
def test_annotations_are_capped_per_severity_with_a_notice(many_findings_report, limit, counts, overflow):
    lines = github.render(many_findings_report, limit=limit).splitlines()
    annotations = [line for line in lines if " file=" in line]
    notices = [line for line in lines if line.startswith("::notice::")]
    assert {level: sum(a.startswith(f"::{level} ") for a in annotations) for level in counts} == counts
    assert len(notices) == len(overflow)
    for notice, text in zip(notices, overflow):
        assert text in notice
    first_warning = next(i for i, a in enumerate(annotations) if a.startswith("::warning"))
    assert all(a.startswith("::error") for a in annotations[:first_warning])


@pytest.mark.parametrize("fixture", ["report"])
def test_job_summary_tables_findings_per_file(fixture, request):
    summary = github.job_summary(request.getfixturevalue(fixture))
    assert "**2 files, 5 claims:** 1 error, 1 warning, 1 info, 1 not checked" in summary
    assert "### `news/floods <2024>.md`" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "CC" in line]
    assert len(rows) == 3
    assert "`missing.txt`: **not checked:**" in summary


@pytest.mark.parametrize("times", [1, 2])
def test_append_step_summary_appends_to_the_named_file(report, tmp_path, times):
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    for _ in range(times):
        assert github.append_step_summary(report, {"GITHUB_STEP_SUMMARY": str(target)}) == target
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    assert text.count("## claimcheck") == times


@pytest.mark.parametrize("environ", [{}, {"GITHUB_STEP_SUMMARY": ""}])
def test_append_step_summary_outside_actions_does_nothing(report, environ):
    assert github.append_step_summary(report, environ) is None


@pytest.mark.parametrize("name", ["a-directory"])
def test_unwritable_summary_is_a_coded_error(report, tmp_path, name):
    (tmp_path / name).mkdir()
    with pytest.raises(ClaimcheckError, match=r"^\[E070\]"):
        github.append_step_summary(report, {"GITHUB_STEP_SUMMARY": str(tmp_path / name)})
