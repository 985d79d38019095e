"""Counts of years against the calendar: a person's age (CC209), "N years ago" and
anniversaries (CC108).

A person has one age at the time of the story: two ages the text gives them must
agree, and an age must fit a stated birth date and the publication date. An age
the text marks as of another time ("the then 30-year-old") or states in a clause
dated a year or more before the story is left alone. "N years ago" beside the
year it counts back to, and "the Nth anniversary" of a dated event, must fit the
publication date (or the date the anniversary is marked).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Optional

from ..language.reference import name_words
from ..models import Finding, Frame, Person
from .base import CheckContext, Rule
from .helpers import interval, iso
from .restated import rounding_slack

#: An age stated in a clause dated this long before the story is told of another time.
ANOTHER_TIME = timedelta(days=366)


def current(f: Frame, published: Optional[date]) -> bool:
    """An age told as the person's age at the time of the story. An age set beside a name
    holds whatever its clause says ("Ruiz, 52, denied …", "Ruiz, 52, may run"); only an
    earlier time moves it."""
    if f.then:
        return False
    span = interval(f.when)
    return span is None or published is None or published - span[1] < ANOTHER_TIME


def age_on(day: date, born: date) -> int:
    """Whole years from ``born`` to ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def person_of(f: Frame, people: Sequence[Person]) -> Optional[Person]:
    """The person an age frame is about (its first party)."""
    if not f.about_keys:
        return None
    key = f.about_keys[0]
    return next((p for p in people if p.name.lower() == key), None)


def ambiguous(f: Frame, person: Person, people: Sequence[Person]) -> bool:
    """Whether the name beside the age could name someone else the article names too: a
    surname two people share ("Castro, 75," beside Fidel and Raul Castro)."""
    mention = beside(f, person)
    if mention is None:
        return False
    words = set(name_words(mention))
    return any(p is not person and words <= set(name_words(p.name)) for p in people)


def beside(f: Frame, person: Person) -> Optional[str]:
    """The name an age is set beside ("Marco Ruiz" of "Marco Ruiz, 52,"), as written."""
    if f.about_via != "name" or f.sentence_span is None:
        return None
    near = [m for m in person.mentions if m.sentence_span is not None and m.sentence_span.start == f.sentence_span.start]
    return min(near, key=lambda m: abs(m.span.start - f.span.start)).text if near else None


def two_names(a: Frame, b: Frame, person: Person) -> bool:
    """Two ages beside two different full names the article joined into one person ("Carlos
    Lage, 55," and "Carlos Lage Codorniu, 25,": a father and his son)."""
    na, nb = beside(a, person), beside(b, person)
    if na is None or nb is None:
        return False
    wa, wb = name_words(na), name_words(nb)
    return len(wa) > 1 and len(wb) > 1 and wa != wb


def birth_range(birth: Frame, day: date) -> Optional[tuple[int, int]]:
    """The ages a person born at ``birth``'s date can be on ``day``: (least, most)."""
    span = interval(birth.date)
    if span is None or span[1] > day:
        return None
    return age_on(day, span[1]), age_on(day, span[0])


class AgeConflict(Rule):
    """One person is given two ages, or an age their birth date rules out.

    ## What it does
    Collects the ages the article gives each person it names — "Marco Ruiz, 52,",
    "Ruiz, 49,", "Ruiz, who is 49,", "the 49-year-old" (resolved to the latest person it fits, and
    when no one has that age, to the latest person who fits otherwise), "a
    52-year-old teacher, Ana Lim" — and the dates of birth it states ("born in
    1972", "born on March 3, 1970"). Two ages of one person that differ, or an
    age that the birth date and the publication date rule out (with a year of
    birth alone, either side of the birthday is allowed), are reported. Ages two
    years or more apart, each set beside the person's name, are errors; a year
    apart, or through a description, warnings (a birthday may fall between; a
    description resolved a year off is only an info). An
    age told of another time ("the then 30-year-old", "Ruiz, then 26,", an age in
    a clause dated a year or more before the story), an age beside a surname
    two people share, and ages beside two different full names ("Pedro Alves"
    and "Pedro Alves Moura", a father and son) are left alone.

    ## Why is this bad?
    A person has one age on the day of the story; two ages mean one is a typo,
    or the story mixes up two people.

    ## Example
    ```text
    ---
    date: 2024-04-16
    ---
    Helena Kowalczyk, 63, a retired nurse, has run the soup kitchen for a decade.
    "We feed about two hundred people a day," Kowalczyk, 57, said on Monday.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-04-16
    ---
    Helena Kowalczyk, 63, a retired nurse, has run the soup kitchen for a decade.
    "We feed about two hundred people a day," Kowalczyk, 63, said on Monday.
    ```
    """

    code = "CC209"
    name = "age-conflict"
    severity = "warning"
    groups = ("numbers", "people")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        ages: dict[str, list[Frame]] = {}
        people = list(ctx.people)
        for f in ctx.frames:
            if f.measure.dimension != "age" or f.quantity is None or f.quantity.value is None or not current(f, ctx.published):
                continue
            person = person_of(f, people)
            if person is None or ambiguous(f, person, people):
                continue
            ages.setdefault(person.name, []).append(f)
        births = {f.birth_of: f for f in ctx.frames if f.birth_of and f.date is not None}
        for name, frames in ages.items():
            frames.sort(key=lambda f: f.span.start)
            person = next(p for p in people if p.name == name)
            yield from self.two_ages(name, frames, person)
            birth = births.get(name)
            if birth is not None and ctx.published is not None:
                yield from self.against_birth(name, frames, birth, ctx.published)

    def two_ages(self, name: str, frames: list[Frame], person: Person) -> Iterator[Finding]:
        """Each age that differs from the first one the article gives the person."""
        first = frames[0]
        for f in frames[1:]:
            a, b = first.quantity.value, f.quantity.value  # type: ignore[union-attr]
            if a == b or a is None or b is None or two_names(first, f, person):
                continue
            gap = abs(a - b)
            named = first.about_via == f.about_via == "name"
            severity = "error" if gap >= 2 and named else "warning" if gap >= 2 or named else "info"
            message = f"{name} is {_years(b)} here, but {_years(a)} earlier in the story"
            yield self.finding(
                message, f.span, sides=[(first, "first age"), (f, "second age")],
                suggestion="give the person one age", severity=severity,  # type: ignore[arg-type]
            )

    def against_birth(self, name: str, frames: list[Frame], birth: Frame, published: date) -> Iterator[Finding]:
        """Each age the birth date and the publication date rule out."""
        allowed = birth_range(birth, published)
        if allowed is None:
            return
        least, most = allowed
        for f in frames:
            age = f.quantity.value  # type: ignore[union-attr]
            if age is None or least <= age <= most:
                continue
            off = least - age if age < least else age - most
            severity = "error" if off >= 2 and f.about_via == "name" else "warning"
            fits = _years(least) if least == most else f"{least} or {most}"
            message = f"{name} is {_years(age)} here, but someone born in “{birth.span.text}” is {fits} on {published.isoformat()}"
            yield self.finding(
                message, f.span, sides=[(birth, "birth"), (f, "age")],
                suggestion="check the age against the date of birth", severity=severity,  # type: ignore[arg-type]
            )


