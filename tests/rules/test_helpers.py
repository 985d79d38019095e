"""Rule helpers: the calendar interval a date value denotes."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.models import DateValue
from claimcheck.rules.helpers import interval


@pytest.mark.parametrize(
    "dv,expected",
    [
        (DateValue(text="May 3", value="2024-05-03", type="DATE", start="2024-05-03", end="2024-05-03"),
         (date(2024, 5, 3), date(2024, 5, 3))),
        # "a week earlier": a DURATION for TimeML that points to a day
        (DateValue(text="a week", value="P1W", type="DURATION", start="2024-11-13", end="2024-11-13"),
         (date(2024, 11, 13), date(2024, 11, 13))),
        (DateValue(text="three years", value="P3Y", type="DURATION"), None),  # a plain duration
        (DateValue(text="every May", value="XXXX-05", type="SET", start="2024-05-01", end="2024-05-31"), None),
        (None, None),
    ],
)
def test_interval_of_any_dated_timex_but_a_set(dv, expected):
    assert interval(dv) == expected
