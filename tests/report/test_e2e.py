"""End to end: a Markdown article with front matter and one planted contradiction,
through the real CLI, once per format (the spaCy model loads once per session)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

pytestmark = pytest.mark.model

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

#: Planted: the officers are wounded in March 2024, months before their units arrived (June 2024).
ARTICLE = """---
date: 2024-07-15
title: Kenyan police mission in Haiti
---

Kenyan police units arrived in Port-au-Prince in late June 2024, officials said.

On March 3, 2024, two Kenyan officers were wounded in a gang ambush near the airport, according to the police.
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "haiti mission.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(article: Path, fmt: str, **kwargs) -> str:
    result = runner.invoke(app, ["check", str(article), "--format", fmt], **kwargs)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    return result.stdout


def planted_line(article: Path) -> int:
    return next(i for i, line in enumerate(article.read_text().splitlines(), 1) if "March 3, 2024" in line)


@pytest.mark.parametrize("fmt", ["json"])
def test_json_validates_against_claimcheck_schema(article, fmt):
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    report = json.loads(check(article, fmt))
    jsonschema.validate(report, schema)
    (doc,) = report["documents"]
    assert doc["published"] == "2024-07-15" and doc["published_source"] == "front-matter"
    assert "text" not in doc
    assert [f["rule"] for f in doc["findings"]][:1] == ["CC101"]
    assert doc["findings"][0]["span"]["line"] == planted_line(article)


@pytest.mark.parametrize("fmt", ["sarif"])
def test_sarif_validates_and_points_at_the_planted_date(article, fmt):
    log = json.loads(check(article, fmt))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    (run,) = log["runs"]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"CC101", "CC303"}
    result = run["results"][0]
    assert result["ruleId"] == "CC101" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("haiti%20mission.md")
    assert location["region"]["startLine"] == planted_line(article)
    assert result["relatedLocations"] and result["partialFingerprints"]


@pytest.mark.parametrize("fmt", ["github"])
def test_github_annotations_and_job_summary(article, fmt, tmp_path):
    summary = tmp_path / "step-summary.md"
    out = check(article, fmt, env={"GITHUB_STEP_SUMMARY": str(summary)})
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={article},line={planted_line(article)},col=")
    assert "title=CC101 event-before-onset::" in first
    assert "CC101" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["markdown"])
def test_markdown(article, fmt):
    out = check(article, fmt)
    assert out.startswith("## claimcheck report")
    assert "Published 2024-07-15 (front-matter)." in out
    assert "| 🔴 error | `CC101` event-before-onset |" in out


@pytest.mark.parametrize("fmt", ["html"])
def test_html(article, fmt, tmp_path):
    target = tmp_path / "report.html"
    result = runner.invoke(app, ["check", str(article), "--format", fmt, "--output", str(target)])
    assert result.exit_code in (0, 1), result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<li class="finding sev-error"' in page and "<svg" in page
    assert 'class="claim k-' in page


@pytest.mark.parametrize("fmt", ["line"])
def test_line(article, fmt):
    first = check(article, fmt).splitlines()[0]
    assert first.startswith(f"{article}:{planted_line(article)}:")
    assert ": CC101 [error] " in first


@pytest.mark.parametrize("fmt", ["human"])
def test_human(article, fmt):
    out = check(article, fmt)
    assert "CC101" in out and "event-before-onset" in out
    assert "\x1b[" not in out


@pytest.mark.parametrize("fmt", ["json"])
def test_planted_contradiction_fails_the_run(article, fmt):
    assert runner.invoke(app, ["check", str(article), "--format", fmt]).exit_code == 1
