"""``--format json``: the report exactly as DESIGN §5 specifies (a contract)."""

from __future__ import annotations

from ..models import Report


def render(report: Report, *, color: bool = False) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_statistics(report: Report) -> str:
    """``--statistics --format json``: findings per rule, most frequent first."""
    import json
    from dataclasses import asdict

    from .common import rule_counts

    return json.dumps([asdict(row) for row in rule_counts(report)], indent=2) + "\n"
