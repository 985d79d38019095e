"""The temporal engine's record: one TIMEX3 with its resolved interval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Optional

from ..models import DateValue

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


@dataclass
class Timex:
    """A temporal expression at ``[start, end)`` of the tagged text.

    ``type``/``value``/``mod`` are written as TimeML writes them; ``begin`` and
    ``last`` bound the calendar interval it denotes (both None for sets,
    undetermined values like ``PAST_REF`` and plain durations). A duration
    that points to a date ("a week earlier", "ten years from now", DURATION
    ``P1W`` for TimeML) keeps the interval it points to.

    ``impossible`` marks a day its month lacks ("April 31, 2005"): ``value``
    keeps it as written (``2005-04-31``) and ``begin``/``last`` cover the month.
    ``range_role`` and ``range_other`` link the two ends of a range the text
    writes ("from May 3 to May 8": :mod:`.ranges`); ``rule`` is the grammar rule
    that found the expression; ``year_given`` marks a relative expression whose words
    still fix the year ("August this year", "last March").
    """

    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str = ""
    mod: Optional[str] = None
    begin: Optional[date] = None
    last: Optional[date] = None
    precision: Optional[str] = None
    modifier: Optional[str] = None
    relative: bool = False
    anchor: Optional[str] = None
    anchor_text: Optional[str] = None
    weekday: Optional[int] = None  # weekday stated with the date, 0 = Monday
    impossible: bool = False
    range_role: Optional[str] = None  # "start" or "end"
    range_other: Optional[tuple[int, int]] = None  # [start, end) of the range's other end
    rule: Optional[str] = None
    year_given: bool = False  # relative, yet the words give the year: "August this year", "last March"

    @property
    def is_dated(self) -> bool:
        """A point or stretch of the calendar: resolved, or one the text gives without
        enough to resolve it ("Monday" with no publication date, ``XXXX-WXX-1``)."""
        if self.begin is not None:
            return True
        return self.type in ("DATE", "TIME") and self.value[:4].isdigit() or self.value.startswith("XXXX")

    def to_date_value(self, doc: "Doc | None" = None) -> DateValue:
        """The public record; with ``doc``, carries the span in file coordinates."""
        from ..textmap import make_span

        return DateValue(
            text=self.text,
            value=self.value,
            type=self.type,  # type: ignore[arg-type]
            mod=self.mod,
            start=self.begin.isoformat() if self.begin else None,
            end=self.last.isoformat() if self.last else None,
            precision=self.precision,  # type: ignore[arg-type]
            modifier=self.modifier,  # type: ignore[arg-type]
            relative=self.relative,
            anchor=self.anchor,
            anchor_text=self.anchor_text,
            weekday=self.weekday,
            impossible=self.impossible,
            range_role=self.range_role,  # type: ignore[arg-type]
            range_with=make_span(doc, *self.range_other) if doc is not None and self.range_other else None,
            span=make_span(doc, self.start, self.end) if doc is not None else None,
        )
