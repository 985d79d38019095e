"""Reading articles: plain text (Markdown and HTML readers are added here too).

A reader turns a file into a :class:`Document`: the prose to check, a
:class:`~claimcheck.textmap.SourceMap` back to the file, and whatever metadata
the file carries (publication date, title). Readers never modify their input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

from .errors import Errors, InputError
from .textmap import SourceMap

#: Articles above this size are refused (a setting: ``max-bytes``).
MAX_BYTES = 20_000_000

#: A plain-text header block: ``date: 2024-11-20`` / ``title: …`` lines at the top.
_HEADER_LINE = re.compile(r"(?P<key>date|published|title):[ \t]*(?P<value>[^\n]*)\n", re.I)


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


def parse_date(value: str) -> Optional[date]:
    """An ISO date (or the date part of an ISO timestamp), else None."""
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
    shown = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=shown)) from None
    except OSError as exc:
        raise InputError(Errors.E005.format(path=shown, reason=exc.strerror or exc)) from None
    if size > max_bytes:
        raise InputError(Errors.E004.format(path=shown, size=size, limit=max_bytes))
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(Errors.E006.format(path=shown)) from None
    except OSError as exc:
        raise InputError(Errors.E005.format(path=shown, reason=exc.strerror or exc)) from None


def read_plain(file_text: str, path: str) -> Document:
    """A ``.txt`` article; a leading ``date:``/``title:`` header block is metadata."""
    pos, meta = 0, {}
    while m := _HEADER_LINE.match(file_text, pos):
        meta[m["key"].lower()] = m["value"].strip()
        pos = m.end()
    if meta and pos < len(file_text) and file_text[pos] == "\n":
        pos += 1
    if not meta:
        pos = 0
    text = file_text[pos:]
    offsets = None if pos == 0 else [pos + i for i in range(len(text) + 1)]
    doc = Document(path=path, file_text=file_text, text=text, source_map=SourceMap(file_text, offsets))
    raw_date = meta.get("published") or meta.get("date")
    if raw_date:
        doc.published = parse_date(raw_date)
        if doc.published is None:
            raise InputError(Errors.E007.format(path=path, reason=f"date '{raw_date}' is not YYYY-MM-DD"))
        doc.published_source = "front-matter"
    doc.title = meta.get("title") or None
    return doc


def read_text(file_text: str, path: str = "<text>") -> Document:
    """A document from text already in memory (plain text)."""
    if not file_text.strip():
        raise InputError(Errors.E002.format(path=path))
    return read_plain(file_text, path)


def read_document(path: Path | str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one article file."""
    p = Path(path)
    text, warnings = decode(read_bytes(p, max_bytes), str(p))
    doc = read_text(text, str(p))
    doc.warnings.extend(warnings)
    return doc
