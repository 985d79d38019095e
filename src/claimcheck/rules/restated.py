"""Restated figures (CC205): one fact given twice, with values that cannot both be true.

Rules here read fact frames (``ctx.frames``). Two frames state the same fact
when they measure the same thing (dimension, unit, the noun counted), say it of
the same thing (the governing verb or the casualty outcome), about the same
actors and places, at the same time, on the same word. Their values compare as
intervals: a hedge is a bound ("over 1,000" is above 1,000, "nearly 1,000" below
it), an approximation or a round number has some slack ("about 30" and "32"
agree), and a conflict is two intervals that do not meet.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Optional

from .. import lexicons
from ..language.numbers import number_value
from ..language.reference import lexicon as people_lexicon
from ..language.units import convert
from ..models import Finding, Frame, Measure, Quantity
from .base import CheckContext, Rule
from .helpers import gap_days, interval

#: Slack of an approximate value ("about 30"), as a share of it.
APPROXIMATE_SLACK = 0.15
#: A round number ("10,000") may stand for a value this share away from it, at most.
ROUNDING_SLACK = 0.1
#: A floor ("more than 60,000") told of a figure at least this many times it is too low to be
#: that figure's floor, when the figure is also a step of the floor's rounding above it.
FLOOR_RATIO = 1.25
#: Dimensions whose parts a headline may total ("9 wounded": four officers and five teachers).
SUMMED = frozenset({"count", "money", "mass", "volume", "area", "length"})
#: Dimensions whose frames can restate one fact.
RESTATABLE = frozenset({"count", "money", "percent", "fraction", "length", "area", "volume", "mass", "speed",
                        "temperature", "duration", "ordinal", "times"})
#: Dimensions whose values often come without a noun of their own ("sentenced to eight years",
#: "burned 300 acres", "paid 5 million euros"): the doing identifies the fact.
NOUNLESS_DIMENSIONS = frozenset({"duration", "money", "length", "area", "volume", "mass", "speed"})
#: Nouns too generic to identify a fact by themselves ("for three years", "12 times").
GENERIC_NOUNS = frozenset({"year", "month", "week", "day", "hour", "time", "people", "person", "percent", "thing", "one", "other"})
#: Nouns that count a score or a measure, not members of a set: "a 16-point lead", "took all
#: three points".
SCORE_NOUNS = frozenset({"point"})
#: Nouns of the people something befell, whatever it was: a story's one toll, named again.
VICTIM_NOUNS = frozenset({"victim"})
#: A sentence that tells of another happening than the one before ("another attack", "meanwhile").
OTHER_HAPPENING = re.compile(r"\b(?:another|separate|a second|a new|separately|elsewhere|meanwhile|in other|a further)\b", re.I)
#: Casualty outcomes a count of killed-or-wounded contains.
PART_OUTCOMES = frozenset({"killed", "wounded"})
#: Precisions of a period, not a point: a total over it is another fact than a day's figure.
PERIOD_PRECISIONS = frozenset({"year", "half", "quarter", "season", "decade", "century"})
#: Share of the shorter sentence's content words the other must share to retell one happening.
RETOLD_OVERLAP = 0.7
#: Share of words for a sentence told again nearly word for word (a running total or a price
#: told twice the same way is one figure).
CLOSE_RETELLING = 0.85
#: The same for two counts in the body that name no one and no place.
ANONYMOUS_OVERLAP = 0.5
#: A dated fact this far from the publication date is background, not the story's news.
BACKGROUND_DAYS = 30


def bounds(q: Quantity) -> Optional[tuple[float, float, bool, bool]]:
    """``(low, high, low_open, high_open)``: the values a written quantity allows.

    A one-sided hedge leaves the other side open ("more than 100": above 100;
    "fewer than 50": 0 to 50); "nearly 30" is just under 30; "about 30" and a round
    number have some slack either way."""
    v = q.value
    point = q.low == q.high == v and q.hedge is None  # "one trillion" read as the range [1e12, 1e12]
    if (q.low is not None or q.high is not None) and not point:
        one_sided = q.hedge is not None and (q.low is None) != (q.high is None)
        lo = q.low if q.low is not None else (0.0 if one_sided else v)
        hi = q.high if q.high is not None else (math.inf if one_sided else v)
        if lo is None or hi is None:
            return None
        if q.approximate and q.low is None and q.high is not None and not q.high_inclusive:
            lo = q.high * (1 - APPROXIMATE_SLACK)  # "nearly 30", "almost 1,000"
        return lo, hi, not q.low_inclusive, not q.high_inclusive
    if v is None:
        return None
    slack = abs(v) * APPROXIMATE_SLACK if q.approximate else rounding_slack(v)
    return v - slack, v + slack, False, False


def rounding_slack(value: float) -> float:
    """How far a written value may be from the figure it rounds: half a unit of its last
    significant digit ("30": 5, "12,000": 500), at most a tenth of it; exact when it has no
    trailing zeros or a fraction."""
    if not float(value).is_integer() or value == 0:
        return 0.0
    n = int(abs(value))
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    return min(10**zeros / 2 if zeros else 0.0, abs(value) * ROUNDING_SLACK)


def floor_far_below(floor: Quantity, figure: Quantity, closed: bool = False) -> bool:
    """A floor told of a figure well above it: "more than 60,000" and "78,000".

    A writer who knows a figure gives the round number just under it ("more than
    70,000" for 78,000), so a floor a whole step of its rounding and a quarter
    below a plain figure is not that figure's floor. An open floor ("more than",
    "over") says so; "at least 15" is a bound that a later count may pass, so it
    counts only when ``closed`` (a headline and its story tell one count)."""
    lo = floor.low
    if not floor.hedge or lo is None or floor.high is not None or floor.low_inclusive and not closed or lo <= 0:
        return False
    v = figure.value
    if v is None or figure.hedge or figure.approximate or (figure.low not in (None, v)) or (figure.high not in (None, v)):
        return False
    n = int(lo) if float(lo).is_integer() else 0
    step = 10 ** (len(str(n)) - len(str(n).rstrip("0"))) if n else 1
    return v >= lo + step and v >= lo * FLOOR_RATIO


def _floors(a: Frame, b: Frame) -> Optional[tuple[float, float]]:
    """The lower bounds of the two, the earlier's first: (14, 9) of "at least 14" … "at least 9"."""
    first, later = (a, b) if a.span.start < b.span.start else (b, a)
    lo, again = (first.quantity.low if first.quantity else None), (later.quantity.low if later.quantity else None)
    return (lo, again) if lo is not None and again is not None else None


def _floor_falls(a: Frame, b: Frame) -> bool:
    """One toll's floor told again far lower later in the story ("killed at least 14" … "at
    least 9 people had been killed"): a running figure may rise, never fall back."""
    floors = _floors(a, b)
    return floors is not None and 0 < floors[1] * FLOOR_RATIO <= floors[0] and float(floors[1]).is_integer()


def disjoint(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """Two intervals that do not meet (an open bound excludes its end)."""
    (alo, ahi, alo_open, ahi_open), (blo, bhi, blo_open, bhi_open) = a, b
    if ahi < blo or bhi < alo:
        return True
    if ahi == blo and (ahi_open or blo_open):
        return True
    return bhi == alo and (bhi_open or alo_open)


def in_unit(frame: Frame, unit: Optional[str]) -> Optional[Quantity]:
    """The frame's quantity converted to ``unit`` (the same quantity when no conversion is needed)."""
    q = frame.quantity
    if q is None or unit is None or frame.measure.unit is None or frame.measure.unit == unit:
        return q
    if frame.measure.dimension == "duration":
        factor = duration_days(frame.measure.unit) / duration_days(unit)
        return _scaled(q, factor)
    factor = convert(1.0, frame.measure.unit, unit)
    return _scaled(q, factor) if factor is not None else None


def _scaled(q: Quantity, factor: Optional[float]) -> Optional[Quantity]:
    if factor is None:
        return None
    scale = (lambda x: None if x is None else x * factor)  # noqa: E731
    return q.model_copy(update={"value": scale(q.value), "low": scale(q.low), "high": scale(q.high)})


_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30.44, "year": 365.25}


def duration_days(unit: str) -> float:
    """Days in one unit of a length of time (a month and a year on average)."""
    return _DAYS.get(unit, 1.0)


def comparable(f: Frame) -> bool:
    """A frame that states a value as fact, or as a plan (see :func:`same_fact`); a value of a
    thing the reader knows holds whatever its verb denies ("the 4 billion euro budget does not
    raise taxes")."""
    if f.quantity is None:
        return False
    known = _known_value(f)
    return (
        f.measure.dimension in RESTATABLE
        and (not f.predicate.negated or time_between(f) or known)
        and (f.modality in ("asserted", "reported", "estimated", "speculative") or f.modality == "negated" and (time_between(f) or known))
        and not f.compared
        and not (f.quantity.value == 1 and not f.quantity.hedge and not _one_of_a_measure(f))
        and not _names_a_model(f)
    )


#: Nouns of things whose plural is the singular ("12 aircraft"); nouns of people are in the people lexicon.
SAME_IN_THE_PLURAL = frozenset({"aircraft", "spacecraft", "sheep", "fish", "deer", "cattle", "livestock", "series", "species", "offspring"})

#: A length of time told as the distance between two happenings: "eleven days *after* the landslide".
_BETWEEN = re.compile(r"\s+(?:before|after|later|earlier)\b", re.I)


def time_between(f: Frame) -> bool:
    """A length of time told as the distance between two happenings ("eleven days after the
    landslide", "a week later"): what the verb denies ("still do not know the cause, eleven
    days after the landslide") is not the distance."""
    if f.measure.dimension != "duration" or f.sentence_span is None:
        return False
    return _BETWEEN.match(f.sentence, f.span.end - f.sentence_span.start) is not None


def _one_of_a_measure(f: Frame) -> bool:
    """A value of one that measures ("one hour", "a one-day visit"), not one person or thing
    ("one soldier"), nor a kind named by its length with no noun it is the length of ("one-year
    loans")."""
    return f.measure.dimension != "count" and (f.measure.noun is not None or "-" not in f.span.text)


def same_measure(a: Frame, b: Frame) -> bool:
    """Both measure the same thing: dimension, unit kind, noun and its narrowing words."""
    ma, mb = a.measure, b.measure
    if ma.dimension != mb.dimension or ma.per != mb.per:
        return False  # "41 cents a share" is a rate, not the "$75 million" the company earned
    if ma.dimension == "money" and ma.unit != mb.unit:
        return False
    if _count_named_by_doing(a, b):
        return True
    if ma.noun and mb.noun:
        kin = headline_kin(ma.noun, mb.noun) and (in_headline(a, b) or _told_as_known(a) or _told_as_known(b))
        if ma.noun != mb.noun and not (kin or in_headline(a, b) and (_measure_of(ma, mb) or _measure_of(mb, ma))):
            return False  # the story may name a thing again with a noun of its kind: "a three-day summit" … "the three-day meeting"
    elif verb_names_noun(a, b):
        pass
    elif ma.dimension in NOUNLESS_DIMENSIONS and (not ma.noun and not mb.noun or in_headline(a, b)):
        # "Bushfire burns 900 hectares" / "a fast-moving bushfire burned 900 hectares"; "5,000
        # tonnes of rice to be shipped" / "will ship 5,000 tonnes of rice stocks"
        if in_headline(a, b):
            if not _same_doing(a, b, loose=True):
                return False
        elif not (_same_doing(a, b) and retold(a, b) or _same_subject_retold(a, b)):
            return False  # "sentenced Dufour to eight years" / "… to 13 years": a length of one doing
    elif ma.dimension not in ("count",) or not _people_count(a, b):
        return False
    mods_a, mods_b = set(ma.modifiers), set(mb.modifiers)
    return not (mods_a and mods_b and not mods_a & mods_b)


