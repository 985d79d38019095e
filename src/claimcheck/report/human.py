"""``--format human``: the rich terminal report.

Per article: findings first (most severe first, with location, the sentence
with the clashing words highlighted, the evidence and the suggestion), then the
claims grouped by kind, then a timeline of the dated claims.
"""

from __future__ import annotations

import os
import shutil
from io import StringIO
from typing import Optional

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule as HRule
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from ..models import Claim, DocumentReport, Finding, Quantity, Report, Span

THEME = Theme(
    {
        "severity.error": "bold red",
        "severity.warning": "bold yellow",
        "severity.info": "bold cyan",
        "claim.highlight": "bold underline magenta",
        "finding.highlight": "bold reverse red",
        "location": "bold",
        "muted": "dim",
        "kind": "bold blue",
        "suggestion": "green",
    }
)

KIND_TITLES = {
    "casualty": "Casualties",
    "force_size": "Force sizes",
    "money": "Money",
    "quote": "Quotes",
    "event": "Events",
}


def format_quantity(q: Quantity) -> str:
    """'approximately 30 (≈30)', 'several hundred (100–900)'."""

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
        value = ("≈" if q.approximate else "") + num(q.value)
    unit = f" {q.unit}" if q.unit and q.unit not in {"count"} else ""
    return f"{value}{unit}"


def claim_value(c: Claim) -> Text:
    if c.kind == "quote":
        return Text(f"“{c.quote}”" + (" (partial)" if c.quote_type == "partial" else ""))
    if c.kind == "event":
        return Text(c.what)
    text = Text(format_quantity(c.quantity))
    text.append(f"  {c.quantity.text}", style="muted")
    return text


def claim_detail(c: Claim) -> str:
    parts = []
    if c.kind == "casualty":
        parts.append(c.outcome.replace("_", " "))
        if c.group:
            parts.append(c.group)
    elif c.kind == "force_size":
        parts.append(c.action)
        if c.group:
            parts.append(c.group)
    elif c.kind == "money" and c.what:
        parts.append(c.what)
    elif c.kind == "event":
        if c.actors:
            parts.append(", ".join(c.actors))
        if c.phase:
            parts.append(f"{c.phase} of involvement")
    elif c.kind == "quote" and c.speaker:
        who = c.speaker.name
        extra = ", ".join(x for x in (c.speaker.role, c.speaker.organization) if x)
        parts.append(f"{who} ({extra})" if extra else who)
    return "; ".join(parts)


def date_text(c: Claim) -> Text:
    text = Text()
    if c.date:
        text.append(c.date.value + (f" {c.date.modifier}" if c.date.modifier else ""))
        if c.date.relative and c.date.anchor:
            text.append(f" (from “{c.date.text}” ← {c.date.anchor_text or c.date.anchor})", style="muted")
    if c.reported:
        if text:
            text.append("\n")
        text.append("reported " + c.reported.value + (f" {c.reported.modifier}" if c.reported.modifier else ""))
    return text


def sources_text(c: Claim) -> Text:
    text = Text()
    for i, s in enumerate(c.sources):
        if i:
            text.append(", ")
        text.append(s.name, style="italic" if s.vague else "")
        if s.cue:
            text.append(f" ({s.cue})", style="muted")
    return text


def highlighted_sentence(sentence: str, sentence_span: Optional[Span], spans: list[Span], style: str) -> Text:
    text = Text(sentence)
    for span in spans:
        start = -1
        if sentence_span is not None and sentence_span.start <= span.start < sentence_span.end:
            start = span.start - sentence_span.start
            if sentence[start : start + len(span.text)] != span.text:
                start = -1
        if start < 0:
            start = sentence.find(span.text)
        if start >= 0:
            text.stylize(style, start, start + len(span.text))
    return text


def render_finding(d: DocumentReport, f: Finding, claims: dict[str, Claim]) -> RenderableType:
    head = Text()
    head.append(f"{d.path}:{f.span.line}:{f.span.column}", style="location")
    head.append(": ")
    head.append(f"{f.severity}", style=f"severity.{f.severity}")
    head.append(f" {f.rule} ", style="bold")
    head.append(f"[{f.name}] ", style="muted")
    head.append(f.message)
    parts: list[RenderableType] = [head]
    first = claims.get(f.evidence[0]) if f.evidence else None
    if first is not None:
        parts.append(Padding(highlighted_sentence(first.sentence, first.sentence_span, [f.span], "finding.highlight"), (0, 0, 0, 4)))
    for ex in f.excerpts[1:] if first is not None else f.excerpts:
        c = claims.get(ex.claim)
        if c is None:
            continue
        line = Text(f"{ex.role} ", style="muted")
        line.append(f"(line {ex.span.line}): ", style="muted")
        line.append_text(highlighted_sentence(c.sentence, c.sentence_span, [ex.span], "claim.highlight"))
        parts.append(Padding(line, (0, 0, 0, 4)))
    if f.suggestion:
        parts.append(Padding(Text(f"help: {f.suggestion}", style="suggestion"), (0, 0, 0, 4)))
    return Group(*parts)


