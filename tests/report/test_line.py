from __future__ import annotations

import pytest

from claimcheck.report import render


@pytest.mark.parametrize("fixture", ["report"])
def test_line_format(fixture, request):
    lines = render(request.getfixturevalue(fixture), "line").splitlines()
    assert lines[0] == (
        "news/floods <2024>.md:7:26: CC101 [error] Event dated 2023-06-03, before the onset: "
        "2024-06-10 (100% of the sides agree)"
    )
    assert lines[-1] == "missing.txt:1:1: E000 [error] [E001] missing.txt: no such file or directory"


@pytest.mark.parametrize("fixture", ["report"])
def test_line_format_is_one_line_per_finding(fixture, request):
    report = request.getfixturevalue(fixture)
    findings = sum(len(d.findings) + (d.error is not None) for d in report.documents)
    assert len(render(report, "line").splitlines()) == findings