def verb_names_noun(a: Frame, b: Frame) -> bool:
    """A length of time without a noun, whose verb is the other's noun: "sentenced to 12 years"
    / "the 12-year sentence", "banned for two years" / "a two-year ban"; a sum only by the
    doing it is for ("to settle") or the price its verb was done for ("signed him for 45
    million euros" / "the 45 million euro signing"), as a verb after a sum is often read as
    its noun ("saw $20 million *move* abroad")."""
    for x, y in ((a, b), (b, a)):
        if x.measure.noun is None and y.measure.noun is not None and x.measure.dimension == y.measure.dimension == "money":
            # a sum paid for a doing, and that doing's noun as known: "pay $48 million to
            # settle the claims" / "the $48 million settlement"; the price a doing was done
            # for: "signed the striker for 45 million euros" / "the 45 million euro signing"
            doing = _purpose(x) or (x.predicate.lemma if _price(x) else None)
            return _noun_of_verb(doing, y.measure.noun) and _told_as_known(y)
        if x.measure.noun is None and y.measure.noun is not None and (
            _noun_of_verb(x.predicate.lemma, y.measure.noun) or _lasts(x, y.measure.noun)
        ):
            return x.measure.dimension == "duration"
    return False


_PRICE = re.compile(r"\bfor\s+(?:about|around|some|nearly|almost|roughly|more than|over|under|less than|just over|just under)?\s*$", re.I)


def _price(f: Frame) -> bool:
    """The sum is what its verb was done for: "signed the striker *for* 45 million euros"."""
    if f.sentence_span is None:
        return False
    return _PRICE.search(f.sentence[: f.span.start - f.sentence_span.start]) is not None


_PURPOSE = re.compile(r"\s+(?:in order\s+)?to\s+([a-z]+)\b")


def _purpose(f: Frame) -> Optional[str]:
    """The verb a sum is for, right after it: "pay $48 million *to settle* the claims"."""
    if f.sentence_span is None:
        return None
    m = _PURPOSE.match(f.sentence, f.span.end - f.sentence_span.start)
    return m.group(1) if m else None


#: Verbs whose length is the length of their subject: "the truce will *last* 60 days".
LASTING_VERBS = frozenset({"last", "run", "span"})


def _lasts(f: Frame, noun: str) -> bool:
    """``f`` tells how long ``noun`` lasts: "the truce will last 60 days" of "the 60-day truce"."""
    return f.predicate.lemma in LASTING_VERBS and f.subject is not None and f.subject.split()[-1] == noun


def _noun_of_verb(lemma: Optional[str], word: str) -> bool:
    """``word`` is a form of the verb ``lemma`` or the noun of its doing: "ban" / "banned",
    "close" / "closed" / "closure", "suspend" / "suspension" (the verb's stem and a short
    ending)."""
    if not lemma or " " in word:
        return False
    if lemma == word:
        return True
    stem = lemma[: max(3, len(lemma) - 1)]
    return len(lemma) >= 3 and word.startswith(stem) and 0 < len(word) - len(lemma) <= 4


_KNOWN_BEFORE = re.compile(r"(?:\b(?:the|his|her|their|its)|'s)\s+$", re.I)


def _count_named_by_doing(a: Frame, b: Frame) -> bool:
    """A count told by its verb and named again as known by the noun of that doing: "will cut
    900 jobs" / "the 900 job cuts", "police arrested 12 people" / "the 12 arrests"; the
    doing's noun carries the counted noun as its modifier, or the count is of people."""
    for x, y in ((a, b), (b, a)):
        if not (x.measure.dimension == y.measure.dimension == "count") or x.measure.noun == y.measure.noun:
            continue
        if y.measure.noun is None or not _noun_of_verb(x.predicate.lemma, y.measure.noun) or not _named_as_known(y):
            continue
        counted = x.measure.noun
        if counted is None or counted in y.measure.modifiers or counted in people_nouns() and not y.measure.modifiers:
            return x.predicate.lemma not in LIGHT_VERBS and _whole_counts(a, b)
    return False


def _length_named_again(a: Frame, b: Frame) -> bool:
    """A length told by its verb and then named by its noun as one the reader knows:
    "sentenced to nine years" … "the 14-year sentence"."""
    return verb_names_noun(a, b) and any(_told_as_known(f) for f in (a, b))


def _known_thing(a: Frame, b: Frame) -> bool:
    """A sum or a length of a named thing the reader knows, told with a future verb of what
    the thing will do: "the 4 billion euro budget will not raise taxes" tells the budget's
    size, not a plan."""
    return any(f.predicate.tense == "future" and _known_value(f) for f in (a, b))


def _known_value(f: Frame) -> bool:
    """A sum, a length or a rank of a named thing told as one the reader knows ("the 2.4
    billion rand budget")."""
    return specific_measure(f) and _told_as_known(f)


def _named_as_known(f: Frame) -> bool:
    """A figure told of a set or a thing the reader has met ("the 40 freed hostages", "the 7
    percent fall")."""
    return f.definite or _told_as_known(f)


def _told_as_known(f: Frame) -> bool:
    """A value of a noun told as one the reader knows: "*the* 12-year sentence", "*her*
    six-year term", "*Ortega's* 12-year sentence"."""
    if f.measure.noun is None or f.sentence_span is None:
        return False
    return _KNOWN_BEFORE.search(f.sentence[: f.span.start - f.sentence_span.start]) is not None


def headline_kin(a: str, b: str) -> bool:
    """Nouns a headline and its story use for one thing: "Port signs 25-year deal" / "a 25-year
    contract", "firms" / "companies" (``headline_noun_kinds`` in claims.json); a story naming a
    thing again as known uses them too ("a three-day summit" … "the three-day meeting")."""
    return any(a in kind and b in kind for kind in _noun_kinds())


def _measure_of(a: Measure, b: Measure) -> bool:
    """``b`` measures what ``a`` names, with a noun of measure: "unemployment" / "the
    unemployment rate", "inflation" / "the inflation rate" (``measure_nouns`` in claims.json)."""
    return b.noun in _measure_nouns() and a.noun in b.modifiers


@lru_cache(maxsize=1)
def _outcome_words() -> dict[str, frozenset[str]]:
    """Each casualty outcome → the words that tell it ("killed": "death", "fatality", …)."""
    return {outcome: frozenset(words) for outcome, words in lexicons.read("claims")["casualty_outcomes"].items()}


@lru_cache(maxsize=1)
def change_verbs() -> frozenset[str]:
    """Verbs that tell a figure as a change ("rose", "fell"): the quantities lexicon's."""
    return frozenset(lexicons.read("quantities")["change_verbs"])


@lru_cache(maxsize=1)
def _measure_nouns() -> frozenset[str]:
    return frozenset(lexicons.read("claims")["measure_nouns"])


@lru_cache(maxsize=1)
def _noun_kinds() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(kind) for kind in lexicons.read("claims")["headline_noun_kinds"])


@lru_cache(maxsize=1)
def _verb_kinds() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(kind) for kind in lexicons.read("claims")["headline_verb_kinds"])


def same_verb(a: Frame, b: Frame) -> bool:
    """Told with the same verb; a headline and its story may use verbs of one kind for one
    doing ("Police detain 14 protesters" / "police arrested 14 protesters", "Court jails …
    for seven years" / "sentenced … to seven years"; ``headline_verb_kinds`` in claims.json)."""
    la, lb = a.predicate.lemma, b.predicate.lemma
    if la is None or lb is None:
        return False
    return la == lb or in_headline(a, b) and any(la in kind and lb in kind for kind in _verb_kinds())


def _people_count(a: Frame, b: Frame) -> bool:
    """A count without a noun ("Quake kills 45", "Thirteen arrested") can be a count of
    people ("45 people were killed", "police arrested 13 people") said the same way."""
    nouns = [n for n in (a.measure.noun, b.measure.noun) if n is not None]
    if any(n not in people_nouns() for n in nouns):
        return False
    if bool(a.predicate.outcome and b.predicate.outcome):
        return True
    if not nouns and not in_headline(a, b):
        return False  # two bare numbers in the body ("the 486", "the 386") are no count of anyone
    return a.predicate.lemma not in (None, "be", "have") and same_verb(a, b)


def _same_doing(a: Frame, b: Frame, loose: bool = False) -> bool:
    """The same verb, not a light one, of the same named subject or about the same named
    parties; ``loose`` (a headline's few words): one subject's words within the other's."""
    if not same_verb(a, b) or a.predicate.lemma in LIGHT_VERBS:
        return False
    if a.subject is not None and b.subject is not None:
        if a.subject == b.subject or loose and _subjects_nest(a, b):
            return True
        if loose and a.subject.split()[-1] == b.subject.split()[-1] and a.subject.split()[-1] not in GENERIC_NOUNS:
            return True  # "Brewer's profit" / "its net profit": one subject, told with other words before it
    if loose and any(is_head(f) and f.subject is None and not f.about_keys for f in (a, b)):
        return True  # a headline in the passive names no one: "5,000 tonnes to be shipped"
    if loose and _headline_subject_in_story(a, b):
        return True  # "Former mayor jailed for seven years" / "sentenced former mayor Ion Vasile to …"
    return bool(a.about_keys) and set(a.about_keys) == set(b.about_keys)


def _places(f: Frame) -> set[str]:
    """The places a frame names, lower-case."""
    return {p.lower() for p in f.places}


def _parties_dropped(a: Frame, b: Frame) -> bool:
    """A count told again without the parties or places it first named, of the same named thing
    with the same verb or outcome: "an explosion at the Karaganda mine killed 12 miners" … "12
    miners died in the blast"."""
    def dropped(x: set[str], y: set[str]) -> bool:
        return not x or not y or x == y

    return (
        dropped(set(a.about_keys), set(b.about_keys))
        and dropped(_places(a), _places(b))
        and (_same_counted_noun(a, b) or _same_toll_of(a, b) and not _floor_rises(a, b))
        and _same_verb_or_outcome(a, b)
        and _whole_counts(a, b)
    )


def _floor_rises(a: Frame, b: Frame) -> bool:
    """A toll's floor told higher later ("at least 20" … "at least 30"): a running toll."""
    floors = _floors(a, b)
    return floors is not None and floors[1] > floors[0]


def _whole_counts(a: Frame, b: Frame) -> bool:
    """Both count whole things: "a 2.49 ERA" is a score of a stretch of games, not a count."""
    return all(f.quantity is not None and f.quantity.value is not None and float(f.quantity.value).is_integer() for f in (a, b))


def _headline_subject_in_story(a: Frame, b: Frame) -> bool:
    """The headline's subject is named, word for word, in the story's sentence, whatever role it
    has there (a headline in the passive makes the one acted on its subject)."""
    if is_head(a) == is_head(b):
        return False
    head, body = (a, b) if is_head(a) else (b, a)
    if head.subject is None:
        return False
    words = {w.rstrip("s") for w in re.findall(r"[a-z]+", body.sentence.lower())}
    wanted = {w.rstrip("s") for w in head.subject.split() if len(w) > 2}
    return bool(wanted) and wanted <= words


