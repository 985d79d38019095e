"""The value of a number written in digits or words: one reader for every component.

- :func:`digit_value` reads one digit token ("10,000", "1.5", "4e14", "1.2bn"
  with its suffix);
- :func:`words_value` reads number words with ``text2num`` ("three hundred and
  six"), splitting on scales it lacks ("two trillion");
- :func:`number_value` reads a whole phrase as an article writes it: digits,
  words joined by spaces or hyphens ("twenty-four"), "a hundred", "a dozen",
  "half a", "three and a half", "2 1/2".

The vocabulary is ``lexicons/numbers.json``; the quantities component and the
temporal engine both read numbers through this module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from .. import lexicons


class NumberLexicon(BaseModel):
    """``lexicons/numbers.json``, validated."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    doc: str = Field(alias="_doc")
    number_words: dict[str, int] = Field(min_length=20)
    scales: dict[str, float]
    dozen: dict[str, int]
    fractions: dict[str, float]
    articles: frozenset[str]
    ordinals: dict[str, int]
    multiplicatives: dict[str, int]
    phrases: dict[str, float]


@lru_cache(maxsize=1)
def number_phrases() -> dict[str, float]:
    """Every word or phrase that spells a small number by itself — "seven", "twenty",
    "hundred", "a", "a dozen", "a couple of", "half a" — with its value."""
    lex = lexicon()
    out: dict[str, float] = {w: float(n) for w, n in lex.number_words.items() if n > 0}
    out.update({"hundred": 100.0, "dozen": 12.0})
    out.update(lex.phrases)
    return out


_DIGIT_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$")


def ordinal_value(word: str) -> Optional[int]:
    """The number an ordinal stands for: "third" → 3, "21st" → 21, "twenty-first" → 21."""
    w = word.lower()
    m = _DIGIT_ORDINAL.match(w)
    if m:
        return int(m[1])
    ords = lexicon().ordinals
    if w in ords:
        return ords[w]
    head, _, last = w.replace(" ", "-").rpartition("-")
    if head and last in ords and ords[last] < 10:
        tens = number_value(head)
        if tens is not None and tens >= 20 and tens % 10 == 0:
            return int(tens) + ords[last]
    return None


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    return lexicons.load("numbers", NumberLexicon)


#: Scale words written out (not abbreviations like "bn"), in the order of their size.
WORD_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore"})

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_NUMBER_RE = re.compile(rf"^(?P<sign>[-+]?)(?P<num>{_DIGITS})(?:e(?P<exp>[-+]?\d+))?(?P<suf>[a-z]*)$")
_MIXED_FRACTION = re.compile(r"^(\d+)\s+(\d{1,2})/(\d{1,2})$")


@lru_cache(maxsize=8192)
def digit_value(text: str) -> Optional[tuple[float, Optional[str]]]:
    """Value and lower-case suffix of a digit token ("10,000", "1.2bn", "4e14"), else None."""
    m = _NUMBER_RE.match(text.lower())
    if m is None:
        return None
    value = float(m["num"].replace(",", ""))
    if m["exp"]:
        value *= 10.0 ** int(m["exp"])
    if m["sign"] == "-":
        value = -value
    return value, (m["suf"] or None)


def words_value(words: list[str]) -> Optional[float]:
    """Value of number words with ``text2num`` ("three hundred and six"), else None.

    Scales ``text2num`` lacks ("trillion") split the words: left × scale + right.
    """
    from text_to_num import text2num

    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        pass
    scales = lexicon().scales
    scaled = [k for k, w in enumerate(words) if w in scales]
    if not scaled:
        return None
    p = max(scaled, key=lambda k: scales[words[k]])
    scale = scales[words[p]]
    right = words[p + 1 :]
    if right and right[0] == "and":
        right = right[1:]
    left_value = words_value(words[:p]) if p else 1.0
    right_value = words_value(right) if right else 0.0
    if left_value is None or right_value is None or right_value >= scale or p == 0 and right:
        return None
    return left_value * scale + right_value


@lru_cache(maxsize=4096)
def number_value(text: str) -> Optional[float]:
    """The value of a number phrase ("1,200", "twenty-four", "a hundred", "half a",
    "three and a half", "2 1/2", "a dozen"); None for anything else (and for vague
    words like "several")."""
    lex = lexicon()
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not t:
        return None
    if t in lex.phrases:
        return float(lex.phrases[t])
    mixed = _MIXED_FRACTION.match(t)
    if mixed and int(mixed[3]):
        return int(mixed[1]) + int(mixed[2]) / int(mixed[3])
    digits = digit_value(t)
    if digits is not None:
        value, suffix = digits
        if suffix is None:
            return value
        scale = lex.scales.get(suffix)
        return value * scale if scale else None
    half = t.endswith(" and a half")
    t = t.removesuffix(" and a half")
    words = t.replace("-", " ").split()
    if words and words[0] in lex.articles and len(words) > 1:
        if words[1:] in (["half"],):
            return 0.5
        words = ["one", *words[1:]]
    if words == ["half", "a"] or words == ["half", "an"]:
        return 0.5
    if words and words[-1] in lex.dozen:
        base = number_value(" ".join(words[:-1])) if len(words) > 1 else 1.0
        return base * lex.dozen[words[-1]] + 0.5 * half if base is not None else None
    if not words or not all(w in lex.number_words or w in WORD_SCALES or w == "and" for w in words):
        return None
    value = words_value(words)
    return value + 0.5 * half if value is not None else None
