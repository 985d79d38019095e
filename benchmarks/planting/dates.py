"""Calendar dates as written: "November 15", "Nov. 15, 2005", "15 November 2005",
"Tuesday, March 5", "March 2006", and resolving a year-less date against the
publication date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
    "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}
MONTH_NAMES = [calendar.month_name[i] for i in range(13)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:1[89]\d\d|20\d\d)"

#: "Tuesday, November 15, 2005" / "Nov. 15" / "15 November 2005" (weekday and year optional).
DAY_DATE = re.compile(
    rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|,\d)(?:,?\s+(?P<year>{YEAR}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>{YEAR}))?)\b"
)
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH})\s+(?:of\s+)?(?P<year>{YEAR})\b")


@dataclass(frozen=True)
class DayDate:
    """A day date in the text; offsets of its parts (``-1`` when absent)."""

    start: int
    end: int
    month: int
    day: int
    year: Optional[int]
    month_span: tuple[int, int]
    day_span: tuple[int, int]
    year_span: Optional[tuple[int, int]]
    weekday: Optional[int]
    weekday_span: Optional[tuple[int, int]]

    def resolve(self, published: Optional[date]) -> Optional[date]:
        """The calendar day: the written year, else the one nearest the publication date."""
        if self.year is not None:
            return _safe(self.year, self.month, self.day)
        if published is None:
            return None
        options = [d for y in (published.year - 1, published.year, published.year + 1) if (d := _safe(y, self.month, self.day))]
        past = [d for d in options if d <= published + timedelta(days=14)]  # news tells the past
        return max(past) if past else (min(options) if options else None)


def _safe(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_day_dates(text: str, start: int = 0, end: Optional[int] = None) -> list[DayDate]:
    out = []
    for m in DAY_DATE.finditer(text, start, len(text) if end is None else end):
        g = "2" if m.group("day2") else ""
        month, day, year = m.group("month" + g), m.group("day" + g), m.group("year" + g)
        d = int(day)
        mon = MONTHS[month.lower()]
        if not 1 <= d <= 31:
            continue
        wd = m.group("weekday")
        out.append(
            DayDate(
                start=m.start(), end=m.end(), month=mon, day=d, year=int(year) if year else None,
                month_span=m.span("month" + g), day_span=m.span("day" + g),
                year_span=m.span("year" + g) if year else None,
                weekday=WEEKDAYS.index(wd) if wd else None,
                weekday_span=m.span("weekday") if wd else None,
            )
        )
    return out


def month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def shift_months(d: date, months: int) -> date:
    """``d`` moved by whole months (the day clipped to the month's length)."""
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, month_length(y, m + 1)))


def write_date(d: date, like: str, with_year: bool) -> str:
    """``d`` written in the style of the month token ``like`` ("Nov." or "November")."""
    month = MONTH_NAMES[d.month]
    if like.endswith("."):
        month = {9: "Sept."}.get(d.month, month if len(month) <= 5 else month[:3] + ".")
    text = f"{month} {d.day}"
    return f"{text}, {d.year}" if with_year else text


def most_recent_weekday(weekday: int, published: date) -> date:
    """The last ``weekday`` on or before the publication date (wire: "said Tuesday")."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def in_range(text: str, d: DayDate) -> bool:
    """A date that is one end of a range ("from Nov. 3 to Nov. 8", "Nov. 21-25")."""
    after = text[d.end : d.end + 16]
    before = text[max(0, d.start - 10) : d.start]
    return bool(
        re.match(rf"\s*[-–]\s*\d|\s+(?:to|and|through|until|till)\s+(?:\d|{MONTH})", after)
        or re.search(r"\b(?:from|between|to|and|through|until|till)\s+$", before)
    )


def in_dateline(text: str, d: DayDate) -> bool:
    """A wire dateline: "BEIJING, Nov. 14 (Xinhua) --"."""
    return bool(
        re.match(r"\s*\((?:Xinhua|AFP|AP|Reuters|UPI|dpa)\)", text[d.end : d.end + 12])
        or re.search(r"\b[A-Z]{3,}(?: [A-Z]{3,})*,\s*$", text[max(0, d.start - 30) : d.start])
    )


def body_dates(text: str, start: int) -> list[DayDate]:
    """The day dates after ``start`` that are not part of a dateline."""
    return [d for d in find_day_dates(text, start) if not in_dateline(text, d)]