def _same_counted_noun(a: Frame, b: Frame) -> bool:
    """Both count the same named thing (not people or things in general)."""
    noun = a.measure.noun
    return a.measure.dimension == b.measure.dimension == "count" and noun is not None and noun == b.measure.noun and noun not in GENERIC_NOUNS


def _listed_item_retold(a: Frame, b: Frame) -> bool:
    """A list's item and a figure told on its own count the same named thing, with the same
    verb or outcome."""
    return _same_counted_noun(a, b) and _same_verb_or_outcome(a, b)


def _same_subject_retold(a: Frame, b: Frame) -> bool:
    """One sentence told again nearly word for word, of the same subject with the same verb,
    light or not: "Brent crude was at 62 dollars" / "Brent crude was at 64 dollars"; one
    subject's words may be all among the other's ("Ingrid Solberg" / "Solberg"), and a
    sentence that names no one either time is told again with the same verb."""
    if a.subject is None and b.subject is None and not a.about_keys and not b.about_keys:
        # no one named either time: "it emerged that about 2.4 million pounds had been
        # spent", told again
        return a.predicate.lemma is not None and a.predicate.lemma == b.predicate.lemma and retold(a, b, CLOSE_RETELLING)
    return (
        _subjects_nest(a, b)
        and a.predicate.lemma is not None
        and a.predicate.lemma == b.predicate.lemma
        and retold(a, b, CLOSE_RETELLING)
    )


def people_nouns() -> frozenset[str]:
    lex = people_lexicon()
    return lex.people_nouns | lex.military_nouns | {"man", "woman", "child", "person", "people"}


def same_predicate(a: Frame, b: Frame) -> bool:
    """Said of the same thing: the same outcome of a toll, else the same verb; a sum of money,
    a length of time or an ordinal of a specific noun is one fact whatever verb states it."""
    pa, pb = a.predicate, b.predicate
    headline = "headline" in (a.where.part, b.where.part) or "standfirst" in (a.where.part, b.where.part)
    if pa.outcome or pb.outcome:
        if not (pa.outcome and pb.outcome) or not (pa.outcome == pb.outcome or "killed_or_wounded" in (pa.outcome, pb.outcome)):
            return False
        # a headline tells a toll in its own words ("Quake kills 45" / "45 people died"); so may
        # the body, of the same people counted with the same noun ("killing nine people" /
        # "nine people had died"); otherwise one fact is told with the same verb
        return headline or pa.lemma == pb.lemma or pa.outcome == pb.outcome and a.measure.noun is not None and a.measure.noun == b.measure.noun
    if headline and a.measure.noun and a.measure.noun not in GENERIC_NOUNS and a.measure.modifiers:
        # "Kenya holds 8 suspected Somali pirates" / "… detaining 8 suspected Somali pirates":
        # a headline names the same narrowly described things in other words; a nationality
        # may move from modifier to owner ("Canadian wheat exports" / "Canada's wheat exports");
        # the story may narrow what the headline names further ("state-owned firms" / "state-owned
        # industrial companies"), never the other way
        owners = set(a.about_keys) | set(b.about_keys)
        head, story = (a, b) if is_head(a) else (b, a)
        return _narrowing(head.measure.modifiers, owners) <= _narrowing(story.measure.modifiers, owners)
    if a.measure.dimension in ("money", "duration", "ordinal", "length", "area", "volume", "mass") and a.measure.noun and a.measure.noun not in GENERIC_NOUNS:
        return True
    if verb_names_noun(a, b) or _count_named_by_doing(a, b):
        return True
    return same_verb(a, b)


def _narrowing(modifiers: Sequence[str], owners: set[str]) -> set[str]:
    """The modifiers that narrow what is measured, not those that name a party to it: "Chile's"
    or "with the city" in "a 20-year lease with the city", when the city is one of the actors;
    nor a headline's clause the parse took for one ("Celtics, Morgan ink" of "Celtics, Morgan
    ink two-year deal"), which names an actor by one of their names."""
    names = {w for o in owners for w in o.split() if len(w) > 2}
    return {m for m in modifiers if m not in owners and m.split(" ", 1)[-1] not in owners and not names & set(m.split())}


def specific_measure(f: Frame) -> bool:
    """A sum, a length of time or a rank of one named thing ("the $4.5 million in damages",
    "her six-year term"): the thing identifies the fact, whatever verb states it."""
    return f.measure.dimension in ("money", "duration", "ordinal") and f.measure.noun is not None and f.measure.noun not in GENERIC_NOUNS


def is_head(f: Frame) -> bool:
    """Told in the headline or the standfirst."""
    return f.where.part in ("headline", "standfirst")


def in_headline(a: Frame, b: Frame) -> bool:
    return is_head(a) or is_head(b)


def same_parties(a: Frame, b: Frame) -> bool:
    """About the same actors, places and subject. A headline names fewer of them than its
    story, so it needs only to meet them; two statements in the body must name the same."""
    places_a, places_b = _places(a), _places(b)
    specific = specific_measure(a) and specific_measure(b) or _length_named_again(a, b) or _count_named_by_doing(a, b)
    if a.subject and b.subject and not _subjects_nest(a, b) and not specific and not in_headline(a, b):
        return False  # "the Harbour index gained 9 points" / "the Mining index gained 17 points" ("a cargo ship" / "the ship" is one)
    if in_headline(a, b):
        if a.about_keys and b.about_keys and not _names_meet([*a.about_keys, *places_a], [*b.about_keys, *places_b]):
            return False  # "Kenya arrests 14" / "Kenyan police arrested 14": the parties meet (a
            # place may name one: "Saxony vote" / "the election in Saxony")
        if places_a and places_b and not places_a & places_b:
            return False
    elif specific:  # a sum, a length or a rank of one named thing: the parties must only meet
        if a.about_keys and b.about_keys and not set(a.about_keys) & set(b.about_keys) and not _subjects_meet(a, b):
            return False
        if places_a and places_b and not places_a & places_b:
            return False
    elif (set(a.about_keys) != set(b.about_keys) or places_a != places_b) and not _parties_dropped(a, b) or set(a.measure.modifiers) != set(b.measure.modifiers):
        return False  # two counts in the body are one fact only about the very same parties
    if a.measure.dimension in ("ordinal", "times") and not (a.about_keys and b.about_keys and a.predicate.lemma == b.predicate.lemma):
        return False
    return True


def same_time(a: Frame, b: Frame, published: Optional[date] = None) -> bool:
    """Not told of two different times: the event dates (and report dates) meet when both are
    given; a total over a period ("30 police this year") is not a day's figure; and a fact
    dated well before publication is background, not the undated news it resembles."""
    if specific_measure(a) and specific_measure(b):
        return True  # the length of a term or a sum awarded is one, whenever each verb happened
    for da, db in ((a.when, b.when), (a.reported, b.reported)):
        ia, ib = interval(da), interval(db)
        if ia is not None and ib is not None and gap_days(ia, ib) > 0:
            return False
    if a.measure.dimension == "money" and verb_names_noun(a, b):
        return True  # "bought it for $2 million last year" / "the $2.4 million purchase": one price
    # a deadline ("will cut 1,200 jobs by 2027") is no period the figure is a total over
    pa = a.when.precision if a.when is not None and a.when.preposition not in DEADLINE_PREPOSITIONS else None
    pb = b.when.precision if b.when is not None and b.when.preposition not in DEADLINE_PREPOSITIONS else None
    rate = _headline_rate(a, b) or _headline_period(a, b)
    if (pa in PERIOD_PRECISIONS) != (pb in PERIOD_PRECISIONS) and not headline_dates(a, b) and not _headline_plan(a, b) and not rate:
        return False
    if published is not None and (a.when is None) != (b.when is None) and not headline_dates(a, b) and not rate:
        dated = interval(a.when) or interval(b.when)
        if dated is not None and (published - dated[1]).days > BACKGROUND_DAYS:
            return False
    return True


def _headline_rate(a: Frame, b: Frame) -> bool:
    """A share the headline tells without the period its story gives ("Jobless rate hits 6
    percent" / "the jobless rate reached 6 percent over the summer"): a rate of a period is
    no total over it."""
    if not in_headline(a, b) or is_head(a) == is_head(b):
        return False
    head, body = (a, b) if is_head(a) else (b, a)
    if head.when is not None or body.where.part != "body" or body.when is None:
        return False
    # so is a level a change reached ("Brewer's profit rises to 2.1 billion euros" / "net
    # profit rose last year to 2.1 billion euros"), told with the same verb
    changed = head.predicate.lemma in change_verbs() and same_verb(head, body)
    return head.measure.dimension == "percent" or changed


#: Prepositions of a deadline: "by 2027", "before the end of the year".
DEADLINE_PREPOSITIONS = frozenset({"by", "before"})
#: A headline's total over a period told by its length: "in 10 years", "over the past six months".
HEADLINE_PERIOD = re.compile(r"\b(?:in|over|within)\s+(?:the\s+(?:past|last|first)\s+)?(?:\d+|[a-z]+)\s+(?:years|months|weeks|decades|quarters)\b", re.I)


def _headline_period(a: Frame, b: Frame) -> bool:
    """An undated headline that tells the length of the period its story dates ("About 600
    clinics close in five years" / "from 2019 to 2024, about 600 clinics closed"): a total
    over the same period, not a day's news beside it."""
    if not in_headline(a, b) or is_head(a) == is_head(b):
        return False
    head, body = (a, b) if is_head(a) else (b, a)
    return head.when is None and body.when is not None and body.where.part == "body" and HEADLINE_PERIOD.search(head.sentence) is not None


def headline_dates(a: Frame, b: Frame) -> bool:
    """A headline dates the figure its story leaves undated ("Economy grows 2 percent in third
    quarter" / "the economy grew 2 percent"); the reverse, an undated headline and a dated body
    figure, is a total over a period ("30 police killed this year") beside the headline's news."""
    head, body = (a, b) if is_head(a) else (b, a)
    return in_headline(a, b) and head.when is not None and body.when is None and body.where.part == "body"


def same_word(a: Frame, b: Frame) -> bool:
    """Not two sources disagreeing: when both name their sources, they share one."""
    sa = {source_key(s.name) for s in a.sources if not s.vague}
    sb = {source_key(s.name) for s in b.sources if not s.vague}
    # one source named more or less fully: "the ministry" / "the interior ministry", "the Red
    # Cross" / "a Red Cross spokeswoman"
    return not sa or not sb or any(_nested(set(x.split()), set(y.split())) for x in sa for y in sb)


def source_key(name: str) -> str:
    """A source's name without a determiner: "their lawyer" and "the lawyer" are one source."""
    return re.sub(r"^(?:the|a|an|his|her|its|their|our)\s+", "", name.strip().lower())


@dataclass(frozen=True)
class Sets:
    """What the article's counts tell of the sets they name (see :func:`one_set_each`):
    ``several``, the nouns it counts several sets of; ``antecedents``, for a set named again,
    the earlier counts of its noun with its value (the set it names again)."""

    several: frozenset[str] = frozenset()
    antecedents: dict[str, frozenset[str]] = field(default_factory=dict)


NO_SETS = Sets()


