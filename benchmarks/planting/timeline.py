"""Dates: year typos, the same date given twice, "N years ago", impossible days,
inverted ranges, events before a group's arrival, weekdays."""

from __future__ import annotations

import random
import re
from collections import defaultdict
from datetime import date, timedelta
from typing import Optional

from .dates import (
    MONTH,
    MONTHS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    DayDate,
    body_dates,
    find_day_dates,
    in_range,
    month_length,
    most_recent_weekday,
    shift_months,
    write_date,
)
from .numbers import NUMBER, WORD_VALUES, changed_value, number_at, to_words
from .restate import restatement
from .text import Article, Plant, insert_paragraph, insert_sentence, insert_words, replace

#: How far from the publication date a date is "the story's time frame".
FRAME = timedelta(days=183)


def _pick(rng: random.Random, items: list):
    return items[rng.randrange(len(items))]


def _safe_date(y: int, m: int, d: int) -> Optional[date]:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def year_typo(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A fully dated day in the story's time frame: its year moved by one. A day date
    without a year gets a wrong one (an insertion of the year)."""
    a = Article.parse(text, published)
    published = a.published
    if published is None:
        return []
    plants = []
    for d in body_dates(text, a.body_start):
        when = d.resolve(published)
        if when is None or abs(when - published) > FRAME:
            continue
        plausible = {y for y in range(published.year - 1, published.year + 2) if (c := _safe_date(y, d.month, d.day)) and abs(c - published) <= timedelta(days=200)}
        choices = [y for y in (when.year - 1, when.year + 1) if y not in plausible or d.year_span]
        if not choices:
            continue
        new_year = rng.choice(choices)
        if d.year_span:
            s, e = d.year_span
            plants.append(replace(text, s, e, str(new_year), "year-typo", note=f"{text[d.start:d.end]}: {when.year} -> {new_year}"))
        elif d.month_span[0] < d.day_span[0] and not re.match(r",?\s*\d", text[d.end :]) and not in_range(text, d):
            plants.append(insert_words(text, d.end, f", {new_year}", "year-typo", note=f"{text[d.start:d.end]} is {when}"))
    return plants


def restated_date(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """The same day given twice (two sentences): one occurrence moved by a few days."""
    a = Article.parse(text, published)
    published = a.published
    groups: dict[date, list[DayDate]] = defaultdict(list)
    for d in body_dates(text, a.body_start):
        when = d.resolve(published)
        if when and not in_range(text, d):
            groups[when].append(d)
    plants = []
    for when, group in groups.items():
        editable = [d for d in group if d.weekday_span is None]
        several = len({a.sentence_index(d.start) for d in group}) >= 2
        if not editable or len(group) > 1 and not several:
            continue
        d = _pick(rng, editable)
        days = [n for n in (2, 3, 4, 5, -2, -3, -4, -5) if 1 <= when.day + n <= month_length(when.year, when.month)]
        new_day = when.day + _pick(rng, days)
        s, e = d.day_span
        if several:
            plants.append(replace(text, s, e, str(new_day), "restated-date", note=f"{when} -> day {new_day}"))
        elif p := restatement(a, s, e, str(new_day), "restated-date", rng, note=f"{when} restated as day {new_day}"):
            plants.append(p)
    return plants


_YEARS_AGO = re.compile(rf"(?P<num>{NUMBER}) years ago\b", re.I)
_ANNIVERSARY = re.compile(r"\b(?P<nth>\d+)(?:st|nd|rd|th) anniversary\b")
_YEAR_IN = re.compile(rf"\b(?:in|since|of) (?P<year>{YEAR})\b(?![-–]\d|\s*(?:and|to|-)\s*\d)")


def years_ago(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"founded in 1990, 15 years ago", "the 20th anniversary of … 1986": N changed so it
    disagrees with the publication date. A year in the past gets a wrong "N years ago"."""
    a = Article.parse(text, published)
    published = a.published
    if published is None:
        return []
    plants = []
    for m in list(_YEARS_AGO.finditer(text, a.body_start)) + list(_ANNIVERSARY.finditer(text, a.body_start)):
        s_, e_ = a.sentence_at(m.start())
        years = [int(y.group("year")) for y in _YEAR_IN.finditer(text, s_, e_)]
        years += [int(y) for y in re.findall(rf"\b({YEAR})\b", text[s_:e_]) if not years]
        anniversary = "nth" in m.groupdict() and m.groupdict().get("nth")
        n = number_at(text, m.start("nth") if anniversary else m.start("num"))
        if n is None:
            continue
        if not any(abs((published.year - y) - n.value) <= 1 for y in years):
            continue  # the sentence does not say which year N counts from
        change = changed_value(n.value, rng, n.text, factors=(1.5, 0.6, 1.3, 0.7))
        if change is None:
            continue
        new = change[1]
        plants.append(replace(text, n.start, n.end, new, "years-ago", note=f"{text[m.start():m.end()]} -> {new}"))
    for y in _YEAR_IN.finditer(text, a.body_start):
        year = int(y.group("year"))
        true = published.year - year
        if not 3 <= true <= 80 or _YEARS_AGO.search(text, *a.sentence_at(y.start())) or re.match(r",?\s*(?:when|after|before)\b", text[y.end() :]) is None and re.match(r"\s*[,.]", text[y.end() :]) is None:
            continue
        wrong = true + rng.choice([-4, -3, 3, 4, 5])
        if wrong < 2:
            continue
        n = to_words(wrong) if wrong < 10 else str(wrong)
        plants.append(insert_words(text, y.end(), rng.choice([f", {n} years ago", f", some {n} years ago"]), "years-ago", note=f"{year} is {true} years before {published.year}"))
    return plants


def impossible_date(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A day date in a month shorter than 31 days: the day made one its month lacks."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    for d in body_dates(text, a.body_start):
        if d.month not in (2, 4, 6, 9, 11):
            continue
        when = d.resolve(published)
        year = when.year if when else (d.year or 2001)
        bad = month_length(year, d.month) + 1
        if d.month == 2:
            bad = rng.choice([bad, 30]) if bad == 29 else 30
        s, e = d.day_span
        plants.append(replace(text, s, e, str(bad), "impossible-date", note=f"{text[d.start:d.end]} -> day {bad} of {year}"))
    return plants


_RANGE = re.compile(
    rf"\b(?P<pre>from|between)\s+(?P<a>{MONTH}\s+\d{{1,2}}(?:,\s+{YEAR})?|{YEAR}|{MONTH}(?:\s+{YEAR})?)\s+(?P<sep>to|and|until|through)\s+"
    rf"(?P<b>{MONTH}\s+\d{{1,2}}(?:,\s+{YEAR})?|{YEAR}|{MONTH}(?:\s+{YEAR})?|\d{{1,2}}\b)"
    rf"|\b(?P<a2>{MONTH}\s+\d{{1,2}})\s*(?P<sep2>[-–])\s*(?P<b2>\d{{1,2}})\b(?!,?\s*\d{{3}})"
    rf"|\b(?P<a3>(?:19|20)\d\d)(?P<sep3>[-–])(?P<b3>(?:19|20)\d\d)\b"
)


def _range_order(a_txt: str, b_txt: str) -> Optional[tuple[int, int]]:
    """Comparable keys of a range's two ends (month*100+day, or year), when both parse."""

    def key(t: str, month_of: Optional[int] = None) -> Optional[tuple]:
        t = t.strip()
        if re.fullmatch(YEAR, t):
            return (int(t), 0, 0)
        m = re.fullmatch(rf"({MONTH})(?:\s+(\d{{1,2}}))?(?:,?\s+({YEAR}))?", t)
        if m:
            return (int(m.group(3)) if m.group(3) else 0, MONTHS[m.group(1).lower()], int(m.group(2) or 0))
        if re.fullmatch(r"\d{1,2}", t) and month_of:
            return (0, month_of, int(t))
        return None

    ka = key(a_txt)
    kb = key(b_txt, ka[1] if ka else None)
    return (ka, kb) if ka and kb else None


def inverted_range(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"from May 3 to May 8", "between 2005 and 2007", "Nov. 15-17": the ends swapped."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    for m in _RANGE.finditer(text, a.body_start):
        g = next(x for x in ("", "2", "3") if m.group("a" + x))
        sa, sb = m.group("a" + g), m.group("b" + g)
        keys = _range_order(sa, sb)
        if keys is None or not keys[0] < keys[1] or (keys[0][0] == 0) != (keys[1][0] == 0) and keys[1][1] == 0:
            continue
        if g == "" and m.group("pre") == "between" and m.group("sep") != "and" or m.group("pre") == "from" and m.group("sep") == "and":
            continue
        if re.fullmatch(r"\d{1,2}", sb):  # "May 3 to 8" / "Nov. 15-17": swap the days
            month = re.match(MONTH, sa).group(0)
            day_a = re.search(r"\d{1,2}", sa).group(0)
            new_a, new_b = f"{month} {sb}", day_a
        else:
            new_a, new_b = sb, sa
        s, e = m.start("a" + g), m.end("b" + g)
        between = text[m.end("a" + g) : m.start("b" + g)]
        new = f"{new_a}{between}{new_b}"
        plants.append(replace(text, s, e, new, "inverted-range", note=f"{text[s:e]} -> {new}"))
    return plants


_ONSET_VERB = (
    r"(?:arrived|were deployed|was deployed|had been deployed|deployed|joined|entered|were sent|was sent|"
    r"began (?:fighting|operations|work|its work|their work|patrols)|started (?:work|operations|patrols)|took office|landed)"
)
GROUP_NOUNS = (
    "troops|soldiers|peacekeepers|forces|police|policemen|officers|experts|team|delegation|mission|inspectors|"
    "observers|contingent|engineers|units|battalion|battalions|crew|rebels|fighters|militants|marines|paratroopers|"
    "monitors|medics|doctors|rescuers|investigators|negotiators|delegates|workers"
)
_GROUP = (
    r"(?P<group>(?:(?:the|The)\s+)?(?:[A-Z][\w'-]+\s+){0,3}(?:(?!(?:as|and|or|of|the|in|to|that|which|who)\b)[a-z-]+\s+)?"
    rf"(?:{GROUP_NOUNS}))"
)
_ONSET = re.compile(rf"{_GROUP}\s+(?:\w+\s+){{0,1}}{_ONSET_VERB}\b(?P<rest>[^.]*)")
_EVENT_TEMPLATES = [
    "{Group} had already been seen in the area on {date}, witnesses said.",
    "On {date}, {group} took part in an operation in the region, officials said.",
    "{Group} held talks with local officials on {date}, according to a statement.",
]


def _onset_date(text: str, start: int, end: int, published: date) -> Optional[tuple[date, str]]:
    """The day of an onset sentence: a day date or a weekday ("arrived Tuesday")."""
    for d in find_day_dates(text, start, end):
        when = d.resolve(published)
        if when:
            return when, text[d.month_span[0] : d.month_span[1]]
    m = re.search(rf"\b(?:on\s+)?({WEEKDAY})\b", text[start:end])
    if m:
        return most_recent_weekday(WEEKDAYS.index(m.group(1)), published), "November"
    return None


_GROUP_MENTION = re.compile(rf"\b(?P<group>(?:[A-Z][\w'-]+\s+){{1,2}}(?:{GROUP_NOUNS}))\b")
_PAIR_TEMPLATES = [
    "{Group} arrived in the region on {onset}, officials said. On {event}, {group} took part in an operation there.",
    "{Group} were deployed on {onset}, according to a statement. {Group} had clashed with local fighters on {event}.",
    "{Group} began their mission on {onset}. They held talks with local leaders on {event}, officials said.",
]


def _onset_pair(a: Article, rng: random.Random) -> list[Plant]:
    """No onset in the story: a paragraph that states one for a group the story names and
    dates that group's event months before it."""
    text, published = a.text, a.published
    for m in _GROUP_MENTION.finditer(text, a.body_start):
        words = m.group("group").split()
        while words and words[0] in ("The", "A", "An", "But", "And", "In", "On", "Some", "All", "Many", "Other", "Several", "Foreign", "Local", "More", "Most"):
            words = words[1:]
        if len(words) < 2 or any(w in ("Xinhua", "AFP") or w.lower() in WORD_VALUES for w in words):
            continue
        group = "the " + " ".join(words)
        onset = published - timedelta(days=rng.randrange(7, 40))
        event = shift_months(onset, -rng.choice([3, 4, 6, 8]))
        sentence = rng.choice(_PAIR_TEMPLATES).format(
            Group=group[0].upper() + group[1:], group=group,
            onset=write_date(onset, "November", with_year=False),
            event=write_date(event, "November", with_year=event.year != published.year),
        )
        ends = [e for s, e in a.body_paragraphs if e > m.end()]
        return [insert_paragraph(text, ends[0], sentence, "event-before-onset", note=f"onset {onset} ({group}); event {event}")]
    return []


def event_before_onset(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A group's involvement begins on a stated day ("peacekeepers arrived on May 3"):
    an event of that group dated months before it, inserted after the onset sentence,
    or a later dated sentence that names the group moved before the onset."""
    a = Article.parse(text, published)
    published = a.published
    if published is None:
        return []
    plants = []
    for m in _ONSET.finditer(text, a.body_start):
        s, e = a.sentence_at(m.start())
        onset = _onset_date(text, m.start(), e, published)
        group = m.group("group").strip()
        words = group.split()
        if onset is None:
            continue
        if words[0] in ("The", "the"):
            words = words[1:]
        group = "the " + " ".join(words)
        when, month_like = onset
        earlier = shift_months(when, -rng.choice([3, 4, 6, 8]))
        # edit: a later sentence with a day date and the group's head word
        head = group.split()[-1]
        edited = False
        for i in range(a.sentence_index(m.start()) + 1, len(a.sentences)):
            ss, se = a.sentences[i]
            if head not in text[ss:se]:
                continue
            for d in find_day_dates(text, ss, se):
                later = d.resolve(published)
                if later and later >= when and d.weekday_span is None and not in_range(text, d):
                    like = text[d.month_span[0] : d.month_span[1]]
                    new = write_date(earlier, like, with_year=d.year is not None or earlier.year != published.year)
                    s2, e2 = d.month_span[0], (d.year_span or d.day_span)[1]
                    plants.append(replace(text, s2, e2, new, "event-before-onset", note=f"onset {when}: {text[s2:e2]} -> {new}"))
                    edited = True
                    break
            if edited:
                break
        written = write_date(earlier, month_like, with_year=earlier.year != published.year)
        template = rng.choice(_EVENT_TEMPLATES)
        sentence = template.format(Group=group[0].upper() + group[1:], group=group, date=written)
        plants.append(insert_sentence(text, e, sentence, "event-before-onset", note=f"onset {when} ({group}); event {earlier}"))
    if not any(p.inserted for p in plants):
        plants.extend(_onset_pair(a, rng))
    return plants


def weekday_mismatch(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"Tuesday, March 5": the weekday changed. A day date in the story's frame without a
    weekday gets a wrong one inserted before it."""
    a = Article.parse(text, published)
    published = a.published
    plants = []
    for d in body_dates(text, a.body_start):
        when = d.resolve(published)
        if when is None:
            continue
        wrong = WEEKDAYS[(when.weekday() + rng.randrange(1, 7)) % 7]
        if d.weekday_span:
            if d.weekday != when.weekday():
                continue  # already wrong (or a time zone): leave it
            s, e = d.weekday_span
            plants.append(replace(text, s, e, wrong, "weekday-mismatch", note=f"{when} is a {WEEKDAYS[when.weekday()]}"))
        elif published and abs(when - published) <= FRAME and d.month_span[0] < d.day_span[0] and not in_range(text, d):
            if re.search(rf"{WEEKDAY}\s*(?:\(|,)?\s*$", text[max(0, d.start - 12) : d.start]):
                continue
            plants.append(insert_words(text, d.start, f"{wrong}, ", "weekday-mismatch", note=f"{when} is a {WEEKDAYS[when.weekday()]}"))
    return plants
