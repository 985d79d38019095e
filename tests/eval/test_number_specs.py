"""The number-spec scorer on hand-made cases, and the quantities component on the real specs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.eval.numbers import Case, Gold, load_cases, parse_interval, quantities_of, score
from claimcheck.models import Quantity
from claimcheck.pipeline.quantities import QuantityMention

#: ``../shared/data/numbers`` beside the project, as ``tests/conftest.py``'s ``SHARED_DATA``
#: (not imported: another ``conftest`` module may shadow the name).
NUMBERS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "numbers"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.mark.parametrize(
    "text,expected",
    [
        ("(20,35]", (20.0, 35.0, False, True)),
        ("[30,)", (30.0, None, True, False)),
        ("(,100]", (None, 100.0, False, True)),
        ("[-10,15)", (-10.0, 15.0, True, False)),
    ],
)
def test_parse_interval(text, expected):
    assert parse_interval(text) == expected


@pytest.mark.parametrize(
    "record,gold",
    [
        (
            {"Input": "more than 30", "Results": [{"Text": "more than 30", "TypeName": "numberrange",
                                                   "Resolution": {"value": "(30,)"}, "Start": 0, "End": 11}]},
            Gold(0, 12, "more than 30", None, 30.0, None, False, False, interval=True),
        ),
        (
            {"req": "3 to 4 L of wine", "res": [{"surface": "3 to 4 L", "value": 3.5, "unit": "litre", "uncertainty": 0.5}]},
            Gold(0, 8, "3 to 4 L", 3.5, 3.0, 4.0),
        ),
    ],
)
def test_load_cases_reads_both_formats(tmp_path: Path, record, gold):
    path = tmp_path / "specs.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    assert load_cases(path)[0].gold == [gold]


@pytest.mark.parametrize("content", ['{"not": "a list"}', "[]", '[{"other": 1}]'])
def test_load_cases_rejects_other_json(tmp_path: Path, content):
    path = tmp_path / "specs.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_cases(path)


def mention(start: int, end: int, text: str, **fields) -> QuantityMention:
    return QuantityMention(start, end, Quantity(text=text, **fields))


@pytest.mark.parametrize(
    "predicted,counts",
    [
        ([mention(0, 2, "30", value=30.0, low=30.0, high=30.0)], (1, 1, 1, 0)),  # found, right value
        ([mention(0, 2, "30", value=31.0)], (1, 1, 0, 0)),  # found, wrong value
        ([], (0, 0, 0, 0)),  # missed
        ([mention(3, 5, "to", value=1.0)], (0, 0, 0, 1)),  # spurious
    ],
)
def test_score_counts(predicted, counts):
    case = Case("30 to", [Gold(0, 2, "30", 30.0)])
    s = score([case], lambda text: predicted)
    spurious = s.predicted - s.correct_predictions
    assert (s.found, s.correct_predictions, s.values_right, spurious) == counts


@pytest.mark.parametrize(
    "low,high,low_inclusive,exact,inclusive",
    [(30.0, None, False, 1, 1), (30.0, None, True, 1, 0), (30.0, 40.0, False, 0, 0)],
)
def test_score_intervals(low, high, low_inclusive, exact, inclusive):
    case = Case("more than 30", [Gold(0, 12, "more than 30", None, 30.0, None, False, False, interval=True)])
    predicted = [mention(0, 12, "more than 30", value=30.0, low=low, high=high, low_inclusive=low_inclusive)]
    s = score([case], lambda text: predicted)
    assert (s.intervals, s.bounds_exact, s.inclusive_exact) == (1, exact, inclusive)


#: file → floors (precision, recall, value accuracy, interval bounds exact) the component reaches.
#: Measured: NumberModel P .992 R .784 V .59; NumberRangeModel P .93 R .92 bounds .90;
#: quantulum3 P .974 R .736 V .89. Floors sit a little below, so regressions fail.
FLOORS = {
    "recognizers-text/NumberModel.json": (0.95, 0.75, 0.55, 1.0),
    "recognizers-text/NumberRangeModel.json": (0.90, 0.88, 1.0, 0.85),
    "quantulum3/quantities.json": (0.95, 0.70, 0.85, 1.0),
}


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_component_on_the_number_specs(nlp, name):
    cases = load_cases(require(NUMBERS / name))
    s = score(cases, quantities_of(nlp))
    precision, recall, values, bounds = FLOORS[name]
    assert s.precision >= precision, s.line()
    assert s.recall >= recall, s.line()
    assert s.value_accuracy >= values, s.line()
    assert s.bounds_accuracy >= bounds, s.line()
