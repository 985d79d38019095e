"""Timeline rules (CC1xx): dates that contradict each other or the calendar."""

from __future__ import annotations

import re
from collections import Counter
from calendar import monthrange
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Optional

from ..models import Claim, DateValue, Finding, Frame, Person, Span
from .base import CheckContext, Rule, normalize_text
from .helpers import (
    FINE_PRECISIONS,
    MONTHS,
    POINT_PRECISIONS,
    calendar_phrase,
    describe,
    gap_days,
    group_of,
    interval,
    is_firm,
    is_point,
    midpoint,
    same_sentence,
    shift_interval,
)
from .restated import duration_days

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Interval = tuple[date, date]

YEAR_DAYS = duration_days("year")


def months_between(days: int) -> str:
    """A gap in words: ``10 months``, ``3 weeks``, ``2 years``."""
    if days < 60:
        return f"{max(1, round(days / 7))} weeks"
    if days < 700:
        return f"{round(days / duration_days('month'))} months"
    return f"{round(days / YEAR_DAYS)} years"


def claims_in_sentence_of(dv: DateValue, claims: Sequence[Claim]) -> list[Claim]:
    """Claims dated by ``dv``, else the claims of the sentence that contains it."""
    if dv.span is None:
        return []
    dated = [c for c in claims if c.date is not None and c.date.span is not None and c.date.span.start == dv.span.start]
    if dated:
        return dated
    return [
        c
        for c in claims
        if c.sentence_span is not None and c.sentence_span.start <= dv.span.start < c.sentence_span.end
    ]


def date_span(dv: DateValue, fallback: Span) -> Span:
    return dv.span if dv.span is not None else fallback


