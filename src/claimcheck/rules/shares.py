"""Shares (CC206): a percentage or fraction that does not match the counts it restates.

The frames say which count a share restates and which total it is a share of
("1,200, or 40 percent, of the 3,000 voters": ``share_count`` and ``share_of``).
Here the arithmetic: the count over the total, with the slack of how each figure
is written (a round "1,200" may stand for 1,150; "40 percent" for 39.5 or, cut
off, 40.9; "a third" is loose), must meet the share as stated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Optional

from ..models import Finding, Frame, Quantity, Severity
from .base import CheckContext, Rule
from .numbers import part_excess, stated_part
from .restated import bounds, change_verbs, people_nouns, rounding_slack

#: A fraction ("a third", "two-thirds") stands for this share of its value either way.
FRACTION_SLACK = 0.1
#: Beyond this much more slack (points, and share of the value) a mismatch is certain.
CERTAIN_POINTS = 2.0
CERTAIN_SHARE = 0.15

Interval = tuple[float, float]


def decimals(text: str) -> int:
    """Decimal places of the number in a percentage as written: "12.5 percent" → 1."""
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".").strip(".")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def stated_share(share: Frame, widen: float = 0.0) -> Optional[Interval]:
    """The percentages a written share allows: a percentage one unit of its last digit either way
    (rounded or cut off), a fraction some slack, a hedge its bounds; ``widen`` adds that share of
    the value (and at least ``CERTAIN_POINTS``) either way."""
    q = share.quantity
    if q is None or q.value is None:
        return None
    scale = 100.0 if share.measure.dimension == "fraction" else 1.0
    value = q.value * scale
    if share.measure.dimension == "fraction":
        slack = value * FRACTION_SLACK
    else:
        slack = 10.0 ** -decimals(q.text)
    if widen:
        slack = max(slack + value * widen, CERTAIN_POINTS)
    if q.hedge or q.approximate or q.low is not None or q.high is not None:
        b = bounds(q)
        if b is None:
            return None
        return b[0] * scale - slack, b[1] * scale + slack
    return value - slack, value + slack


def written(q: Quantity) -> Optional[Interval]:
    """The values a count allows as written: a count that ends in two zeros or more ("1,200",
    "12,000") may be rounded (half a unit of its last significant digit, a tenth of it at most);
    one with fewer is exact ("41", "120"); a hedge or an estimate has its bounds."""
    v = q.value
    exact = v is not None and not q.hedge and not q.approximate and q.low in (None, v) and q.high in (None, v)
    if exact:
        assert v is not None
        digits = str(int(abs(v))) if float(v).is_integer() else ""
        slack = rounding_slack(v) if digits and len(digits) - len(digits.rstrip("0")) >= 2 else 0.0
        return v - slack, v + slack
    b = bounds(q)
    return (b[0], b[1]) if b is not None else None


def count_share(count: Quantity, whole: Quantity) -> Optional[Interval]:
    """The percentages a count of a total allows, with the slack of how both are written."""
    c, w = written(count), written(whole)
    if c is None or w is None or w[0] <= 0:
        return None
    return 100.0 * c[0] / w[1], 100.0 * c[1] / w[0]


def meets(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class ShareMismatch(Rule):
    """A percentage or fraction does not match the counts it restates.

    ## What it does
    Checks a share the article gives together with its count and total — "N,
    or P percent, of M", "N of M (P percent)", "N out of M, or P percent", "P
    percent of the M voters, or N", "a third, or N, of the M workers" —
    against N divided by M. Each figure has the slack of how it is written: a
    percentage one unit of its last digit either way, a fraction a tenth of its
    value, a count that ends in two zeros or more ("1,200") half a unit of its
    last significant digit, a hedge its bounds. A share beyond that is reported: an error when it is off by more
    than that and 15 percent of its value besides (two points at least), a
    warning when it is just beyond rounding. A count larger than its total is
    CC203's.

    ## Why is this bad?
    A reader can do the division; when the share and the counts disagree, at
    least one of the three figures is wrong, and the story's key comparison
    cannot be trusted.

    ## Example
    ```text
    In the vote on Sunday, 1,800, or 60 percent, of the 4,500 union members backed the strike.
    ```

    ## Use instead
    ```text
    In the vote on Sunday, 1,800, or 40 percent, of the 4,500 union members backed the strike.
    ```
    """

    code = "CC206"
    name = "share-mismatch"
    severity = "error"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        by_id = {f.id: f for f in ctx.frames}
        for share in ctx.frames:
            count = by_id.get(share.share_count) if share.share_count else None
            whole = by_id.get(share.share_of) if share.share_of else None
            if count is None or whole is None or not all(stated_part(f) for f in (share, count, whole)):
                continue
            if part_excess(count, whole) is not None:
                continue  # a count above its total is CC203's
            assert count.quantity is not None and whole.quantity is not None
            actual, stated = count_share(count.quantity, whole.quantity), stated_share(share)
            if actual is None or stated is None or meets(actual, stated):
                continue
            certain = stated_share(share, widen=CERTAIN_SHARE)
            severity: Severity = "error" if certain is not None and not meets(actual, certain) else "warning"
            yield self.report(share, count, whole, severity)

    def report(self, share: Frame, count: Frame, whole: Frame, severity: Severity) -> Finding:
        assert count.quantity is not None and whole.quantity is not None
        assert count.quantity.value is not None and whole.quantity.value
        ratio = 100.0 * count.quantity.value / whole.quantity.value
        message = (
            f"“{share.span.text}” does not match {count.quantity.text} of {whole.quantity.text}, "
            f"which is {ratio:.1f} percent"
        )
        return self.finding(
            message,
            share.span,
            sides=[(count, "count"), (whole, "total"), (share, "share")],
            suggestion=f"{count.quantity.text} of {whole.quantity.text} is about {ratio:.0f} percent; check the three figures",
            severity=severity,
        )


def people_share_over_all(f: Frame) -> Optional[float]:
    """The least a percentage of a group of people allows, when that is more than all of them:
    "112 percent of the flood victims have received aid", "Over 105 percent of voters" — the
    percentage is itself the people (the subject or object, not a change: "the number of
    voters rose 120 percent", not "paid 150 percent of their salaries")."""
    q = f.quantity
    if f.measure.dimension != "percent" or q is None or not stated_part(f) or f.measure.noun is None:
        return None
    noun = f.measure.noun.lower()
    if noun not in people_nouns() or f.subject is not None and f.subject.split()[-1] != noun:
        return None  # another subject is what the percentage is said of: "voter registration is up 140 percent"
    if f.predicate.lemma in change_verbs():
        return None
    b = bounds(q)
    if b is None or b[0] < 100 or (b[0] == 100 and not b[2]):
        return None
    return b[0]


class ShareOverWhole(Rule):
    """A percentage of a group of people is more than all of them.

    ## What it does
    Flags a percentage that counts people of a group — "P percent of the voters",
    "Over P percent quake victims get aid" — when even its lowest reading, with the
    slack of a round figure or a hedge ("some 105 percent" may be 100), is above 100.
    A change ("the number of voters rose 120 percent"), a share of a sum ("paid 150
    percent of their salaries") or of a capacity ("at 150 percent of capacity") is not
    a share of people and stays quiet.

    ## Why is this bad?
    No more than all of a group can do something; a share above 100 percent is a
    typo in the figure (often a digit doubled or swapped) or a change misread as a
    share.

    ## Example
    ```text
    Election officials said 112 percent of registered voters in the district cast a ballot on Sunday.
    ```

    ## Use instead
    ```text
    Election officials said 62 percent of registered voters in the district cast a ballot on Sunday.
    ```
    """

    code = "CC211"
    name = "share-over-whole"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        for f in ctx.frames:
            least = people_share_over_all(f)
            if least is None:
                continue
            assert f.measure.noun is not None
            yield self.finding(
                f"“{f.span.text}” of a group ({f.measure.noun}) is more than all of it",
                f.span,
                sides=[(f, "share")],
                suggestion="a share of a group is at most 100 percent; check the figure",
            )