def same_fact(a: Frame, b: Frame, published: Optional[date] = None, sets: Sets = NO_SETS) -> bool:
    """Two frames that state one fact (see the module docstring); ``sets``: what the article's
    counts tell of the sets they name."""
    if a.sentence_span is not None and b.sentence_span is not None and a.sentence_span.start == b.sentence_span.start:
        return False  # one sentence: a comparison or a correction ("revised to 38 from 40")
    if (a.extra or b.extra) and not (a.extra and b.extra and retold(a, b, CLOSE_RETELLING)):
        return False  # "another 12", "also paid $5,000": an addition, unless the sentence is told again
    if same_set(a, b, sets):
        return True  # whatever is told of it, wherever: a set named again is the same set
    if a.listed or b.listed:
        # one item of a list ("wounding two guards and nine passengers") is one fact with a
        # figure told on its own, of the same people, with the same verb, in the body; with
        # another item of a list only when the sentence is told again nearly word for word
        if in_headline(a, b):
            if not (a.listed and b.listed and _same_counted_noun(a, b)):
                return False  # a headline's list ("9 miners, two rescuers hurt") and its story's
        elif not _listed_item_retold(a, b) or a.listed == b.listed and not retold(a, b, CLOSE_RETELLING):
            return False
    if a.cumulative and b.cumulative and not retold(a, b, CLOSE_RETELLING) and not in_headline(a, b):
        # a running toll may rise (a fall is CC202's); one sentence told again may not; a
        # headline tells one of its story's values (see check_fact)
        return False
    if a.cumulative != b.cumulative and set(a.about_keys) != set(b.about_keys):
        return False  # "Chile toll rises to 9" is one country's share of "killing 130 people"
    if (other_happening(a) or other_happening(b)) and not retold(a, b, CLOSE_RETELLING):
        return False  # "Meanwhile, 12 were hurt": another happening, unless the sentence is told again
    if (a.converts is None) != (b.converts is None):
        return False  # "(about 2.3 million dollars)" restates its own sum, not another figure in dollars
    if a.converts is not None and not retold(a, b):
        return False  # two conversions are one fact only as parts of one sentence told again
    if "speculative" in (a.modality, b.modality) and not (a.modality == b.modality and retold(a, b)) and not _headline_plan(a, b):
        return False  # a guess ("could approach 30 million") is one fact only with the same guess told again
    if "future" in (a.predicate.tense, b.predicate.tense) and not _headline_plan(a, b) and not _length_named_again(a, b) and not _known_thing(a, b) and not _count_named_by_doing(a, b):
        # a plan or a forecast ("will give three million euros") is one fact only when both
        # tell it ahead and in nearly the same words
        if a.predicate.tense != b.predicate.tense or not retold(a, b):
            return False
    if not (same_measure(a, b) and same_predicate(a, b) and same_parties(a, b) and same_time(a, b, published) and same_word(a, b)):
        return False
    if in_headline(a, b) or specific_measure(a) or specific_measure(b) or a.about_keys or a.places:
        return True
    # two counts in the body that name no one and no place ("26 people were detained near the
    # campus" / "30 people were detained outside parliament") are one fact only when told alike,
    # or told of one thing doing the same ("a bus carrying 41 passengers" / "the bus had been
    # carrying 41 passengers")
    return retold(a, b, ANONYMOUS_OVERLAP) or _one_thing_doing(a, b)


def _one_thing_doing(a: Frame, b: Frame) -> bool:
    """The same verb, not a light one, of one thing named by the same noun (not people: "police
    arrested 26" and "police arrested 30" may be two raids)."""
    if not _subjects_nest(a, b) or a.predicate.lemma in LIGHT_VERBS or not same_verb(a, b):
        return False  # ("a cargo ship" … "the ship" is one subject)
    head = a.subject.split()[-1]  # type: ignore[union-attr]
    return _whole_counts(a, b) and head not in people_nouns() and head not in GENERIC_NOUNS and head.isalpha()


def told_in_story(head: Frame, b: Frame) -> bool:
    """The story states the headline's value of the same named thing, whatever its time or verb
    ("Exports down 12 percent" / "exports were 12 percent lower in May")."""
    return (
        not is_head(b)
        and head.measure.noun is not None
        and b.measure.noun is not None
        and set(head.measure.modifiers) == set(b.measure.modifiers)
        and same_measure(head, b)  # the same noun, or one of its kind (see headline_kin)
        and same_predicate(head, b)
        and same_value(head, b)
        and conflict(head, b) is None
    )


def _headline_plan(a: Frame, b: Frame) -> bool:
    """A headline's plan and its story's: headlines tell what will happen with "to" or the
    present ("Council to sell 40 buses", "Council sells 40 buses") where the story says "will"."""
    if not in_headline(a, b) or is_head(a) == is_head(b):
        return False
    head, body = (a, b) if is_head(a) else (b, a)
    return body.predicate.tense == "future" and head.predicate.tense in (None, "present", "future")


def same_set(a: Frame, b: Frame, sets: Sets = NO_SETS) -> bool:
    """A count of a set named again as that set: "two countries signed the pact" … "the three
    countries' leaders", "the 29 cities" … "these 30 cities". The later count names the set with
    a determiner and nothing after its noun to narrow it; both count the same noun, in the body,
    with the same modifiers. The later may drop the earlier's modifiers when the earlier brings
    the set in ("three electric buses" … "the three buses"); a set already named with a modifier
    is a part of the set without it ("the board's four elected members" … "the board's nine
    members"). A set counted before with the later's value is the one it names ("five
    protesters were held; two were charged; the five protesters were freed"). Of a noun the
    article counts several sets of, the later names an earlier with the same modifiers and the
    same verb or outcome ("two senior judges", "four judges dissented" … "the court's nine
    judges sit"). "The two" of another count is a pair of them, not the set again."""
    earlier, later = (a, b) if a.span.start < b.span.start else (b, a)
    mods, earlier_mods = set(later.measure.modifiers), set(earlier.measure.modifiers)
    several = earlier.measure.noun in sets.several
    antecedents = sets.antecedents.get(later.id)
    return (
        later.definite
        and later.measure.noun not in SCORE_NOUNS
        and (_same_counted_noun(a, b) or _same_toll_of(a, b) or a.measure.noun == b.measure.noun and _told_again_as_done(later, earlier))
        and (not antecedents or earlier.id in antecedents)
        and (mods == earlier_mods or mods < earlier_mods and not earlier.definite and not several or _told_again_as_done(later, earlier))
        and (not several or _same_verb_or_outcome(a, b))
        and not in_headline(a, b)
        and not earlier.cumulative
        and not later.cumulative
        and not _a_pair_of_another_count(later, earlier)
    )


def _a_pair_of_another_count(later: Frame, earlier: Frame) -> bool:
    """ "the two countries" after "five Andean countries" brought the set in: two of them, as
    a story names a pair by its members ("Peru and Bolivia … the two countries"), not the five
    again (after "the three brothers", "the two brothers" is the set again; "the two missing"
    is the toll of missing told again)."""
    lq, eq = later.quantity, earlier.quantity
    return (
        lq is not None and eq is not None and lq.value == 2 and eq.value != 2 and not earlier.definite
        and later.measure.noun is not None and later.predicate.outcome is None
    )


def _told_again_as_done(later: Frame, earlier: Frame) -> bool:
    """The later count narrows the earlier's set only by what the earlier tells was done to it:
    "2,300 families were evacuated" … "the 2,300 evacuated families", "police arrested 17
    people" … "the 17 people arrested"."""
    extra = set(later.measure.modifiers) - set(earlier.measure.modifiers)
    return len(extra) == 1 and _tells_doing(next(iter(extra)), earlier) and set(later.measure.modifiers) - extra <= set(earlier.measure.modifiers)


def _tells_doing(word: str, f: Frame) -> bool:
    """``word`` is a form of the frame's verb: "arrested" of "arrested", "closed" of "closing"."""
    return word == (f.predicate.text or "").lower() or _noun_of_verb(f.predicate.lemma, word)


def _same_verb_or_outcome(a: Frame, b: Frame) -> bool:
    return bool(a.predicate.outcome) and a.predicate.outcome == b.predicate.outcome or same_verb(a, b)


def _same_toll_of(a: Frame, b: Frame) -> bool:
    """Both count people in general with the same outcome: "six people were killed" … "the six
    people were killed", "killing 23 people" … "the 23 dead" (a count named by what befell it)."""
    nouns = {a.measure.noun, b.measure.noun}
    # "killing 64" … "the 64 deaths", "the 64 victims"
    outcome_nouns = _outcome_words().get(a.predicate.outcome or "", frozenset()) | VICTIM_NOUNS
    return (
        a.measure.dimension == b.measure.dimension == "count"
        and nouns - {None} <= GENERIC_NOUNS | outcome_nouns
        and len(nouns - {None} - outcome_nouns) <= 1
        and a.predicate.outcome is not None
        and a.predicate.outcome == b.predicate.outcome
    )


def one_set_each(frames: list[Frame], every: Sequence[Frame]) -> tuple[list[Frame], Sets]:
    """``frames``, where a definite count names one of several sets no longer counted as a set
    named again; and what the counts tell of the sets (:class:`Sets`). The article tells of one
    set of a thing when its counts of that thing take at most two values and one of them only
    once; "the five countries" twice and "the two countries" three times are a group and the
    pairs among it. The counts are of the noun with whatever modifiers, as a set may be named
    again without them; a definite count is asked of the other counts, its own value left
    out, as it is the one that may have been given wrong."""
    counted = sorted((f for f in every if _body_count(f)), key=lambda f: f.span.start)
    values: dict[str, Counter] = {}
    for f in counted:
        values.setdefault(f.measure.noun, Counter())[f.quantity.value] += 1  # type: ignore[arg-type, union-attr]
    outcomes = {e.predicate.outcome for e in every if _body_toll(e)}
    out = []
    for f in frames:
        counts = values.get(f.measure.noun, Counter()).copy()  # type: ignore[arg-type]
        if _body_count(f):
            counts[f.quantity.value] -= 1  # type: ignore[union-attr]
        if f.definite and _several_sets(+counts):
            f = f.model_copy(update={"definite": False})
        if f.definite and f.measure.noun in VICTIM_NOUNS and f.predicate.outcome is None and len(outcomes) == 1:
            # "the four victims" of a story that tells one toll are the people it befell
            f = f.model_copy(update={"predicate": f.predicate.model_copy(update={"outcome": next(iter(outcomes))})})
        out.append(f)
    antecedents = {
        f.id: frozenset(
            e.id for e in counted
            if e.span.start < f.span.start and e.measure.noun == f.measure.noun and e.quantity.value == f.quantity.value  # type: ignore[union-attr]
        )
        for f in out
        if f.definite and _body_count(f)
    }
    for f in out:  # "the 19 dead": a toll counted before with its value
        if f.definite and _body_toll(f) and f.measure.noun is None:
            antecedents[f.id] = frozenset(
                e.id for e in every
                if _body_toll(e) and e.span.start < f.span.start and e.predicate.outcome == f.predicate.outcome
                and e.quantity.value == f.quantity.value  # type: ignore[union-attr]
            )
    several = frozenset(noun for noun, counts in values.items() if _several_sets(counts))
    return out, Sets(several, antecedents)


def _several_sets(counts: Counter) -> bool:
    return len(counts) > 2 or len(counts) == 2 and min(counts.values()) > 1


