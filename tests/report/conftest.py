"""A hand-built report for the renderer tests: no model, every claim kind, every severity.

The article is a made-up flood report (not from any corpus) with characters
that each format must escape: ``<``, ``&``, ``%``, ``,``, ``:``, ``|``, quotes.
"""

from __future__ import annotations

import pytest

from claimcheck.models import (
    CasualtyClaim,
    DateValue,
    DocumentReport,
    EventClaim,
    Excerpt,
    Finding,
    Quantity,
    QuoteClaim,
    Report,
    Source,
    Speaker,
    Span,
)

ARTICLE = """date: 2024-06-20
title: Floods in <Valley> & beyond

Officials said on Monday, June 17, 2024, that at least 42 people were killed in the floods.
"We have never seen water like this | not once," said Governor Ana Ruiz.
Rescue teams began arriving on June 10, 2024, according to the Red Cross.
A convoy of rescue teams reached the valley on June 3, 2023, officials said.
The toll later fell to 38 dead, according to local media.
"""


def span_of(text: str, needle: str) -> Span:
    """The file span of the first ``needle`` in ``text``, with 1-based line and column."""
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=start + len(needle), line=line, column=column, text=needle)


def sentence_of(text: str, needle: str) -> tuple[str, Span]:
    """The line holding ``needle``, as the claim's sentence and sentence span."""
    start = text.rfind("\n", 0, text.index(needle)) + 1
    sentence = text[start : text.index("\n", start)]
    return sentence, span_of(text, sentence)


def day(value: str, text: str) -> DateValue:
    return DateValue(text=text, value=value, start=value, end=value, precision="day")


def build_claims(text: str) -> list:
    def base(cid: str, needle: str) -> dict:
        sentence, sentence_span = sentence_of(text, needle)
        return {"id": cid, "span": span_of(text, needle), "sentence": sentence, "sentence_span": sentence_span}

    return [
        CasualtyClaim(
            **base("c1", "at least 42 people were killed"),
            quantity=Quantity(text="at least 42", value=42, low=42, hedge="at least", noun="people"),
            outcome="killed",
            date=day("2024-06-17", "Monday, June 17, 2024"),
            sources=[Source(text="Officials", name="officials", kind="government", cue="said")],
            modality="reported",
        ),
        QuoteClaim(
            **base("c2", "We have never seen water like this | not once,"),
            quote="We have never seen water like this | not once,",
            speaker=Speaker(text="Governor Ana Ruiz", name="Ana Ruiz", role="Governor"),
            cue="said",
        ),
        EventClaim(
            **base("c3", "began arriving"),
            what="rescue teams began arriving",
            phase="onset",
            date=day("2024-06-10", "June 10, 2024"),
            sources=[Source(text="the Red Cross", name="Red Cross", kind="org", cue="according to")],
        ),
        EventClaim(
            **base("c4", "reached the valley"),
            what="convoy reached the valley",
            date=day("2023-06-03", "June 3, 2023"),
        ),
        CasualtyClaim(
            **base("c5", "38 dead"),
            quantity=Quantity(text="38", value=38),
            outcome="killed",
            cumulative=True,
            sources=[Source(text="local media", name="local media", kind="media", cue="according to", vague=True)],
        ),
    ]


def build_findings(claims: list) -> list[Finding]:
    by_id = {c.id: c for c in claims}
    c1, c3, c4, c5 = by_id["c1"], by_id["c3"], by_id["c4"], by_id["c5"]
    return [
        Finding(
            rule="CC101",
            name="event-before-onset",
            severity="error",
            message="Event dated 2023-06-03, before the onset: 2024-06-10 (100% of the sides agree)",
            span=c4.span,
            evidence=["c4", "c3"],
            excerpts=[Excerpt(claim="c4", role="event", span=c4.span), Excerpt(claim="c3", role="onset", span=c3.span)],
            suggestion="did you mean 2024-06-03?",
            fingerprint="0123456789abcdef",
        ),
        Finding(
            rule="CC202",
            name="cumulative-decrease",
            severity="warning",
            message="The toll falls from 42 to 38.\nCheck the later figure.",
            span=c5.span,
            evidence=["c5", "c1"],
            excerpts=[Excerpt(claim="c5", role="later total", span=c5.span),
                      Excerpt(claim="c1", role="earlier total", span=c1.span)],
            fingerprint="fedcba9876543210",
        ),
        Finding(
            rule="CC303",
            name="vague-attribution",
            severity="info",
            message="The figure rests only on 'local media'.",
            span=c5.span,
            evidence=["c5"],
            excerpts=[Excerpt(claim="c5", role="figure", span=c5.span)],
        ),
    ]


def build_report(*, with_text: bool = True, path: str = "news/floods <2024>.md") -> Report:
    claims = build_claims(ARTICLE)
    checked = DocumentReport(
        path=path,
        published="2024-06-20",
        published_source="front-matter",
        title="Floods in <Valley> & beyond",
        claims=claims,
        findings=build_findings(claims),
        text=ARTICLE if with_text else None,
    )
    failed = DocumentReport(path="missing.txt", error="[E001] missing.txt: no such file or directory")
    return Report(claimcheck="0.1.0", documents=[checked, failed]).summarize()


@pytest.fixture
def article() -> str:
    return ARTICLE


@pytest.fixture
def report() -> Report:
    """Two documents: the flood article (3 findings, one per severity) and an unreadable file."""
    return build_report()


@pytest.fixture
def report_without_text() -> Report:
    """The same report as a JSON round trip gives it: no article text, so sentences are shown."""
    return build_report(with_text=False)


@pytest.fixture
def many_findings_report() -> Report:
    """One article with 14 errors, 12 warnings and 3 infos, all on distinct lines."""
    text = "".join(f"Line {i}: 10 people were killed.\n" for i in range(1, 30))
    findings = []
    for i in range(1, 30):
        severity = "error" if i <= 14 else "warning" if i <= 26 else "info"
        span = span_of(text, f"Line {i}:")
        findings.append(Finding(rule="CC201", name="count-conflict", severity=severity, message=f"m{i}", span=span))
    doc = DocumentReport(path="many.txt", findings=findings)
    return Report(claimcheck="0.1.0", documents=[doc]).summarize()
