"""Ranges the text writes: two temporal expressions that start and end one stretch of time.

"from May 3 to May 8", "from 2010 until 2008", "between 2005 and 2007", "Nov. 15-17",
"2006-2010", "1990-91": :func:`link_ranges` marks the two ends (``Timex.range_role``
``start``/``end``, ``range_other``) once, in the temporal engine, so every reader of
dates sees the same ranges. Only expressions that name a day, a month or a year on
the calendar are ends ("from Monday to Friday", "from 9 a.m. to noon" are not linked).

Where the text leaves a year out, the two ends are read as one stretch:

* an end written without its year ("May 3", "in March"; "August this year" gives one)
  takes the year of the other end; then, if it comes out on the wrong side, the range
  runs over the new year when it plainly can: either end is a month ("from December
  to February", "a fiscal year from April to March"), the end is the day before the
  start ("from April 1 to March 31": a year), or the start lies at least
  :data:`CROSSING_DAYS` after the end ("from Dec. 20 to Jan. 5"). An end that takes
  its month from the start ("Nov. 5-4", "Nov. 16 to 15") never crosses;
* otherwise the end stays before its start: "from May 8 to May 3", "Nov. 17-15",
  "from May 3 to April 28" are inverted by the text's own reading of the year, and so
  are ends whose years are written ("between December 2005 and October 2005",
  "2007-2005").

"from X to Y" is no range when it tells a change: a date moved ("postponed from May 3
to April 28", "bringing the end of the term forward from 2010 to 2008": a word of the
lexicon's ``range_moves`` governs the "from") or a figure that moved ("fell from 2010 to
2008": a word of ``range_changes`` with no amount of its own; "grew 7 percent from 1995
to 2003" is a period). "between X and Y" is no range when it compares two times ("the
gap between 2010 and 2006": a word of ``range_comparisons``). Telling them needs the
parse, so without one only dash ranges are linked.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from .calendar import is_calendar_day, month_end, narrow
from .lexicon import lexicon
from .timex import Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

#: The grammar rules whose expressions name a day, a month or a year of the calendar.
CALENDAR_RULES = frozenset({
    "full_date", "full_date_dmy", "day_range_end", "impossible_day", "iso_date", "us_date", "month", "year", "year_range_end",
})  # fmt: skip
#: A start this many days or more after an end without its year: the range crosses the new year.
CROSSING_DAYS = 62

_CALENDAR_VALUE = re.compile(r"(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?")
_DASH = re.compile(r"[ \t]*[-–][ \t]*")
_TO = re.compile(r"\s+(?:to|until|till|through|thru)\s+", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_FROM_BEFORE = re.compile(r"\b(?P<word>from)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"\b(?P<word>between)\s+$", re.I)


def link_ranges(text: str, timexes: list[Timex], doc: "Doc | None" = None) -> None:
    """Mark the ends of every range among ``timexes`` (in document order), and read a
    year the text leaves out of one end from the other."""
    for a, b in zip(timexes, timexes[1:]):
        if a.range_role is not None or not (_is_calendar(a) and _is_calendar(b)):
            continue
        if not _joined(text, a, b, doc):
            continue
        a.range_role, a.range_other = "start", (b.start, b.end)
        b.range_role, b.range_other = "end", (a.start, a.end)
        _align_years(a, b)


def _is_calendar(t: Timex) -> bool:
    return t.type == "DATE" and t.rule in CALENDAR_RULES and bool(_CALENDAR_VALUE.fullmatch(t.value))


def _joined(text: str, a: Timex, b: Timex, doc: "Doc | None") -> bool:
    """Whether the words between ``a`` and ``b`` (and the one before ``a``) make them a range."""
    between = text[a.end:b.start]
    if _DASH.fullmatch(between):
        return True
    before = text[max(0, a.start - 12):a.start]
    opener = _FROM_BEFORE.search(before) if _TO.fullmatch(between) else _BETWEEN_BEFORE.search(before) if _AND.fullmatch(between) else None
    if opener is None or doc is None or not doc.has_annotation("DEP"):
        return False
    start = a.start - len(before) + opener.start("word")
    span = doc.char_span(start, start + len(opener["word"]), alignment_mode="expand")
    if span is None or not len(span):
        return False
    return not _tells_change_or_comparison(span[0], a, b)


def _tells_change_or_comparison(preposition: "Token", a: Timex, b: Timex) -> bool:
    """A word above the preposition that makes the two times no range: a date moved ("moved from
    May 3 to June 1"), a figure changed ("a drop from 2010 to 2008": unless the change states its
    own amount, "grew 7 percent from 1995 to 2003"), or, for "between", two times compared ("the
    gap between 2010 and 2006")."""
    lx = lexicon()
    moving = preposition.lower_ == "from"
    for t in preposition.ancestors:
        word = {t.lemma_.lower(), t.lower_}
        if moving and word & set(lx.range_moves) or not moving and word & set(lx.range_comparisons):
            return True
        if moving and word & set(lx.range_changes) and not _states_amount(t, a, b):
            return True
    return False


def _states_amount(change: "Token", a: Timex, b: Timex) -> bool:
    """Whether a word of change has a number of its own, outside the range: "grew *7 percent*"."""
    return any(t.like_num and not a.start <= t.idx < b.end for t in change.subtree)

# ---------------------------------------------------------------- years left out


def _has_month(t: Timex) -> bool:
    return t.begin is not None and len(t.value) >= 7 and t.value[:4].isdigit()


def _year_left_out(t: Timex) -> bool:
    """The year was inferred, not given: "May 3", "in March" ("August this year" gives it)."""
    return t.relative and not t.year_given


def _align_years(a: Timex, b: Timex) -> None:
    """An end without its year takes the other end's, crossing the new year where the range plainly can."""
    if not (_has_month(a) and _has_month(b)) or not (_year_left_out(a) or _year_left_out(b)):
        return
    if _year_left_out(b):
        year = int(a.value[:4])
        _set_year(b, year)
        if _inverted(a, b) and _crosses(a, b):
            _set_year(b, year + 1)
    else:
        year = int(b.value[:4])
        _set_year(a, year)
        if _inverted(a, b) and _crosses(a, b):
            _set_year(a, year - 1)


def _inverted(a: Timex, b: Timex) -> bool:
    return a.begin is not None and b.last is not None and b.last < a.begin


def _crosses(a: Timex, b: Timex) -> bool:
    """Whether a start after its end (both in one year) reads as a range over the new year. An
    end that takes its month from the start ("Nov. 5-4") never does."""
    if b.rule == "day_range_end":
        return False
    if len(a.value) == 7 or len(b.value) == 7:
        return True  # months: "from December to February", "from April to March"
    gap = (a.begin - b.last).days  # type: ignore[operator]
    return gap == 1 or gap >= CROSSING_DAYS


def _set_year(t: Timex, year: int) -> None:
    """``t`` moved to ``year``, its interval (and whether the day exists) with it."""
    if int(t.value[:4]) == year:
        return
    t.value = f"{year:04d}{t.value[4:]}"
    month = int(t.value[5:7])
    if len(t.value) == 7:
        t.begin, t.last = narrow(date(year, month, 1), month_end(year, month), t.mod)
        return
    day = int(t.value[8:10])
    if is_calendar_day(year, month, day):
        t.begin = t.last = date(year, month, day)
        t.precision, t.impossible = "day", False
    else:
        t.begin, t.last, t.precision, t.impossible = date(year, month, 1), month_end(year, month), "month", True

