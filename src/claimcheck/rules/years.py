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
from .helpers import interval

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
    if f.about_via != "name":
        return False
    near = [m for m in person.mentions if m.sentence_span is not None and f.sentence_span is not None and m.sentence_span.start == f.sentence_span.start]
    if not near:
        return False
    mention = min(near, key=lambda m: abs(m.span.start - f.span.start))
    words = set(name_words(mention.text))
    return any(p is not person and words <= set(name_words(p.name)) for p in people)


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
    "Ruiz, 49,", "the 49-year-old" (resolved to the latest person it fits, and
    when no one has that age, to the latest person who fits otherwise), "a
    52-year-old teacher, Ana Lim" — and the dates of birth it states ("born in
    1972", "born on March 3, 1970"). Two ages of one person that differ, or an
    age that the birth date and the publication date rule out (with a year of
    birth alone, either side of the birthday is allowed), are reported. Ages two
    years or more apart, each set beside the person's name, are errors; a year
    apart, or through a description, warnings (a birthday may fall between; a
    description resolved a year off is only an info). An
    age told of another time ("the then 30-year-old", "Ruiz, then 26,", an age in
    a clause dated a year or more before the story) and an age beside a surname
    two people share are left alone.

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
            yield from self.two_ages(name, frames)
            birth = births.get(name)
            if birth is not None and ctx.published is not None:
                yield from self.against_birth(name, frames, birth, ctx.published)

    def two_ages(self, name: str, frames: list[Frame]) -> Iterator[Finding]:
        """Each age that differs from the first one the article gives the person."""
        first = frames[0]
        for f in frames[1:]:
            a, b = first.quantity.value, f.quantity.value  # type: ignore[union-attr]
            if a == b or a is None or b is None:
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
