"""Figures: counts of things, sums of money, durations, counts of times, hedges,
parts and totals, percentages and unit conversions."""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .dates import MONTH
from .numbers import (
    NUMBER,
    ORDINAL_VALUES,
    ORDINALS,
    Number,
    changed_value,
    find_numbers,
    number_at,
    write_like,
)
from .restate import restatement
from .text import Article, Plant, insert_sentence, insert_words, replace

#: Nouns a count may count without ending in -s.
IRREGULAR_PLURALS = frozenset(
    "people police personnel children men women staff cattle sheep livestock militia crew "
    "fishermen policemen servicemen firemen gunmen tribesmen congressmen".split()
)
#: Plural words after a number that are not a counted thing of their own kind here.
NOT_COUNTED = frozenset(
    "years months weeks days hours minutes seconds decades centuries times percent points "
    "dollars yuan euros pounds yen rupees rubles roubles won francs marks pesos ringgit baht dinars "
    "riyals rupiah shekels kilometers kilometres miles meters metres feet inches tons tonnes kilograms "
    "kg km hectares acres degrees liters litres gallons barrels others these those its his her their "
    "was is are were has have and or of to in on at by for from with as per".split()
)
FUNCTION_WORDS = frozenset("of and or to in on at by for from with as per the a an than was were is are".split())
PEOPLE_NOUNS = frozenset(
    "people persons civilians soldiers troops policemen police children women men students workers "
    "passengers miners pilgrims villagers residents militants rebels officers fighters protesters "
    "tourists victims refugees prisoners hostages".split()
)
CURRENCY_WORDS = {
    "dollars": "USD", "yuan": "CNY", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "rupees": "INR",
    "rubles": "RUB", "roubles": "RUB", "won": "KRW", "francs": "FRF", "marks": "DEM", "pesos": "PESO",
    "ringgit": "MYR", "baht": "THB", "dinars": "DINAR", "riyals": "RIYAL", "rupiah": "IDR", "shekels": "ILS",
}
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "HK$": "HKD", "A$": "AUD", "S$": "SGD"}


def _lemma(noun: str) -> str:
    noun = noun.lower()
    if noun in ("people", "persons"):
        return "people"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def calendar_like(text: str, n: Number) -> bool:
    """A number that is a year, a day of a month, a clock time, a serial number."""
    before, after = text[max(0, n.start - 12) : n.start], text[n.end : n.end + 12]
    if not n.scale and not n.words and re.fullmatch(r"1[5-9]\d\d|20\d\d", n.text):
        return True
    if re.search(rf"{MONTH}\s*$", before) or re.match(rf"\s*(?:st|nd|rd|th)?\s+{MONTH}", after):
        return True
    if re.search(r"(?:No\.|number|Resolution|Article|page|Chapter|Section|Route|Highway)\s*$", before, re.I):
        return True
    if re.match(r"[:/]\d|\s*(?:a\.m\.|p\.m\.|GMT|hrs)", after) or re.search(r"\d[:/.]$", before):
        return True
    if re.match(r"-(?:year|month|week|day|hour)s?-old|\s*(?:st|nd|rd|th)\b", after):
        return True
    return False


@dataclass(frozen=True)
class Figure:
    """A number with what it counts: ``noun`` lemma, or a currency, or a unit of time."""

    number: Number
    key: str
    hedge: Optional[str] = None
    hedge_start: int = -1


HEDGES = {
    "more than": "up", "over": "up", "at least": "up", "upwards of": "up", "nearly": "down",
    "almost": "down", "fewer than": "down", "less than": "down", "up to": "down", "under": "down",
}
OPPOSITE = {
    "more than": "nearly", "over": "almost", "at least": "fewer than", "upwards of": "nearly",
    "nearly": "more than", "almost": "over", "fewer than": "at least", "less than": "more than",
    "up to": "more than", "under": "over",
}
_HEDGE_BEFORE = re.compile(r"(?i)\b(more than|over|at least|upwards of|nearly|almost|fewer than|less than|up to|under)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?:(?P<adj>[A-Za-z][a-z-]*)\s+)?(?P<noun>[a-z][a-z-]*)")


