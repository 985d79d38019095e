"""Mapping offsets in the checked text back to the file the user edits.

The pipeline sees plain text: for a ``.txt`` file that is the file itself,
for Markdown or HTML it is the extracted prose. A :class:`SourceMap` turns an
offset in that text into an offset, line and column of the original file, so
every :class:`~claimcheck.models.Span` points where an editor can jump to.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .models import Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


class SourceMap:
    """Offsets of the checked text → offsets, lines and columns of the file.

    ``offsets[i]`` is the file offset of character ``i`` of the checked text
    (``len(offsets) == len(text) + 1``, the last entry one past the end);
    ``None`` means the checked text *is* the file.
    """

    def __init__(self, file_text: str, offsets: Sequence[int] | None = None) -> None:
        self.file_text = file_text
        self.offsets = offsets
        self._line_starts = [0]
        i = file_text.find("\n")
        while i >= 0:
            self._line_starts.append(i + 1)
            i = file_text.find("\n", i + 1)

    def file_offset(self, i: int) -> int:
        if self.offsets is None:
            return i
        if not self.offsets:
            return 0
        i = max(0, min(i, len(self.offsets) - 1))
        return self.offsets[i]

    def line_col(self, file_offset: int) -> tuple[int, int]:
        """1-based line and column of a file offset."""
        line = bisect_right(self._line_starts, file_offset) - 1
        return line + 1, file_offset - self._line_starts[line] + 1

    def span(self, start: int, end: int, text: str) -> Span:
        """A :class:`Span` for ``text`` found at ``[start, end)`` of the checked text."""
        fstart = self.file_offset(start)
        # map the last character, not the end, so a gap after the span is not included
        fend = self.file_offset(end - 1) + 1 if end > start else fstart
        line, column = self.line_col(fstart)
        # every field is already of its type: skip pydantic's validation (spans are made by the ten thousand)
        return Span.model_construct(start=fstart, end=fend, line=line, column=column, text=text)


def make_span(doc: "Doc", start: int, end: int) -> Span:
    """The file :class:`Span` of characters ``[start, end)`` of ``doc``."""
    text = doc_text(doc)
    return source_map(doc).span(start, end, text[start:end])


def source_map(doc: "Doc") -> SourceMap:
    """``doc._.cc_source_map`` when the caller set one (before the pipeline runs), else a map
    of the doc text onto itself; read once per doc (an extension attribute costs a lookup
    object on every read, and spans are made by the ten thousand)."""
    smap = doc.user_data.get("cc_smap")
    if smap is None:
        smap = doc._.cc_source_map
        if smap is None:
            smap = doc._.cc_source_map = SourceMap(doc_text(doc))
        doc.user_data["cc_smap"] = smap
    return smap


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("cc_text")
    if text is None:
        text = doc.user_data["cc_text"] = doc.text
    return text


def span_text(span: "SpacySpan") -> str:
    """``span.text`` read from the cached doc text (spaCy joins the span's tokens on every access)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def remember_text(doc: "Doc", text: str) -> None:
    """Record ``text``, the string ``doc`` was tokenized from, as its :func:`doc_text` (the
    tokenizer keeps every character, so the two are equal)."""
    doc.user_data["cc_text"] = text
