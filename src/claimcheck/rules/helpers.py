"""Small readers the rules share: date intervals, quantity bounds, claim filters.

Every helper answers "I don't know" (``None`` or ``False``) when a field is
missing, so a rule that lacks evidence stays quiet instead of guessing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from ..models import Claim, DateValue, Quantity
from .base import normalize_text

#: Claims whose modality makes them a firm statement of fact.
FIRM_MODALITIES = frozenset({"asserted", "reported"})

#: Date precisions fine enough to place an event within a few weeks.
FINE_PRECISIONS = frozenset({"time", "day", "week", "month", "season", "quarter"})

#: Prepositions that make a date a bound or a relation, not the time the event happened:
#: "since July 2014", "until March", "the year to June 2011", "ahead of the May 2019 vote".
BOUND_PREPOSITIONS = frozenset({"since", "until", "till", "to", "through", "from", "by", "before", "after", "ahead of", "prior to", "up to", "due to", "between"})

#: Precisions of a date that names a particular day, week or month (not a year or a half).
POINT_PRECISIONS = frozenset({"time", "day", "week", "month"})

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def iso(value: Optional[str]) -> Optional[date]:
    """An ISO date string as a ``date``; ``None`` when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(dv: Optional[DateValue]) -> Optional[tuple[date, date]]:
    """The calendar interval ``(first day, last day)`` a date denotes, if it is one."""
    if dv is None or dv.type == "SET":
        return None
    first, last = iso(dv.start), iso(dv.end)
    if first is None or last is None or last < first:
        return None
    return first, last


def midpoint(span: tuple[date, date]) -> date:
    """The middle day of an interval."""
    return span[0] + (span[1] - span[0]) / 2


def gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def shift_years(day: date, years: int) -> date:
    """``day`` moved by whole years (February 29 becomes February 28)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift_interval(span: tuple[date, date], years: int) -> tuple[date, date]:
    return shift_years(span[0], years), shift_years(span[1], years)


def calendar_phrase(span: tuple[date, date]) -> str:
    """An interval in words: ``December 14, 2023``, ``late October 2024``, ``2024``."""
    first, last = span
    month = f"{MONTHS[first.month - 1]} {first.year}"
    if first == last:
        return f"{MONTHS[first.month - 1]} {first.day}, {first.year}"
    if (first.year, first.month) == (last.year, last.month) and first.day == 1 and (last + timedelta(days=1)).month != last.month:
        return month
    if (last - first).days <= 16:
        mid = midpoint(span)
        part = "early" if mid.day <= 10 else "mid" if mid.day <= 20 else "late"
        return f"{part} {MONTHS[mid.month - 1]} {mid.year}"
    if first.year == last.year and first.month == 1 and last.month == 12:
        return str(first.year)
    return f"{calendar_phrase((first, first))} – {calendar_phrase((last, last))}"


def describe(dv: DateValue) -> str:
    """A date as the article wrote it, with its resolution when it was relative."""
    span = interval(dv)
    if span is None or not dv.relative:
        return f"“{dv.text}”"
    return f"“{dv.text}” (≈ {calendar_phrase(span)})"


def is_point(dv: Optional[DateValue]) -> bool:
    """A date that says when something happened, not a bound ("since May", "until 2025")."""
    return dv is not None and (dv.preposition or "") not in BOUND_PREPOSITIONS


def is_firm(claim: Claim) -> bool:
    """A claim stated as fact: not estimated, speculative, negated or future."""
    return claim.modality in FIRM_MODALITIES and claim.tense != "future"


def is_exact(q: Optional[Quantity]) -> bool:
    """A single exact number: no hedge, no approximation, no range."""
    if q is None or q.value is None or q.approximate or q.hedge:
        return False
    return all(b is None or b == q.value for b in (q.low, q.high))


def lower_bound(q: Quantity) -> Optional[float]:
    """The least the quantity can mean: its ``low``, else its exact value."""
    if q.low is not None:
        return q.low
    return q.value if is_exact(q) else None


def upper_bound(q: Quantity) -> Optional[float]:
    """The most the quantity can mean: its ``high``, else its exact value."""
    if q.high is not None:
        return q.high
    return q.value if is_exact(q) else None


def number(value: float) -> str:
    """A figure as a reader writes it: ``10,000``, ``2.5``."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def same_sentence(a: Claim, b: Claim) -> bool:
    """Both claims come from one sentence of the article."""
    if a.sentence_span is not None and b.sentence_span is not None:
        return a.sentence_span.start == b.sentence_span.start
    return a.sentence == b.sentence


def source_names(claim: Claim) -> frozenset[str]:
    """The normalized names of a claim's named (non-vague) sources."""
    return frozenset(s.name.lower() for s in claim.sources if not s.vague and s.name)


def sources_agree(a: Claim, b: Claim) -> bool:
    """Neither claim names a source the other lacks: one voice, not two reports."""
    sa, sb = source_names(a), source_names(b)
    return not sa or not sb or bool(sa & sb)


def group_of(claim: Claim) -> Optional[str]:
    """Whose figure it is, for matching: the group key, else the group as written, normalized."""
    key = getattr(claim, "group_key", None)
    group = getattr(claim, "group", None)
    return key or (normalize_text(group) if group else None) or None


def report_time(claim: Claim) -> Optional[tuple[date, date]]:
    """When a figure was current: its report date, else its event date."""
    return interval(claim.reported) or interval(claim.date)


def same_date(a: Optional[DateValue], b: Optional[DateValue]) -> bool:
    """Two dates of one time: the same interval, or — when neither could be resolved (no
    publication date) — the same expression value ("on Monday" twice: ``XXXX-WXX-1``)."""
    if a is None or b is None:
        return False
    ia, ib = interval(a), interval(b)
    if ia is not None and ib is not None:
        return ia == ib
    return ia is None and ib is None and "X" in a.value and a.value == b.value


def same_time(a: Claim, b: Claim) -> bool:
    """Both claims are dated, and to the same time (event and report dates)."""
    if not same_date(a.date, b.date):
        return False
    if a.reported is None or b.reported is None:
        return True
    return same_date(a.reported, b.reported)
