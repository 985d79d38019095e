"""Timeline rules over hand-built claims: where each rule's precision is designed."""

from __future__ import annotations

from datetime import date

import pytest
from rule_builders import casualty, date_frame, event, force, month, span, when

from claimcheck.rules.base import CheckContext
from claimcheck.rules.helpers import calendar_phrase
from claimcheck.rules.timeline import (
    DateOutsideFrame,
    EventBeforeOnset,
    FutureEvent,
    RelativeDateConflict,
    WeekdayMismatch,
)

KEYS = ["north korean forces"]
ONSET = event(
    "c1",
    what="began engaging",
    phase="onset",
    actors=["North Korean troops"],
    actor_keys=KEYS,
    date=when("2024-10-25", "2024-10-29", text="just over a week prior", relative=True),
)


def run(rule, claims, published=None, dates=(), frames=()):
    return list(rule().check(CheckContext(claims=claims, published=published, dates=list(dates), frames=list(frames))))


@pytest.mark.parametrize(
    "other",
    [
        casualty("c2", 8, group_key="russian soldiers", actor_keys=KEYS, modality="reported", date=when("2023-12-14", text="December 14, 2023")),
        event("c2", what="opened fire", actor_keys=KEYS, date=when("2024-06-02")),
    ],
)
def test_event_before_onset_fires(other):
    [f] = run(EventBeforeOnset, [ONSET, other])
    assert f.severity == "error"
    assert f.evidence == ["c2", "c1"]
    assert [e.role for e in f.excerpts] == ["event", "onset"]
    assert "just over a week prior" in f.message and "late October 2024" in f.message


def test_event_before_onset_suggests_the_next_year():
    other = casualty("c2", 8, actor_keys=KEYS, date=when("2023-12-14", text="December 14, 2023"))
    [f] = run(EventBeforeOnset, [ONSET, other], published=date(2024, 12, 20))
    assert f.suggestion == "did you mean December 14, 2024?"
    [f] = run(EventBeforeOnset, [ONSET, other], published=date(2024, 11, 20))
    assert f.suggestion is None


@pytest.mark.parametrize(
    "other",
    [
        # within the tolerance of an approximate onset
        casualty("c2", actor_keys=KEYS, date=when("2024-10-10")),
        # after the onset
        casualty("c2", actor_keys=KEYS, date=when("2024-11-04")),
        # another group
        casualty("c2", actor_keys=["russian forces"], date=when("2023-12-14")),
        # speculative and negated claims are no evidence
        casualty("c2", actor_keys=KEYS, modality="speculative", date=when("2023-12-14")),
        event("c2", actor_keys=KEYS, modality="negated", date=when("2023-12-14")),
        # deployment precedes fighting; another onset is not an event
        force("c2", actor_keys=KEYS, date=when("2024-09-01")),
        event("c2", phase="onset", actor_keys=KEYS, date=when("2024-09-01")),
        # history, long before this involvement
        event("c2", what="fought", actor_keys=KEYS, date=when("1950-06-25")),
        # undated
        casualty("c2", actor_keys=KEYS),
    ],
)
def test_event_before_onset_stays_quiet(other):
    assert run(EventBeforeOnset, [ONSET, other]) == []


def test_event_before_onset_uses_the_earliest_onset():
    arrived = event("c3", what="arrived", phase="onset", actor_keys=KEYS, date=month("2024-09"))
    fired = event("c2", what="opened fire", actor_keys=KEYS, date=when("2024-09-20"))
    assert run(EventBeforeOnset, [ONSET, fired, arrived]) == []


SEED_FRAME = [
    when("2024-11-01", "2024-11-10", text="early November 2024", precision="month", at=100),
    when("2024-10-25", "2024-10-29", text="just over a week prior", relative=True, at=200),
    when("2024-11-01", "2024-11-15", text="Earlier this month", relative=True, precision="month", at=300),
]


@pytest.mark.parametrize(
    "outlier,suggested",
    [
        (month("2023-08", text="August 2023", at=400), "did you mean 2024? (August 2024)"),
        (when("2025-11-03", text="November 3, 2025", at=400), "did you mean 2024? (November 3, 2024)"),
    ],
)
def test_date_outside_frame_fires(outlier, suggested):
    told = date_frame(outlier, "Negotiators met again in that month to settle the terms.", sentence_at=380)
    [f] = run(DateOutsideFrame, [], published=date(2024, 11, 20), dates=SEED_FRAME + [outlier], frames=[told])
    assert f.severity == "warning"
    assert f.suggestion == suggested
    assert outlier.text in f.message


