"""Number rules (CC2xx): figures of one article that cannot all be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Optional, Union

from ..models import CasualtyClaim, Claim, Excerpt, Finding, ForceSizeClaim, Frame, Quantity, Severity
from .base import CheckContext, Rule
from .restated import bounds
from .helpers import (
    calendar_phrase,
    describe,
    group_of,
    is_exact,
    is_firm,
    lower_bound,
    number,
    report_time,
    same_sentence,
    same_time,
    sources_agree,
    upper_bound,
)

Figure = Union[CasualtyClaim, ForceSizeClaim]

OUTCOME_WORDS = {
    "killed": "killed",
    "wounded": "wounded",
    "killed_or_wounded": "killed or wounded",
    "missing": "missing",
    "captured": "captured",
    "affected": "affected",
}


def figures(claims: Sequence[Claim]) -> list[Figure]:
    """Casualty and force-size claims stated as fact."""
    return [c for c in claims if isinstance(c, (CasualtyClaim, ForceSizeClaim)) and is_firm(c)]


def metric(claim: Figure) -> tuple[str, ...]:
    """What a figure counts, beyond its group: the outcome or the deployment action."""
    if isinstance(claim, CasualtyClaim):
        return ("casualty", claim.outcome, str(claim.cumulative), claim.part_of or "")
    return ("force_size", claim.action)


def what_is_counted(claim: Figure) -> str:
    """The figure's subject in the article's words: ``Kenyan police officers killed``."""
    group = claim.group or claim.group_key or claim.quantity.noun or "people"
    if isinstance(claim, CasualtyClaim):
        return f"{group} {OUTCOME_WORDS[claim.outcome]}"
    return f"{group} {claim.action}"


def quoted(claim: Claim) -> str:
    return f"“{claim.span.text}”"


class CountConflict(Rule):
    """The same figure (same group, metric and time) is given two different exact values.

    ## What it does
    Compares every pair of casualty or force-size figures that count the same
    group, the same outcome or deployment, for the same date, from the same
    source (or no named source), in different sentences. Both must be exact and
    stated as fact: hedged ("about", "at least"), estimated or speculative figures,
    figures for other groups or other dates, and two sources disagreeing are not
    conflicts.

    ## Why is this bad?
    The article states two values for one fact; at least one is wrong, and the
    reader cannot tell which.

    ## Example
    ```text
    On Monday, 14 police officers were killed in the ambush in Zamfara, the governor said.
    The governor later visited the families of the 12 police officers killed on Monday.
    ```

    ## Use instead
    ```text
    On Monday, 14 police officers were killed in the ambush in Zamfara, the governor said.
    The governor later visited the families of the 14 police officers killed on Monday.
    ```
    """

    code = "CC201"
    name = "count-conflict"
    severity = "error"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        exact = [c for c in figures(ctx.claims) if group_of(c) and is_exact(c.quantity)]
        for a, b in combinations(exact, 2):
            if (
                group_of(a) == group_of(b)
                and metric(a) == metric(b)
                and a.quantity.value != b.quantity.value
                and same_time(a, b)
                and not same_sentence(a, b)
                and sources_agree(a, b)
            ):
                yield self.report(a, b)

    def report(self, a: Figure, b: Figure) -> Finding:
        assert a.date is not None and a.quantity.value is not None and b.quantity.value is not None
        message = (
            f"two counts of {what_is_counted(a)} for {describe(a.date)}: "
            f"{number(a.quantity.value)} in {quoted(a)} and {number(b.quantity.value)} in {quoted(b)}"
        )
        return self.finding(message, b.span, sides=[(a, "first figure"), (b, "second figure")])


class CumulativeDecrease(Rule):
    """A running total (deaths, casualties) falls between an earlier and a later report.

    ## What it does
    Orders the running totals of one group and outcome ("the toll rose to 40") by
    the date each was reported and flags a later total that is certainly lower
    than an earlier one: the later figure's upper bound is below the earlier
    figure's lower bound. Totals in one sentence ("revised to 38 from 40") and
    totals from different sources are left alone.

    ## Why is this bad?
    A count of the dead cannot shrink unless it was corrected; an article that
    does not say so leaves the reader with two incompatible tolls.

    ## Example
    ```text
    ---
    date: 2024-05-10
    ---
    By Tuesday the death toll from the floods in Bahia had risen to 40, state officials said.
    By Thursday the death toll from the floods in Bahia had risen to 31, state officials said.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-05-10
    ---
    By Tuesday the death toll from the floods in Bahia had risen to 40, state officials said.
    By Thursday the death toll from the floods in Bahia had risen to 51, state officials said.
    ```
    """

    code = "CC202"
    name = "cumulative-decrease"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        totals = [
            c
            for c in figures(ctx.claims)
            if isinstance(c, CasualtyClaim) and c.cumulative and group_of(c) and report_time(c) is not None
        ]
        for a, b in combinations(totals, 2):
            if group_of(a) != group_of(b) or a.outcome != b.outcome or same_sentence(a, b) or not sources_agree(a, b):
                continue
            ta, tb = report_time(a), report_time(b)
            assert ta is not None and tb is not None
            earlier, later = (a, b) if ta[1] < tb[0] else (b, a) if tb[1] < ta[0] else (None, None)
            if earlier is None or later is None:
                continue
            low, high = lower_bound(earlier.quantity), upper_bound(later.quantity)
            if low is not None and high is not None and high < low:
                yield self.report(earlier, later)

    def report(self, earlier: CasualtyClaim, later: CasualtyClaim) -> Finding:
        te, tl = report_time(earlier), report_time(later)
        assert te is not None and tl is not None
        message = (
            f"the running total of {what_is_counted(later)} falls from {earlier.quantity.text} "
            f"({calendar_phrase(te)}) to {later.quantity.text} ({calendar_phrase(tl)})"
        )
        return self.finding(
            message,
            later.span,
            sides=[(earlier, "earlier report"), (later, "later report")],
            suggestion="say that the toll was revised, or check the figures",
        )


class PartExceedsWhole(Rule):
    """A part is larger than its whole: a listed part than its total, the killed than the killed or wounded.

    ## What it does
    Flags a figure that is larger than a figure that must contain it: a part
    the article gives of a total ("nearly 50 people, including 70 children",
    "nine of them", "three of the 12 victims", "12 people: 15 soldiers and …"),
    of anything counted or of a sum of money; the killed or the wounded of a
    group outnumbering its killed-or-wounded; or a group's casualties
    outnumbering the whole force. Pairs other than a stated part must be for
    the same group and the same date, or in one sentence.

    A part certainly larger than its total is an error ("15 people, including
    20 Americans"; "nearly 50 people, including 70 children"). When the total
    is only a floor or an estimate ("at least 4 people, including 8
    foreigners", "about 100, including 105"), the part could fit, but the
    total reads wrong: a warning.

    ## Why is this bad?
    A part cannot be larger than its whole; one of the figures is wrong.

    ## Example
    ```text
    Fifteen people were killed in the bombing of the market, including 20 children.
    ```

    ## Use instead
    ```text
    Fifteen people were killed in the bombing of the market, including 10 children.
    ```
    """

    code = "CC203"
    name = "part-exceeds-whole"
    severity = "error"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_id = {f.id: f for f in ctx.frames}
        for part in ctx.frames:
            whole = by_id.get(part.part_of) if part.part_of else None
            if whole is None or not stated_part(part) or not stated_part(whole):
                continue
            severity = part_excess(part, whole)
            if severity is not None:
                yield self.report_part(part, whole, severity)
        facts = figures(ctx.claims)
        for part, whole in combinations_in_order(facts):
            if getattr(part, "part_of", None) == whole.id or not group_of(part) or group_of(part) != group_of(whole):
                continue
            if (same_time(part, whole) or same_sentence(part, whole)) and exceeds(part, whole):
                yield self.report(part, whole)

    def report_part(self, part: Frame, whole: Frame, severity: Severity) -> Finding:
        assert part.quantity is not None and whole.quantity is not None
        text = part.quantity.text if part.span.start <= whole.span.start < part.span.end else part.span.text  # "Eleven of the nine miners"
        message = f"“{text}” is more than the {figure_words(whole)} it is part of (“{whole.span.text}”)"
        if severity == "warning":
            message += f"; “{whole.quantity.text}” allows it only as a floor or an estimate"
        return self.finding(
            message,
            part.span,
            sides=[(part, "part"), (whole, "whole")],
            suggestion="check the part and the total",
            severity=severity,
        )

    def report(self, part: Figure, whole: Figure) -> Finding:
        message = (
            f"{part.quantity.text} {what_is_counted(part)} ({quoted(part)}) is more than "
            f"{whole.quantity.text} {what_is_counted(whole)} ({quoted(whole)})"
        )
        return self.finding(message, part.span, sides=[(part, "part"), (whole, "whole")])


def stated_part(f: Frame) -> bool:
    """A figure that takes part in a part-of relation as stated: not negated or superseded."""
    return f.quantity is not None and not f.predicate.negated and f.modality != "negated" and not f.compared


def extent(q: Quantity) -> Optional[tuple[float, float, bool, bool]]:
    """``(low, high, low_open, high_open)``: what a figure allows as written — its value when
    it is not hedged (a total and its parts are one writer's arithmetic, so a round number
    has no slack here), its bounds when it is ("at least 4", "nearly 50"), some slack when
    it is an estimate ("about 100")."""
    if q.value is not None and q.low is None and q.high is None and not q.approximate and not q.hedge:
        return q.value, q.value, False, False
    return bounds(q)


def above(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """Everything ``a`` allows is above everything ``b`` allows."""
    return a[0] > b[1] or a[0] == b[1] and (a[2] or b[3])


def part_excess(part: Frame, whole: Frame) -> Optional[Severity]:
    """``error`` when a part is certainly larger than its total, ``warning`` when it is larger
    than the total as written but the total is only a floor or an estimate."""
    assert part.quantity is not None and whole.quantity is not None
    p, w = extent(part.quantity), extent(whole.quantity)
    if p is None or w is None:
        return None
    if above(p, w):
        return "error"
    stated = whole.quantity.low if whole.quantity.low is not None and whole.quantity.high is None else whole.quantity.value
    if stated is not None and (p[0] > stated or p[0] == stated and p[2]):
        return "warning"
    return None


def figure_words(f: Frame) -> str:
    """What a figure counts, in a few words: "people", "total"."""
    if f.measure.dimension == "money":
        return "sum"
    return "total"


def contains(whole: Figure, part: Figure) -> bool:
    """Whether ``whole`` counts a superset of what ``part`` counts (same group assumed)."""
    if isinstance(part, CasualtyClaim) and isinstance(whole, CasualtyClaim):
        return whole.outcome == "killed_or_wounded" and part.outcome in ("killed", "wounded")
    if isinstance(part, CasualtyClaim) and isinstance(whole, ForceSizeClaim):
        return whole.action in ("deployed", "stationed", "present") and part.outcome != "affected"
    return False


def combinations_in_order(facts: Sequence[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """Every (part, whole) pair where ``whole`` can contain ``part``."""
    for a in facts:
        for b in facts:
            if a is not b and contains(b, a):
                yield a, b


def exceeds(part: Figure, whole: Figure) -> bool:
    low, high = lower_bound(part.quantity), upper_bound(whole.quantity)
    return low is not None and high is not None and low > high


class SumMismatch(Rule):
    """The parts of a total add up to more than it, or a full breakdown to less.

    ## What it does
    Adds the parts the article lists together for one total and compares the
    sum with the total. Parts given as some of it ("12 were killed, including
    seven soldiers and eight police officers"; "they included …") may leave
    some out, so only a sum above the total is reported: an error when it is
    certainly above, a warning when the total is only a floor or an estimate.
    A breakdown that gives all of it ("12 people: five soldiers, four police
    officers and two civilians"; "the 12 victims were …") must add up: a sum
    above the total is an error, a sum below it a warning (a part may have
    been left out of the list). So must a list the text adds up itself, its
    total last ("40 tonnes of coffee, 25 of cocoa and 10 of tea, for a total of
    75 tonnes"; "…, totaling 12 defects"), in counts, money and measures. A
    single part above the total is CC203's.

    ## Why is this bad?
    Either a part or the total is wrong, or the categories overlap without
    saying so; both confuse the reader.

    ## Example
    ```text
    The ferry sank with 30 passengers on board: 14 women, 9 men and 11 children.
    ```

    ## Use instead
    ```text
    The ferry sank with 34 passengers on board: 14 women, 9 men and 11 children.
    ```
    """

    code = "CC204"
    name = "sum-mismatch"
    severity = "error"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_id = {f.id: f for f in ctx.frames}
        lists: dict[tuple[str, int], list[Frame]] = defaultdict(list)
        for f in ctx.frames:
            if f.part_of in by_id and stated_part(f):
                lists[(f.part_of, f.where.sentence)].append(f)  # type: ignore[index]
        for (whole_id, _), parts in lists.items():
            whole = by_id[whole_id]
            if len(parts) < 2 or not stated_part(whole) or any(part_excess(p, whole) for p in parts):
                continue
            found = self.mismatch(whole, parts)
            if found is not None:
                yield self.report(whole, parts, *found)

    @staticmethod
    def mismatch(whole: Frame, parts: Sequence[Frame]) -> Optional[tuple[str, Severity]]:
        """``("above" | "below", severity)`` when the parts' sum does not fit the total."""
        assert whole.quantity is not None
        w = extent(whole.quantity)
        ranges = [extent(p.quantity) for p in parts if p.quantity is not None]
        if w is None or len(ranges) != len(parts) or any(r is None for r in ranges):
            return None
        low = sum(r[0] for r in ranges)  # type: ignore[index]
        high = sum(r[1] for r in ranges)  # type: ignore[index]
        total = (low, high, any(r[2] for r in ranges), any(r[3] for r in ranges))  # type: ignore[index]
        if above(total, w):
            return "above", "error"
        stated = whole.quantity.low if whole.quantity.low is not None and whole.quantity.high is None else whole.quantity.value
        if stated is not None and low > stated:
            return "above", "warning"
        if all(p.exhaustive for p in parts) and above(w, total):
            return "below", "warning"
        return None

    def report(self, whole: Frame, parts: Sequence[Frame], side: str, severity: Severity) -> Finding:
        assert whole.quantity is not None
        values = [p.quantity.value for p in parts if p.quantity is not None and p.quantity.value is not None]
        listed = " + ".join(p.quantity.text for p in parts if p.quantity is not None)
        total = f"{number(sum(values))}" if len(values) == len(parts) else "more"
        relation = "more than" if side == "above" else "fewer than"
        stated = number(whole.quantity.value) if whole.quantity.value is not None and not whole.quantity.hedge else whole.quantity.text
        message = f"the parts of “{whole.span.text}” add up to {total} ({listed}), {relation} {stated}"
        sides = [(whole, "total")] + [(p, "part") for p in parts]
        suggestion = "check the total and each part" if side == "above" else "check the total, each part, and whether a part is missing"
        return self.finding(message, whole.span, sides=sides, suggestion=suggestion, severity=severity)


class ListCountMismatch(Rule):
    """A count does not match the things it names one by one.

    ## What it does
    Finds a count followed by the things it counts, named one at a time: in
    apposition ("two hikers, a guide and her client, were found") or after a
    verb of listing ("the three new cases involve a teacher and a nurse"). When each thing
    named is one thing (a singular noun or a name) and the list is joined by
    "and", the number named must be the count. Hedged counts ("at least three"),
    lists that give only some ("including", "such as") and lists with counts of
    their own ("a cook and two waiters") are left alone.

    ## Why is this bad?
    The count or the list is wrong: a name was dropped, or the number was
    changed without the list.

    ## Example
    ```text
    Four climbers, a guide and his client, were rescued from the ridge on Tuesday.
    ```

    ## Use instead
    ```text
    Two climbers, a guide and his client, were rescued from the ridge on Tuesday.
    ```
    """

    code = "CC207"
    name = "list-count-mismatch"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for f in ctx.frames:
            q = f.quantity
            if not f.members or f.compared or not is_exact(q) or q is None or q.value is None:
                continue
            if q.value != len(f.members):
                yield self.report(f)

    def report(self, f: Frame) -> Finding:
        assert f.quantity is not None
        names = [f"“{m.text}”" for m in f.members]
        listed = ", ".join(names[:-1]) + " and " + names[-1]
        message = f"“{f.span.text}” names {len(f.members)}, not {number(f.quantity.value or 0)}: {listed}"
        finding = self.finding(message, f.span, sides=[(f, "count")], suggestion="check the count and the list")
        finding.excerpts += [Excerpt(claim=f.id, role="named", span=m) for m in f.members]
        return finding
