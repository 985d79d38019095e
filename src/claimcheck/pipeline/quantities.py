"""``claimcheck_quantities``: numbers with their hedges, ranges and units.

The component finds every figure an article states — "approximately 30 North
Korean troops", "several hundred", "between 20 and 30", "more than 100",
"$5.6 billion", "12 percent" — and writes them to ``doc._.cc_quantities`` as
:class:`QuantityMention` records, each carrying a :class:`~claimcheck.models.Quantity`.

How it works, in one pass over the tokens:

1. *Cores*: runs of number tokens are read into values — digits ("10,000",
   "1.5"), suffixed digits ("1.2bn", "10k"), number words (read with
   ``text2num``: "twenty-five", "three hundred"), scale words ("million"),
   dozens and vague quantities ("several hundred", "tens of thousands").
2. *Expressions*: each core is widened to the words that change its meaning:
   a range partner ("30 to 40", "between 20 and 30"), a currency ("$", "US$",
   "euros"), a percent sign or unit word, a hedge before ("at least") or after
   ("or more").
3. *Filters*: numbers inside temporal expressions (``doc._.cc_timexes``, else
   the model's DATE/TIME entities), years, clock times, phone numbers, labels
   ("page 12", "Article 5") and the pronoun "one" are dropped.

Words live in ``lexicons/quantities.json``. Ordinals are never emitted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import lexicons
from ..language.currencies import currency_names, other_numbers
from ..language.numbers import WORD_SCALES, digit_value, words_value
from ..language.numbers import lexicon as numlex
from ..language.reference import stated_age
from ..doccache import string_ids, token_tags
from ..models import Quantity
from ..textmap import doc_text

Kind = str  # count | money | percent | measure | fraction (ordinal is never emitted)


class VagueEntry(BaseModel):
    """A quantity word without digits: its bounds and best estimate."""

    model_config = ConfigDict(extra="forbid")
    low: float
    high: float
    value: float


class QuantityLexicon(BaseModel):
    """``lexicons/quantities.json``, validated."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    doc: str = Field(alias="_doc")
    hedges: dict[str, list[str]]
    postfix_hedges: list[str]
    vague: dict[str, VagueEntry]
    vague_multipliers: list[str]
    currency_scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_codes: list[str]
    currency_words: dict[str, str]
    currency_homographs: list[str]
    pound_words: list[str]
    percent_words: dict[str, Optional[str]]
    units: dict[str, str]
    temporal_units: list[str]
    temporal_words: list[str]
    calendar_words: list[str]
    label_nouns: list[str]
    pronoun_one_before: list[str]
    pronoun_one_after: list[str]
    change_verbs: list[str]
    range_connectors: list[str]
    between_words: list[str]
    ambiguous_units: list[str]
    dimension_words: list[str]
    currency_subunits: dict[str, tuple[str, float]]
    from_words: list[str]
    negative_words: list[str]


HEDGE_KINDS = ("approximate", "almost", "more_than", "at_least", "less_than", "at_most")
YEAR_PREPS = frozenset({"in", "since", "by", "until", "till", "of", "from", "to", "during", "before", "after", "through", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "year", "'s"})

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_RANGE_RE = re.compile(rf"^(?P<a>(?:{_DIGITS})[a-z]*)[-–—~](?P<b>(?:{_DIGITS})[a-z]*)$")
_FRACTION_RE = re.compile(r"^(\d{1,3})/(\d{1,3})$")
_PHONE_RE = re.compile(r"^\+?\d+(?:[-./]\d+){2,}$")


@dataclass
class QuantityMention:
    """A quantity at ``[start, end)`` of the doc text (hedge words included).

    ``token_start``/``token_end`` bound the same expression in tokens;
    ``noun_i`` is the token index of the counted noun's head, when there is one.
    """

    start: int
    end: int
    quantity: Quantity
    kind: Kind = "count"  # count | money | percent | measure | fraction
    token_start: int = 0
    token_end: int = 0
    noun_i: Optional[int] = None


@dataclass
class _Core:
    """A bare number at tokens ``[start, end)``: its value and, if vague, bounds."""

    start: int
    end: int
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    scaled: bool = False  # carried a scale word or suffix ("million", "bn")
    base: Optional[float] = None  # the value before its trailing scale word ("3 million" → 3)
    bare_digits: bool = False  # one plain digit token ("2024")
    kind: Kind = "count"
    unit: Optional[str] = None


@dataclass
class _Expr:
    """A core widened by range, currency, unit and hedge words."""

    start: int
    end: int
    value: float
    low: Optional[float]
    high: Optional[float]
    kind: Kind = "count"
    unit: Optional[str] = None
    approximate: bool = False
    hedge: Optional[str] = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    first: Optional[_Core] = None
    cores: list[_Core] = field(default_factory=list)


@lru_cache(maxsize=1)
def lexicon() -> QuantityLexicon:
    """The validated quantities lexicon (loaded once)."""
    return lexicons.load("quantities", QuantityLexicon)


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], tuple[str, str]]:
    """Lower-cased token tuples → (role, detail) for every multi-word lexicon entry."""
    lex = lexicon()
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for kind in HEDGE_KINDS:
        for phrase in lex.hedges[kind]:
            table.setdefault(("hedge",) + tuple(phrase.split()), ("hedge", kind))
    for word in lex.vague:
        table[("vague",) + tuple(word.split())] = ("vague", word)
    for word, code in lex.currency_words.items():
        table[("currency",) + tuple(word.split())] = ("currency", code)
    numbers = other_numbers()
    for word, code in lex.currency_words.items():  # "shillings" read as KES: "a 3 billion shilling budget" too
        if " " not in word:
            for other in numbers.get(word, ()):
                if other not in lex.currency_homographs:
                    table.setdefault(("currency", other), ("currency", code))
    for words, code in currency_names(lex.currency_homographs).items():  # CLDR's names, after the lexicon's
        table.setdefault(("currency", *words), ("currency", code))
    for word, unit in lex.percent_words.items():
        table[("percent",) + tuple(word.split())] = ("percent", unit or "")
    for word, unit in lex.units.items():
        table[("unit",) + tuple(word.split())] = ("unit", unit)
    return table


