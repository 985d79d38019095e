from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import rules
from claimcheck.config import ConfigResolver, Settings, find_config_file, load_config
from claimcheck.errors import ConfigError


class FakeRule(rules.Rule):
    """Flags nothing (a registry entry for validation tests)."""

    code = "CC303"
    name = "vague-attribution"
    severity = "warning"


@pytest.fixture(autouse=True)
def known_rules(monkeypatch):
    monkeypatch.setattr(rules, "RULES", (FakeRule,))
    find_config_file.cache_clear()
    load_config.cache_clear()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "name,text",
    [
        ("claimcheck.toml", 'fail-on = "warning"\nseverity = {CC303 = "info"}\n'),
        ("pyproject.toml", '[project]\nname = "x"\n[tool.claimcheck]\nfail-on = "warning"\nseverity = {CC303 = "info"}\n'),
    ],
)
def test_config_found_by_walking_up(tmp_path, name, text):
    write(tmp_path / name, text)
    article = write(tmp_path / "a" / "b" / "story.md", "x")
    config = ConfigResolver().for_path(article)
    assert config.path == tmp_path / name
    assert config.settings.fail_on == "warning"
    assert config.settings.severity == {"CC303": "info"}


@pytest.mark.parametrize("pyproject", ['[project]\nname = "x"\n'])
def test_pyproject_without_table_is_skipped(tmp_path, pyproject):
    write(tmp_path / "claimcheck.toml", 'fail-on = "info"\n')
    write(tmp_path / "sub" / "pyproject.toml", pyproject)
    config = ConfigResolver().for_path(write(tmp_path / "sub" / "a.txt", "x"))
    assert config.settings.fail_on == "info"


@pytest.mark.parametrize(
    "text,code,fragment",
    [
        ('fail_on = "warning"\n', "E021", "unknown config key 'fail_on' (did you mean 'fail-on'?)"),
        ('selct = ["CC1"]\n', "E021", "did you mean 'select'?"),
        ('fail-on = "fatal"\n', "E022", "'fail-on'"),
        ('severity = {CC303 = "fatal"}\n', "E022", "'severity.CC303'"),
        ('severity = {CC999 = "info"}\n', "E022", "unknown rule 'CC999'"),
        ('select = ["XX1"]\n', "E022", "'select': 'XX1'"),
        ("max-bytes = 0\n", "E022", "'max-bytes'"),
        ("fail-on = \n", "E020", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_error_naming_the_key(tmp_path, text, code, fragment):
    path = write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    message = str(exc.value)
    assert message.startswith(f"[{code}] {path}")
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize("flags,expected", [({"fail-on": "never"}, "never"), ({}, "warning")])
def test_flags_override_config(tmp_path, flags, expected):
    write(tmp_path / "claimcheck.toml", 'fail-on = "warning"\nignore = ["CC3"]\n')
    config = ConfigResolver(flags).for_path(tmp_path / "a.txt")
    assert config.settings.fail_on == expected
    assert config.settings.ignore == ["CC3"]


@pytest.mark.parametrize("flags", [{"select": ["not a code!"]}, {"fail-on": "sometimes"}])
def test_bad_flag_values_fail_before_reading(flags):
    with pytest.raises(ConfigError, match=r"\[E022\] command line"):
        ConfigResolver(flags)


@pytest.mark.parametrize("isolated", [True])
def test_isolated_ignores_config_files(tmp_path, isolated):
    write(tmp_path / "claimcheck.toml", 'fail-on = "info"\n')
    config = ConfigResolver(isolated=isolated).for_path(tmp_path / "a.txt")
    assert config.settings == Settings()


@pytest.mark.parametrize("rel,excluded", [("drafts/a.md", True), ("news/a.md", False), ("news/x.html", True)])
def test_exclude_patterns_are_relative_to_the_config(tmp_path, rel, excluded):
    write(tmp_path / "claimcheck.toml", 'exclude = ["drafts/", "*.html"]\n')
    config = ConfigResolver().for_path(tmp_path / rel)
    assert config.excludes(tmp_path / rel) == excluded
