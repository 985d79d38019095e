"""The publication date from a dateline, else inferred from the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimcheck.temporal import infer_publication

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "kursk-north-korean-troops.txt"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Thursday, January 12, 2006\n\nThe mayor said on Monday that taxes would rise.", date(2006, 1, 12)),
        ("NAIROBI, Kenya, Aug. 8 (AP) — The toll from the 1998 bombing rose, officials said.", date(1998, 8, 8)),
        ("Rates rise\n\nLONDON, March 3, 2019 — Prices rose again.", date(2019, 3, 3)),
    ],
)
def test_dateline(text, expected):
    found, how = infer_publication(text)
    assert found == expected
    assert how.startswith("dateline:")


def test_inferred_from_latest_dated_expression():
    found, how = infer_publication(SAMPLE.read_text(encoding="utf-8"))
    assert found == date(2024, 11, 10)
    assert how == "latest dated expression in the text: 'early November 2024' (line 4)"


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) — Officials said Monday that talks would resume.",  # a dateline without a date
        "The minister resigned yesterday after a week of protests.",  # only relative dates
    ],
)
def test_nothing_to_go_on(text):
    assert infer_publication(text) == (None, None)
