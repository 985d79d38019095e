"""The output options of ``claimcheck check`` on the sample article, through the real CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

pytestmark = pytest.mark.model

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "kursk-north-korean-troops.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

runner = CliRunner()
_runs: dict = {}


def run(*args: str, env: dict | None = None, columns: int = 100):
    """``claimcheck check SAMPLE *args`` (each distinct run once: checking is deterministic)."""
    env = {"COLUMNS": str(columns), "NO_COLOR": "", "FORCE_COLOR": "", **(env or {})}
    key = (args, tuple(sorted(env.items())))
    if key not in _runs or any(a in ("--output", "-o") for a in args):
        _runs[key] = runner.invoke(app, ["check", str(SAMPLE), *args], env=env)
    return _runs[key]


@pytest.fixture(scope="module")
def sample_json() -> dict:
    result = run("--format", "json")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def expected_summary(report: dict) -> str:
    """The summary line the human report should end with, worked out from the JSON report."""
    findings = report["documents"][0]["findings"]
    words = []
    for severity in ("error", "warning", "info"):
        n = sum(f["severity"] == severity for f in findings)
        if n:
            words.append(f"{n} {severity}{'' if n == 1 else 's'}")
    claims = report["summary"]["claims"]
    return ", ".join(words) + f" in 1 file ({claims} claims)"


@pytest.mark.parametrize("columns", [80, 100, 120])
def test_default_report_is_findings_then_one_summary_line(sample_json, columns):
    result = run(columns=columns)
    assert result.exit_code == 1
    lines = result.stdout.rstrip("\n").split("\n")
    assert max(len(line) for line in lines) <= columns
    assert len(lines) <= 60
    assert lines[-1] == expected_summary(sample_json)
    headers = [line for line in lines if re.match(r"\S+kursk-north-korean-troops\.txt:\d+:\d+: (error|warning|info) CC\d+( |$)", line)]
    assert len(headers) == len(sample_json["documents"][0]["findings"])
    assert "Casualties" not in result.stdout and "Timeline" not in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal


def test_each_finding_frames_its_span_and_the_other_side(sample_json):
    lines = run(columns=100).stdout.split("\n")
    first = sample_json["documents"][0]["findings"][0]
    header = next(i for i, line in enumerate(lines) if f":{first['span']['line']}:{first['span']['column']}: " in line)
    block = lines[header : lines.index("", header)]
    rows = [line for line in block if re.match(r"\s*\d+ \| ", line)]
    assert rows[0].lstrip().startswith(f"{first['span']['line']} | ")
    assert first["span"]["text"] in rows[0]
    others = {ex["span"]["line"] for ex in first["excerpts"]} - {first["span"]["line"]}
    assert {int(r.split("|")[0]) for r in rows} >= others  # the other side, with its own line number
    if first.get("suggestion"):
        assert block[-1].endswith(f"= help: {first['suggestion']}")


def test_show_adds_claims_and_timeline():
    out = run("--show", "claims,timeline").stdout
    assert "Casualties (" in out and "Timeline" in out
    assert "Timeline" in run("--show", "timeline").stdout
    assert "Casualties (" not in run("--show", "timeline").stdout
    assert "Casualties (" in run("--show", "all").stdout


def test_unknown_show_section_is_a_one_line_usage_error():
    result = run("--show", "claims,bogus")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "claimcheck: error: unknown --show section 'bogus' (choose from: claims, timeline, all)"
    ]


def test_quiet_prints_only_the_summary(sample_json):
    result = run("--quiet")
    assert result.exit_code == 1
    assert result.stdout == expected_summary(sample_json) + "\n"


def test_statistics_count_findings_per_rule(sample_json):
    findings = sample_json["documents"][0]["findings"]
    result = run("--statistics")
    assert result.exit_code == 1
    lines = result.stdout.rstrip("\n").split("\n")
    rows = [line.split() for line in lines[:-2]]
    assert lines[-2:] == ["", expected_summary(sample_json)]
    assert sum(int(r[0]) for r in rows) == len(findings)
    for count, code, severity, name in rows:
        assert int(count) == sum(f["rule"] == code and f["severity"] == severity for f in findings)
        assert name == "[" + next(f["name"] for f in findings if f["rule"] == code) + "]"
    assert [int(r[0]) for r in rows] == sorted((int(r[0]) for r in rows), reverse=True)


def test_statistics_as_json(sample_json):
    result = run("--statistics", "--format", "json")
    rows = json.loads(result.stdout)
    assert {r["code"] for r in rows} == {f["rule"] for f in sample_json["documents"][0]["findings"]}
    assert sum(r["count"] for r in rows) == len(sample_json["documents"][0]["findings"])


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {}, False),  # auto, and the runner's stdout is no terminal
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag overrides the environment
    ],
)
def test_color_choice(args, env, coloured):
    result = run(*args, env=env)
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) == coloured
    if coloured:
        assert ANSI.sub("", result.stdout) == run("--color", "never").stdout


def test_report_to_a_file_is_never_coloured_unless_asked(tmp_path):
    target = tmp_path / "report.txt"
    assert run("--output", str(target), env={"FORCE_COLOR": "1"}).exit_code == 1
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    assert run("--output", str(target), "--color", "always").exit_code == 1
    assert "\x1b[" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("never", 0)])
def test_exit_codes_do_not_depend_on_the_output_options(fail_on, code):
    for args in ([], ["--quiet"], ["--statistics"], ["--show", "all"]):
        assert run("--fail-on", fail_on, *args).exit_code == code, args
