"""The language layer's two components: sentence starts before parsing, references after.

- ``claimcheck_segmenter`` runs before the parser and fixes the sentence
  starts the parser respects (a blank line and the headline always end a
  sentence; see :mod:`claimcheck.language.segment`);
- ``claimcheck_references`` runs after the entity recognizer and writes
  ``doc._.cc_references``, the :class:`~claimcheck.language.reference.References`
  every later component resolves pronouns and names with. The claims component,
  last, sets it back to None (it holds the doc, in a reference cycle);
  :func:`claimcheck.language.reference.references` builds it again on demand.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..language.reference import References
from ..language.segment import set_sentence_starts


@Language.factory("claimcheck_segmenter")
def make_segmenter(nlp: Language, name: str) -> "SegmenterComponent":
    return SegmenterComponent()


class SegmenterComponent:
    """Sets ``token.is_sent_start`` where a sentence must start; the parser keeps them."""

    def __call__(self, doc: Doc) -> Doc:
        return set_sentence_starts(doc)


@Language.factory("claimcheck_references")
def make_references(nlp: Language, name: str) -> "ReferencesComponent":
    return ReferencesComponent()


class ReferencesComponent:
    """Writes ``doc._.cc_references``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.cc_references = References(doc)
        return doc
