"""Reading articles: plain text, Markdown with front matter, HTML, and stdin.

A reader turns a file into a :class:`Document`: the prose to check, a
:class:`~claimcheck.textmap.SourceMap` back to the file, and whatever metadata
the file carries (publication date, title). Readers never modify their input.

Offsets. Plain text maps one to one. Markdown is parsed with markdown-it-py:
each block's token ``map`` gives its lines and each inline text run is found
in those lines, so every character of the prose maps to its file offset
(characters produced by entities or escapes map to the start of the markup).
HTML is parsed with BeautifulSoup; each tag's source position bounds the
search for its text, so offsets are exact for literal text and approximate
(the nearest preceding match) where entities were decoded.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Callable, Optional

from .errors import Errors, InputError
from .language.segment import find_headline
from .textmap import SourceMap

#: Articles above this size are refused (a setting: ``max-bytes``). A long
#: feature is ~50 kB; 1 MB is also spaCy's default ``max_length``.
MAX_BYTES = 1_000_000

#: File suffixes of each reader; directories are searched for all of them.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
TEXT_SUFFIXES = frozenset({".txt"})
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES | TEXT_SUFFIXES

#: A plain-text header block: ``date: 2024-11-20`` / ``title: …`` lines at the top.
_HEADER_LINE = re.compile(r"(?P<key>date|published|title):[ \t]*(?P<value>[^\n]*)\n", re.I)

#: YAML front matter: ``---`` on the first line, closed by ``---`` or ``...``.
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)

#: Paragraph separator inserted between blocks so sentences never merge.
_BLOCK_SEP = "\n\n"

#: HTML elements that are never article prose.
_HTML_DROP = ("script", "style", "nav", "header", "footer", "aside", "noscript", "template", "form", "svg")
#: HTML elements that start a new paragraph of prose.
_HTML_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote td th pre figcaption dd dt section article main body "
    "ul ol table tr caption address".split()
)
#: ``<meta>`` attributes that carry the publication date, in preference order.
_HTML_DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "dc.date"),
)


@dataclass
class Document:
    path: str
    file_text: str
    text: str
    source_map: SourceMap
    published: Optional[date] = None
    published_source: Optional[str] = None
    title: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    #: ``(kind, start, end)`` of the headline and standfirst in ``text`` (the rest is body).
    regions: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def markup(self) -> bool:
        """True for Markdown and HTML documents (the formats with comments)."""
        return suffix_of(self.path) in MARKDOWN_SUFFIXES | HTML_SUFFIXES


def suffix_of(path: str) -> str:
    """The lower-cased file suffix of ``path`` ('' for ``<text>``)."""
    return Path(path).suffix.lower()


def parse_date(value: object) -> Optional[date]:
    """An ISO date (or the date part of an ISO timestamp), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Text of ``data``; refuses binary files, replaces undecodable bytes with a warning."""
    if not data.strip():
        raise InputError(Errors.E002.format(path=path))
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E003.format(path=path))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), [Errors.W001.format(path=path)]


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``; missing, unreadable or oversized files raise :class:`InputError`."""
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=shown)) from None
    except OSError as exc:
        raise InputError(Errors.E005.format(path=shown, reason=exc.strerror or exc)) from None
    if path.is_dir():
        raise InputError(Errors.E006.format(path=shown))
    if size > max_bytes:
        raise InputError(Errors.E004.format(path=shown, size=size, limit=max_bytes))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E005.format(path=shown, reason=exc.strerror or exc)) from None


