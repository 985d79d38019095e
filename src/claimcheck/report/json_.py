"""``--format json``: the report exactly as DESIGN §5 specifies (a contract)."""

from __future__ import annotations

from ..models import Report


def render(report: Report, *, color: bool = False) -> str:
    return report.model_dump_json(indent=2) + "\n"
