"""``--format markdown``: a readable report for pull-request comments and job summaries.

GitHub-flavoured Markdown: a summary line, then per article a findings table,
each finding's evidence as quoted sentences, and the claims in a collapsed
``<details>`` table. Every piece of article text is escaped.
"""

from __future__ import annotations

import re

from ..models import Claim, DocumentReport, Finding, Report
from .common import claim_date, claim_sources, claim_value

SEVERITY_ICONS: dict[str, str] = {"error": "🔴", "warning": "🟠", "info": "🔵"}

#: Characters that start Markdown or HTML syntax mid-line (``|`` breaks table cells).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Article text safe inside Markdown prose and table cells (one line)."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def code(text: str) -> str:
    """An inline code span that survives backticks in ``text``."""
    text = " ".join(text.split())
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def summary_line(report: Report) -> str:
    """'**1 file, 12 claims:** 1 error, 2 warnings, 0 infos'."""
    s = report.summary
    line = f"**{s.files} file{'s' if s.files != 1 else ''}, {s.claims} claims:** "
    line += f"{s.errors} error{'s' if s.errors != 1 else ''}, {s.warnings} warning{'s' if s.warnings != 1 else ''}, "
    line += f"{s.infos} info{'s' if s.infos != 1 else ''}"
    if s.failed_files:
        line += f", {s.failed_files} not checked"
    return line


def severity_cell(severity: str) -> str:
    return f"{SEVERITY_ICONS.get(severity, '')} {severity}"


def findings_table(d: DocumentReport, *, with_path: bool = False) -> list[str]:
    """A findings table: severity, rule, location, message."""
    head = "| severity | rule | " + ("file | " if with_path else "") + "line | message |"
    rows = [head, "|---|---|" + ("---|" if with_path else "") + "---|---|"]
    for f in d.findings:
        where = f"{code(d.path)} | " if with_path else ""
        rows.append(
            f"| {severity_cell(f.severity)} | {code(f.rule)} {escape(f.name)} | {where}"
            f"{f.span.line}:{f.span.column} | {escape(f.message)} |"
        )
    return rows


def finding_detail(f: Finding, claims: dict[str, Claim]) -> list[str]:
    """A finding's evidence: each side's sentence with its words in bold, then the suggestion."""
    out = [f"#### {code(f.rule)} {escape(f.name)} — line {f.span.line}", "", escape(f.message), ""]
    for ex in f.excerpts:
        claim = claims.get(ex.claim)
        sentence = claim.sentence if claim else ex.span.text
        out.append(f"> **{escape(ex.role)}** (line {ex.span.line}): {emphasize(sentence, ex.span.text)}")
        out.append(">")
    if out[-1] == ">":
        out[-1] = ""
    if f.suggestion:
        out += [f"**Suggestion:** {escape(f.suggestion)}", ""]
    return out


def emphasize(sentence: str, words: str) -> str:
    """``sentence`` escaped, with the first occurrence of ``words`` in bold."""
    at = sentence.find(words) if words else -1
    if at < 0:
        return escape(sentence)
    before, after = sentence[:at], sentence[at + len(words):]
    return f"{escape(before)}**{escape(words)}**{escape(after)}".strip()


def claims_table(claims: list[Claim]) -> list[str]:
    """All claims of an article, collapsed: id, line, kind, value, date, sources."""
    rows = [
        f"<details><summary>{len(claims)} claims</summary>",
        "",
        "| # | line | kind | claim | date | sources |",
        "|---|---|---|---|---|---|",
    ]
    for c in claims:
        rows.append(
            f"| {c.id} | {c.span.line} | {c.kind.replace('_', ' ')} | {escape(claim_value(c))} | "
            f"{escape(claim_date(c))} | {escape(claim_sources(c))} |"
        )
    return rows + ["", "</details>"]


def document_section(d: DocumentReport) -> list[str]:
    """One article: heading, publication date, findings, evidence, claims."""
    title = f"### {code(d.path)}" + (f" — {escape(d.title)}" if d.title else "")
    out = [title, ""]
    if d.published:
        out += [f"Published {d.published} ({d.published_source or 'unknown source'}).", ""]
    else:
        out += ["Publication date unknown (pass `--published`).", ""]
    if d.error:
        return out + [f"**Not checked:** {escape(d.error)}", ""]
    if not d.findings:
        out += ["No contradictions found.", ""]
    else:
        out += findings_table(d) + [""]
        claims = {c.id: c for c in d.claims}
        for f in d.findings:
            out += finding_detail(f, claims)
    if d.claims:
        out += claims_table(list(d.claims)) + [""]
    return out


def render(report: Report, *, color: bool = False) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    out = ["## claimcheck report", "", summary_line(report), ""]
    for d in report.documents:
        out += document_section(d)
    return "\n".join(out).rstrip("\n") + "\n"
