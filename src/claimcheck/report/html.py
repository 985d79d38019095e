"""``--format html``: one self-contained page for an editor's review.

Per article: a headline and a date line from the file's metadata (the front
matter itself is not shown), the findings, the article text with every claim
and every flagged span highlighted, and a timeline of the dated claims drawn
as inline SVG. On a wide screen the findings sit beside the article and stay
in view while it scrolls; on a narrow one (a phone) they come first. Each
finding shows every place it points at (its own words and the other side of
the contradiction) in context, linked to the highlight in the article; each
highlight carries numbered links back to its findings. Hover or focus a
highlight for the claim's kind, value, date and sources.

No external assets: the CSS is inline and there is no script. Every piece of
article text goes through :func:`html.escape`. Nothing here knows a rule code,
a severity or a claim kind beyond colours for the ones that exist today:
anything new renders with neutral styling.

The article is shown from ``DocumentReport.text`` when the caller filled it
(the metadata header skipped with the readers' own front-matter splitting);
for an HTML source, or without the text, from the sentences of its claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from typing import Optional

from ..models import Claim, DocumentReport, Finding, Report, Span
from .common import (
    Target,
    claim_date,
    claim_sources,
    claim_summary,
    claim_value,
    context,
    finding_targets,
    plural,
    relative_path,
    severity_rank,
    summary_parts,
)

CSS = """
:root{--error:#c62828;--warning:#b45309;--info:#1d70b8;--other:#57606a;--muted:#59636e;--line:#d8dee4;
--ink:#1f2328;--paper:#fff;--page:#f3f4f6;
--casualty:#fde2e1;--force_size:#dbeafe;--money:#dcfce7;--quote:#ede9fe;--event:#fef3c7;--claim:#eef1f4}
*{box-sizing:border-box}
html{scroll-padding-top:1rem}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:var(--ink);background:var(--page)}
a{color:#0b57d0}
.page-head,.page-foot{max-width:1240px;margin:0 auto;padding:1.1rem 1.25rem .6rem}
.page-head h1{margin:0;font-size:1rem;font-weight:600;letter-spacing:.02em;color:var(--muted);text-transform:uppercase}
.summary{margin:.25rem 0 0;font-size:1.15rem;font-weight:600}
.summary .sev-error{color:var(--error)}.summary .sev-warning{color:var(--warning)}.summary .sev-info{color:var(--info)}
.summary .clean{color:#1a7f37}
nav.files ul{margin:.5rem 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9rem}
.page-foot{color:var(--muted);font-size:.8rem;padding-bottom:2rem}
section.document{max-width:1240px;margin:0 auto 1.5rem;background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:1.4rem 1.6rem 1.2rem}
.doc-head{border-bottom:1px solid var(--line);padding-bottom:.9rem;margin-bottom:1.1rem}
.doc-head .path{margin:0 0 .35rem;font:12.5px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;color:var(--muted);word-break:break-all}
.doc-head h2{margin:0;font:700 1.75rem/1.25 Georgia,"DejaVu Serif",serif;overflow-wrap:anywhere}
.doc-head h2.untitled{font:600 1.2rem/1.35 ui-monospace,"DejaVu Sans Mono",monospace;word-break:break-all}
.dateline{margin:.45rem 0 0;color:var(--muted);font-size:.92rem}
.dateline time{color:var(--ink);font-weight:600}
.jump{display:none;margin:.6rem 0 0;font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(300px,410px);grid-template-areas:"article findings";gap:2rem;align-items:start}
.findings-pane{grid-area:findings;position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto;padding-right:.2rem}
.article{grid-area:article;min-width:0}
@media (max-width:900px){
 .summary{font-size:1rem}
 section.document{padding:1rem 1rem .9rem;border-radius:0;border-left:0;border-right:0}
 .doc-head h2{font-size:1.4rem}
 .layout{grid-template-columns:minmax(0,1fr);grid-template-areas:"findings" "article";gap:1.2rem}
 .findings-pane{position:static;max-height:none;overflow:visible}
 .jump{display:block}
}
h3{margin:0 0 .6rem;font-size:.8rem;font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
.article .text{font:16.5px/1.7 Georgia,"DejaVu Serif",serif;max-width:44rem}
.article .ln{display:grid;grid-template-columns:2.4rem minmax(0,1fr);margin:0}
.article .ln.pe{margin-bottom:.85rem}
.article .no{font:11px/2.4 ui-monospace,"DejaVu Sans Mono",monospace;color:#8c959f;text-align:right;padding-right:.7rem;user-select:none}
.article .tx{white-space:pre-wrap;overflow-wrap:anywhere}
.article p.sentence{margin:.2rem 0 .7rem;font:16px/1.65 Georgia,"DejaVu Serif",serif}
.article .sentence .no{display:inline-block;width:3.6rem;text-align:left;line-height:1}
.article .note{color:var(--muted);font-size:.9rem;margin:0 0 .8rem}
mark{position:relative;border-radius:3px;padding:0 1px;color:inherit;background:var(--claim);border-bottom:2px solid #afb8c1}
mark.claim{cursor:help}
mark.k-casualty{background:var(--casualty)}mark.k-force_size{background:var(--force_size)}
mark.k-money{background:var(--money)}mark.k-quote{background:var(--quote)}mark.k-event{background:var(--event)}
mark.hit{background:transparent;border-bottom:0;text-decoration:underline wavy var(--other);text-underline-offset:3px}
mark.flag{box-shadow:0 0 0 2px var(--other)}
mark.flag.sev-error{box-shadow:0 0 0 2px var(--error)}mark.flag.sev-warning{box-shadow:0 0 0 2px var(--warning)}
mark.flag.sev-info{box-shadow:0 0 0 2px var(--info)}
mark.hit.sev-error{text-decoration-color:var(--error)}mark.hit.sev-warning{text-decoration-color:var(--warning)}
mark.hit.sev-info{text-decoration-color:var(--info)}
mark:target{outline:3px solid #ffd33d;outline-offset:1px}
mark .tip{display:none;position:absolute;left:0;top:1.8em;z-index:5;width:max-content;max-width:min(24rem,80vw);
white-space:normal;background:#24292f;color:#fff;padding:.45rem .6rem;border-radius:6px;
font:12.5px/1.45 system-ui,sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.25)}
mark:hover .tip,mark:focus .tip,mark:target .tip{display:block}
.tip b{color:#ffd33d}.tip .row{display:block}
a.ref{display:inline-block;min-width:1.3em;margin:0 0 0 .2em;padding:0 .3em;border-radius:8px;vertical-align:.5em;
font:700 10px/1.5 system-ui,sans-serif;text-align:center;text-decoration:none;color:#fff;background:var(--other)}
a.ref.sev-error{background:var(--error)}a.ref.sev-warning{background:var(--warning)}a.ref.sev-info{background:var(--info)}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border:1px solid var(--line);border-left:4px solid var(--other);border-radius:6px;background:#fbfcfd;padding:.65rem .8rem .7rem;margin-bottom:.8rem}
li.finding.sev-error{border-left-color:var(--error)}li.finding.sev-warning{border-left-color:var(--warning)}
li.finding.sev-info{border-left-color:var(--info)}
li.finding:target{box-shadow:0 0 0 3px #ffd33d}
.fhead{display:flex;flex-wrap:wrap;align-items:baseline;gap:.15rem .45rem;font-size:.85rem}
.num{font-weight:700;color:var(--muted)}
.badge{display:inline-block;font-size:10.5px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#fff;border-radius:3px;padding:.05rem .4rem;background:var(--other)}
.sev-error .badge{background:var(--error)}.sev-warning .badge{background:var(--warning)}.sev-info .badge{background:var(--info)}
.rule{font:600 12px ui-monospace,"DejaVu Sans Mono",monospace}.rname{color:var(--muted)}
.fhead .loc{margin-left:auto;font-size:.8rem}
li.finding .message{margin:.35rem 0 .45rem;font-weight:500}
ul.evidence{list-style:none;margin:0;padding:0}
ul.evidence li{margin:.35rem 0 0}
.side{display:flex;gap:.4rem;align-items:baseline;font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.side .role{font-weight:700}.side a{text-transform:none;letter-spacing:0;font-size:.8rem}
ul.evidence blockquote{margin:.1rem 0 0;padding:.25rem .55rem;border-left:3px solid var(--line);background:#fff;
font:14px/1.5 Georgia,"DejaVu Serif",serif;color:#333}
ul.evidence li.own blockquote{border-left-color:#8c959f}
ul.evidence blockquote mark{background:#fff1b8;border-bottom:2px solid #d4a72c}
ul.evidence blockquote mark.own{background:#ffe08a;border-bottom-color:#9a6700;font-weight:600}
.suggestion{margin:.5rem 0 0;color:#1a7f37;font-size:.9rem}.suggestion b{font-weight:700}
.none{color:#1a7f37;margin:0}
.error-text{color:var(--error);font-weight:600}
figure.timeline{margin:1.6rem 0 0;border-top:1px solid var(--line);padding-top:1rem}
.legend{margin:0 0 .3rem;color:var(--muted);font-size:.82rem}.key{color:#4a6fa5}
.key.sev-error{color:var(--error)}.key.sev-warning{color:var(--warning)}.key.sev-info{color:var(--info)}
.scroll{overflow-x:auto}
figure.timeline svg{width:100%;min-width:880px;height:auto;font:11px system-ui,"DejaVu Sans",sans-serif}
svg .grid{stroke:#e5e7eb}svg .tick{fill:var(--muted)}svg .pub{stroke:#6b7280;stroke-dasharray:4 3}
svg .row:hover rect.bg{fill:#f3f4f6}
svg .dot{fill:#4a6fa5}svg .bar{stroke:#4a6fa5;stroke-width:5;stroke-linecap:round;opacity:.55}
svg .sev-error .dot{fill:var(--error)}svg .sev-error .bar{stroke:var(--error)}svg .sev-error text{fill:var(--error)}
svg .sev-warning .dot{fill:var(--warning)}svg .sev-warning .bar{stroke:var(--warning)}svg .sev-warning text{fill:var(--warning)}
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

#: How each way of finding the publication date reads on the date line.
PUBLISHED_FROM = {
    "cli": "given with --published",
    "front-matter": "from the front matter",
    "html": "from the page's metadata",
    "dateline": "from the dateline",
    "inferred": "inferred",
}


def sev_class(severity: Optional[str]) -> str:
    """``sev-error``…: a CSS class safe for any severity word."""
    return f"sev-{escape(severity or 'none', quote=True).replace(' ', '-')}"


# -- where the article starts -----------------------------------------------------------


def body_start(d: DocumentReport) -> int:
    """Offset in ``d.text`` where the article starts: after YAML front matter or a ``date:`` header.

    Uses the readers' own splitting (:mod:`claimcheck.inputs`), so the page
    skips exactly what the checker read as metadata."""
    from ..errors import ClaimcheckError
    from ..inputs import (
        HTML_SUFFIXES,
        MARKDOWN_SUFFIXES,
        split_front_matter,
        split_header,
        suffix_of,
    )

    text = d.text or ""
    suffix = suffix_of(d.path)
    try:
        if suffix in MARKDOWN_SUFFIXES:
            start = split_front_matter(text, d.path)[1]
        elif suffix in HTML_SUFFIXES:
            return 0
        else:
            start = split_header(text)[1]
    except (ClaimcheckError, ImportError):
        return 0
    while start < len(text) and text[start] in "\r\n":  # the blank lines after the header
        start += 1
    return start


def shows_file_text(d: DocumentReport) -> bool:
    """Whether the article pane shows the file (not for HTML, whose file is markup)."""
    from ..inputs import HTML_SUFFIXES, suffix_of

    return d.text is not None and suffix_of(d.path) not in HTML_SUFFIXES


# -- highlights -------------------------------------------------------------------------


@dataclass
class Mark:
    """One highlighted stretch of the shown text: the claims and flagged spans it carries."""

    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)
    hits: list[int] = field(default_factory=list)  # findings (1-based) whose own span this is, outside claims
    refs: list[int] = field(default_factory=list)  # findings (1-based) that point into this stretch
    id: str = ""


@dataclass
class Passage:
    """A stretch of article text to show: the file from ``base`` on, or one claim's sentence."""

    text: str
    base: Optional[int]  # file offset of text[0], when known
    line: int
    exact: bool = False  # True when ``text`` is the file itself, so offsets index it directly


def claim_severities(d: DocumentReport) -> dict[str, str]:
    """Claim id -> the most severe severity among the findings citing it."""
    out: dict[str, str] = {}
    for f in d.findings:
        for cid in f.evidence:
            if cid not in out or severity_rank(f.severity) > severity_rank(out[cid]):
                out[cid] = f.severity
    return out


def passages(d: DocumentReport) -> list[Passage]:
    """The file text from where the article starts, or else each claim sentence once, in document order."""
    if shows_file_text(d):
        assert d.text is not None
        return [Passage(d.text, 0, 1, exact=True)]
    seen: dict[object, Passage] = {}
    for c in sorted(d.claims, key=lambda c: c.span.start):
        key = c.sentence_span.start if c.sentence_span else c.sentence
        if key not in seen:
            span = c.sentence_span
            seen[key] = Passage(c.sentence, span.start if span else None, span.line if span else c.span.line)
    return list(seen.values())


def locate(p: Passage, span: Span, lower: int = 0) -> Optional[tuple[int, int]]:
    """Where ``span`` lies in the passage's text (not before ``lower``), or None."""
    if p.exact:
        return (span.start, span.end) if lower <= span.start < span.end <= len(p.text) else None
    if p.base is not None:
        at = span.start - p.base
        if 0 <= at and p.text[at : at + len(span.text)] == span.text:
            return at, at + len(span.text)
    at = p.text.find(span.text) if span.text else -1
    return (at, at + len(span.text)) if at >= 0 else None


def marks_for(p: Passage, d: DocumentReport, placed: set[str], lower: int = 0) -> list[Mark]:
    """Highlights in ``p``: claims not yet ``placed`` and findings' own spans; overlapping ones share one."""
    found: list[tuple[int, int, object]] = []
    claim_ranges = set()
    for c in d.claims:
        if c.id not in placed and (where := locate(p, c.span, lower)) is not None:
            found.append((where[0], where[1], c))
            claim_ranges.add(where)
    if p.exact:
        for i, f in enumerate(d.findings, start=1):
            if (where := locate(p, f.span, lower)) is not None and where not in claim_ranges:
                found.append((where[0], where[1], i))
    marks: list[Mark] = []
    for start, end, item in sorted(found, key=lambda x: (x[0], -x[1])):
        if not (marks and start < marks[-1].end):
            marks.append(Mark(start, end))
        mark = marks[-1]
        mark.end = max(mark.end, end)
        if isinstance(item, int):
            mark.hits.append(item)
        else:
            mark.claims.append(item)  # type: ignore[arg-type]
            placed.add(item.id)  # type: ignore[attr-defined]
    return marks


def attach_refs(p: Passage, marks: list[Mark], d: DocumentReport, lower: int = 0) -> None:
    """Number on each mark the findings that point into it (their own span or an excerpt)."""
    for i, f in enumerate(d.findings, start=1):
        for span in [f.span] + [ex.span for ex in f.excerpts]:
            where = locate(p, span, lower)
            if where is None:
                continue
            for m in marks:
                if where[0] < m.end and m.start < where[1]:
                    if i not in m.refs:
                        m.refs.append(i)
                    break
    for m in marks:
        m.refs.sort()


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


def finding_tip(i: int, f: Finding) -> str:
    return f'<span class="row"><b>{i}. {escape(f.rule)}</b> {escape(f.severity)}: {escape(f.message)}</span>'


def mark_severity(m: Mark, d: DocumentReport, severities: dict[str, str]) -> str:
    words = [severities.get(c.id, "") for c in m.claims] + [d.findings[i - 1].severity for i in m.refs + m.hits]
    return max(words, key=severity_rank, default="") if any(words) else ""


def open_mark(m: Mark, d: DocumentReport, severities: dict[str, str], with_id: bool) -> tuple[str, str]:
    """The opening tag of a mark and, for its first piece, its tooltip."""
    sev = mark_severity(m, d, severities)
    classes = ["claim", f"k-{escape(m.claims[0].kind, quote=True)}"] if m.claims else ["hit"]
    if sev:
        classes += (["flag"] if m.claims else []) + [sev_class(sev)]
    tips = "".join(tooltip(c) for c in m.claims)
    tips += "".join(finding_tip(i, d.findings[i - 1]) for i in (m.refs or m.hits))
    ident = f' id="{escape(m.id)}" tabindex="0"' if with_id else ""
    tip = f'<span class="tip" role="tooltip">{tips}</span>' if with_id and tips else ""
    return f'<mark class="{" ".join(classes)}"{ident}>', tip


def refs_html(m: Mark, d: DocumentReport, prefix: str) -> str:
    out = []
    for i in m.refs:
        f = d.findings[i - 1]
        out.append(f'<a class="ref {sev_class(f.severity)}" href="#{prefix}-f{i}" '
                   f'title="{escape(f.rule)} {escape(f.name)}">{i}</a>')
    return "".join(out)


def highlighted(text: str, start: int, end: int, marks: list[Mark], d: DocumentReport, prefix: str,
                severities: dict[str, str], opened: set[str]) -> str:
    """``text[start:end]`` escaped, with the parts of ``marks`` inside it highlighted.

    A mark split by a line break opens again on the next line; its id, tooltip
    and finding links go with its first and last piece."""
    out, pos = [], start
    for m in marks:
        if m.end <= start or m.start >= end:
            continue
        s, e = max(m.start, start), min(m.end, end)
        out.append(escape(text[pos:s]))
        first = m.id not in opened
        opened.add(m.id)
        tag, tip = open_mark(m, d, severities, first)
        out.append(f"{tag}{escape(text[s:e])}{tip}</mark>")
        if e == m.end:
            out.append(refs_html(m, d, prefix))
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def article_html(d: DocumentReport, prefix: str, anchors: dict[object, str]) -> str:
    """The article with its claims and flagged spans highlighted.

    Fills ``anchors``: claim id, and (start, end) of every highlighted span, -> element id."""
    severities = claim_severities(d)
    placed: set[str] = set()
    opened: set[str] = set()
    parts = []
    lower = body_start(d) if shows_file_text(d) else 0
    for p in passages(d):
        marks = marks_for(p, d, placed, lower)
        attach_refs(p, marks, d, lower)
        for m in marks:
            m.id = f"{prefix}-{m.claims[0].id}" if m.claims else f"{prefix}-f{m.hits[0]}-at"
            anchors.update({c.id: m.id for c in m.claims})
            for c in m.claims:
                anchors.setdefault((c.span.start, c.span.end), m.id)
            for i in m.hits:
                f = d.findings[i - 1]
                anchors.setdefault((f.span.start, f.span.end), m.id)
        if p.exact:
            parts.append(full_text_html(p.text, lower, marks, d, prefix, severities, opened))
        else:
            body = highlighted(p.text, 0, len(p.text), marks, d, prefix, severities, opened)
            parts.append(f'<p class="sentence"><span class="no">line {p.line}</span>{body}</p>')
    if not parts:
        parts.append('<p class="none">No claims were found in this article.</p>')
    elif not shows_file_text(d):
        parts.insert(0, '<p class="note">The sentences that carry claims:</p>')
    return "".join(parts)


def paragraph_line(line: str) -> bool:
    """A line that is a whole paragraph (wire copy and many exports put one per line, no blank between)."""
    line = line.rstrip()
    return len(line) > 100 and line[-1:] in ".!?\"'”’)"


def full_text_html(text: str, lower: int, marks: list[Mark], d: DocumentReport, prefix: str,
                   severities: dict[str, str], opened: set[str]) -> str:
    """The file from ``lower`` on, one numbered row per non-blank line; a blank line ends a paragraph."""
    rows = []
    number = text.count("\n", 0, lower) + 1
    pos = lower
    lines = text[lower:].split("\n")
    for i, line in enumerate(lines):
        start, end = pos, pos + len(line.rstrip("\r"))
        pos += len(line) + 1
        if line.strip():
            last = i + 1 >= len(lines) or not lines[i + 1].strip() or paragraph_line(line)
            body = highlighted(text, start, end, marks, d, prefix, severities, opened)
            rows.append(f'<p class="ln{" pe" if last else ""}" id="{prefix}-l{number + i}">'
                        f'<span class="no">{number + i}</span><span class="tx">{body}</span></p>')
    return f'<div class="text">{"".join(rows)}</div>'


# -- findings ---------------------------------------------------------------------------


def link(anchors: dict[object, str], key: object, label: str) -> str:
    target = anchors.get(key)
    return f'<a href="#{escape(target)}">{label}</a>' if target else label


def finding_html(d: DocumentReport, f: Finding, anchors: dict[object, str], prefix: str, index: int) -> str:
    """One finding: number, severity, rule, location, message, every place it cites, suggestion."""
    own = (f.span.start, f.span.end)
    where = link(anchors, own if own in anchors else (f.evidence[0] if f.evidence else own),
                 f"line {f.span.line}:{f.span.column}")
    sides = []
    for group in side_groups(d, f):
        ctx = context(d, [t.span for t in group], group[0].claim)
        first = group[0]
        key = (first.span.start, first.span.end)
        target = key if key in anchors else (first.claim.id if first.claim is not None else key)
        roles = dict.fromkeys(t.label or ("flagged words" if t.primary else "also cited") for t in group)
        role = " · ".join(escape(r) for r in roles)
        own = 0 if first.primary else None
        quote = "".join(
            escape(words) if i is None else ('<mark class="own">' if i == own else "<mark>") + escape(words) + "</mark>"
            for words, i in ctx.pieces()
        )
        quote = ("…" if ctx.cut_before else "") + quote + ("…" if ctx.cut_after else "")
        sides.append(
            f'<li class="{"own" if first.primary else "other"}"><span class="side"><span class="role">{role}</span>'
            f'{link(anchors, target, f"line {ctx.line}")}</span><blockquote>{quote}</blockquote></li>'
        )
    return (
        f'<li class="finding {sev_class(f.severity)}" id="{prefix}-f{index}">'
        f'<div class="fhead"><span class="num">{index}</span><span class="badge">{escape(f.severity)}</span>'
        f'<span class="rule">{escape(f.rule)}</span><span class="rname">{escape(f.name)}</span>'
        f'<span class="loc">{where}</span></div>'
        f'<p class="message">{escape(f.message)}</p>'
        f'<ul class="evidence">{"".join(sides)}</ul>'
        + (f'<p class="suggestion"><b>Suggestion:</b> {escape(f.suggestion)}</p>' if f.suggestion else "")
        + "</li>"
    )


def side_groups(d: DocumentReport, f: Finding) -> list[list[Target]]:
    """The finding's places, those in one sentence together (they share one quotation)."""
    groups: dict[object, list[Target]] = {}
    for t in finding_targets(d, f):
        s = t.claim.sentence_span if t.claim is not None else None
        key = (t.span.line, s.start, s.end) if s is not None and s.start <= t.span.start < s.end else id(t)
        groups.setdefault(key, []).append(t)
    return list(groups.values())


def findings_html(d: DocumentReport, anchors: dict[object, str], prefix: str) -> str:
    if not d.findings:
        return '<h3>Findings</h3><p class="none">No contradictions found.</p>'
    items = "".join(finding_html(d, f, anchors, prefix, i) for i, f in enumerate(d.findings, start=1))
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


def long_date(value: str) -> str:
    """'2024-11-10' as 'Sunday, 10 November 2024'; anything else as given."""
    day = iso(value)
    return f"{day:%A}, {day.day} {day:%B %Y}" if day else value


def document_head(d: DocumentReport, prefix: str) -> str:
    """The path, the headline (the title, else the path) and the date line."""
    path = escape(relative_path(d.path))
    if d.title:
        head = f'<p class="path">{path}</p><h2>{escape(d.title)}</h2>'
    else:
        head = f'<h2 class="untitled">{path}</h2>'
    if d.published:
        how = PUBLISHED_FROM.get(d.published_source or "", d.published_source or "source unknown")
        if d.published_from:
            how += f": {d.published_from}"
        when = f'Published <time datetime="{escape(d.published)}">{escape(long_date(d.published))}</time> · {escape(how)}'
    else:
        when = "Publication date unknown (pass --published)"
    counts = plural(len(d.claims), "claim") + (f" · {plural(len(d.findings), 'finding')}" if not d.error else "")
    jump = ""
    if d.findings and not d.error:
        jump = (f'<p class="jump"><a href="#{prefix}-findings">Findings ({len(d.findings)})</a> · '
                f'<a href="#{prefix}-article">Article</a>'
                + (f' · <a href="#{prefix}-timeline">Timeline</a>' if any(c.date for c in d.claims) else "")
                + "</p>")
    return f'<header class="doc-head">{head}<p class="dateline">{when} · {counts}</p>{jump}</header>'


def document_html(d: DocumentReport, index: int) -> str:
    """One article's section: headline and date line, findings and article, timeline."""
    prefix = f"d{index}"
    head = f'<section class="document" id="{prefix}">' + document_head(d, prefix)
    if d.error:
        return head + f'<p class="error-text">Not checked: {escape(d.error)}</p></section>'
    anchors: dict[object, str] = {}
    article = article_html(d, prefix, anchors)
    return (
        head
        + '<div class="layout">'
        + f'<aside class="findings-pane" id="{prefix}-findings" aria-label="Findings">'
        + f"{findings_html(d, anchors, prefix)}</aside>"
        + f'<article class="article" id="{prefix}-article"><h3>Article</h3>{article}</article></div>'
        + f'<figure class="timeline" id="{prefix}-timeline"><h3>Timeline of dated claims</h3>{LEGEND}'
        + f'<div class="scroll">{timeline_svg(d, anchors)}</div></figure>'
        + "</section>"
    )


def summary_html(report: Report) -> str:
    """'1 error, 2 warnings, 1 info in 1 file (15 claims)', each count in its colour."""
    counts, tail = summary_parts(report)
    words = ", ".join(f'<span class="{sev_class(sev)}">{escape(text)}</span>' for text, sev in counts)
    if not counts:
        tail = f'<span class="clean">{escape(tail)}</span>' if tail.startswith("No contradictions") else escape(tail)
    else:
        tail = escape(tail)
    return f'<p class="summary">{words}{tail}</p>'


def files_nav(report: Report) -> str:
    """A list of the articles with their counts, when there are several."""
    if len(report.documents) < 2:
        return ""
    items = []
    for i, d in enumerate(report.documents):
        what = "not checked" if d.error else plural(len(d.findings), "finding")
        items.append(f'<li><a href="#d{i}">{escape(d.title or relative_path(d.path))}</a> · {what}</li>')
    return f'<nav class="files" aria-label="Articles"><ul>{"".join(items)}</ul></nav>'


def render(report: Report, *, color: bool = False) -> str:
    """The report as one self-contained HTML page."""
    docs = "\n".join(document_html(d, i) for i, d in enumerate(report.documents))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>claimcheck report</title><style>{CSS}</style></head>\n<body>"
        f'<header class="page-head"><h1>claimcheck report</h1>{summary_html(report)}{files_nav(report)}</header>\n'
        f'{docs}\n<footer class="page-foot">claimcheck {escape(report.claimcheck)}</footer></body></html>\n'
    )