def _years(value: float) -> str:
    return f"{value:g}"


#: A hedged count of years back ("some 13 years ago") may be this many years off, or its rounding
#: ("some 30 years ago": 3).
HEDGED_YEARS = 1.0


def years_back(f: Frame) -> Optional[tuple[int, date, bool]]:
    """An "N years ago" frame as (N, the date it counts back from, hedged)."""
    d = f.date
    anchor = iso(d.anchor) if d is not None else None
    if d is None or anchor is None or not d.value[:4].isdigit():
        return None
    return anchor.year - int(d.value[:4]), anchor, d.mod is not None or d.modifier is not None


class YearsAgoMismatch(Rule):
    """ "N years ago" or "the Nth anniversary" does not fit the year it counts from.

    ## What it does
    Checks an "N years ago" written beside the year it restates ("in 1990, 30
    years ago", "Thirty years ago, in 1994,") against the publication date, and
    "the Nth anniversary" of a dated event ("the 30th anniversary of the 1992
    flood") against the date it is marked (the clause's date, else the
    publication date). An anniversary may be marked a year early or late; "N
    years ago" may be a year short of the calendar difference (the day may not
    have come round yet); a hedge ("some 30 years ago") allows its rounding.
    Beyond that, a count off by two years or more is an error, a year off a
    warning.

    ## Why is this bad?
    The reader can do this arithmetic, and a wrong count makes them doubt the
    dates around it.

    ## Example
    ```text
    ---
    date: 2024-02-20
    ---
    The cooperative was founded in 1990, 24 years ago, by a group of dairy
    farmers from the valley.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-02-20
    ---
    The cooperative was founded in 1990, 34 years ago, by a group of dairy
    farmers from the valley.
    ```
    """

    code = "CC108"
    name = "years-ago-mismatch"
    severity = "warning"
    groups = ("timeline",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for f in ctx.frames:
            if f.counts_from is None:
                continue
            if f.measure.dimension == "date":
                found = self.years_ago(f)
            elif f.measure.dimension == "ordinal" and f.quantity is not None and f.quantity.value is not None:
                found = self.anniversary(f, ctx.published)
            else:
                found = None
            if found is not None:
                yield found

    def years_ago(self, f: Frame) -> Optional[Finding]:
        back = years_back(f)
        span = interval(f.counts_from)
        if back is None or span is None:
            return None
        n, anchor, hedged = back
        least, most = age_on(anchor, span[1]), anchor.year - span[0].year  # the day may not have come round
        slack = max(rounding_slack(n), HEDGED_YEARS) if hedged else 0.0
        off = max(least - n, n - most, 0) - slack
        if off <= 0:
            return None
        assert f.counts_from is not None
        true = f"{most}" if least + 1 >= most else f"{least + 1}–{most}"
        message = f"“{f.span.text}” counts back to {f.date.value if f.date else '?'}, but “{f.counts_from.text}” is {true} years before {anchor.isoformat()}"
        return self.finding(
            message, f.span, sides=[(f, "years ago")], suggestion=f"write {most} years ago, or check the year",
            severity="error" if off >= 2 and not hedged else "warning",
        )

    def anniversary(self, f: Frame, published: Optional[date]) -> Optional[Finding]:
        span = interval(f.counts_from)
        marked = interval(f.when)
        day = marked[0] if marked is not None else published
        if span is None or day is None:
            return None
        n = int(f.quantity.value)  # type: ignore[union-attr]
        true = day.year - span[0].year
        off = abs(n - true) - 1
        if off <= 0:
            return None
        assert f.counts_from is not None
        ordinal = _ordinal(true)
        message = f"“{f.span.text}” of “{f.counts_from.text}” falls in {span[0].year + n}, but it is marked in {day.year} (the {ordinal})"
        return self.finding(
            message, f.span, sides=[(f, "anniversary")], suggestion=f"write the {ordinal} anniversary, or check the year",
            severity="error" if off >= 2 else "warning",
        )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
