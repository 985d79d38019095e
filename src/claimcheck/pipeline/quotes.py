"""``claimcheck_quotes``: direct and partial quotations with their speakers (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Speaker


@dataclass
class QuoteMention:
    """A quotation: ``[start, end)`` is the content without the marks."""

    start: int
    end: int
    text: str
    quote_type: str = "direct"  # direct | partial
    speaker: Optional[Speaker] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    marks: list[tuple[int, int]] = field(default_factory=list)


@Language.factory("claimcheck_quotes")
def make_quotes(nlp: Language, name: str) -> "QuotesComponent":
    return QuotesComponent()


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_quotes = []
        return doc
