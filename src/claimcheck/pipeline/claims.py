"""``claimcheck_claims``: the other components' mentions → ``Claim`` records (placeholder)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("claimcheck_claims")
def make_claims(nlp: Language, name: str) -> "ClaimsComponent":
    return ClaimsComponent()


class ClaimsComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_claims = []
        return doc