class EventBeforeOnset(Rule):
    """An event involving a group is dated before the article's own start of that group's involvement.

    ## What it does
    Finds the article's own statement of when a group's involvement began (an
    *onset*, however it is worded: "began fighting", "were deployed", "arrived",
    "joined", "crossed into", "first engaged", "since their deployment … a week
    before these reports"), with the reference time it gives, and flags any
    casualty or event involving the same group that is dated more than a month
    before that start, as interval bounds, not strings. Places are not actors
    ("arrived in Mali" does not make Mali a party), a planned onset ("will join
    next year") is none, and a person's or a nation's start is no group's. A
    group is named by a nationality ("Kenyan police officers") or by a name of
    its own ("the Red Crescent medics"); "the rescue team" names no one.

    ## Why is this bad?
    An article cannot have soldiers die in a battle they only joined ten months
    later. One of the two dates is wrong, usually by a year typed on autopilot.

    ## Example
    ```text
    Kenyan police units arrived in Port-au-Prince in late June 2024, officials said.
    On March 3, 2024, two Kenyan officers were wounded in a gang ambush near the airport.
    ```

    ## Use instead
    ```text
    Kenyan police units arrived in Port-au-Prince in late June 2024, officials said.
    On March 3, 2025, two Kenyan officers were wounded in a gang ambush near the airport.
    ```
    """

    code = "CC101"
    name = "event-before-onset"
    severity = "error"
    groups = ("timeline",)

    #: How far before the onset an event must end to count (onsets are often approximate).
    TOLERANCE = timedelta(days=31)
    #: Older events are background history, not this involvement.
    HORIZON = timedelta(days=3 * 365)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        onsets = self.onsets(ctx.claims, ctx.people)
        mentions = Counter(key for c in ctx.claims for key in set(c.actor_keys))
        hits: dict[str, list[tuple[Claim, str]]] = {}
        for claim in ctx.claims:
            key = self.contradicted_key(claim, onsets, mentions, ctx.frames)
            if key is not None:
                hits.setdefault(claim.sentence, []).append((claim, key))
        for sentence_hits in hits.values():
            claim, key = sentence_hits[0]
            others = [c for c, _ in sentence_hits[1:]]
            yield self.report(claim, onsets[key], key, others, ctx.published)

    def contradicted_key(
        self, claim: Claim, onsets: dict[str, Claim], mentions: Counter, frames: Sequence[Frame] = ()
    ) -> Optional[str]:
        """The actor (most mentioned in the article first) whose onset comes well after ``claim``."""
        if claim.kind not in ("casualty", "event") or getattr(claim, "phase", None) or not is_firm(claim):
            return None
        span = interval(claim.date)
        if span is None or not is_point(claim.date) or claim.date.precision not in POINT_PRECISIONS:
            return None  # "in 2001": a year dates history, not one event of this involvement
        if background(claim, frames) and claim.date.precision != "day":
            return None  # "had trained there in March": backstory; "had clashed with them on March 4" is one event
        keys = set(claim.actor_keys) | ({claim.group_key} if getattr(claim, "group_key", None) else set())
        for key in sorted(keys & set(onsets), key=lambda k: (-mentions[k], k)):
            start = interval(onsets[key].date)[0]  # type: ignore[index]
            if span[1] + self.TOLERANCE < start and start - span[1] <= self.HORIZON:
                return key
        return None

    @staticmethod
    def onsets(claims: Sequence[Claim], people: Sequence[Person] = ()) -> dict[str, Claim]:
        """Per group, the onset claim with the earliest start.

        An onset is stated as fact, not planned ("will join next year"), and starts a
        group's involvement: a person's or a country's start is no group's."""
        names = {p.name.lower() for p in people} | {w.lower() for p in people for w in p.spellings}
        found: dict[str, Claim] = {}
        for c in claims:
            if c.kind != "event" or c.phase != "onset" or not is_firm(c):
                continue
            span = interval(c.date)
            if span is None:
                continue
            for key in c.actor_keys:
                if key in names or " " not in key:  # a person, or a nation named alone ("egypt")
                    continue
                if key not in found or span[0] < interval(found[key].date)[0]:  # type: ignore[index]
                    found[key] = c
        return found

    def report(
        self, claim: Claim, onset: Claim, key: str, others: Sequence[Claim], published: Optional[date]
    ) -> Finding:
        """One finding per sentence: its first contradicted claim, the onset, then the sentence's other claims."""
        assert claim.date is not None and onset.date is not None
        span = interval(claim.date)
        start = interval(onset.date)[0]  # type: ignore[index]
        assert span is not None
        message = (
            f"{describe(claim.date)} is {months_between((start - span[1]).days)} before the involvement of "
            f"{actor_label(onset, key)} began by the article's own account: {describe(onset.date)}"
        )
        shifted = shift_interval(span, 1)
        suggestion = None
        if shifted[1] + self.TOLERANCE >= start and (published is None or shifted[0] <= published):
            suggestion = f"did you mean {calendar_phrase(shifted)}?"
        sides = [(claim, "event"), (onset, "onset")] + [(c, "event") for c in others]
        return self.finding(message, date_span(claim.date, claim.span), sides=sides, suggestion=suggestion)


def actor_label(claim: Claim, key: str) -> str:
    """How the article names the actor behind ``key`` (the key itself as a fallback)."""
    if len(claim.actors) == len(claim.actor_keys) and key in claim.actor_keys:
        return claim.actors[claim.actor_keys.index(key)]
    return key


