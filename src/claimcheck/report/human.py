"""``--format human``: the terminal report, findings first.

Each finding is a header line a terminal or an editor can jump from::

    article.txt:2:95: error CC101 [event-before-onset] “December 14, 2023” is 10 months before …
      |
    2 | …(HUR), on December 14, 2023, North Korean troops unintentionally opened fire on their…
      |                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ event
      |
    4 | …since they began engaging directly with Russian units just over a week prior to these…
      |                   -------- onset
      |
      = help: did you mean 2024?

followed by code frames cut from the file text (``DocumentReport.text``): the
finding's own span underlined with ``^``, then each other side of the
contradiction (the finding's excerpts) underlined with ``-`` and labelled with
its role. Long lines (a paragraph is one line in many articles) show a window
around the span, inside its sentence where the sentence is known. One summary
line closes the report. ``show`` adds the claim tables and the timeline of
each article; ``statistics`` replaces the findings with counts per rule and
``quiet`` prints the summary alone.

Colours come from :data:`THEME` only; with ``color=False`` the output is plain
text of the same layout.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from io import StringIO
from typing import Optional

from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.rule import Rule as HRule
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from ..models import Claim, DocumentReport, Finding, Report, Span
from .common import (
    KIND_TITLES,
    Target,
    claim_detail,
    claim_value,
    clip,
    finding_targets,
    format_quantity,
    kind_title,
    relative_path,
    rule_counts,
    summary_parts,
)

__all__ = ["THEME", "SHOW_SECTIONS", "render", "format_quantity", "claim_detail"]

THEME = Theme(
    {
        "severity.error": "bold red",
        "severity.warning": "bold yellow",
        "severity.info": "bold cyan",
        "location": "bold",
        "rule.code": "bold",
        "rule.name": "dim",
        "frame.gutter": "bold blue",
        "frame.span": "bold",
        "frame.secondary": "bold blue",
        "frame.ellipsis": "dim",
        "help": "bold",
        "suggestion": "green",
        "summary.clean": "bold green",
        "claim.highlight": "bold underline magenta",
        "muted": "dim",
        "kind": "bold blue",
    }
)

#: What ``show`` can add after the findings of each article.
SHOW_SECTIONS = ("claims", "timeline")

#: Frames per finding: its own span and up to this many other places; the rest are listed in a note.
MAX_FRAMES = 4
#: Lines a multi-line span shows at most.
MAX_SPAN_LINES = 3
#: The narrowest layout (below it lines are still cut, never wrapped).
MIN_WIDTH = 40
#: Width of the claim table's context snippet, in cells.
SNIPPET = 60

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Spaces at the end of a line, before any closing colour codes (rich pads table cells).
_TRAILING_SPACE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$")


def severity_style(severity: str) -> str:
    """The theme style of a severity (a plain one for a severity the theme does not know)."""
    name = f"severity.{severity}"
    return name if name in THEME.styles else "frame.secondary"


def one_line(text: str) -> str:
    """``text`` with its whitespace runs (line breaks too) folded to single spaces."""
    return " ".join(text.split())


# -- code frames -------------------------------------------------------------------


@dataclass
class Mark:
    """An underlined stretch of one row, in columns of its line."""

    start: int
    end: int
    primary: bool
    label: str = ""


@dataclass
class Row:
    """One source line of a frame: its number, its text and what to underline in it."""

    number: int
    line: str
    marks: list[Mark] = field(default_factory=list)
    bounds: Optional[tuple[int, int]] = None  # the sentence, in columns of the line

    def reach(self) -> tuple[int, int]:
        return min(m.start for m in self.marks), max(m.end for m in self.marks)


Frame = list[Row]


class Source:
    """A document's text cut into lines, to find where a span is."""

    def __init__(self, d: DocumentReport) -> None:
        self.d = d
        self.text = d.text
        self.starts = [0]
        if self.text is not None:
            self.starts += [m.end() for m in re.finditer("\n", self.text)]

    def line(self, index: int) -> tuple[int, str]:
        """File offset and text (without the line break) of 0-based line ``index``."""
        assert self.text is not None
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        text = self.text[start:end]
        if text.endswith("\r"):
            text = text[:-1]
        return start, _CONTROL.sub(" ", text)

    def rows(self, span: Span, claim: Optional[Claim]) -> list[Row]:
        """The rows showing ``span``, one per line it covers (at most :data:`MAX_SPAN_LINES`)."""
        if self.text is None or not 0 <= span.start <= len(self.text):
            return [self._sentence_row(span, claim)]
        start, end = span.start, max(span.start, min(span.end, len(self.text)))
        sentence = claim.sentence_span if claim is not None else None
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(end - 1, start)) - 1
        out = []
        for index in range(first, min(last, first + MAX_SPAN_LINES - 1) + 1):
            offset, text = self.line(index)
            cs = max(start, offset) - offset
            ce = max(cs, min(end, offset + len(text)) - offset)
            bounds = None
            if sentence is not None and sentence.start < offset + len(text) and sentence.end > offset:
                bounds = (max(sentence.start, offset) - offset, min(sentence.end, offset + len(text)) - offset)
            out.append(Row(index + 1, text, [Mark(cs, ce, False)], bounds))
        return out

    def _sentence_row(self, span: Span, claim: Optional[Claim]) -> Row:
        """Without the file text: the claim's sentence stands for the line."""
        if claim is None:
            text = _CONTROL.sub(" ", span.text)
            return Row(span.line, text, [Mark(0, len(text), False)])
        sentence = _CONTROL.sub(" ", claim.sentence)
        at = -1
        if claim.sentence_span is not None:
            at = span.start - claim.sentence_span.start
            if claim.sentence[at : at + len(span.text)] != span.text:
                at = -1
        if at < 0:
            at = claim.sentence.find(span.text) if span.text else -1
        if at < 0:
            at, length = 0, 0
        else:
            length = len(span.text)
        return Row(span.line, sentence, [Mark(at, at + length, False)])


