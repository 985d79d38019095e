"""Measures restated in other units (CC208): "112 kilometres (70 miles)" must convert.

The frames link a value written right after another in other units — in
brackets, or after a comma and "or" — to the value it restates
(``Frame.converts``). The rule converts the first into the second's unit with
pint (``language/units.py``), under every reading of an ambiguous unit word
("ton": short, long or metric; "gallon": US or imperial; "mile": statute or
nautical), and compares the two as intervals: each value stands for what its
writing may have rounded (half a unit of its last written digit, at most a
tenth of it), a hedge widens it ("about", "more than"), and a little slack is
left for a rough conversion. A sum of money cannot be checked this way (the
article gives no exchange rate), but two conversions between the same two
currencies must imply about one rate (CC210).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Optional

from ..language.units import conversions, difference
from ..models import Finding, Frame, Quantity
from .base import CheckContext, Rule
from .restated import bounds

#: Dimensions a conversion can be checked in (not money: no exchange rates).
PHYSICAL = frozenset({"length", "area", "volume", "mass", "speed", "temperature"})
#: A conversion may be this much rougher than its rounding, as a share of the value.
ROUGH_CONVERSION = 0.05
#: A conversion this far off (beyond rounding and roughness, as a share of the value) is wrong
#: beyond doubt: an error; nearer misses are warnings.
CERTAIN_GAP = 0.1
#: A temperature's gap counts against this many kelvin (so 1.5 K beyond rounding is certain).
TEMPERATURE_SCALE = 15.0
#: Characters between the parts of one compound measure: "5 feet 10 inches", "2 metres and 10 centimetres".
COMPOUND_GAP = 5
#: A rounded value stands for values at most this share away from it.
MAX_ROUNDING = 0.1


def written_slack(value: float) -> float:
    """How far a written value may be from the figure it rounds: half a unit of its last
    written digit ("70": 5, "4.3": 0.05, "112": 0.5), at most a tenth of the value."""
    if value == 0:
        return 0.5
    if float(value).is_integer():
        n = str(int(abs(value)))
        zeros = len(n) - len(n.rstrip("0"))
        unit = 10.0**zeros
    else:
        text = f"{abs(value):.6f}".rstrip("0")
        decimals = len(text.split(".")[1])
        unit = 10.0**-decimals
    return min(unit / 2, abs(value) * MAX_ROUNDING)


def span_of(q: Quantity) -> Optional[tuple[float, float]]:
    """The values a written measure allows: its hedge's bounds, else its rounding."""
    if q.value is None and q.low is None and q.high is None:
        return None
    exact = q.value is not None and not q.approximate and not q.hedge and q.low == q.high == q.value
    if exact or (q.value is not None and q.low is None and q.high is None and not q.approximate):
        slack = written_slack(q.value)  # type: ignore[arg-type]
        return q.value - slack, q.value + slack  # type: ignore[operator]
    b = bounds(q)
    if b is None:
        return None
    lo, hi = b[0], b[1]
    if q.low is not None and q.high is not None and q.low != q.high:  # a range: its ends are rounded too
        lo, hi = lo - written_slack(lo), hi + written_slack(hi)
    return lo, hi


def converted_spans(source: Frame, unit: str) -> list[tuple[float, float]]:
    """The source's span in ``unit``, once per reading of the two unit words."""
    q, from_unit = source.quantity, source.measure.unit
    span = span_of(q) if q is not None else None
    if span is None or from_unit is None:
        return []
    lo, hi = span
    out = []
    for low, high in zip(_convert(lo, from_unit, unit), _convert(hi, from_unit, unit)):
        out.append((min(low, high), max(low, high)))
    return out


def _convert(value: float, unit: str, to: str) -> list[float]:
    if math.isinf(value):
        return [value] * len(conversions(1.0, unit, to))
    return conversions(value, unit, to)


def mismatch(source: Frame, conversion: Frame) -> Optional[tuple[float, float]]:
    """How far a conversion is from what its source converts to: (the source's value in the
    conversion's unit, the gap as a share of it), or None when they agree or cannot be compared."""
    q = conversion.quantity
    target = span_of(q) if q is not None else None
    if q is not None and q.value is not None and _about(q) and source.quantity is not None and _about(source.quantity):
        # "around 50 litres (about 13 gallons)": the conversion's hedge is its source's, once
        target = q.value - written_slack(q.value), q.value + written_slack(q.value)
    unit = conversion.measure.unit
    if target is None or unit is None or source.quantity is None or source.quantity.value is None:
        return None
    spans = converted_spans(source, unit)
    if not spans:
        return None
    expected = conversions(source.quantity.value, source.measure.unit or "", unit)
    degree = _degree_size(unit) if conversion.measure.dimension == "temperature" else None
    if degree and _a_difference(source, unit, target):
        return None  # "warming of 1.5 degrees Celsius (2.7 F)": a difference, converted without the offset
    gaps = []
    for (lo, hi), value in zip(spans, expected):
        # a temperature's gap counts in degrees (a share of 41 °F means nothing); other gaps
        # as a share of the converted value
        scale = TEMPERATURE_SCALE / degree if degree else max(abs(value), 1e-9)
        rough = ROUGH_CONVERSION * (max(abs(value), 1 / degree) if degree else scale)
        gap = max(target[0] - (hi + rough), (lo - rough) - target[1], 0.0)
        if gap == 0.0:
            return None
        gaps.append(gap / scale)
    return expected[0], min(gaps)


