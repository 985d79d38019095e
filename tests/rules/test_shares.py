"""CC206 and CC211 over hand-built frames: a share against its count and total, with the slack of how each is written; a share of people above all of them."""

from __future__ import annotations

from typing import Optional

import pytest
from rule_builders import count_frame, qty

from claimcheck.rules.base import CheckContext
from claimcheck.rules.shares import ShareMismatch, ShareOverWhole, decimals


def run(share_text: str, share: float, count: float, total: float, dimension: str = "percent", count_text: Optional[str] = None,
        total_text: Optional[str] = None, **share_kw):
    frames = [
        count_frame("f1", count, noun=None, quantity=qty(count, text=count_text or f"{count:,.0f}")),
        count_frame("f3", total, quantity=qty(total, text=total_text or f"{total:,.0f}")),
        count_frame("f2", share, noun=None, dimension=dimension, share_of="f3", share_count="f1",
                    quantity=qty(share, text=share_text, **share_kw)),
    ]
    return list(ShareMismatch().check(CheckContext(claims=[], frames=frames)))


@pytest.mark.parametrize(
    "text, share, count, total, severity",
    [
        ("60 percent", 60, 1800, 4500, "error"),  # 40 percent
        ("36 percent", 36, 41, 120, "warning"),  # 34.2 percent: beyond rounding, not far
        ("34.9 percent", 34.9, 41, 120, "warning"),  # one decimal: a tenth of a point of slack
        ("two-thirds", 2 / 3, 450, 900, "warning"),  # a fraction is loose, so never far by a little
        ("a tenth", 0.1, 450, 900, "error"),
    ],
)
def test_share_mismatch_fires(text, share, count, total, severity):
    dimension = "fraction" if "percent" not in text else "percent"
    [f] = run(text, share, count, total, dimension=dimension)
    assert f.severity == severity and f.evidence == ["f1", "f3", "f2"]
    assert "does not match" in f.message


@pytest.mark.parametrize(
    "text, share, count, total, kw",
    [
        ("40 percent", 40, 1200, 3000, {}),
        ("39 percent", 39, 1180, 3000, {}),  # 39.3
        ("40 percent", 40, 1203, 3000, {}),  # 40.1: rounded
        ("41 percent", 41, 1234, 3000, {}),  # 41.13, written cut off or rounded
        ("a third", 1 / 3, 4000, 12000, {}),
        ("nearly 40 percent", 40, 1150, 3000, {"approximate": True, "hedge": "nearly", "high": 40, "high_inclusive": False}),
        ("more than 30 percent", 30, 1200, 3000, {"hedge": "more than", "low": 30, "low_inclusive": False}),
    ],
)
def test_share_mismatch_stays_quiet(text, share, count, total, kw):
    dimension = "fraction" if "percent" not in text else "percent"
    assert run(text, share, count, total, dimension=dimension, **kw) == []


def test_round_counts_have_slack():
    """ "about 4,000, or 31 percent, of the 12,000": the counts may be rounded."""
    assert run("31 percent", 31, 4000, 12000) == []


def test_count_above_total_is_left_to_cc203():
    assert run("40 percent", 40, 5000, 3000) == []


@pytest.mark.parametrize("text, places", [("40 percent", 0), ("12.5 percent", 1), ("0.35%", 2), ("7 per cent", 0)])
def test_decimals(text, places):
    assert decimals(text) == places


@pytest.mark.parametrize(
    "noun, quantity, fires",
    [
        ("voter", qty(112, text="112 percent"), True),
        ("voter", qty(100, text="100 percent"), False),  # all of them
        ("voter", qty(100, text="more than 100 percent", hedge="more than", low=100, low_inclusive=False), True),
        ("voter", qty(120, text="some 120 percent", approximate=True, hedge="some"), True),  # at least 108
        ("voter", qty(105, text="about 105 percent", approximate=True, hedge="about"), False),  # may be 100
        ("voter", qty(110, text="up to 110 percent", hedge="up to", high=110), False),  # a ceiling
        ("capacity", qty(150, text="150 percent"), False),  # not a group of people
    ],
)
def test_share_over_whole(noun, quantity, fires):
    """CC211: a percentage of people above 100 at its lowest reading."""
    frame = count_frame("f1", quantity.value, noun=noun, dimension="percent", quantity=quantity)
    found = list(ShareOverWhole().check(CheckContext(claims=[], frames=[frame])))
    assert [f.evidence for f in found] == ([["f1"]] if fires else [])