def _body_toll(f: Frame) -> bool:
    """A count of people in general (or of no noun) by what befell them, in the body."""
    return (
        f.measure.dimension == "count" and f.predicate.outcome is not None and f.quantity is not None
        and f.where.part == "body" and (f.measure.noun is None or f.measure.noun in GENERIC_NOUNS)
    )


def _body_count(f: Frame) -> bool:
    return f.measure.dimension == "count" and f.measure.noun is not None and f.quantity is not None and f.where.part == "body"


def other_happening(f: Frame) -> bool:
    """The sentence tells of another happening before it gives the figure: "In a separate
    attack, five soldiers died", "Meanwhile, 12 were hurt" (not "met three leaders in a further
    effort to …", where the words come after the figure and tell of something else)."""
    offset = f.span.start - f.sentence_span.start if f.sentence_span is not None else len(f.sentence)
    return OTHER_HAPPENING.search(f.sentence, 0, max(0, offset)) is not None


def same_value(a: Frame, b: Frame) -> bool:
    """The two give one value, hedges aside, up to rounding: "at least 70" and "70 people"."""
    qa, qb = a.quantity, in_unit(b, a.measure.unit)
    if qa is None or qb is None or qa.value is None or qb.value is None:
        return False
    va, vb = qa.value, qb.value
    return abs(va - vb) <= max(rounding_slack(va), rounding_slack(vb))


def sums_to(whole: Frame, parts: Sequence[Frame]) -> bool:
    """The parts' values add up to the whole's: a headline's "9 wounded" told in the story as
    "four police officers were wounded" and, later, "wounding five teachers"."""
    values = [p.quantity.value for p in parts if p.quantity is not None and p.quantity.value is not None]
    if len(values) < 2 or whole.quantity is None or whole.quantity.value is None:
        return False
    if whole.measure.dimension not in SUMMED or len(set(values)) == 1:
        return False  # "closed for three months" … "the three-month closure": one length told twice
    return abs(sum(values) - whole.quantity.value) <= rounding_slack(whole.quantity.value)


def in_breakdown(f: Frame, frames: Sequence[Frame]) -> bool:
    """A figure beside another of the same kind in its sentence is a part ("five people died on
    the spot and two others in hospital"), a comparison or a correction, not a restatement."""
    if f.sentence_span is None:
        return False
    for g in frames:
        if g is f or g.compared or g.sentence_span is None or g.sentence_span.start != f.sentence_span.start:
            continue  # a value given for comparison ("up from 6", "12 less than in May") is no part
        if g.measure.dimension != f.measure.dimension or f.id in (g.converts, g.id) or g.id == f.converts:
            continue  # "two million euros (about 2.3 million dollars)": one sum in two currencies
        if g.part_of == f.id:
            continue  # "the nine passengers, three of whom were children": a part of it, told of the whole
        if g.measure.per != f.measure.per:
            continue  # "earned $75 million, or 41 cents a share": the sum and its rate
        if f.measure.dimension == "money":  # "earned $75 million on sales of $1.1 billion": two sums of two things
            same_kind = f.measure.noun == g.measure.noun
        else:
            same_kind = f.measure.noun in (None, "other") or g.measure.noun in (None, "other") or f.measure.noun == g.measure.noun
        if f.predicate.outcome or g.predicate.outcome:  # "two car bombs killed 14": the harm and what did it
            same_said = f.predicate.outcome == g.predicate.outcome
        else:
            same_said = bool(f.predicate.lemma) and g.predicate.lemma == f.predicate.lemma
        if same_kind and same_said:
            return True
    return False


def odd_bound_last(head: Frame, told: Frame, others: Sequence[Frame]) -> tuple[Frame, Frame]:
    """A headline and its story's statement that bound one number each way: the pair with
    the one the other statements do not allow last. The statements of the story vote by
    their bounds ("the six people" allows "at least six", not "fewer than six"); a tie
    leaves the headline last, as the one that restates the story."""
    def allowed_by(f: Frame) -> int:
        own = bounds(f.quantity) if f.quantity is not None else None
        return sum(
            1 for o in others
            if own is not None and o.quantity is not None and (b := bounds(o.quantity)) is not None and not disjoint(own, b)
        )

    return (head, told) if allowed_by(head) > allowed_by(told) else (told, head)


#: Words after a length that tie it to another time: "the two days *before* the vote", "the
#: three days *since* the quake", "the four days *left*".
_STRETCH_TIED = re.compile(r"^\s*(?:before|after|since|ago|earlier|later|left|remaining|until|following|prior|to\s+come|ahead|of\s+the\s+year)\b", re.I)


#: A stretch counted from now or from another time: "the past week", "the first two days".
_RELATIVE_STRETCH = re.compile(r"\b(?:past|last|next|coming|previous|recent|following|first|final)\b", re.I)


def lengths_named_again(frames: Sequence[Frame]) -> Iterator[tuple[Frame, Frame]]:
    """A length of time named as known without a noun ("during *their* four days
    underground") and the one length in that unit the story told before ("trapped for three
    days", however many times): the reader is told the same stretch again. With two earlier
    lengths of other values in the unit, which one is meant cannot be told; a length tied to another time ("the two days
    before the vote") or of a series is another stretch."""
    lengths = [f for f in frames if f.measure.dimension == "duration" and comparable(f) and f.quantity is not None and not _is_range(f.quantity)]
    for k, known in enumerate(lengths):
        if known.measure.noun is not None or known.where.part != "body" or not _bare_known_length(known):
            continue
        earlier = [
            f for f in lengths[:k]
            if f.measure.unit == known.measure.unit and not _bare_known_length(f) and not _RELATIVE_STRETCH.search(f.span.text)
        ]
        if len({f.quantity.value for f in earlier}) != 1:  # type: ignore[union-attr]
            continue  # (one stretch, told once or several times alike, in the headline too)
        told = earlier[-1]
        if not series_apart(told, known, near=True) and conflict(told, known) == "values":
            yield told, known


def grown_since(a: Frame, b: Frame, every: Sequence[Frame]) -> bool:
    """The later of two counts names the set as known ("the 14 hostages") after the earlier
    one's sentence added to it ("freed nine hostages on Saturday and five more on Sunday"):
    the set has grown, no value changed."""
    first, later = (a, b) if a.span.start < b.span.start else (b, a)
    if not _named_as_known(later) or first.sentence_span is None:
        return False
    return any(
        g.extra and g.sentence_span == first.sentence_span and g.measure.noun in (None, first.measure.noun)
        for g in every
    )


def sets_named_again(frames: Sequence[Frame]) -> Iterator[tuple[Frame, Frame]]:
    """A set named again as known by its count alone ("*the* 58 seats gave his party a
    mandate", no word of its own, nothing after it) and the counts of that noun the story gave
    in the sentences before ("won 58 of the 100 seats", "took 34 seats"): the set is one
    of those, so a count that is none of them, nor the sum or the difference of two, tells
    one of them again with another value. It is held against the count told most often (the
    nearest in value of those, then in the text), a whole of a part ("the 100 seats") only
    when there is no other."""
    counts = [
        f for f in frames
        if f.measure.dimension == "count" and comparable(f) and f.quantity is not None and f.quantity.value is not None
        and not _is_range(f.quantity) and not f.quantity.hedge and not f.quantity.approximate
    ]
    wholes = {f.part_of for f in counts}
    for k, known in enumerate(counts):
        if not _bare_set(known) or known.where.part != "body" or not _the_before(known) or known.id in wholes:
            continue  # ("88 of the 454 seats": the whole of a part is no set named again)
        if known.quantity.value <= 2:  # type: ignore[union-attr,operator]
            continue  # "the two countries": a pair, named by its members
        earlier = [
            f for f in counts[:k]
            if f.measure.noun == known.measure.noun and f.sentence_span != known.sentence_span
        ]
        values = [f.quantity.value for f in earlier]  # type: ignore[union-attr]
        if not values or any(same_value(f, known) for f in earlier):
            continue
        if any(f.extra or f.cumulative or grown_since(f, known, frames) for f in earlier):
            continue  # "freed nine on Saturday and five more on Sunday": the set has grown
        v = known.quantity.value  # type: ignore[union-attr]
        if any(abs(x + y - v) < 1e-9 or abs(abs(x - y) - v) < 1e-9 for x, y in combinations(values, 2)) or abs(sum(values) - v) < 1e-9:
            continue  # "freed 20 on Monday and 18 on Tuesday … the 38 hostages"; "the 42 seats" of 100 less 58
        pool = [f for f in earlier if f.id not in wholes] or earlier  # "58 of the 100 seats": the 58, not the whole
        times = Counter(f.quantity.value for f in pool)  # type: ignore[union-attr]
        # the count told most often, then the nearest in value (a slip changes a digit or two), then in the text
        told = min(reversed(pool), key=lambda f: (-times[f.quantity.value], abs(f.quantity.value - v)))  # type: ignore[union-attr,operator]
        if conflict(told, known) == "values":
            yield told, known


def _bare_set(f: Frame) -> bool:
    """A count of a set named as one already met ("the 12 hostages") with no word of its own:
    no modifier, nothing narrowing it after, not one more of, not an item of a list nor a
    part of a whole."""
    return (
        f.measure.noun is not None
        and not f.measure.modifiers
        and f.definite
        and f.part_of is None
        and not f.extra
        and not f.listed
        and not f.cumulative
        and f.sentence_span is not None
        and not _narrowed_after(f)
        and _SET_NARROWED.match(f.sentence, f.span.end - f.sentence_span.start) is None
    )


#: Words right after a counted noun that narrow the set: "the 166 parties *to* the protocol".
_SET_NARROWED = re.compile(r"\s*(?:in|of|at|by|for|on|over|to|from|with|under|who|which|that|whose)\b", re.I)


def _names_a_model(f: Frame) -> bool:
    """A number before a noun in the singular ("the 737 jet", "its 80486 chip"): a model's
    name, no count; nouns whose plural is the same ("the 40 staff", "12 aircraft") aside."""
    q = f.quantity
    noun = (f.measure.noun or "").lower()
    words = f.span.text.lower().split()
    if f.measure.dimension != "count" or not noun or q is None or q.value in (None, 1) or not words:
        return False
    # a plural the lemmatizer keeps ("11 Palestinians", "60,000 Afghans") is a count
    return words[-1] == noun and not noun.endswith("s") and noun not in people_nouns() and noun not in SAME_IN_THE_PLURAL


def _the_before(f: Frame) -> bool:
    """ "the" (or "those", "these") right before the count: the set itself, not one owned
    by someone ("the council's 15 members"), nor all of a kind ("took all three points")."""
    if f.sentence_span is None:
        return False
    before = f.sentence[: f.span.start - f.sentence_span.start]
    return re.search(r"\b(?:the|these|those)\s+$", before, re.I) is not None or re.match(r"(?:the|these|those)\s", f.span.text, re.I) is not None


def _bare_known_length(f: Frame) -> bool:
    if f.sentence_span is None:
        return False
    before = f.sentence[: f.span.start - f.sentence_span.start]
    after = f.sentence[f.span.end - f.sentence_span.start :]
    # the determiner right before the number ("their four days"), in the span or before it;
    # not "the past three years", a stretch back from now
    own = re.match(r"(?:the|their|his|her|its)\s+(\S+)", f.span.text, re.I)
    known = _KNOWN_BEFORE.search(before) is not None or own is not None and number_value(own.group(1)) is not None
    return known and _STRETCH_TIED.match(after) is None


