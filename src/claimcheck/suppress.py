"""Suppression comments in Markdown and HTML articles.

``<!-- claimcheck-disable CC101 -->`` … ``<!-- claimcheck-enable CC101 -->``
silences the listed rules (codes, prefixes or names; none means every rule)
on the lines in between, or to the end of the file when never re-enabled.
``<!-- claimcheck-disable-next-line CC101 -->`` silences the next non-blank
line. A finding is matched by the line its span starts on. Plain text has no
comment syntax, so ``.txt`` articles have no suppressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import Errors
from .models import Finding

_COMMENT = re.compile(r"<!--\s*claimcheck-(?P<kind>disable-next-line|disable|enable)(?P<codes>[^>]*?)\s*-->")


@dataclass
class Suppression:
    """One disable comment and the lines ``first``..``last`` (1-based, inclusive) it covers."""

    kind: str
    codes: tuple[str, ...]
    line: int
    first: int
    last: int
    used: bool = False

    @property
    def comment(self) -> str:
        return " ".join([f"claimcheck-{self.kind}", *self.codes])

    def covers(self, finding: Finding) -> bool:
        """True when ``finding`` starts on a covered line and its rule is listed."""
        if not self.first <= finding.span.line <= self.last:
            return False
        return not self.codes or any(finding.rule.startswith(c) or finding.name == c.lower() for c in self.codes)


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c.upper() if c.upper().startswith("CC") else c for c in re.split(r"[\s,]+", raw.strip()) if c)


def _next_text_line(lines: Sequence[str], after: int) -> int:
    """The 1-based number of the first non-blank, non-comment line after line ``after``."""
    for i in range(after, len(lines)):
        stripped = lines[i].strip()
        if stripped and not _COMMENT.fullmatch(stripped):
            return i + 1
    return after + 1


def parse_suppressions(file_text: str) -> list[Suppression]:
    """Every claimcheck disable comment in ``file_text``, with the lines it covers."""
    lines = file_text.split("\n")
    found: list[Suppression] = []
    open_: list[Suppression] = []
    for m in _COMMENT.finditer(file_text):
        line = file_text.count("\n", 0, m.start()) + 1
        kind, codes = m["kind"], _codes(m["codes"])
        if kind == "disable-next-line":
            target = _next_text_line(lines, line)
            found.append(Suppression(kind, codes, line, target, target))
        elif kind == "disable":
            region = Suppression(kind, codes, line, line, len(lines))
            found.append(region)
            open_.append(region)
        else:
            open_ = _close(open_, codes, line)
    return found


def _close(open_: list[Suppression], codes: tuple[str, ...], line: int) -> list[Suppression]:
    """End the open regions ``codes`` re-enables at ``line``; the rest stay open."""
    still_open = []
    for region in open_:
        if not codes or (region.codes and set(region.codes) <= set(codes)):
            region.last = line
        else:
            still_open.append(region)
    return still_open


def apply_suppressions(findings: Iterable[Finding], suppressions: Sequence[Suppression]) -> list[Finding]:
    """The findings no suppression covers; the suppressions that matched are marked used."""
    kept = []
    for f in findings:
        matched = [s for s in suppressions if s.covers(f)]
        for s in matched:
            s.used = True
        if not matched:
            kept.append(f)
    return kept


def unused_warnings(suppressions: Iterable[Suppression], path: str) -> list[str]:
    """One ``W002`` warning per suppression that matched no finding."""
    return [Errors.W002.format(path=path, line=s.line, comment=s.comment) for s in suppressions if not s.used]
