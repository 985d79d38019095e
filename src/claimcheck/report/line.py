"""``--format line``: ``path:line:col: CODE [severity] message``, one finding a line."""

from __future__ import annotations

from ..models import Report


def render(report: Report, *, color: bool = False) -> str:
    lines = []
    for d in report.documents:
        if d.error:
            lines.append(f"{d.path}:1:1: E000 [error] {d.error}")
        for f in d.findings:
            lines.append(f"{d.path}:{f.span.line}:{f.span.column}: {f.rule} [{f.severity}] {f.message}")
    return "".join(line + "\n" for line in lines)