def read_stream(stream: BinaryIO, path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a stream (stdin); more than ``max_bytes`` raises :class:`InputError`."""
    data = stream.read()
    if len(data) > max_bytes:
        raise InputError(Errors.E004.format(path=path, size=len(data), limit=max_bytes))
    return data


def _set_published(doc: Document, raw: object, source: str) -> None:
    doc.published = parse_date(raw)
    if doc.published is None:
        raise InputError(Errors.E007.format(path=doc.path, reason=f"date '{raw}' is not YYYY-MM-DD"))
    doc.published_source = source


def split_header(file_text: str) -> tuple[dict[str, str], int]:
    """A plain-text article's ``date:``/``title:`` header as a dict, and the offset where
    the body starts ({} and 0 when there is no header)."""
    pos, meta = 0, {}
    while m := _HEADER_LINE.match(file_text, pos):
        meta[m["key"].lower()] = m["value"].strip()
        pos = m.end()
    if meta and pos < len(file_text) and file_text[pos] == "\n":
        pos += 1
    return (meta, pos) if meta else ({}, 0)


def read_plain(file_text: str, path: str) -> Document:
    """A ``.txt`` article; a leading ``date:``/``title:`` header block is metadata."""
    meta, pos = split_header(file_text)
    text = file_text[pos:]
    offsets = None if pos == 0 else [pos + i for i in range(len(text) + 1)]
    title = meta.get("title") or None
    regions: list[tuple[str, int, int]] = []
    if title and not text.lstrip().startswith(title):  # the header's title is the headline
        at = file_text.find(title)
        body = [pos + i for i in range(len(text) + 1)]
        offsets = [at + i for i in range(len(title))] + [at + len(title)] * len(_BLOCK_SEP) + body
        text = f"{title}{_BLOCK_SEP}{text}"
        regions.append(("headline", 0, len(title)))
    elif (found := find_headline(text)) is not None:
        regions.append(("headline", *found))
    doc = Document(path=path, file_text=file_text, text=text, source_map=SourceMap(file_text, offsets), regions=regions)
    raw_date = meta.get("published") or meta.get("date")
    if raw_date:
        _set_published(doc, raw_date, "front-matter")
    doc.title = title
    return doc


class _Aligner:
    """Finds extracted text runs in the file, left to right, to recover offsets."""

    def __init__(self, file_text: str) -> None:
        self.file_text = file_text
        self.cursor = 0
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def seek(self, offset: int) -> None:
        """Never search before ``offset`` again (the start of the current block)."""
        self.cursor = max(self.cursor, offset)

    def add(self, fragment: str, limit: int | None = None) -> None:
        """Append ``fragment``, mapping each character to where it occurs in the file."""
        if not fragment:
            return
        limit = len(self.file_text) if limit is None else limit
        pos = self.file_text.find(fragment, self.cursor, limit)
        if pos >= 0:
            self.chars.append(fragment)
            self.offsets.extend(range(pos, pos + len(fragment)))
            self.cursor = pos + len(fragment)
            return
        window = min(limit, self.cursor + 8 * len(fragment) + 64)
        for ch in fragment:  # decoded entities, escapes: match what is literal
            p = self.file_text.find(ch, self.cursor, window)
            self.chars.append(ch)
            self.offsets.append(p if p >= 0 else min(self.cursor, len(self.file_text)))
            if p >= 0:
                self.cursor = p + 1

    def add_inserted(self, text: str) -> None:
        """Append characters that are not in the file (separators), mapped after the last one."""
        at = self.offsets[-1] + 1 if self.offsets else 0
        at = min(at, len(self.file_text))
        self.chars.append(text)
        self.offsets.extend([at] * len(text))

    def separate(self) -> None:
        """End the current block: a blank line before the next one."""
        if self.chars and not "".join(self.chars[-2:]).endswith(_BLOCK_SEP):
            self.add_inserted(_BLOCK_SEP)

    @property
    def length(self) -> int:
        """Characters appended so far."""
        return len(self.offsets)

    def result(self) -> tuple[str, list[int]]:
        text = "".join(self.chars)
        end = self.offsets[-1] + 1 if self.offsets else 0
        return text, self.offsets + [min(end, len(self.file_text))]


def split_front_matter(file_text: str, path: str) -> tuple[dict, int]:
    """YAML front matter as a dict and the offset where the body starts ({} and 0 if none)."""
    import yaml

    opened = _FRONT_OPEN.match(file_text)
    if not opened:
        return {}, 0
    closed = _FRONT_CLOSE.search(file_text, opened.end())
    if not closed:
        raise InputError(Errors.E007.format(path=path, reason="front matter opened with '---' is never closed"))
    try:
        meta = yaml.safe_load(file_text[opened.end() : closed.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(Errors.E007.format(path=path, reason=f"{problem}{where}")) from None
    except ValueError as exc:  # a YAML timestamp that is no calendar date: 2024-02-31
        raise InputError(Errors.E007.format(path=path, reason=str(exc))) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(Errors.E007.format(path=path, reason="front matter is not a key: value mapping"))
    return meta, closed.end()


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def read_markdown(file_text: str, path: str) -> Document:
    """A Markdown article: front matter as metadata, prose without markup or code."""
    from markdown_it import MarkdownIt

    meta, body_start = split_front_matter(file_text, path)
    body = file_text[body_start:]
    starts = _line_starts(file_text)
    first_line = file_text.count("\n", 0, body_start)
    aligner = _Aligner(file_text)
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    title = str(meta["title"]).strip() if meta.get("title") else None
    regions: list[tuple[str, int, int]] = []
    opens_with_heading = bool(tokens) and tokens[0].type == "heading_open"
    if title and not opens_with_heading:  # the front matter's title is the headline
        regions.append(_add_metadata(aligner, "headline", title, body_start))
    standfirst = next((str(meta[k]).strip() for k in STANDFIRST_KEYS if meta.get(k)), None)
    if standfirst:
        regions.append(_add_metadata(aligner, "standfirst", standfirst, body_start))
    previous = None
    for token in tokens:
        if token.type != "inline" or not token.children:
            previous = token
            continue
        begin, end = (first_line + n for n in token.map) if token.map else (first_line, len(starts) - 1)
        limit = starts[end] if end < len(starts) else len(file_text)
        aligner.separate()
        aligner.seek(starts[min(begin, len(starts) - 1)])
        at = aligner.length
        _add_inline(aligner, token.children, limit)
        if opens_with_heading and previous is tokens[0]:  # the opening heading is the headline
            regions.append(("headline", at, aligner.length))
        previous = token
    text, offsets = aligner.result()
    doc = Document(path=path, file_text=file_text, text=text, source_map=SourceMap(file_text, offsets), regions=regions)
    raw_date = meta.get("published") or meta.get("date")
    if raw_date:
        _set_published(doc, raw_date, "front-matter")
    doc.title = title or None
    return doc


#: Front-matter keys whose value is the article's standfirst (the summary under the headline).
STANDFIRST_KEYS = ("standfirst", "subtitle", "dek", "description", "summary")


def _add_metadata(aligner: _Aligner, kind: str, value: str, limit: int) -> tuple[str, int, int]:
    """Append a metadata value (a title, a standfirst) as its own paragraph, mapped to
    where the file has it before ``limit``; the prose that follows is read from ``limit``."""
    aligner.separate()
    aligner.cursor = max(0, aligner.file_text.find(value, 0, limit))
    at = aligner.length
    aligner.add(value, limit)
    aligner.cursor = limit
    return kind, at, aligner.length


def _add_inline(aligner: _Aligner, children: Iterable, limit: int) -> None:
    for child in children:
        if child.type in ("text", "code_inline"):
            aligner.add(child.content, limit)
        elif child.type in ("softbreak", "hardbreak"):
            aligner.add("\n", limit)
        elif child.type == "link_close":
            _skip_link_target(aligner, limit)


def _skip_link_target(aligner: _Aligner, limit: int) -> None:
    """Move past ``](url)`` / ``][ref]`` so link targets are never matched as prose."""
    m = re.compile(r"\]\s*(?:\([^)]*\)|\[[^\]]*\])?").match(aligner.file_text, aligner.cursor, limit)
    if m:
        aligner.seek(m.end())


def read_html(file_text: str, path: str) -> Document:
    """An HTML article: the text of ``<article>``/``<main>``/``<body>``, without page chrome."""
    from bs4 import BeautifulSoup
    from bs4.exceptions import ParserRejectedMarkup

    try:
        soup = BeautifulSoup(file_text, "html.parser")
    except ParserRejectedMarkup as exc:  # "<![0": a declaration html.parser cannot read
        reason = str(exc).strip().splitlines()[-1].strip()
        raise InputError(Errors.E012.format(path=path, reason=reason)) from None
    raw_date = _html_published(soup)
    title = _html_title(soup)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in root.find_all(_HTML_DROP):
        tag.decompose()
    aligner = _Aligner(file_text)
    regions: list[tuple[str, int, int]] = []
    h1 = root.find("h1")
    heading = " ".join(h1.get_text().split()) if h1 is not None else ""
    if not heading and title:  # no heading in the article: its <title> is the headline
        regions.append(_add_metadata(aligner, "headline", title, _body_start(file_text, root)))
    _add_html_text(aligner, root, _line_starts(file_text))
    text, offsets = aligner.result()
    if heading and (at := text.find(heading)) >= 0:
        regions.append(("headline", at, at + len(heading)))
    doc = Document(path=path, file_text=file_text, text=text, source_map=SourceMap(file_text, offsets), regions=regions)
    if raw_date:
        _set_published(doc, raw_date, "html")
    doc.title = title
    return doc


def _body_start(file_text: str, root) -> int:
    """The file offset where the article's root element starts (0 when unknown)."""
    if getattr(root, "sourceline", None) is None:
        return 0
    starts = _line_starts(file_text)
    return starts[min(root.sourceline - 1, len(starts) - 1)] + (root.sourcepos or 0)


