"""Where sentences, paragraphs and the article's parts begin and end.

spaCy's parser does not split at blank lines, so a headline and the lede it
sits above come out as one "sentence". The ``claimcheck_segmenter`` component
runs before the parser and fixes sentence starts the parser then respects:

- after a blank line (a paragraph break) — always;
- at the start and end of each region of the article (headline, standfirst);
- after a line break that follows sentence-final punctuation.

Regions (``doc._.cc_regions``: ``(kind, start, end)`` character ranges of the
doc text, set by the reader) say which part of the article a stretch of text
is: ``headline``, ``standfirst`` or, outside them, ``body``. A plain-text
article's headline is its first line when a blank line follows it and it reads
as a headline (:func:`find_headline`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Optional

from ..textmap import doc_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

RegionKind = Literal["headline", "standfirst", "body"]
Region = tuple[str, int, int]

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*[ \t]*$")
_OPENS_SENTENCE = re.compile(r"[\"'“‘(\[]*[A-Z0-9]")

#: A headline is short: at most this many characters and words.
MAX_HEADLINE_CHARS = 200
MAX_HEADLINE_WORDS = 30
_BYLINE = re.compile(r"^(?:by|from)\s+[A-Z]", re.I)
_DATE_ONLY = re.compile(r"^[\W\d]*(?:\w+day,?\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\W*$")


def find_headline(text: str) -> Optional[tuple[int, int]]:
    """The headline of a plain-text article: its first line, when a blank line follows
    it, it is short, and it does not end like a sentence of prose (headlines carry no
    final period), nor is it a byline or a bare date."""
    m = re.match(r"[ \t\r\n]*([^\n]+?)[ \t\r]*\n[ \t\r]*\n", text)
    if m is None:
        return None
    line = m.group(1).strip()
    if not line or len(line) > MAX_HEADLINE_CHARS or len(line.split()) > MAX_HEADLINE_WORDS:
        return None
    if line.endswith(".") and not line.endswith("...") and not _title_cased(line):
        return None
    if _BYLINE.match(line) or _DATE_ONLY.match(line):
        return None
    start = m.start(1)
    return start, start + len(m.group(1))


def _title_cased(line: str) -> bool:
    """Most words capitalized, as in a headline written in title case."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def sentence_starts(text: str, regions: Sequence[Region] = ()) -> list[int]:
    """Character offsets where a sentence must start: after blank lines, at region
    bounds, after a line break that follows sentence-final punctuation."""
    starts: set[int] = set()
    for m in _BLANK_LINE.finditer(text):
        starts.add(_next_word(text, m.end()))
    for m in _LINE_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _SENTENCE_END.search(text, line_start, m.start()) and _OPENS_SENTENCE.match(text, _next_word(text, m.end())):
            starts.add(_next_word(text, m.end()))
    for _, start, end in regions:
        starts.add(_next_word(text, start))
        starts.add(_next_word(text, end))
    return sorted(s for s in starts if 0 < s < len(text))


def _next_word(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def set_sentence_starts(doc: "Doc") -> "Doc":
    """Mark the tokens at :func:`sentence_starts` as sentence starts (before parsing)."""
    starts = sentence_starts(doc_text(doc), doc._.cc_regions or ())
    if not starts:
        return doc
    from spacy.attrs import IDX

    offsets = doc.to_array(IDX).tolist()  # each token's first character, without making Token objects
    for start in starts:
        i = bisect_left(offsets, start)
        if 0 < i < len(offsets) and offsets[i] == start and not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


def region_of(doc: "Doc", char: int) -> RegionKind:
    """The part of the article the character at ``char`` (of the doc text) is in."""
    for kind, start, end in doc._.cc_regions or ():
        if start <= char < end:
            return kind  # type: ignore[return-value]
    return "body"


ParagraphMode = Literal["blank", "line", "wrapped"]
_LINE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def paragraph_mode(text: str) -> ParagraphMode:
    """How the text marks paragraphs: ``blank`` lines between them; one paragraph per
    ``line`` (no blank lines, and the lines end like sentences); or hard-``wrapped``
    lines of one paragraph (no blank lines, and lines end mid-sentence)."""
    if _BLANK_LINE.search(text):
        return "blank"
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    ended = sum(bool(_LINE_END.search(line)) for line in lines)
    return "line" if len(lines) <= 1 or ended >= 0.8 * len(lines) else "wrapped"


def crosses_paragraph(between: str, mode: ParagraphMode) -> bool:
    """Whether ``between`` (text between two points) holds a paragraph break."""
    if mode == "line":
        return "\n" in between
    return _BLANK_LINE.search(between) is not None


def doc_crosses_paragraph(doc: "Doc", between: str) -> bool:
    """:func:`crosses_paragraph` for text of ``doc`` (its paragraph mode is read once)."""
    mode = doc.user_data.get("cc_paragraph_mode")
    if mode is None:
        mode = doc.user_data["cc_paragraph_mode"] = paragraph_mode(doc_text(doc))
    return crosses_paragraph(between, mode)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph's text, without its surrounding blank space."""
    starts = paragraph_starts(text)
    spans = []
    for a, b in zip(starts, [*starts[1:], len(text)]):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    return spans


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs start (see :func:`paragraph_mode`)."""
    mode = paragraph_mode(text)
    if mode == "blank":
        return [0] + [m.end() for m in _BLANK_LINE.finditer(text)]
    if mode == "line":
        return [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    return [0]


def paragraph_index(starts: Sequence[int], char: int) -> int:
    """The 0-based paragraph of ``char``, given :func:`paragraph_starts`."""
    return max(0, bisect_right(starts, char) - 1)
