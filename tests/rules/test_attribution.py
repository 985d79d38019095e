"""Attribution rules over hand-built claims."""

from __future__ import annotations

import pytest
from rule_builders import casualty, force, qty, quote, source, span

from claimcheck.models import MoneyClaim, Person, Source, Speaker
from claimcheck.rules.attribution import NameVariant, QuoteSpeakerConflict, UnattributedQuote, VagueAttribution
from claimcheck.rules.base import CheckContext

def money(cid, **kw):
    return MoneyClaim(id=cid, quantity=qty(1.5, text="$1.50"), span=span("$1.50"), sentence="s", **kw)


LINE = "We will not negotiate while the shelling continues"


#: The people the hand-built articles name.
PEOPLE = [Person(id=f"p{n}", name=name) for n, name in enumerate(["Retno Marsudi", "Prabowo Subianto", "Kyrylo Budanov", "Edward Howell"], 1)]


def run(rule, claims, people=PEOPLE):
    return list(rule().check(CheckContext(claims=claims, people=people)))


@pytest.mark.parametrize(
    "a,b",
    [
        (quote("c1", LINE, "Retno Marsudi"), quote("c2", LINE, "Prabowo Subianto")),
        (quote("c1", LINE + ", she said, and left.", "Retno Marsudi"), quote("c2", LINE, "Prabowo Subianto")),
    ],
)
def test_quote_speaker_conflict_fires(a, b):
    [f] = run(QuoteSpeakerConflict, [a, b])
    assert f.severity == "error" and f.evidence == ["c1", "c2"]
    assert "Retno Marsudi" in f.message and "Prabowo Subianto" in f.message


@pytest.mark.parametrize(
    "a,b",
    [
        # one person, named in full and by surname
        (quote("c1", LINE, "Retno Marsudi"), quote("c2", LINE, "Marsudi")),
        # a short shared phrase
        (quote("c1", "cannon fodder", "Ukrainian officials", group=True, quote_type="partial"), quote("c2", "North Korean troops have now become Putin's cannon fodder.", "Edward Howell")),
        (quote("c1", "cannon fodder", "Kyrylo Budanov", quote_type="partial"), quote("c2", "North Korean troops have now become Putin's cannon fodder.", "Edward Howell")),
        # a group speaker
        (quote("c1", LINE, "analysts", group=True), quote("c2", LINE, "Prabowo Subianto")),
        # an unknown speaker
        (quote("c1", LINE), quote("c2", LINE, "Prabowo Subianto")),
        # different words
        (quote("c1", LINE, "Retno Marsudi"), quote("c2", "We will negotiate when the shelling stops", "Prabowo Subianto")),
        # a speaker that is no person the article names: a document, a determiner, a pronoun left as written
        (quote("c1", LINE, "report"), quote("c2", LINE, "Prabowo Subianto")),
        (quote("c1", LINE, "Both"), quote("c2", LINE, "Prabowo Subianto")),
        (quote("c1", LINE, "it"), quote("c2", LINE, "Prabowo Subianto")),
        # three identical words are a phrase, not one person's quotation
        (quote("c1", "a grave error", "Retno Marsudi"), quote("c2", "a grave error", "Prabowo Subianto")),
    ],
)
def test_quote_speaker_conflict_stays_quiet(a, b):
    assert run(QuoteSpeakerConflict, [a, b]) == []


def test_unattributed_quote_fires():
    [f] = run(UnattributedQuote, [quote("c1", "We have nowhere left to go.")])
    assert f.severity == "info" and "We have nowhere left to go." in f.message


@pytest.mark.parametrize(
    "claim",
    [
        quote("c1", "We have nowhere left to go.", "Amina Yusuf"),
        quote("c1", "We have nowhere left to go.", sources=[source("UNHCR")]),
        quote("c1", "cannon fodder", quote_type="partial"),
        quote("c1", "The Base"),
        quote("c1", "We have nowhere left to go.", speaker=None).model_copy(
            update={"speaker": Speaker(text="she", name="Amina Yusuf")}
        ),
    ],
)
def test_unattributed_quote_stays_quiet(claim):
    assert run(UnattributedQuote, [claim]) == []


@pytest.mark.parametrize(
    "claim",
    [
        force("c1", 3000, sources=[source("reports", kind="vague", vague=True, text="Reports suggest")]),
        casualty("c1", 20, sources=[source("sources", kind="vague", vague=True), source("some", kind="vague", vague=True)]),
    ],
)
def test_vague_attribution_fires(claim):
    [f] = run(VagueAttribution, [claim])
    assert f.severity == "info" and "rests only on" in f.message


@pytest.mark.parametrize(
    "claim",
    [
        force("c1", 3000),
        force("c1", 10000, sources=[source("various intelligence sources", kind="vague", vague=True), source("Pentagon")]),
        quote("c1", "We have nowhere left to go.", sources=[source("reports", kind="vague", vague=True)]),
        # a hedge with no source phrase is modality, not attribution
        money("c1", sources=[Source(text="apparently", name="unnamed source", kind="vague", cue="apparently", vague=True)]),
    ],
)
def test_vague_attribution_stays_quiet(claim):
    assert run(VagueAttribution, [claim]) == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("Volodymyr Zelensky", "Zelenskyy"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Kim Jong Un", "Kim Jong-un"),
    ],
)
def test_name_variant_fires(a, b):
    claims = [quote("c1", "We need air defence now.", a), casualty("c2", sources=[source(b, kind="person")])]
    [f] = run(NameVariant, claims)
    assert f.severity == "warning" and f.suggestion == f"did you mean {a}?"
    assert f.evidence == ["c1", "c2"]


@pytest.mark.parametrize(
    "a,b",
    [
        ("Volodymyr Zelensky", "Zelensky"),
        ("Kim Jong Un", "Kim Jong Il"),
        ("Bill Clinton", "Hillary Clinton"),
        ("Pat Ryder", "Pat Rider"),  # too short to tell a variant from another name
        ("Anna Jensen", "Mark Jenson"),  # different first names: two people
        ("Edward Howell", "Konstantin Sonin"),
    ],
)
def test_name_variant_stays_quiet(a, b):
    claims = [quote("c1", "We need air defence now.", a), quote("c2", "Talks will continue.", b)]
    assert run(NameVariant, claims) == []
