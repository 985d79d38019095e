"""The claims builder in isolation: mentions are set by hand, the parse is the model's.

Each case gives a sentence, the quantities/dates the earlier components would
have found (by their text), and what the claim must say. Sentences come from
real news other than the sample article.
"""

from __future__ import annotations

from datetime import date
from typing import Optional

import pytest

from claimcheck.models import Quantity, Source
from claimcheck.pipeline.claims import ClaimsComponent
from claimcheck.pipeline.context import actor_key, demonym
from claimcheck.pipeline.quantities import QuantityMention
from claimcheck.pipeline.sources import Attribution
from claimcheck.temporal import Timex


def parsed(nlp, text: str):
    """The statistical annotations only (no claimcheck components)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("claimcheck_"):
            doc = proc(doc)
    doc._.cc_timexes, doc._.cc_quantities, doc._.cc_quotes, doc._.cc_attributions = [], [], [], []
    return doc


def quantity(doc, text: str, value: float, noun: Optional[str] = None, kind: str = "count", **kw):
    start = doc.text.index(text)
    mention = QuantityMention(start, start + len(text), Quantity(text=text, value=value, **kw), kind)
    noun_i = None
    if noun is not None:
        noun_start = doc.text.index(noun, start)
        noun_i = next(t.i for t in doc if t.idx == noun_start)
    mention.noun_i = noun_i  # type: ignore[attr-defined]
    doc._.cc_quantities.append(mention)
    return mention


def timex(doc, text: str, value: str, begin: date, last: date, **kw) -> Timex:
    start = doc.text.index(text)
    t = Timex(start, start + len(text), text, "DATE", value, None, begin, last, "day", **kw)
    doc._.cc_timexes.append(t)
    return t


def claims(doc):
    return ClaimsComponent()(doc)._.cc_claims


@pytest.mark.parametrize(
    "text, number, value, noun, outcome, group_key",
    [
        ("Two terrorist blasts killed 257 people in Nairobi and Dar es Salaam.", "257", 257, "people", "killed", None),
        ("At least 75 people were killed in the blast, Red Cross officials said.", "At least 75", 75, "people", "killed", None),
        ("More than 5,500 people were injured, mostly Kenyans.", "More than 5,500", 5500, "people", "wounded", None),
        ("Shelling killed 14 Ukrainian soldiers near the town on Tuesday.", "14", 14, "soldiers", "killed", "ukrainian forces"),
        ("Police said 12 Syrian refugees were missing after the boat sank.", "12", 12, "refugees", "missing", "syrian refugee"),
        ("The clashes left 40 Iraqi troops dead or wounded.", "40", 40, "troops", "killed_or_wounded", "iraqi forces"),
    ],
)
def test_casualty_claims(nlp, text, number, value, noun, outcome, group_key):
    doc = parsed(nlp, text)
    quantity(doc, number, value, noun)
    (claim,) = claims(doc)
    assert claim.kind == "casualty"
    assert claim.outcome == outcome
    assert claim.quantity.value == value
    assert claim.group_key == group_key
    assert claim.span.text.startswith(number)


def test_an_outcome_does_not_reach_into_a_coordinated_clause(nlp):
    doc = parsed(nlp, "Eleven workers were hurt, and two were pulled from the rubble.")
    quantity(doc, "Eleven", 11, "workers")
    quantity(doc, "two", 2)
    claims(doc)
    outcomes = {f.span.text: f.predicate.outcome for f in doc._.cc_frames}
    assert outcomes == {"Eleven workers": "wounded", "two": None}


@pytest.mark.parametrize(
    "text, number, value, noun, action, group_key",
    [
        ("Iraq has massed an estimated 200,000 Iraqi soldiers in Kuwait.", "200,000", 200000, "soldiers", "present", "iraqi forces"),
        ("The Pentagon will deploy 3,000 American troops to Poland next month.", "3,000", 3000, "troops", "planned", "american forces"),
        ("Britain sent 500 British paratroopers to the border last week.", "500", 500, "paratroopers", "deployed", "british forces"),
        ("Moscow has mobilized some 300,000 reservists since September.", "some 300,000", 300000, "reservists", "mobilized", None),
    ],
)
def test_force_size_claims(nlp, text, number, value, noun, action, group_key):
    doc = parsed(nlp, text)
    quantity(doc, number, value, noun)
    (claim,) = claims(doc)
    assert claim.kind == "force_size"
    assert claim.action == action
    assert claim.group_key == group_key


@pytest.mark.parametrize(
    "text, number, value, what_word",
    [
        ("The government's aid package, worth $1.2 billion, was approved on Friday.", "$1.2 billion", 1.2e9, "package"),
        ("Kellogg will spend $1 billion on the new plant.", "$1 billion", 1e9, None),
    ],
)
def test_money_claims(nlp, text, number, value, what_word):
    doc = parsed(nlp, text)
    quantity(doc, number, value, kind="money", unit="USD")
    (claim,) = claims(doc)
    assert claim.kind == "money"
    assert claim.quantity.unit == "USD"
    if what_word:
        assert what_word in (claim.what or "")


@pytest.mark.parametrize(
    "text, date_text, reported",
    [
        # the date belongs to the reporting verb: a report date, not the event's
        ("By late June, officials reported that 40 miners were killed in the collapse.", "late June", True),
        ("On Saturday, 40 miners were killed in the collapse, officials said.", "Saturday", False),
    ],
)
def test_event_date_and_report_date_are_kept_apart(nlp, text, date_text, reported):
    doc = parsed(nlp, text)
    quantity(doc, "40", 40, "miners")
    timex(doc, date_text, "2024-06", date(2024, 6, 20), date(2024, 6, 30))
    casualty = next(c for c in claims(doc) if c.kind == "casualty")
    if reported:
        assert casualty.reported is not None and casualty.reported.text == date_text
        assert casualty.date is None
    else:
        assert casualty.date is not None and casualty.date.text == date_text
        assert casualty.reported is None


def test_onset_event_resolves_pronoun_actor(nlp):
    text = (
        "Officials said Chinese engineers had arrived at the dam in March. "
        "Losses have mounted among Chinese workers since they began drilling late that month."
    )
    doc = parsed(nlp, text)
    timex(doc, "late that month", "2024-03", date(2024, 3, 21), date(2024, 3, 31))
    event = next(c for c in claims(doc) if c.kind == "event" and "drilling" in c.what)
    assert event.phase == "onset"
    assert "chinese worker" in event.actor_keys


@pytest.mark.parametrize(
    "text, number, value, noun, modality",
    [
        ("Analysts say Moscow may try to send 100,000 Belarusian troops.", "100,000", 100000, "troops", "speculative"),
        ("Officials estimated that 2,000 Sudanese soldiers were stationed there.", "2,000", 2000, "soldiers", "estimated"),
        ("Some 80 Kenyan police were reportedly deployed to the area.", "Some 80", 80, "police", "reported"),
        ("The ministry said 300 Canadian troops were not deployed to the region.", "300", 300, "troops", "negated"),
        # a coordinated clause with its own subject keeps its hedge to itself
        ("Rebels killed 14 Chadian soldiers on Monday, and officials fear they may strike again.", "14", 14, "soldiers", "asserted"),
        ("Rebels may have killed 14 Chadian soldiers and wounded 20 more.", "14", 14, "soldiers", "speculative"),
    ],
)
def test_modality(nlp, text, number, value, noun, modality):
    doc = parsed(nlp, text)
    quantity(doc, number, value, noun)
    (claim,) = claims(doc)
    assert claim.modality == modality


def test_sources_attach_from_covering_attribution(nlp):
    text = "According to the Red Cross, 12 Afghan civilians were killed in the strike."
    doc = parsed(nlp, text)
    quantity(doc, "12", 12, "civilians")
    content = text.index("12")
    doc._.cc_attributions.append(
        Attribution(content, len(text), [Source(text="the Red Cross", name="Red Cross", kind="org", cue="according to")],
                    cue="according to")
    )
    (claim,) = claims(doc)
    assert [s.name for s in claim.sources] == ["Red Cross"]
    assert claim.modality == "reported"


@pytest.mark.parametrize(
    "name, expected",
    [("North Korea", "north korean"), ("Russia's", "russian"), ("North Koreans", "north korean"), ("Elbonia", "elbonia")],
)
def test_demonym(name, expected):
    assert demonym(name) == expected


@pytest.mark.parametrize(
    "text, word, key",
    [
        ("Hundreds of North Korean troops crossed.", "troops", "north korean forces"),
        ("Hundreds of North Korean soldiers crossed.", "soldiers", "north korean forces"),
        ("The Egyptian officials declined to comment.", "officials", "egyptian official"),
        ("The Egyptian economy grew.", "economy", None),
    ],
)
def test_actor_key_collapses_military_nouns(nlp, text, word, key):
    doc = parsed(nlp, text)
    token = next(t for t in doc if t.text == word)
    assert actor_key(token) == key


def test_claim_ids_follow_document_order(nlp):
    text = "Rebels killed 9 Malian soldiers. Later, 3 Malian soldiers were wounded."
    doc = parsed(nlp, text)
    quantity(doc, "3", 3, "soldiers")
    quantity(doc, "9", 9, "soldiers")
    found = claims(doc)
    assert [c.id for c in found] == ["c1", "c2"]
    assert [c.quantity.value for c in found] == [9, 3]


@pytest.mark.parametrize(
    "text, total, part",
    [
        ("The bombings killed more than 200 people, including 12 Americans.", "more than 200", "12"),
        ("The blast killed 30 people, including 4 children, police said.", "30", "4"),
    ],
)
def test_component_points_to_its_total(nlp, text, total, part):
    doc = parsed(nlp, text)
    quantity(doc, total, 200, "people")
    noun = text.split(part + " ")[1].split()[0].strip(",.")
    quantity(doc, part, 12, noun)
    found = {c.span.text.split()[0]: c for c in claims(doc)}
    whole = next(c for c in found.values() if c.span.text.startswith(total))
    piece = next(c for c in found.values() if c.span.text.startswith(part))
    assert piece.part_of == whole.id
    assert whole.part_of is None
