"""Tagging context: sentence bounds and tense around an expression."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.temporal import tag
from claimcheck.temporal.context import Context


@pytest.mark.parametrize(
    "text,inside,sentence",
    [
        (
            "It began in 1973. In January, after the Roe vs. Wade anniversary, a clinic was bombed. Then it rained.",
            "January",
            "In January, after the Roe vs. Wade anniversary, a clinic was bombed.",
        ),
        (
            "Police sought James C. Kopp in Birmingham, Ala., on Oct. 23 last year. He fled.",
            "Oct. 23",
            "Police sought James C. Kopp in Birmingham, Ala., on Oct. 23 last year.",
        ),
        ("Talks ended. Dr. Smith left on Monday. Rain fell.", "Monday", "Dr. Smith left on Monday."),
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text, inside, sentence):
    ctx = Context(text, None)
    begin, end = ctx.sentence_bounds(text.index(inside))
    assert text[begin:end] == sentence


def test_tense_reaches_past_an_abbreviation():
    text = "In April, a week after the Roe vs. Wade anniversary, a clinic in Birmingham, Ala., was bombed."
    april = next(t for t in tag(text, date(2024, 11, 25)) if t.text == "April")
    assert april.value == "2024-04"  # "was bombed" is past; the untensed reading would be April 2025
