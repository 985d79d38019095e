"""Planted contradictions: each planter edits a clean article so that it contradicts
itself in one known way, and says where.

A planter is a pure function ``plant(text, published, rng) -> list[Plant]`` over the
article's file text (its ``date:`` header included); it finds its sites with regexes
and light heuristics of its own, never with claimcheck's extraction, so the benchmark
does not grade claimcheck with claimcheck.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from random import Random
from typing import Optional

from . import figures, people, timeline
from .text import Article, Plant

Planter = Callable[[str, Optional[date], Random], list[Plant]]

#: Every kind, in the order of the editor's checklist.
KINDS: dict[str, Planter] = {
    "restated-figure": figures.restated_figure,
    "headline-figure": figures.headline_figure,
    "year-typo": timeline.year_typo,
    "restated-date": timeline.restated_date,
    "restated-duration": figures.restated_duration,
    "restated-money": figures.restated_money,
    "restated-times": figures.restated_times,
    "hedge-direction": figures.hedge_direction,
    "part-exceeds-total": figures.part_exceeds_total,
    "breakdown-sum": figures.breakdown_sum,
    "percent-vs-counts": figures.percent_vs_counts,
    "unit-conversion": figures.unit_conversion,
    "age-twice": people.age_twice,
    "years-ago": timeline.years_ago,
    "impossible-date": timeline.impossible_date,
    "inverted-range": timeline.inverted_range,
    "event-before-onset": timeline.event_before_onset,
    "weekday-mismatch": timeline.weekday_mismatch,
    "quote-two-speakers": people.quote_two_speakers,
}

__all__ = ["KINDS", "Article", "Plant", "Planter"]
