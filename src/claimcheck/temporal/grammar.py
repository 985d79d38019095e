"""The patterns of temporal expressions and how each is normalized to TIMEX3.

A rule is a regular expression built from the lexicon's word lists plus a
handler that turns one match into a :class:`Norm` (type, value, mod) — or
rejects it (a lowercase "may", "fall of Rome"). Spans follow TimeML: a leading
determiner, modifier ("early", "about") and "ago"/"later" belong to the
expression, a governing preposition ("on", "in", "since") does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Optional

from ..language.numbers import number_phrases, number_value
from ..language.reporting import is_report_noun
from .calendar import add_months, interval, is_calendar_day, month_end, quarter_of, week_value
from .context import Context, Reference
from .lexicon import alternation, lexicon


@dataclass
class Norm:
    """A normalized expression; ``begin``/``last`` override the value's interval."""

    type: str
    value: str
    mod: Optional[str] = None
    anaphoric: bool = False  # resolved against the reference time, not the anchor
    deictic: bool = False  # resolved against the anchor (publication date)
    weekday: Optional[int] = None
    begin: Optional[date] = None
    last: Optional[date] = None
    precision: Optional[str] = None
    explicit: bool = False  # written out in full: may set the reference time
    approx: bool = False  # hedged ("about", "just over"): claimcheck's modifier is "approx"
    point_value: Optional[str] = None  # a duration that points to a date ("a week earlier"): that date's value
    full_match: bool = False  # the timex is the rule's whole match even where the rule has a span group
    impossible: bool = False  # a day its month lacks ("April 31"): the value as written, the interval the month
    year_given: bool = False  # resolved from the anchor, yet the words give the year: "August this year", "last March"


Handler = Callable[[re.Match[str], Context], Optional[Norm]]


@dataclass(frozen=True)
class Rule:
    """A pattern and its handler; ``anchor`` and ``reach`` let the tagger skip most of the text.

    Every match of ``pattern`` starts at a word boundary and holds a piece of
    text that ``anchor`` finds in the lowercased text (one character per
    match, so that no occurrence is missed), with at most ``reach`` runs of
    characters other than whitespace and hyphens between the match start and
    it. Where ``keys`` are given, every place ``anchor`` matches starts with
    one of them, so only those places are tried; where ``before`` is given, it
    matches the reversed lowercased text just before every anchor a match
    holds. A rule without an anchor is searched through the whole text.
    """

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    anchor: Optional[re.Pattern[str]] = None
    reach: int = 0
    keys: tuple[str, ...] = ()
    before: Optional[re.Pattern[str]] = None


# ---------------------------------------------------------------- fragments


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    """Named regex pieces built from the lexicon."""
    lx = lexicon()
    units = _unit_words()
    weekday_full = [w for w in lx.weekdays if len(w) > 5]
    weekday_abbr = [re.escape(w) + r"\." for w in lx.weekdays if len(w) <= 5]
    phrases = number_phrases()
    number_words = alternation(phrases)
    ones = alternation([w for w, n in phrases.items() if 1 <= n <= 9 and w not in {"a", "an"}])
    return {
        "MONTH": _month_alternation(lx.months) + r"(?!\w)",
        "WD": "(?:" + "|".join(sorted(weekday_full, key=len, reverse=True) + weekday_abbr) + r")(?!\w)",
        # a compound is tens and ones ("twenty-five", after a word in -ty) or hundreds: never
        # "a two" ("a two-hour drive") nor "seven a" ("seven a year ago")
        "NUM": rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+\d/\d)?|{number_words}(?:(?<=ty)[\s-]+{ones}|(?<![Aa])\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?)",
        "VAGUE": alternation(lx.vague_numbers),
        "UNIT": alternation(units),
        "SEASON": alternation(lx.seasons),
        "POD": alternation(lx.parts_of_day),
        "PMOD": alternation([k for k in lx.point_mods if k not in {"around", "about", "roughly", "approximately"}]),
        "DMOD": alternation(lx.duration_mods),
        "TZ": alternation(lx.timezones),
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)(?!\w)",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)",
        "ORD": alternation(lx.ordinals),
    }


def _unit_words() -> list[str]:
    units = lexicon().units
    return list(units) + [u + "s" for u in units if u != "century"] + ["centuries"]


def _month_alternation(months: dict[str, int]) -> str:
    """Month names; only a shortened name takes a period ("Sept.", not the "May." that ends a sentence)."""
    out = []
    for w in sorted(months, key=len, reverse=True):
        piece = re.escape(w)
        if any(o != w and o.startswith(w) for o in months):
            piece += r"\.?"
        out.append(piece)
    return "(?:" + "|".join(out) + ")"


# ---------------------------------------------------------------- values


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def number(text: str) -> Optional[float]:
    """The number a numeral or number phrase spells (None for vague ones): the language
    layer's one reader of numbers (:func:`claimcheck.language.numbers.number_value`)."""
    return number_value(text.replace("-", " "))


def unit_code(unit: str) -> str:
    """The lexicon's unit code of a unit word ("years" -> "Y", "decade" -> "10Y")."""
    u = unit.lower()
    u = "century" if u.startswith("centur") else u.rstrip("s")
    return lexicon().units.get(u, "")


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT2H``, ``PXM`` (unknown count)."""
    code = unit_code(unit)
    m = re.fullmatch(r"(\d*)([A-Z])", code)
    if not m:
        return "PX"
    scale, letter = int(m[1] or 1), m[2]
    is_time = unit.lower().rstrip("s") in lexicon().time_units
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    total = n * scale
    if total != int(total):
        return _fractional(total, letter, is_time)
    return f"{prefix}{int(total)}{letter}"


def _fractional(total: float, letter: str, is_time: bool) -> str:
    smaller = {"H": (60, "M"), "M": (60, "S") if is_time else (30, "D"), "Y": (12, "M"), "D": (24, "H"), "W": (7, "D")}
    if letter not in smaller:
        return f"{'PT' if is_time else 'P'}{total:g}{letter}"  # "26.85 seconds": PT26.85S
    factor, small = smaller[letter]
    whole, rest = int(total), round((total - int(total)) * factor)
    if is_time or letter == "D":
        if letter == "D":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"  # "half a day": PT12H
        return f"PT{whole}{letter}{rest}{small}"
    return f"P{whole}{letter}{rest}{small}" if whole else f"P{rest}{small}"


# ---------------------------------------------------------------- resolution helpers


def year_for_month(month: int, ctx: Context, start: int, end: int, day: Optional[int] = None) -> Optional[int]:
    """The year of a month (and day) written without one.

    The year that puts the date nearest the anchor, where a date on the wrong
    side of the anchor for the tense ("closed" with a later date) counts as
    :data:`WRONG_SIDE_FACTOR` times as far plus :data:`TENSE_PENALTY_DAYS`:
    "the plant closed in March", written in November, is the March before.
    """
    a = ctx.anchor
    if a is None:
        return None
    tense = ctx.tense(start, end)
    best: tuple[float, int] = (float("inf"), a.year)
    for year in (a.year - 1, a.year, a.year + 1):
        try:
            d = date(year, month, day or 15)
        except ValueError:
            continue
        distance = abs((d - a).days) * (FUTURE_WEIGHT if d > a and tense != "future" else 1)
        if (tense == "past" and d > a) or (tense == "future" and d < a):
            distance = distance * WRONG_SIDE_FACTOR + TENSE_PENALTY_DAYS
        best = min(best, (distance, year))
    return best[1]


#: How many times further a date on the wrong side of the anchor for the tense counts (then plus the penalty).
WRONG_SIDE_FACTOR = 3.0
#: How much further a date on the wrong side of the anchor for the tense counts.
TENSE_PENALTY_DAYS = 60
#: News mostly reports the past: a later date without future tense counts as this much further.
FUTURE_WEIGHT = 1.5


def _weekday_is_anaphoric(rel: str, ctx: Context) -> bool:
    """``the previous Friday`` after a day the text set counts back from that day."""
    ref = ctx.reference
    return rel in {"the previous", "the following"} and ref is not None and ref.precision == "day"


def weekday_date(wd: int, rel: str, ctx: Context, start: int, end: int) -> Optional[date]:
    """The date a weekday name points to from the anchor."""
    a = ctx.anchor
    if a is None:
        return None
    if _weekday_is_anaphoric(rel, ctx):
        a = ctx.reference.begin  # type: ignore[union-attr]  # the week before or after the day the text set
    back = (a.weekday() - wd) % 7
    ahead = (wd - a.weekday()) % 7
    if rel in {"last", "this past", "the previous"}:
        return a - timedelta(days=back or 7)
    if rel in {"next", "this coming", "the following"}:
        return a + timedelta(days=ahead or 7)
    if rel == "this":
        return a - timedelta(days=a.weekday() - wd)
    possessive = ctx.text[end:end + 2] in {"'s", "’s"}  # "Wednesday's ruling": a past event
    tense = "past" if possessive else ctx.tense(start, end)
    if tense == "future":
        return a + timedelta(days=ahead)
    if tense == "past" or back <= ahead:
        return a - timedelta(days=back)
    return a + timedelta(days=ahead)


_UNIT_SECONDS = {"H": 3600, "M": 60, "S": 1}


def shift(ref: Reference, n: float, unit: str, sign: int) -> Norm:
    """The date ``n`` units before (sign -1) or after (+1) a reference time."""
    code = unit_code(unit)
    m = re.fullmatch(r"(\d*)([A-Z])", code)
    scale, letter = (int(m[1] or 1), m[2]) if m else (1, "D")
    amount = n * scale
    is_time = unit.lower().rstrip("s") in lexicon().time_units  # "minutes later": M is not months
    if letter in {"D", "W"} or is_time:
        days = amount * _UNIT_SECONDS[letter] / 86400 if is_time else amount * (7 if letter == "W" else 1)
        delta = timedelta(days=round(days) * sign)
        begin, last = ref.begin + delta, ref.last + delta
        if ref.precision in {"day", "time"}:
            return Norm("DATE", day_value(begin), begin=begin, last=last, precision="day")
        mid = begin + (last - begin) / 2
        return Norm("DATE", month_value(mid.year, mid.month), "APPROX", begin=begin, last=last, precision="week" if letter == "W" else "day")
    months = int(round(amount * (3 if letter == "Q" else 12 if letter == "Y" else 1))) * sign
    begin, last = add_months(ref.begin, months), add_months(ref.last, months)
    if letter == "Y" and ref.precision in {"quarter", "half", "season", "year"}:
        return Norm("DATE", f"{begin.year:04d}" + ref.value[4:], begin=begin, last=last)
    if letter == "Y" and ref.precision not in {"month"}:
        return Norm("DATE", f"{begin.year:04d}")
    if ref.precision == "year" and letter != "Y":
        return Norm("DATE", f"{begin.year:04d}")
    return Norm("DATE", month_value(begin.year, begin.month))


@dataclass
class TagContext(Context):
    """A tagging pass's context, with the latest year the text named on its own ("in 2003")."""

    year: Optional[Reference] = None