@lru_cache(maxsize=2)
def _first_words(last: bool = False) -> dict[tuple[str, str], int]:
    """(role, first word) → the longest lexicon phrase of that role starting with the word
    (``last``: ending with it)."""
    longest: dict[tuple[str, str], int] = {}
    for key in _phrases():
        role, words = key[0], key[1:]
        word = words[-1] if last else words[0]
        longest[(role, word)] = max(longest.get((role, word), 0), len(words))
    return longest


def _match_at(doc: Doc, i: int, role: str) -> Optional[tuple[int, str]]:
    """Longest lexicon phrase of ``role`` starting at token ``i``: (end, detail)."""
    if i >= len(doc):
        return None
    longest = _first_words().get((role, doc[i].lower_))
    if longest is None:
        return None
    table = _phrases()
    best = None
    words = [t.lower_ for t in doc[i : min(len(doc), i + longest)]]
    for n in range(1, len(words) + 1):
        hit = table.get((role, *words[:n]))
        if hit is not None:
            best = (i + n, hit[1])
    return best


def _match_before(doc: Doc, end: int, role: str) -> Optional[tuple[int, str]]:
    """Longest lexicon phrase of ``role`` ending right before token ``end``: (start, detail)."""
    if end < 1:
        return None
    longest = _first_words(last=True).get((role, doc[end - 1].lower_))
    if longest is None:
        return None
    table = _phrases()
    best = None
    words: tuple[str, ...] = ()
    for n in range(1, min(longest, end) + 1):
        words = (doc[end - n].lower_,) + words
        hit = table.get((role,) + words)
        if hit is not None:
            best = (end - n, hit[1])
    return best


# ---------------------------------------------------------------- token values


def _suffix_scale(suffix: Optional[str], money: bool) -> Optional[float]:
    """The multiplier a suffix stands for ("bn" → 1e9; "m" only next to a currency)."""
    if suffix is None:
        return 1.0
    lex = lexicon()
    if suffix in numlex().scales:
        return numlex().scales[suffix]
    if suffix in lex.currency_scales and money:
        return lex.currency_scales[suffix]
    return None


# ---------------------------------------------------------------- cores


def _read_core(doc: Doc, i: int, money: bool) -> Optional[_Core]:
    """The number starting at token ``i``, or None."""
    tok = doc[i]
    lower = tok.lower_
    lex = lexicon()
    vague = _match_at(doc, i, "vague")
    if vague is not None and lower not in numlex().number_words:
        return _vague_core(doc, i, vague)
    if lower in lex.vague_multipliers or (lower in numlex().articles and i + 1 < len(doc) and doc[i + 1].lower_ in ("few", "couple", "handful")):
        return _multiplied_vague(doc, i)
    if _RANGE_RE.match(lower):
        pair = _range_token(doc, i, money)
        return pair[0] if pair is not None else None
    digit = digit_value(tok.text)
    if digit is not None and digit[1] is None:
        return _digit_core(doc, i, digit[0])
    if digit is not None:
        scale = _suffix_scale(digit[1], money)
        if scale is None:
            return None
        return _Core(i, i + 1, digit[0] * scale, scaled=True)
    m = _FRACTION_RE.match(tok.text)
    if m and int(m[2]) != 0:
        return _Core(i, i + 1, int(m[1]) / int(m[2]), kind="fraction")
    share = _share_of_whole(doc, i)
    if share is not None:
        return share
    if lower in numlex().number_words or (lower in numlex().articles and i + 1 < len(doc) and doc[i + 1].lower_ in numlex().scales):
        return _word_core(doc, i)
    if lower == "half" and i + 2 < len(doc) and doc[i + 1].lower_ in numlex().articles:
        return _half_a(doc, i)
    if lower in numlex().articles and i + 1 < len(doc) and doc[i + 1].lower_ in numlex().dozen:
        return _Core(i, i + 2, float(numlex().dozen[doc[i + 1].lower_]), scaled=True)
    return None


def _digit_core(doc: Doc, i: int, value: float) -> _Core:
    """A plain digit token plus what scales it: "1.5 million", "3 dozen", "40 000", "2 1/2"."""
    end = i + 1
    scaled = False
    lexicon()
    if (
        end < len(doc)
        and re.fullmatch(r"\d{1,3}", doc[i].text)
        and re.fullmatch(r"\d{3}", doc[end].text)
        and doc[i].whitespace_
    ):
        value = value * 1000 + float(doc[end].text)
        end += 1
    elif end + 1 < len(doc) and doc[end].is_space and re.fullmatch(r"\d{3}", doc[end + 1].text):
        value = value * 1000 + float(doc[end + 1].text)
        end += 2
    base = value
    while end < len(doc) and (doc[end].lower_ in numlex().scales or doc[end].lower_ in numlex().dozen):
        value *= numlex().scales.get(doc[end].lower_) or numlex().dozen[doc[end].lower_]
        scaled = True
        end += 1
    if end < len(doc) and not scaled and (frac := _FRACTION_RE.match(doc[end].text)) and int(frac[2]):
        value += int(frac[1]) / int(frac[2])
        end += 1
    value, end = _and_a_half(doc, end, value)
    return _Core(i, end, value, scaled=scaled, bare_digits=end == i + 1, base=base if scaled else None)


