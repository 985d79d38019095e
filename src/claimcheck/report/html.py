"""``--format html``: one self-contained page for an editor's review.

Per article: the text with every claim highlighted (hover or focus a claim
for its kind, value, date and sources), the findings beside it linking to the
claims they cite, and a timeline of the dated claims drawn as inline SVG
(flagged claims in the colour of their most severe finding). No external
assets: the CSS is inline and there is no script. Every piece of article text
goes through :func:`html.escape`.

The article is shown from ``DocumentReport.text`` when the caller filled it;
otherwise from the sentences of its claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Optional

from ..models import SEVERITY_RANK, Claim, DocumentReport, Finding, Report, Span
from .common import claim_date, claim_sources, claim_summary, claim_value

CSS = """
:root{--error:#c62828;--warning:#d97706;--info:#1d70b8;--muted:#666;--line:#ddd;
--casualty:#fde2e1;--force_size:#dbeafe;--money:#dcfce7;--quote:#ede9fe;--event:#fef3c7}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header,footer{padding:1rem 2rem}
header h1{margin:0 0 .25rem;font-size:1.4rem}
.summary .error{color:var(--error);font-weight:600}.summary .warning{color:var(--warning);font-weight:600}
section.document{background:#fff;margin:0 1rem 1.5rem;padding:1rem 1.5rem;border:1px solid var(--line);border-radius:8px}
section.document h2{margin:.2rem 0;font-size:1.15rem;word-break:break-all}
.meta{color:var(--muted);margin:0 0 .8rem}
.layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
.article{font-family:Georgia,"DejaVu Serif",serif;font-size:15.5px}
.article .full{white-space:pre-wrap;margin:0}
.article p.sentence{margin:.2rem 0 .6rem}
.article .ln{font:12px ui-monospace,monospace;color:var(--muted);margin-right:.5rem}
mark.claim{position:relative;border-radius:3px;padding:0 1px;cursor:help;color:inherit;border-bottom:2px solid #999}
mark.claim.k-casualty{background:var(--casualty)}mark.claim.k-force_size{background:var(--force_size)}
mark.claim.k-money{background:var(--money)}mark.claim.k-quote{background:var(--quote)}
mark.claim.k-event{background:var(--event)}
mark.claim.sev-error{border-bottom-color:var(--error);outline:2px solid var(--error)}
mark.claim.sev-warning{border-bottom-color:var(--warning);outline:2px dashed var(--warning)}
mark.claim.sev-info{border-bottom-color:var(--info)}
mark.claim:target{box-shadow:0 0 0 4px #ffd33d}
mark.claim .tip{display:none;position:absolute;left:0;top:1.7em;z-index:5;width:max-content;max-width:24rem;
white-space:normal;background:#24292f;color:#fff;padding:.45rem .6rem;border-radius:6px;
font:12.5px/1.45 system-ui,sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.25)}
mark.claim:hover .tip,mark.claim:focus .tip,mark.claim:target .tip{display:block}
.tip b{color:#ffd33d}.tip .row{display:block}
aside h3,.timeline h3{margin:.2rem 0 .5rem;font-size:1rem}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border-left:4px solid var(--muted);background:#fafbfc;padding:.5rem .7rem;margin-bottom:.7rem;border-radius:0 6px 6px 0}
li.finding.sev-error{border-color:var(--error)}li.finding.sev-warning{border-color:var(--warning)}
li.finding.sev-info{border-color:var(--info)}
.badge{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;color:#fff;border-radius:3px;padding:0 .35rem;background:var(--muted)}
.sev-error .badge{background:var(--error)}.sev-warning .badge{background:var(--warning)}.sev-info .badge{background:var(--info)}
li.finding p{margin:.3rem 0}
ul.excerpts{margin:.2rem 0;padding-left:1.1rem;font-size:.92rem}
.role{color:var(--muted)}
.suggestion{color:#1a7f37}
.none{color:#1a7f37}
.error-text{color:var(--error);font-weight:600}
figure.timeline{margin:1.2rem 0 0}
.legend{margin:0;color:var(--muted);font-size:.85rem}.key{color:#4a6fa5}
.key.sev-error{color:var(--error)}.key.sev-warning{color:var(--warning)}.key.sev-info{color:var(--info)}
figure.timeline svg{width:100%;height:auto;font:11px system-ui,"DejaVu Sans",sans-serif}
svg .grid{stroke:#e5e7eb}svg .tick{fill:var(--muted)}svg .pub{stroke:#6b7280;stroke-dasharray:4 3}
svg .row:hover rect.bg{fill:#f3f4f6}
svg .dot{fill:#4a6fa5}svg .bar{stroke:#4a6fa5;stroke-width:5;stroke-linecap:round;opacity:.55}
svg .sev-error .dot{fill:var(--error)}svg .sev-error .bar{stroke:var(--error)}svg .sev-error text{fill:var(--error)}
svg .sev-warning .dot{fill:var(--warning)}svg .sev-warning .bar{stroke:var(--warning)}svg .sev-warning text{fill:#b45309}
svg .sev-info .dot{fill:var(--info)}svg .sev-info .bar{stroke:var(--info)}
"""

#: The key under the timeline heading: marker colours by the most severe finding citing a claim.
LEGEND = (
    '<p class="legend"><span class="key sev-error">●</span> cited by an error '
    '<span class="key sev-warning">●</span> by a warning <span class="key sev-info">●</span> by an info '
    '<span class="key">●</span> not flagged · the dashed line is the publication date</p>'
)

#: Timeline geometry (SVG user units).
WIDTH, LEFT, RIGHT, TOP, ROW = 960, 150, 20, 28, 20


@dataclass
class Passage:
    """A stretch of article text to show: the whole file, or one claim's sentence."""

    text: str
    base: Optional[int]  # file offset of text[0], when known
    line: int
    exact: bool = False  # True when ``text`` is the file itself, so offsets index it directly


@dataclass
class Mark:
    """One highlighted stretch of a passage and the claims it carries."""

    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)


def claim_severities(d: DocumentReport) -> dict[str, str]:
    """Claim id -> the most severe severity among the findings citing it."""
    out: dict[str, str] = {}
    for f in d.findings:
        for cid in f.evidence:
            if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(out.get(cid, ""), 0):
                out[cid] = f.severity
    return out


def passages(d: DocumentReport) -> list[Passage]:
    """The file text, or else each claim sentence once, in document order."""
    if d.text is not None:
        return [Passage(d.text, 0, 1, exact=True)]
    seen: dict[object, Passage] = {}
    for c in sorted(d.claims, key=lambda c: c.span.start):
        key = c.sentence_span.start if c.sentence_span else c.sentence
        if key not in seen:
            span = c.sentence_span
            seen[key] = Passage(c.sentence, span.start if span else None, span.line if span else c.span.line)
    return list(seen.values())


def locate(p: Passage, span: Span) -> Optional[tuple[int, int]]:
    """Where ``span`` lies in the passage's text, or None."""
    if p.exact:
        return (span.start, span.end) if 0 <= span.start < span.end <= len(p.text) else None
    if p.base is not None:
        at = span.start - p.base
        if 0 <= at and p.text[at : at + len(span.text)] == span.text:
            return at, at + len(span.text)
    at = p.text.find(span.text) if span.text else -1
    return (at, at + len(span.text)) if at >= 0 else None


def marks_for(p: Passage, claims: list[Claim], placed: set[str]) -> list[Mark]:
    """Highlights of the not yet ``placed`` claims found in ``p``; overlapping claims share one."""
    found = []
    for c in claims:
        if c.id not in placed and (where := locate(p, c.span)) is not None:
            found.append((where[0], where[1], c))
    marks: list[Mark] = []
    for start, end, c in sorted(found, key=lambda x: (x[0], -x[1])):
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
            marks[-1].claims.append(c)
        else:
            marks.append(Mark(start, end, [c]))
        placed.add(c.id)
    return marks


def tooltip(c: Claim) -> str:
    """The hover text of one claim: id and kind, value, details, date, sources, modality."""
    rows = [f"<b>{escape(c.id)}</b> {escape(claim_summary(c))}"]
    if when := claim_date(c):
        rows.append(f"date: {escape(when)}")
    if who := claim_sources(c):
        rows.append(f"sources: {escape(who)}")
    if c.modality != "asserted":
        rows.append(f"modality: {escape(c.modality)}")
    return "".join(f'<span class="row">{r}</span>' for r in rows)


def render_mark(text: str, mark: Mark, prefix: str, severities: dict[str, str]) -> str:
    sev = max((severities.get(c.id, "") for c in mark.claims), key=lambda s: SEVERITY_RANK.get(s, 0))
    classes = ["claim", f"k-{mark.claims[0].kind}"] + ([f"sev-{sev}"] if sev else [])
    tips = "".join(tooltip(c) for c in mark.claims)
    return (
        f'<mark class="{" ".join(classes)}" id="{prefix}-{escape(mark.claims[0].id)}" tabindex="0">'
        f'{escape(text[mark.start:mark.end])}<span class="tip" role="tooltip">{tips}</span></mark>'
    )


def render_passage(p: Passage, marks: list[Mark], prefix: str, severities: dict[str, str]) -> str:
    out, pos = [], 0
    for m in marks:
        out.append(escape(p.text[pos : m.start]))
        out.append(render_mark(p.text, m, prefix, severities))
        pos = m.end
    out.append(escape(p.text[pos:]))
    body = "".join(out)
    if p.exact:
        return f'<div class="full">{body}</div>'
    return f'<p class="sentence"><span class="ln">line {p.line}</span>{body}</p>'


def article_html(d: DocumentReport, prefix: str, anchors: dict[str, str]) -> str:
    """The article with its claims highlighted; fills ``anchors`` (claim id -> element id)."""
    severities = claim_severities(d)
    placed: set[str] = set()
    parts = []
    for p in passages(d):
        marks = marks_for(p, list(d.claims), placed)
        for m in marks:
            anchors.update({c.id: f"{prefix}-{m.claims[0].id}" for c in m.claims})
        parts.append(render_passage(p, marks, prefix, severities))
    if not parts:
        parts.append('<p class="none">No claims were found in this article.</p>')
    return "".join(parts)


def link(anchors: dict[str, str], claim_id: str, label: str) -> str:
    target = anchors.get(claim_id)
    return f'<a href="#{escape(target)}">{label}</a>' if target else label


def finding_html(f: Finding, anchors: dict[str, str], prefix: str, index: int) -> str:
    """One finding: severity badge, rule, location link, message, evidence, suggestion."""
    where = f"line {f.span.line}:{f.span.column}"
    where = link(anchors, f.evidence[0], where) if f.evidence else where
    excerpts = "".join(
        f'<li><span class="role">{escape(ex.role)}</span> '
        f'{link(anchors, ex.claim, "“" + escape(ex.span.text) + "”")} (line {ex.span.line})</li>'
        for ex in f.excerpts
    )
    return (
        f'<li class="finding sev-{escape(f.severity)}" id="{prefix}-f{index}">'
        f'<span class="badge">{escape(f.severity)}</span> <code>{escape(f.rule)}</code> '
        f"{escape(f.name)} · {where}"
        f"<p>{escape(f.message)}</p>"
        + (f'<ul class="excerpts">{excerpts}</ul>' if excerpts else "")
        + (f'<p class="suggestion">Suggestion: {escape(f.suggestion)}</p>' if f.suggestion else "")
        + "</li>"
    )


def findings_html(d: DocumentReport, anchors: dict[str, str], prefix: str) -> str:
    if not d.findings:
        return '<h3>Findings</h3><p class="none">No contradictions found.</p>'
    items = "".join(finding_html(f, anchors, prefix, i) for i, f in enumerate(d.findings, start=1))
    return f'<h3>Findings ({len(d.findings)})</h3><ol class="findings">{items}</ol>'


def iso(value: Optional[str]) -> Optional[date]:
    """A date from an ISO string, or None when absent or not a calendar date."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def ticks(t0: date, t1: date) -> list[tuple[date, str]]:
    """At most about a dozen axis ticks between ``t0`` and ``t1``, labelled to their step."""
    days = max((t1 - t0).days, 1)
    if days <= 120:
        step = next(s for s in (1, 2, 7, 14, 28) if days / s <= 12)
        return [(t0 + timedelta(days=i), (t0 + timedelta(days=i)).isoformat()) for i in range(0, days + 1, step)]
    span_months = days / 30.44
    # the smallest round step giving at most a dozen ticks; centuries-long spans step by what it takes
    months = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120, 600, 1200) if span_months / s <= 12),
                  12 * 100 * (int(span_months / 12 / 100 / 12) + 1))
    first = t0.year * 12 + t0.month  # months since year 0 of the month after t0
    index = first + (-first) % months
    out = []
    while index // 12 <= t1.year:
        t = date(index // 12, index % 12 + 1, 1)
        if t > t1:
            break
        out.append((t, str(t.year) if months >= 12 else f"{t.year}-{t.month:02d}"))
        index += months
    return out


def timeline_svg(d: DocumentReport, anchors: dict[str, str]) -> str:
    """The dated claims on a time axis, one row each; flagged ones coloured by severity."""
    rows = []
    for c in d.claims:
        if c.date is not None and (start := iso(c.date.start)) is not None:
            rows.append((start, max(iso(c.date.end) or start, start), c))
    if not rows:
        return '<p class="none">No dated claims.</p>'
    rows.sort(key=lambda r: (r[0], r[2].span.start))
    published = iso(d.published)
    t0 = min([r[0] for r in rows] + ([published] if published else []))
    t1 = max([r[1] for r in rows] + ([published] if published else []))
    pad = max((t1 - t0).days // 30, 3)
    t0, t1 = t0 - timedelta(days=pad), t1 + timedelta(days=pad)
    scale = (WIDTH - LEFT - RIGHT) / max((t1 - t0).days, 1)

    def x(t: date) -> float:
        return round(LEFT + (t - t0).days * scale, 1)

    height = TOP + ROW * len(rows) + 8
    out = [f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Timeline of dated claims">']
    for t, label in ticks(t0, t1):
        out.append(f'<line class="grid" x1="{x(t)}" y1="{TOP - 6}" x2="{x(t)}" y2="{height}"/>')
        out.append(f'<text class="tick" x="{x(t)}" y="{TOP - 10}" text-anchor="middle">{escape(label)}</text>')
    if published:
        out.append(f'<line class="pub" x1="{x(published)}" y1="{TOP - 6}" x2="{x(published)}" y2="{height}"/>')
        px = x(published)
        tx, anchor = (px - 3, "end") if px > WIDTH - 80 else (px + 3, "start")
        out.append(f'<text class="tick" x="{tx}" y="{height - 2}" text-anchor="{anchor}">published</text>')
    severities = claim_severities(d)
    for i, (start, end, c) in enumerate(rows):
        out.append(timeline_row(c, start, end, TOP + i * ROW, x, severities.get(c.id), anchors))
    out.append("</svg>")
    return "".join(out)


def date_label(c: Claim) -> str:
    """The event date as the timeline's left column shows it: '2024-06 (late)'."""
    assert c.date is not None
    return c.date.value + (f" ({c.date.modifier})" if c.date.modifier else "")


def timeline_row(
    c: Claim,
    start: date,
    end: date,
    y: int,
    x: Callable[[date], float],
    severity: Optional[str],
    anchors: dict[str, str],
) -> str:
    """One claim on the timeline: date label, marker (a bar for an interval), short label."""
    assert c.date is not None
    mid = y + ROW / 2
    x0, x1 = x(start), x(end)
    label = f"{c.id} {claim_value(c)}"
    label = label if len(label) <= 48 else label[:47] + "…"
    right = x1 < (WIDTH + LEFT) / 2
    tx, anchor = (x1 + 8, "start") if right else (x0 - 8, "end")
    title = f"{c.id} · {claim_summary(c)} · {claim_date(c)}"
    parts = [
        f'<g class="row{" sev-" + severity if severity else ""}">',
        f'<title>{escape(title)}</title>',
        f'<rect class="bg" x="0" y="{y}" width="{WIDTH}" height="{ROW}" fill="transparent"/>',
        f'<text x="8" y="{mid + 4}">{escape(date_label(c))}</text>',
    ]
    if x1 - x0 >= 2:
        parts.append(f'<line class="bar" x1="{x0}" y1="{mid}" x2="{x1}" y2="{mid}"/>')
    parts.append(f'<circle class="dot" cx="{x0}" cy="{mid}" r="5"/>')
    parts.append(f'<text x="{tx}" y="{mid + 4}" text-anchor="{anchor}">{escape(label)}</text></g>')
    body = "".join(parts)
    target = anchors.get(c.id)
    return f'<a href="#{escape(target)}">{body}</a>' if target else body


def document_html(d: DocumentReport, index: int) -> str:
    """One article's section: heading, text beside findings, timeline."""
    prefix = f"d{index}"
    title = escape(d.path) + (f" — {escape(d.title)}" if d.title else "")
    if d.published:
        meta = f"published {escape(d.published)} ({escape(d.published_source or 'unknown source')})"
    else:
        meta = "publication date unknown (pass --published)"
    head = f'<section class="document" id="{prefix}"><h2>{title}</h2><p class="meta">{meta} · {len(d.claims)} claims</p>'
    if d.error:
        return head + f'<p class="error-text">Not checked: {escape(d.error)}</p></section>'
    anchors: dict[str, str] = {}
    article = article_html(d, prefix, anchors)
    return (
        head
        + f'<div class="layout"><div class="article">{article}</div>'
        + f"<aside>{findings_html(d, anchors, prefix)}</aside></div>"
        + f'<figure class="timeline"><h3>Timeline of dated claims</h3>{LEGEND}{timeline_svg(d, anchors)}</figure>'
        + "</section>"
    )


def summary_html(report: Report) -> str:
    s = report.summary
    return (
        f'<p class="summary">{s.files} file{"s" if s.files != 1 else ""}, {s.claims} claims: '
        f'<span class="{"error" if s.errors else ""}">{s.errors} errors</span>, '
        f'<span class="{"warning" if s.warnings else ""}">{s.warnings} warnings</span>, {s.infos} infos'
        + (f", {s.failed_files} not checked" if s.failed_files else "")
        + "</p>"
    )


def render(report: Report, *, color: bool = False) -> str:
    """The report as one self-contained HTML page."""
    docs = "\n".join(document_html(d, i) for i, d in enumerate(report.documents))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>claimcheck report</title><style>{CSS}</style></head>\n<body>"
        f"<header><h1>claimcheck report</h1>{summary_html(report)}</header>\n"
        f"{docs}\n<footer>claimcheck {escape(report.claimcheck)}</footer></body></html>\n"
    )
