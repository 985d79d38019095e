"""One renderer module per output format, all reading the same :class:`Report`.

Each module exposes ``render(report, *, color=False) -> str``.
"""

from __future__ import annotations

from importlib import import_module

from ..models import Report

#: format name -> module under claimcheck.report
RENDERERS: dict[str, str] = {
    "human": "human",
    "json": "json_",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "html": "html",
    "line": "line",
}


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    module = import_module(f"{__name__}.{RENDERERS[fmt]}")
    return module.render(report, color=color)