class DateOutsideFrame(Rule):
    """A date lies far outside the article's time frame, and a year off by one would put it inside.

    ## What it does
    Finds the article's time frame (the tight cluster where most of its dates and
    its publication date fall) and flags an explicitly written date that sits at
    least half a year outside it, is corroborated by no other date, and would land
    next to the frame if its year were one higher or lower. It weighs how the date
    is told: a full day in a main clause reads as the story's news; a date in a
    clause that looks back ("after the union withdrew …", "which began in …", "had
    left"), one that opens its sentence as an anecdote ("In April 1996, …"), a
    bound ("since August 2009") and a sentence that looks back ("a year ago") read
    as background and stay quiet. So does a date the article itself puts that far
    away: a length it gives, other than a year, spans from the date to the story's
    time ("talks resume after a 13-month hiatus"). In an article with history of its
    own, only a strongly told date is reported.

    ## Why is this bad?
    A year typed wrong ("August 2023" in a story about autumn 2024) silently moves
    an event by a year and makes the timeline of the story impossible to follow.

    ## Example
    ```text
    Floodwaters swept through Valencia on October 29, 2024. By early November the toll
    had passed 200, and on November 9, 2023, tens of thousands marched against the response.
    ```

    ## Use instead
    ```text
    Floodwaters swept through Valencia on October 29, 2024. By early November the toll
    had passed 200, and on November 9, 2024, tens of thousands marched against the response.
    ```
    """

    code = "CC102"
    name = "date-outside-frame"
    severity = "warning"
    groups = ("timeline",)

    #: Dates closer than this chain into one cluster.
    LINK_DAYS = 60
    #: The frame is tight: its dates span at most this long.
    MAX_FRAME_DAYS = 180
    #: A candidate sits at least this far outside the frame...
    MIN_OUTSIDE_DAYS = 180
    #: ...and its year-shifted self within this distance of it.
    MAX_SHIFTED_GAP = 90
    MIN_FRAME_POINTS = 3

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        dates = collect_dates(ctx)
        frame = self.frame(dates, ctx.published)
        if frame is None:
            return
        far = [dv for dv in dates if gap_days(interval(dv), frame) >= self.MIN_OUTSIDE_DAYS]  # type: ignore[arg-type]
        shifts = {id(dv): self.best_shift(interval(dv), frame) for dv in far}  # type: ignore[arg-type]
        history = sum(shifts[id(dv)] is None for dv in far)
        for dv in far:
            years = shifts[id(dv)]
            if years is None or dv.relative or dv.precision not in FINE_PRECISIONS or self.corroborated(dv, dates):
                continue
            if not is_point(date_frame(dv, ctx.frames).date if date_frame(dv, ctx.frames) else dv):
                continue  # "since August 2009", "the year to June 2011": a bound, not an event
            if self.distance_told(dv, ctx.frames, ctx.published or frame[1]):
                continue  # "resuming after a 13-month hiatus": the article says how long ago it was
            # an article with history of its own needs more than a weak sign that this is news
            if self.foreground(dv, ctx, frame) >= (2 if history else 1):
                yield self.report(dv, frame, years, ctx.claims)

    #: Conjunctions of a clause that tells what came before: "after the union withdrew …".
    BACKGROUND_CLAUSES = frozenset({"after", "since", "before", "until", "till", "when", "while", "as", "once", "because", "though", "although", "if"})
    #: Adverbs of a verb that tell what came before: "the talks were *last* held in June 2009".
    LOOKING_BACK_ADVERBS = frozenset({"last", "previously", "once", "formerly", "originally", "initially", "first"})
    #: Words of a sentence that looks back: "a year ago", "the previous talks", "its history".
    LOOKING_BACK = re.compile(r"\b(?:ago|previous|previously|former|formerly|history|anniversary|last year|a year earlier|years? before)\b", re.I)

    def foreground(self, dv: DateValue, ctx: CheckContext, frame: Interval) -> int:
        """How strongly the text tells the date as part of the story's news, not its history.

        A full day counts more than a month; a date that times no verb, a clause that
        looks back ("after …", "which …", "had suspended"), a sentence opened by the date
        ("In April 1996, …") or one that looks back ("a year ago") count against it; another
        date of the story's time in the same sentence counts for it."""
        score = 2 if dv.precision in ("day", "time") else 1
        f = date_frame(dv, ctx.frames)
        if f is None:
            return score - 1
        clause = f.predicate.clause
        if clause in self.BACKGROUND_CLAUSES or f.predicate.perfect or set(f.predicate.adverbs) & self.LOOKING_BACK_ADVERBS:
            score -= 2
        elif clause is not None:
            score -= 1
        if f.sentence_span is not None and dv.span is not None and dv.span.start - f.sentence_span.start <= 4:
            score -= 1
        if self.LOOKING_BACK.search(f.sentence):
            score -= 1
        if any(
            other.span is not None and f.sentence_span is not None and other is not dv
            and f.sentence_span.start <= other.span.start < f.sentence_span.end
            and (span := interval(other)) is not None and gap_days(span, frame) == 0
            for other in ctx.dates
        ):
            score += 1
        return score

    def frame(self, dates: Sequence[DateValue], published: Optional[date]) -> Optional[Interval]:
        """The largest tight cluster of fine-grained dates (and the publication date)."""
        points = sorted(
            [midpoint(interval(dv)) for dv in dates if dv.precision in FINE_PRECISIONS]  # type: ignore[arg-type]
            + ([published] if published else [])
        )
        clusters: list[list[date]] = []
        for p in points:
            if clusters and (p - clusters[-1][-1]).days <= self.LINK_DAYS:
                clusters[-1].append(p)
            else:
                clusters.append([p])
        if not clusters:
            return None
        core = max(clusters, key=lambda c: (len(c), published in c, c[-1]))
        if len(core) < self.MIN_FRAME_POINTS or (core[-1] - core[0]).days > self.MAX_FRAME_DAYS:
            return None
        return core[0], core[-1]

    def best_shift(self, span: Interval, frame: Interval) -> Optional[int]:
        """The one-year shift (+1 or -1) that brings ``span`` next to the frame, if any."""
        gaps = {years: gap_days(shift_interval(span, years), frame) for years in (1, -1)}
        years = min(gaps, key=gaps.__getitem__)
        return years if gaps[years] <= self.MAX_SHIFTED_GAP else None

    def corroborated(self, dv: DateValue, dates: Sequence[DateValue]) -> bool:
        """Another date of the article (any precision) falls on or near this one."""
        span = interval(dv)
        assert span is not None
        for other in dates:
            if other is dv or (other.span and dv.span and other.span.start == dv.span.start):
                continue
            if gap_days(interval(other), span) <= self.LINK_DAYS:  # type: ignore[arg-type]
                return True
        return False

    def distance_told(self, dv: DateValue, frames: Sequence[Frame], now: date) -> bool:
        """The article gives a length of time, other than a year, that spans from the date to
        the story's time ("talks resume after a 13-month hiatus" and "walked out in November
        2005" in a December 2006 story): the date is where the article says it is. A year is
        left out, as a year typo is about a year away."""
        span = interval(dv)
        assert span is not None
        distance = (now - midpoint(span)).days
        for f in frames:
            q = f.quantity
            if f.measure.dimension != "duration" or q is None or q.value is None or q.hedge or f.measure.unit is None:
                continue
            unit = duration_days(f.measure.unit)
            days = q.value * unit
            if abs(days - YEAR_DAYS) > unit / 2 and abs(days - distance) <= max(min(unit, 31), 15):
                return True
        return False

    def report(self, dv: DateValue, frame: Interval, years: int, claims: Sequence[Claim]) -> Finding:
        span = interval(dv)
        assert span is not None and dv.span is not None
        shifted = shift_interval(span, years)
        message = (
            f"{describe(dv)} is {months_between(gap_days(span, frame))} away from the rest of the article "
            f"({calendar_phrase(frame)})"
        )
        sides = [(c, "date") for c in claims_in_sentence_of(dv, claims)]
        return self.finding(
            message, dv.span, sides=sides, suggestion=f"did you mean {shifted[0].year}? ({calendar_phrase(shifted)})"
        )


