"""What normalization reads besides the expression: anchor, reference time, tense."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..language.syntax import dated_verb
from ..language.tense import tense_of
from .lexicon import alternation, lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")


@dataclass
class Reference:
    """A reference time the text set: its value, interval and the words that set it."""

    value: str
    begin: date
    last: date
    precision: str
    text: str
    start: int


@dataclass
class Context:
    """The state of one tagging pass over a text."""

    text: str
    anchor: Optional[date]
    doc: "Optional[Doc]" = None
    reference: Optional[Reference] = None
    quarter: Optional[Reference] = None
    _tense_cache: dict[int, Optional[str]] = field(default_factory=dict)

    def sentence_bounds(self, start: int) -> tuple[int, int]:
        """The character bounds of the sentence around ``start``.

        A period after an abbreviation ("vs.", "Oct.", "Ala.") or an initial
        ("James C. Kopp") does not end a sentence.
        """
        begin = 0
        for m in _SENTENCE_END.finditer(self.text, 0, start):
            if not _after_abbreviation(self.text, m.start()):
                begin = m.end()
        end = len(self.text)
        for m in _SENTENCE_END.finditer(self.text, start):
            if not _after_abbreviation(self.text, m.start()):
                end = m.start() + 1
                break
        return begin, end

    def tense(self, start: int, end: int) -> Optional[str]:
        """``past``/``future`` of the verb nearest the expression in its sentence, if any."""
        if start not in self._tense_cache:
            self._tense_cache[start] = self._doc_tense(start, end) if self.doc is not None else self._text_tense(start, end)
        return self._tense_cache[start]

    def _text_tense(self, start: int, end: int) -> Optional[str]:
        s, e = self.sentence_bounds(start)
        best: tuple[int, Optional[str]] = (10**9, None)
        for m in _markers().finditer(self.text, s, e):
            if start <= m.start() < end:
                continue
            word = m.group(0).lower()
            following = _NEXT_WORD.match(self.text, m.end())
            if word in _future_words() or (following and following.group(1).lower() in _future_words()):
                kind = "future"  # "were planning": the future in the past
            else:
                kind = "past"
            dist = abs(m.start() - start) if m.start() >= end else abs(start - m.end())
            if dist < best[0]:
                best = (dist, kind)
        return best[1]

    def _doc_tense(self, start: int, end: int) -> Optional[str]:
        doc = self.doc
        assert doc is not None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return self._text_tense(start, end)
        if doc.has_annotation("DEP"):
            verb = dated_verb(span)
            if verb is not None:
                return {"ahead": "future", "behind": "past", None: None}[tense_of(verb).direction]
        sent_start, sent_end = self.sentence_bounds(start)
        best: tuple[int, Optional[str]] = (10**9, None)
        future = _future_words()
        # only the sentence's tokens: walking the whole doc per expression is quadratic
        sentence = doc.char_span(sent_start, max(sent_end, sent_start + 1), alignment_mode="expand")
        for token in sentence if sentence is not None else doc:
            if token.idx < sent_start or token.idx >= sent_end or span.start <= token.i < span.end:
                continue
            kind = None
            if token.lower_ in future and token.tag_ in {"MD", "VBN", "VBD", "VBG", "VBZ", "VBP"}:
                kind = "future"
            elif token.tag_ in {"VBD", "VBN"} or token.lower_ in {"ago"}:
                kind = "future" if _before_future(token, future) else "past"
            if kind:
                dist = min(abs(token.i - span.start), abs(token.i - (span.end - 1)))
                if dist < best[0]:
                    best = (dist, kind)
        return best[1]


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _before_future(token: "Token", future: frozenset[str]) -> bool:
    """Whether an auxiliary introduces a future marker ("were planning", "was scheduled")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in future and following.tag_ in {"VBG", "VBN"}


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _after_abbreviation(text: str, period: int) -> bool:
    """Whether the period at ``period`` closes an abbreviation or an initial, not a sentence."""
    if text[period] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if m is None:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _abbreviations()


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    lx = lexicon()
    shortened = {w for w in lx.months if any(o != w and o.startswith(w) for o in lx.months)}
    return frozenset(lx.abbreviations) | shortened


@lru_cache(maxsize=1)
def _future_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().future_markers)


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    lx = lexicon()
    words = alternation(lx.future_markers + lx.past_markers)
    return re.compile(rf"(?<![\w']){words}(?!\w)|\b\w{{3,}}ed\b", re.I)
