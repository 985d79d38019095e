"""Values given for comparison (``Frame.compared``), added to one given (``Frame.extra``) and rates (``Measure.per``), through the real pipeline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def frame(nlp, text: str, words: str):
    """The frame of ``text`` whose span starts with ``words``."""
    return next(f for f in nlp(text)._.cc_frames if f.span.text.startswith(words))


@pytest.mark.parametrize(
    "text,words,expected",
    [
        ("Exports rose to 7 billion dollars from 5 billion dollars in May.", "5 billion", True),
        ("The new levy is up 7 percent on this year's levy of 60 million euros.", "60 million", True),
        ("Output was up 4 percent on last year's figure of 812,000 tonnes.", "812,000", True),
        ("The council spent 60 million euros on roads this year.", "60 million", False),
        ("Snow was cleared from 5 runways overnight.", "5 runways", False),
    ],
)
def test_a_value_given_to_measure_a_change_against(nlp, text, words, expected):
    assert frame(nlp, text, words).compared is expected


@pytest.mark.parametrize(
    "text,words,per",
    [
        ("The insurer earned $75 million, or 41 cents a share, in 2019.", "41 cents", "share"),
        ("Brent crude rose to 62 dollars per barrel.", "62 dollars", "barrel"),
        ("Each ticket costs $40 at the door.", "$40", "ticket"),
        ("The insurer earned $75 million, or 41 cents a share, in 2019.", "$75 million", None),
    ],
)
def test_a_rate_names_what_one_unit_is_for(nlp, text, words, per):
    assert frame(nlp, text, words).measure.per == per


@pytest.mark.parametrize(
    "text,words,outcome",
    [
        ("Wildfires caused losses of 2 billion dollars in Oregon.", "2 billion", None),
        ("The storm caused the loss of 12 lives in Oregon.", "12", "killed"),
    ],
)
def test_only_counts_tell_what_befell_people(nlp, text, words, outcome):
    # "losses" of a sum is money lost, never a toll
    assert frame(nlp, text, words).predicate.outcome == outcome


@pytest.mark.parametrize(
    "text,words,verb",
    [
        ("The carmaker is recalling 3,000 vans sold in Spain since 2020.", "3,000", "recall"),
        ("Divers found 12 bodies dumped in the canal.", "12", "dump"),
        ("About 4,000 troops stationed in the north were withdrawn.", "About 4,000", "station"),
    ],
)
def test_an_object_s_participle_describes_it_unless_it_tells_what_befell_it(nlp, text, words, verb):
    assert frame(nlp, text, words).predicate.lemma == verb


@pytest.mark.parametrize(
    "text,words,expected",
    [
        ("Kidnappers released nine fishermen on Saturday and five more on Sunday.", "five", True),
        ("Police arrested another 12 people overnight.", "12 people", True),
        ("Kidnappers released nine fishermen on Saturday.", "nine", False),
        ("Exporters sold five more than in May, the board said.", "five", False),  # a comparison, no addition
    ],
)
def test_a_figure_that_adds_to_one_already_given(nlp, text, words, expected):
    assert frame(nlp, text, words).extra is expected