def claims_table(kind: str, claims: list[Claim]) -> Table:
    table = Table(title=f"{KIND_TITLES[kind]} ({len(claims)})", title_justify="left", title_style="kind",
                  show_lines=True, expand=True)
    table.add_column("#", style="muted", no_wrap=True)
    table.add_column("line", style="muted", no_wrap=True)
    table.add_column("claim", ratio=3)
    table.add_column("what / who", ratio=2)
    table.add_column("date", ratio=2)
    table.add_column("sources", ratio=2)
    for c in claims:
        cell = Group(claim_value(c), highlighted_sentence(c.sentence, c.sentence_span, [c.span], "claim.highlight"))
        detail = claim_detail(c)
        if c.modality != "asserted":
            detail = f"{detail}\n[{c.modality}]" if detail else f"[{c.modality}]"
        table.add_row(c.id, str(c.span.line), cell, Text(detail), date_text(c), sources_text(c))
    return table


def timeline(d: DocumentReport) -> Optional[Table]:
    flagged: dict[str, str] = {}
    for f in d.findings:  # most severe first, so the first severity seen wins
        for cid in f.evidence[:1]:
            flagged.setdefault(cid, f.severity)
    related = {cid for f in d.findings for cid in f.evidence[1:]}
    dated = [c for c in d.claims if c.date is not None and c.date.start]
    if not dated:
        return None
    dated.sort(key=lambda c: (c.date.start, c.span.start))  # type: ignore[union-attr]
    table = Table(title="Timeline", title_justify="left", title_style="kind", box=None, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("#", style="muted")
    table.add_column("claim")
    for c in dated:
        assert c.date is not None
        mark, style = ("✗", f"severity.{flagged[c.id]}") if c.id in flagged else (("•", "severity.warning") if c.id in related else ("│", "muted"))
        label = c.date.value + (f" ({c.date.modifier})" if c.date.modifier else "")
        summary = claim_detail(c) or ""
        what = c.what if c.kind == "event" else format_quantity(c.quantity) if c.kind != "quote" else f"“{c.quote[:40]}”"
        table.add_row(Text(mark, style=style), label, c.id, Text(f"{what}  {summary}".strip()))
    return table


def document_renderables(d: DocumentReport) -> list[RenderableType]:
    out: list[RenderableType] = []
    title = Text(d.path, style="bold")
    if d.published:
        how = d.published_source or "?"
        title.append(f"  published {d.published} ({how}", style="muted")
        title.append(f": {d.published_from})" if d.published_from else ")", style="muted")
    else:
        title.append("  publication date unknown (pass --published)", style="muted")
    out.append(HRule(title, align="left"))
    if d.error:
        out.append(Text(f"error: {d.error}", style="severity.error"))
        return out
    claims = {c.id: c for c in d.claims}
    if d.findings:
        out.append(Text(f"Findings ({len(d.findings)})", style="kind"))
        for f in d.findings:
            out.append(render_finding(d, f, claims))
            out.append(Text(""))
    else:
        out.append(Text("No contradictions found.", style="suggestion"))
    for kind in KIND_TITLES:
        group = [c for c in d.claims if c.kind == kind]
        if group:
            out.append(claims_table(kind, group))
    tl = timeline(d)
    if tl is not None:
        out.append(tl)
    return out


def summary_line(report: Report) -> Text:
    s = report.summary
    text = Text(f"{s.files} file{'s' if s.files != 1 else ''}, {s.claims} claims: ")
    text.append(f"{s.errors} errors", style="severity.error" if s.errors else "")
    text.append(", ")
    text.append(f"{s.warnings} warnings", style="severity.warning" if s.warnings else "")
    text.append(f", {s.infos} infos")
    if s.failed_files:
        text.append(f", {s.failed_files} not checked", style="severity.error")
    return text


def render(report: Report, *, color: bool = False, width: Optional[int] = None) -> str:
    if width is None:
        width = int(os.environ.get("COLUMNS", 0)) or (shutil.get_terminal_size((120, 40)).columns if color else 120)
    buf = StringIO()
    console = Console(file=buf, theme=THEME, width=width, force_terminal=color, no_color=not color,
                      highlight=False, emoji=False)
    for d in report.documents:
        for r in document_renderables(d):
            console.print(r)
    console.print(summary_line(report))
    return buf.getvalue()