def hedge_of(text: str, n: Number) -> tuple[Optional[str], int]:
    m = _HEDGE_BEFORE.search(text[max(0, n.start - 16) : n.start])
    if not m:
        return None, -1
    return m.group(1).lower(), n.start - (len(text[max(0, n.start - 16) : n.start]) - m.start(1))


def counts(article: Article, start: int, end: int) -> list[Figure]:
    """Counts of things in ``text[start:end]``: "12 people", "five wounded soldiers"."""
    text = article.text
    out = []
    for n in find_numbers(text, start, end):
        if calendar_like(text, n) or re.search(r"[$€£]\s*$", text[max(0, n.start - 3) : n.start]):
            continue
        m = _NOUN_AFTER.match(text, n.end)
        if not m or re.match(r"\s*%|-", text[n.end :]):
            continue
        noun = None
        for cand in [w for w in (m.group("adj"), m.group("noun")) if w]:
            low = cand.lower()
            if low in NOT_COUNTED or low in FUNCTION_WORDS:
                break
            if low in IRREGULAR_PLURALS or (low.endswith("s") and not low.endswith("ss") and len(low) > 3 and cand.islower()):
                noun = low
                break
        if noun is None or n.value == 1:
            continue
        hedge, at = hedge_of(text, n)
        out.append(Figure(n, _lemma(noun), hedge, at))
    return out


_MONEY = re.compile(
    rf"(?P<sign>US\$|HK\$|A\$|S\$|\$|€|£)?\s?(?P<num>{NUMBER})"
    r"(?:\s+(?P<cur>(?:(?:U\.S\.|US|Hong Kong|Australian|Canadian|Singapore|New Taiwan)\s+)?"
    r"(?:dollars|yuan|euros|pounds|yen|rupees|rubles|roubles|won|francs|marks|pesos|ringgit|baht|dinars|riyals|rupiah|shekels))\b)?",
    re.I,
)


def money(article: Article, start: int, end: int) -> list[Figure]:
    """Sums of money: "30 million yuan", "$5 million", "1.2 billion U.S. dollars"."""
    out = []
    for m in _MONEY.finditer(article.text, start, end):
        if not (m.group("sign") or m.group("cur")):
            continue
        n = number_at(article.text, m.start("num"))
        if n is None:
            continue
        cur = CURRENCY_SIGNS.get(m.group("sign") or "", "") or CURRENCY_WORDS[m.group("cur").split()[-1].lower()]
        if m.group("cur") and m.group("cur").split()[-1].lower() == "dollars" and re.match(r"(?i)hong|austr|canad|singap|new", m.group("cur")):
            cur = m.group("cur").split()[0].upper()
        hedge, at = hedge_of(article.text, n)
        out.append(Figure(n, f"money:{cur}", hedge, at))
    return out


_DURATION_AFTER = re.compile(r"[- ](?P<unit>year|month|week|day|hour|decade)s?\b(?![- ](?:old|ago)\b)(?! of age)")


def durations(article: Article, start: int, end: int) -> list[Figure]:
    """Lengths of time: "a three-year term", "for five years" (not ages, not "ago")."""
    out = []
    for n in find_numbers(article.text, start, end):
        m = _DURATION_AFTER.match(article.text, n.end)
        if not m or calendar_like(article.text, n) and not re.match(r"-", article.text[n.end :]):
            continue
        if re.match(r"[- ]\w+[- ](?:old|ago)\b", article.text[n.end :]):
            continue
        follow = re.match(r"-\w+(?:-long)?\s+(?P<noun>[a-z]+)", article.text[n.end :])
        what = follow.group("noun") if follow else re.search(r"(\w+)\s+(?:the\s+)?(?:first\s+|past\s+|last\s+)?$", article.text[max(0, n.start - 20) : n.start])
        what = what if isinstance(what, str) else (what.group(1).lower() if what else "")
        out.append(Figure(n, f"duration:{m.group('unit')}:{what}", *hedge_of(article.text, n)))
    return out