def background(claim: Claim, frames: Sequence[Frame]) -> bool:
    """A claim told as what came before the story: "the troops *had trained* in Germany"."""
    frame = next((f for f in frames if f.id == claim.frame), None) if claim.frame else None
    return frame is not None and frame.predicate.perfect


def date_frame(dv: DateValue, frames: Sequence[Frame]) -> Optional[Frame]:
    """The date frame of a temporal expression: the verb it times, its clause (not the date
    of a named event, "the March 30 election", which times no verb; "since its formation on
    May 3" is in the clause of its verb)."""
    if dv.span is None:
        return None
    return next(
        (
            f for f in frames
            if f.date is not None and f.date.span is not None and f.date.span.start == dv.span.start
            and (f.measure.noun is None or f.predicate.lemma is not None)
        ),
        None,
    )


def collect_dates(ctx: CheckContext) -> list[DateValue]:
    """Every dated interval of the article, once: its temporal expressions and claim dates."""
    seen: set[tuple] = set()
    out: list[DateValue] = []
    for dv in list(ctx.dates) + [d for c in ctx.claims for d in (c.date, c.reported) if d is not None]:
        if interval(dv) is None:
            continue
        key = (dv.span.start, dv.span.end) if dv.span else (dv.text, dv.value)
        if key not in seen:
            seen.add(key)
            out.append(dv)
    return out


