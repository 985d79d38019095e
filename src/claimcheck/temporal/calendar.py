"""Calendar arithmetic: TIMEX3 values to the intervals of days they denote.

``interval("2024-11")`` is ``(2024-11-01, 2024-11-30, "month")``; a TIMEX3
``mod`` narrows it (``START`` keeps the first third: early November is the
1st to the 10th) or marks it approximate.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Optional

#: TIMEX3 mod -> claimcheck's modifier.
MODIFIERS: dict[str, str] = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "approx",
    "BEFORE": "before",
    "ON_OR_BEFORE": "before",
    "AFTER": "after",
    "ON_OR_AFTER": "after",
    "EQUAL_OR_MORE": "at_least",
    "EQUAL_OR_LESS": "at_most",
}

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


Interval = tuple[date, date, str]


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, monthrange(year, month)[1])


def is_calendar_day(year: int, month: int, day: int) -> bool:
    """Whether the month of that year has that day (no April 31, no February 29 in 2005)."""
    return 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1] and 1 <= year <= 9999


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamped to the month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, monthrange(y, m + 1)[1]))


def week_value(d: date) -> str:
    """The ISO week of ``d`` as TIMEX3 writes it: ``2024-W45``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    """The calendar quarter (1-4) of ``d``."""
    return (d.month - 1) // 3 + 1


def interval(value: str) -> Optional[Interval]:
    """The first and last day a TIMEX3 DATE/TIME value covers, with its precision."""
    m = _DAY.match(value)
    if m:
        if not is_calendar_day(int(m[1]), int(m[2]), int(m[3])):
            return None  # "2005-04-31": a day as the text wrote it, on no calendar
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, "time" if m[4] and re.match(r"T\d", m[4]) else "day"
    m = _WEEK.match(value)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "day"
        return monday, monday + timedelta(days=6), "week"
    m = _MONTH.match(value)
    if m and 1 <= int(m[2]) <= 12:
        return date(int(m[1]), int(m[2]), 1), month_end(int(m[1]), int(m[2])), "month"
    m = _PART.match(value)
    if m:
        return _part_interval(int(m[1]), m[2])
    m = _YEAR.match(value)
    if m:
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31), "year"
    m = _DECADE.match(value)
    if m:
        y = int(m[1]) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "decade"
    m = _CENTURY.match(value)
    if m:
        y = int(m[1]) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"
    return None


def _part_interval(year: int, part: str) -> Interval:
    if part[0] == "Q":
        q = int(part[1])
        return date(year, 3 * q - 2, 1), month_end(year, 3 * q), "quarter"
    if part[0] == "H":
        h = int(part[1])
        return date(year, 6 * h - 5, 1), month_end(year, 6 * h), "half"
    first, last = SEASON_MONTHS[part]
    if first > last:  # winter straddles the new year
        return date(year, first, 1), month_end(year + 1, last), "season"
    return date(year, first, 1), month_end(year, last), "season"


def narrow(begin: date, last: date, mod: Optional[str]) -> tuple[date, date]:
    """The part of ``[begin, last]`` a START/MID/END mod keeps (thirds of the days)."""
    if mod not in {"START", "MID", "END"}:
        return begin, last
    days = (last - begin).days + 1
    third = max(days // 3, 1)
    if mod == "START":
        return begin, begin + timedelta(days=third - 1)
    if mod == "END":
        return last - timedelta(days=third - 1), last
    return begin + timedelta(days=third), last - timedelta(days=third)
