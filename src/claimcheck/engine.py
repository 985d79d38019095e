"""Checking documents: the pipeline over a stream of articles, then the rules over each.

:func:`iter_reports` is the one path every entry point takes (``check_text``,
``check_file``, batches and their worker processes): it loads the pipeline once,
streams the documents through ``nlp.pipe`` and turns each analyzed doc into a
:class:`~claimcheck.models.DocumentReport`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Optional, Union

from .checker import check_claims
from .errors import ClaimcheckError, Errors
from .inputs import MAX_BYTES, Document, parse_date
from .models import DocumentReport, Severity
from .suppress import apply_suppressions, parse_suppressions, unused_warnings
from .textmap import remember_text

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DateLike = Union[date, str, None]

# Objects allocated between young-generation collections while a stream runs. The pipeline
# makes many short-lived objects per article (tokens, spans, records); at Python's default
# (700) the collector runs every few sentences and walks the model's objects again and
# again. Cyclic garbage is still collected, in larger, rarer passes (benchmarks/throughput.py).
STREAM_GC_THRESHOLD = 20_000


@dataclass
class Options:
    """How to check: the model and which rules, at which severities."""

    model: Optional[str] = None
    published: Optional[date] = None
    select: Optional[list[str]] = None
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    batch_size: int = 16
    max_bytes: int = MAX_BYTES
    warn_unused_ignores: bool = False


def as_date(value: DateLike) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    parsed = parse_date(value)
    if parsed is None or not str(value).strip()[:10] == parsed.isoformat():
        raise ClaimcheckError(Errors.E030.format(value=value))
    return parsed


def analyze(documents: Sequence[Document], nlp: "Language", batch_size: int = 16) -> Iterator["Doc"]:
    """Run the pipeline over documents (in one ``nlp.pipe`` stream), in order; while the
    stream runs, the garbage collector's young generation waits for ``STREAM_GC_THRESHOLD``
    allocations (restored when the stream ends or is closed)."""

    def prepared() -> Iterator["Doc"]:
        for d in documents:
            doc = nlp.make_doc(d.text)
            remember_text(doc, d.text)
            doc._.cc_published = d.published
            doc._.cc_published_source = d.published_source if d.published else None
            doc._.cc_source_map = d.source_map
            doc._.cc_regions = d.regions
            yield doc

    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], STREAM_GC_THRESHOLD), *thresholds[1:])
    try:
        yield from nlp.pipe(prepared(), batch_size=batch_size)
    finally:
        gc.set_threshold(*thresholds)


def report_document(document: Document, doc: "Doc", options: Options) -> DocumentReport:
    """The report of one analyzed document: its claims, dates and findings."""
    claims = list(doc._.cc_claims or [])
    dates = [t.to_date_value(doc) for t in (doc._.cc_timexes or [])]
    published: Optional[date] = doc._.cc_published
    people = list(doc._.cc_people or [])
    frames = list(doc._.cc_frames or [])
    findings = check_claims(
        claims,
        published=published,
        dates=dates,
        people=people,
        frames=frames,
        select=options.select,
        ignore=options.ignore,
        severities=options.severities,
    )
    return DocumentReport(
        path=document.path,
        published=published.isoformat() if published else None,
        published_source=doc._.cc_published_source if published else None,
        published_from=doc._.cc_published_from,
        title=document.title,
        text=document.file_text,
        claims=claims,
        dates=dates,
        people=people,
        frames=frames,
        findings=findings,
        warnings=list(document.warnings),
    )


def _with_cli_date(document: Document, options: Options) -> Document:
    if options.published is not None:
        document.published = options.published
        document.published_source = "cli"
    return document


def _suppress(document: Document, report: DocumentReport, options: Options) -> DocumentReport:
    """Drop the findings the article's suppression comments cover (Markdown and HTML only)."""
    if not document.markup:
        return report
    suppressions = parse_suppressions(document.file_text)
    report.findings = apply_suppressions(report.findings, suppressions)
    if options.warn_unused_ignores:
        report.warnings.extend(unused_warnings(suppressions, document.path))
    return report


def iter_reports(documents: Sequence[Document], options: Options | None = None) -> Iterator[DocumentReport]:
    """Reports of ``documents``, in order, as the pipeline streams them (one model load).

    A document longer than the model accepts gets a report with an ``error``.
    """
    from .nlp import build_pipeline

    options = options or Options()
    nlp = build_pipeline(options.model)
    nlp.max_length = max(nlp.max_length, options.max_bytes)
    fits = [len(d.text) <= nlp.max_length for d in documents]
    docs = [_with_cli_date(d, options) for d, ok in zip(documents, fits) if ok]
    analyzed = zip(docs, analyze(docs, nlp, options.batch_size))
    for document, ok in zip(documents, fits):
        if not ok:
            error = Errors.E009.format(path=document.path, chars=len(document.text), limit=nlp.max_length)
            yield DocumentReport(path=document.path, error=error)
            continue
        d, sd = next(analyzed)
        yield _suppress(d, report_document(d, sd, options), options)


def check_documents(documents: Iterable[Document], options: Options | None = None) -> list[DocumentReport]:
    """Reports of ``documents``, in order (see :func:`iter_reports`)."""
    return list(iter_reports(list(documents), options))