def written_points(claims: Sequence[Claim], told: Callable[[Claim], bool]) -> Iterator[tuple[Claim, Interval]]:
    """The claims ``told`` picks, not negated, whose date is a day, week or month written out
    (not resolved from an anchor: "next March"; not a year, a period or a bound: "for 1990",
    "the year to June 2011"), each with its interval: what CC103 and CC109 hold against the
    publication date."""
    for claim in claims:
        span = interval(claim.date)
        if span is None or claim.modality == "negated" or not told(claim):
            continue
        if claim.date.relative or claim.date.precision not in POINT_PRECISIONS or not is_point(claim.date):  # type: ignore[union-attr]
            continue
        yield claim, span


#: "the first nine months", "the first two quarters": a stretch from the start of a year.
_OPENING_STRETCH = re.compile(r"(?:the\s+)?first\s+\S+\s+(months|quarters|weeks)$", re.I)
_STRETCH_MONTHS = {"months": 1, "quarters": 3}


def opening_stretches(frames: Sequence[Frame]) -> Iterator[tuple[Frame, Interval]]:
    """The lengths of time told as the opening stretch of a calendar year ("in the first nine
    months of 2005", "the first two quarters of this year"), each with the dates it covers;
    not a fiscal year's, which may start in any month, nor one whose value is hedged."""
    for f in frames:
        q, when = f.quantity, f.when
        m = _OPENING_STRETCH.fullmatch(f.span.text.strip())
        if m is None or f.measure.dimension != "duration" or q is None or q.value is None or q.hedge or not q.value.is_integer():
            continue
        if when is None or when.precision != "year" or interval(when) is None or f.predicate.negated or f.modality == "negated":
            continue
        if re.search(r"\bfiscal\b|\bfinancial\s+year\b", f.sentence, re.I):
            continue
        start = interval(when)[0]  # type: ignore[index]
        unit = m.group(1).lower()
        if unit == "weeks":
            end = start + timedelta(weeks=int(q.value)) - timedelta(days=1)
        else:
            months = int(q.value) * _STRETCH_MONTHS[unit]
            if months > 12:
                continue
            end = date(start.year, months, monthrange(start.year, months)[1])
        yield f, (start, end)


class FutureEvent(Rule):
    """A past-tense event is dated after the article was published.

    ## What it does
    Flags a claim told in the past tense ("was killed", "arrived") whose explicit
    day, week or month begins after the publication date (a day of slack for
    time zones). Years and halves ("for 1990", "the second half") are left
    alone: they are usually forecasts or periods, not dated events. A stretch
    told from the start of a year ("in the first eleven months of 2023") is
    dated by its end, and flagged when that end is still ahead.

    ## Why is this bad?
    A report cannot describe as done what has not happened yet: either the date
    (often its year) or the tense is wrong.

    ## Example
    ```text
    ---
    date: 2024-05-02
    ---
    The ceasefire collapsed on June 14, 2024, when shelling resumed
    along the river.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-05-02
    ---
    The ceasefire collapsed on April 14, 2024, when shelling resumed
    along the river.
    ```
    """

    code = "CC103"
    name = "future-event"
    severity = "warning"
    groups = ("timeline",)

    SLACK = timedelta(days=1)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.published is None:
            return
        for claim, span in written_points(ctx.claims, lambda c: c.tense == "past"):
            if span[0] > ctx.published + self.SLACK:
                yield self.report(claim, span, ctx.published)
        for frame, span in opening_stretches(ctx.frames):
            if frame.predicate.tense == "past" and span[1] > ctx.published + self.SLACK:
                yield self.report_stretch(frame, span, ctx.published)

    def report_stretch(self, frame: Frame, span: Interval, published: date) -> Finding:
        message = (
            f"“{frame.span.text}” of {span[0].year} end on {calendar_phrase((span[1], span[1]))}, after the publication "
            f"date ({calendar_phrase((published, published))}), yet the sentence tells them as past"
        )
        return self.finding(message, frame.span, sides=[(frame, "stretch")], suggestion="check the length of the stretch, or its year")

    def report(self, claim: Claim, span: Interval, published: date) -> Finding:
        assert claim.date is not None
        earlier = shift_interval(span, -1)
        suggestion = f"did you mean {calendar_phrase(earlier)}?" if earlier[1] <= published else None
        message = (
            f"{describe(claim.date)} is after the publication date ({calendar_phrase((published, published))}), "
            "yet the sentence tells it as past"
        )
        return self.finding(message, date_span(claim.date, claim.span), sides=[(claim, "event")], suggestion=suggestion)