def _pick(rng: random.Random, items: list):
    return items[rng.randrange(len(items))]


def _restated(article: Article, figures: list[Figure], kind: str, rng: random.Random) -> list[Plant]:
    """One plant per figure the body gives twice (in two sentences): one occurrence
    changed; a figure given once is restated later with another value (inserted)."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in figures:
        groups[(f.number.value, f.key)].append(f)
    plants = []
    for (value, key), group in sorted(groups.items(), key=lambda kv: kv[1][0].number.start):
        if len(group) == 1:
            n = group[0].number
            change = changed_value(value, rng, n.text)
            if change and change[0] != 1:
                p = restatement(article, n.start, n.end, change[1], kind, rng, note=f"{key}: {n.text} restated as {change[1]}")
                if p:
                    plants.append(p)
            continue
        if len({article.sentence_index(f.number.start) for f in group}) < 2:
            continue
        target = _pick(rng, group)
        n = target.number
        change = changed_value(value, rng, n.text)
        if change is None or change[0] == 1:
            continue
        plants.append(replace(article.text, n.start, n.end, change[1], kind, note=f"{key}: {n.text} -> {change[1]}"))
    return plants


def restated_figure(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    a = Article.parse(text, published)
    published = a.published
    return _restated(a, counts(a, a.body_start, len(text)), "restated-figure", rng)


def restated_money(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    a = Article.parse(text, published)
    published = a.published
    return _restated(a, money(a, a.body_start, len(text)), "restated-money", rng)


def restated_duration(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    a = Article.parse(text, published)
    published = a.published
    return _restated(a, durations(a, a.body_start, len(text)), "restated-duration", rng)


_TIMES = re.compile(rf"\bfor the (?P<ord>{'|'.join(ORDINALS[1:])}) time\b|(?P<num>{NUMBER}) times\b(?! (?:as|more|less|higher|lower|larger|bigger|smaller))", re.I)


def restated_times(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A count of times given twice ("for the third time", "five times"): one changed."""
    a = Article.parse(text, published)
    published = a.published
    groups: dict[tuple, list[re.Match]] = defaultdict(list)
    for m in _TIMES.finditer(text, a.body_start):
        if m.group("ord"):
            groups[("ord", ORDINAL_VALUES[m.group("ord").lower()])].append(m)
        elif (n := number_at(text, m.start("num"))) is not None and n.value > 1:
            groups[("times", n.value)].append(m)
    plants = []
    for (form, value), group in groups.items():
        several = len({a.sentence_index(m.start()) for m in group}) >= 2
        if not several and len(group) > 1:
            continue
        m = _pick(rng, group)
        if form == "ord":
            choices = [v for v in (value + 2, value + 1, value - 2) if 2 <= v <= len(ORDINALS) and v != value]
            new = ORDINALS[_pick(rng, choices) - 1]
            s, e = m.span("ord")
        else:
            s, e = m.span("num")
            change = changed_value(value, rng, text[s:e])
            if change is None:
                continue
            new = change[1]
        if text[s].isupper():
            new = new[0].upper() + new[1:]
        if several:
            plants.append(replace(text, s, e, new, "restated-times", note=f"{text[s:e]} -> {new}"))
        elif p := restatement(a, s, e, new, "restated-times", rng, note=f"{text[s:e]} restated as {new}"):
            plants.append(p)
    return plants