def _and_a_half(doc: Doc, end: int, value: float) -> tuple[float, int]:
    """Extend "five and a half", "3 million and a quarter", "one billion and a half million"."""
    lexicon()
    if not (end + 2 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ in ("a", "one")):
        return value, end
    part = numlex().fractions.get(doc[end + 2].lower_)
    if part is None or doc[end + 2].lower_.endswith("s"):
        return value, end
    if end + 3 < len(doc) and doc[end + 3].lower_ in numlex().scales:
        scale = numlex().scales[doc[end + 3].lower_]
        return (value + part * scale if abs(value) >= scale else (value + part) * scale), end + 4
    step = 10 ** math.floor(math.log10(abs(value))) if abs(value) >= 1000 else 1
    return value + part * step, end + 3


def _word_core(doc: Doc, i: int) -> Optional[_Core]:
    """Number words ("twenty-five", "a hundred and six") read with ``text2num``."""
    lexicon()
    words: list[str] = []
    ends: list[int] = []  # token index just past each word
    j = i
    if doc[i].lower_ in numlex().articles:
        words.append("one")
        j += 1
        ends.append(j)
    while j < len(doc):
        lower = doc[j].lower_
        if lower in numlex().number_words or lower in WORD_SCALES:
            words.append(lower)
            ends.append(j + 1)
        elif not words or j + 1 >= len(doc) or not _joins_number_words(doc, j):
            break
        elif lower == "and":
            words.append(lower)
            ends.append(j + 1)
        j += 1
    while words and words[-1] == "and":
        words.pop()
        ends.pop()
    if not words or words == ["one"] and doc[i].lower_ in numlex().articles:
        return None
    return _longest_words_core(doc, i, words, ends)


def _joins_number_words(doc: Doc, j: int) -> bool:
    """A hyphen, spaces or "and" inside a number written in words ("fifty - two", "hundred and six")."""
    lexicon()
    tok, nxt = doc[j], doc[j + 1]
    if tok.text in ("-", "&") or tok.is_space:
        return nxt.lower_ in numlex().number_words or nxt.lower_ in WORD_SCALES or nxt.lower_ == "and"
    if tok.lower_ != "and" or doc[j - 1].lower_ not in WORD_SCALES or nxt.lower_ not in numlex().number_words:
        return False
    after = j + 2
    if after < len(doc) and doc[after].text == "-" and after + 1 < len(doc) and doc[after + 1].lower_ in numlex().number_words:
        after += 2
    return after >= len(doc) or (_fraction_at(doc, after) is None and doc[after].lower_ != "half")


def _longest_words_core(doc: Doc, i: int, words: list[str], ends: list[int]) -> Optional[_Core]:
    """The longest prefix of ``words`` that reads as a number; dozens and fractions extend it."""
    lexicon()
    for n in range(len(words), 0, -1):
        prefix = words[:n]
        value = words_value(prefix)
        if value is None:
            continue
        end = ends[n - 1]
        scaled = any(w in numlex().scales for w in prefix)
        if end < len(doc) and doc[end].lower_ in numlex().dozen:
            value *= numlex().dozen[doc[end].lower_]
            end, scaled = end + 1, True
        elif not scaled and "and" not in prefix and (frac := _fraction_at(doc, end)) is not None:
            return _Core(i, frac[0], value * frac[1], kind="fraction")
        base = words_value(prefix[:-1]) if len(prefix) > 1 and prefix[-1] in WORD_SCALES else None
        value, end = _and_a_half(doc, end, value)
        return _Core(i, end, value, scaled=scaled, base=base)
    return None


def _fraction_at(doc: Doc, i: int) -> Optional[tuple[int, float]]:
    """A fraction word at ``i`` ("thirds", "-quarters"): (end, value of one part)."""
    if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_:
        i += 1
    if i < len(doc) and doc[i].lower_ in numlex().fractions and doc[i].lower_ != "half":
        return i + 1, numlex().fractions[doc[i].lower_]
    return None


#: Words before "half" that make it a part of a period or a game ("the second half of"), not a share.
_HALF_OF_PERIOD = frozenset({"first", "second", "last", "latter", "other", "the", "a", "one", "and", "-", "next", "previous"})


def _share_of_whole(doc: Doc, i: int) -> Optional[_Core]:
    """A fraction of a whole named after it: "a third *of*", "a quarter *of*", "half *of*",
    "half *the*" (not "the second half of the season", "a third term")."""
    lower = doc[i].lower_
    fractions = numlex().fractions
    if lower in numlex().articles and i + 2 < len(doc):
        word = doc[i + 1].lower_
        after = doc[i + 2 : i + 4]
        of_next = after[0].lower_ == "of" or len(after) > 1 and after[0].text == "," and after[1].lower_ == "of"  # "or a third, of the"
        if word in fractions and not word.endswith("s") and word != "half" and of_next:
            return _Core(i, i + 2, fractions[word], kind="fraction")
    if lower == "half" and i + 1 < len(doc) and doc[i + 1].lower_ in ("of", "the", "its", "their"):
        if i == 0 or doc[i - 1].lower_ not in _HALF_OF_PERIOD:
            return _Core(i, i + 1, 0.5, kind="fraction")
    return None


