"""TIMEX3 values to day intervals, and the START/MID/END thirds."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.temporal.calendar import MODIFIERS, interval, narrow


@pytest.mark.parametrize(
    "value,begin,last,precision",
    [
        ("2023-12-14", "2023-12-14", "2023-12-14", "day"),
        ("2023-12-14T14:00", "2023-12-14", "2023-12-14", "time"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2024-W45", "2024-11-04", "2024-11-10", "week"),
        ("2024-W45-WE", "2024-11-09", "2024-11-10", "day"),
        ("2024-Q4", "2024-10-01", "2024-12-31", "quarter"),
        ("2024-H1", "2024-01-01", "2024-06-30", "half"),
        ("2023-WI", "2023-12-01", "2024-02-29", "season"),
        ("2024", "2024-01-01", "2024-12-31", "year"),
        ("199", "1990-01-01", "1999-12-31", "decade"),
        ("19", "1900-01-01", "1999-12-31", "century"),
    ],
)
def test_interval(value, begin, last, precision):
    b, e, p = interval(value)
    assert (b.isoformat(), e.isoformat(), p) == (begin, last, precision)


@pytest.mark.parametrize("value", ["PRESENT_REF", "P3Y", "XXXX-12-14", "2024-13", ""])
def test_no_interval(value):
    assert interval(value) is None


@pytest.mark.parametrize(
    "mod,begin,last",
    [
        ("START", "2024-11-01", "2024-11-10"),
        ("MID", "2024-11-11", "2024-11-20"),
        ("END", "2024-11-21", "2024-11-30"),
        ("APPROX", "2024-11-01", "2024-11-30"),
        (None, "2024-11-01", "2024-11-30"),
    ],
)
def test_narrow_november(mod, begin, last):
    b, e = narrow(date(2024, 11, 1), date(2024, 11, 30), mod)
    assert (b.isoformat(), e.isoformat()) == (begin, last)


@pytest.mark.parametrize(
    "mod,modifier",
    [("START", "early"), ("MID", "mid"), ("END", "late"), ("APPROX", "approx"),
     ("BEFORE", "before"), ("ON_OR_BEFORE", "before"), ("AFTER", "after"), ("ON_OR_AFTER", "after")],
)
def test_modifiers(mod, modifier):
    assert MODIFIERS[mod] == modifier
