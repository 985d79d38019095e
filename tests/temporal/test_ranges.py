"""Days no calendar has, and ranges of dates: what the temporal engine records of them."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.temporal import tag
from claimcheck.temporal.calendar import interval, is_calendar_day

#: A Wednesday.
ANCHOR = date(2024, 11, 20)


def dated(text: str, anchor: date | None = ANCHOR, doc=None) -> list[tuple[str, str, bool]]:
    return [(t.text, t.value, t.impossible) for t in tag(text, anchor, doc)]


# ---------------------------------------------------------------- impossible days


def test_calendar_days():
    assert is_calendar_day(2024, 2, 29) and not is_calendar_day(2023, 2, 29)
    assert not is_calendar_day(2023, 4, 31) and not is_calendar_day(2023, 1, 0) and not is_calendar_day(2023, 13, 1)
    assert interval("2023-04-31") is None  # no exception: a day as written, on no calendar
    assert interval("2023-04-30") is not None


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The dam burst on April 31, 2023, flooding three villages.", "April 31, 2023", "2023-04-31"),
        ("The dam burst on Sept. 31, 2023, flooding three villages.", "Sept. 31, 2023", "2023-09-31"),
        ("The dam burst on February 30, 2020, flooding three villages.", "February 30, 2020", "2020-02-30"),
        ("The dam burst on Feb. 29, 2023, flooding three villages.", "Feb. 29, 2023", "2023-02-29"),
        ("The dam burst on 31 June 2023, flooding three villages.", "31 June 2023", "2023-06-31"),
        ("The dam burst on Jan. 32, 2023, flooding three villages.", "Jan. 32, 2023", "2023-01-32"),
        ("The dam burst on March 0, 2023, flooding three villages.", "March 0, 2023", "2023-03-00"),
        ("The dam burst on 2023-11-31, the report says.", "2023-11-31", "2023-11-31"),
        ("The dam burst on 6/31/2023, the report says.", "6/31/2023", "2023-06-31"),
    ],
)
def test_an_impossible_day_keeps_its_value_as_written(text, span, value):
    (t,) = [t for t in tag(text, ANCHOR) if t.type == "DATE"]
    assert (t.text, t.value, t.impossible) == (span, value, True)
    month = date(int(value[:4]), int(value[5:7]), 1)
    assert t.begin == month and t.last is not None and (t.last.year, t.last.month) == (month.year, month.month)
    assert t.precision == "month"
    assert t.to_date_value().impossible


def test_a_real_day_is_no_impossible_one():
    assert dated("The dam burst on Feb. 29, 2024, flooding three villages.") == [("Feb. 29, 2024", "2024-02-29", False)]
    assert dated("The dam burst on April 30, 2023.") == [("April 30, 2023", "2023-04-30", False)]


def test_february_29_takes_the_year_the_text_implies_for_february(nlp):
    # written in November 2024, a past February is February 2024 (a leap year); written in
    # 2023 it is February 2023, which has no 29th
    text = "The dam burst on Feb. 29, officials said."
    assert dated(text, date(2024, 11, 20), nlp(text)) == [("Feb. 29", "2024-02-29", False)]
    assert dated(text, date(2023, 11, 20), nlp(text)) == [("Feb. 29", "2023-02-29", True)]


def test_without_an_anchor_only_a_day_no_year_has_is_impossible():
    assert dated("The dam burst on April 31.", None) == [("April 31", "XXXX-04-31", True)]
    assert dated("The dam burst on Feb. 29.", None) == [("Feb. 29", "XXXX-02-29", False)]


def test_an_impossible_day_sets_no_reference_time():
    found = tag("Talks opened on Nov. 4, 2023. They broke down on Nov. 31, 2023, and resumed the next day.", ANCHOR)
    assert [t.value for t in found] == ["2023-11-04", "2023-11-31", "2023-11-05"]


def test_the_end_of_a_day_range_can_be_impossible():
    found = tag("The book fair runs Sept. 28-31, 2023, in the old town.", ANCHOR)
    assert [(t.text, t.value, t.impossible) for t in found] == [("Sept. 28", "2023-09-28", False), ("31, 2023", "2023-09-31", True)]


@pytest.mark.parametrize(
    "text",
    [
        "In April 31 people drowned in the floods.",
        "In June 31 new cases were reported.",
        "Turnout in April 31 percent higher than before surprised everyone.",
        "His daughter June 31-year-old ran the shop.",
    ],
)
def test_a_count_after_a_month_is_no_day(nlp, text):
    assert not any(t.impossible for t in tag(text, ANCHOR, nlp(text)))


# ---------------------------------------------------------------- ranges


def ranges(text: str, anchor: date | None = ANCHOR, doc=None) -> list[tuple[str, str, str, str]]:
    found = tag(text, anchor, doc)
    by_span = {(t.start, t.end): t for t in found}
    out = []
    for t in found:
        if t.range_role == "start":
            end = by_span[t.range_other]  # type: ignore[index]
            assert end.range_role == "end" and end.range_other == (t.start, t.end)
            out.append((t.text, t.value, end.text, end.value))
    return out


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The talks ran from May 3 to May 8, diplomats said.", [("May 3", "2024-05-03", "May 8", "2024-05-08")]),
        ("Rationing lasted from 1946 until 1953.", [("1946", "1946", "1953", "1953")]),
        ("Prices were frozen between March 2019 and June 2019.", [("March 2019", "2019-03", "June 2019", "2019-06")]),
        ("The congress met Oct. 14-17 in Vienna.", [("Oct. 14", "2024-10-14", "17", "2024-10-17")]),
        ("The market met from Oct. 14 to 17 in Vienna.", [("Oct. 14", "2024-10-14", "17", "2024-10-17")]),
        ("The 2019-2023 plan was adopted.", [("2019", "2019", "2023", "2023")]),
        ("The 1998-99 season was his last.", [("1998", "1998", "99", "1999")]),
        ("The ends are swapped: from 2021 until 2017 she led the board.", [("2021", "2021", "2017", "2017")]),
    ],
)
def test_ranges_are_linked_once(nlp, text, expected):
    assert ranges(text, ANCHOR, nlp(text)) == expected


def test_an_inverted_range_of_written_years_is_tagged():
    assert [(t.text, t.value, t.range_role) for t in tag("The 2023-2019 plan was adopted.", ANCHOR)] == [
        ("2023", "2023", "start"), ("2019", "2019", "end"),
    ]
    assert tag("Call 1990-1234 for tickets.", ANCHOR) == []  # no year, no range


#: Early spring: the winter before lies in two years.
SPRING = date(2024, 3, 20)


@pytest.mark.parametrize(
    "text,expected",
    [
        # over the new year: months, a start well after the end, a year from a day to the day before
        ("Snow closed the pass from December to February, residents said.", [("December", "2023-12", "February", "2024-02")]),
        ("The schools stayed shut from Dec. 20 to Jan. 6, residents said.", [("Dec. 20", "2023-12-20", "Jan. 6", "2024-01-06")]),
        ("The tax year ran from April 6 to April 5, the revenue office said.", [("April 6", "2024-04-06", "April 5", "2025-04-05")]),
        # an end that gives its year sets the start's
        ("The port handled two million containers from October to February this year.", [("October", "2023-10", "February this year", "2024-02")]),
        # inverted by the text's own reading of the year
        ("The talks ran from Feb. 8 to Feb. 3, diplomats said.", [("Feb. 8", "2024-02-08", "Feb. 3", "2024-02-03")]),
        ("The talks ran from Feb. 8 to Jan. 30, diplomats said.", [("Feb. 8", "2024-02-08", "Jan. 30", "2024-01-30")]),
        ("The congress met Feb. 17-16 in Vienna.", [("Feb. 17", "2024-02-17", "16", "2024-02-16")]),
    ],
)
def test_a_year_left_out_is_read_from_the_other_end(nlp, text, expected):
    assert ranges(text, SPRING, nlp(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The referendum was moved from June 12 to May 29, the commission said.",
        "The final was brought forward from 2026 to 2025.",
        "Output at the plant fell from 2010 to 1980 in a week.",
        "The gap between 2023 and 2019 is the size of the harvest.",
        "The team played from Monday to Friday.",
        "The shop opens from 9 a.m. to 5 p.m.",
    ],
)
def test_changes_comparisons_and_other_times_are_no_ranges(nlp, text):
    assert ranges(text, ANCHOR, nlp(text)) == []


def test_a_change_with_its_own_amount_spans_a_period(nlp):
    text = "Exports grew 7 percent a year from 2003 to 2009, the ministry said."
    assert ranges(text, ANCHOR, nlp(text)) == [("2003", "2003", "2009", "2009")]


def test_without_a_parse_only_dash_ranges_are_linked():
    assert ranges("The talks ran from May 3 to May 8.") == []
    assert ranges("The congress met Oct. 14-17 in Vienna.") == [("Oct. 14", "2024-10-14", "17", "2024-10-17")]


def test_the_report_record_carries_the_range(nlp):
    from claimcheck.pipeline import dates  # noqa: F401  (registers the component)

    doc = nlp("The congress met Oct. 14-17 in Vienna.")
    first, last = [t.to_date_value(doc) for t in doc._.cc_timexes]
    assert (first.range_role, last.range_role) == ("start", "end")
    assert first.range_with is not None and first.range_with.text == "17"
    assert last.range_with is not None and last.range_with.text == "Oct. 14"
