"""Deciding whether claimcheck caught a plant, from the findings of the clean and the
planted article (only the JSON report's rule, severity and spans are read)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .text import Plant

#: Severities that count: a plant caught only by an ``info`` finding is missed.
COUNTED = frozenset({"error", "warning"})
#: How near the planted words a finding's span (or one of its excerpts) must come.
SLACK = 3


@dataclass(frozen=True)
class Hit:
    """A finding, as far as the benchmark needs it."""

    rule: str
    severity: str
    start: int
    end: int
    excerpts: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, finding) -> "Hit":
        return cls(
            finding.rule,
            finding.severity,
            finding.span.start,
            finding.span.end,
            tuple((x.span.start, x.span.end) for x in finding.excerpts),
        )

    def spans(self) -> list[tuple[int, int]]:
        return [(self.start, self.end), *self.excerpts]


@dataclass
class Verdict:
    caught: bool
    rules: list[str] = field(default_factory=list)
    new: list[Hit] = field(default_factory=list)
    stray: int = 0  # new findings away from the planted words


def new_findings(clean: list[Hit], variant: list[Hit], plant: Plant) -> list[Hit]:
    """Errors and warnings of the variant that the clean article did not have, matched
    by rule and by span (the clean spans mapped through the edit)."""
    seen = Counter(
        (h.rule, plant.map_offset(h.start, "start"), plant.map_offset(h.end, "end"))
        for h in clean
        if h.severity in COUNTED
    )
    out = []
    for h in variant:
        if h.severity not in COUNTED:
            continue
        key = (h.rule, h.start, h.end)
        if seen[key]:
            seen[key] -= 1
        else:
            out.append(h)
    return out


def touches(hit: Hit, plant: Plant, slack: int = SLACK) -> bool:
    lo, hi = plant.start - slack, plant.end + slack
    return any(s < hi and e > lo for s, e in hit.spans())


def judge(clean: list[Hit], variant: list[Hit], plant: Plant) -> Verdict:
    """Caught: a new error or warning whose span or an excerpt's touches the plant."""
    new = new_findings(clean, variant, plant)
    near = [h for h in new if touches(h, plant)]
    return Verdict(bool(near), sorted({h.rule for h in near}), new, len(new) - len(near))
