from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck import __version__
from claimcheck.cli import app, main

runner = CliRunner()


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"claimcheck {__version__}"


@pytest.mark.parametrize("argv", [["check", "no/such/article.txt"]])
def test_missing_file_is_exit_2_with_one_line(argv):
    result = runner.invoke(app, argv)
    assert result.exit_code == 2
    assert "E001" in result.stderr
    assert "Traceback" not in result.output


def test_schema_is_json_schema_of_report():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Report"
    assert {"claimcheck", "documents", "summary"} <= set(schema["properties"])


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024/11/20"])
def test_bad_published_is_usage_error(bad, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Twelve people were killed on Monday.\n")
    result = runner.invoke(app, ["check", str(article), "--published", bad])
    assert result.exit_code == 2
    assert "E030" in result.stderr


def test_main_inserts_check_for_a_path(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["no/such/file.txt"])
    assert exc.value.code == 2
