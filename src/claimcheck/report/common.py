"""Small pieces the renderers share: positions, ordering, labels, counts, excerpts.

Pure functions over the report records; nothing here prints or styles. Every
helper that describes a claim reads its fields with fallbacks, so a claim kind
added later renders (by its span text) before any renderer knows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Optional

from ..models import (
    SEVERITY_RANK,
    Claim,
    DocumentReport,
    Finding,
    Quantity,
    Report,
    Span,
)

#: Severity words as SARIF and GitHub spell them.
SARIF_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}

#: Headings of the claim kinds the pipeline knows; :func:`kind_title` makes one for any other.
KIND_TITLES: dict[str, str] = {
    "casualty": "Casualties",
    "force_size": "Force sizes",
    "money": "Money",
    "quote": "Quotes",
    "event": "Events",
}


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
    pairs.sort(key=lambda p: (-severity_rank(p[1].severity), p[0].path, p[1].span.start, p[1].rule))
    return iter(pairs)


def severity_rank(severity: str) -> int:
    """How severe ``severity`` is (0 for a word claimcheck does not know)."""
    return SEVERITY_RANK.get(severity, 0)


def plural(n: int, word: str) -> str:
    """'1 error', '2 errors', '1 info', '3 infos', '1,204 claims'."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# -- claims -----------------------------------------------------------------------


def kind_title(kind: str) -> str:
    """The heading of a claim kind: 'Casualties'; 'Vote counts' for a kind named vote_count."""
    return KIND_TITLES.get(kind) or kind.replace("_", " ").capitalize() + "s"


def format_quantity(q: Quantity) -> str:
    """'approximately 30' as '≈30', 'several hundred' as '100–900', 'at least 42' as '≥42'."""

    def num(x: Optional[float]) -> str:
        if x is None:
            return "?"
        if abs(x) >= 1e9:
            return f"{x / 1e9:g} billion"
        if abs(x) >= 1e6:
            return f"{x / 1e6:g} million"
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    if q.low is not None and q.high is not None and q.low != q.high:
        value = f"{num(q.low)}–{num(q.high)}"
    elif q.low is not None and q.high is None:
        value = f"≥{num(q.low)}"
    elif q.high is not None and q.low is None:
        value = f"≤{num(q.high)}"
    else:
        value = ("≈" if q.approximate else "") + num(q.value if q.value is not None else q.low)
    unit = f" {q.unit}" if q.unit and q.unit not in {"count"} else ""
    return f"{value}{unit}"


def _field(c: Any, name: str) -> Any:
    return getattr(c, name, None)


def claim_value(c: Claim) -> str:
    """What a claim states, in a few words: '≈30 troops', '“…”', the event; else its words."""
    quote = _field(c, "quote")
    if isinstance(quote, str):
        return f"“{quote}”"
    quantity = _field(c, "quantity")
    if isinstance(quantity, Quantity):
        noun = f" {quantity.noun}" if quantity.noun else ""
        return format_quantity(quantity) + noun
    what = _field(c, "what")
    if isinstance(what, str) and what:
        return what
    return c.span.text


def claim_detail(c: Claim) -> str:
    """Who or what a claim is about: 'killed; Russian soldiers', 'Pat Ryder (Major General)'."""
    parts: list[str] = []
    for name in ("outcome", "action"):
        value = _field(c, name)
        if isinstance(value, str) and value:
            parts.append(value.replace("_", " "))
    group = _field(c, "group")
    if isinstance(group, str) and group:
        parts.append(group)
    speaker = _field(c, "speaker")
    if speaker is not None and getattr(speaker, "name", None):
        extra = ", ".join(x for x in (getattr(speaker, "role", None), getattr(speaker, "organization", None)) if x)
        parts.append(f"{speaker.name} ({extra})" if extra else speaker.name)
    what = _field(c, "what")
    if isinstance(what, str) and what and _field(c, "quantity") is not None:
        parts.append(what)  # money: what the sum is
    if not parts and c.actors:
        parts.append(", ".join(c.actors))
    phase = _field(c, "phase")
    if isinstance(phase, str) and phase:
        parts.append(f"{phase} of involvement")
    return "; ".join(parts)


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


