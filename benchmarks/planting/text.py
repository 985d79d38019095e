"""The article as plain text: header, headline, paragraphs, sentences; and a plant.

Everything here works on the file's text (the ``date:`` header included), so the
offsets of a plant are the offsets claimcheck reports (its spans are file offsets).
Planting never reads claimcheck's own analysis: only these regexes and heuristics.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Optional

_HEADER = re.compile(r"(?:(?:date|published|title):[^\n]*\n)+\n?", re.I)
_DATE_LINE = re.compile(r"^(?:date|published):\s*(\d{4})-(\d{2})-(\d{2})", re.I | re.M)
_PARAGRAPH = re.compile(r"[^\n](?:.|\n(?![ \t]*\n))*")

#: Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm gov sen rep rev st jr sr prof no vs "
    "jan feb mar apr aug sep sept oct nov dec u.s u.n u.k e.g i.e inc corp co ltd bros".split()
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Plant:
    """One planted contradiction. ``text`` is the whole new file text: ``old`` at
    offset ``at`` of the clean text was replaced with ``new``; ``start:end`` is the
    span of the planted words in the new text (for an inserted paragraph, the new
    sentence without the blank line before it)."""

    kind: str
    text: str
    at: int
    old: str
    new: str
    start: int
    end: int
    inserted: bool = False
    note: str = ""

    @property
    def delta(self) -> int:
        return len(self.new) - len(self.old)

    def map_offset(self, offset: int, side: str = "start") -> int:
        """Where ``offset`` of the clean text is in the new text (an offset inside
        the replaced words goes to the start or end of the new ones)."""
        old_end = self.at + len(self.old)
        if offset < self.at or (offset == self.at and (self.old or side == "end")):
            return offset
        if offset >= old_end:
            return offset + self.delta
        return self.at if side == "start" else self.at + len(self.new)

    @property
    def planted(self) -> str:
        return self.text[self.start : self.end]

    def record(self) -> dict:
        d = asdict(self)
        d.pop("text")
        return d


def replace(text: str, start: int, end: int, new: str, kind: str, inserted: bool = False, note: str = "") -> Plant:
    """A plant that puts ``new`` in place of ``text[start:end]``."""
    return Plant(
        kind=kind,
        text=text[:start] + new + text[end:],
        at=start,
        old=text[start:end],
        new=new,
        start=start,
        end=start + len(new),
        inserted=inserted,
        note=note,
    )


@dataclass
class Article:
    """Regions of an article's file text (offsets into ``text``)."""

    text: str
    published: Optional[date]
    body_start: int
    headline: Optional[tuple[int, int]]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str, published: Optional[date] = None) -> "Article":
        header = _HEADER.match(text)
        pos = header.end() if header else 0
        if published is None and header and (m := _DATE_LINE.search(header.group(0))):
            published = date(int(m[1]), int(m[2]), int(m[3]))
        paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text, pos)]
        headline = None
        if len(paragraphs) > 1:
            s, e = paragraphs[0]
            first = text[s:e]
            if "\n" not in first and len(first) <= 200 and not re.search(r"[.!?]\W*$", first.rstrip()):
                headline = (s, e)
        body_start = headline[1] if headline else pos
        sentences = []
        for s, e in paragraphs:
            if headline and s == headline[0]:
                continue
            sentences.extend(split_sentences(text, s, e))
        return cls(text, published, body_start, headline, paragraphs, sentences)

    @property
    def body_paragraphs(self) -> list[tuple[int, int]]:
        return [p for p in self.paragraphs if p[0] >= self.body_start]

    def in_body(self, offset: int) -> bool:
        return offset >= self.body_start

    def in_headline(self, offset: int) -> bool:
        return self.headline is not None and self.headline[0] <= offset < self.headline[1]

    def sentence_index(self, offset: int) -> int:
        """Index of the body sentence holding ``offset`` (-1: headline or header)."""
        for i, (s, e) in enumerate(self.sentences):
            if s <= offset < e:
                return i
        return -1

    def sentence_at(self, offset: int) -> tuple[int, int]:
        i = self.sentence_index(offset)
        return self.sentences[i] if i >= 0 else (offset, offset)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one paragraph), as offsets."""
    out, s = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            word = re.search(r"(\S+)$", text[s : m.start()])
            last = word.group(1).lower() if word else ""
            if last in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1) if word else ""):
                continue
        punct = re.match(r"[.!?][\"”’')]*", m.group(0)).end()
        out.append((s, m.start() + punct))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def paragraph_ends(article: "Article", offset: int) -> list[int]:
    """Ends of the body paragraphs that end after ``offset``: places to add a paragraph."""
    return [e for s, e in article.body_paragraphs if e > offset]


def insert_paragraph(text: str, at: int, sentence: str, kind: str, note: str = "") -> Plant:
    """A plant that adds ``sentence`` as a new paragraph after the paragraph ending at ``at``."""
    new = "\n\n" + sentence
    return Plant(kind, text[:at] + new + text[at:], at, "", new, at + 2, at + len(new), True, note)


def insert_words(text: str, at: int, words: str, kind: str, note: str = "") -> Plant:
    """A plant that adds ``words`` at ``at`` (a phrase inside a sentence)."""
    lead = len(words) - len(words.lstrip(" ,"))
    trail = len(words) - len(words.rstrip(" ,"))
    return Plant(kind, text[:at] + words + text[at:], at, "", words, at + lead, at + len(words) - trail, True, note)


def insert_sentence(text: str, at: int, sentence: str, kind: str, note: str = "") -> Plant:
    """A plant that adds ``sentence`` right after the sentence ending at ``at``."""
    new = " " + sentence
    return Plant(kind, text[:at] + new + text[at:], at, "", new, at + 1, at + len(new), True, note)