class PastPlan(Rule):
    """A plan or expectation is dated before the article was published.

    ## What it does
    Flags a claim told as still to come ("will open", "is to resume", "plans to
    leave", "before she retires") whose explicitly written day, week or month ended before the
    publication date (a day of slack for time zones). A plan told in the past
    ("was to arrive", "would visit") says nothing about whether its day has come
    and is left alone, as are dates whose year the text does not write.

    ## Why is this bad?
    A report cannot announce as coming what its own date puts in the past: either
    the date (often its year) or the tense is wrong.

    ## Example
    ```text
    ---
    date: 2024-05-02
    ---
    The new bridge will open to traffic on March 18, 2024, the city
    council said.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-05-02
    ---
    The new bridge will open to traffic on March 18, 2025, the city
    council said.
    ```
    """

    code = "CC109"
    name = "past-plan"
    severity = "warning"
    groups = ("timeline",)

    SLACK = timedelta(days=1)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.published is None:
            return
        for claim, span in written_points(ctx.claims, lambda c: c.ahead):
            if span[1] < ctx.published - self.SLACK:
                yield self.report(claim, span, ctx.published)

    def report(self, claim: Claim, span: Interval, published: date) -> Finding:
        assert claim.date is not None
        later = shift_interval(span, 1)
        suggestion = f"did you mean {calendar_phrase(later)}?" if later[0] >= published else None
        message = (
            f"{describe(claim.date)} is before the publication date ({calendar_phrase((published, published))}), "
            "yet the sentence tells it as still to come"
        )
        return self.finding(message, date_span(claim.date, claim.span), sides=[(claim, "plan")], suggestion=suggestion)