def hanging(marks: Sequence[Mark]) -> list[Mark]:
    """The labelled marks before the last whose label the end of the row does not already give."""
    last = marks[-1].label if marks else ""
    return [m for m in marks[:-1] if m.label and m.label != last]


def _fits(row: Row, mark: Mark, budget: int) -> bool:
    """Whether ``mark`` can join ``row``: no overlap, all within one window, and at most one
    label left to hang below the row (the rightmost mark's label follows it on the line)."""
    if any(mark.start < m.end and m.start < mark.end for m in row.marks):
        return False
    marks = sorted([*row.marks, mark], key=lambda m: m.start)
    if len(hanging(marks)) > 1:
        return False
    return cell_len(row.line[marks[0].start : max(m.end for m in marks)]) <= budget


def frames_for(d: DocumentReport, f: Finding, source: Source, budget: int) -> tuple[list[Frame], list[Target]]:
    """The frames of one finding, and the targets left out for want of room."""
    frames: list[Frame] = []
    left_out: list[Target] = []
    for t in finding_targets(d, f):
        rows = source.rows(t.span, t.claim)
        for r in rows:
            for m in r.marks:
                m.primary, m.label = t.primary, ""
        rows[-1].marks[-1].label = t.label
        if len(rows) == 1:
            mark = rows[0].marks[0]
            home = next((r for fr in frames for r in fr if r.number == rows[0].number and _fits(r, mark, budget)), None)
            if home is not None:
                home.marks.append(mark)
                home.marks.sort(key=lambda m: m.start)
                if home.bounds is None or rows[0].bounds is None:
                    home.bounds = home.bounds or rows[0].bounds
                else:  # the row now shows both sentences
                    home.bounds = (min(home.bounds[0], rows[0].bounds[0]), max(home.bounds[1], rows[0].bounds[1]))
                continue
        if len(frames) >= MAX_FRAMES:
            left_out.append(t)
            continue
        frames.append(rows)
    return frames, left_out