def retold_breakdowns(frames: Sequence[Frame], published: Optional[date] = None) -> Iterator[tuple[Frame, Frame, str]]:
    """Figures of a sentence told again nearly word for word, paired in order: "the bloc won
    61 seats and the Democrats 48" told again as "the bloc won 71 seats and …". Both
    sentences must give the same kinds of figure in the same order; a pair is reported when
    its values cannot both hold (at most one pair per sentence told again)."""
    sentences = _by_sentence(frames, lambda f: comparable(f) and f.converts is None)
    kinds = {id(fs): [(f.measure.dimension, f.measure.noun, tuple(sorted(f.measure.modifiers)), f.measure.unit, f.measure.per) for f in fs] for fs in sentences}
    for first, second in combinations(sentences, 2):
        if kinds[id(first)] != kinds[id(second)] or not told_word_for_word(first[0].sentence, second[0].sentence):
            continue
        for a, b in zip(first, second):
            if (
                same_time(a, b, published) and same_word(a, b)
                and (a.subject is None or b.subject is None or _subjects_nest(a, b))
                and (kind := conflict(a, b)) is not None
            ):
                yield a, b, kind
                break


def _by_sentence(frames: Sequence[Frame], keep: Callable[[Frame], bool]) -> list[list[Frame]]:
    """The frames ``keep`` keeps, by sentence, in the order of the text."""
    by_start: dict[int, list[Frame]] = {}
    for f in frames:
        if f.sentence_span is not None and keep(f):
            by_start.setdefault(f.sentence_span.start, []).append(f)
    return [sorted(fs, key=lambda f: f.span.start) for _, fs in sorted(by_start.items())]


def told_word_for_word(a: str, b: str) -> bool:
    """Two sentences with the same words but for their figures: at least five content words,
    nearly all shared, and the very same words of time ("for the third quarter" is not "from
    January to September", "in June" not "in June last year")."""
    wa, wb = content_words(a), content_words(b)
    if min(len(wa), len(wb)) < 5 or len(wa & wb) / min(len(wa), len(wb)) < CLOSE_RETELLING:
        return False
    return _time_words(a) == _time_words(b)


#: Words that place a figure in time, beside months, weekdays and years.
_TIME_WORDS = frozenset(
    "year years month months week weeks day days quarter half today yesterday tomorrow last next earlier later ago "
    "previous first second third fourth since until through".split()
)


@lru_cache(maxsize=4096)
def _time_words(sentence: str) -> frozenset[str]:
    words = {w.lower().strip(".") for w in re.findall(r"[A-Za-z][\w.'-]*|\b(?:1[5-9]|20)\d\d\b", sentence)}
    return frozenset(w for w in words if w in _TIME_WORDS or _DATE_WORDS.match(w) and not w.isdigit() or re.fullmatch(r"(?:1[5-9]|20)\d\d", w))


def _is_range(q: Quantity) -> bool:
    """A range written out with both ends ("between 20 and 30", "7-16")."""
    return q.low is not None and q.high is not None and q.low != q.high and q.hedge is None


def same_hedge(a: Quantity, b: Quantity) -> bool:
    """Both hedged one way: "at least 4" and "at least 6", "more than 100" and "over 120"."""
    def side(q: Quantity) -> Optional[str]:
        if q.low is not None and q.high is None:
            return "above"
        if q.high is not None and q.low is None:
            return "below"
        return None

    return side(a) is not None and side(a) == side(b) and bool(a.hedge) and bool(b.hedge)