class WeekdayMismatch(Rule):
    """A date is given with a weekday it did not fall on.

    ## What it does
    Checks every date written with its weekday ("Monday, December 14, 2023")
    against the calendar. Off by two or more days is an error; off by one is a
    warning (a story filed across time zones can be a day apart); when the year
    was not written and had to be inferred, the finding is at most a warning.

    ## Why is this bad?
    Readers and editors use the weekday to place events; a mismatch means the
    day, the month or the year is wrong, and nothing tells which.

    ## Example
    ```text
    The talks resumed on Monday, March 14, 2024, in Doha.
    ```

    ## Use instead
    ```text
    The talks resumed on Thursday, March 14, 2024, in Doha.
    ```
    """

    code = "CC104"
    name = "weekday-mismatch"
    severity = "error"
    groups = ("timeline",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for dv in collect_weekday_dates(ctx):
            span = interval(dv)
            if span is None or span[0] != span[1] or dv.weekday is None or dv.span is None:
                continue
            actual = span[0].weekday()
            off = min((dv.weekday - actual) % 7, (actual - dv.weekday) % 7)
            if off == 0:
                continue
            severity = "error" if off >= 2 and not dv.relative else "warning"
            message = (
                f"{describe(dv)} says {WEEKDAYS[dv.weekday]}, but {calendar_phrase(span)} "
                f"was a {WEEKDAYS[actual]}"
            )
            yield self.finding(
                message,
                dv.span,
                sides=[(c, "date") for c in claims_in_sentence_of(dv, ctx.claims)],
                suggestion=f"{calendar_phrase(span)} was a {WEEKDAYS[actual]}",
                severity=severity,
            )


def collect_weekday_dates(ctx: CheckContext) -> list[DateValue]:
    return [dv for dv in collect_dates(ctx) if dv.weekday is not None]


class RelativeDateConflict(Rule):
    """A relative date ("last week") and an explicit date disagree about the same event.

    ## What it does
    Pairs claims that describe the same happening (the same event phrase and
    actors, or the same casualty figure for the same group) where one is dated
    relatively ("on Tuesday", "last week") and the other explicitly, both to a
    day, week or month, and flags the pair when the resolved dates are more
    than a day apart.

    ## Why is this bad?
    The reader cannot tell which of the two dates is right; usually the relative
    date was written for an earlier version of the story and never updated.

    ## Example
    ```text
    ---
    date: 2024-03-15
    ---
    Last week, 14 miners were killed in a collapse in Zamfara.
    Rescuers said the 14 miners were killed on February 20, 2024.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-03-15
    ---
    Last week, 14 miners were killed in a collapse in Zamfara.
    Rescuers said the 14 miners were killed on March 7, 2024.
    ```
    """

    code = "CC105"
    name = "relative-date-conflict"
    severity = "warning"
    groups = ("timeline",)

    #: Days of slack: a day across time zones is not a conflict.
    SLACK_DAYS = 1

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        dated = [
            c
            for c in ctx.claims
            if interval(c.date) is not None and c.date.precision in POINT_PRECISIONS and is_firm(c) and is_point(c.date)  # type: ignore[union-attr]
        ]
        relative = [c for c in dated if c.date.relative]  # type: ignore[union-attr]
        explicit = [c for c in dated if not c.date.relative]  # type: ignore[union-attr]
        for rel in relative:
            for exp in explicit:
                if not same_happening(rel, exp) or same_sentence(rel, exp):
                    continue  # one sentence with two dates: a time and a period ("Tuesday … since July 2014")
                gap = gap_days(interval(rel.date), interval(exp.date))  # type: ignore[arg-type]
                if gap > self.SLACK_DAYS:
                    yield self.report(rel, exp)
                    break

    def report(self, rel: Claim, exp: Claim) -> Finding:
        assert rel.date is not None and exp.date is not None
        message = f"{describe(rel.date)} contradicts {describe(exp.date)} given for the same event"
        return self.finding(
            message,
            date_span(rel.date, rel.span),
            sides=[(rel, "relative date"), (exp, "explicit date")],
            suggestion=f"did you mean {exp.date.text}?",
        )


def same_happening(a: Claim, b: Claim) -> bool:
    """Two claims that describe one happening: same event phrase and actors, or same toll."""
    if a.kind == b.kind == "event":
        return normalize_text(a.what) == normalize_text(b.what) and set(a.actor_keys) == set(b.actor_keys)  # type: ignore[union-attr]
    if a.kind == b.kind == "casualty":
        return (
            group_of(a) is not None
            and group_of(a) == group_of(b)
            and a.outcome == b.outcome  # type: ignore[union-attr]
            and a.quantity.value is not None  # type: ignore[union-attr]
            and a.quantity.value == b.quantity.value  # type: ignore[union-attr]
        )
    return False



class ImpossibleDate(Rule):
    """A date names a day its month does not have.

    ## What it does
    Flags a date whose day its month lacks: April, June, September or November
    31, February 30 or 31, February 29 of a year that is not a leap year, day 0
    or 32. The year is the one written, else the one the article implies for
    the month (the nearest such month to the publication date, tense
    considered). February 29 of an implied year is only a warning: the article
    may mean a leap year further back. A number after a month that counts
    something ("in April 31 people died") is no day and is left alone.

    ## Why is this bad?
    No such day exists, so the reader cannot tell when the event happened: the
    day or the month was mistyped, and nothing tells which.

    ## Example
    ```text
    The two presidents met in Geneva on June 31, 2005, to sign the border accord.
    ```

    ## Use instead
    ```text
    The two presidents met in Geneva on June 30, 2005, to sign the border accord.
    ```
    """

    code = "CC106"
    name = "impossible-date"
    severity = "error"
    groups = ("timeline",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for dv in ctx.dates:
            parts = calendar_parts(dv.value) if dv.impossible and dv.span is not None else None
            if parts is None:
                continue
            year, month, day = parts
            name = MONTHS[month - 1]
            if year is None:
                message = f"{describe(dv)} is no calendar day: {name} never has {day} days"
            else:
                length = monthrange(year, month)[1]
                implied = " (the year the article implies)" if dv.relative else ""
                leap = f", {year} is not a leap year" if month == 2 and day == 29 else ""
                message = f"“{dv.text}” is no calendar day: {name} {year}{implied} has {length} days{leap}"
            severity = "warning" if (month, day) == (2, 29) and dv.relative else "error"
            assert dv.span is not None
            yield self.finding(message, dv.span, sides=date_sides([(dv, "date")], ctx),
                               suggestion="check the day and the month", severity=severity)


def date_sides(dates: Sequence[tuple[DateValue, str]], ctx: CheckContext) -> list[tuple[Frame | Claim, str]]:
    """The evidence for findings on dates: their date frames, else the claims of the first one's sentence."""
    sides: list[tuple[Frame | Claim, str]] = [(f, role) for dv, role in dates if (f := date_frame(dv, ctx.frames)) is not None]
    return sides or [(c, "date") for c in claims_in_sentence_of(dates[0][0], ctx.claims)]


def calendar_parts(value: str) -> Optional[tuple[Optional[int], int, int]]:
    """(year or None, month, day) of a TIMEX3 day value: ``2005-04-31``, ``XXXX-02-30``."""
    m = re.fullmatch(r"(\d{4}|XXXX)-(\d{2})-(\d{2})", value)
    if m is None or not 1 <= int(m[2]) <= 12:
        return None
    return (None if m[1] == "XXXX" else int(m[1])), int(m[2]), int(m[3])


class InvertedRange(Rule):
    """A range of dates ends before it begins.

    ## What it does
    Reads the ranges the article writes between two dates ("from May 3 to May
    8", "between 2005 and 2007", "Nov. 15-17", "2006-2010") and flags one whose
    end comes before its start. A year left out is read from the other end, and
    a range that plainly runs over the new year ("from December to February",
    "from Dec. 20 to Jan. 5", "from April 1 to March 31") runs into the next;
    "from X to Y" that tells a change ("postponed from May 3 to April 28",
    "fell from 2010 to 2008") is no range. Ends whose years are written, or
    that fall in one month, are an error; ends in two months whose years the
    article leaves out are a warning.

    ## Why is this bad?
    A stretch of time cannot end before it starts: the two ends were swapped or
    one of them is mistyped, and the reader cannot tell how long it lasted.

    ## Example
    ```text
    ---
    date: 2023-08-02
    ---
    The festival ran from July 14 to July 9 in the old harbour of Marseille.
    ```

    ## Use instead
    ```text
    ---
    date: 2023-08-02
    ---
    The festival ran from July 9 to July 14 in the old harbour of Marseille.
    ```
    """

    code = "CC107"
    name = "inverted-range"
    severity = "error"
    groups = ("timeline",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_start = {dv.span.start: dv for dv in ctx.dates if dv.span is not None}
        for first in ctx.dates:
            if first.range_role != "start" or first.range_with is None or first.span is None:
                continue
            last = by_start.get(first.range_with.start)
            begin, end = interval(first), interval(last)
            if last is None or begin is None or end is None or not end[1] < begin[0]:
                continue
            one_month = len(first.value) >= 7 and first.value[:7] == last.value[:7]
            severity = "error" if not (first.relative or last.relative) or one_month else "warning"
            message = f"the range from {describe(first)} to {describe(last)} ends before it begins"
            sides = date_sides([(first, "start"), (last, "end")], ctx)
            yield self.finding(message, first.span, sides=sides, suggestion="are the two ends swapped?", severity=severity)
