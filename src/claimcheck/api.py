"""The library API: the whole program, with the CLI as a thin layer on top.

>>> from claimcheck import check_text
>>> doc_report = check_text("On Monday, 12 people were killed.", published="2024-11-20")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Union

from . import __version__
from .batch import Discovery, Job, run_jobs
from .engine import DateLike, Options, as_date, check_documents, iter_reports
from .inputs import read_document, read_text
from .models import DocumentReport, Report

__all__ = ["Options", "as_date", "check_documents", "iter_reports", "check_text", "check_file", "check_paths"]


def check_text(
    text: str,
    published: DateLike = None,
    path: str = "<text>",
    options: Options | None = None,
) -> DocumentReport:
    """Check an article given as a string."""
    options = options or Options()
    if published is not None:
        options.published = as_date(published)
    return check_documents([read_text(text, path)], options)[0]


def check_file(path: Union[str, Path], options: Options | None = None) -> DocumentReport:
    """Check one article file; input problems raise :class:`ClaimcheckError`."""
    options = options or Options()
    return check_documents([read_document(path, options.max_bytes)], options)[0]


def check_paths(
    paths: Sequence[Union[str, Path]], options: Options | None = None, jobs: int = 1
) -> Report:
    """Check files, directories and globs with the same options; a bad file gets an
    ``error`` entry, the rest go on. ``jobs > 1`` checks in that many processes."""
    options = options or Options()
    found = Discovery().paths(str(p) for p in paths)
    documents = run_jobs([Job(path=p, options=options) for p in found], workers=jobs)
    return Report(claimcheck=__version__, documents=documents).summarize()
