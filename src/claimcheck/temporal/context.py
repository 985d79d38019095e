"""What normalization reads besides the expression: anchor, reference time, tense."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .lexicon import alternation, lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

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
        """The character bounds of the sentence around ``start``."""
        begin = 0
        for m in _SENTENCE_END.finditer(self.text, 0, start):
            begin = m.end()
        m = _SENTENCE_END.search(self.text, start)
        return begin, m.start() + 1 if m else len(self.text)

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
            kind = "future" if word in _future_words() else "past"
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
        sent_start, sent_end = self.sentence_bounds(start)
        best: tuple[int, Optional[str]] = (10**9, None)
        future = _future_words()
        for token in doc:
            if token.idx < sent_start or token.idx >= sent_end or span.start <= token.i < span.end:
                continue
            kind = None
            if token.lower_ in future and token.tag_ in {"MD", "VBN", "VBD", "VBG", "VBZ", "VBP"}:
                kind = "future"
            elif token.tag_ in {"VBD", "VBN"} or token.lower_ in {"ago"}:
                kind = "past"
            if kind:
                dist = min(abs(token.i - span.start), abs(token.i - (span.end - 1)))
                if dist < best[0]:
                    best = (dist, kind)
        return best[1]


@lru_cache(maxsize=1)
def _future_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().future_markers)


@lru_cache(maxsize=1)
def _markers() -> re.Pattern[str]:
    lx = lexicon()
    words = alternation(lx.future_markers + lx.past_markers)
    return re.compile(rf"(?<![\w']){words}(?!\w)|\b\w{{3,}}ed\b", re.I)
