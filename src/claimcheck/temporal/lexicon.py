"""The temporal vocabulary (``lexicons/temporal.json``), validated on load."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import lexicons


class TemporalLexicon(BaseModel):
    """Month, weekday, number and unit words and the TIMEX3 values they carry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[str, int]
    ambiguous_months: list[str]
    weekdays: dict[str, int]
    vague_numbers: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    time_units: list[str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    references: dict[str, str]
    holidays: dict[str, str]
    frequencies: dict[str, str]
    timezones: list[str]
    duration_mods: dict[str, str]
    point_mods: dict[str, Optional[str]]
    dateline_agencies: list[str] = Field(min_length=1)
    generic_present_nouns: list[str] = Field(default_factory=list)
    #: Words that make "from X to Y" a date moved, not a range: "postponed from May to June".
    range_moves: list[str] = Field(default_factory=list)
    #: Words that make "from X to Y" a figure that changed ("fell from 2010 to 2008"), unless they state
    #: their own amount ("grew 7 percent from 1995 to 2003": a period).
    range_changes: list[str] = Field(default_factory=list)
    #: Words that make "between X and Y" two times compared, not a range: "the gap between 2010 and 2006".
    range_comparisons: list[str] = Field(default_factory=list)

    @field_validator("months")
    @classmethod
    def _months_in_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 1 <= n <= 12]
        if bad:
            raise ValueError(f"month numbers out of range: {bad}")
        return v

    @field_validator("weekdays")
    @classmethod
    def _weekdays_in_range(cls, v: dict[str, int]) -> dict[str, int]:
        bad = [k for k, n in v.items() if not 0 <= n <= 6]
        if bad:
            raise ValueError(f"weekday numbers out of range (0 = Monday): {bad}")
        return v

    @field_validator("seasons")
    @classmethod
    def _season_codes(cls, v: dict[str, str]) -> dict[str, str]:
        bad = [k for k, c in v.items() if c not in {"SP", "SU", "FA", "WI"}]
        if bad:
            raise ValueError(f"season codes must be SP/SU/FA/WI: {bad}")
        return v


@lru_cache(maxsize=1)
def lexicon() -> TemporalLexicon:
    """The validated temporal lexicon (loaded once)."""
    return lexicons.load("temporal", TemporalLexicon)


def alternation(words: "list[str] | dict[str, object]", abbreviations: bool = False) -> str:
    """A regex alternation of ``words``, longest first; abbreviations may take a period."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        piece = re.escape(w).replace(r"\ ", r"\s+")
        if abbreviations and len(w) <= 4:
            piece += r"\.?"
        out.append(piece)
    return "(?:" + "|".join(out) + ")"
