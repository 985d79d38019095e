"""Articles, numbers and dates as the planters read them (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

# The planting package lives in benchmarks/ (it is not installed); a conftest.py
# here would shadow the suite's own conftest module, so each test file adds it.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import random
from datetime import date

import pytest
from planting.dates import find_day_dates, in_dateline, in_range  # noqa: E402
from planting.numbers import changed_value, find_numbers, write_like  # noqa: E402
from planting.text import Article, Plant, insert_paragraph, insert_words, replace  # noqa: E402

ARTICLE = (
    "date: 2011-03-09\n\nFerry sinks off the coast\n\n"
    "A ferry carrying 80 passengers sank on Tuesday, Gen. Ortiz said. Divers searched the wreck.\n\n"
    "The U.S. Coast Guard joined the search. It ended at dusk."
)


def test_article_regions():
    a = Article.parse(ARTICLE)
    assert a.published == date(2011, 3, 9)
    assert ARTICLE[slice(*a.headline)] == "Ferry sinks off the coast"
    sentences = [ARTICLE[s:e] for s, e in a.sentences]
    assert sentences == [
        "A ferry carrying 80 passengers sank on Tuesday, Gen. Ortiz said.",
        "Divers searched the wreck.",
        "The U.S. Coast Guard joined the search.",
        "It ended at dusk.",
    ]
    assert a.sentence_index(ARTICLE.index("Divers")) == 1
    assert a.sentence_index(ARTICLE.index("Ferry")) == -1


@pytest.mark.parametrize(
    "text,value,words",
    [("1,250", 1250, False), ("twelve", 12, True), ("Thirty-one", 31, True), ("2.5 million", 2.5e6, False), ("7", 7, False)],
)
def test_numbers_read(text, value, words):
    (n,) = find_numbers(f"about {text} cars")
    assert (n.text, n.value, n.words) == (text, value, words)


@pytest.mark.parametrize(
    "original,value,written",
    [("1,250", 1800, "1,800"), ("twelve", 18, "eighteen"), ("Twelve", 8, "Eight"), ("2.5 million", 3.8e6, "3.8 million"), ("600", 900, "900"), ("600", 1200, "1,200"), ("1500", 2250, "2250")],
)
def test_numbers_written_like_the_original(original, value, written):
    assert write_like(original, value) == written


def test_words_above_ninety_nine_cannot_be_written():
    assert write_like("ninety", 135) is None


@pytest.mark.parametrize("value,text", [(12, "12"), (1250, "1,250"), (40, "forty"), (1, "one"), (3.5e6, "3.5 million")])
def test_changed_value_is_clearly_different(value, text):
    for seed in range(10):
        new, written = changed_value(value, random.Random(seed), text)
        assert abs(new - value) >= 0.2 * value
        assert written != text
        assert written[0].isdigit() == text[0].isdigit()


def test_day_dates():
    text = "Talks on Monday, May 2, 2011 and on 4 June; BOGOTA, Nov. 14 (AFP) -- from Jan. 3 to Jan. 9."
    dates = find_day_dates(text)
    assert [(d.month, d.day, d.year, d.weekday) for d in dates] == [(5, 2, 2011, 0), (6, 4, None, None), (11, 14, None, None), (1, 3, None, None), (1, 9, None, None)]
    assert dates[1].resolve(date(2011, 6, 20)) == date(2011, 6, 4)
    assert dates[2].resolve(date(2011, 1, 10)) == date(2010, 11, 14)  # news tells the past
    assert in_dateline(text, dates[2]) and not in_dateline(text, dates[1])
    assert in_range(text, dates[3]) and in_range(text, dates[4]) and not in_range(text, dates[0])


def test_replace_maps_offsets():
    text = "The 12 cars and 40 bikes."
    p = replace(text, 4, 6, "180", "restated-figure")
    assert p.text == "The 180 cars and 40 bikes." and (p.start, p.end) == (4, 7)
    assert p.map_offset(0) == 0 and p.map_offset(16) == 17
    assert p.map_offset(4, "start") == 4 and p.map_offset(6, "end") == 7


def test_insertions_map_offsets():
    text = "One.\n\nTwo."
    p = insert_paragraph(text, 4, "New words.", "quote-two-speakers")
    assert p.text == "One.\n\nNew words.\n\nTwo." and p.planted == "New words."
    assert p.map_offset(4, "end") == 4 and p.map_offset(6) == 18
    q = insert_words("In 1990 it began.", 7, ", 12 years ago,", "years-ago")
    assert q.text == "In 1990, 12 years ago, it began." and q.planted == "12 years ago"
    assert isinstance(q, Plant) and q.inserted
