"""``claimcheck_dates``: temporal expressions, anchored to the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import temporal


@Language.factory("claimcheck_dates")
def make_dates(nlp: Language, name: str) -> "DatesComponent":
    return DatesComponent()


class DatesComponent:
    """Writes ``doc._.cc_timexes``; fills ``doc._.cc_published`` when inferred."""

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.cc_published
        if published is None:
            published, how = temporal.infer_publication(doc.text, doc)
            if published is not None:
                doc._.cc_published = published
                doc._.cc_published_source = "inferred"
                doc._.cc_published_from = how
        doc._.cc_timexes = temporal.tag(doc.text, published, doc)
        return doc
