"""What normalization reads besides the expression: anchor, reference time, tense.

The tense that sets a date's direction, and the sentence an expression is in,
come from the language layer and the parse (:mod:`claimcheck.language.tense`,
``doc.sents``); without a parse there is no tense, and a paragraph stands in for
the sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Optional

from ..language.segment import paragraph_spans
from ..language.syntax import dated_verb, governing_verb
from ..language.tense import tense_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


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
    _bounds: Optional[list[tuple[int, int]]] = None

    def sentence_bounds(self, start: int) -> tuple[int, int]:
        """The character bounds of the sentence around ``start`` (the parse's sentences;
        the paragraph when there is no parse)."""
        if self._bounds is None:
            if self.doc is not None and self.doc.has_annotation("SENT_START"):
                self._bounds = [(s.start_char, s.end_char) for s in self.doc.sents]
            else:
                self._bounds = paragraph_spans(self.text) or [(0, len(self.text))]
        starts = [b[0] for b in self._bounds]
        i = max(0, bisect_right(starts, start) - 1)
        return self._bounds[i]

    def tense(self, start: int, end: int) -> Optional[str]:
        """``past``/``future``: the direction the verb an expression belongs to gives it
        (:func:`claimcheck.language.tense.tense_of`); None without a parse."""
        if start not in self._tense_cache:
            self._tense_cache[start] = self._tense(start, end)
        return self._tense_cache[start]

    def _tense(self, start: int, end: int) -> Optional[str]:
        doc = self.doc
        if doc is None or not doc.has_annotation("DEP"):
            return None
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = dated_verb(span) or governing_verb(span)
        if verb is None:
            return None
        return {"ahead": "future", "behind": "past", None: None}[tense_of(verb).direction]