def _half_a(doc: Doc, i: int) -> Optional[_Core]:
    """ "half a dozen", "half a million"."""
    lexicon()
    nxt = doc[i + 2].lower_
    if nxt in numlex().dozen:
        return _Core(i, i + 3, 6.0, scaled=True)
    if nxt in numlex().scales:
        return _Core(i, i + 3, 0.5 * numlex().scales[nxt], scaled=True)
    return None


def _vague_core(doc: Doc, i: int, hit: tuple[int, str]) -> Optional[_Core]:
    """ "dozens", "hundreds", "tens of thousands" — needing "of", a verb or a noun after."""
    end, word = hit
    entry = lexicon().vague[word]
    if word in lexicon().vague_multipliers:
        multiplied = _multiplied_vague(doc, i)
        if multiplied is not None and multiplied.end > end:
            return multiplied
    if doc[i].pos_ == "VERB" or (word == "scores" and (end >= len(doc) or doc[end].lower_ != "of")):
        return None
    return _Core(i, end, entry.value, low=entry.low, high=entry.high, scaled=True)


def _multiplied_vague(doc: Doc, i: int) -> Optional[_Core]:
    """ "several hundred", "a few thousand", "several dozen", or "several" alone."""
    lex = lexicon()
    hit = _match_at(doc, i, "vague")
    mult_end = i + 1
    word = doc[i].lower_
    if hit is not None and hit[1] in lex.vague_multipliers:
        mult_end, word = hit
    elif doc[i].lower_ in numlex().articles and i + 1 < len(doc):
        word, mult_end = f"{doc[i].lower_} {doc[i + 1].lower_}", i + 2
        if mult_end < len(doc) and doc[mult_end].lower_ == "of" and f"{word} of" in lex.vague:
            word, mult_end = f"{word} of", mult_end + 1
    base = lex.vague.get(word) or lex.vague.get(f"{word} of")
    if base is None:
        return None
    if mult_end < len(doc):
        nxt = doc[mult_end].lower_
        scale = numlex().scales.get(nxt) or numlex().dozen.get(nxt)
        if scale and nxt not in ("k", "mn", "bn", "tn", "mln", "bln", "tln"):
            return _Core(i, mult_end + 1, base.value * scale, low=base.low * scale, high=base.high * scale, scaled=True)
    if word in lex.vague and (word != "few"):
        return _Core(i, mult_end, base.value, low=base.low, high=base.high)
    return None


# ---------------------------------------------------------------- expressions


def _currency_before(doc: Doc, i: int) -> Optional[tuple[int, str]]:
    """A currency symbol or code right before token ``i``: (start, ISO code)."""
    lex = lexicon()
    if i == 0:
        return None
    prev = doc[i - 1]
    low = prev.lower_
    if low in lex.currency_symbols:
        if low == "$" and i >= 2 and doc[i - 2].text in ("US", "U.S.", "A", "C", "HK", "NZ", "S") and not doc[i - 2].whitespace_:
            return i - 2, lex.currency_symbols.get(doc[i - 2].lower_ + "$", "USD")
        return i - 1, lex.currency_symbols[low]
    if prev.text in lex.currency_codes:
        return i - 1, "CNY" if prev.text == "RMB" else prev.text
    return None


def _after_core(doc: Doc, expr: _Expr, money: Optional[str]) -> None:
    """Widen ``expr`` over what follows: currency scale/word, percent or unit."""
    lex = lexicon()
    end = expr.end
    if end < len(doc) and money and doc[end].lower_ in lex.currency_scales and not doc[end - 1].whitespace_:
        _scale_expr(expr, lex.currency_scales[doc[end].lower_])
        end += 1
    hit = _match_at(doc, end, "currency")
    if hit is None and end < len(doc) and doc[end].text in lex.currency_codes:
        hit = (end + 1, doc[end].text)
    if hit is None and end + 1 < len(doc) and doc[end].lower_ == "of" and expr.low is not None and expr.first and expr.first.scaled:
        hit = _match_at(doc, end + 1, "currency")
    if hit is None and end < len(doc) and doc[end].lower_ in lex.pound_words and expr.first and expr.first.scaled:
        hit = (end + 1, "GBP")
    if hit is None and not money and end < len(doc) and doc[end].lower_ in lex.currency_subunits:
        code, factor = lex.currency_subunits[doc[end].lower_]
        _scale_expr(expr, factor)
        hit = (end + 1, code)
    if hit is not None:
        expr.end, expr.kind, expr.unit = hit[0], "money", hit[1]
        return
    if money:
        expr.end, expr.kind, expr.unit = end, "money", money
        return
    hit = _match_at(doc, end, "percent")
    if hit is not None and hit[1]:
        expr.end, expr.kind, expr.unit = hit[0], "percent", hit[1]
        return
    start = end + 1 if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ else end
    hit = _match_at(doc, start, "unit")
    if hit is not None and expr.kind != "fraction" and _unit_fits(doc, start, hit[0]):
        expr.end, expr.kind, expr.unit = hit[0], "measure", hit[1]


def _unit_fits(doc: Doc, start: int, end: int) -> bool:
    """A unit word is a unit, not the start of something else ("in", "m", "t" alone)."""
    if doc[start:end].text.lower() not in lexicon().ambiguous_units:
        return True
    attached = start > 0 and not doc[start - 1].whitespace_
    return attached or end >= len(doc) or doc[end].is_punct or doc[end].lower_ in lexicon().dimension_words