def window(row: Row, budget: int) -> tuple[int, int, str, str]:
    """The stretch ``[a, b)`` of the row's line to show, and the ellipses around it.

    No ellipsis where the stretch meets the start or end of the line or of the
    sentence (the rest of a paragraph-long line is other sentences)."""
    lo, hi = row.reach()
    if cell_len(row.line) <= budget:
        a, b = 0, len(row.line)
    else:
        a, b = clip(row.line, lo, hi, budget - 2, row.bounds, cell_len)
    s0, s1 = row.bounds if row.bounds is not None else (0, len(row.line))
    s0, s1 = min(s0, lo), max(s1, hi)  # marks in other sentences widen the stretch
    lead = "…" if row.line[:a].strip() and row.line[s0:a].strip() else ""
    trail = "…" if row.line[b:].strip() and row.line[b:s1].strip() else ""
    return a, b, lead, trail


def render_row(row: Row, width: int, gutter: int, severity: str) -> list[Text]:
    """The source line (a window of it), the underline row beneath, and a hanging label if any::

        8 | …the Ukrainian incursion initiated during August 2023.
          |               -------------------        ^^^^^^^^^^^
          |               |
          |               date
    """
    avail = max(width - gutter - 3, 10)
    label = row.marks[-1].label
    a, b, lead, trail = window(row, avail)
    budget = avail
    while label and budget > 12:  # keep room for the label after the last mark: narrow the window
        last_end = max(min(row.marks[-1].end, b), a)
        need = cell_len(lead) + cell_len(row.line[a:last_end]) + 1 + cell_len(label) - avail
        if need <= 0:
            break
        budget = max(budget - need, 12)
        a, b, lead, trail = window(row, budget)
    pad = f"{'':>{gutter}} | "
    source = Text(no_wrap=True, overflow="crop")
    source.append(f"{row.number:>{gutter}} | ", style="frame.gutter")
    source.append(lead, style="frame.ellipsis")
    visible = Text(row.line[a:b])
    for m in row.marks:
        if m.primary:
            visible.stylize("frame.span", max(m.start - a, 0), max(min(m.end, b) - a, 0))
    source.append_text(visible)
    source.append(trail, style="frame.ellipsis")

    def style_of(m: Mark) -> str:
        return severity_style(severity) if m.primary else "frame.secondary"

    under = Text(no_wrap=True, overflow="crop")
    under.append(pad, style="frame.gutter")
    pos = 0  # cells written after the gutter
    columns: dict[int, int] = {}
    for m in row.marks:
        s, e = max(m.start, a), max(min(m.end, b), max(m.start, a))
        col = max(cell_len(lead) + cell_len(row.line[a:s]), pos)
        count = max(cell_len(row.line[s:e]), 1)
        under.append(" " * (col - pos))
        under.append(("^" if m.primary else "-") * count, style=style_of(m))
        columns[id(m)] = col
        pos = col + count
    room = avail - pos - 1
    if label and room >= 4:
        label = label if cell_len(label) <= room else label[: room - 1] + "…"
        under.append(" " + label, style=style_of(row.marks[-1]))
    out = [source, under]
    for m in hanging(row.marks)[:1]:
        col = columns[id(m)]
        text = m.label if cell_len(m.label) <= avail - col else m.label[: max(avail - col - 1, 1)] + "…"
        for piece in ("|", text):
            line = Text(pad, style="frame.gutter", no_wrap=True, overflow="crop")
            line.append(" " * col)
            line.append(piece, style=style_of(m))
            out.append(line)
    return out


def finding_header(d: DocumentReport, f: Finding) -> Text:
    head = Text()
    head.append(f"{relative_path(d.path)}:{f.span.line}:{f.span.column}:", style="location")
    head.append(" ")
    head.append(f.severity, style=severity_style(f.severity))
    head.append(" ")
    head.append(f.rule, style="rule.code")
    head.append(" ")
    head.append(f"[{f.name}]", style="rule.name")
    head.append(" " + one_line(f.message))
    return head


