"""``claimcheck_quantities``: numbers with their hedges, ranges and units (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Quantity


@dataclass
class QuantityMention:
    """A quantity at ``[start, end)`` of the doc text (hedge words included)."""

    start: int
    end: int
    quantity: Quantity
    kind: str = "count"  # count | money | percent | ordinal | measure


@Language.factory("claimcheck_quantities")
def make_quantities(nlp: Language, name: str) -> "QuantitiesComponent":
    return QuantitiesComponent()


class QuantitiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_quantities = []
        return doc
