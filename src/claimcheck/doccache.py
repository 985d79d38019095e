"""Per-doc caches of values spaCy rebuilds on every access.

``Doc.ents`` and ``Span.ents`` build a fresh list of spans from the token
annotations each time they are read, ``Doc.sents`` a span per sentence, and
``doc[i]`` a new ``Token`` object on every access; components that look entities
up per token or per mention, sentences up by token, or scan every token for a
few words read them from here instead (stored in ``doc.user_data``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token


def doc_ents(doc: "Doc") -> "tuple[Span, ...]":
    """``doc.ents``, built once per doc."""
    ents = doc.user_data.get("cc_ents")
    if ents is None:
        ents = doc.user_data["cc_ents"] = tuple(doc.ents)
        doc.user_data["cc_ent_starts"] = [e.start for e in ents]
    return ents


def span_ents(span: "Span") -> "list[Span]":
    """The entities wholly inside ``span`` (as ``span.ents``), from the doc's cache."""
    ents = doc_ents(span.doc)
    i = bisect_left(span.doc.user_data["cc_ent_starts"], span.start)
    out = []
    while i < len(ents) and ents[i].start < span.end:
        if ents[i].end <= span.end:
            out.append(ents[i])
        i += 1
    return out


def entity_of(token: "Token") -> "Span | None":
    """The entity ``token`` belongs to, if any."""
    ents = doc_ents(token.doc)
    i = bisect_left(token.doc.user_data["cc_ent_starts"], token.i + 1) - 1
    if i >= 0 and ents[i].start <= token.i < ents[i].end:
        return ents[i]
    return None


def sent_starts(doc: "Doc") -> list[int]:
    """``[s.start for s in doc.sents]``, read once per doc from the sentence-start flags."""
    starts = doc.user_data.get("cc_sent_starts")
    if starts is None:
        if "sents" in doc.user_hooks or not len(doc) or not doc.has_annotation("SENT_START"):
            starts = [s.start for s in doc.sents]
        else:
            from spacy.attrs import SENT_START

            flags = doc.to_array(SENT_START).tolist()
            # as Doc.sents: the first token always starts one, later ones where the flag is 1
            starts = [0] + [i for i in range(1, len(flags)) if flags[i] == 1]
        doc.user_data["cc_sent_starts"] = starts
    return starts


def sent_start_of(token: "Token") -> int:
    """``token.sent.start``, looked up in :func:`sent_starts` (``Token.sent`` walks the doc for it)."""
    doc = token.doc
    if "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks:
        return token.sent.start
    starts = sent_starts(doc)
    return starts[bisect_right(starts, token.i) - 1]


def token_tags(doc: "Doc") -> tuple[list[int], list[int]]:
    """``token.pos`` and ``token.lower`` (spaCy ids) of every token, read once per doc from its arrays."""
    tags = doc.user_data.get("cc_pos_lower")
    if tags is None:
        from spacy.attrs import LOWER, POS

        array = doc.to_array([POS, LOWER])
        tags = doc.user_data["cc_pos_lower"] = (array[:, 0].tolist(), array[:, 1].tolist())
    return tags


def string_ids(words: Iterable[str]) -> frozenset[int]:
    """The spaCy ids of ``words`` (as ``token.lower`` holds them)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


#: Per-doc caches that hold the doc's own objects (spans, the claim context), so make the doc
#: part of a reference cycle.
_CYCLIC_KEYS = ("cc_ents", "cc_ent_starts", "cc_claim_context")


def release(doc: "Doc") -> None:
    """Drop the caches that hold the doc's own objects once the pipeline is done with them:
    the doc is then freed as soon as its reader lets go of it, not at the garbage collector's
    next pass (a later reader builds them again)."""
    for key in _CYCLIC_KEYS:
        doc.user_data.pop(key, None)
