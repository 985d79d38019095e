"""claimcheck: a static fact-checker for news reporting.

The library API is the whole program; the CLI is a thin layer over it::

    from claimcheck import check_text
    report = check_text(article, published="2024-11-20")
    for finding in report.findings: ...

Importing this package does not import spaCy: the model loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check_text", "check_file", "check_paths"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import check_file, check_paths, check_text


def __getattr__(name: str) -> Any:
    if name in {"check_text", "check_file", "check_paths"}:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
