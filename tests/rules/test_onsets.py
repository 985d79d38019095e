"""The article's own start of a group's involvement, however it is worded.

The bundled sample dates a friendly-fire incident to December 14, 2023, ten
months before North Korean troops began fighting by its own account. Its onset
sentence is reworded here in twelve ways (other verbs, "since …", a participle,
a nominal "since their deployment", a reference time "before these reports" or
"a week earlier"); each must still give the CC101 error. Other stories with the
same error, worded for the tests, are in ``cases/CC101.yml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "kursk-north-korean-troops.txt"

ONSET = (
    "stating casualties have occurred among North Korean soldiers since they began engaging directly with "
    "Russian units just over a week prior to these reports."
)

REWORDINGS = [
    "stating casualties have occurred among North Korean soldiers since they began engaging directly with Russian units just over a week before these reports.",
    "stating casualties have occurred among North Korean soldiers since they were deployed just over a week prior to these reports.",
    "stating casualties have occurred among North Korean soldiers since they joined the fighting just over a week before these reports.",
    "stating casualties have occurred among North Korean soldiers since they started fighting alongside Russian units about ten days before these reports.",
    "stating that North Korean soldiers entered the fighting just over a week before these reports and have since suffered casualties.",
    "stating that North Korean troops crossed into Kursk roughly a week before these reports.",
    "stating that North Korean troops arrived at the front just over a week earlier.",
    "stating that the North Korean soldiers were sent into combat about a week prior to these reports.",
    "stating casualties have mounted among North Korean soldiers, who first engaged Ukrainian forces just over a week before the reports.",
    "stating North Korean units have been fighting in Kursk since they were deployed there just over a week before these reports.",
    "stating the North Korean troops, deployed just over a week earlier, had already suffered casualties.",
    "stating casualties have occurred among North Korean soldiers since their deployment to the front just over a week prior to these reports.",
]


@pytest.mark.model
@pytest.mark.parametrize("onset", REWORDINGS)
def test_a_reworded_onset_still_dates_the_incident_before_it(nlp, onset):
    from claimcheck.api import Options, check_text

    article = SAMPLE.read_text(encoding="utf-8")
    assert ONSET in article
    report = check_text(article.replace(ONSET, onset), options=Options(select=["CC101"]))
    found = [f for f in report.findings if f.rule == "CC101"]
    assert [f.severity for f in found] == ["error"], onset
    assert "December 14, 2023" in found[0].message