def sentence_claim(d: DocumentReport, span: Span, prefer: list[str] = ()) -> Optional[Claim]:
    """The claim whose sentence holds ``span``: one of ``prefer`` (ids) first, then any."""
    by_id = {c.id: c for c in d.claims}
    candidates = [by_id[i] for i in prefer if i in by_id] + list(d.claims)
    for c in candidates:
        s = c.sentence_span
        if s is not None and s.start <= span.start < max(s.end, s.start + 1):
            return c
    for c in candidates:
        if (c.span.start, c.span.end) == (span.start, span.end):
            return c
    return None


@dataclass
class Target:
    """A place a finding points at: its own span (``primary``) or one of its excerpts."""

    span: Span
    primary: bool
    label: str
    claim: Optional[Claim]


def finding_targets(d: DocumentReport, f: Finding) -> list[Target]:
    """The finding's own span, then each other span its excerpts cite, once each.

    The own span takes the role of the excerpt that cites the same words, if
    one does; every target carries the claim whose sentence holds it."""
    by_id = {c.id: c for c in d.claims}
    own = (f.span.start, f.span.end)
    label = next((ex.role for ex in f.excerpts if (ex.span.start, ex.span.end) == own), "")
    out = [Target(f.span, True, label, sentence_claim(d, f.span, list(f.evidence)))]
    seen = {own}
    for ex in f.excerpts:
        key = (ex.span.start, ex.span.end)
        if key in seen:
            continue
        seen.add(key)
        claim = by_id.get(ex.claim)
        if claim is None or claim.sentence_span is None or not (
            claim.sentence_span.start <= ex.span.start < claim.sentence_span.end
        ):
            claim = sentence_claim(d, ex.span, [ex.claim]) or claim
        out.append(Target(ex.span, False, ex.role, claim))
    return out


@dataclass
class Context:
    """The words around one or more spans of a line, as an excerpt shows them."""

    line: int
    text: str  # the shown stretch of the line
    spans: list[tuple[int, int]]  # the spans, as offsets in ``text``
    cut_before: bool  # words of the sentence were left out before (show an ellipsis)
    cut_after: bool

    def pieces(self) -> list[tuple[str, Optional[int]]]:
        """``text`` cut at the spans: (words, index of the span or None) in order."""
        out: list[tuple[str, Optional[int]]] = []
        pos = 0
        for i, (s, e) in sorted(enumerate(self.spans), key=lambda x: x[1]):
            if s < pos:
                continue
            out += [(self.text[pos:s], None), (self.text[s:e], i)]
            pos = e
        return [p for p in out + [(self.text[pos:], None)] if p[0]]


def context(d: DocumentReport, spans: list[Span], claim: Optional[Claim], budget: int = 240) -> Context:
    """The sentence around ``spans`` (all on the line of the first), cut to ``budget`` characters.

    From the file text when the report has it, else from the claim's sentence."""
    first = spans[0]
    text = d.text
    if text is not None and 0 <= first.start <= len(text):
        line_start = text.rfind("\n", 0, first.start) + 1
        line_end = text.find("\n", first.start)
        line = text[line_start : len(text) if line_end < 0 else line_end].rstrip("\r")
        ranges = [(sp.start - line_start, min(sp.end, line_start + len(line)) - line_start) for sp in spans
                  if line_start <= sp.start <= line_start + len(line)]
        bounds = None
        s = claim.sentence_span if claim is not None else None
        if s is not None and s.start < line_start + len(line) and s.end > line_start:
            bounds = (max(s.start, line_start) - line_start, min(s.end, line_start + len(line)) - line_start)
        number = text.count("\n", 0, first.start) + 1
    elif claim is not None:
        line, ranges = claim.sentence, []
        for sp in spans:
            at = sp.start - claim.sentence_span.start if claim.sentence_span is not None else -1
            if not (0 <= at and line[at : at + len(sp.text)] == sp.text):
                at = line.find(sp.text) if sp.text else -1
            if at >= 0:
                ranges.append((at, at + len(sp.text)))
        bounds, number = None, first.line
    else:
        return Context(first.line, first.text, [(0, len(first.text))], False, False)
    ranges = [(s, max(s, e)) for s, e in ranges] or [(0, 0)]
    start, end = min(s for s, _ in ranges), max(e for _, e in ranges)
    lo, hi = bounds if bounds is not None else (0, len(line))
    lo, hi = min(lo, start), max(hi, end)
    a, b = clip(line[lo:hi], start - lo, end - lo, budget)
    a, b = a + lo, b + lo
    shown = [(max(s, a) - a, min(e, b) - a) for s, e in ranges if s < b and e > a or s == e == a]
    return Context(number, line[a:b], shown, bool(line[lo:a].strip()), bool(line[b:hi].strip()))


