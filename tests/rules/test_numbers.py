"""Number rules over hand-built claims."""

from __future__ import annotations

import pytest
from rule_builders import casualty, count_frame, force, qty, source, span, when

from claimcheck.rules.base import CheckContext
from claimcheck.rules.numbers import CountConflict, CumulativeDecrease, PartExceedsWhole, SumMismatch

MONDAY = when("2024-03-04", text="Monday", relative=True)
TUESDAY = when("2024-03-05", text="Tuesday", relative=True)
THURSDAY = when("2024-03-07", text="Thursday", relative=True)


def run(rule, claims):
    return list(rule().check(CheckContext(claims=claims)))


def run_frames(rule, frames):
    return list(rule().check(CheckContext(claims=[], frames=frames)))


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


@pytest.mark.parametrize(
    "part,whole,severity",
    [
        # "Fifteen people …, including 20 Americans"
        (count_frame("f2", 20, noun="American", part_of="f1"), count_frame("f1", 15), "error"),
        # "nearly 50 people, including 70 children": "nearly" is a ceiling
        (count_frame("f2", 70, noun="child", part_of="f1"), count_frame("f1", 50, quantity=qty(50, approximate=True, hedge="nearly", high=50, high_inclusive=False)), "error"),
        # "more than 20 children" of 20
        (count_frame("f2", 20, quantity=qty(20, hedge="more than", low=20, low_inclusive=False), part_of="f1"), count_frame("f1", 20), "error"),
        # "at least 4 people, including 8 foreigners": possible, but it reads wrong
        (count_frame("f2", 8, noun="foreigner", part_of="f1"), count_frame("f1", 4, quantity=qty(4, hedge="at least", low=4)), "warning"),
        # "about 100, including 105": within the estimate's slack
        (count_frame("f2", 105, part_of="f1"), count_frame("f1", 100, quantity=qty(100, approximate=True, hedge="about")), "warning"),
    ],
)
def test_stated_part_exceeds_total(part, whole, severity):
    [f] = run_frames(PartExceedsWhole, [whole, part])
    assert f.severity == severity and f.evidence == ["f2", "f1"]
    assert "is more than the total" in f.message


@pytest.mark.parametrize(
    "part,whole",
    [
        (count_frame("f2", 12, part_of="f1"), count_frame("f1", 192)),
        (count_frame("f2", 15, part_of="f1"), count_frame("f1", 15)),
        # a superseded or negated figure is no part
        (count_frame("f2", 20, part_of="f1", compared=True), count_frame("f1", 15)),
        (count_frame("f2", 20, part_of="f1", modality="negated"), count_frame("f1", 15)),
        # "about 30, including 32": an estimate allows it
        (count_frame("f2", 30, part_of="f1"), count_frame("f1", 30, quantity=qty(30, approximate=True, hedge="about"))),
    ],
)
def test_stated_part_within_total(part, whole):
    assert run_frames(PartExceedsWhole, [whole, part]) == []


def parts_of(total, values, exhaustive=False, total_quantity=None):
    whole = count_frame("f1", total, quantity=total_quantity or qty(total, text=str(total)))
    parts = [count_frame(f"f{i + 2}", v, noun=f"group {i}", part_of="f1", exhaustive=exhaustive, quantity=qty(v, text=str(v)) if isinstance(v, (int, float)) else v)
             for i, v in enumerate(values)]
    return [whole, *parts]


def test_sum_mismatch_fires():
    [f] = run_frames(SumMismatch, parts_of(12, (7, 8)))
    assert f.severity == "error" and f.evidence == ["f1", "f2", "f3"]
    assert "add up to 15 (7 + 8)" in f.message


@pytest.mark.parametrize(
    "total,values,exhaustive,severity,words",
    [
        (12, (5, 4, 2), True, "warning", "fewer than 12"),  # a full breakdown that falls short
        (12, (5, 4, 4), True, "error", "more than 12"),  # a full breakdown above its total
        (12, (7, qty(6, approximate=True, hedge="about")), False, "error", "more than 12"),  # at least 12.1 of 12
    ],
)
def test_sum_mismatch_grades(total, values, exhaustive, severity, words):
    [f] = run_frames(SumMismatch, parts_of(total, values, exhaustive))
    assert f.severity == severity and words in f.message


