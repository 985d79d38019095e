"""Every bad input is one line on stderr and exit code 2 — never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import find_config_file, load_config

runner = CliRunner()
GOOD = "date: 2024-11-20\n\nTwelve people were killed on Monday.\n"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    find_config_file.cache_clear()
    load_config.cache_clear()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make(name: str, content: bytes | str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return name


def assert_one_line_error(result, code: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(line.startswith("claimcheck: error: ") and f"[{code}]" in line for line in lines)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "name,content,code",
    [
        ("empty.txt", "", "E002"),
        ("blank.md", "\n  \n", "E002"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "E003"),
        ("big.txt", "Twelve people were killed. " * 400_000, "E004"),
        ("front.md", "---\ndate: [2024\n---\nText.\n", "E007"),
        ("front2.md", "---\ndate: 2024-02-31\n---\nText.\n", "E007"),
        ("code-only.md", "```\nx = 1\n```\n", "E008"),
    ],
)
def test_bad_file(name, content, code):
    assert_one_line_error(runner.invoke(app, ["check", make(name, content)]), code)


@pytest.mark.parametrize("args,code", [(["missing.txt"], "E001"), (["nothing/*.md"], "E001"), (["emptydir"], "E006")])
def test_bad_path(args, code):
    Path("emptydir").mkdir()
    assert_one_line_error(runner.invoke(app, ["check", *args]), code)


@pytest.mark.parametrize("reason", ["Permission denied"])
def test_unreadable_file(monkeypatch, reason):
    name = make("locked.txt", GOOD)

    def deny(self):
        raise PermissionError(13, reason)

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = runner.invoke(app, ["check", name])
    assert_one_line_error(result, "E005")
    assert reason in result.stderr


@pytest.mark.parametrize(
    "config,code",
    [
        ("claimcheck.toml", "E021"),
        ("pyproject.toml", "E022"),
        ("broken.toml", "E020"),
    ],
)
def test_bad_config(config, code):
    contents = {
        "claimcheck.toml": 'fail_on = "info"\n',
        "pyproject.toml": '[tool.claimcheck]\nmax-bytes = "lots"\n',
        "broken.toml": "select = [\n",
    }
    make("claimcheck.toml" if config == "broken.toml" else config, contents[config])
    assert_one_line_error(runner.invoke(app, ["check", make("a.txt", GOOD)]), code)


@pytest.mark.parametrize("flag,value,code", [("--baseline", "missing.json", "E023"), ("--select", "C C", "E022")])
def test_bad_flag(flag, value, code):
    assert_one_line_error(runner.invoke(app, ["check", make("a.txt", GOOD), flag, value]), code)


@pytest.mark.model
@pytest.mark.parametrize("data", [b"date: 2024-11-20\n\nTwelve caf\xe9 workers were killed on Monday.\n"])
def test_non_utf8_is_checked_with_a_warning(data):
    result = runner.invoke(app, ["check", make("latin1.txt", data), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "[W001]" in result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert document["error"] is None
    assert any("W001" in w for w in document["warnings"])


@pytest.mark.model
@pytest.mark.parametrize("name,expected", [(None, "<stdin>"), ("story.md", "story.md")])
def test_stdin(name, expected):
    args = ["check", "-", "--format", "json"] + (["--stdin-filename", name] if name else [])
    result = runner.invoke(app, args, input="---\ndate: 2024-11-20\n---\n\nTwelve people were *killed*.\n")
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["documents"][0]["path"] == expected


@pytest.mark.model
def test_batch_with_a_bad_file_checks_the_rest_and_exits_2():
    make("good.txt", GOOD)
    make("empty.txt", "")
    result = runner.invoke(app, ["check", "good.txt", "empty.txt", "--format", "json", "-o", "report.json"])
    assert result.exit_code == 2
    report = json.loads(Path("report.json").read_text())
    assert [d["error"] is None for d in report["documents"]] == [True, False]
    assert report["summary"]["failed_files"] == 1