def _scale_expr(expr: _Expr, scale: float) -> None:
    expr.value *= scale
    expr.low = expr.low * scale if expr.low is not None else None
    expr.high = expr.high * scale if expr.high is not None else None


def _range_partner(doc: Doc, first: _Core, lead: int, cores: dict[int, _Core]) -> Optional[tuple[_Core, int]]:
    """The second number of "30 to 40" / "30-40" / "between 20 and 30": (core, range start).

    ``lead`` is where the first number's expression starts (its currency sign).
    """
    lex = lexicon()
    j = first.end
    unit = _unit_at(doc, j)
    if unit is not None and unit[0] < len(doc) and doc[unit[0]].lower_ in ("to", "-", "–", "—", "and"):
        j = unit[0]
    else:
        unit = None
    if j + 1 >= len(doc):
        return None
    conn = doc[j].lower_
    start = lead
    before = doc[lead - 1].lower_ if lead else ""
    if conn == "and":
        if before not in lex.between_words:
            return None
        start -= 1
    elif conn not in lex.range_connectors:
        return None
    elif conn == "to" and before in lex.from_words and lead >= 2 and is_change(doc[lead - 1]):
        return None
    if conn in ("-", "–", "—") and (doc[j - 1].whitespace_ != doc[j].whitespace_):
        return None
    k = j + 1
    if k < len(doc) and (doc[k].lower_ in lex.currency_symbols or doc[k].text in lex.currency_codes):
        if lead == first.start:  # "16% to $123 million": no currency on the first number
            return None
        k += 1
    second = cores.get(k)
    if second is None or second.kind != first.kind:
        return None
    if unit is not None and (_unit_at(doc, second.end) or (0, None))[1] != unit[1]:
        return None
    if before in lex.from_words and conn == "to":
        start -= 1
    return second, start


def _unit_at(doc: Doc, i: int) -> Optional[tuple[int, str]]:
    """A percent sign, unit or currency word at ``i``: (end, what)."""
    return _match_at(doc, i, "percent") or _match_at(doc, i, "unit") or _match_at(doc, i, "currency")


#: Prepositions that bring in a value or a time to compare with ("rose to 7 *from* 5", "up 7
#: percent *on* last year's 60 million", "grew 3 percent *against* a year before").
COMPARING_PREPOSITIONS = frozenset({"from", "than", "against", "versus", "with", "on", "over"})
#: Of those, the ones that bring in the time a change is measured from ("fell 8 percent *from*
#: a year earlier"); "on" and "over" before a time date the change itself ("rose on Monday").
BASE_TIME_PREPOSITIONS = frozenset({"from", "against", "versus"})


def is_change(from_tok: Token) -> bool:
    """ "rose from 5 to 10", "fell 8 percent from a year earlier": the head of "from" is a
    change verb, so what follows is where the change started (not a range, not the time of
    the change)."""
    head = from_tok.head
    return head.lemma_.lower() in lexicon().change_verbs or head.lower_ in lexicon().change_verbs


def _range_token(doc: Doc, i: int, money: bool) -> Optional[tuple[_Core, _Core]]:
    """One token holding a range: "30-40", "3.5–4.0", "5k-20k"."""
    m = _RANGE_RE.match(doc[i].text.lower())
    if m is None:
        return None
    a, b = digit_value(m["a"]), digit_value(m["b"])
    if a is None or b is None:
        return None
    sa, sb = _suffix_scale(a[1], money), _suffix_scale(b[1], money)
    if sa is None or sb is None:
        return None
    return _Core(i, i + 1, a[0] * sa, scaled=bool(a[1])), _Core(i, i + 1, b[0] * sb, scaled=bool(b[1]))


def _build(doc: Doc, first: _Core, cores: dict[int, _Core]) -> _Expr:
    """The expression around ``first``: range, currency, unit and hedges."""
    money_before = _currency_before(doc, first.start)
    second = None
    start = money_before[0] if money_before else first.start
    partner = _range_partner(doc, first, start, cores)
    single = first.end == first.start + 1 and _RANGE_RE.match(doc[first.start].lower_)
    pair = _range_token(doc, first.start, money_before is not None) if single else None
    if partner is not None:
        second, range_start = partner
        start = min(start, range_start)
    expr = _Expr(
        start,
        (second or first).end,
        first.value,
        first.low,
        first.high,
        kind=first.kind,
        approximate=first.low is not None,
        first=first,
        cores=[first],
    )
    if pair is not None:
        first, second = pair
    if second is not None:
        _make_range(expr, first, second)
    money = money_before[1] if money_before else None
    if money is None and second is not None:
        money = (_currency_before(doc, second.start) or (0, None))[1]
    _after_core(doc, expr, money)
    _hedge(doc, expr)
    if second is None and expr.low is None and expr.high is None and not expr.approximate:
        expr.low = expr.high = expr.value
    return expr


def _make_range(expr: _Expr, first: _Core, second: _Core) -> None:
    """Bounds and midpoint of "30 to 40"; "2 to 3 million" scales the first."""
    low, high = first.value, second.value
    if second.base and not first.scaled and 0 < first.value <= second.base:
        low = first.value * (second.value / second.base)
    if first.low is not None:
        low = first.low
    if second.high is not None:
        high = second.high
    expr.low, expr.high = min(low, high), max(low, high)
    expr.value = (expr.low + expr.high) / 2
    expr.approximate = True
    expr.high_inclusive = True
    expr.cores.append(second)


