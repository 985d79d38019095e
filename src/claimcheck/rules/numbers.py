"""Number rules (CC2xx): figures of one article that cannot all be true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Optional, Union

from ..models import CasualtyClaim, Claim, Finding, ForceSizeClaim
from .base import CheckContext, Rule
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
    """A part exceeds its whole (killed > killed-or-wounded; casualties > force size).

    ## What it does
    Flags a figure that is certainly larger than a figure that must contain it:
    a component larger than the total it is part of ("including 12 Americans"),
    the killed or the wounded of a group outnumbering its killed-or-wounded, or
    a group's casualties outnumbering the whole force. Pairs other than an
    explicit part-of link must be for the same group and the same date, or in
    one sentence; the part's lower bound must exceed the whole's upper bound.

    ## Why is this bad?
    A part cannot be larger than its whole; one of the figures is wrong.

    ## Example
    ```text
    The army said 1,200 soldiers were deployed to the border region on Friday.
    On Friday, 1,500 soldiers were killed or wounded in the fighting.
    ```

    ## Use instead
    ```text
    The army said 1,200 soldiers were deployed to the border region on Friday.
    On Friday, 150 soldiers were killed or wounded in the fighting.
    ```
    """

    code = "CC203"
    name = "part-exceeds-whole"
    severity = "error"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = figures(ctx.claims)
        by_id = {c.id: c for c in facts}
        for part in facts:
            whole = by_id.get(part.part_of) if isinstance(part, CasualtyClaim) and part.part_of else None
            if whole is not None and exceeds(part, whole):
                yield self.report(part, whole)
        for part, whole in combinations_in_order(facts):
            if getattr(part, "part_of", None) == whole.id or not group_of(part) or group_of(part) != group_of(whole):
                continue
            if (same_time(part, whole) or same_sentence(part, whole)) and exceeds(part, whole):
                yield self.report(part, whole)

    def report(self, part: Figure, whole: Figure) -> Finding:
        message = (
            f"{part.quantity.text} {what_is_counted(part)} ({quoted(part)}) is more than "
            f"{whole.quantity.text} {what_is_counted(whole)} ({quoted(whole)})"
        )
        return self.finding(message, part.span, sides=[(part, "part"), (whole, "whole")])


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
    """Stated components add up to more than their stated total.

    ## What it does
    Adds the exact figures the article gives as components of one exact total
    ("12 were killed, including 7 soldiers and 8 police officers") and flags the
    total when the components add up to more. Components may be partial, so a
    sum below the total is fine; a single component above the total is CC203.

    ## Why is this bad?
    Either a component or the total is wrong, or the categories overlap without
    saying so; both confuse the reader.

    ## Example
    ```text
    Twelve people were killed in the blast, including seven soldiers and eight police officers.
    ```

    ## Use instead
    ```text
    Fifteen people were killed in the blast, including seven soldiers and eight police officers.
    ```
    """

    code = "CC204"
    name = "sum-mismatch"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = figures(ctx.claims)
        by_id = {c.id: c for c in facts}
        parts: dict[str, list[CasualtyClaim]] = defaultdict(list)
        for c in facts:
            if isinstance(c, CasualtyClaim) and c.part_of in by_id:
                parts[c.part_of].append(c)  # type: ignore[index]
        for whole_id, components in parts.items():
            whole = by_id[whole_id]
            total = self.excess(whole, components)
            if total is not None:
                yield self.report(whole, components, total)

    @staticmethod
    def excess(whole: Figure, components: Sequence[CasualtyClaim]) -> Optional[float]:
        """The components' sum when it is certainly above the total (None otherwise)."""
        if len(components) < 2 or not is_exact(whole.quantity) or not all(is_exact(c.quantity) for c in components):
            return None
        values = [c.quantity.value for c in components]
        assert whole.quantity.value is not None and all(v is not None for v in values)
        total = sum(values)  # type: ignore[arg-type]
        if total > whole.quantity.value and max(values) <= whole.quantity.value:  # type: ignore[type-var]
            return total
        return None

    def report(self, whole: Figure, components: Sequence[CasualtyClaim], total: float) -> Finding:
        assert whole.quantity.value is not None
        listed = " + ".join(c.quantity.text for c in components)
        message = (
            f"the components of {whole.quantity.text} {what_is_counted(whole)} add up to {number(total)} "
            f"({listed})"
        )
        sides = [(whole, "total")] + [(c, "component") for c in components]
        return self.finding(message, whole.span, sides=sides, suggestion="check the total and each component")

