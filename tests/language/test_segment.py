"""Sentence starts at blank lines and the headline; regions and paragraphs."""

from __future__ import annotations

import pytest

from claimcheck.language.segment import find_headline, paragraph_index, paragraph_starts, sentence_starts


@pytest.mark.parametrize(
    "text,headline",
    [
        ("Storm cuts power to 40,000 homes\n\nA storm cut power on Sunday.", "Storm cuts power to 40,000 homes"),
        ("  Dam bursts in Libya, thousands feared dead \n\nThe dam burst overnight.", "Dam bursts in Libya, thousands feared dead"),
        ("Will the truce hold?\n\nDiplomats met on Monday.", "Will the truce hold?"),
    ],
)
def test_find_headline(text, headline):
    found = find_headline(text)
    assert found is not None and text[found[0] : found[1]] == headline


@pytest.mark.parametrize(
    "text",
    [
        "A storm cut power to 40,000 homes on Sunday.\n\nCrews worked overnight.",  # a lede ends with a period
        "By Ana Lim\n\nA storm cut power on Sunday.",  # a byline
        "Monday, March 4, 2024\n\nA storm cut power on Sunday.",  # a dateline
        "A storm cut power on Sunday, and crews worked overnight\nto restore it.",  # no blank line
        " ".join(["word"] * 40) + "\n\nBody.",  # too long for a headline
    ],
)
def test_no_headline(text):
    assert find_headline(text) is None


@pytest.mark.parametrize(
    "text,starts",
    [
        ("Quake kills 45\n\nAt least 45 died.", ["At least"]),
        ("The toll rose.\nRescuers dug on.", ["Rescuers"]),
        ("The toll rose to 40 and\nrescuers dug on.", []),  # a wrapped line is not a new sentence
    ],
)
def test_sentence_starts(text, starts):
    assert [text[i : i + len(s)] for i, s in zip(sentence_starts(text), starts)] == starts
    assert len(sentence_starts(text)) == len(starts)


@pytest.mark.parametrize("text", ["Headline here\n\nThe body."])
def test_region_bounds_start_sentences(text):
    assert sentence_starts(text, [("headline", 0, 13)]) == [15]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["Floods kill 12 in Kerala\n\nTwelve people were killed by floods in Kerala on Monday, officials said."],
)
def test_a_headline_is_its_own_sentence_in_the_pipeline(nlp, text):
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Floods kill 12 in Kerala"


@pytest.mark.parametrize(
    "text,char,index",
    [
        ("One.\n\nTwo.\n\nThree.", 7, 1),
        ("One.\nTwo.\nThree.", 11, 2),  # lines that end like sentences are paragraphs
        ("The levee broke on Monday and\nwater reached the town.", 40, 0),  # a wrapped line is not
        ("One. Two.", 6, 0),
    ],
)
def test_paragraphs(text, char, index):
    assert paragraph_index(paragraph_starts(text), char) == index