def _hedge(doc: Doc, expr: _Expr) -> None:
    """Read a hedge before and one after the expression into its bounds."""
    before = _match_before(doc, expr.start, "hedge")
    if before is not None and not _some_of_vague(doc, expr, before[0]):
        start, kind = before
        _apply_hedge(expr, kind, doc[start : expr.start].text.lower())
        expr.start = start
    after = _match_at(doc, expr.end, "hedge")
    if after is not None and doc[expr.end : after[0]].text.lower() in lexicon().postfix_hedges:
        end, kind = after
        _apply_hedge(expr, kind, doc[expr.end : end].text.lower())
        expr.end = end
    elif after is None and expr.end + 1 < len(doc) and doc[expr.end].text == "-" and doc[expr.end + 1].lower_ == "plus":
        _apply_hedge(expr, "at_least", "plus")
        expr.end += 2


def _some_of_vague(doc: Doc, expr: _Expr, start: int) -> bool:
    """ "some hundreds of": "some" before a vague amount is not a hedge of it."""
    first = expr.first
    return doc[start].lower_ == "some" and expr.start - start == 1 and first is not None and first.low is not None


def _apply_hedge(expr: _Expr, kind: str, text: str) -> None:
    expr.hedge = f"{expr.hedge} … {text}" if expr.hedge else text
    low = expr.low if expr.low is not None else expr.value
    high = expr.high if expr.high is not None else expr.value
    if kind == "approximate":
        expr.approximate = True
    elif kind == "almost":
        expr.approximate, expr.high, expr.high_inclusive = True, high, False
    elif kind == "more_than":
        expr.low, expr.high, expr.low_inclusive = high, None, False
    elif kind == "at_least":
        expr.low, expr.high = low, None
    elif kind == "less_than":
        expr.low, expr.high, expr.high_inclusive = None, low, False
    elif kind == "at_most":
        expr.low, expr.high = None, high


# ---------------------------------------------------------------- filters


def _blocked_tokens(doc: Doc) -> list[bool]:
    """Tokens inside temporal expressions: the dates component's, else DATE/TIME entities."""
    blocked = [False] * len(doc)
    timexes = doc._.cc_timexes
    if timexes:
        spans = [(t.start, t.end) for t in timexes]
    else:
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME") and _looks_temporal(e)]
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for k in range(span.start, span.end):
                blocked[k] = True
    return blocked


def _looks_temporal(ent) -> bool:
    """A DATE/TIME entity that names time, not a mis-tagged count ("between 20 and 30")."""
    words = set(lexicon().temporal_words)
    for tok in ent:
        if tok.lower_ in words or ":" in tok.text or _is_year_text(tok.text) or tok.lower_.endswith("s") and tok.text[:-1].isdigit():
            return True
    return False


def _is_year_text(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _skip(doc: Doc, expr: _Expr, blocked: list[bool]) -> bool:
    """Whether the expression is not a quantity: a date part, year, time, label, pronoun."""
    first = expr.first
    if first is None or any(blocked[c.start] for c in expr.cores) or _is_phone(doc, first):
        return True
    if _is_temporal_unit(doc, expr.end) and expr.kind == "count":
        return True
    if len(expr.cores) > 1 or first.end == first.start + 1 and _RANGE_RE.match(doc[first.start].text.lower()):
        return _not_a_range(doc, expr)
    if expr.kind != "count" or expr.hedge:
        return False
    return (
        _is_year(doc, first)
        or _is_label(doc, first)
        or _is_pronoun_one(doc, first)
        or _is_date_part(doc, first)
        or _is_age(doc, first)
        or _is_compound_word(doc, expr)
    )


def _not_a_range(doc: Doc, expr: _Expr) -> bool:
    """ "1 – 0" (a score), "2013-14" (a season), "(31-4) 882-190" (a phone number)."""
    if expr.low is None or expr.high is None or expr.hedge:
        return False
    first = expr.first
    prev = doc[expr.start - 1].text if expr.start else ""
    nxt = doc[expr.end].text if expr.end < len(doc) else ""
    values = [c.value for c in expr.cores]
    if len(values) == 1:  # one token "30-40": read its halves
        m = _RANGE_RE.match(doc[first.start].text.lower())
        values = [float(digit_value(m["a"])[0]), float(digit_value(m["b"])[0])]  # type: ignore[index]
    descending = values[0] >= values[-1]
    dash = first.end < len(doc) and doc[first.end].text in ("-", "–", "—")
    spaced_small = dash and all(v < 10 for v in values) and doc[first.end - 1].whitespace_ != ""
    year_span = first.bare_digits and _is_year_text(doc[first.start].text) or _is_year_text(doc[first.start].text[:4])
    in_parens = prev == ")" or (prev == "(" and nxt == ")")
    return descending or spaced_small or year_span or in_parens


def _is_age(doc: Doc, core: _Core) -> bool:
    """An age, not a count ("James Kopp, 44, of St. Albans", "a man aged 61"): the
    language layer's answer (:func:`claimcheck.language.reference.stated_age`)."""
    return core.bare_digits and stated_age(doc[core.start]) is not None


def _is_compound_word(doc: Doc, expr: _Expr) -> bool:
    """ "one-time", "five-star": a number word fused into an adjective."""
    first = expr.first
    end = expr.end
    if first is None or first.bare_digits or end + 1 >= len(doc) or expr.kind != "count":
        return False
    return doc[end].text == "-" and not doc[end - 1].whitespace_ and doc[end + 1].lower_ not in numlex().number_words


def _is_temporal_unit(doc: Doc, end: int) -> bool:
    """ "three days", "a 25-year-old", "2 pm", "10 o'clock"."""
    if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc):
        end += 1
    return end < len(doc) and doc[end].lower_ in lexicon().temporal_units


