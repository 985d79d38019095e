"""Number rules over hand-built claims."""

from __future__ import annotations

import pytest
from rule_builders import casualty, force, qty, source, span, when

from claimcheck.rules.base import CheckContext
from claimcheck.rules.numbers import CountConflict, CumulativeDecrease, PartExceedsWhole, SumMismatch

MONDAY = when("2024-03-04", text="Monday", relative=True)
TUESDAY = when("2024-03-05", text="Tuesday", relative=True)
THURSDAY = when("2024-03-07", text="Thursday", relative=True)


def run(rule, claims):
    return list(rule().check(CheckContext(claims=claims)))


def test_count_conflict_fires():
    a = casualty("c1", 14, date=MONDAY, quantity=qty(14, text="14"))
    b = casualty("c2", 12, date=MONDAY, quantity=qty(12, text="12"))
    [f] = run(CountConflict, [a, b])
    assert f.severity == "error" and f.evidence == ["c1", "c2"]
    assert "police officers killed" in f.message and "14" in f.message and "12" in f.message


@pytest.mark.parametrize(
    "a,b",
    [
        # hedged, estimated or speculative values are never conflicts
        (casualty("c1", 14, date=MONDAY), casualty("c2", 12, date=MONDAY, quantity=qty(12, hedge="at least", low=12))),
        (casualty("c1", 10000, date=MONDAY), casualty("c2", 100000, date=MONDAY, modality="speculative")),
        (casualty("c1", 10000, date=MONDAY, modality="estimated"), casualty("c2", 12, date=MONDAY)),
        (force("c1", 10000, date=MONDAY), force("c2", 100000, date=MONDAY, quantity=qty(100000, approximate=True))),
        # different groups, outcomes, times
        (force("c1", 50000, group_key="russian forces", date=MONDAY), force("c2", 10000, group_key="north korean forces", date=MONDAY)),
        (casualty("c1", 14, date=MONDAY), casualty("c2", 12, outcome="wounded", date=MONDAY)),
        (casualty("c1", 30, date=MONDAY), casualty("c2", 300, date=THURSDAY)),
        (casualty("c1", 30), casualty("c2", 300)),
        (casualty("c1", 30, date=MONDAY, reported=MONDAY), casualty("c2", 300, date=MONDAY, reported=THURSDAY)),
        # one sentence with two values is a revision ("initially 10, has risen to 12")
        (casualty("c1", 10, date=MONDAY, sentence="s"), casualty("c2", 12, date=MONDAY, sentence="s")),
        # two named sources disagreeing is reporting, not contradiction
        (casualty("c1", 14, date=MONDAY, sources=[source("police")]), casualty("c2", 12, date=MONDAY, sources=[source("hospital")])),
        # a component and its total
        (casualty("c1", 14, date=MONDAY), casualty("c2", 12, date=MONDAY, part_of="c1")),
        # no group to match on
        (casualty("c1", 14, group_key=None, date=MONDAY), casualty("c2", 12, group_key=None, date=MONDAY)),
        # same value
        (casualty("c1", 14, date=MONDAY), casualty("c2", 14, date=MONDAY)),
    ],
)
def test_count_conflict_stays_quiet(a, b):
    assert run(CountConflict, [a, b]) == []


def test_cumulative_decrease_fires():
    a = casualty("c1", 40, cumulative=True, date=TUESDAY, quantity=qty(40, text="40"))
    b = casualty("c2", 31, cumulative=True, date=THURSDAY, quantity=qty(31, text="31"))
    [f] = run(CumulativeDecrease, [b, a])
    assert f.severity == "warning" and f.evidence == ["c1", "c2"]
    assert "falls from 40 (March 5, 2024) to 31 (March 7, 2024)" in f.message


@pytest.mark.parametrize(
    "a,b",
    [
        # tolls that rise
        (casualty("c1", 10, cumulative=True, date=TUESDAY), casualty("c2", 12, cumulative=True, date=THURSDAY)),
        # corrected in one sentence
        (casualty("c1", 40, cumulative=True, date=TUESDAY, sentence="s"), casualty("c2", 31, cumulative=True, date=THURSDAY, sentence="s")),
        # hedged: "more than 40" then "about 38"
        (casualty("c1", 40, cumulative=True, date=TUESDAY, quantity=qty(40, approximate=True)), casualty("c2", 38, cumulative=True, date=THURSDAY)),
        # not running totals
        (casualty("c1", 40, date=TUESDAY), casualty("c2", 31, date=THURSDAY)),
        # same report time
        (casualty("c1", 40, cumulative=True, date=TUESDAY), casualty("c2", 31, cumulative=True, date=TUESDAY)),
        # different groups or sources
        (casualty("c1", 40, cumulative=True, date=TUESDAY), casualty("c2", 31, cumulative=True, group_key="soldiers", date=THURSDAY)),
        (casualty("c1", 40, cumulative=True, date=TUESDAY, sources=[source("police")]), casualty("c2", 31, cumulative=True, date=THURSDAY, sources=[source("UN")])),
    ],
)
def test_cumulative_decrease_stays_quiet(a, b):
    assert run(CumulativeDecrease, [a, b]) == []


