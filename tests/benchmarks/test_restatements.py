"""The restatement benchmark's stories are well formed (no model needed)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from restatements import HERE, edited  # noqa: E402


def test_every_edit_changes_a_figure_the_story_gives():
    files = sorted(HERE.glob("*.yml"))
    assert {yaml.safe_load(p.read_text())["split"] for p in files} == {"dev", "heldout"}
    for path in files:
        for article in yaml.safe_load(path.read_text())["articles"]:
            text = article["text"]
            assert text.startswith("date: "), article["name"]
            for e in article["edits"]:
                assert isinstance(e["contradiction"], bool)
                changed = edited(text, e["old"], e["new"], e["nth"])
                assert changed != text and e["new"] in changed, (article["name"], e)