def _is_year(doc: Doc, core: _Core) -> bool:
    tok = doc[core.start]
    if not (core.bare_digits and _is_year_text(tok.text)):
        return False
    prev = doc[core.start - 1].lower_ if core.start else ""
    counted = tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
    return prev in YEAR_PREPS or prev in lexicon().temporal_words or not counted


def _is_label(doc: Doc, core: _Core) -> bool:
    """ "page 12", "Article 5", "Boeing 737": a number naming, not counting."""
    if core.start == 0 or not core.bare_digits and core.end - core.start > 1:
        return False
    prev = doc[core.start - 1]
    tok = doc[core.start]
    counted = tok.dep_ == "nummod" and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
    if counted:
        return False
    return prev.lower_ in lexicon().label_nouns or (prev.pos_ == "PROPN" and prev.is_title and prev.lower_ not in lexicon().temporal_words)


def _is_pronoun_one(doc: Doc, core: _Core) -> bool:
    """ "one of them", "no one", "the one who": "one" that is not a count."""
    if core.end - core.start != 1 or doc[core.start].lower_ != "one":
        return False
    lex = lexicon()
    prev = doc[core.start - 1].lower_ if core.start else ""
    nxt = doc[core.end].lower_ if core.end < len(doc) else ""
    tok = doc[core.start]
    counted = tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i
    return prev in lex.pronoun_one_before or nxt in lex.pronoun_one_after or not counted


def _is_date_part(doc: Doc, core: _Core) -> bool:
    """ "December 14", "14 December": day numbers next to a month name."""
    words = lexicon().calendar_words
    prev = doc[core.start - 1].lower_ if core.start else ""
    nxt = doc[core.end].lower_ if core.end < len(doc) else ""
    return core.bare_digits and (prev in words or nxt in words)


def _is_phone(doc: Doc, core: _Core) -> bool:
    """Part of "555-123-4567" or "+44-333-1111/1111"."""
    i = core.start
    k, j = i, i
    while k > 0 and not doc[k - 1].whitespace_:
        k -= 1
    while j < len(doc) - 1 and not doc[j].whitespace_:
        j += 1
    chunk = doc[k : j + 1].text
    return bool(_PHONE_RE.match(chunk.strip(".,;:")))


# ---------------------------------------------------------------- counted noun


def counted_noun(doc: Doc, expr_end: int, last: Token) -> Optional[Token]:
    """The head of what the number counts: "troops" in "30 North Korean troops"."""
    if expr_end < len(doc) and doc[expr_end].lower_ == "of":
        of = doc[expr_end]
        for child in of.children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
        after = expr_end + 1
        if after < len(doc) and doc[after].like_num:
            after += 1  # "64 of 100 seats": what the whole counts, the part counts too
        return _noun_run(doc, after)
    head = last.head
    between = doc[expr_end : head.i] if head.i >= expr_end else None
    if (
        between is not None
        and head.pos_ in ("NOUN", "PROPN")
        and head.i - expr_end <= 5
        and "\n" not in doc[last.i : head.i].text
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in between)  # "Thirteen arrested in a crackdown"
    ):
        return head
    return _noun_run(doc, expr_end)


def _noun_run(doc: Doc, i: int) -> Optional[Token]:
    """Last noun of the adjective/noun run at ``i`` ("North Korean troops"), else an ADJ ("dead")."""
    found = None
    k = i
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    while k < len(doc) and k - i < 6 and (doc[k].pos_ in ("ADJ", "NOUN", "PROPN") or doc[k].text == "-"):
        if "\n" in doc[k - 1].whitespace_ + doc[k - 1].text:
            break
        if doc[k].pos_ in ("NOUN", "PROPN"):
            found = doc[k]
        elif found is not None:
            break
        k += 1
    if found is None and i < len(doc) and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "VBN") and (i + 1 >= len(doc) or doc[i + 1].pos_ not in ("NOUN", "PROPN")):
        return doc[i]
    return found


# ---------------------------------------------------------------- component


def find_quantities(doc: Doc) -> list[QuantityMention]:
    """Every quantity of ``doc``, in order (no overlaps)."""
    cores = _find_cores(doc)
    blocked = _blocked_tokens(doc)
    mentions: list[QuantityMention] = []
    taken = -1
    for i in sorted(cores):
        core = cores[i]
        if core.start < taken or blocked[core.start]:
            continue  # a number of a date is no range's first number: "jailed in 2009 to 12 years"
        expr = _build(doc, core, cores)
        taken = max(expr.end, max(c.end for c in expr.cores))
        if _skip(doc, expr, blocked):
            continue
        mentions.append(_mention(doc, expr, blocked))
    return _merge_bounds(doc, mentions)


