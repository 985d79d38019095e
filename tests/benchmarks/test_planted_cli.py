"""The benchmark's command line refuses what it must before any model loads."""

from __future__ import annotations

import sys
from pathlib import Path

# The planting package lives in benchmarks/ (it is not installed); a conftest.py
# here would shadow the suite's own conftest module, so each test file adds it.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import pytest

import planted  # noqa: E402


@pytest.mark.parametrize("split", ["heldout", "all"])
def test_show_missed_is_refused_outside_the_dev_split(tmp_path, split, capsys):
    with pytest.raises(SystemExit) as exc:
        planted.main([str(tmp_path), "--split", split, "--show-missed", "5"])
    assert exc.value.code == 2
    assert "dev split only" in capsys.readouterr().err


def test_unknown_kinds_are_refused(tmp_path):
    with pytest.raises(SystemExit) as exc:
        planted.main([str(tmp_path), "--kinds", "restated-figure,made-up"])
    assert exc.value.code == 2


def test_plants_are_chosen_per_article_and_kind(tmp_path):
    text = "date: 2011-03-09\n\nFloods\n\n" + " ".join(f"The dam burst on April {d}." for d in range(1, 8))
    article = planted.Clean("a.txt", text, None)
    chosen = planted.plants_for(article, "impossible-date", seed=1, per_article=2)
    assert len(chosen) == 2 and chosen == planted.plants_for(article, "impossible-date", seed=1, per_article=2)
    assert [p.record() for p in planted.plants_for(article, "impossible-date", seed=2, per_article=7)] == [
        p.record() for p in planted.plants_for(article, "impossible-date", seed=2, per_article=7)
    ]


def test_articles_load_in_a_fixed_order_and_split(tmp_path):
    for i in range(12):
        (tmp_path / f"story_{i:02d}.txt").write_text(f"date: 2011-03-0{1 + i % 9}\n\nHead {i}\n\nBody {i}.", encoding="utf-8")
    every = planted.load_articles([tmp_path], "all", None)
    dev = planted.load_articles([tmp_path], "dev", None)
    heldout = planted.load_articles([tmp_path], "heldout", None)
    assert sorted(a.name for a in dev + heldout) == sorted(a.name for a in every)
    assert [a.name for a in planted.load_articles([tmp_path], "all", 3)] == [a.name for a in every[:3]]
    assert every[0].published is not None
