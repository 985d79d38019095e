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
            "It opened in 1988. In June, after the Smith vs. Jones verdict, the mill was sold. Then it closed.",
            "June",
            "In June, after the Smith vs. Jones verdict, the mill was sold.",
        ),
        (
            "Scouts found Ana T. Ruiz in Mobile, Ala., on May 2 last year. She was safe.",
            "May 2",
            "Scouts found Ana T. Ruiz in Mobile, Ala., on May 2 last year.",
        ),
        ("Talks ended. Dr. Smith left on Monday. Rain fell.", "Monday", "Dr. Smith left on Monday."),
    ],
)
@pytest.mark.model
def test_sentences_come_from_the_parse(nlp, text, inside, sentence):
    ctx = Context(text, None, nlp(text))
    begin, end = ctx.sentence_bounds(text.index(inside))
    assert text[begin:end] == sentence


@pytest.mark.model
def test_tense_reaches_past_an_abbreviation(nlp):
    text = "In April, a week after the Smith vs. Jones verdict, a mill in Mobile, Ala., was sold."
    april = next(t for t in tag(text, date(2024, 11, 25), nlp(text)) if t.text == "April")
    assert april.value == "2024-04"  # "was bombed" is past; the untensed reading would be April 2025


@pytest.mark.parametrize(
    "sentence,expression,tense",
    [
        ("The peace talks are set to resume Monday in Belfast.", "Monday", "future"),
        ("The company is to resume trading in Paris Tuesday.", "Tuesday", "future"),
        ("The merger is scheduled to close Monday, the company said.", "Monday", "future"),
        ("The minister will visit Kyiv on Thursday.", "Thursday", "future"),
        ("Protesters plan a large demonstration on Saturday.", "Saturday", "future"),
        ("The relatives said they would appeal the decision, announced Wednesday by the agency.", "Wednesday", "past"),
        ("The offer had been due to expire Friday evening.", "Friday evening", None),
        ("The team planned to leave Nairobi on Thursday.", "Thursday", None),
        ("Since the fund bought the stake in February, it has sold three units.", "February", "past"),
        ("The offer expires Friday.", "Friday", None),
    ],
)
def test_tense_comes_from_the_verb_the_expression_attaches_to(nlp, sentence, expression, tense):
    doc = nlp(sentence)
    start = sentence.index(expression)
    assert Context(sentence, None, doc).tense(start, start + len(expression)) == tense


def test_the_dated_verb_skips_prepositions(nlp):
    from claimcheck.language.syntax import dated_verb

    doc = nlp("The bank extended the loans through January.")
    january = doc.char_span(doc.text.index("January"), doc.text.index("January") + 7)
    assert dated_verb(january).text == "extended"


def test_a_plan_resolves_a_weekday_ahead(nlp):
    text = "The peace talks are set to resume Monday in Belfast."
    # 2024-11-27 is a Wednesday: "set to resume Monday" is the coming Monday
    monday = next(t for t in tag(text, date(2024, 11, 27), nlp(text)) if t.text == "Monday")
    assert monday.value == "2024-12-02"
