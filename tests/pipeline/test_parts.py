"""Parts, totals and shares on the frames, through the real pipeline.

Each case is a short text of its own and the relation the frames must carry,
named by the figures' words: ``part_of`` (and ``exhaustive``) from a part to
its total, ``share_of`` and ``share_count`` from a percentage or fraction to
its total and the count it restates.
"""

from __future__ import annotations

from typing import Optional

import pytest

pytestmark = pytest.mark.model


def frames(nlp, text: str):
    return list(nlp(text)._.cc_frames)


def by_text(found, words: str):
    """The frame whose span starts with ``words``."""
    return next(f for f in found if f.span.text.startswith(words))


def total_of(found, words: str) -> Optional[str]:
    part = by_text(found, words)
    whole = next((f for f in found if f.id == part.part_of), None)
    return whole.quantity.text if whole is not None and whole.quantity is not None else None


@pytest.mark.parametrize(
    "text, part, total, exhaustive",
    [
        ("Storms killed 23 people across the province, including 9 children.", "9 children", "23", False),
        ("Nine people were hurt in the collapse of the old bridge, including four workers.", "four workers", "Nine", False),
        ("Eight climbers were rescued on Sunday, three of them with frostbite.", "three", "Eight", False),
        ("Seven sailors were aboard, two of whom were cadets.", "two", "Seven", False),
        ("Five of the 14 candidates withdrew before the vote.", "Five", "14", False),
        ("The club won 19 out of 30 matches last season.", "19", "30", False),
        ("Of the 60 applicants, 45 were turned away.", "45", "60", False),
        ("A bus overturned and killed 16 passengers. Among them were 5 students, police said.", "5 students", "16", False),
        ("Fire swept the market and killed 11 traders. They included six women and three boys.", "six women", "11", False),
        ("The raid freed 13 hostages: seven nurses and six teachers.", "six teachers", "13", True),
        ("Ten people died in the blast on Tuesday -- four guards and six visitors.", "four guards", "Ten", True),
        ("A landslide killed 9 villagers. The victims were five farmers and four children, officials said.", "five farmers", "9", True),
        ("The shelling killed 14 people, six soldiers and eight civilians.", "eight civilians", "14", True),
        ("The crash killed 12 people: five tourists, six pilgrims and a driver.", "five tourists", "12", False),
        ("The agency spent $9 million, including $2 million on fuel.", "$2 million", "$9 million", False),
    ],
)
def test_part_points_to_its_total(nlp, text, part, total, exhaustive):
    found = frames(nlp, text)
    assert total_of(found, part) == total
    assert by_text(found, part).exhaustive is exhaustive


@pytest.mark.parametrize(
    "text, words",
    [
        # the whole group, not a part of it
        ("Police held two men and a woman. The three of them were freed on Monday.", "three"),
        # another figure between the pronoun and its noun: which total is not known
        ("Gunmen killed two guards and wounded 25, 12 of them badly.", "12"),
        # a list of like things is no breakdown
        ("The country has 40 dams, 12 power plants and 300 wells.", "12 power plants"),
        # one item of a plain list, parsed as an apposition
        ("The survivors were two tourists, one guide and one child.", "one guide"),
        # a total of things takes no part of people
        ("The fighting spread to two villages, including five children.", "five children"),
    ],
)
def test_no_part(nlp, text, words):
    assert by_text(frames(nlp, text), words).part_of is None


@pytest.mark.parametrize(
    "text, share, count, total",
    [
        ("In the ballot, 2,100, or 35 percent, of the 6,000 nurses voted for the offer.", "35 percent", "2,100", "6,000"),
        ("Rebels hold 14 of the 20 districts (70 percent), the group said.", "70 percent", "14", "20"),
        ("Fifteen percent of the 2,400 pupils, or 360, failed the exam.", "Fifteen percent", "360", "2,400"),
        ("Of the 3,000 voters, 1,200, or 40 percent, backed the plan.", "40 percent", "1,200", "3,000"),
        ("Two-thirds of the 900 delegates, or 600, voted yes.", "Two-thirds", "600", "900"),
    ],
)
def test_share_points_to_its_count_and_total(nlp, text, share, count, total):
    found = frames(nlp, text)
    f = by_text(found, share)
    ids = {g.id: g.quantity.text for g in found if g.quantity is not None}
    assert ids.get(f.share_count or "") == count and ids.get(f.share_of or "") == total
    assert total_of(found, count) == total


@pytest.mark.parametrize(
    "text, share",
    [
        ("The party won 120 of the 300 seats, or 45 percent of the vote.", "45 percent"),  # a share of the vote
        ("Exports rose by 1,200 tonnes, or 12 percent, to 11,200 tonnes.", "12 percent"),  # a change
    ],
)
def test_no_share_of_the_counts(nlp, text, share):
    f = by_text(frames(nlp, text), share)
    assert f.share_count is None


def test_casualty_part_of_comes_from_the_frames(nlp):
    doc = nlp("Militants killed 18 soldiers on Monday, including 4 officers.")
    frame_of = {f.id: f for f in doc._.cc_frames}
    claims = {c.id: c for c in doc._.cc_claims if c.kind == "casualty"}
    part = next(c for c in claims.values() if c.part_of)
    assert frame_of[part.frame].part_of == claims[part.part_of].frame


@pytest.mark.parametrize(
    "text, count, members",
    [
        ("Two divers, a teacher and her brother, were pulled from the lake on Sunday.", "Two divers", ["a teacher", "her brother"]),
        ("The three winners were a baker, a nurse and a retired teacher.", "three winners", ["a baker", "a nurse", "a retired teacher"]),
        ("Two men were charged: the owner and his accountant.", "Two men", ["the owner", "his accountant"]),
        # more items of a list, a list with counts of its own, a list that gives only some
        ("Floods killed four farmers, a teacher and a child, officials said.", "four farmers", []),
        ("Three children, a boy and two girls, were found safe.", "Three children", []),
        ("Six people were hurt, including a driver and a passenger.", "Six people", []),
    ],
)
def test_the_things_a_count_names_one_by_one(nlp, text, count, members):
    assert [m.text for m in by_text(frames(nlp, text), count).members] == members


@pytest.mark.parametrize(
    "text, part, whole",
    [
        ("The coalition won 41 of the 75 seats in the regional assembly.", "41", "75"),
        ("Inspectors closed 9 out of 30 restaurants on the high street.", "9", "30"),
    ],
)
def test_the_verb_of_a_part_tells_nothing_of_its_whole(nlp, text, part, whole):
    found = frames(nlp, text)
    assert by_text(found, part).predicate.lemma is not None
    assert by_text(found, whole).predicate.lemma is None
    assert total_of(found, part) == whole