def reference_or_anchor(ctx: Context, unit: str = "") -> Optional[Reference]:
    """The reference time the text set, else the anchor as one.

    For a count of years ("that year", "three years later") a year the text
    named after the last dated day or month is the reference: "in 2003 ...
    that year" is 2003.
    """
    year = getattr(ctx, "year", None)
    if year is not None and unit_code(unit) in {"Y", "10Y", "100Y"}:
        if ctx.reference is None or year.start > ctx.reference.start:
            return year
    if ctx.reference is not None:
        return ctx.reference
    if ctx.anchor is None:
        return None
    return Reference(ctx.anchor.isoformat(), ctx.anchor, ctx.anchor, "day", "publication date", -1)


def anchor_ref(ctx: Context) -> Optional[Reference]:
    if ctx.anchor is None:
        return None
    return Reference(ctx.anchor.isoformat(), ctx.anchor, ctx.anchor, "day", "publication date", -1)


def point_mod(word: Optional[str]) -> Optional[str]:
    """TIMEX3 mod of a point modifier ("early" -> START)."""
    if not word:
        return None
    return lexicon().point_mods.get(re.sub(r"\s+", " ", word.lower()))


def is_capitalized(s: str) -> bool:
    return s[:1].isupper()


# ---------------------------------------------------------------- handlers


def _is_shortened(word: str) -> bool:
    """Whether a month word is an abbreviation ("Sept", "Jan."), not a full name ("May", "June")."""
    w = word.lower().rstrip(".")
    return any(o != w and o.startswith(w) for o in lexicon().months)


def _month_num(word: str) -> Optional[int]:
    return lexicon().months.get(word.lower().rstrip("."))


def h_full_date(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``December 14, 2023``, ``Thursday, Aug. 8``, ``14 December 2023``."""
    if not is_capitalized(m["mon"]):
        return None
    month = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["day"])[0])  # type: ignore[index]
    wd = lexicon().weekdays[m["wd"].lower().rstrip(".")] if m["wd"] else None
    written = m["year"] or m.groupdict().get("range_year")  # "Nov. 5-6, 2023": the range's year
    if month is None:
        return None
    rel = re.sub(r"\s+", " ", (m.groupdict().get("rel") or "").lower())
    if written:
        year: Optional[int] = int(written)
    elif rel and ctx.anchor is not None:  # "last Sept. 14": the latest Sept. 14 before the anchor
        year = _year_of_relative_day(month, day, rel, ctx.anchor)
    else:
        # a day no year has ("April 31"), or February 29: the year the text implies for the month
        probe = day if is_calendar_day(2000, month, day) and (month, day) != (2, 29) else None
        year = year_for_month(month, ctx, m.start(), m.end(), probe)
    if year is None:
        impossible = not is_calendar_day(2000, month, day) and _writes_day(m, ctx)  # no year has it
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", point_mod(m["pm"]), weekday=wd, impossible=impossible)
    if not is_calendar_day(year, month, day):
        if not _writes_day(m, ctx):
            return None
        return impossible_day(year, month, day, point_mod(m["pm"]), wd, deictic=not written)
    d = date(year, month, day)
    return Norm("DATE", day_value(d), point_mod(m["pm"]), weekday=wd, explicit=True, deictic=not written, year_given=bool(rel))


def impossible_day(year: int, month: int, day: int, mod: Optional[str] = None, weekday: Optional[int] = None,
                   deictic: bool = False) -> Norm:
    """A day its month lacks, as written: TIMEX3 value ``2005-04-31``, the month as its interval.

    It sets no reference time: what "the next day" after it means is anyone's guess."""
    return Norm("DATE", f"{year:04d}-{month:02d}-{day:02d}", mod, weekday=weekday, deictic=deictic,
                begin=date(year, month, 1), last=month_end(year, month), precision="month", impossible=True)


#: After a number, words that make it a count or a measure, not a day: "in April 31 percent", "June 31-year-old".
_COUNT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|-?\s*(?:year|month|week|day|hour)s?-old\b)", re.I)


def _writes_day(m: re.Match[str], ctx: Context) -> bool:
    """Whether the number after the month is its day, not a count of what follows it ("In
    April 31 people died", "in June 31 new cases": a plural noun, or an adjective and one)."""
    end = m.end("day")
    if _COUNT_AFTER.match(ctx.text, end):
        return False
    doc = ctx.doc
    if doc is None or not doc.has_annotation("TAG"):
        return True
    span = doc.char_span(m.start("day"), end, alignment_mode="expand")
    if span is None or not len(span) or span.end >= len(doc):
        return True
    after = doc[span.end : span.end + 2]
    plural = [t.tag_ in ("NNS", "NNPS") for t in after]
    return not (plural[0] or len(after) > 1 and after[0].pos_ in ("ADJ", "NUM") and plural[1])


def _year_of_relative_day(month: int, day: int, rel: str, anchor: date) -> int:
    """The year of "last/next <month> <day>": the nearest such day before/after the anchor."""
    past = rel in {"last", "this past"}
    for year in ((anchor.year, anchor.year - 1) if past else (anchor.year, anchor.year + 1)):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if (d < anchor) if past else (d > anchor):
            return year
    return anchor.year - 1 if past else anchor.year + 1


