from __future__ import annotations

import json

import jsonschema
import pytest

from claimcheck.models import Report
from claimcheck.report import render


@pytest.mark.parametrize("fixture", ["report", "report_without_text"])
def test_json_round_trips_and_matches_the_schema(fixture, request):
    report = request.getfixturevalue(fixture)
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, Report.model_json_schema())
    assert "text" not in data["documents"][0]
    assert Report.model_validate(data) == report.model_copy(
        update={"documents": [d.model_copy(update={"text": None}) for d in report.documents]}
    )