def test_sum_above_a_floor_is_a_warning():
    frames = parts_of(12, (7, 8), total_quantity=qty(12, hedge="at least", low=12))
    [f] = run_frames(SumMismatch, frames)
    assert f.severity == "warning"


@pytest.mark.parametrize(
    "values,total,exhaustive",
    [
        ((7, 5), 12, False),  # adds up
        ((7, 5), 12, True),
        ((7, 3), 12, False),  # parts given as some of it may leave some out
        ((13, 1), 12, False),  # one part alone is too big: CC203's finding
        ((7,), 6, False),  # a single part: CC203
        ((7, qty(5, approximate=True, hedge="about")), 12, True),  # an estimate that fits
    ],
)
def test_sum_mismatch_stays_quiet(values, total, exhaustive):
    assert run_frames(SumMismatch, parts_of(total, values, exhaustive)) == []


def test_sum_mismatch_adds_one_list_at_a_time():
    """Parts from two sentences may overlap ("including five foreigners" / "among the dead were
    eight women"): only the parts of one sentence are added."""
    whole, a, b = parts_of(12, (7, 8))
    b = b.model_copy(update={"where": b.where.model_copy(update={"sentence": 3})})
    assert run_frames(SumMismatch, [whole, a, b]) == []


def test_spans_are_the_claims():
    a = casualty("c1", 14, date=MONDAY, span=span("14 police officers were killed", 40))
    b = casualty("c2", 12, date=MONDAY, span=span("12 police officers killed", 120))
    [f] = run(CountConflict, [a, b])
    assert f.span.start == 120 and [e.span.start for e in f.excerpts] == [40, 120]


def test_one_arrest_dated_twice_of_a_party_named_more_or_less_fully():
    from rule_builders import date_frame

    from claimcheck.rules.restated import same_dated_fact

    told = "Rahimi and two aides were detained at a rally outside the assembly on August 14."
    retold = "Rahimi and two aides were detained at a rally outside the assembly on August 19."
    first = date_frame(when("2015-08-14", text="August 14", at=70), told, sentence_at=0)
    second = date_frame(when("2015-08-19", text="August 19", at=170), retold, sentence_at=100)
    first = first.model_copy(update={"subject": "nadia rahimi", "about_keys": ["nadia rahimi", "assembly"]})
    second = second.model_copy(update={"subject": "rahimi", "about_keys": ["rahimi"]})
    assert same_dated_fact(first, second)
    stranger = second.model_copy(update={"about_keys": ["karim"]})
    assert not same_dated_fact(first, stranger)


@pytest.mark.parametrize(
    "floor,figure,far",
    [
        (qty(6000, hedge="more than", low=6000, low_inclusive=False), qty(9000), True),
        (qty(6000, hedge="more than", low=6000, low_inclusive=False), qty(7000), False),  # within a quarter
        (qty(1000, hedge="over", low=1000, low_inclusive=False), qty(1700), False),  # less than a step of 1,000
        (qty(15, hedge="more than", low=15, low_inclusive=False), qty(20), True),
        (qty(6000, hedge="at least", low=6000), qty(9000), False),  # a closed floor leaves room
        (qty(6000, hedge="more than", low=6000, low_inclusive=False), qty(9000, approximate=True, hedge="about"), False),
    ],
)
def test_an_open_floor_far_below_a_figure(floor, figure, far):
    from claimcheck.rules.restated import floor_far_below

    assert floor_far_below(floor, figure) is far


def test_a_closed_floor_far_below_a_headline_figure():
    from claimcheck.rules.restated import floor_far_below

    floor = qty(19, hedge="at least", low=19)
    assert floor_far_below(floor, qty(31), closed=True)
    assert not floor_far_below(floor, qty(22), closed=True)  # within a quarter
    assert not floor_far_below(floor, qty(31))