def _html_published(soup) -> Optional[str]:
    for attr, value in _HTML_DATE_META:
        tag = soup.find("meta", attrs={attr: value})
        if tag is not None and tag.get("content"):
            return str(tag["content"])
    return None


def _html_title(soup) -> Optional[str]:
    """``og:title``, else ``<title>`` without a site name after a bar ("… | Wire")."""
    tag = soup.find("meta", attrs={"property": "og:title"})
    if tag is not None and tag.get("content"):
        return str(tag["content"]).strip() or None
    if soup.title is not None and soup.title.string:
        return max(soup.title.string.split(" | "), key=len).strip() or None
    return None


def _add_html_text(aligner: _Aligner, root, starts: list[int]) -> None:
    """Append the prose under ``root``, one paragraph per block element."""
    from bs4 import NavigableString, Tag

    block = None
    pending_space = False
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.sourceline is not None and node.sourceline - 1 < len(starts):
                aligner.seek(starts[node.sourceline - 1] + (node.sourcepos or 0))
            if node.name == "br":
                aligner.add_inserted("\n")
                pending_space = False
            continue
        if type(node) is not NavigableString:  # comments, doctype, CDATA
            continue
        owner = next((p for p in node.parents if p.name in _HTML_BLOCKS), None)
        if owner is not block:
            aligner.separate()
            block, pending_space = owner, False
        for i, piece in enumerate(re.split(r"\s+", str(node))):
            if i > 0:
                pending_space = True
            if piece:
                at_start = not aligner.chars or aligner.chars[-1].endswith("\n")
                if pending_space and not at_start:
                    aligner.add_inserted(" ")
                aligner.add(piece)
                pending_space = False


