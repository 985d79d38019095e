"""``claimcheck_sources``: attributions ("according to X", "X confirmed") (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Source


@dataclass
class Attribution:
    """Who (``sources``) is credited, by which cue, for the content ``[start, end)``."""

    start: int
    end: int
    sources: list[Source] = field(default_factory=list)
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    vague: bool = False


@Language.factory("claimcheck_sources")
def make_sources(nlp: Language, name: str) -> "SourcesComponent":
    return SourcesComponent()


class SourcesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_attributions = []
        return doc
