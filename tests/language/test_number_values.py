"""One reader of numbers in digits and words."""

from __future__ import annotations

import pytest

from claimcheck.language.numbers import digit_value, number_value, words_value


@pytest.mark.parametrize(
    "text,value",
    [
        ("1,200", 1200), ("2.5", 2.5), ("twenty-four", 24), ("twenty four", 24), ("a hundred", 100),
        ("three hundred and six", 306), ("a dozen", 12), ("half a dozen", 6), ("half a", 0.5),
        ("three and a half", 3.5), ("2 1/2", 2.5), ("1.5bn", 1.5e9), ("two trillion", 2e12), ("eleven", 11),
    ],
)
def test_number_value(text, value):
    assert number_value(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["several", "a few", "many", "", "twenty-ish", "the"])
def test_not_a_number(text):
    assert number_value(text) is None


def test_digit_value_keeps_the_suffix():
    assert digit_value("1.2bn") == (1.2, "bn")
    assert digit_value("10,000") == (10000.0, None)


def test_words_value_splits_scales_text2num_lacks():
    assert words_value(["four", "trillion", "and", "six"]) == 4e12 + 6