@pytest.mark.parametrize(
    "part,whole",
    [
        (casualty("c2", 20, group_key="people", part_of="c1"), casualty("c1", 15, group_key="people")),
        (casualty("c2", 40, date=MONDAY), casualty("c1", 30, outcome="killed_or_wounded", date=MONDAY)),
        (casualty("c2", 1500, outcome="killed_or_wounded", date=MONDAY), force("c1", 1200, date=MONDAY)),
        # bounds: "more than 1,500" cannot fit in "at most 1,200"
        (casualty("c2", 1500, quantity=qty(1500, hedge="more than", low=1500), sentence="s"), force("c1", 1200, quantity=qty(1200, hedge="up to", high=1200), sentence="s")),
    ],
)
def test_part_exceeds_whole_fires(part, whole):
    [f] = run(PartExceedsWhole, [whole, part])
    assert f.severity == "error" and f.evidence == ["c2", "c1"]
    assert "is more than" in f.message


@pytest.mark.parametrize(
    "part,whole",
    [
        (casualty("c2", 12, part_of="c1"), casualty("c1", 192)),
        # approximate figures have no certain bounds
        (casualty("c2", 40, quantity=qty(40, approximate=True), date=MONDAY), casualty("c1", 30, outcome="killed_or_wounded", date=MONDAY)),
        # different times: casualties over a war, a force at one moment
        (casualty("c2", 1500, outcome="killed_or_wounded", date=MONDAY), force("c1", 1200, date=THURSDAY)),
        # different groups
        (casualty("c2", 8, group_key="russian soldiers", sentence="s"), force("c1", 5, group_key="north korean forces", sentence="s")),
        # a planned force is not a whole
        (casualty("c2", 1500, date=MONDAY), force("c1", 1200, action="planned", date=MONDAY)),
        # killed and wounded are not parts of each other
        (casualty("c2", 40, date=MONDAY), casualty("c1", 30, outcome="wounded", date=MONDAY)),
    ],
)
def test_part_exceeds_whole_stays_quiet(part, whole):
    assert run(PartExceedsWhole, [whole, part]) == []


def test_sum_mismatch_fires():
    whole = casualty("c1", 12, group_key="people", quantity=qty(12, text="Twelve"))
    parts = [
        casualty("c2", 7, group_key="soldiers", part_of="c1", quantity=qty(7, text="seven")),
        casualty("c3", 8, group_key="police officers", part_of="c1", quantity=qty(8, text="eight")),
    ]
    [f] = run(SumMismatch, [whole, *parts])
    assert f.severity == "warning" and f.evidence == ["c1", "c2", "c3"]
    assert "add up to 15 (seven + eight)" in f.message


@pytest.mark.parametrize(
    "values,total",
    [
        ((7, 5), 12),  # adds up
        ((7, 3), 12),  # components may be partial
        ((13, 1), 12),  # one component alone is too big: CC203's finding
        ((7,), 6),  # a single component: CC203
    ],
)
def test_sum_mismatch_stays_quiet(values, total):
    whole = casualty("c1", total, group_key="people")
    parts = [casualty(f"c{i + 2}", v, group_key=f"group {i}", part_of="c1") for i, v in enumerate(values)]
    assert run(SumMismatch, [whole, *parts]) == []


def test_sum_mismatch_ignores_hedged_components():
    whole = casualty("c1", 12, group_key="people")
    parts = [casualty("c2", 7, part_of="c1"), casualty("c3", 8, part_of="c1", quantity=qty(8, approximate=True))]
    assert run(SumMismatch, [whole, *parts]) == []


def test_spans_are_the_claims():
    a = casualty("c1", 14, date=MONDAY, span=span("14 police officers were killed", 40))
    b = casualty("c2", 12, date=MONDAY, span=span("12 police officers killed", 120))
    [f] = run(CountConflict, [a, b])
    assert f.span.start == 120 and [e.span.start for e in f.excerpts] == [40, 120]
