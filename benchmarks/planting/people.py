"""People: ages given twice, and a quotation given to two speakers."""

from __future__ import annotations

import random
import re
from datetime import date
from typing import Optional

from .text import Article, Plant, insert_paragraph, insert_words, replace

#: Capitalized words that start a sentence or name no person.
NOT_NAMES = frozenset(
    "The A An In On At But And Or If As For With From By To Of After Before When While Since "
    "He She They It We I His Her Their Its This That These Those There Here "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Mr Mrs Ms Dr President Minister Prime Foreign "
    "Defence Defense Secretary General Gen Chief Spokesman Spokeswoman Police Army Party Ministry "
    "Government Council Agency News Xinhua AFP Reuters United States Nations Union Republic National "
    "Committee Office Department Bank Company Group Association Commission Parliament Court China "
    "Chinese American British French Russian Iraqi Israeli Palestinian European International "
    "Beijing Washington Moscow London Paris Tokyo Baghdad Kabul Jerusalem Daily Times Post Mirror Herald "
    "Journal Events Press Television Radio Ltd Inc Corp Club University Institute Foundation Airlines Airways "
    "Motors Promoters Organization Organisation Federation Forum Centre Center Museum Hospital".split()
)
NAME_WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
NAME = rf"(?P<name>{NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}){{1,2}})"
#: One name word or more (an age often follows a surname alone: "Rao, 75, was").
SURNAME_OR_NAME = rf"(?P<name>{NAME_WORD}(?:\s+(?:[A-Z]\.\s+)?{NAME_WORD}){{0,3}})"
_AGE_AFTER = re.compile(rf"\b{SURNAME_OR_NAME},\s+(?P<age>\d{{2}}),")
_AGE_BEFORE = re.compile(rf"\b(?P<age>\d{{2}})-year-old\s+(?:[a-z]+\s+){{0,2}}(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?{NAME}")
_THE_AGED = re.compile(r"\b(?P<the>[Tt]he) (?P<age>\d{2})-year-old\b")
_SPEECH_VERB = r"(?:said|says|told|added|stressed|noted|explained|insisted|warned|declared|announced)"


TITLES = frozenset(
    "Mayor President Minister Premier Governor Senator Ambassador Chairman Director Judge Bishop "
    "Captain Colonel Major Lieutenant Sergeant Commander Prince Princess King Queen Sheikh Cardinal".split()
)


def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def _person(name: str, single: bool = False) -> bool:
    words = name.replace(".", " ").split()
    return len(words) >= (1 if single else 2) and not any(w in NOT_NAMES for w in words)


def _other_age(age: int, rng: random.Random) -> int:
    return age + rng.choice([-9, -7, -5, -4, -3, 3, 4, 5, 7, 9])


def age_twice(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """"Name, 52," then "the 52-year-old" later: the later age changed; or a later
    surname mention gets a different age inserted ("Smith, 49, said")."""
    a = Article.parse(text, published)
    plants = []
    seen = set()
    for m in list(_AGE_AFTER.finditer(text, a.body_start)) + list(_AGE_BEFORE.finditer(text, a.body_start)):
        name, age = m.group("name"), int(m.group("age"))
        if not 15 <= age <= 105 or not _person(name, single=True) or name in seen:
            continue
        seen.add(name)
        sentence = a.sentence_index(m.start())
        later = [t for t in _THE_AGED.finditer(text, m.end()) if int(t.group("age")) == age and a.sentence_index(t.start()) > sentence]
        if later:
            t = later[0]
            new = str(_other_age(age, rng))
            plants.append(replace(text, t.start("age"), t.end("age"), new, "age-twice", note=f"{name}, {age}: the {age}-year-old -> {new}"))
        surname = name.split()[-1]
        for s in re.finditer(rf"\b{re.escape(surname)}\b(?=\s+(?:{_SPEECH_VERB}|was|is|has|had|also|who|will|would|could|did|does|denied|[a-z]+ed)\b)", text[m.end() :]):
            at = m.end() + s.end()
            if a.sentence_index(at) <= sentence or re.match(r",\s*\d", text[at:]):
                continue
            new = _other_age(age, rng)
            plants.append(insert_words(text, at, f", {new},", "age-twice", note=f"{name}, {age}; later {surname}, {new}"))
            break
    return plants


_QUOTE = re.compile(r"(?P<open>[\"“])(?P<q>[^\"“”\n]{20,400}?)(?P<close>[\"”])")
_AFTER_SPEAKERS = (
    re.compile(rf",?\s*{_SPEECH_VERB}\s+(?:[A-Za-z]+\s+){{0,3}}?{NAME}"),
    re.compile(rf",?\s*{NAME}\s+{_SPEECH_VERB}\b"),
)
_BEFORE_SPEAKER = re.compile(rf"{NAME}\s+(?:{_SPEECH_VERB}|{_SPEECH_VERB} \w+)\s*[:,]?\s*$")
_TITLED = re.compile(
    rf"\b(?:President|Minister|Secretary|Mr\.|Mrs\.|Ms\.|Dr\.|General|Gen\.|spokesman|spokeswoman|Chairman|chairman|Governor|Ambassador|director|Director|Premier|leader)\s+{NAME}"
)


def _speaker(text: str, m: re.Match) -> Optional[str]:
    for rx in _AFTER_SPEAKERS:
        after = rx.match(text, m.end())
        if after and _person(strip_titles(after.group("name"))):
            return strip_titles(after.group("name"))
    before = _BEFORE_SPEAKER.search(text[max(0, m.start() - 80) : m.start()])
    if before and _person(strip_titles(before.group("name"))):
        return strip_titles(before.group("name"))
    return None


def _people(text: str, start: int) -> list[str]:
    """Names the article gives people: speakers and titled names."""
    names = []
    for rx in (_TITLED, re.compile(rf"{NAME}\s+{_SPEECH_VERB}\b"), re.compile(rf"{_SPEECH_VERB}\s+{NAME}")):
        for m in rx.finditer(text, start):
            n = strip_titles(m.group("name"))
            if _person(n) and n not in names:
                names.append(n)
    return names


_QUOTE_TEMPLATES = [
    "{o}{q},{c} {other} said.",
    "{other} said: {o}{q}.{c}",
    "{o}{q},{c} {other} told reporters.",
    "As {other} put it, {o}{q}.{c}",
]


def quote_two_speakers(text: str, published: Optional[date], rng: random.Random) -> list[Plant]:
    """A quotation of six or more words with a named speaker: a later paragraph gives
    the same words to another person the article names."""
    a = Article.parse(text, published)
    people = _people(text, a.body_start)
    plants = []
    for m in _QUOTE.finditer(text, a.body_start):
        words = m.group("q").split()
        if len(words) < 6:
            continue
        speaker = _speaker(text, m)
        if speaker is None:
            continue
        tokens = set(speaker.split())
        others = [p for p in people if not tokens & set(p.split())]
        if not others:
            continue
        ends = [e for s, e in a.body_paragraphs if e > m.end()]
        if not ends:
            continue
        other = rng.choice(others)
        q = m.group("q").strip().rstrip(",.;:!?")
        sentence = rng.choice(_QUOTE_TEMPLATES).format(o=m.group("open"), c=m.group("close"), q=q, other=other)
        at = rng.choice(ends[1:] or ends)
        plants.append(insert_paragraph(text, at, sentence, "quote-two-speakers", note=f"{speaker} -> {other}"))
    return plants