def facts(frames: list[Frame], published: Optional[date] = None, sets: Sets = NO_SETS) -> list[list[Frame]]:
    """The frames grouped by the fact they state (pairs that state one fact chain into a group)."""
    parent = list(range(len(frames)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in combinations(range(len(frames)), 2):
        if same_fact(frames[i], frames[j], published, sets):
            parent[root(j)] = root(i)
    groups: dict[int, list[Frame]] = {}
    for i, f in enumerate(frames):
        groups.setdefault(root(i), []).append(f)
    return [g for g in groups.values() if len(g) > 1]


def conflict(a: Frame, b: Frame) -> Optional[str]:
    """How the two values of one fact disagree: ``values`` (they cannot both hold), ``hedge``
    (a bound each way: "over 1,000" and "nearly 1,000"), ``outcome`` (one number, "killed" and
    "killed or wounded"), or None."""
    qa, qb = a.quantity, in_unit(b, a.measure.unit)
    if qa is None or qb is None:
        return None
    # (whether the sentence is told again is asked last: it compares the two sentences' words)
    if _is_range(qa) and _is_range(qb) and (qa.low, qa.high) != (qb.low, qb.high) and retold(a, b, CLOSE_RETELLING):
        return "values"  # "between 20 and 30 days" / "between 20 and 45 days": one range told again
    hedged_alike = same_hedge(qa, qb)
    both_about = qa.approximate and qb.approximate  # "about 450,000 euros" / "about 540,000 euros"
    if qa.value is not None and qb.value is not None and (
        (hedged_alike or both_about) and (in_headline(a, b) or retold(a, b, CLOSE_RETELLING))
    ):
        # "at least 4" and "at least 6" of one toll, in a headline and its story, or two
        # "about" sums in one sentence told again: two different figures behind one hedge,
        # each rounded ("about 500" may be the story's "about 480", not its "about 380")
        qa = qa.model_copy(update={"low": None, "high": None, "hedge": None, "approximate": False})
        qb = qb.model_copy(update={"low": None, "high": None, "hedge": None, "approximate": False})
    ba, bb = bounds(qa), bounds(qb)
    if ba is None or bb is None:
        return None
    if disjoint(ba, bb):
        if qa.value == qb.value and bool(qa.hedge) != bool(qb.hedge):
            return None  # a headline drops the hedge: "40,000 enrolled" / "more than 40,000"
        hedged = bool(qa.hedge) and bool(qb.hedge)
        return "hedge" if hedged and qa.value == qb.value else "values"
    headline = in_headline(a, b)
    if floor_far_below(qa, qb, headline) or floor_far_below(qb, qa, headline):
        return "values"
    if hedged_alike and not headline and _floor_falls(a, b):
        return "values"
    oa, ob = a.predicate.outcome, b.predicate.outcome
    if oa and ob and oa != ob and qa.value is not None and qa.value == qb.value:
        return "outcome"
    return None


class RestatedFigureConflict(Rule):
    """One figure is given twice with values that cannot both be true.

    ## What it does
    Compares every pair of values the article states — counts, sums of money,
    percentages, measures, lengths of time, ordinals, counts of times — in the
    headline, the standfirst and the body. When two of them state the same fact
    (the same thing measured, said of the same thing, about the same people and
    places, at the same time, on the same word) and their values cannot both
    hold, it reports the second. Hedges are bounds: "over 1,000" and "nearly
    1,000" conflict, "about 30" and "32" do not; an open floor well below a
    figure is no floor of it ("more than 6,000" and "9,000": a writer who knew
    9,000 would say "more than 8,000"), while "at least" leaves room for a
    later count, not for a headline's ("31 dead" / "killed at least 19"), nor
    for a floor told again far lower ("at least 30" … "at least 20"). Running tolls that rise, values
    from different sources or for different times, and figures in one sentence
    (a comparison or a correction) are left alone; a part told of the whole
    ("the seven passengers, three of whom were children") leaves the whole a
    figure of its own. The same number told as
    "killed" and as "killed or wounded" is reported too. So is one happening
    told twice on two different days: the same verb of the same subject, about
    the same parties and places, in sentences that share most of their words,
    neither telling of it happening again; one named event ("the March 30
    election") given two different days in sentences told alike; one thing's
    own one-off happening told in other words ("the strike began on May 4" …
    "since the strike started on May 7"; "a fire broke out on May 11" … "the
    May 14 fire"), unless the words before either day tell of it happening
    again; and a sentence told again nearly word for word with another day,
    whatever its verb ("there were clashes on March 4"). A set named
    again ("the five universities") is the set counted before, whatever is told
    of it, unless the article counts several sets of that thing; it may drop
    the modifiers of the count that brought it in ("four fishing boats" … "the
    five boats"), or be named by what befell it ("killing 17 people" … "the 17
    dead", "the 17 deaths"), or by the noun of its doing ("will cut 900 jobs" …
    "the 900 job cuts", "arrested 14 people" … "the 14 arrests"). A count told again may drop the parties it first named, with the
    same verb or the same outcome ("an explosion at the Karaganda mine killed 12
    miners" … "12 miners died in the blast", "killed at least 30 people in
    Kerala" … "at least 30 people had been killed"), or be told of one thing doing the
    same ("a cargo ship carrying 22 crew" … "the ship had been carrying 22
    crew"; not of people, as "police arrested 26" may be another raid; not a
    score such as "a 2.15 ERA", which is no count). In "58 of the 100 seats" only the
    part is what the verb tells; the whole is the size of the set. A share of a change told with a noun ("a 6 percent revenue
    rise") states what the verb does ("revenue rose 6 percent"). A sentence
    told again nearly word for word states one figure: a running total, a
    price, a guess, a figure after "meanwhile", one said of no one named. In
    such a sentence two "about" figures are two figures ("about 450,000 euros"
    / "about 540,000 euros"), and so are two ranges with other ends ("between
    20 and 30 days" / "between 20 and 45 days"); its figures are compared in their
    order, whatever the parse made of each copy ("won 61 seats, and the Democrats
    48"), when the two copies share their words of time. One item of a list ("three
    peacekeepers and a driver") is compared with the figure told on its own,
    and with another list's item only in a sentence told again so; a headline
    that lists too ("6 climbers, two guides rescued") is compared item by item
    with its story's list. A headline may tell the doing with another verb of its
    kind ("Police detain 14" / "police arrested 14") and a toll without a verb
    ("six dead"); its subject may be the one the story's verb acts on ("Former
    judge jailed" / "sentenced former judge Amos Kiprop") or share its head noun
    ("Maersk revenue" / "its annual revenue"), and the level a change reached may
    leave out the period the story gives ("revenue rises to 8.3 billion dollars"
    / "rose last year to 8.3 billion dollars"). When a headline agrees with its
    story's first statement, a later one that names the fact as known ("the 7
    percent fall in copper output") and disagrees with both is reported; a story's plan told as reported speech ("said it would cut 800
    jobs") is the headline's plan. A length of time told by its verb and then by
    its noun ("banned for two years" / "the three-year ban") is one length, and
    so is a length of a thing named again as known with a noun of its kind ("a
    three-day summit" … "at the three-day meeting"), whose verb's "also" adds
    the doing, not the length, or told by the noun of its doing ("will close for
    five weeks" / "the five-week closure") or by how long the thing lasts ("a
    truce that will last 30 days" / "the 30-day truce"); a length named as known
    without a noun ("during their six days on the mountain") is the one length in
    that unit the story told before ("stranded for five days"), unless it is tied
    to another time ("the two days before the vote"). A set named as known by its
    count alone ("the 44 seats made it the largest group", no word of its own) is
    one of the sets of that thing counted in the sentences before ("won 41 of the
    120 seats", "took 29 seats"): a count that is none of them, nor the sum or the
    difference of two, is reported against the one told most often (else the
    nearest in value), unless the set grew ("nine on Saturday and five more on
    Sunday") or is a pair ("the two countries"). A number before a noun in the
    singular ("the 737 jet") names a model and is no count. A known happening named
    by its day ("the May 6 vote") or with its day after it ("since his arrest on
    May 6") is the happening its verb tells with a day ("will vote … on May 6",
    "police arrested Ruiz on May 3"), unless a phrase of its own narrows it ("the
    May 9 vote in the city council") or it is another's ("the minister's visit"). A headline that agrees with a later statement
    named as known reports the story's first statement when it disagrees with
    both. A
    source named more or less fully ("the ministry" / "a health ministry
    spokesman") is one source. A sum or a length of a thing the reader knows
    ("the 2.4 billion rand budget") is stated whatever its verb denies or plans
    ("would not raise rates"). A person is
    one subject however named or referred to ("Ingrid Solberg", "Solberg",
    "she").

    ## Why is this bad?
    A reader who meets one fact with two values cannot tell which is right, and
    a headline that disagrees with its story is the first thing readers see.

    ## Example
    ```text
    ---
    date: 2024-05-08
    title: Dam collapse in Bavaria displaces 3,200 residents
    ---
    The dam above the village of Seeburg gave way on Tuesday night. Officials said
    2,300 residents were displaced and housed in schools nearby.
    ```

    ## Use instead
    ```text
    ---
    date: 2024-05-08
    title: Dam collapse in Bavaria displaces 3,200 residents
    ---
    The dam above the village of Seeburg gave way on Tuesday night. Officials said
    3,200 residents were displaced and housed in schools nearby.
    ```
    """

    code = "CC205"
    name = "restated-figure-conflict"
    severity = "warning"
    groups = ("numbers",)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        frames = [f for f in ctx.frames if comparable(f) and not in_breakdown(f, ctx.frames)]
        frames, sets = one_set_each(frames, ctx.frames)
        told: set[int] = set()
        for group in facts(frames, ctx.published, sets):
            for finding in self.check_fact(group, ctx.published, frames, sets):
                told.add(finding.span.start)
                yield finding
        for a, b, kind in retold_breakdowns(ctx.frames, ctx.published):
            if not {a.span.start, b.span.start} & told:  # a pair the facts above did not report
                told |= {a.span.start, b.span.start}
                yield self.report(a, b, kind)
        for a, b in [*lengths_named_again(ctx.frames), *sets_named_again(ctx.frames)]:
            if not {a.span.start, b.span.start} & told:
                told |= {a.span.start, b.span.start}
                yield self.report(a, b, "values")
        yield from self.check_dates(ctx.frames)

    def check_dates(self, frames: Sequence[Frame]) -> Iterator[Finding]:
        """One happening told twice in nearly the same words, on two different days."""
        dated = [f for f in frames if restatable_date(f)]
        place = {f.id: _place_among_alike(f, dated) for f in dated}
        reported: set[str] = set()
        for a, b in combinations(dated, 2):
            if b.id in reported or a.id in reported or place[a.id] != place[b.id] or not same_dated_fact(a, b):
                continue  # (a day reported as odd is not held against a third statement)
            ia, ib = interval(a.date), interval(b.date)
            if ia is None or ib is None or gap_days(ia, ib) == 0:
                continue
            reported.add(b.id)
            yield self.report(a, b, "date")
        for a, b in retold_days(frames):
            if b.id not in reported:
                reported.add(b.id)
                yield self.report(a, b, "date")

    def check_fact(
        self, group: list[Frame], published: Optional[date] = None, every: Sequence[Frame] = (), sets: Sets = NO_SETS
    ) -> Iterator[Finding]:
        """One fact stated two or more times: the one value that disagrees with the others.

        The values that disagree must all involve one statement (two statements of
        three or more that each disagree with another are a list of different facts)."""
        heads = [f for f in group if is_head(f)]
        body = sorted((f for f in group if not is_head(f)), key=lambda f: f.span.start)
        # a part told of its whole ("six people, including three children") is no other statement
        body_ids = {f.id for f in body}
        wholes = [f for f in body if f.part_of not in body_ids]
        sentences = [f.sentence_span.start for f in wholes if f.sentence_span is not None]
        breakdown = len(set(sentences)) < len(sentences)  # "two guards and nine passengers were hurt"
        for head in heads if not breakdown else ():
            # an item of a list is no statement of a headline's figure, unless the headline lists too
            told = [f for f in wholes if not f.listed or head.listed]
            # a headline restates its story's first statement of the figure; it is wrong when it
            # disagrees with that one and no other statement gives its value (or adds up to it)
            if not told:
                continue
            if (kind := conflict(head, told[0])) is None:
                # the two agree: a later statement that names the fact as one the reader knows
                # ("the 5 percent rise", "the 40 freed hostages") and disagrees with both,
                # neither a running toll nor given by another, is the odd one
                odd = next((b for b in told[1:] if _named_as_known(b) and not b.cumulative
                            and conflict(told[0], b) == "values"
                            and conflict(head, b) == "values" and same_fact(head, b, published, sets)
                            and not any(same_value(b, c) for c in told if c is not b)), None)
                if odd is not None:
                    yield self.report(told[0], odd, "values")
                continue
            if kind == "hedge":
                # "at least six" against "fewer than six": one number bounded each way, which a
                # third statement of that number cannot settle by agreeing with both
                yield self.report(*odd_bound_last(head, told[0], told[1:]), kind)
                continue
            agreeing = [b for b in told[1:] if conflict(head, b) is None and same_value(head, b)]
            if agreeing:
                # the story's first statement is the odd one when a later one names the fact as
                # known ("the three-month closure") with the headline's value
                known = next((b for b in agreeing if _named_as_known(b) and conflict(told[0], b) == "values"), None)
                if known is not None and not told[0].cumulative:
                    yield self.report(known, told[0], kind)
                continue
            if any(told_in_story(head, b) for b in every):
                continue  # the story gives the headline's figure for the same thing, told at another time or way
            if not sums_to(head, body):
                yield self.report(told[0], head, kind)
        if heads and body:
            group = body
        clashes = {
            (a.id, b.id): kind
            for a, b in combinations(group, 2)
            if (kind := conflict(a, b)) is not None and (not heads or same_fact(a, b, published, sets))
            and not grown_since(a, b, every)
        }
        if not clashes:
            return
        involved = [set(pair) for pair in clashes]
        common = set.intersection(*involved)
        if len(clashes) == 1:
            odd_id = max(next(iter(clashes)), key=lambda i: next(f for f in group if f.id == i).span.start)
        elif len(common) == 1:
            odd_id = common.pop()
        else:
            return
        odd = next(f for f in group if f.id == odd_id)
        pair, kind = next((p, k) for p, k in clashes.items() if odd_id in p)
        other = next(f for f in group if f.id in pair and f.id != odd_id)
        first, second = (other, odd) if other.span.start < odd.span.start else (odd, other)
        yield self.report(first, second, kind)

    def report(self, a: Frame, b: Frame, kind: str) -> Finding:
        if kind == "outcome":
            message = (
                f"“{b.span.text}” is told as {outcome_words(b)}, but as {outcome_words(a)} in "
                f"{place_of(a)}“{a.span.text}”"
            )
        else:
            message = f"“{b.span.text}” contradicts {place_of(a)}“{a.span.text}”"
            if b.where.part == "headline":
                message += " (the headline disagrees with the story)"
        sides = [(a, part_role(a, "first statement")), (b, part_role(b, "second statement"))]
        if kind == "date":
            named = b.measure.text or b.predicate.text  # "the March 3 opening", "his arrest on May 6": the happening's noun
            what = f" (“{named}”)" if named else ""
            message = f"“{b.span.text}” contradicts {place_of(a)}“{a.span.text}” as the day of one happening{what}"
        suggestion = "give it one date, or say why they differ" if kind == "date" else "give the figure one value, or say why it differs"
        return self.finding(message, b.span, sides=sides, suggestion=suggestion)


#: Verbs too light to identify a happening by themselves ("was on May 3", "had talks on May 5").
LIGHT_VERBS = frozenset({"be", "have", "do", "make", "take", "hold", "begin", "start", "continue", "end"})
#: Prepositions of a day that ends or starts a stretch of time: "through March 4", "since May 3".
BOUND_PREPOSITIONS = frozenset({"through", "until", "till", "since"})
#: Words that tell of a happening again, or of one of a series: "met again on May 5", "the second time".
SERIES_WORDS = re.compile(
    r"\b(?:again|also|too|another|second|third|fourth|last|latest|previous|earlier|later|each|every|first|then|"
    r"once more|resumed?|separate(?:ly)?|next|until|since|between)\b",
    re.I,
)
#: Words that carry no content of a sentence's own: function words and the words of a date.
_FUNCTION_WORDS = frozenset(
    "the a an and or but of to in on at by for with from as that this these those its his her their our was were is are "
    "been be has have had said says will would could which who when where while it they he she we there than into about "
    "over after before also according officials official told news agency reported report reports".split()
)
_DATE_WORDS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^\d+(?:st|nd|rd|th)?$",
    re.I,
)


def restatable_date(f: Frame) -> bool:
    """A day the text writes out (month and day), on which something happened or is to
    happen as the article tells it, or a bound of a stretch ("since May 3", "through March 4",
    compared only in a sentence told again); not a range's end or a denial."""
    d = f.date
    return (
        f.measure.dimension == "date"
        and d is not None
        and d.precision == "day"
        and d.range_role is None
        and (d.preposition in (None, "on", "by", "in") or d.preposition in BOUND_PREPOSITIONS)
        and bool(re.search(r"\d", d.text))
        and re.search(r"[A-Za-z]", d.text) is not None
        and not f.predicate.negated
        and f.modality in ("asserted", "reported", "speculative")
        and (
            f.measure.noun is not None  # "the March 30 election"
            or f.predicate.lemma is not None
            # a light verb ("the strike began on May 3") is a happening only with its subject
            and (f.subject is not None if f.predicate.lemma in LIGHT_VERBS else f.subject is not None or bool(f.about_keys))
        )
    )


def retold_days(frames: Sequence[Frame]) -> Iterator[tuple[Frame, Frame]]:
    """Days of a sentence told again nearly word for word, paired in order, that differ:
    whatever the parse made of each copy's verb and subject, one sentence told twice gives
    one day for each thing it dates (neither telling of a happening again)."""
    def written_day(f: Frame) -> bool:
        d = f.date
        return (
            f.measure.dimension == "date" and d is not None and d.precision == "day" and d.range_role is None
            and re.search(r"\d", d.text) is not None and re.search(r"[A-Za-z]", d.text) is not None
        )

    for first, second in combinations(_by_sentence(frames, written_day), 2):
        if len(first) != len(second) or not retold(first[0], second[0], CLOSE_RETELLING) or series_apart(first[0], second[0]):
            continue
        for a, b in zip(first, second):
            ia, ib = interval(a.date), interval(b.date)
            if ia is not None and ib is not None and gap_days(ia, ib) > 0 and told_alike(a, b):
                yield a, b
                break


def _place_among_alike(f: Frame, dated: Sequence[Frame]) -> int:
    """Which of its sentence's days of the same verb or event ``f`` is: a sentence told again
    with "on May 3 or May 10" pairs first with first and second with second."""
    alike = [g for g in dated if g.sentence_span == f.sentence_span and g.predicate.lemma == f.predicate.lemma and g.measure.noun == f.measure.noun]
    return sorted(g.span.start for g in alike).index(f.span.start)


#: How much of a sentence before a day tells whether the day is of a happening again.
SERIES_WINDOW = 60
#: Words of a bound or a clause ("since the strike began on May 3, …"), not of a series.
_NOT_SERIES = frozenset({"since", "until", "between"})


def series_apart(a: Frame, b: Frame, near: bool = False, by_verb: bool = False) -> bool:
    """One sentence tells of a happening again or as one of a series ("met *again* on May 5",
    "the *second* round") where the other does not; words both share are part of what is
    retold ("the last attack was on May 3" told twice). ``near``: only the words just before
    each day count ("the talks *resumed* on May 9", "a *second* strike began on May 11"), not
    the whole sentence's ("… one share for *every* two"), nor words of a bound or a clause
    ("since the strike began on May 3"). ``by_verb``: the happening is the verb's, so words of
    its subject tell of the subject, not of a happening again ("*a new* terminal will open on
    March 3")."""
    def words(f: Frame) -> set[str]:
        text = f.sentence
        if near:
            if f.sentence_span is None:
                return set()
            start = f.span.start - f.sentence_span.start
            text = f.sentence[max(0, start - SERIES_WINDOW) : start + len(f.span.text)]
        subject = set((f.subject or "").split()) if by_verb else set()
        found = set()
        for pattern in (SERIES_WORDS, OTHER_HAPPENING):
            for m in pattern.finditer(text):
                after = re.match(r"\s+(\w+)", text[m.end():])
                if after is not None and after.group(1).lower() in subject:
                    continue  # "a new terminal will open on March 3": the subject is new, not the happening
                found.add(m.group(0).lower())
        return found - _NOT_SERIES if near else found

    return words(a) != words(b)


def told_alike(a: Frame, b: Frame) -> bool:
    """The same kind of dating and the same certainty: both "on" a day or both "by" it, both
    as fact or report, or both as a guess ("could be held on May 3")."""
    return ((a.date.preposition if a.date else None) == "by") == ((b.date.preposition if b.date else None) == "by") and (
        (a.modality == "speculative") == (b.modality == "speculative")
    )


@lru_cache(maxsize=4096)
def content_words(sentence: str) -> frozenset[str]:
    words = {w.lower().strip(".") for w in re.findall(r"[A-Za-z][\w.'-]*", sentence)}
    return frozenset(w for w in words if len(w) > 2 and w not in _FUNCTION_WORDS and not _DATE_WORDS.match(w))


def same_dated_fact(a: Frame, b: Frame) -> bool:
    """The same verb of the same subject, about the same parties and places, in two
    sentences that share most of their words, neither telling of a happening again; or
    the same named event ("the March 30 election"), with the same modifiers, told alike."""
    if a.sentence_span is None or b.sentence_span is None or a.sentence_span.start == b.sentence_span.start:
        return False
    if _event_named_by_its_verb(a, b) or _event_named_by_its_verb(b, a):
        return True
    if _one_thing_happening(a, b) or _event_named_by_its_happening(a, b) or _event_named_by_its_happening(b, a):
        return True
    if a.measure.noun is not None or b.measure.noun is not None:  # named events: "the March 30 election"
        if a.measure.noun != b.measure.noun or set(a.measure.modifiers) != set(b.measure.modifiers) or not _same_company(a, b):
            return False
        if a.subject and b.subject and not _subjects_nest(a, b):
            return False  # "the fishermen's appeal, heard before the recess on June 4" / "the harbour master's …"
        return not series_apart(a, b) and told_alike(a, b) and retold(a, b, ANONYMOUS_OVERLAP)
    if a.predicate.lemma != b.predicate.lemma or a.predicate.tense != b.predicate.tense:
        return False
    if a.subject is None or b.subject is None:  # "He was discharged …": the people it is about must be named
        if a.subject != b.subject or not (a.about_keys and b.about_keys):
            return False
    elif not _subjects_nest(a, b):
        return False  # "the cargo ship Aurora" and "the Maltese-flagged cargo ship Aurora" are one subject
    if not _same_company(a, b):
        return False
    if series_apart(a, b) or not told_alike(a, b):
        return False
    if any(f.date is not None and f.date.preposition in BOUND_PREPOSITIONS for f in (a, b)):
        # "through March 4" and "through March 1": the end of a stretch, one day only when the
        # sentence is told again nearly word for word
        return a.date.preposition == b.date.preposition and retold(a, b, CLOSE_RETELLING)  # type: ignore[union-attr]
    return retold(a, b)


def _event_named_by_its_verb(named: Frame, told: Frame) -> bool:
    """A happening the reader knows, named by its day ("*the April 23* vote"), and the same
    happening told by its verb with a day ("lawmakers will vote … on April 23"), about the same
    parties, neither told as one of a series."""
    noun = named.measure.noun
    return (
        noun is not None
        and told.measure.noun is None
        and _known_event(named)
        and not _narrowed_after(named)
        and _noun_of_verb(told.predicate.lemma, noun)
        and _same_company(named, told)
        # the happening's owner does it or has it done ("his arrest" of "police arrested Ruiz")
        and (named.subject is None or told.subject is None or _subjects_nest(named, told) or named.subject in told.about_keys)
        and not series_apart(named, told, near=True, by_verb=True)
    )


@lru_cache(maxsize=1)
def _happening_kinds() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(kind) for kind in lexicons.read("claims")["happening_verb_kinds"])