def _a_difference(source: Frame, unit: str, target: tuple[float, float]) -> bool:
    """Whether the conversion fits the source read as a difference of temperatures."""
    span = span_of(source.quantity) if source.quantity is not None else None
    if span is None or source.measure.unit is None or math.isinf(span[1]):
        return False
    lo, hi = difference(span[0], source.measure.unit, unit), difference(span[1], source.measure.unit, unit)
    if lo is None or hi is None:
        return False
    rough = ROUGH_CONVERSION * max(abs(lo), abs(hi), 1.0)
    return not (target[1] < min(lo, hi) - rough or target[0] > max(lo, hi) + rough)


def _about(q: Quantity) -> bool:
    """A value hedged both ways ("about 50"), not bounded on one side ("more than 50")."""
    return q.approximate and q.low is None and q.high is None


def _degree_size(unit: str) -> Optional[float]:
    """How many kelvin one degree of ``unit`` is (1 for Celsius, 5/9 for Fahrenheit)."""
    zero, one = conversions(0.0, unit, "kelvin"), conversions(1.0, unit, "kelvin")
    return one[0] - zero[0] if zero and one else None


def checkable(conversion: Frame, source: Frame) -> bool:
    """A measure restated in another unit of the same dimension (not money, not a count)."""
    ms, mc = source.measure, conversion.measure
    return (
        ms.dimension in PHYSICAL
        and ms.dimension == mc.dimension
        and ms.unit is not None
        and mc.unit is not None
        and ms.unit != mc.unit
        and source.quantity is not None
        and conversion.quantity is not None
    )


def compound_part(source: Frame, frames: Sequence[Frame]) -> bool:
    """The last part of a measure told in two units at once ("5 feet *10 inches* (1.78
    metres)"): its conversion restates the whole."""
    return any(
        f is not source and f.measure.dimension == source.measure.dimension and 0 <= source.span.start - f.span.end <= COMPOUND_GAP
        for f in frames
    )


class UnitConversionMismatch(Rule):
    """A measure restated in other units does not convert.

    ## What it does
    Checks every measure the article restates in other units right after it —
    "112 kilometres (70 miles)", "5 degrees Celsius (41 F)", "3,000 hectares, or
    7,400 acres", "a 40-tonne (44-ton) truck" — for length, area, volume, mass,
    speed and temperature. The first value is converted into the second's unit
    and the two must meet once each is read as what it may have rounded (half a
    unit of its last written digit) with its hedge ("about", "more than") and a
    little slack for a rough conversion; a temperature may be a difference
    ("warming of 1.5 degrees Celsius (2.7 F)"). A conversion off by a tenth or
    more beyond all that is an error; a nearer miss a warning. Words that stand for more than one unit
    ("tons", "gallons", "miles") pass when any reading fits. Sums of money are
    not checked here (the article gives no exchange rate); CC210 compares the
    rates of their conversions with each other.

    ## Why is this bad?
    A conversion is arithmetic the reader cannot check on the page; when the two
    values disagree, one of them is wrong, and often the one the story's point
    rests on.

    ## Example
    ```text
    ---
    date: 2024-06-12
    ---
    The glacier has retreated 300 metres (590 feet) since the survey began, the
    institute said on Tuesday.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-06-12
    ---
    The glacier has retreated 300 metres (980 feet) since the survey began, the
    institute said on Tuesday.
    ```
    """

    code = "CC208"
    name = "unit-conversion-mismatch"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_id = {f.id: f for f in ctx.frames}
        for conversion in ctx.frames:
            source = by_id.get(conversion.converts or "")
            if source is None or not checkable(conversion, source) or compound_part(source, ctx.frames):
                continue
            found = mismatch(source, conversion)
            if found is None:
                continue
            value, share = found
            yield self.report(source, conversion, value, share)

    def report(self, source: Frame, conversion: Frame, value: float, share: float) -> Finding:
        unit = conversion.measure.unit or ""
        message = (
            f"“{conversion.span.text}” does not convert “{source.span.text}”, which is about "
            f"{_round(value)} {_plural(unit, value)}"
        )
        return self.finding(
            message,
            conversion.span,
            sides=[(source, "measure"), (conversion, "conversion")],
            suggestion="recompute the conversion, or correct the measure",
            severity="error" if share >= CERTAIN_GAP else "warning",
        )