def headline_figure(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A number in the headline that the body repeats: the headline's changed."""
    a = Article.parse(text, published)
    published = a.published
    if a.headline is None:
        return []
    body = [n for n in find_numbers(text, a.body_start) if not calendar_like(text, n)]
    headline = text[a.headline[0] : a.headline[1]]
    if "///" in headline or headline.isupper() or headline.startswith("ATTENTION"):
        return []  # an editor's note to subscribers, not a headline
    plants = []
    for n in find_numbers(text, *a.headline):
        if calendar_like(text, n) or n.value < 2:
            continue
        if re.search(r"[-–(]$", text[n.start - 1 : n.start]) or re.match(r"[-–]\d|\)", text[n.end : n.end + 2]):
            continue  # "Shenzhou-6", a score "3-2", a table "Banks(4)"
        if not any(_repeats(text, n, b) for b in body if b.value == n.value):
            continue
        change = changed_value(n.value, rng, n.text)
        if change and change[0] != 1:
            plants.append(replace(text, n.start, n.end, change[1], "headline-figure", note=f"{n.text} -> {change[1]}"))
    return plants


_HEADLINE_VERBS = re.compile(r"\s*(?:$|[,:;)]|(?:killed|dead|die|died|hurt|injured|wounded|missing|arrested|held|detained|found|feared|in|at|as|on|after|for|to)\b)")


def _repeats(text: str, head: Number, body: Number) -> bool:
    """The body's ``body`` repeats the headline's ``head``: the same word follows both
    ("two militants" / "two Palestinian militants"), or the headline counts with a verb
    ("Quake kills 45", "45 dead")."""
    if head.scale.lower() != body.scale.lower():
        return False
    after = re.match(r"\s+([A-Za-z-]+)", text[head.end :])
    if not after or _HEADLINE_VERBS.match(text, head.end):
        return True
    word = _lemma(after.group(1))
    following = [_lemma(w) for w in re.findall(r"[A-Za-z-]+", text[body.end : body.end + 40])[:3]]
    return word in following


def hedge_direction(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A hedged figure given twice with the same direction ("more than 1,000" twice, or
    headline and body): one hedge turned the other way ("nearly 1,000")."""
    a = Article.parse(text, published)
    published = a.published
    figures = counts(a, a.body_start, len(text)) + money(a, a.body_start, len(text))
    hedged = [f for f in figures if f.hedge]
    plants = []
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for f in hedged:
        groups[(f.number.value, f.key, HEDGES[f.hedge])].append(f)
    if a.headline:
        for n in find_numbers(text, *a.headline):
            hedge, at = hedge_of(text, n)
            if hedge and not calendar_like(text, n):
                for (value, key, direction), group in groups.items():
                    if value == n.value and direction == HEDGES[hedge]:
                        group.append(Figure(n, key, hedge, at))
                        break
                else:
                    body = [f for f in hedged if f.number.value == n.value and HEDGES[f.hedge] == HEDGES[hedge]]
                    if body:
                        groups[(n.value, "headline", HEDGES[hedge])] = [body[0], Figure(n, "headline", hedge, at)]
    once = Counter((f.number.value, f.key) for f in figures)
    for group in groups.values():
        where = {a.sentence_index(f.number.start) for f in group}
        f = _pick(rng, group)
        old = text[f.hedge_start : f.hedge_start + len(f.hedge)]
        new = OPPOSITE[f.hedge]
        if old[0].isupper():
            new = new[0].upper() + new[1:]
        if len(where) >= 2:
            plants.append(replace(text, f.hedge_start, f.hedge_start + len(old), new, "hedge-direction", note=f"{old} {f.number.text} -> {new}"))
        elif len(group) == 1 and once[(f.number.value, f.key)] == 1 and a.in_body(f.number.start):
            p = restatement(a, f.hedge_start, f.hedge_start + len(old), new, "hedge-direction", rng, note=f"{old} {f.number.text} restated as {new}")
            if p:
                plants.append(p)
    return plants


_PART_CUE = re.compile(
    rf"(?P<cue>,?\s+(?:including|among them|among whom|of whom|among the dead were|among them were))\s+(?:were\s+|are\s+)?(?P<num>{NUMBER})\b"
    rf"|[,;:]\s+(?P<num2>{NUMBER})\s+of\s+(?:them|whom)\b",
    re.I,
)


_ANY_CUE = re.compile(r",?\s+(?:including|among them|among whom|of whom|among the dead were)\b|[,;:]\s+\S+\s+of\s+(?:them|whom)\b", re.I)
GENERIC_WHOLES = frozenset("people victim casualty passenger tourist worker resident visitor civilian delegate participant student".split())


def _parts_after(article: Article, total: Figure) -> list[tuple[re.Match, Number]]:
    """The part a cue right after ``total`` gives ("…, including 300 children")."""
    text = article.text
    s, e = article.sentence_at(total.number.start)
    window_end = min(e, total.number.end + 160)
    cue = _ANY_CUE.search(text, total.number.end, window_end)
    if not cue or re.search(r"\d|\b(?:others?|and)\b", text[total.number.end : cue.start()]):
        return []
    m = _PART_CUE.match(text, cue.start())
    if not m:
        return []
    n = number_at(text, m.start("num") if m.group("num") else m.start("num2"))
    if n is None or calendar_like(text, n):
        return []
    after = _NOUN_AFTER.match(text, n.end)
    noun = _lemma(after.group("adj") or after.group("noun")) if after else ""
    capital = bool(after and after.group("adj") and after.group("adj")[0].isupper())
    if m.group("num2") or noun == total.key or capital or (total.key in GENERIC_WHOLES and noun in {_lemma(p) for p in PEOPLE_NOUNS}):
        return [(m, n)]
    return []


def _larger_than(total: float, rng: random.Random) -> float:
    digits = max(0, len(str(int(total))) - 2)
    return round(total * rng.choice([1.5, 2.0, 1.3]) / 10**digits) * 10**digits


def part_exceeds_total(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"N people …, including M children": M made larger than N. A count of people
    without a breakdown gets one inserted that exceeds it."""
    a = Article.parse(text, published)
    published = a.published
    plants = _part_insertions(a, rng)
    for total in counts(a, a.body_start, len(text)):
        for _, part in _parts_after(a, total):
            if not part.value < total.number.value:
                continue
            for _ in range(3):
                new_value = _larger_than(total.number.value, rng)
                new = write_like(part.text, new_value) if new_value > total.number.value else None
                if new:
                    plants.append(replace(text, part.start, part.end, new, "part-exceeds-total", note=f"total {total.number.text}: part {part.text} -> {new}"))
                    break
    return plants


_PART_GROUPS = ["children", "women", "soldiers", "foreigners", "civilians", "police officers"]


def _part_insertions(a: Article, rng: random.Random) -> list[Plant]:
    text = a.text
    for total in counts(a, a.body_start, len(text)):
        t = total.number.value
        if total.key not in GENERIC_WHOLES or not 3 <= t <= 100000 or total.number.scale or _parts_after(a, total):
            continue
        noun = _NOUN_AFTER.match(text, total.number.end)
        end = noun.end() if noun and _lemma(noun.group("noun")) == total.key else total.number.end + len(text[total.number.end :].split(None, 1)[0]) + 1
        if _lemma(text[total.number.end : end].split()[-1]) != total.key or re.match(r",?\s+(?:including|among|of whom)", text[end:]):
            continue
        value = _larger_than(t, rng)
        written = write_like(total.number.text.split()[0].lower(), value) or f"{int(value):,}"
        group = rng.choice(_PART_GROUPS)
        words = f", including {written} {group}" + ("" if re.match(r"\s*[.,;:)]", text[end:]) else ",")
        return [insert_words(text, end, words, "part-exceeds-total", note=f"total {total.number.text} {total.key}")]
    return []


_LIST_SEP = re.compile(r"^[^\d.;:()]{1,40}?(?:,\s*(?:and\s+)?|\s+and\s+)$")
_BREAKDOWN_CUE = re.compile(r"\s*(?::|,?\s+including|,?\s+among them|,?\s+of whom|\s+[-—–]+)\s*")


def _breakdown(article: Article, total: Figure) -> Optional[list[Number]]:
    """The parts of an exhaustive breakdown that follows ``total``, when they add up to it."""
    text = article.text
    _, e = article.sentence_at(total.number.start)
    after = re.match(r"(?:\s+[a-z-]+){0,6}?(?=\s*(?::|,?\s+including|,?\s+among them|,?\s+of whom|\s+[-—–]))", text[total.number.end : e])
    if not after:
        return None
    cue = _BREAKDOWN_CUE.match(text, total.number.end + after.end())
    if not cue:
        return None
    parts: list[Number] = []
    pos = cue.end()
    while True:
        n = number_at(text, pos)
        if n is None or calendar_like(text, n):
            break
        parts.append(n)
        nxt = re.search(rf"(?=(?:{NUMBER}))", text[n.end : min(e, n.end + 60)])
        if not nxt:
            break
        gap = text[n.end : n.end + nxt.start()]
        if not _LIST_SEP.match(gap):
            break
        pos = n.end + nxt.start()
    if len(parts) >= 2 and abs(sum(p.value for p in parts) - total.number.value) < 1e-9:
        return parts
    return None


def breakdown_sum(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"12 people: five soldiers, four police officers and three civilians": one part changed."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    for total in counts(a, a.body_start, len(text)):
        parts = _breakdown(a, total)
        if not parts:
            continue
        part = _pick(rng, parts)
        bump = max(1, round(0.3 * total.number.value))
        for new_value in rng.sample([part.value + bump, part.value - bump], 2):
            new = write_like(part.text, new_value) if new_value > 0 else None
            if new:
                plants.append(replace(text, part.start, part.end, new, "breakdown-sum", note=f"total {total.number.text}: {part.text} -> {new}"))
                break
    plants.extend(_breakdown_insertions(a, rng))
    return plants


_GROUPS = {"soldiers": "soldier", "civilians": "civilian", "police officers": "police officer", "women": "woman", "children": "child", "foreigners": "foreigner"}
#: Wordings for parts that add up to more than the total, and exhaustive ones for any sum.
_BREAKDOWN_TEMPLATES = ["They included {parts}.", "Among them were {parts}, officials said."]
_EXHAUSTIVE_TEMPLATES = ["The {noun} were {parts}, according to the authorities.", "The {total} {noun} were {parts}, officials said."]


def _breakdown_insertions(a: Article, rng: random.Random) -> list[Plant]:
    """A sentence after a count of people that breaks it down into parts that do not add up."""
    text = a.text
    for total in counts(a, a.body_start, len(text)):
        t = total.number.value
        noun = text[total.number.end :].split()[0].strip(",.;:").lower() if text[total.number.end :].split() else ""
        if total.key not in {_lemma(n) for n in PEOPLE_NOUNS} or not 4 <= t <= 5000 or total.number.scale:
            continue
        if re.search(r"(?i)(?:including|of whom|among them|among whom|were|and|,)\s+(?:\w+\s+)?$", text[max(0, total.number.start - 30) : total.number.start]):
            continue
        if _breakdown(a, total) or _parts_after(a, total):
            continue
        k = rng.choice([2, 3])
        off = max(1, round(0.3 * t)) * rng.choice([1, -1])
        goal = int(t) + off
        cuts = sorted(rng.sample(range(1, goal), k - 1)) if goal > k else None
        if not cuts:
            continue
        values = [b - a_ for a_, b in zip([0] + cuts, cuts + [goal])]
        groups = rng.sample([g for g in _GROUPS if g != noun], k)
        words = total.number.words
        items = [
            f"{(write_like('five', v) if words and v < 100 else f'{v:,}')} {g if v != 1 else _GROUPS[g]}"
            for v, g in zip(values, groups)
        ]
        parts = ", ".join(items[:-1]) + " and " + items[-1]
        templates = _EXHAUSTIVE_TEMPLATES + (_BREAKDOWN_TEMPLATES if goal > t else [])
        sentence = rng.choice(templates).format(parts=parts, noun=noun or "victims", total=total.number.text.lower())
        s, e = a.sentence_at(total.number.start)
        return [insert_sentence(text, e, sentence, "breakdown-sum", note=f"total {total.number.text}, parts sum to {goal}")]
    return []


_PERCENT = r"(?P<pct>\d+(?:\.\d+)?)\s?(?:percent|per cent|%)"
_PERCENT_OF = re.compile(
    rf"(?P<n>{NUMBER}),?\s+or\s+{_PERCENT},?\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<m>{NUMBER})"
    rf"|(?P<n2>{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<m2>{NUMBER})[^.()]{{0,40}}?\((?P<pct2>\d+(?:\.\d+)?)\s?(?:percent|per cent|%)\)",
    re.I,
)
_N_OF_M = re.compile(rf"(?P<n>{NUMBER})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<m>{NUMBER})\b", re.I)


def _wrong_percent(true: float, rng: random.Random, like: str) -> Optional[str]:
    for f in rng.sample([1.5, 0.6, 1.4, 0.7], 4):
        p = true * f
        if p > 100 or abs(p - true) < max(3.0, 0.25 * true):
            continue
        decimals = len(like.split(".")[1]) if "." in like else (1 if p < 10 else 0)
        return f"{p:.{decimals}f}"
    return None


def percent_vs_counts(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"N, or P percent, of M" / "N of M (P%)": P changed beyond rounding; "N of the M"
    without a percentage gets a wrong one inserted."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    taken = set()
    for m in _PERCENT_OF.finditer(text, a.body_start):
        g = "2" if m.group("n2") else ""
        n, tot = number_at(text, m.start("n" + g)), number_at(text, m.start("m" + g))
        if not n or not tot or not 0 < n.value < tot.value:
            continue
        pct_group = "pct2" if g else "pct"
        p = m.group(pct_group)
        true = 100 * n.value / tot.value
        if abs(float(p) - true) > 1.5:  # not the share of these counts
            continue
        new = _wrong_percent(true, rng, p)
        if new:
            s, e = m.span(pct_group)
            plants.append(replace(text, s, e, new, "percent-vs-counts", note=f"{n.text} of {tot.text}: {p}% -> {new}%"))
            taken.add(m.start())
    for m in _N_OF_M.finditer(text, a.body_start):
        n, tot = number_at(text, m.start("n")), number_at(text, m.start("m"))
        if m.start() in taken or not n or not tot or calendar_like(text, n) or calendar_like(text, tot):
            continue
        if not 0 < n.value < tot.value or n.value == 1 or re.match(r"\s*(?:percent|per cent|%)", text[tot.end :]):
            continue
        if re.search(r"percent|%", text[m.end() : m.end() + 30]) or re.search(r"percent|%", text[max(0, m.start() - 30) : m.start()]):
            continue
        new = _wrong_percent(100 * n.value / tot.value, rng, "")
        if new:
            words, at = f", or {new} percent,", n.end
            plants.append(insert_words(text, at, words, "percent-vs-counts", note=f"{n.text} of {tot.text} is {100 * n.value / tot.value:.1f}%"))
    return plants


#: (unit pattern, canonical) and conversions between canonical units.
_UNITS = {
    "km": r"kilomet(?:re|er)s?|km",
    "mi": r"miles?",
    "m": r"met(?:re|er)s?",
    "ft": r"feet|foot",
    "kg": r"kilograms?|kilos?|kg",
    "lb": r"pounds?|lbs?",
    "ha": r"hectares?",
    "acre": r"acres?",
    "km2": r"square kilomet(?:re|er)s?|sq km",
    "mi2": r"square miles?",
    "l": r"lit(?:re|er)s?",
    "gal": r"gallons?",
    "kmh": r"kilomet(?:re|er)s? (?:an|per) hour|km/h|kph",
    "mph": r"miles (?:an|per) hour|mph",
    "C": r"degrees Celsius|degrees C\b|C\b",
    "F": r"degrees Fahrenheit|degrees F\b|F\b",
}
_CONVERT = {
    ("km", "mi"): 0.621371, ("m", "ft"): 3.28084, ("kg", "lb"): 2.20462, ("ha", "acre"): 2.47105,
    ("km2", "mi2"): 0.386102, ("l", "gal"): 0.264172, ("kmh", "mph"): 0.621371,
}
_SPELL = {
    "km": "kilometres", "mi": "miles", "m": "metres", "ft": "feet", "kg": "kilograms", "lb": "pounds",
    "ha": "hectares", "acre": "acres", "km2": "square kilometres", "mi2": "square miles", "l": "litres",
    "gal": "gallons", "kmh": "kilometres an hour", "mph": "miles an hour", "C": "degrees Celsius", "F": "degrees Fahrenheit",
}
_UNIT_ALT = "|".join(f"(?P<{k}>{v})" for k, v in sorted(_UNITS.items(), key=lambda kv: -len(kv[1])))


def convert(value: float, src: str, dst: str) -> Optional[float]:
    if (src, dst) == ("C", "F"):
        return value * 9 / 5 + 32
    if (src, dst) == ("F", "C"):
        return (value - 32) * 5 / 9
    if (src, dst) in _CONVERT:
        return value * _CONVERT[(src, dst)]
    if (dst, src) in _CONVERT:
        return value / _CONVERT[(dst, src)]
    return None


def _partner(unit: str) -> Optional[str]:
    for a_, b in _CONVERT:
        if unit == a_:
            return b
        if unit == b:
            return a_
    return {"C": "F", "F": "C"}.get(unit)


def _measures(text: str, start: int) -> list[tuple[Number, str, re.Match]]:
    out = []
    for m in re.finditer(rf"(?<![\w.,])(?P<num>-?{NUMBER})[- ](?P<unit>{_UNIT_ALT})(?![\w/])", text[start:]):
        unit = next(k for k, v in m.groupdict().items() if v and k not in ("num", "unit"))
        at = start + m.start("num")
        n = number_at(text, at + 1 if text[at] == "-" else at)
        if n is None:
            continue
        out.append((n, unit, m))
    return out


def _format_measure(value: float, like: Number) -> str:
    if like.words:
        return f"{round(value):,}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")
    if abs(value) >= 10:
        return f"{round(value):,}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def unit_conversion(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"112 kilometres (70 miles)": the converted side changed beyond rounding. A
    measure given without a conversion gets a wrong one inserted."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    measures = _measures(text, a.body_start)
    for n, unit, m in measures:
        end = a.body_start + m.end()
        conv = re.match(rf"\s*\((?:about |some |around |or )?(?P<num>{NUMBER})[- ](?:degrees[- ])?(?P<unit>{_UNIT_ALT})[^)]{{0,20}}\)", text[end:])
        if conv:
            unit2 = next(k for k, v in conv.groupdict().items() if v and k not in ("num", "unit"))
            n2 = number_at(text, end + conv.start("num"))
            expected = convert(n.value, unit, unit2)
            if n2 is None or expected is None or abs(expected - n2.value) > 0.15 * abs(expected) + 1:
                continue
            for f in rng.sample([1.5, 0.6, 1.4], 3):
                new = _format_measure(n2.value * f, n2)
                if abs(float(new.replace(",", "")) - expected) > 0.25 * abs(expected) + 1:
                    plants.append(replace(text, n2.start, n2.end, new, "unit-conversion", note=f"{n.text} {unit} ~ {expected:.1f} {unit2}"))
                    break
        elif not re.match(r"\s*[()]", text[end:]) and not re.search(r"\((?:about |some |around |or )?$", text[: a.body_start + m.start()]):
            unit2 = _partner(unit)
            expected = convert(n.value, unit, unit2) if unit2 else None
            if expected is None or unit in ("C", "F") and "degrees" not in m.group(0):
                continue
            if unit in ("lb",) or n.value <= 0:  # "pounds" is mostly money
                continue
            if re.match(r"\s+(?:hurdles|freestyle|relay|race|event|category|backstroke|breaststroke|butterfly|medley|sprint|dash|final|title|run|walk|steeplechase)\b", text[end:]):
                continue  # a sports event's name, not a measure
            wrong = expected * rng.choice([1.5, 0.6])
            spelled = _SPELL[unit2]
            words = f" ({rng.choice(['', 'about ', 'some '])}{_format_measure(wrong, n)} {spelled})"
            plants.append(insert_words(text, end, words, "unit-conversion", note=f"{n.text} {unit} ~ {expected:.1f} {unit2}"))
    return plants