#: reader for each suffix; anything else is plain text.
_READERS: dict[str, Callable[[str, str], Document]] = {
    **{s: read_markdown for s in MARKDOWN_SUFFIXES},
    **{s: read_html for s in HTML_SUFFIXES},
}


def read_text(file_text: str, path: str = "<text>") -> Document:
    """A document from text already in memory; ``path``'s suffix picks the reader."""
    if not file_text.strip():
        raise InputError(Errors.E002.format(path=path))
    doc = _READERS.get(suffix_of(path), read_plain)(file_text, path)
    if not doc.text.strip():
        raise InputError(Errors.E008.format(path=path))
    return doc


def read_document(path: Path | str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one article file."""
    p = Path(path)
    text, warnings = decode(read_bytes(p, max_bytes), str(p))
    doc = read_text(text, str(p))
    doc.warnings.extend(warnings)
    return doc


def read_stdin(name: Optional[str] = None, max_bytes: int = MAX_BYTES, stream: BinaryIO | None = None) -> Document:
    """Read an article from stdin; ``name`` (``--stdin-filename``) labels it and picks the reader."""
    shown = name or "<stdin>"
    stream = stream if stream is not None else sys.stdin.buffer
    text, warnings = decode(read_stream(stream, shown, max_bytes), shown)
    doc = read_text(text, shown)
    doc.warnings.extend(warnings)
    return doc
