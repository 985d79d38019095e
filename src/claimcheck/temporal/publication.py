"""A publication date from the text itself: a dateline, else the latest dated expression."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Optional

from .lexicon import alternation, lexicon
from .tagger import tag

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

#: How many leading characters a dateline may sit in (title, byline, place).
DATELINE_WINDOW = 400


def infer_publication(text: str, doc: "Doc | None" = None) -> tuple[Optional[date], Optional[str]]:
    """A publication date guessed from the text, and how it was found.

    First a dateline near the top ("Monday, March 9, 2015",
    "NAIROBI, Kenya, Aug. 8 (AP) —"); otherwise the latest expression the text
    dates completely (day, month or year written out), reported as inferred.
    The second item is a short explanation, or None when nothing was found.
    """
    found = dateline(text)
    if found is not None:
        return found
    return latest_dated(text)


def dateline(text: str) -> Optional[tuple[date, str]]:
    """A date in a dateline at the top of the text, with an explanation."""
    head = text[:DATELINE_WINDOW]
    for line_no, line in enumerate(head.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        for t in tag(stripped, None):
            if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}|XXXX-\d{2}-\d{2}", t.value):
                continue
            if not _is_dateline(stripped, t.start, t.end):
                continue
            value = t.value
            if value.startswith("XXXX"):
                year = _latest_year(text)
                if year is None:
                    continue
                value = f"{year}{value[4:]}"
            try:
                return date.fromisoformat(value), f"dateline: {stripped[:60]!r} (line {line_no})"
            except ValueError:
                continue
    return None


def _latest_year(text: str) -> Optional[int]:
    """The latest year the text writes out, to complete a dateline without one."""
    years = [t.begin.year for t in tag(text, None) if t.begin is not None and t.value[:4].isdigit()]
    return max(years, default=None)


def _is_dateline(line: str, start: int, end: int) -> bool:
    """A date that is the whole line, or follows a place name before a dash or agency."""
    before, after = line[:start].strip(), line[end:].strip()
    if not before and (not after or after in {".", ","}):
        return True
    agencies = alternation(lexicon().dateline_agencies)
    place = r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .]+)?,?$"
    return bool(re.match(place, before)) and bool(re.match(rf"^(?:\(\s*{agencies}\s*\))?\s*(?:[-—–_]|$)", after))


def latest_dated(text: str) -> tuple[Optional[date], Optional[str]]:
    """The end of the latest interval the text dates in full, as a conservative guess."""
    best = None
    for t in tag(text, None):
        if t.type != "DATE" or t.last is None or t.value.startswith("X") or t.precision not in {"day", "month", "week"} or t.impossible:
            continue
        if best is None or t.last > best.last:
            best = t
    if best is None:
        return None, None
    line = text.count("\n", 0, best.start) + 1
    return best.last, f"latest dated expression in the text: {best.text!r} (line {line})"
