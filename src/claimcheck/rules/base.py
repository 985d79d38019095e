"""What every rule is: declarative metadata plus one method that yields findings.

Rules read claims (and the dates the pipeline resolved), never raw text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, Optional

from ..models import (
    Claim,
    DateValue,
    Excerpt,
    Finding,
    Frame,
    NameMention,
    Person,
    Severity,
    Span,
)


@dataclass
class CheckContext:
    """Everything a rule may read about one article."""

    claims: Sequence[Claim]
    published: Optional[date] = None
    dates: Sequence[DateValue] = field(default_factory=list)
    people: Sequence[Person] = field(default_factory=list)
    frames: Sequence[Frame] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)


def normalize_text(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class Rule:
    """Base class. Subclasses set ``code``, ``name``, ``severity`` and a docstring
    with the sections *What it does*, *Why is this bad?*, *Example*, *Use instead*."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    groups: ClassVar[tuple[str, ...]] = ()

    def check(self, ctx: CheckContext) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The first docstring line."""
        return (cls.__doc__ or "").strip().splitlines()[0].strip()

    def finding(
        self,
        message: str,
        span: Span,
        sides: Iterable[tuple[Claim | Frame | NameMention, str]] = (),
        suggestion: Optional[str] = None,
        severity: Optional[Severity] = None,
    ) -> Finding:
        """A finding whose evidence is ``sides``: (claim, role) pairs.

        ``severity`` overrides the rule's default for this one finding (a rule
        may grade its findings, e.g. a weekday off by one day is only a warning).
        """
        sides = list(sides)
        texts = sorted(normalize_text(c.span.text + " " + c.sentence) for c, _ in sides)
        key = "|".join([self.code] + (texts or [normalize_text(span.text)]))
        return Finding(
            rule=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            span=span,
            evidence=[c.id for c, _ in sides],
            excerpts=[Excerpt(claim=c.id, role=role, span=c.span) for c, role in sides],
            suggestion=suggestion,
            fingerprint=hashlib.sha1(key.encode()).hexdigest()[:16],
        )