def test_date_outside_frame_cites_the_claims_of_its_sentence():
    outlier = month("2023-08", text="August 2023", at=400)
    told = date_frame(outlier, "Earlier this month the army mobilized 50,000 soldiers against the push begun in August 2023.", sentence_at=300)
    c = force("c1", 50000, date=SEED_FRAME[2], sentence_span=span("x" * 200, 300))
    [f] = run(DateOutsideFrame, [c], published=date(2024, 11, 20), dates=SEED_FRAME + [outlier], frames=[told])
    assert f.evidence == ["c1"]


@pytest.mark.parametrize(
    "told",
    [
        # a clause that tells what came before the story
        {"clause": "after", "sentence": "Talks began after the rebels left the city in August 2023."},
        {"perfect": True, "sentence": "The rebels had left the city in August 2023."},
        # the date opens its sentence, an anecdote of the story's past
        {"sentence": "In August 2023 the rebels left the city.", "sentence_at": 396},
        # the sentence looks back
        {"sentence": "Its history is long: the rebels left the city in August 2023.", "sentence_at": 360},
    ],
)
def test_date_outside_frame_leaves_background_alone(told):
    outlier = month("2023-08", text="August 2023", at=400)
    frame = date_frame(outlier, sentence_at=told.pop("sentence_at", 300), **told)
    assert run(DateOutsideFrame, [], published=date(2024, 11, 20), dates=SEED_FRAME + [outlier], frames=[frame]) == []


@pytest.mark.parametrize(
    "extra",
    [
        # two years off: not a one-year typo
        [month("2022-08", text="August 2022", at=400)],
        # only six weeks outside: inside the story's reach
        [when("2024-09-15", at=400)],
        # corroborated by another date nearby ("last year")
        [month("2023-08", text="August 2023", at=400), when("2023-01-01", "2023-12-31", text="last year", precision="year", relative=True, at=500)],
        # the article carries real history: "since 1990", "the 1996 bombing"
        [month("2023-08", text="August 2023", at=400), when("1996-01-01", "1996-12-31", text="1996", precision="year", at=500)],
        # year-only dates are not candidates
        [when("2023-01-01", "2023-12-31", text="2023", precision="year", at=400)],
        # relative dates are resolved, not written: not candidates
        [month("2023-08", text="last August", at=400, relative=True)],
    ],
)
def test_date_outside_frame_stays_quiet(extra):
    assert run(DateOutsideFrame, [], published=date(2024, 11, 20), dates=SEED_FRAME + extra) == []


def test_date_outside_frame_needs_a_tight_frame():
    loose = [when("2024-01-10", at=10), when("2024-04-01", at=20), when("2024-07-01", at=30), when("2024-11-01", at=40)]
    assert run(DateOutsideFrame, [], published=date(2024, 11, 20), dates=loose + [month("2023-08", at=400)]) == []


@pytest.mark.parametrize(
    "claim,expected",
    [
        (event("c1", tense="past", date=when("2024-06-14", text="June 14, 2024")), "did you mean June 14, 2023?"),
        (casualty("c1", tense="past", date=when("2026-01-03", text="January 3, 2026")), None),
    ],
)
def test_future_event_fires(claim, expected):
    [f] = run(FutureEvent, [claim], published=date(2024, 5, 2))
    assert f.severity == "warning" and f.suggestion == expected
    assert "publication date (May 2, 2024)" in f.message


@pytest.mark.parametrize(
    "claim,published",
    [
        (event("c1", tense="future", date=when("2024-06-14")), date(2024, 5, 2)),
        (event("c1", tense="past", date=when("2024-05-03")), date(2024, 5, 2)),  # a day across time zones
        (event("c1", tense="past", date=when("2024-06-14", relative=True)), date(2024, 5, 2)),
        (event("c1", tense="past", modality="negated", date=when("2024-06-14")), date(2024, 5, 2)),
        (event("c1", tense="past", date=when("2024-06-14")), None),
        (event("c1", tense=None, date=when("2024-06-14")), date(2024, 5, 2)),
    ],
)
def test_future_event_stays_quiet(claim, published):
    assert run(FutureEvent, [claim], published=published) == []


