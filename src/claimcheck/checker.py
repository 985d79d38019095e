"""Running the rule catalog over one article's claims."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Optional

from .models import SEVERITY_RANK, Claim, DateValue, Finding, Frame, Person, Severity
from .rules import RULES, CheckContext, Rule


def selected_rules(
    select: Optional[Collection[str]] = None, ignore: Collection[str] = ()
) -> list[type[Rule]]:
    """Rules whose code starts with a ``select`` prefix and none of ``ignore``."""

    def matches(rule: type[Rule], prefixes: Collection[str]) -> bool:
        return any(rule.code.startswith(p.upper()) or rule.name == p for p in prefixes)

    return [
        r
        for r in RULES
        if (select is None or "ALL" in {s.upper() for s in select} or matches(r, select))
        and not matches(r, ignore)
    ]


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Most severe first, then in document order."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.span.start, f.rule))


def check_claims(
    claims: Sequence[Claim],
    published: Optional[date] = None,
    dates: Sequence[DateValue] = (),
    people: Sequence[Person] = (),
    frames: Sequence[Frame] = (),
    select: Optional[Collection[str]] = None,
    ignore: Collection[str] = (),
    severities: Mapping[str, Severity] | None = None,
) -> list[Finding]:
    """All findings of the selected rules, most severe first."""
    ctx = CheckContext(claims=claims, published=published, dates=list(dates), people=list(people), frames=list(frames))
    findings: list[Finding] = []
    for rule_cls in selected_rules(select, ignore):
        for f in rule_cls().check(ctx):
            if severities and rule_cls.code in severities:
                f.severity = severities[rule_cls.code]
            findings.append(f)
    return sort_findings(one_per_problem(findings))


def one_per_problem(findings: Sequence[Finding]) -> list[Finding]:
    """One finding per flagged stretch of text: the most severe (then the first rule) stays,
    and takes the others' suggestion when it has none ("did you mean 2024?" of CC102 joins
    the CC101 finding on the same date)."""
    kept: dict[tuple[int, int], Finding] = {}
    order = {r.code: i for i, r in enumerate(RULES)}
    for f in sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], order.get(f.rule, len(order)))):
        key = (f.span.start, f.span.end)
        first = kept.get(key)
        if first is None:
            kept[key] = f
        elif first.suggestion is None and f.suggestion is not None:
            first.suggestion = f.suggestion
    return list(kept.values())
