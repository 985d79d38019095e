"""``--format sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps).

One run; the driver lists the whole rule catalog (plus any rule a finding
names that the catalog lacks), each result points at its span and carries the
evidence excerpts as related locations. Files that could not be checked are
tool-execution notifications, so the run is marked unsuccessful.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from ..models import DocumentReport, Finding, Report, Span
from ..rules import RULES, Rule
from ..rules.docs import rule_description, rule_markdown
from .common import SARIF_LEVELS, end_position, relative_path
from .sarif_models import (
    Artifact,
    ArtifactContent,
    ArtifactLocation,
    Invocation,
    Location,
    Message,
    MultiformatMessageString,
    Notification,
    PhysicalLocation,
    Region,
    ReportingConfiguration,
    ReportingDescriptor,
    Result,
    Run,
    SarifLog,
    Tool,
    ToolComponent,
    dump,
)

#: The key of ``partialFingerprints``: rule plus normalized claim text.
FINGERPRINT_KEY = "claimcheck/v1"


def artifact_uri(path: str) -> str:
    """A relative URI reference for a document path ('docs/my article.md' -> 'docs/my%20article.md')."""
    return quote(relative_path(path), safe="/")


def artifact(path: str) -> ArtifactLocation:
    return ArtifactLocation(uri=artifact_uri(path))


def region(span: Span) -> Region:
    """The SARIF region of a span (columns in Unicode code points)."""
    end_line, end_column = end_position(span)
    return Region(
        start_line=span.line,
        start_column=span.column,
        end_line=end_line,
        end_column=end_column,
        char_offset=span.start,
        char_length=max(span.end - span.start, 0),
        snippet=ArtifactContent(text=span.text) if span.text else None,
    )


def location(uri: str, span: Span, *, id: int | None = None, message: str | None = None) -> Location:
    return Location(
        id=id,
        physical_location=PhysicalLocation(artifact_location=ArtifactLocation(uri=uri), region=region(span)),
        message=Message(text=message) if message else None,
    )


def descriptor(rule: type[Rule]) -> ReportingDescriptor:
    """A rule of the catalog, with its docstring as the help text."""
    page = rule_markdown(rule)
    return ReportingDescriptor(
        id=rule.code,
        name=rule.name,
        short_description=MultiformatMessageString(text=rule.summary() or rule.name),
        full_description=MultiformatMessageString(text=rule_description(rule) or rule.name),
        help=MultiformatMessageString(text=page, markdown=page),
        default_configuration=ReportingConfiguration(level=SARIF_LEVELS[rule.severity]),  # type: ignore[arg-type]
    )


def fallback_descriptor(finding: Finding) -> ReportingDescriptor:
    """A descriptor for a rule the catalog does not list (a plugin, an older report)."""
    return ReportingDescriptor(
        id=finding.rule,
        name=finding.name,
        short_description=MultiformatMessageString(text=finding.name),
        default_configuration=ReportingConfiguration(level=SARIF_LEVELS[finding.severity]),  # type: ignore[arg-type]
    )


def descriptors(report: Report, rules: Sequence[type[Rule]]) -> list[ReportingDescriptor]:
    """The catalog, then any rule the findings name that it lacks, in first-seen order."""
    out = [descriptor(r) for r in rules]
    known = {r.code for r in rules}
    for d in report.documents:
        for f in d.findings:
            if f.rule not in known:
                known.add(f.rule)
                out.append(fallback_descriptor(f))
    return out


def result(d: DocumentReport, f: Finding, rule_index: dict[str, int]) -> Result:
    """One finding as a SARIF result."""
    uri = artifact_uri(d.path)
    text = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
    related = [
        location(uri, ex.span, id=i, message=f"{ex.role} ({ex.claim}): {ex.span.text}")
        for i, ex in enumerate(f.excerpts, start=1)
    ]
    return Result(
        rule_id=f.rule,
        rule_index=rule_index[f.rule],
        level=SARIF_LEVELS[f.severity],  # type: ignore[arg-type]
        message=Message(text=text),
        locations=[location(uri, f.span)],
        related_locations=related,
        partial_fingerprints={FINGERPRINT_KEY: f.fingerprint} if f.fingerprint else {},
        properties={"evidence": f.evidence} | ({"suggestion": f.suggestion} if f.suggestion else {}),
    )


def invocation(report: Report) -> Invocation:
    """Successful unless a file could not be checked; each such file is a notification."""
    notes = [
        Notification(
            message=Message(text=d.error),
            locations=[Location(physical_location=PhysicalLocation(artifact_location=artifact(d.path)))],
        )
        for d in report.documents
        if d.error
    ]
    return Invocation(execution_successful=not notes, tool_execution_notifications=notes)


def sarif_log(report: Report, rules: Sequence[type[Rule]] = RULES) -> SarifLog:
    """The report as a typed SARIF log."""
    rule_list = descriptors(report, rules)
    index = {r.id: i for i, r in enumerate(rule_list)}
    results = [result(d, f, index) for d in report.documents for f in d.findings]
    run = Run(
        tool=Tool(driver=ToolComponent(name="claimcheck", version=report.claimcheck,
                                       semantic_version=report.claimcheck, rules=rule_list)),
        invocations=[invocation(report)],
        artifacts=[Artifact(location=artifact(d.path)) for d in report.documents],
        results=results,
    )
    return SarifLog(runs=[run])


def render(report: Report, *, color: bool = False) -> str:
    """The report as SARIF 2.1.0 JSON."""
    return dump(sarif_log(report))
