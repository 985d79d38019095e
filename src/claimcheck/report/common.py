"""Small pieces the file-format renderers share: positions, ordering, labels.

Pure functions over the report records; nothing here prints or styles.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import Optional

from ..models import SEVERITY_RANK, Claim, DocumentReport, Finding, Report, Span
from .human import claim_detail, format_quantity

#: Severity words as SARIF and GitHub spell them.
SARIF_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}


def end_position(span: Span) -> tuple[int, int]:
    """1-based line and exclusive column where ``span`` ends in the file."""
    if "\n" not in span.text:
        return span.line, span.column + max(span.end - span.start, 0)
    last = span.text.rsplit("\n", 1)[1]
    return span.line + span.text.count("\n"), len(last) + 1


def relative_path(path: str, base: Optional[Path] = None) -> str:
    """``path`` in POSIX form, relative to ``base`` (the working directory) when under it."""
    p = PurePath(path)
    if p.is_absolute():
        try:
            p = p.relative_to(base or Path.cwd())
        except ValueError:
            pass
    return p.as_posix()


def ordered_findings(report: Report) -> Iterator[tuple[DocumentReport, Finding]]:
    """Every finding with its document: most severe first, then by file and position."""
    pairs = [(d, f) for d in report.documents for f in d.findings]
    pairs.sort(key=lambda p: (-SEVERITY_RANK[p[1].severity], p[0].path, p[1].span.start, p[1].rule))
    return iter(pairs)


def claim_value(c: Claim) -> str:
    """What a claim states, in a few words: '≈30 troops', '“…”', the event."""
    if c.kind == "quote":
        return f"“{c.quote}”"
    if c.kind == "event":
        return c.what
    noun = f" {c.quantity.noun}" if c.quantity.noun else ""
    return format_quantity(c.quantity) + noun


def claim_date(c: Claim) -> str:
    """The claim's event date (and report date) as TIMEX values, or ''."""
    parts = []
    if c.date:
        parts.append(c.date.value + (f" ({c.date.modifier})" if c.date.modifier else ""))
    if c.reported:
        parts.append(f"reported {c.reported.value}")
    return "; ".join(parts)


def claim_sources(c: Claim) -> str:
    """Who the claim is attributed to: 'HUR (according to), Pentagon'."""
    return ", ".join(s.name + (f" ({s.cue})" if s.cue else "") for s in c.sources)


def claim_summary(c: Claim) -> str:
    """One line describing a claim: kind, value and what or who."""
    detail = claim_detail(c)
    return f"{c.kind.replace('_', ' ')}: {claim_value(c)}" + (f" — {detail}" if detail else "")
