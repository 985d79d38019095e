"""``--format github``: GitHub Actions workflow-command annotations, plus a job summary.

Annotations come most severe first (errors, warnings, then notices). GitHub
shows only about ten of each type per step, so each severity is capped at
:data:`LIMIT` and a ``::notice::`` says how many more there are; the full
list goes to the job summary, a Markdown file GitHub shows on the run page.
:func:`render` stays pure; the CLI calls :func:`append_step_summary`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Optional

from ..errors import ClaimcheckError, Errors
from ..models import DocumentReport, Finding, Report
from . import markdown
from .common import GITHUB_LEVELS, end_position, ordered_findings, relative_path

#: Annotations shown per severity before the rest are summarized in one notice.
LIMIT = 10


def escape_data(text: str) -> str:
    """A workflow-command message: ``%``, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow-command property value: also ``:`` and ``,`` encoded."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    """``::level key=value,…::message`` with both parts escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(d: DocumentReport, f: Finding) -> str:
    """One finding as an annotation on its span, titled with the rule."""
    end_line, end_column = end_position(f.span)
    others = [ex for ex in f.excerpts if (ex.span.start, ex.span.end) != (f.span.start, f.span.end)]
    evidence = "".join(f"\n{ex.role} (line {ex.span.line}): “{ex.span.text}”" for ex in others)
    message = f.message + evidence + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
    props: dict[str, object] = {
        "file": relative_path(d.path),
        "line": f.span.line,
        "col": f.span.column,
        "endLine": end_line,
    }
    if end_line == f.span.line:  # GitHub reads endColumn only on one-line spans
        props["endColumn"] = end_column
    props["title"] = f"{f.rule} {f.name}"
    return command(GITHUB_LEVELS[f.severity], message, **props)


def overflow_notice(severity: str, hidden: int) -> str:
    noun = {"error": "error", "warning": "warning", "info": "notice"}[severity]
    return command(
        "notice",
        f"claimcheck: {hidden} more {noun}{'s' if hidden != 1 else ''} not shown as annotations; "
        "see the job summary or run with --format sarif.",
    )


def render(report: Report, *, color: bool = False, limit: int = LIMIT) -> str:
    """Annotations, most severe first, at most ``limit`` per severity."""
    lines = [command("error", d.error, file=relative_path(d.path)) for d in report.documents if d.error]
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for d, f in ordered_findings(report):
        if shown.get(f.severity, 0) < limit:
            shown[f.severity] = shown.get(f.severity, 0) + 1
            lines.append(annotation(d, f))
        else:
            hidden[f.severity] = hidden.get(f.severity, 0) + 1
    lines += [overflow_notice(sev, n) for sev, n in hidden.items()]
    return "".join(line + "\n" for line in lines)


def job_summary(report: Report) -> str:
    """The Markdown job summary: the totals and one findings table per file."""
    out = ["## claimcheck", "", markdown.summary_line(report), ""]
    for d in report.documents:
        if d.error:
            out += [f"- {markdown.code(d.path)}: **not checked:** {markdown.escape(d.error)}", ""]
        elif d.findings:
            out += [f"### {markdown.code(d.path)}", ""] + markdown.findings_table(d) + [""]
    return "\n".join(out)


def append_step_summary(report: Report, environ: Optional[Mapping[str, str]] = None) -> Optional[Path]:
    """Append :func:`job_summary` to the file ``$GITHUB_STEP_SUMMARY`` names, if set.

    Returns the path written, or None when not running in GitHub Actions.
    """
    target = (os.environ if environ is None else environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(job_summary(report) + "\n")
    except OSError as exc:
        raise ClaimcheckError(Errors.E070.format(path=target, reason=exc.strerror or exc)) from None
    return path
