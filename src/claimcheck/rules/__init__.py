"""The rule catalog: one explicit registry of every rule, by family module."""

from __future__ import annotations

from .attribution import (
    NameVariant,
    QuoteSpeakerConflict,
    UnattributedQuote,
    VagueAttribution,
)
from .base import CheckContext, Rule
from .measures import ExchangeRateMismatch, UnitConversionMismatch
from .numbers import CountConflict, CumulativeDecrease, ListCountMismatch, PartExceedsWhole, SumMismatch
from .restated import RestatedFigureConflict
from .shares import ShareMismatch, ShareOverWhole
from .timeline import (
    DateOutsideFrame,
    EventBeforeOnset,
    FutureEvent,
    ImpossibleDate,
    InvertedRange,
    PastPlan,
    RelativeDateConflict,
    WeekdayMismatch,
)
from .years import AgeConflict, YearsAgoMismatch

#: Every rule claimcheck knows, in code order.
RULES: tuple[type[Rule], ...] = (
    EventBeforeOnset,
    DateOutsideFrame,
    FutureEvent,
    WeekdayMismatch,
    RelativeDateConflict,
    ImpossibleDate,
    InvertedRange,
    YearsAgoMismatch,
    PastPlan,
    CountConflict,
    CumulativeDecrease,
    PartExceedsWhole,
    SumMismatch,
    RestatedFigureConflict,
    ShareMismatch,
    ListCountMismatch,
    UnitConversionMismatch,
    AgeConflict,
    ExchangeRateMismatch,
    ShareOverWhole,
    QuoteSpeakerConflict,
    UnattributedQuote,
    VagueAttribution,
    NameVariant,
)


def rule_by_code(code: str) -> type[Rule]:
    """The rule with this code (``CC101``) or name (``event-before-onset``)."""
    for rule in RULES:
        if rule.code.lower() == code.lower() or rule.name == code.lower():
            return rule
    raise KeyError(code)


__all__ = ["RULES", "Rule", "CheckContext", "rule_by_code"]