def render_finding(d: DocumentReport, f: Finding, source: Source, width: int) -> list[Text]:
    """Header, frames, note and help of one finding, as lines."""
    out = [finding_header(d, f)]
    budget = max(width - 8, 10)
    frames, left_out = frames_for(d, f, source, budget)
    gutter = max((len(str(r.number)) for fr in frames for r in fr), default=1)
    bar = Text(f"{'':>{gutter}} |", style="frame.gutter")
    for frame in frames:
        out.append(bar.copy())
        for row in frame:
            out.extend(render_row(row, width, gutter, f.severity))
    notes = []
    if left_out:
        places = ", ".join(f"line {t.span.line}" + (f" ({t.label})" if t.label else "") for t in left_out)
        notes.append(("note", f"also {places}"))
    if f.suggestion:
        notes.append(("help", one_line(f.suggestion)))
    if notes:
        out.append(bar.copy())
    for kind, text in notes:
        line = Text(f"{'':>{gutter}} = ", style="frame.gutter")
        line.append(f"{kind}:", style="help")
        line.append(" ")
        line.append(text, style="suggestion" if kind == "help" else "")
        out.append(line)
    return out


# -- claims and timeline (``show``) --------------------------------------------------


def claim_cell(c: Claim) -> Text:
    """A claim's value and a short stretch of its sentence with the claim's words marked."""
    text = Text(claim_value(c))
    quantity = getattr(c, "quantity", None)
    if quantity is not None and getattr(quantity, "text", None):
        text.append(f"  {quantity.text}", style="muted")
    if getattr(c, "quote_type", None) == "partial":
        text.append(" (partial)", style="muted")
    if isinstance(getattr(c, "quote", None), str):
        return text  # the value is the sentence's own words already
    sentence = " ".join(c.sentence.split("\n"))
    at = -1
    if c.sentence_span is not None:
        at = c.span.start - c.sentence_span.start
        if sentence[at : at + len(c.span.text)] != c.span.text:
            at = -1
    if at < 0:
        at = sentence.find(c.span.text) if c.span.text else -1
    start, end = (at, at + len(c.span.text)) if at >= 0 else (0, 0)
    a, b = clip(sentence, start, end, SNIPPET, None, cell_len)
    snippet = Text("\n" + ("…" if a > 0 else ""))
    body = Text(sentence[a:b])
    if at >= 0:
        body.stylize("claim.highlight", max(start - a, 0), max(min(end, b) - a, 0))
    snippet.append_text(body)
    snippet.append("…" if b < len(sentence) else "")
    text.append_text(snippet)
    return text


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


def claims_table(kind: str, claims: list[Claim]) -> Table:
    table = Table(title=f"{kind_title(kind)} ({len(claims)})", title_justify="left", title_style="kind",
                  show_lines=True, expand=True)
    table.add_column("#", style="muted", no_wrap=True)
    table.add_column("line", style="muted", no_wrap=True)
    table.add_column("claim", ratio=3)
    table.add_column("what / who", ratio=2)
    table.add_column("date", ratio=2)
    table.add_column("sources", ratio=2)
    for c in claims:
        detail = claim_detail(c)
        if c.modality != "asserted":
            detail = f"{detail}\n[{c.modality}]" if detail else f"[{c.modality}]"
        table.add_row(c.id, str(c.span.line), claim_cell(c), Text(detail), date_text(c), sources_text(c))
    return table


def kinds_in_order(claims: Iterable[Claim]) -> list[str]:
    """The known kinds in their usual order, then any other kind as it first appears."""
    present = list(dict.fromkeys(c.kind for c in claims))
    return [k for k in KIND_TITLES if k in present] + [k for k in present if k not in KIND_TITLES]


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
        if c.id in flagged:
            mark, style = "✗", severity_style(flagged[c.id])
        elif c.id in related:
            mark, style = "•", "severity.warning"
        else:
            mark, style = "│", "muted"
        label = c.date.value + (f" ({c.date.modifier})" if c.date.modifier else "")
        value = claim_value(c)
        value = value if len(value) <= 42 else value[:41] + "…"
        table.add_row(Text(mark, style=style), label, c.id, Text(f"{value}  {claim_detail(c)}".strip()))
    return table


def document_rule(d: DocumentReport) -> HRule:
    title = Text(relative_path(d.path), style="bold")
    if d.published:
        how = d.published_source or "?"
        title.append(f"  published {d.published} ({how}", style="muted")
        title.append(f": {d.published_from})" if d.published_from else ")", style="muted")
    else:
        title.append("  publication date unknown (pass --published)", style="muted")
    return HRule(title, align="left")