def _merge_bounds(doc: Doc, mentions: list[QuantityMention]) -> list[QuantityMention]:
    """ "more than 100 but fewer than 200": a lower and an upper bound become one interval."""
    merged: list[QuantityMention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        if prev is not None and _bounds_pair(doc, prev, m):
            merged[-1] = _join_bounds(doc, prev, m)
        else:
            merged.append(m)
    return merged


def _bounds_pair(doc: Doc, a: QuantityMention, b: QuantityMention) -> bool:
    qa, qb = a.quantity, b.quantity
    if a.kind != b.kind or qa.unit != qb.unit or not (qa.hedge and qb.hedge):
        return False
    if doc[a.token_end : b.token_start].text.strip(" ,").lower() not in ("and", "but", ""):
        return False
    one_sided = {(qa.high is None and qa.low is not None), (qb.low is None and qb.high is not None)}
    other_way = {(qa.low is None and qa.high is not None), (qb.high is None and qb.low is not None)}
    low, high = (qa.low, qb.high) if one_sided == {True} else (qb.low, qa.high)
    return (one_sided == {True} or other_way == {True}) and low is not None and high is not None and low < high


def _join_bounds(doc: Doc, a: QuantityMention, b: QuantityMention) -> QuantityMention:
    lower, upper = (a, b) if a.quantity.low is not None else (b, a)
    low, high = lower.quantity.low, upper.quantity.high
    assert low is not None and high is not None
    quantity = lower.quantity.model_copy(
        update={
            "text": doc[a.token_start : b.token_end].text,
            "value": (low + high) / 2,
            "high": high,
            "high_inclusive": upper.quantity.high_inclusive,
            "hedge": f"{a.quantity.hedge} … {b.quantity.hedge}",
            "noun": b.quantity.noun or a.quantity.noun,
        }
    )
    return QuantityMention(
        a.start, b.end, quantity, a.kind, a.token_start, b.token_end, b.noun_i if b.noun_i is not None else a.noun_i
    )


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Lower-case words a number written in words can start with (digits are checked apart)."""
    lex = lexicon()
    words = set(numlex().number_words) | set(numlex().articles) | {"half"}
    words |= {w.split()[0] for w in list(lex.vague) + lex.vague_multipliers}
    return frozenset(words)


@lru_cache(maxsize=1)
def _starter_ids() -> frozenset[int]:
    return string_ids(_starters())


def _find_cores(doc: Doc) -> dict[int, _Core]:
    """Token index → the number starting there (greedy, non-overlapping)."""
    cores: dict[int, _Core] = {}
    lex = lexicon()
    end = 0  # tokens before it belong to a number already read
    for i in _number_starts(doc):
        if i < end:
            continue
        money = i > 0 and (doc[i - 1].lower_ in lex.currency_symbols or doc[i - 1].text in lex.currency_codes)
        core = _read_core(doc, i, money)
        if core is not None:
            cores[i] = _signed(doc, core)
            end = core.end
    return cores


def _number_starts(doc: Doc) -> list[int]:
    """The tokens a number can start at, in order: a digit, a sign or point before a digit
    ("-5", ".5"), or a word of :func:`_starters`; read from the doc's arrays, so that no
    ``Token`` is made for the other words."""
    from spacy.attrs import IDX, LENGTH

    text = doc_text(doc)
    _, lowers = token_tags(doc)
    starters = _starter_ids()
    out = []
    for i, (start, length) in enumerate(doc.to_array([IDX, LENGTH]).tolist()):
        first = text[start]
        if first.isdigit() or first in "-+." and length > 1 and text[start + 1].isdigit() or lowers[i] in starters:
            out.append(i)
    return out


def _signed(doc: Doc, core: _Core) -> _Core:
    """ "minus five", "negative one": flip the sign."""
    if core.start and doc[core.start - 1].lower_ in lexicon().negative_words:
        core.value = -core.value
        core.start -= 1
    return core


def _mention(doc: Doc, expr: _Expr, blocked: Sequence[bool] = ()) -> QuantityMention:
    """The public record of an expression, with its counted noun (never a word of a date:
    "rose to 10.7 million *last year*")."""
    start_char = doc[expr.start].idx
    end_char = doc[expr.end - 1].idx + len(doc[expr.end - 1].text)
    noun = None
    if expr.kind == "count":
        last = doc[max(c.end for c in expr.cores) - 1]
        noun = counted_noun(doc, expr.end, last)
        if noun is not None and noun.i < len(blocked) and blocked[noun.i]:
            noun = None
    quantity = Quantity(
        text=doc[expr.start : expr.end].text,
        value=_tidy(expr.value),
        low=_tidy(expr.low),
        high=_tidy(expr.high),
        approximate=expr.approximate,
        hedge=expr.hedge,
        unit=expr.unit,
        noun=_noun_text(noun),
        low_inclusive=expr.low_inclusive,
        high_inclusive=expr.high_inclusive,
    )
    return QuantityMention(
        start=start_char,
        end=end_char,
        quantity=quantity,
        kind=expr.kind,
        token_start=expr.start,
        token_end=expr.end,
        noun_i=noun.i if noun is not None else None,
    )


def _tidy(x: Optional[float]) -> Optional[float]:
    """Drop float noise from scaling: 83 × 0.01 → 0.83, not 0.8300000000000001."""
    return None if x is None else float(f"{x:.12g}")


def _noun_text(noun: Optional[Token]) -> Optional[str]:
    if noun is None:
        return None
    return noun.text if noun.pos_ == "PROPN" else noun.lower_


@Language.factory("claimcheck_quantities")
def make_quantities(nlp: Language, name: str) -> "QuantitiesComponent":
    """Factory of the ``claimcheck_quantities`` component."""
    return QuantitiesComponent()


class QuantitiesComponent:
    """Writes ``doc._.cc_quantities``: a list of :class:`QuantityMention`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_quantities = find_quantities(doc)
        return doc