@pytest.mark.parametrize(
    "dv,severity,said",
    [
        (when("2023-12-14", text="Monday, December 14, 2023", weekday=0), "error", "was a Thursday"),
        (when("2023-12-14", text="Friday, December 14, 2023", weekday=4), "warning", "was a Thursday"),
        (when("2023-12-14", text="Monday, Dec. 14", weekday=0, relative=True), "warning", "was a Thursday"),
    ],
)
def test_weekday_mismatch_fires(dv, severity, said):
    [f] = run(WeekdayMismatch, [], dates=[dv])
    assert f.severity == severity
    assert said in f.message and dv.text in f.message


@pytest.mark.parametrize(
    "dv",
    [
        when("2006-01-12", text="Thursday, January 12, 2006", weekday=3),
        when("2023-12-14", text="December 14, 2023"),
        when("2023-12-11", "2023-12-17", text="the week of December 11", precision="week", weekday=0),
    ],
)
def test_weekday_mismatch_stays_quiet(dv):
    assert run(WeekdayMismatch, [], dates=[dv]) == []


def test_relative_date_conflict_fires():
    rel = casualty("c1", 14, group_key="miners", date=when("2024-03-04", "2024-03-10", text="Last week", precision="week", relative=True))
    exp = casualty("c2", 14, group_key="miners", date=when("2024-02-20", text="February 20, 2024"))
    [f] = run(RelativeDateConflict, [rel, exp])
    assert f.severity == "warning" and f.evidence == ["c1", "c2"]
    assert "“Last week”" in f.message and "February 20, 2024" in f.message


@pytest.mark.parametrize(
    "rel,exp",
    [
        # a day apart: time zones
        (event("c1", what="missile strikes", date=when("1998-08-21", text="Friday", relative=True)), event("c2", what="missile strikes", date=when("1998-08-20"))),
        # different events
        (event("c1", what="strikes", date=when("1998-08-14", relative=True)), event("c2", what="talks", date=when("1998-08-20"))),
        # different tolls
        (casualty("c1", 14, date=when("2024-03-04", relative=True)), casualty("c2", 12, date=when("2024-02-20"))),
        # both explicit
        (event("c1", date=when("1998-08-14")), event("c2", date=when("1998-08-20"))),
    ],
)
def test_relative_date_conflict_stays_quiet(rel, exp):
    assert run(RelativeDateConflict, [rel, exp]) == []


@pytest.mark.parametrize(
    "claim",
    [
        # dev-article traps: a forecast year and a match's "second half" resolved as a calendar half
        event("c1", tense="past", date=when("1990-01-01", "1990-12-31", text="1990", precision="year")),
        event("c1", tense="past", date=when("2018-07-01", "2018-12-31", text="the second half", precision="half")),
    ],
)
def test_future_event_ignores_years_and_halves(claim):
    assert run(FutureEvent, [claim], published=date(1989, 10, 26)) == []


def test_relative_date_conflict_ignores_years():
    rel = event("c1", what="visited", date=when("1997-01-01", "1997-12-31", text="last year", precision="year", relative=True))
    exp = event("c2", what="visited", date=when("1980-01-01", "1980-12-31", text="1980", precision="year"))
    assert run(RelativeDateConflict, [rel, exp]) == []


def test_event_before_onset_reports_a_sentence_once_naming_the_main_actor():
    onset = event("c5", what="engaging", phase="onset", actors=["Russian units", "North Korean soldiers"], actor_keys=["russian forces", *KEYS], date=ONSET.date)
    fire = event("c1", what="opened fire", actor_keys=["russian forces", *KEYS], date=when("2023-12-14"), sentence="s")
    dead = casualty("c2", 8, group_key="russian forces", actor_keys=["russian forces"], date=when("2023-12-14"), sentence="s")
    more = force("c3", 10000, actor_keys=KEYS)
    [f] = run(EventBeforeOnset, [fire, dead, more, onset])
    assert f.evidence == ["c1", "c5", "c2"]
    assert "North Korean soldiers" in f.message


@pytest.mark.parametrize(
    "first,last,words",
    [
        ("2023-12-14", "2023-12-14", "December 14, 2023"),
        ("2024-10-25", "2024-11-03", "late October 2024"),
        ("2024-11-01", "2024-11-10", "early November 2024"),
        ("2023-08-01", "2023-08-31", "August 2023"),
        ("2024-01-01", "2024-12-31", "2024"),
        ("2024-10-29", "2024-12-10", "October 29, 2024 – December 10, 2024"),
    ],
)
def test_calendar_phrase(first, last, words):
    assert calendar_phrase((date.fromisoformat(first), date.fromisoformat(last))) == words
