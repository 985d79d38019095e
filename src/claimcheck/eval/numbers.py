"""Scoring the quantities component against number specs.

Two public formats are read (see ``docs/quantities.md``):

* Microsoft Recognizers-Text specs (``NumberModel.json``,
  ``NumberRangeModel.json``): ``{"Input", "Results": [{"Text", "TypeName",
  "Resolution": {"value"}, "Start", "End"}]}`` with ``End`` inclusive; a
  ``numberrange`` value is an interval like ``(20,35]`` or ``[30,)``;
* quantulum3's test data (``quantities.json``): ``{"req", "res": [{"surface",
  "value", "unit", "uncertainty"}]}``; a range is its midpoint ± uncertainty.

Matching is one-to-one in text order: a gold number is *found* when a
predicted mention overlaps its characters. Precision counts predicted mentions
that overlap a gold one; *value accuracy* is the share of found numbers whose
predicted value equals the gold value; for gold intervals, *bounds exact*
needs equal low and high (an open side must be open), and *inclusive*
additionally equal inclusivity.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..errors import Errors, InputError
from . import precision_recall_f1

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

    from ..pipeline.quantities import QuantityMention

_INTERVAL = re.compile(r"^([\[(])\s*([-+0-9.eE]*)\s*,\s*([-+0-9.eE]*)\s*([\])])$")


@dataclass
class Gold:
    """One gold number: characters ``[start, end)`` and its value or interval."""

    start: int
    end: int
    text: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    interval: bool = False  # scored on its bounds, not a single value


@dataclass
class Case:
    """A sentence and its gold numbers."""

    text: str
    gold: list[Gold]


@dataclass
class Scores:
    """Counts over a corpus, and the misses for inspection."""

    gold: int = 0
    predicted: int = 0
    found: int = 0  # gold numbers overlapped by a prediction
    correct_predictions: int = 0  # predictions overlapping some gold number
    values: int = 0  # found single-value golds
    values_right: int = 0
    intervals: int = 0  # found interval golds
    bounds_exact: int = 0
    inclusive_exact: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return precision_recall_f1(self.correct_predictions, self.predicted, self.found, self.gold, empty=1.0)[0]

    @property
    def recall(self) -> float:
        return precision_recall_f1(self.correct_predictions, self.predicted, self.found, self.gold, empty=1.0)[1]

    @property
    def f1(self) -> float:
        return precision_recall_f1(self.correct_predictions, self.predicted, self.found, self.gold, empty=1.0)[2]

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.values if self.values else 1.0

    @property
    def bounds_accuracy(self) -> float:
        return self.bounds_exact / self.intervals if self.intervals else 1.0

    def line(self) -> str:
        """One summary line of the scores."""
        text = (
            f"gold {self.gold}, predicted {self.predicted}: P {self.precision:.3f} R {self.recall:.3f} "
            f"F1 {self.f1:.3f}; value accuracy {self.value_accuracy:.3f} ({self.values_right}/{self.values})"
        )
        if self.intervals:
            text += (
                f"; intervals bounds exact {self.bounds_exact}/{self.intervals}"
                f", with inclusivity {self.inclusive_exact}/{self.intervals}"
            )
        return text


def parse_interval(text: str) -> tuple[Optional[float], Optional[float], bool, bool]:
    """``"(20,35]"`` → (20.0, 35.0, False, True); an empty side is open (None)."""
    m = _INTERVAL.match(text.strip())
    if m is None:
        raise ValueError(f"not an interval: {text!r}")
    low = float(m[2]) if m[2] else None
    high = float(m[3]) if m[3] else None
    return low, high, m[1] == "[", m[4] == "]"


def load_cases(path: str | Path) -> list[Case]:
    """The cases of a Recognizers-Text or quantulum3 JSON file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(Errors.E005.format(path=path, reason=exc)) from None
    if not isinstance(data, list) or not data or not isinstance(data[0], dict):
        raise InputError(Errors.E020.format(path=path, reason="not a list of number specs"))
    if "Input" in data[0]:
        return [_recognizers_case(item) for item in data]
    if "req" in data[0]:
        return [_quantulum_case(item) for item in data]
    raise InputError(Errors.E020.format(path=path, reason="neither Recognizers-Text nor quantulum3 specs"))


def _recognizers_case(item: dict) -> Case:
    text = item["Input"]
    gold = []
    for res in item.get("Results", []):
        start, end = res["Start"], res["End"] + 1
        value = res["Resolution"]["value"]
        if res.get("TypeName") == "numberrange":
            low, high, low_inc, high_inc = parse_interval(value)
            gold.append(Gold(start, end, text[start:end], None, low, high, low_inc, high_inc, interval=True))
        else:
            gold.append(Gold(start, end, text[start:end], float(value)))
    return Case(text, gold)


def _quantulum_case(item: dict) -> Case:
    text = item["req"]
    gold = []
    pos = 0
    for res in item.get("res", []):
        start = text.find(res["surface"], pos)
        if start < 0:
            start = text.find(res["surface"])
        end = start + len(res["surface"])
        pos = end
        value = float(res["value"])
        spread = res.get("uncertainty")
        if spread:
            gold.append(Gold(start, end, res["surface"], value, value - spread, value + spread))
        else:
            gold.append(Gold(start, end, res["surface"], value))
    return Case(text, gold)


def quantities_of(nlp: "Language") -> Callable[[str], list["QuantityMention"]]:
    """A predictor: the pipeline's components up to ``claimcheck_quantities``."""

    def predict(text: str) -> list["QuantityMention"]:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            if name == "claimcheck_quantities":
                break
        return doc._.cc_quantities or []

    return predict


def score(cases: Iterable[Case], predict: Callable[[str], list["QuantityMention"]]) -> Scores:
    """Scores of ``predict`` on ``cases``."""
    scores = Scores()
    for case in cases:
        _score_case(case, predict(case.text), scores)
    return scores


def _score_case(case: Case, predicted: list["QuantityMention"], scores: Scores) -> None:
    scores.gold += len(case.gold)
    scores.predicted += len(predicted)
    used: set[int] = set()
    for gold in case.gold:
        k = next(
            (k for k, m in enumerate(predicted) if k not in used and m.start < gold.end and gold.start < m.end),
            None,
        )
        if k is None:
            scores.misses.append(f"missed {gold.text!r} in {case.text!r}")
            continue
        used.add(k)
        scores.found += 1
        _score_value(gold, predicted[k], scores, case.text)
    scores.correct_predictions += sum(
        1 for m in predicted if any(m.start < g.end and g.start < m.end for g in case.gold)
    )
    for k, m in enumerate(predicted):
        if k not in used and not any(m.start < g.end and g.start < m.end for g in case.gold):
            scores.misses.append(f"spurious {m.quantity.text!r} in {case.text!r}")


def _score_value(gold: Gold, mention: "QuantityMention", scores: Scores, text: str) -> None:
    q = mention.quantity
    if gold.interval:
        scores.intervals += 1
        if _same(q.low, gold.low) and _same(q.high, gold.high):
            scores.bounds_exact += 1
            low_ok = gold.low is None or q.low_inclusive == gold.low_inclusive
            high_ok = gold.high is None or q.high_inclusive == gold.high_inclusive
            scores.inclusive_exact += low_ok and high_ok
        else:
            scores.misses.append(f"bounds {q.text!r} [{q.low}, {q.high}] != [{gold.low}, {gold.high}] in {text!r}")
        return
    scores.values += 1
    if _same(q.value, gold.value):
        scores.values_right += 1
    else:
        scores.misses.append(f"value {q.text!r} {q.value} != {gold.value} in {text!r}")


def _same(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