def _round(value: float) -> str:
    """A converted value to three significant digits, as a reader writes it."""
    if value == 0:
        return "0"
    digits = 3 - int(math.floor(math.log10(abs(value)))) - 1
    rounded = round(value, digits)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.{max(digits, 0)}f}".rstrip("0").rstrip(".")


def _plural(unit: str, value: float) -> str:
    """ "mile" → "miles", "degree Fahrenheit" → "degrees Fahrenheit", "square foot" → "square
    feet", "kilometre per hour" → "kilometres per hour"."""
    if abs(value) == 1:
        return unit
    words = unit.split(" ")
    if words[0] == "degree" or " per " in unit:
        head = 0
    elif words[0] in ("square", "cubic") and len(words) > 1:
        head = 1
    else:
        head = len(words) - 1
    words[head] = {"foot": "feet", "inch": "inches"}.get(words[head], words[head] + "s")
    return " ".join(words)


#: Two conversions of one pair of currencies may imply rates this much apart (a share of the
#: rate) beyond what their rounding allows: rates move, and a story may convert at another day's.
RATE_TOLERANCE = 0.15


def implied_rate(source: Frame, conversion: Frame) -> Optional[tuple[tuple[str, str], float, float]]:
    """The exchange rate a sum and its conversion imply, as ((currency, currency), low, high):
    units of the second currency per unit of the first, the pair in a fixed order, the bounds
    from what each value may have rounded."""
    a, b = source.measure.unit, conversion.measure.unit
    if source.measure.dimension != "money" or conversion.measure.dimension != "money" or not a or not b or a == b:
        return None
    sa = span_of(source.quantity) if source.quantity is not None else None
    sb = span_of(conversion.quantity) if conversion.quantity is not None else None
    if sa is None or sb is None or min(sa[0], sb[0]) <= 0 or math.isinf(sa[1]) or math.isinf(sb[1]):
        return None
    low, high = sb[0] / sa[1], sb[1] / sa[0]
    if a > b:
        return (b, a), 1 / high, 1 / low
    return (a, b), low, high


class ExchangeRateMismatch(Rule):
    """Two sums converted between the same currencies imply different exchange rates.

    ## What it does
    Takes every sum of money the article restates in another currency right after
    it ("90 million yuan (11 million dollars)") and works out the exchange rate the
    two imply, within what their rounding allows. Conversions between the same
    two currencies must imply about one rate: a rate more than 15 percent away
    from every other one the article uses, beyond rounding, is reported (with two
    conversions, the later one). One conversion alone is never checked: the article
    gives no rate to check it against.

    ## Why is this bad?
    A wrong figure on one side of a conversion is invisible until it is set against
    the article's other conversions; the reader takes the rate on trust.

    ## Example
    ```text
    The port authority will spend 600 million euros (650 million dollars) on a new
    terminal, and a further 90 million euros (40 million dollars) on dredging.
    ```

    ## Use instead
    ```text
    The port authority will spend 600 million euros (650 million dollars) on a new
    terminal, and a further 90 million euros (98 million dollars) on dredging.
    ```
    """

    code = "CC210"
    name = "exchange-rate-mismatch"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_id = {f.id: f for f in ctx.frames}
        by_pair: dict[tuple[str, str], list[tuple[float, float, Frame, Frame]]] = {}
        for conversion in ctx.frames:
            source = by_id.get(conversion.converts or "")
            rate = implied_rate(source, conversion) if source is not None else None
            if rate is not None:
                by_pair.setdefault(rate[0], []).append((rate[1], rate[2], source, conversion))  # type: ignore[arg-type]
        for rates in by_pair.values():
            for i, (low, high, source, conversion) in enumerate(rates):
                others = [r for j, r in enumerate(rates) if j != i]
                if not others or any(_meet((low, high), (r[0], r[1])) for r in others):
                    continue
                if len(others) == 1 and i == 0:
                    continue  # of two that disagree, the later one is reported
                yield self.report(source, conversion, others[0][2], others[0][3])

    def report(self, source: Frame, conversion: Frame, other_source: Frame, other: Frame) -> Finding:
        message = (
            f"“{source.span.text} ({conversion.span.text})” implies another exchange rate than "
            f"“{other_source.span.text} ({other.span.text})”"
        )
        return self.finding(
            message,
            conversion.span,
            sides=[(source, "sum"), (conversion, "conversion"), (other_source, "other sum"), (other, "other conversion")],
            suggestion="recompute the conversion, or correct the sum",
        )


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two rates' intervals meet, each widened by :data:`RATE_TOLERANCE`."""
    return a[0] / (1 + RATE_TOLERANCE) <= b[1] * (1 + RATE_TOLERANCE) and b[0] / (1 + RATE_TOLERANCE) <= a[1] * (1 + RATE_TOLERANCE)