def _happening_kin(a: Optional[str], b: Optional[str]) -> bool:
    return a is not None and b is not None and any(a in kind and b in kind for kind in _happening_kinds())


def _one_thing_happening(a: Frame, b: Frame) -> bool:
    """One thing's own one-off happening told twice with its day, in other words: "the strike
    began on May 4" … "since the strike started on May 7", "the exhibition opens on June 2" …
    "the exhibition, which opens on June 5" (``happening_verb_kinds`` in claims.json), or with
    the same verb, not a light one ("the treaty was ratified on May 6" … "the treaty, ratified
    on May 9"). The
    subject is a thing named alike in both, not people, who may do the same twice; neither
    tells of a happening again ("the talks resumed on May 9") or of another place."""
    if a.subject is None or b.subject is None or not _subjects_nest(a, b):
        return False
    head = a.subject.split()[-1]
    if head in people_nouns() or head in GENERIC_NOUNS or not head.isalpha():
        return False
    if {a.predicate.tense, b.predicate.tense} == {"past", "future"}:
        return False  # "the fair opened on May 2" … "the fair will open on May 9": another year's
    if _happening_kin(a.predicate.lemma, b.predicate.lemma):
        company = _same_company(a, b)
    else:
        # another verb than one of happening, done to the thing or by it, is one happening
        # only if the later telling names no party or place the earlier does not: it may drop
        # them, but a new place may be another stop of a tour ("shown in Riga on May 6" …
        # "shown in Tartu on May 9")
        earlier, later = (a, b) if a.span.start < b.span.start else (b, a)
        company = a.predicate.lemma == b.predicate.lemma and a.predicate.lemma not in LIGHT_VERBS and (
            set(later.about_keys) | _places(later) <= set(earlier.about_keys) | _places(earlier)
        )
    return company and not series_apart(a, b, near=True) and told_alike(a, b)


def _event_named_by_its_happening(named: Frame, told: Frame) -> bool:
    """A happening the reader knows, named by its day ("the May 14 fire"), and the same
    happening told doing something with a day ("a fire broke out … on May 11", "an explosion
    tore through the plant on May 11"): a thing named by its day is a happening, and what it
    does on a day it does on its own day."""
    noun = named.measure.noun
    return (
        noun is not None
        and told.measure.noun is None
        and told.subject is not None
        and told.subject.split()[-1] == noun
        and told.predicate.lemma is not None
        and _known_event(named)
        and not _narrowed_after(named)
        and _same_company(named, told)
        and not series_apart(named, told, near=True)
    )




def _known_event(f: Frame) -> bool:
    """A happening named as one the reader knows, by its day ("*the* April 23 vote") or with
    its day after it ("*his* arrest on May 6", "*the terminal's* opening on March 3")."""
    if _told_as_known(f):
        return True
    if f.measure.text is None or f.sentence_span is None:
        return False
    before = f.sentence[: f.span.start - f.sentence_span.start]
    return re.search(rf"(?:\b(?:the|his|her|their|its)|'s)\s+{re.escape(f.measure.text)}\s+on\s+$", before, re.I) is not None


_NARROWED = re.compile(r"[\s-]+[\w-]+\s+(?:in|of|at|by|for|on|over)\s", re.I)


def _narrowed_after(f: Frame) -> bool:
    """The noun after the figure is narrowed by a phrase of its own: "the May 9 vote *in the
    city council*" names another vote than "the May 9 vote"."""
    if f.sentence_span is None:
        return False
    return _NARROWED.match(f.sentence, f.span.end - f.sentence_span.start) is not None


def retold(a: Frame, b: Frame, overlap: float = 0.0) -> bool:
    """The two sentences share most of their words (``overlap`` of the shorter's, by default
    ``RETOLD_OVERLAP``): one thing told again."""
    wa, wb = content_words(a.sentence), content_words(b.sentence)
    if min(len(wa), len(wb)) < (3 if wa == wb else 4):
        return False  # too few words to tell, unless a short sentence is told again word for word
    return len(wa & wb) / min(len(wa), len(wb)) >= (overlap or RETOLD_OVERLAP)


def _same_company(a: Frame, b: Frame) -> bool:
    """The parties and places one names are all among the other's (or one names none); a
    party named more or less fully is one ("Haddad" and "Amira Haddad")."""
    return _nested_names(a.about_keys, b.about_keys) and _nested(_places(a), _places(b))


def _subjects_nest(a: Frame, b: Frame) -> bool:
    """Both subjects are named and one's words are all among the other's ("the ship" / "a cargo
    ship", "Solberg" / "Ingrid Solberg")."""
    return a.subject is not None and b.subject is not None and _nested(set(a.subject.split()), set(b.subject.split()))


def _subjects_meet(a: Frame, b: Frame) -> bool:
    """The two subjects meet word for word ("the judges closed a four-day hearing" / "in their
    three-day hearing, the appeal judges …"), whoever else each names; not for a rank."""
    if a.measure.dimension == "ordinal":
        return False  # one person's ranks differ from one happening to the next: "his first goal" / "his second goal"
    return _subjects_nest(a, b)


def _names_meet(a: Sequence[str], b: Sequence[str]) -> bool:
    """A name of one is, word for word, within a name of the other ("kenyan" and "kenyan forces")."""
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def _nested_names(a: Sequence[str], b: Sequence[str]) -> bool:
    """Every name of one is, word for word, within a name of the other (or one names none)."""
    def within(xs: Sequence[str], ys: Sequence[str]) -> bool:
        return all(any(set(x.split()) <= set(y.split()) for y in ys) for x in xs)

    return within(a, b) or within(b, a)


def _nested(a: set[str], b: set[str]) -> bool:
    """One names all the other names (or one names nothing)."""
    return a <= b or b <= a


def place_of(f: Frame) -> str:
    """ "the headline's " when the frame stands there, else nothing."""
    return {"headline": "the headline's ", "standfirst": "the standfirst's "}.get(f.where.part, "")


def outcome_words(f: Frame) -> str:
    return {"killed": "killed", "wounded": "wounded", "killed_or_wounded": "killed or wounded"}.get(
        f.predicate.outcome or "", f.predicate.outcome or "?"
    )


def part_role(f: Frame, role: str) -> str:
    return f"{role} ({f.where.part})" if f.where.part != "body" else role