def h_week_of(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the week of March 6``: the ISO week holding that day."""
    norm = h_full_date(m, ctx)
    if norm is None or norm.impossible:
        return norm
    if norm.value.startswith("X"):
        return Norm("DATE", "XXXX-WXX")
    d = date.fromisoformat(norm.value)
    begin = d - timedelta(days=d.weekday())
    return Norm("DATE", week_value(d), deictic=norm.deictic, begin=begin, last=begin + timedelta(days=6), precision="week")


def h_numeric_date(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``2023-12-14`` and US ``12/14/2023``."""
    y = int(m["y"])
    y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    month, day = int(m["m"]), int(m["d"])
    if not is_calendar_day(y, month, day):
        return impossible_day(y, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
    return Norm("DATE", day_value(date(y, month, day)), explicit=True)


def h_month(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``August 2023``, ``early November 2024``, ``last March``, ``mid-September``."""
    word = m["mon"]
    if not is_capitalized(word):
        return None
    lx = lexicon()
    bare = not (m["year"] or m["rel"] or m["pm"] or m["yrel"])
    if word.lower() in lx.ambiguous_months and bare and not _preposition_before(ctx.text, m.start()):
        return None
    if word.lower() in lx.ambiguous_months and word.endswith("."):
        return None
    if bare and _is_shortened(word) and not (word.endswith(".") and _preposition_before(ctx.text, m.start())):
        return None  # a lone abbreviation ("Jan") is more often a name, unless "in Jan."
    month = _month_num(word)
    assert month is not None
    mod = point_mod(m["pm"])
    if m["year"]:
        return Norm("DATE", month_value(int(m["year"]), month), mod, explicit=True)
    a = ctx.anchor
    if a is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod)
    rel = (m["rel"] or m["yrel"] or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if m["yrel"]:
        year = a.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif rel in {"last", "this past"}:
        year = a.year if month < a.month else a.year - 1
    elif rel in {"next", "this coming"}:
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = year_for_month(month, ctx, m.start(), m.end()) or a.year
    return Norm("DATE", month_value(year, month), mod, deictic=True, explicit=True, year_given=bool(rel))


_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|to|during|before|after|of|early|late|mid|last|next|this|and|or|between|around|on)\s+|-)$",
    re.I,
)


def _preposition_before(text: str, start: int) -> bool:
    return bool(_PREPOSITIONS.search(text[max(0, start - 12):start]))


def h_year(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``1998``, ``fiscal 1989``, ``mid-1996``, ``the year 2000``."""
    before = ctx.text[max(0, m.start() - 2):m.start()]
    after = ctx.text[m.end():m.end() + 12]
    if re.search(r"[$#£€.,/:\d]$", before) or re.match(r"(?:[.,/:]\d|\s*(?:%|percent|per\s+cent))", after):
        return None
    if re.match(r"\s*[-–]\s*\d", after) and range_end_year(int(m["year"]), ctx.text, m.end()) is None:
        return None  # "1990-1234": a code, not the first year of a range
    first = _RANGE_START.search(ctx.text, max(0, m.start() - 12), m.start())
    if first is not None and not (first["year"] and range_end_year(int(first["year"]), ctx.text, first.end()) == int(m["year"])):
        return None  # "1.2455-1480 dollars": the end of a number range, not a year
    if re.match(r"\s+(?:[a-z]+\s+)?(?:people|troops|soldiers|cars|miles|feet|acres|tons|residents|workers|shares|units|barrels|pounds|votes|members|employees|jobs)\b", after):
        return None
    return Norm("DATE", m["year"], point_mod(m["pm"]), explicit=True)


_RANGE_START = re.compile(r"(?:(?<![\d,.])(?P<year>(?:1[5-9]|20)\d\d)|\d)\s*[-–]\s*$")
_RANGE_END = re.compile(r"\s*[-–]\s*(\d{4}|\d{2})(?![\w%]|[-–/.,:]\d)")
#: How far a range's second year may lie after its first ("1990-91", "1998-2004").
MAX_YEAR_RANGE = 120
#: How far a range's second year, written in full, may lie before its first ("2007-2005": an inverted range).
MAX_INVERTED_YEAR_RANGE = 50


def range_end_year(first: int, text: str, end: int) -> Optional[int]:
    """The year that ends a range starting with ``first`` at ``text[end:]`` ("-91", "–2015"), if any;
    a year written in full may end it before it starts ("2007-2005")."""
    m = _RANGE_END.match(text, end)
    if m is None:
        return None
    digits = m.group(1)
    if len(digits) == 2:
        year = first // 100 * 100 + int(digits)
        if year <= first:
            year += 100  # "1999-00"
        limit = 10
    else:
        year, limit = int(digits), MAX_YEAR_RANGE  # "(1901-1989)": a lifetime
        if 0 < first - year <= MAX_INVERTED_YEAR_RANGE and 1500 <= year:
            return year
    return year if 0 < year - first <= limit else None


def h_year_range_end(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """The second year of a range: "91" of "1990-91", "2015" of "2014-2015" (each year is a timex)."""
    year = range_end_year(int(m["first"]), ctx.text, m.end("first"))
    if year is None or re.search(r"[$#£€.,/:\d]$", ctx.text[max(0, m.start() - 1):m.start()]):
        return None
    return Norm("DATE", str(year), explicit=True)


_TENS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def h_decade(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the 1990s``, ``the mid-1980s``, ``the '90s``, ``the nineties``."""
    if m["full"]:
        value = m["full"][:3]
    else:
        tens = int(m["short"][0]) if m["short"] else _TENS[m["word"].lower()]
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        if ctx.anchor and tens * 10 > ctx.anchor.year % 100:
            century -= 1
        value = f"{century}{tens}"
    return Norm("DATE", value, point_mod(m["pm"]), explicit=True)


def h_century(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the 20th century``, ``the nineteenth century``."""
    n = lexicon().ordinals.get(m["n"].lower())
    if n is None:
        digits = re.match(r"\d+", m["n"])
        n = int(digits[0]) if digits else None
    if not n:
        return None
    return Norm("DATE", f"{n - 1:02d}", point_mod(m["pm"]), explicit=True)


def h_spoken_year(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``nineteen ninety-six``, ``the year two thousand``."""
    if m["millennium"]:
        rest = number(m["rest"]) if m["rest"] else 0
        return Norm("DATE", str(2000 + int(rest or 0)), explicit=True)
    hi = number(m["hi"])
    lo = number(m["lo"])
    if hi is None or lo is None or not 10 <= lo < 100:
        return None
    return Norm("DATE", f"{int(hi) * 100 + int(lo):04d}", explicit=True)


def _year_word(ctx: Context, word: Optional[str]) -> Optional[int]:
    """The year a phrase like ``1989``, ``this year's``, ``last year`` names."""
    if not word:
        return None
    w = word.lower()
    digits = re.search(r"\d{4}", w)
    if digits:
        return int(digits[0])
    if ctx.anchor is None:
        return None
    for key, delta in (("last", -1), ("next", 1), ("this", 0), ("current", 0)):
        if key in w:
            return ctx.anchor.year + delta
    return None


def h_quarter(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the third quarter``, ``third-quarter``, ``the 1989 third quarter``, ``the quarter``."""
    lx = lexicon()
    ordw = (m["ord"] or "").lower()
    pre = " ".join(filter(None, [m["det"], m["yr"]])).lower()
    a = ctx.anchor
    if m["ord"]:
        q = lx.ordinals.get(ordw, 4)
        year = _year_word(ctx, m["yr"]) or _year_word(ctx, m["yr2"])
        if year is None and "year-" in pre and ctx.quarter:
            year = int(ctx.quarter.value[:4]) - 1
        if year is None and a is not None:
            year = a.year
            if q > quarter_of(a) and ctx.tense(m.start(), m.end()) != "future":
                year -= 1
        value = f"{year}-Q{q}" if year else f"XXXX-Q{q}"
        return Norm("DATE", value, explicit=year is not None)
    if "year-" in pre or "year ago" in pre:
        if ctx.quarter is not None:
            base = ctx.quarter.value
        elif a is not None:
            d = add_months(a, -3)
            base = f"{d.year}-Q{quarter_of(d)}"
        else:
            return Norm("DATE", "XXXX-QX")
        return Norm("DATE", f"{int(base[:4]) - 1}{base[4:]}")
    if a is None:
        return Norm("DATE", "XXXX-QX")
    if "this" in pre or "current" in pre:
        return Norm("DATE", f"{a.year}-Q{quarter_of(a)}", deictic=True, explicit=True)
    if re.search(r"\b(?:next|coming)\b", pre):
        d = add_months(a, 3)
        return Norm("DATE", f"{d.year}-Q{quarter_of(d)}", deictic=True)
    if ctx.quarter is not None and not re.search(r"\b(?:last|previous)\b", pre):
        return Norm("DATE", ctx.quarter.value)
    d = add_months(a, -3)
    return Norm("DATE", f"{d.year}-Q{quarter_of(d)}", deictic=True)


def h_year_period(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the 2023 period``, ``the 2023 quarter``: that year, or its quarter when quarters are compared."""
    year = m["year"]
    if _compares_quarters(ctx, m.start()):
        # the comparison period: it does not become the quarter later "the quarter" means
        return Norm("DATE", f"{year}-Q{ctx.quarter.value[-1]}")  # type: ignore[union-attr]
    return Norm("DATE", year, explicit=True)


def h_half(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the first half of 1990``, ``the second half``."""
    h = 1 if m["ord"].lower() in {"first", "1st"} else 2
    year = _year_word(ctx, m["yr"]) or (ctx.anchor.year if ctx.anchor else None)
    return Norm("DATE", f"{year}-H{h}" if year else f"XXXX-H{h}", explicit=bool(m["yr"]))


def h_season(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``last fall``, ``the summer of 1998``, ``early spring``, ``this past spring``."""
    code = lexicon().seasons[m["season"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    after = ctx.text[m.end():m.end() + 4]
    if m["season"].lower() == "fall" and not (m["rel"] or m["year"] or m["pm"]):
        return None
    if not m["year"] and re.match(r"\s+of\b", after):
        return None
    if m["year"]:
        return Norm("DATE", f"{m['year']}-{code}", point_mod(m["pm"]), explicit=True)
    a = ctx.anchor
    if a is None:
        return Norm("DATE", f"XXXX-{code}", point_mod(m["pm"]))
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(a.month, "FA")
    order = ["WI", "SP", "SU", "FA"]
    past = order.index(code) < order.index(current) if code != "WI" else False
    year = a.year
    if rel in {"last", "this past"}:
        year = a.year if past else a.year - 1
    elif rel in {"next", "this coming"}:
        year = a.year + (1 if past or code == current else 0)
    elif rel in {"the", "that", ""}:
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" and not past and code != current:
            year -= 1
        elif tense == "future" and past:
            year += 1
    if code == "WI" and a.month <= 2 and rel not in {"next", "this coming"}:
        year -= 1
    return Norm("DATE", f"{year}-{code}", point_mod(m["pm"]), deictic=True)


def h_weekday(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``Friday``, ``last Monday``, ``Friday morning``, ``Mondays`` (a set)."""
    if not is_capitalized(m["wd"]):
        return None
    wd = lexicon().weekdays[m["wd"].lower().rstrip(".")]
    pod = lexicon().parts_of_day.get((m["pod"] or "").lower())
    if m["plural"] or m["podplural"]:  # "Mondays", "Tuesday nights"
        return Norm("SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""))
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    d = weekday_date(wd, rel, ctx, m.start(), m.end())
    if d is None:
        return Norm("DATE", f"XXXX-WXX-{wd + 1}", weekday=wd)
    anaphoric = _weekday_is_anaphoric(rel, ctx)
    if pod:
        return Norm("TIME", f"{d.isoformat()}T{pod}", point_mod(m["pm"]), weekday=wd, anaphoric=anaphoric,
                    deictic=not anaphoric, begin=d, last=d, precision="time")
    return Norm("DATE", day_value(d), point_mod(m["pm"]), weekday=wd, anaphoric=anaphoric, deictic=not anaphoric)


_DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}


_POSSESSIVE_WORD = re.compile(r"['’]s\s+(\w+)")


def _generic_today(text: str, end: int) -> bool:
    """``today's world``, ``today's youth``: the present age, not the day."""
    m = _POSSESSIVE_WORD.match(text, end)
    return m is not None and m.group(1).lower() in lexicon().generic_present_nouns


def h_deictic_day(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``yesterday``, ``today``, ``this morning``, ``last night``, ``late yesterday``."""
    w = m["w"].lower()
    if w == "today" and _generic_today(ctx.text, m.end()):
        return None
    pod = lexicon().parts_of_day.get((m["pod"] or m["pod2"] or "").lower())
    if w == "tonight":
        pod = "NI"
    if w == "last" and pod != "NI":
        return None
    if w == "this" and pod is None:
        return None
    mod = point_mod(m["pm"])
    if ctx.anchor is None:
        return Norm("TIME" if pod else "DATE", "PRESENT_REF" if w in {"today", "this", "tonight"} else "XXXX-XX-XX", mod)
    d = ctx.anchor + timedelta(days=_DEICTIC_DAYS[w])
    if pod:
        return Norm("TIME", f"{d.isoformat()}T{pod}", mod, deictic=True, begin=d, last=d, precision="time")
    return Norm("DATE", day_value(d), mod, deictic=True)


_REL_SIGN = {
    "this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1,
    "next": 1, "coming": 1, "following": 1, "same": 0, "that": 0, "that same": 0, "latest": -1, "this past": -1, "this coming": 1,
}
_ANAPHORIC = {"previous", "preceding", "following", "same", "that", "that same", "prior"}


def _unknown_day(value: str) -> str:
    """A day within a month or year value whose day the text does not give: ``1998-10-XX``."""
    return value[:7] + "-XX" if re.match(r"\d{4}-\d{2}$", value) else value[:4] + "-XX-XX"


def h_relative_unit(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``last week``, ``this year``, ``earlier this month``, ``the following day``."""
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower()).replace("fiscal ", "")
    mod = point_mod(m["pm"])
    anaphoric = rel in _ANAPHORIC or (rel == "next" and bool(m["the"]))
    if (rel == "past" or (rel == "coming" and m["the"])) and unit in {"week", "month", "year", "decade", "century"}:
        return Norm("DURATION", duration_value(1, unit), mod)  # "over the past year", "the coming decade"
    ref = reference_or_anchor(ctx, unit) if anaphoric else anchor_ref(ctx)
    if ref is None:
        return Norm("DATE", {"-1": "PAST_REF", "1": "FUTURE_REF"}.get(str(_REL_SIGN[rel]), "PRESENT_REF"), mod)
    sign = _REL_SIGN[rel]
    base = ref.begin
    if unit == "day" and anaphoric and ref.precision in {"month", "year"}:
        # "that same day" after "last July": some day of that month
        return Norm("DATE", _unknown_day(ref.value), mod, anaphoric=True, begin=ref.begin, last=ref.last, precision=ref.precision)
    if unit in {"day", "morning", "afternoon", "evening", "night"}:
        d = base + timedelta(days=sign)
        pod = lexicon().parts_of_day.get(unit)
        if pod:
            return Norm("TIME", f"{d.isoformat()}T{pod}", mod, anaphoric=anaphoric, deictic=not anaphoric, begin=d, last=d, precision="time")
        return Norm("DATE", day_value(d), mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit in {"week", "weekend"}:
        d = base + timedelta(days=7 * sign)
        value = week_value(d) + ("-WE" if unit == "weekend" else "")
        return Norm("DATE", value, mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit == "month":
        d = add_months(base, sign)
        return Norm("DATE", month_value(d.year, d.month), mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit == "quarter":
        d = add_months(base, 3 * sign)
        return Norm("DATE", f"{d.year}-Q{quarter_of(d)}", mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit == "year":
        return Norm("DATE", str(base.year + sign), mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit == "decade":
        return Norm("DATE", str(base.year // 10 + sign), mod, anaphoric=anaphoric, deictic=not anaphoric)
    if unit == "century":
        return Norm("DATE", f"{base.year // 100 + sign:02d}", mod, anaphoric=anaphoric, deictic=not anaphoric)
    return None


def h_part_of_unit(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the end of the year``, ``the beginning of the month``, ``year-end``: part of the current one."""
    unit = (m["unit"] or "year").lower()
    mod = point_mod(m["pm"]) or "END"
    a = ctx.anchor
    if a is None:
        return Norm("DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit], mod)
    if unit == "year":
        since = re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 7):m.start()], re.I)
        return Norm("DATE", f"{a.year - 1 if since else a.year:04d}", mod, deictic=True)  # "since year-end": the last one
    if unit == "month":
        return Norm("DATE", month_value(a.year, a.month), mod, deictic=True)
    return Norm("DATE", week_value(a), mod, deictic=True)


def h_latest_period(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the latest period``: in a report on quarters, the quarter reported."""
    if not re.search(r"\bquarter\b", ctx.text[max(0, m.start() - QUARTER_COMPARISON_WINDOW):m.start()], re.I):
        return None  # no quarter named before: an unrelated "period"
    return Norm("DATE", ctx.quarter.value if ctx.quarter is not None else "XXXX-QX")


def h_weekend(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``the weekend``: the one just past, or the coming one in future tense."""
    a = ctx.anchor
    if a is None:
        return Norm("DATE", "XXXX-WXX-WE")
    if ctx.tense(m.start(), m.end()) == "future":
        d = a + timedelta(days=(5 - a.weekday()) % 7)
    else:
        d = a if a.weekday() >= 5 else a - timedelta(days=a.weekday() + 1)
    return Norm("DATE", week_value(d) + "-WE", deictic=True)


_BEFORE = {"ago", "earlier", "before", "prior", "previously", "back"}


def _offset_is_date(dirw: str, unit: str) -> bool:
    """Whether TimeML writes the offset as the DATE it points to, direction word included.

    "two years ago", "a decade back", "a week prior" and the financial "a year
    earlier" are DATEs; "three days later", "a week earlier", "ten years from
    now" and "two days before" are the DURATION alone (the direction word,
    and "now", stay outside it).
    """
    return dirw in {"ago", "back", "prior"} or (dirw in {"earlier", "previously"} and unit_code(unit) == "Y")


def _offset_direction(m: re.Match[str]) -> str:
    word = re.sub(r"\s+", " ", m["dir"].lower())
    return "from now" if word == "from" else word  # the duration rule stops before "now"


def _followed_by_event(ctx: Context, end: int) -> bool:
    """"two days after the vote": the offset counts from an event, not from a time. The
    reports the text has dated count as a time: "a week before these reports" is a week
    before the time the text set."""
    after = ctx.text[end:end + 40]
    if not re.match(r"\s+[\w\"'“]", after) or re.match(r"\s+(?:that|this|then)\b", after):
        return False
    told = re.match(r"\s+(?:these|those|the|such|its|their)\s+(\w+)", after)
    return not (told and is_report_noun(told.group(1)))


def h_offset(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``three years ago``, ``just over a week prior``: a DATE; ``three days later``: a DURATION.

    A DATE offset spans the whole match, direction word included. Otherwise
    the TIMEX3 is the duration alone ("three days", P3D) and ``begin``/``last``
    keep the interval it points to, as for a DATE, so claims can be dated by it.
    """
    dirw = _offset_direction(m)
    if _offset_is_date(dirw, m["unit"]):
        norm = _offset_date(m, ctx)
        norm.full_match = True
        return norm
    if dirw in {"before", "after"} and _followed_by_event(ctx, m.end()):
        return None  # "two days after the vote": the plain duration
    if _capitalized_in_running_text(ctx, m.start("unit")):
        return None
    point = _offset_date(m, ctx)
    vague = _is_vague(m["n"])
    n = None if vague else number(m["n"])
    if n is None and not vague:
        return None
    dm = re.sub(r"\s+", " ", (m["dm"] or "").lower())
    norm = Norm("DURATION", duration_value(n, m["unit"]), lexicon().duration_mods.get(dm),
                anaphoric=point.anaphoric, deictic=point.deictic, approx=bool(dm))
    span = (point.begin, point.last, point.precision) if point.begin is not None else interval(point.value)
    if span is not None and span[0] is not None:
        norm.begin, norm.last, norm.precision = span
        norm.point_value = point.value
    return norm


def _offset_date(m: re.Match[str], ctx: Context) -> Norm:
    """The date an offset ("three years ago", "two days later") points to."""
    dirw = _offset_direction(m)
    n = number(m["n"]) if not _is_vague(m["n"]) else None
    sign = -1 if dirw in _BEFORE else 1
    mod = lexicon().duration_mods.get(re.sub(r"\s+", " ", (m["dm"] or "").lower()))
    mod = "APPROX" if mod else None
    unit = m["unit"]
    if dirw == "ago" or dirw in {"from now", "hence", "back"}:
        ref = anchor_ref(ctx)
        anaphoric = False
    else:
        ref = reference_or_anchor(ctx, unit)
        anaphoric = True
    if n is None or ref is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anaphoric=anaphoric)
    if _compares_quarters(ctx, m.start()) and unit_code(unit) == "Y" and n == 1:
        ref = ctx.quarter
    norm = shift(ref, n, unit, sign)
    if dirw == "ago" and unit_code(unit) == "D":
        norm.value = day_value(ref.begin + timedelta(days=int(n) * sign))
    elif dirw == "ago" and unit_code(unit) == "W":  # "six weeks ago": that week
        d = ref.begin + timedelta(weeks=int(n) * sign)
        norm.value, norm.begin, norm.last, norm.precision = week_value(d), None, None, None
    norm.mod = norm.mod or mod
    norm.anaphoric, norm.deictic = anaphoric, not anaphoric
    return norm


#: How close before "a year ago/earlier" a quarter must be for the phrase to mean that quarter.
QUARTER_COMPARISON_WINDOW = 400


def _compares_quarters(ctx: Context, start: int) -> bool:
    """Financial comparisons: "a year earlier" just after a quarter means that quarter."""
    q = ctx.quarter
    return q is not None and 0 <= start - q.start <= QUARTER_COMPARISON_WINDOW


def _is_vague(word: str) -> bool:
    return word.lower() in {v.lower() for v in lexicon().vague_numbers}


#: A word after "a second" that makes it the ordinal ("a second betrayal"), not the unit.
_ORDINAL_NEXT = re.compile(r"[ \t]+(?!(?:later|earlier|ago|before|after|or|and|longer|to|in|of)\b)[A-Za-z]")


def h_duration(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``three years``, ``the past 24 hours``, ``more than a week``, ``two-year``."""
    after = ctx.text[m.end():m.end() + 10]
    if re.match(r"(?:-|\s+)old\b", after) or (m["adj"] or "").lower() == "-old":
        return None
    n = None if _is_vague(m["n"]) else number(m["n"])
    if n is None and not _is_vague(m["n"]):
        return None
    if m["n2"]:  # "three to five years", "between 6 and 9 months": one duration of unknown length
        high = number(m["n2"])
        if n is None or high is None or high <= n or (m["n"][:1].isdigit() != m["n2"][:1].isdigit()):
            return None
        n = None
    unit = m["unit"]
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", m["n"]) and not unit.lower().endswith("s"):
        return None  # "the 2023 quarter": a year, not a count
    if _capitalized_in_running_text(ctx, m.start("unit")):
        return None  # "the show '48 Hours'", "the film Twelve Years a Slave": a title
    if unit.lower() == "quarters" and "-" in m["hy"]:
        return None  # "three-quarters": a fraction
    if unit.lower() == "second" and m["n"].lower() in {"a", "an"} and _ORDINAL_NEXT.match(ctx.text, m.end()):
        return None  # "a second group", "a second time": the ordinal
    if m["n"].lower() in {"a", "an"} and (unit.lower().endswith("s") or m["adj"]):
        return None  # "a decades-long feud", "a day-long strike": the article belongs to the noun
    if m["n"].lower() in {"a", "an"} and _names_a_kind(ctx, m.start("unit"), m.end("unit")):
        return None  # "a night guard", "a day job": the time word says what kind of guard or job
    mod = lexicon().duration_mods.get(re.sub(r"\s+", " ", (m["dm"] or "").lower()))
    return Norm("DURATION", duration_value(n, unit), mod)


def _names_a_kind(ctx: Context, start: int, end: int) -> bool:
    """Whether the time word at ``[start, end)`` modifies the noun right after it ("a *night*
    guard", "a *day* job"), so that the article is the noun's."""
    doc = ctx.doc
    if doc is None or not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    word = span[0]
    return word.dep_ == "compound" and word.head.i == word.i + 1 and word.head.pos_ == "NOUN"


_OPENING = "\"'“‘`([{"


def _capitalized_in_running_text(ctx: Context, pos: int) -> bool:
    """Whether a time word that is normally lowercase is capitalized as part of a name or title.

    "Hours" in "the show '48 Hours'" and "Noon" in "the film High Noon" are
    capitalized although they neither open a sentence nor stand in a
    title-case line (a headline): capitals there mark a name, not a time.
    """
    text = ctx.text
    if not text[pos:pos + 1].isupper():
        return False
    before = text[max(0, pos - 40):pos].rstrip(" \t")
    if not before or before[-1] in ".!?:\n" or before[-1] in _OPENING:
        return False  # it opens a sentence, a quotation or a line
    return not _title_case_line(text, pos)


def _title_case_line(text: str, pos: int) -> bool:
    """Whether most longer words of the line around ``pos`` are capitalized (a headline)."""
    begin = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[A-Za-z]{4,}", text[begin:end if end >= 0 else len(text)])
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def h_bare_units(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``for years``, ``in recent months``, ``the coming weeks``, ``decades``."""
    pre = (m["pre"] or "").lower()
    if _part_of_next_time(ctx, m.end()):
        return None  # "the early hours of Sunday", "the last weeks of 2023": a part of that time
    before = ctx.text[max(0, m.start() - 8):m.start()].lower()
    if not pre and not re.search(r"\b(?:for|over|within|in)\s+$", before):
        return None
    return Norm("DURATION", duration_value(None, m["unit"]))


def _part_of_next_time(ctx: Context, end: int) -> bool:
    """Whether ``of`` and a time expression follow: the units name a part of that time."""
    return bool(_part_of_time_pattern().match(ctx.text, end))


@lru_cache(maxsize=1)
def _part_of_time_pattern() -> re.Pattern[str]:
    f = fragments()
    times = rf"{f['WD']}|{f['MONTH']}|{f['YEAR']}|today|yesterday|tomorrow|(?:the|that|this|last|next)\s+(?:day|week|month|year|decade|century|morning|afternoon|evening|night)\b"
    return re.compile(rf"\s+of\s+(?:{times})", re.I)


def h_long_units(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``day-long`` (one day), ``decades-long`` (an unknown number of decades)."""
    return Norm("DURATION", duration_value(1 if m["one"] else None, m["unit"]))


def h_time(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``2 p.m.``, ``10:30 a.m. local time``, ``noon Thursday``, ``5 p.m. EST Nov. 9``."""
    if m["w"]:
        if _capitalized_in_running_text(ctx, m.start("w")):
            return None  # "the film High Noon": a title
        hour, minute = (12, 0) if m["w"].lower() in {"noon", "midday"} else (24, 0)
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ap = (m["ap"] or "").lower()
        if m["mi"] and not ap and re.match(r"[.:,]\d", ctx.text[m.end("mi"):m.end("mi") + 2]):
            return None  # "2:27.13", "1:05:32": a race time or a score, not a clock time
        if ap.startswith("in"):  # "4 in the morning", "7 in the evening"
            ap = "a" if ap.endswith("morning") else "p"
        if not ap and not m["mi"]:
            return None
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 24:
            return None
    d = _time_day(m, ctx)
    clock = f"T{hour:02d}:{minute:02d}"
    mod = "APPROX" if m["dm"] else None
    if d is None:
        return Norm("TIME", f"XXXX-XX-XX{clock}", mod)
    return Norm("TIME", d.isoformat() + clock, mod, begin=d, last=d, precision="time", deictic=True)


#: A clock time takes the day of a date mentioned at most this many characters before it.
TIME_DAY_WINDOW = 400


def _time_day(m: re.Match[str], ctx: Context) -> Optional[date]:
    day = (m["day"] or "").strip()
    if not day:
        ref = ctx.reference
        if ref is not None and ref.precision == "day" and 0 <= m.start() - ref.start <= TIME_DAY_WINDOW:
            return ref.begin
        return ctx.anchor
    low = day.lower().rstrip(".")
    if low in _DEICTIC_DAYS:
        return ctx.anchor + timedelta(days=_DEICTIC_DAYS[low]) if ctx.anchor else None
    if low in lexicon().weekdays:
        return weekday_date(lexicon().weekdays[low], "", ctx, m.start(), m.end())
    md = re.match(r"(\S+)\s+(\d+)", day)
    if md and ctx.anchor:
        month = _month_num(md[1])
        try:
            return date(ctx.anchor.year, month, int(md[2])) if month else None
        except ValueError:
            return None
    return ctx.anchor


def h_set(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``every Monday``, ``each year``, ``every three months``, ``daily``."""
    lx = lexicon()
    if m["freq"]:
        if _capitalized_in_running_text(ctx, m.start("freq")) or _names_a_publication(ctx, m.start("freq"), m.end("freq")):
            return None  # "the Jakarta Daily", "the business daily Handelsblatt": a newspaper
        return Norm("SET", lx.frequencies[m["freq"].lower()])
    u = m["u"].lower().rstrip(".")
    if u in lx.weekdays:
        return Norm("SET", f"XXXX-WXX-{lx.weekdays[u] + 1}")
    if u in lx.months:
        return Norm("SET", f"XXXX-{lx.months[u]:02d}")
    if u in lx.seasons:
        return Norm("SET", f"XXXX-{lx.seasons[u]}")
    if u in lx.parts_of_day:
        return Norm("SET", f"XXXX-XX-XXT{lx.parts_of_day[u]}")
    if u in {"weekend", "weekends"}:
        return Norm("SET", "XXXX-WXX-WE")
    n = number(m["n"]) if m["n"] else 1
    if m["other"]:
        n = 2 * (n or 1)
    return Norm("SET", duration_value(n, u))


_NAME_AFTER = re.compile(r"\s+[\"'“‘]?[A-Z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w.-]*\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)\"'”’]|$)")


def _names_a_publication(ctx: Context, start: int, end: int) -> bool:
    """A frequency word used as a noun for a newspaper: "the daily Handelsblatt", "the Sentinel daily."."""
    text = ctx.text
    if _NAME_AFTER.match(text, end):
        return True
    return bool(_NAME_BEFORE.search(text[max(0, start - 30):start])) and bool(_CLAUSE_END.match(text, end))


def h_per_unit(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``$5 million a year``, ``40 flights a day``: a rate, a SET."""
    before = ctx.text[max(0, m.start() - 30):m.start()]
    if not _rate_quantity().search(before) or _names_a_kind(ctx, m.start("u"), m.end("u")):
        return None  # not "paid for a *day* labourer": the time word says what kind of labourer
    return Norm("SET", duration_value(1, m["u"]))


@lru_cache(maxsize=1)
def _rate_quantity() -> re.Pattern[str]:
    """A quantity just before "a day"/"per year": digits, a number word, "million", "twice"."""
    words = alternation([w for w in number_phrases() if w not in {"a", "an", "half a", "a half"}])
    return re.compile(
        rf"(?:\d|%|\b(?:million|billion|thousand|hundred|percent|times|twice|once|dollars|cents)|\b{words}\s+\w+)[\w\s,.]{{0,14}}$",
        re.I,
    )


def h_reference(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``now``, ``recently``, ``the future``, ``currently``."""
    key = re.sub(r"\s+", " ", m.group(0).lower())
    if key == "soon" and (re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4):m.start()], re.I)
                          or re.match(r"\s+(?:after|afterwards?|as|enough)\b", ctx.text[m.end():m.end() + 12])):
        return None  # "as soon as", "soon after the vote": a conjunction, not the near future
    if key == "now" and ctx.text[m.end():m.end() + 1] == "," and _starts_sentence(ctx, m.start()):
        return None  # "Now, he says, ...": a discourse marker, not a time
    return Norm("DATE", lexicon().references[key])


def _starts_sentence(ctx: Context, start: int) -> bool:
    """Whether only opening quotes and brackets stand between the sentence start and ``start``."""
    begin, _ = ctx.sentence_bounds(start)
    return not ctx.text[begin:start].strip(" \t\n\"'“‘`(")


def h_holiday(m: re.Match[str], ctx: Context) -> Optional[Norm]:
    """``Christmas``, ``Thanksgiving Day``, ``last Thanksgiving``, ``Election Day 1998``."""
    if not is_capitalized(m["h"]):
        return None
    rule = lexicon().holidays[re.sub(r"\s+", " ", m["h"].lower())]
    a = ctx.anchor
    year = int(m["year"]) if m["year"] else (a.year if a else None)
    if year is None:
        return Norm("DATE", "XXXX-" + rule if rule[3:].isdigit() else "XXXX-XX-XX")
    d = _holiday_date(year, rule)
    rel = (m["rel"] or "").lower()
    if a is not None and not m["year"]:
        if rel == "last" and d >= a:
            d = _holiday_date(year - 1, rule)
        elif rel == "next" and d <= a:
            d = _holiday_date(year + 1, rule)
        elif not rel:
            d = _holiday_date(year_for_month(d.month, ctx, m.start(), m.end(), d.day) or year, rule)
    return Norm("DATE", day_value(d), explicit=True)


def _holiday_date(year: int, rule: str) -> date:
    month, spec = int(rule[:2]), rule[3:]
    if spec.isdigit():
        return date(year, month, int(spec))
    first = date(year, month, 1)
    if spec == "ELECTION":  # the Tuesday after the first Monday
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    wd = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4}[spec[:2]]
    if spec[2] == "L":
        last = add_months(first, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - wd) % 7)
    return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (int(spec[2]) - 1))


# ---------------------------------------------------------------- the rules


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, in priority order for equally long matches."""
    f = fragments()
    lx = lexicon()
    MONTH, WD, NUM, VAGUE, UNIT = f["MONTH"], f["WD"], f["NUM"], f["VAGUE"], f["UNIT"]
    YEAR, DAY, PMOD, DMOD, TZ, POD = f["YEAR"], f["DAY"], f["PMOD"], f["DMOD"], f["TZ"], f["POD"]
    SEASON, ORD = f["SEASON"], f["ORD"]
    YREL = rf"(?:{YEAR}|(?:this|last|next|the)\s+year)"
    RANGE = r"(?:-|–|and|or|to|through)"  # between the days of a range: "April 24 and 25"
    # the article of an adjectival expression belongs to its noun: "a third-quarter loss", "a six year term"
    ADJECTIVAL_QUARTER_AHEAD = r"(?!(?:\S+\s+){0,2}?\S*-quarter\b)"
    SINGULAR_UNIT = alternation(list(lx.units)) + r"\b"
    # "the last 60 days", "its last three games"; not the verb of "will last 60 days"
    LAST_AFTER_DETERMINER = "(?:" + "|".join(rf"(?<=\b{d}\s)" for d in ("the", "its", "his", "her", "their", "our", "my", "your")) + ")"
    spoken = alternation([w for w in number_phrases() if " " not in w and w not in {"a", "an", "dozen", "hundred"}])
    table: list[tuple[str, str, Handler]] = [
        ("full_date", rf"\b(?:(?P<wd>{WD}),?\s+)?(?:(?P<pm>{PMOD})[\s-]+)?(?:(?P<rel>this\s+past|this\s+coming|last|next)\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR})|(?=\s*{RANGE}\s*{DAY},?\s+(?P<range_year>{YEAR})))?", h_full_date),
        ("full_date_dmy", rf"\b(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<pm>)(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?", h_full_date),
        # a day no month has, with its year: "June 32, 2005", "Jan. 0, 2006"
        ("impossible_day", rf"\b(?:(?P<wd>{WD}),?\s+)?(?P<pm>)(?P<mon>{MONTH})\s+(?P<day>0?0|3[2-9])(?!\d)(?:st|nd|rd|th)?,?\s+(?P<year>{YEAR})", h_full_date),
        ("day_range_end", rf"\b(?P<wd>)(?P<pm>)(?P<mon>{MONTH})\s+{DAY}\s*{RANGE}\s*(?P<span>(?P<day>{DAY})(?![\d:%]|\s*percent)(?:,?\s+(?P<year>{YEAR}))?)", h_full_date),
        ("week_of", rf"\bthe\s+week\s+of\s+(?P<wd>)(?P<pm>)(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?", h_week_of),
        ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", h_numeric_date),
        ("us_date", r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b", h_numeric_date),
        ("month", rf"\b(?:(?P<pm>{PMOD})[\s-]+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this)\s+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<yrel>this|last|next)\s+year\b))?", h_month),
        ("year", rf"(?:\b(?P<pm>{PMOD})[\s-]+|\b(?:fiscal(?:\s+year)?|the\s+year|calendar\s+year|(?:the\s+)?(?:fiscal\s+)?year\s+ended)\s+|\b)(?P<year>{YEAR})", h_year),
        ("year_range_end", rf"\b(?P<first>{YEAR})\s*[-–]\s*(?P<span>\d{{2}}(?:\d{{2}})?)(?!\w)", h_year_range_end),
        ("decade", r"\b(?:the\s+)?(?:(?P<pm>early|mid|late)[\s-]+)?(?:(?P<full>1[5-9]\d0|20\d0)'?s|'(?P<short>\d)0s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)", h_decade),
        ("century", rf"\b(?:the\s+)?(?:(?P<pm>early|mid|late)[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+century\b", h_century),
        ("spoken_year", rf"\b(?:the\s+year\s+)?(?:(?P<hi>nineteen|twenty)[\s-]+(?P<lo>{spoken}(?:[\s-]+{spoken})?)|(?P<millennium>two\s+thousand)(?:\s+and\s+(?P<rest>{spoken}))?)\b", h_spoken_year),
        ("quarter", rf"\b(?:(?P<det>the|this|that|a|last|next)\s+{ADJECTIVAL_QUARTER_AHEAD})?(?:(?P<yr>{YEAR}'?s?|(?:this|last|next)\s+year's|the\s+year-(?:earlier|ago)|year-(?:earlier|ago)|the\s+same|comparable|corresponding|latest|current|previous|recent|fiscal|calendar)\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+quarter\b(?:\s+of\s+(?:fiscal\s+)?(?P<yr2>{YREL}))?", h_quarter),
        ("the_quarter", r"\b(?P<det>the|this|that|its|their|last|next)\s+(?:(?P<yr>year-(?:earlier|ago)|same|comparable|corresponding|latest|current|previous|recent|fiscal|most\s+recent|year-earlier\s+fiscal|past|coming)\s+)?(?P<ord>)quarter(?!\w|-)", h_quarter),
        ("year_period", rf"\bthe\s+(?:(?:comparable|same|corresponding)\s+)?(?P<year>{YEAR})\s+(?:period|quarter)\b", h_year_period),
        ("year_ago_quarter", r"\b(?P<det>the\s+(?=year-(?:earlier|ago)\s+(?:quarter|period)\b))?(?P<yr>year-(?:earlier|ago))(?P<ord>)(?:\s+(?:quarter|period))?\b", h_quarter),
        ("half", rf"\b(?:the\s+)?(?P<ord>first|second|latter|last|1st|2nd)\s+half(?:\s+of\s+(?P<yr>{YREL}|the\s+year))?\b", h_half),
        ("season", rf"\b(?:(?P<pm>{PMOD})[\s-]+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|the|that)\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?P<year>{YEAR}))?", h_season),
        ("weekday", rf"\b(?:(?P<pm>early|late|mid)\s+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|the\s+previous|the\s+following)\s+)?(?P<wd>{WD})(?P<plural>s)?(?:\s+(?P<pod>{POD})(?P<podplural>s)?)?(?!\w)", h_weekday),
        ("deictic_day", rf"\b(?:(?P<pm>early|late|later|earlier|mid)[\s-]+)?(?:(?P<pod2>{POD})\s+)?(?P<w>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<pod>{POD})\b)?", h_deictic_day),
        ("deictic_pod", rf"\b(?:(?P<pm>early|late|later|earlier|mid)[\s-]+)?(?P<w>this|last)\s+(?P<pod>{POD})\b(?P<pod2>)", h_deictic_day),
        ("weekend", r"\bthe\s+weekend\b", h_weekend),
        ("part_of_unit", r"\b(?:(?P<pm>the\s+(?:end|beginning|start|middle|close)\s+of)\s+the\s+(?P<unit>year|month|week)|year-end|year['’]s\s+end)\b", h_part_of_unit),
        ("latest_period", r"\bthe\s+latest\s+period\b", h_latest_period),
        ("relative_unit", rf"\b(?:(?P<pm>{PMOD})[\s-]+)?(?:(?P<the>the)\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|past|previous|preceding|coming|current|following|same|latest|that\s+same|that)\s+(?P<unit>week|weekend|month|quarter|year|fiscal\s+year|decade|century|day|morning|afternoon|evening|night)\b(?:\s+or\s+so\b)?", h_relative_unit),
        # the span group is the duration ("three days" of "three days later"); a DATE offset takes the whole match
        ("offset", rf"\b(?P<span>(?:(?P<dm>{DMOD})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?P<unit>{UNIT})(?:\s+or\s+so)?)\s+(?P<dir>ago|earlier|later|before|after|prior|previously|from\s+now|hence|back)\b", h_offset),
        ("per_unit", r"\b(?:a|per)\s+(?P<u>day|week|month|year)\b", h_per_unit),
        ("duration", rf"\b(?:(?P<dm>{DMOD})\s+(?!the\b))?(?:(?:the|a|an)\s+(?![\w.,]+-\w)(?!(?:{NUM})\s+{SINGULAR_UNIT}\s+[a-z]))?(?:(?:past|next|first|coming|previous|following|latest|final|initial|remaining|same|entire|full)\s+|{LAST_AFTER_DETERMINER}last\s+)?(?!(?:1[5-9]|20)\d\d\s+(?:to|or|and)\s+(?!\d{{3}}))(?P<n>{NUM}|{VAGUE})(?:[\s-]*(?:to|or|and|-|–)[\s-]*(?P<n2>{NUM}))?(?:\s+or\s+so)?(?P<hy>[\s-]+)(?:(?:more|additional|full|straight|consecutive|trading|business|long)\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?(?P<adj>-long|-old)?(?!\w)", h_duration),
        ("reference", rf"\b{alternation(lx.references)}(?!\w)", h_reference),
        ("bare_units", r"\b(?:(?P<pre>recent|coming|the\s+coming|the\s+past|past|the\s+next|the\s+last|the\s+following|the\s+early)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)\b", h_bare_units),
        ("long_units", r"\b(?P<unit>(?P<one>day|week|month|year|hour)|days|weeks|months|years|decades|hours|centuries)-long\b", h_long_units),
        ("clock", rf"\b(?:(?P<dm>around|about|approximately|roughly)\s+)?(?P<w>)(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b|in\s+the\s+(?:morning|afternoon|evening))?(?:\s+(?P<tz>{TZ}))?(?:,?\s+(?P<day>{WD}|today|yesterday|tomorrow|{MONTH}\s+\d{{1,2}}))?(?!\w)", h_time),
        ("clock_hhmm", r"\b(?P<dm>)(?P<w>)(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC|Zulu)(?P<ap>)(?P<day>)\b", h_time),
        ("noon", rf"\b(?:(?P<dm>around|about)\s+)?(?P<h>)(?P<mi>)(?P<ap>)(?P<w>noon|midnight|midday)(?:\s+(?P<day>{WD}|today|yesterday|tomorrow))?(?!\w)", h_time),
        ("set", rf"\b(?:(?P<q>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|{WD}|{MONTH}|{SEASON}|{POD}|weekends?)|(?P<freq>{alternation(lx.frequencies)}))(?!\w)", h_set),
        ("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{alternation(lx.holidays)})(?!\w)(?:\s+(?P<year>{YEAR}))?", h_holiday),
    ]
    anchors = _anchors()
    return tuple(Rule(name, re.compile(rx, re.I), handler, *anchors[name]) for name, rx, handler in table)


class _Anchor(str):
    """An anchor pattern and the literal starts of its words (none: search it with the regex)."""

    keys: tuple[str, ...] = ()


def _anchor(words: "list[str] | dict[str, object]", after: str = "") -> _Anchor:
    """A pattern over lowercased text that consumes the first letter of each of ``words``
    where the rest of the word and then ``after`` follow."""
    rests: dict[str, list[str]] = {}
    for w in words:
        piece = re.escape(w).replace(r"\ ", r"\s+")
        assert piece[0].isalnum() and piece == piece.lower(), w
        rests.setdefault(piece[0], []).append(piece[1:])
    out = _Anchor("|".join(f"{first}(?=(?:{'|'.join(sorted(r, key=len, reverse=True))}){after})" for first, r in rests.items()))
    # each word's first run of characters; one that starts with another is found through it
    starts = sorted({w.split()[0] for w in words}, key=len)
    keys = [k for i, k in enumerate(starts) if not any(k.startswith(o) for o in starts[:i])]
    if all(len(k) >= 3 for k in keys) and "the" not in keys:  # short or common starts: the regex is quicker
        out.keys = tuple(keys)
    return out


def _either(*anchors: _Anchor) -> _Anchor:
    """Two anchors' patterns as one, with both sets of keys (none if either has none)."""
    out = _Anchor("|".join(anchors))
    if all(a.keys for a in anchors):
        out.keys = tuple(k for a in anchors for k in a.keys)
    return out


def _pieces(words: "list[str] | dict[str, object]") -> int:
    """The most runs of characters other than whitespace and hyphens in one of ``words``."""
    return max(len(re.split(r"[\s-]+", w.strip())) for w in words)


def _anchors() -> dict[str, tuple[re.Pattern[str], int, tuple[str, ...], Optional[re.Pattern[str]]]]:
    """Each rule's anchor and reach (see :class:`Rule`).

    An anchor is a word every match of the rule must contain, checked at a
    position the rule fixes; the reach counts the words the rule allows
    before it (a phrase of the lexicon counts as many words as it has).
    """
    f = fragments()
    lx = lexicon()
    months = list(lx.months)
    weekdays = [w for w in lx.weekdays if len(w) > 5] + [w + "." for w in lx.weekdays if len(w) <= 5]
    units = _unit_words()
    pmod = _pieces([k for k in lx.point_mods if k not in {"around", "about", "roughly", "approximately"}])
    wd, dmod, pod = _pieces(lx.weekdays), _pieces(lx.duration_mods), _pieces(lx.parts_of_day)
    # a number: a phrase, a second word ("twenty-five", "two hundred"), "and a half"
    num = 2 * _pieces(number_phrases()) + 3
    count = max(num, _pieces(lx.vague_numbers))
    year = r"1(?=[5-9]\d\d(?!\w))|2(?=0\d\d(?!\w))"
    rel = ["this past", "this coming", "this", "last", "next", "past", "previous", "preceding", "coming", "current",
           "following", "same", "latest", "that same", "that"]
    rel_units = r"\s+(?:week|weekend|month|quarter|year|fiscal\s+year|decade|century|day|morning|afternoon|evening|night)\b"
    directions = r"(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|prior|previously|from\s+now|hence|back)\b"
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    # the last word of what a duration may put just before its unit: a count, "or so", "more"
    last_words = {re.split(r"[\s-]+", w.strip())[-1] for w in list(number_phrases()) + list(lx.vague_numbers)}
    last_words |= {"hundred", "thousand", "half", "so", "more", "additional", "full", "straight", "consecutive", "trading",
                   "business", "long"}
    counted = r"[\s-]+(?:\d|" + "|".join(re.escape(w[::-1]) for w in sorted(last_words, key=len, reverse=True)) + ")"
    table: dict[str, tuple[str, int]] = {
        "full_date": (_anchor(months, r"\.?\s+\d"), wd + pmod + 2),
        "full_date_dmy": (_anchor(months), wd + 3),
        "impossible_day": (_anchor(months, r"\.?\s+(?:0|3[2-9])"), wd),
        "day_range_end": (_anchor(months, r"\.?\s+\d"), 0),
        "week_of": (_anchor(["week"], r"\s+of\s"), 1),
        "iso_date": (r"\d(?=\d{3}-\d{2}-\d{2})", 0),
        "us_date": (r"\d(?=\d?/\d)", 0),
        "month": (_anchor(months, r"\.?(?!\w)"), pmod + 2),
        "year": (year, max(pmod, 4)),
        "year_range_end": (r"1(?=[5-9]\d\d\s*[-–]\s*\d\d)|2(?=0\d\d\s*[-–]\s*\d\d)", 0),
        "decade": (r"1(?=[5-9]\d0'?s)|2(?=0\d0'?s)|'(?=\d0s)|" + _anchor(tens), 2),
        "century": (_anchor(["century"]), 3),
        "spoken_year": (_anchor(["nineteen", "twenty", "two thousand"]), 2),
        "quarter": (_anchor(["quarter"]), 6),
        "the_quarter": (_anchor(["quarter"]), 4),
        "year_period": (_anchor(["period", "quarter"]), 3),
        "year_ago_quarter": (_anchor(["year-earlier", "year-ago"]), 1),
        "half": (_anchor(["half"]), 2),
        "season": (_anchor(lx.seasons), pmod + 2),
        "weekday": (_anchor(weekdays), 3),
        "deictic_day": (_anchor(["today", "yesterday", "tomorrow", "tonight"]), 1 + pod),
        "deictic_pod": (_anchor(["this", "last"], r"\s+" + f["POD"]), 1),
        "weekend": (_anchor(["weekend"]), 1),
        "part_of_unit": (_either(_anchor(["end", "beginning", "start", "middle", "close"], r"\s+of\s+the\s+(?:year|month|week)"),
                                 _anchor(["year"], r"(?:-end|['’]s\s+end)")), 1),
        "latest_period": (_anchor(["latest"], r"\s+period"), 1),
        "relative_unit": (_anchor(rel, rel_units), pmod + 1),
        "offset": (_anchor(units, directions), dmod + count),
        "per_unit": (_anchor(["day", "week", "month", "year"], r"\b"), 1),
        # modifier, article, "past", the count, a second count after "to", "or so", "more"
        "duration": (_anchor(units, r"(?!\w)"), dmod + 1 + 1 + count + 1 + num + 2 + 1),
        "reference": (_anchor(lx.references), 0),
        "bare_units": (_anchor(["years", "months", "weeks", "days", "decades", "hours", "minutes", "centuries"]), 2),
        "long_units": (_anchor(["day", "week", "month", "year", "hour", "days", "weeks", "months", "years", "decades",
                                "hours", "centuries"], "-long"), 0),
        # an hour of one or two digits, not inside a number
        "clock": (r"\d(?<!\w\d)(?!\d\d)", 1),
        "clock_hhmm": (r"\d(?=\d{3}\s+(?:gmt|utc|zulu))", 0),
        "noon": (_anchor(["noon", "midnight", "midday"]), 1),
        "set": (_either(_anchor(["every", "each", "per"], r"\s"), _anchor(lx.frequencies)), 0),
        "holiday": (_anchor(lx.holidays), 1),
    }
    before = {"duration": re.compile(counted)}
    return {name: (re.compile(rx), reach, getattr(rx, "keys", ()), before.get(name)) for name, (rx, reach) in table.items()}