def shown_sections(d: DocumentReport, show: Sequence[str]) -> list[RenderableType]:
    out: list[RenderableType] = []
    if "claims" in show:
        if not d.claims:
            out.append(Text("No claims found.", style="muted"))
        for kind in kinds_in_order(d.claims):
            out.append(claims_table(kind, [c for c in d.claims if c.kind == kind]))
    if "timeline" in show:
        tl = timeline(d)
        out.append(tl if tl is not None else Text("No dated claims.", style="muted"))
    return out


# -- summary and statistics ------------------------------------------------------------


def summary_line(report: Report) -> Text:
    """'1 error, 2 warnings, 1 info in 1 file (15 claims)'; 'No contradictions found in …'."""
    counts, tail = summary_parts(report)
    text = Text()
    for i, (words, severity) in enumerate(counts):
        if i:
            text.append(", ")
        text.append(words, style=severity_style(severity))
    if counts:
        text.append(tail)
    else:
        text.append(tail, style="summary.clean" if tail.startswith("No contradictions") else "")
    return text


def statistics_table(report: Report) -> Table:
    """Findings per rule, most frequent first (``--statistics``)."""
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(justify="right", style="bold")
    table.add_column(style="rule.code", no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(style="rule.name")
    for row in rule_counts(report):
        table.add_row(str(row.count), row.code, Text(row.severity, style=severity_style(row.severity)),
                      f"[{row.name}]")
    return table


# -- the report ------------------------------------------------------------------------


def default_width() -> int:
    """``$COLUMNS`` when set, else 100."""
    try:
        return int(os.environ.get("COLUMNS", "")) or 100
    except ValueError:
        return 100


def make_console(buf: StringIO, *, color: bool, width: int) -> Console:
    return Console(file=buf, theme=THEME, width=width, force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, highlight=False, emoji=False,
                   markup=False, legacy_windows=False)


def render(
    report: Report,
    *,
    color: bool = False,
    width: Optional[int] = None,
    show: Sequence[str] = (),
    quiet: bool = False,
    statistics: bool = False,
    problems: bool = True,
) -> str:
    """The terminal report.

    ``show`` adds sections per article (:data:`SHOW_SECTIONS`); ``statistics``
    prints counts per rule instead of the findings; ``quiet`` prints only the
    summary (and the counts, with ``statistics``); ``problems`` lists files
    that could not be checked and input warnings (the CLI prints those on
    stderr instead).
    """
    width = max(width or default_width(), MIN_WIDTH)
    buf = StringIO()
    console = make_console(buf, color=color, width=width)
    blocks: list[list[RenderableType]] = []
    if statistics:
        if any(d.findings for d in report.documents):
            blocks.append([statistics_table(report)])
    elif not quiet:
        for d in report.documents:
            blocks.extend(document_blocks(d, width, show, problems))
    blocks.append([summary_line(report)])
    for i, block in enumerate(blocks):
        if i:
            console.print()
        for r in block:
            console.print(r)
    return "".join(_TRAILING_SPACE.sub(r"\1", line) + "\n" for line in buf.getvalue().splitlines())


def document_blocks(d: DocumentReport, width: int, show: Sequence[str], problems: bool) -> list[list[RenderableType]]:
    """One article's part of the report, as blocks to print with blank lines between."""
    blocks: list[list[RenderableType]] = []
    head: list[RenderableType] = [document_rule(d)] if show else []
    if problems and d.error:
        head.append(Text(f"{relative_path(d.path)}: error: {d.error}", style=severity_style("error")))
    if problems:
        head += [Text(f"{relative_path(d.path)}: warning: {w}", style=severity_style("warning")) for w in d.warnings]
    if head:
        blocks.append(head)
    if d.error:
        return blocks
    source = Source(d)
    blocks += [list(render_finding(d, f, source, width)) for f in d.findings]
    if show:
        if not d.findings:
            blocks.append([Text("No contradictions found.", style="summary.clean")])
        blocks += [[section] for section in shown_sections(d, show)]
    return blocks