# -- counts -----------------------------------------------------------------------


@dataclass(frozen=True)
class RuleCount:
    """How often one rule fired in a report (``--statistics``)."""

    code: str
    name: str
    severity: str
    count: int


def rule_counts(report: Report) -> list[RuleCount]:
    """Findings per rule and severity, most frequent first, then by code."""
    counts: Counter[tuple[str, str, str]] = Counter(
        (f.rule, f.name, f.severity) for d in report.documents for f in d.findings
    )
    rows = [RuleCount(code, name, sev, n) for (code, name, sev), n in counts.items()]
    rows.sort(key=lambda r: (-r.count, r.code, -severity_rank(r.severity)))
    return rows


def summary_parts(report: Report) -> tuple[list[tuple[str, str]], str]:
    """The closing summary as ``([(text, severity)…], tail)``.

    ``([("1 error", "error"), ("2 warnings", "warning")], " in 1 file (15 claims)")``;
    no counts and ``"No contradictions found in 3 files (40 claims)"`` when clean.
    """
    s = report.summary
    checked = s.files - s.failed_files
    counts = [
        (plural(n, word), word)
        for n, word in ((s.errors, "error"), (s.warnings, "warning"), (s.infos, "info"))
        if n
    ]
    failed = f"{plural(s.failed_files, 'file')} not checked" if s.failed_files else ""
    if not checked:
        return [], failed.capitalize() if failed else "No files checked"
    where = f"in {plural(checked, 'file')} ({plural(s.claims, 'claim')})"
    tail = (" " + where) if counts else f"No contradictions found {where}"
    return counts, tail + (f"; {failed}" if failed else "")


def summary_text(report: Report) -> str:
    """'1 error, 2 warnings, 1 info in 1 file (15 claims)' — the summary as plain text."""
    counts, tail = summary_parts(report)
    return ", ".join(text for text, _ in counts) + tail


# -- excerpts ---------------------------------------------------------------------


def clip(
    line: str,
    start: int,
    end: int,
    budget: int,
    bounds: Optional[tuple[int, int]] = None,
    measure: Callable[[str], int] = len,
) -> tuple[int, int]:
    """A window ``[a, b)`` of ``line`` at most ``budget`` wide that shows ``[start, end)``.

    The whole line when it fits; else ``bounds`` (the sentence, in line
    columns) when that fits; else a stretch inside ``bounds`` centred on the
    span, cut at spaces. A span wider than the budget keeps its beginning.
    ``measure`` gives the display width of a string (terminal cells).
    """
    n = len(line)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    end = max(end, start)
    if measure(line) <= budget:
        return 0, n
    lo, hi = bounds if bounds is not None else (0, n)
    lo, hi = max(0, min(lo, start)), min(n, max(hi, end))
    if measure(line[lo:hi]) <= budget:
        return lo, hi
    if measure(line[start:end]) >= budget:  # the span alone fills the window: its beginning
        b = start
        while b < end and measure(line[start : b + 1]) <= budget:
            b += 1
        space = line.rfind(" ", start, b)
        if space > start + budget // 2:
            b = space
        return start, max(b, start + 1)
    a, b = start, end
    while True:  # add a character of context at a time, to the side that has less
        left = (start - a) <= (b - end)
        if left and a > lo and measure(line[a - 1 : b]) <= budget:
            a -= 1
        elif b < hi and measure(line[a : b + 1]) <= budget:
            b += 1
        elif a > lo and measure(line[a - 1 : b]) <= budget:
            a -= 1
        else:
            break
    # cut at word boundaries, never into the span
    if a > lo and not line[a - 1].isspace():
        space = line.find(" ", a, start)
        if space >= 0:
            a = space + 1
    if b < hi and not line[b].isspace():
        space = line.rfind(" ", end, b)
        if space >= 0:
            b = space
    while a < start and line[a].isspace():
        a += 1
    while b > end and line[b - 1].isspace():
        b -= 1
    return a, b
