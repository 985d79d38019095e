"""``--format line``: ``path:line:col: CODE [severity] message``, one finding a line."""

from __future__ import annotations

from ..models import Report


def one_line(message: str) -> str:
    """``message`` with its line breaks folded to spaces."""
    return " ".join(message.split())


def render(report: Report, *, color: bool = False) -> str:
    lines = []
    for d in report.documents:
        if d.error:
            lines.append(f"{d.path}:1:1: E000 [error] {one_line(d.error)}")
        for f in d.findings:
            lines.append(f"{d.path}:{f.span.line}:{f.span.column}: {f.rule} [{f.severity}] {one_line(f.message)}")
    return "".join(line + "\n" for line in lines)
