"""``claimcheck_dates``: temporal expressions, anchored to the publication date."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import temporal
from ..temporal.publication import dateline, latest_dated
from ..textmap import doc_text


@Language.factory("claimcheck_dates")
def make_dates(nlp: Language, name: str) -> "DatesComponent":
    return DatesComponent()


class DatesComponent:
    """Writes ``doc._.cc_timexes``; fills ``doc._.cc_published`` when it is unset.

    A publication date given upstream (``--published``, front matter, HTML
    meta) is kept. Otherwise a dateline at the top of the text is used
    (source ``dateline``), else the end of the latest fully dated expression
    (source ``inferred``), with ``cc_published_from`` saying which.
    """

    def __call__(self, doc: Doc) -> Doc:
        if doc._.cc_published is None:
            self.set_publication(doc)
        doc._.cc_timexes = temporal.tag(doc_text(doc), doc._.cc_published, doc)
        return doc

    @staticmethod
    def set_publication(doc: Doc) -> None:
        """Find the publication date in the text, if it has one."""
        found = dateline(doc_text(doc))
        if found is not None:
            doc._.cc_published, doc._.cc_published_from = found
            doc._.cc_published_source = "dateline"
            return
        published, how = latest_dated(doc_text(doc))
        if published is not None:
            doc._.cc_published, doc._.cc_published_from = published, how
            doc._.cc_published_source = "inferred"
