"""Baselines: accept today's findings, report only new ones.

``--write-baseline FILE`` records every finding of a run; ``--baseline FILE``
hides the recorded ones. A finding is keyed on its article (the path relative
to the baseline file), its rule and its ``fingerprint`` — a hash of the rule
code and the normalized text of the claims involved, computed in
:mod:`claimcheck.rules.base` — never on line numbers, so an accepted finding
stays accepted when the article is edited around it. Keys are counted: if an
article gains a second identical finding, the second one is reported.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError, Errors
from .models import Finding, Report
from .rules.base import normalize_text

FORMAT_VERSION = 1


class BaselineEntry(BaseModel):
    """One accepted finding (``message`` and ``line`` are for people reading the file)."""

    model_config = ConfigDict(extra="forbid")

    path: str
    rule: str
    fingerprint: str
    message: str = ""
    line: int = 0


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    version: int = Field(default=FORMAT_VERSION, alias="claimcheck-baseline")
    findings: list[BaselineEntry] = Field(default_factory=list)


Key = tuple[str, str, str]


def fingerprint(finding: Finding) -> str:
    """The finding's fingerprint; one from rule and message when a rule set none."""
    if finding.fingerprint:
        return finding.fingerprint
    key = f"{finding.rule}|{normalize_text(finding.message)}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def path_key(path: str, base_dir: Path) -> str:
    """``path`` relative to the baseline's folder, with forward slashes (``<stdin>`` as is)."""
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.relpath(Path(path).resolve(), base_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def write_baseline(report: Report, file: Path) -> int:
    """Record every finding of ``report`` in ``file``; returns how many."""
    base_dir = file.parent
    entries = [
        BaselineEntry(
            path=path_key(d.path, base_dir),
            rule=f.rule,
            fingerprint=fingerprint(f),
            message=f.message,
            line=f.span.line,
        )
        for d in report.documents
        for f in d.findings
    ]
    data = BaselineFile(findings=entries).model_dump_json(by_alias=True, indent=2)
    try:
        file.write_text(data + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(Errors.E023.format(path=file, reason=exc.strerror or exc)) from None
    return len(entries)


def load_baseline(file: Path) -> Counter[Key]:
    """The accepted findings in ``file``, counted by key."""
    try:
        parsed = BaselineFile.model_validate_json(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(Errors.E023.format(path=file, reason=exc.strerror or exc)) from None
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "file"
        raise ConfigError(Errors.E023.format(path=file, reason=f"{where}: {err['msg']}")) from None
    if parsed.version != FORMAT_VERSION:
        raise ConfigError(Errors.E023.format(path=file, reason=f"unsupported version {parsed.version}"))
    return Counter((e.path, e.rule, e.fingerprint) for e in parsed.findings)


def apply_baseline(report: Report, file: Path) -> int:
    """Drop the findings ``file`` accepts from ``report`` (in place); returns how many."""
    accepted = load_baseline(file)
    hidden = 0
    for d in report.documents:
        kept = []
        for f in d.findings:
            key = (path_key(d.path, file.parent), f.rule, fingerprint(f))
            if accepted[key] > 0:
                accepted[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        d.findings = kept
    report.summarize()
    return hidden
