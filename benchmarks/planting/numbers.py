"""Numbers as written: find them, read their value, write a changed value in the same form.

Digits stay digits (with the thousands separators and decimals of the original),
words stay words ("twelve" -> "eighteen", capitalized when the original was).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Optional

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(UNITS)}
WORD_VALUES.update({w: 10 * i for i, w in enumerate(TENS) if i >= 2})
SCALES = {"million": 1e6, "billion": 1e9, "trillion": 1e12}

_WORD = "|".join(sorted((w for w in WORD_VALUES if w != "zero"), key=len, reverse=True))
_TENS = "|".join(TENS[2:])
_UNITS9 = "|".join(UNITS[1:10])
#: A number written in words (up to ninety-nine) or in digits, with a scale word after it.
NUMBER = (
    rf"(?:(?:\b(?:{_TENS})-(?:{_UNITS9})\b|\b(?:{_WORD})\b)"
    r"|(?<![\w.,$])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\d)|(?<![\w.,])\d+(?:\.\d+)?(?![\d]))"
    r"(?:\s+(?:million|billion|trillion)\b)?"
)
NUMBER_RE = re.compile(NUMBER, re.I)

ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINAL_VALUES = {w: i + 1 for i, w in enumerate(ORDINALS)}


@dataclass(frozen=True)
class Number:
    """A number in the text: where it is, its value, and how it is written."""

    start: int
    end: int
    text: str
    value: float
    words: bool
    scale: str = ""

    @property
    def base(self) -> float:
        """The value before the scale word ("1.5" of "1.5 million")."""
        return self.value / SCALES[self.scale.lower()] if self.scale else self.value

    @property
    def number_end(self) -> int:
        """End of the digits or words, before the scale word."""
        return self.start + len(self.text.split()[0])


def parse_number(raw: str) -> Optional[tuple[float, bool, str]]:
    """(value, written in words, scale word) of a number as NUMBER matches it."""
    parts = raw.split()
    scale = ""
    if len(parts) > 1 and parts[-1].lower() in SCALES:
        scale = parts[-1]
        raw = " ".join(parts[:-1])
    low = raw.lower()
    if low in WORD_VALUES:
        value, words = float(WORD_VALUES[low]), True
    elif "-" in low:
        tens, unit = low.split("-", 1)
        if tens not in WORD_VALUES or unit not in WORD_VALUES:
            return None
        value, words = float(WORD_VALUES[tens] + WORD_VALUES[unit]), True
    else:
        try:
            value, words = float(raw.replace(",", "")), False
        except ValueError:
            return None
    if scale:
        value *= SCALES[scale.lower()]
    return value, words, scale


def find_numbers(text: str, start: int = 0, end: Optional[int] = None) -> list[Number]:
    out = []
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        parsed = parse_number(m.group(0))
        if parsed is None:
            continue
        value, words, scale = parsed
        out.append(Number(m.start(), m.end(), m.group(0), value, words, scale))
    return out


def number_at(text: str, start: int) -> Optional[Number]:
    """The number that starts at ``start``."""
    m = NUMBER_RE.match(text, start)
    if not m:
        return None
    parsed = parse_number(m.group(0))
    return Number(m.start(), m.end(), m.group(0), *parsed) if parsed else None


def to_words(n: int) -> Optional[str]:
    if n < 0 or n > 99:
        return None
    if n < 20:
        return UNITS[n]
    tens, unit = divmod(n, 10)
    return TENS[tens] + (f"-{UNITS[unit]}" if unit else "")


def write_like(original: str, value: float) -> Optional[str]:
    """``value`` written the way ``original`` is (the number alone, no scale word);
    None when that form cannot carry it (words above ninety-nine, a fraction in words)."""
    parts = original.split()
    scale = parts[1] if len(parts) > 1 and parts[-1].lower() in SCALES else ""
    head = parts[0]
    if scale:
        value = value / SCALES[scale.lower()]
    if re.fullmatch(r"[A-Za-z-]+", head):
        if abs(value - round(value)) > 1e-9:
            return None
        words = to_words(int(round(value)))
        if words is None:
            return None
        if head[0].isupper():
            words = words[0].upper() + words[1:]
        return f"{words} {scale}" if scale else words
    decimals = len(head.split(".")[1]) if "." in head else 0
    if decimals == 0 and abs(value - round(value)) > 1e-9:
        if not scale:
            return None
        decimals = 1
    plain = head.replace(",", "").split(".")[0]
    commas = "," in head or (value >= 1000 and len(plain) < 4)
    body = f"{value:,.{decimals}f}" if commas else f"{value:.{decimals}f}"
    return f"{body} {scale}" if scale else body


#: Factors that change a figure "clearly": never within rounding of the original.
FACTORS = (1.5, 0.7, 1.3, 0.6, 2.0)


def changed_value(
    value: float, rng: random.Random, original: str, factors=FACTORS, larger: Optional[bool] = None
) -> Optional[tuple[float, str]]:
    """A clearly different value (x1.5, -30 %, …) and ``original``'s spelling of it;
    ``larger`` restricts the direction."""
    options = list(factors)
    rng.shuffle(options)
    if value == 1:
        options = [2.0, 3.0]
    parts = original.split()
    scale = SCALES.get(parts[-1].lower(), 1.0) if len(parts) > 1 else 1.0
    decimals = len(parts[0].split(".")[1]) if "." in parts[0] else 0
    base = value / scale
    for f in options:
        if larger is True and f <= 1 or larger is False and f >= 1:
            continue
        new_base = base * f
        if decimals == 0 and not (scale > 1 and new_base < 10):
            new_base = float(round(new_base))
        else:
            new_base = round(new_base, max(decimals, 1))
        new = new_base * scale
        if new <= 0 or abs(new - value) < 0.2 * value:
            continue
        written = write_like(original, new)
        if written is not None and written != original:
            return new, written
    return None
