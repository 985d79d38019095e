"""End to end on the bundled sample article: what an editor must see.

The sample has no dateline; its own text implies late 2024. Every extractor
exercised here is also tested on other articles' sentences in tests/pipeline.
"""

from __future__ import annotations

import pytest

from claimcheck.models import CasualtyClaim, ForceSizeClaim, MoneyClaim, QuoteClaim


def of_kind(report, kind):
    return [c for c in report.claims if c.kind == kind]


def by_value(claims, value):
    return next(c for c in claims if c.quantity.value == value)


def source_names(claim):
    return {s.name for s in claim.sources}


def test_publication_date_is_inferred_and_says_so(sample_report):
    assert sample_report.published is not None
    assert sample_report.published.startswith("2024-1")
    assert sample_report.published_source == "inferred"
    assert sample_report.published_from


def test_friendly_fire_casualties(sample_report):
    eight: CasualtyClaim = by_value(of_kind(sample_report, "casualty"), 8)
    assert eight.outcome == "killed"
    assert eight.group_key == "russian forces"
    assert eight.date is not None and eight.date.value == "2023-12-14"
    assert "HUR" in source_names(eight)
    assert "north korean forces" in eight.actor_keys


def test_early_november_casualties_keep_report_date_apart(sample_report):
    thirty: CasualtyClaim = by_value(of_kind(sample_report, "casualty"), 30)
    assert thirty.quantity.approximate
    assert thirty.outcome == "killed_or_wounded"
    assert thirty.group_key == "north korean forces"
    assert thirty.reported is not None and thirty.reported.value == "2024-11"
    assert thirty.reported.modifier == "early"
    assert thirty.date is None or thirty.date.value != "2024-11"
    assert {"HUR", "Pentagon"} <= source_names(thirty)


def test_several_hundred_is_a_range(sample_report):
    several = next(c for c in of_kind(sample_report, "casualty") if "several hundred" in c.span.text)
    assert several.quantity.low is not None and several.quantity.low >= 100
    assert several.quantity.approximate
    assert several.outcome == "killed_or_wounded"


def test_force_sizes(sample_report):
    forces = of_kind(sample_report, "force_size")
    ten: ForceSizeClaim = by_value(forces, 10_000)
    assert ten.quantity.approximate and ten.group_key == "north korean forces"
    names = source_names(ten)
    assert {"Pentagon", "The Kyiv Independent"} <= names or {"Pentagon", "Kyiv Independent"} <= names
    assert any(s.vague for s in ten.sources)

    fifty: ForceSizeClaim = by_value(forces, 50_000)
    assert fifty.action == "mobilized"
    assert "russian" in " ".join(fifty.actor_keys)
    assert any("Zelensky" in s.name for s in fifty.sources)
    assert fifty.reported is not None and fifty.reported.relative

    hundred: ForceSizeClaim = by_value(forces, 100_000)
    assert hundred.modality == "speculative"
    assert any("Sonin" in s.name for s in hundred.sources)


def test_money(sample_report):
    money: MoneyClaim = of_kind(sample_report, "money")[0]
    assert money.quantity.value == pytest.approx(5.6e9)
    assert money.quantity.unit == "USD"
    assert "pledges" in (money.what or "")


@pytest.mark.parametrize(
    "opening, speaker, group",
    [
        ("Not a single reason", "Zelensky", False),
        ("The poor integration", "Institute for the Study of War", True),
        ("North Korean troops have now become", "Edward Howell", False),
        ("It’s perhaps at an experimental stage", "Konstantin Sonin", False),
    ],
)
def test_quotes_have_their_speakers(sample_report, opening, speaker, group):
    quote: QuoteClaim = next(c for c in of_kind(sample_report, "quote") if c.quote.startswith(opening))
    assert quote.quote_type == "direct"
    assert quote.speaker is not None
    assert speaker in quote.speaker.name or speaker in (quote.speaker.organization or "")
    assert quote.speaker.group == group


def test_scare_quote_is_partial_not_a_speaker(sample_report):
    scare = next(c for c in of_kind(sample_report, "quote") if c.quote == "cannon fodder")
    assert scare.quote_type == "partial"
    assert scare.span.line == 1


@pytest.mark.parametrize(
    "text, value, modifier",
    [
        ("December 14, 2023", "2023-12-14", None),
        ("early November 2024", "2024-11", "early"),
        ("August 2023", "2023-08", None),
    ],
)
def test_explicit_dates(sample_report, text, value, modifier):
    d = next(d for d in sample_report.dates if d.text.endswith(text) or text in d.text)
    assert d.value == value
    assert d.modifier == modifier


def test_relative_dates_show_their_anchors(sample_report):
    earlier = next(d for d in sample_report.dates if d.text.lower().startswith("earlier this month"))
    assert earlier.relative and earlier.anchor
    assert earlier.value.startswith("2024-1")
    prior = next(d for d in sample_report.dates if "week" in d.text)
    assert prior.relative
    assert "November 2024" in (prior.anchor_text or "")
    assert prior.start is not None and "2024-10-15" <= prior.start <= "2024-11-01"
