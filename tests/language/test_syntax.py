"""The verb that governs a token or an expression."""

from __future__ import annotations

import pytest

from claimcheck.language.syntax import clause_tokens, dated_noun, dated_verb, governing_verb, subject_of


def span_of(nlp, text: str, part: str):
    """The span of the parsed ``text`` that ``part`` (its first occurrence) covers."""
    start = text.index(part)
    return nlp(text).char_span(start, start + len(part))


@pytest.mark.model
@pytest.mark.parametrize(
    "text,target,verb",
    [
        ("Fishermen hauled in 40 tonnes of cod on Monday.", "on Monday", "hauled"),
        ("The bridge, damaged in March, reopened.", "in March", "damaged"),
        ("Five wounded soldiers were flown to Kabul.", "wounded", "flown"),
        ("Twelve miners died when the shaft collapsed on Friday.", "Friday", "collapsed"),
    ],
)
def test_governing_verb_of_a_span_lies_outside_it(nlp, text, target, verb):
    span = span_of(nlp, text, target)
    assert governing_verb(span).text == verb


@pytest.mark.model
@pytest.mark.parametrize("text,word,verb", [("Villagers fled the fighting.", "fled", "fled"), ("Villagers fled the fighting.", "fighting", "fled")])
def test_governing_verb_of_a_token_includes_itself(nlp, text, word, verb):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert governing_verb(token).text == verb


@pytest.mark.model
@pytest.mark.parametrize(
    "text,verb,subject",
    [
        ("The mayor, speaking on Monday, said the dam held.", "speaking", "mayor"),
        ("The plan was approved by the council.", "approved", "plan"),  # the grammatical subject
        ("Nurses went on strike, demanding higher pay.", "demanding", "Nurses"),
    ],
)
def test_subject_of_climbs_to_the_clause(nlp, text, verb, subject):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert subject_of(token).text == subject


@pytest.mark.model
@pytest.mark.parametrize("text", ["Officials said that 12 bodies were found near the river."])
def test_clause_tokens_leave_out_an_embedded_clause_with_its_own_subject(nlp, text):
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    words = {t.text for t in clause_tokens(said)}
    assert "Officials" in words and "bodies" not in words


@pytest.mark.model
@pytest.mark.parametrize(
    "text, verb, inside, outside",
    [
        ("Rebels seized the depot in 2019 and the army retook it two years later.", "seized", "Rebels", "army"),
        ("The dam burst and flooded three villages.", "burst", "flooded", None),  # one subject: one clause
    ],
)
def test_clause_tokens_leave_out_a_coordinated_clause_with_its_own_subject(nlp, text, verb, inside, outside):
    doc = nlp(text)
    words = {t.text for t in clause_tokens(next(t for t in doc if t.text == verb))}
    assert inside in words and (outside is None or outside not in words)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, date, noun, verb",
    [
        ("Voters rejected the June 4 referendum on the new constitution.", "June 4", "referendum", None),
        ("In his Nov. 4 memorandum, the adviser urged new steps.", "Nov. 4", "memorandum", None),
        ("The ferry sank off the coast on June 4.", "June 4", None, "sank"),
    ],
)
def test_a_date_before_a_noun_names_the_noun_not_a_verb(nlp, text, date, noun, verb):
    span = span_of(nlp, text, date)
    assert (dated_noun(span).text if dated_noun(span) is not None else None) == noun
    assert (dated_verb(span).text if dated_verb(span) is not None else None) == verb


@pytest.mark.model
@pytest.mark.parametrize(
    "text, date, verb",
    [
        ("The curfew on towns shelled on March 9, 2021 was lifted, the army said.", "March 9, 2021", "shelled"),
        ("The coach's record since he joined the club on Aug. 1, 2017 will be reviewed by the board.", "Aug. 1, 2017", "joined"),
    ],
)
def test_a_year_torn_from_its_date_by_the_parse_still_dates_the_dates_verb(nlp, text, date, verb):
    span = span_of(nlp, text, date)
    assert span[-1].dep_ in ("nsubj", "nsubjpass")  # the parse this is about: the year as the next verb's subject
    assert dated_verb(span).text == verb
    assert governing_verb(span).text == verb


def test_a_year_torn_from_its_date_as_an_apposition_still_dates_the_dates_verb():
    # "His record since he took office on May 2, 2019 will be reviewed": the parse this is
    # about hangs the year from "record" as its apposition
    import spacy
    from spacy.tokens import Doc

    words = ["His", "record", "since", "he", "took", "office", "on", "May", "2", ",", "2019", "will", "be", "reviewed", "."]
    heads = [1, 13, 4, 4, 1, 4, 4, 6, 7, 1, 1, 13, 13, 13, 13]
    deps = ["poss", "nsubjpass", "mark", "nsubj", "advcl", "dobj", "prep", "pobj", "nummod", "punct", "appos", "aux", "auxpass", "ROOT", "punct"]
    tags = ["PRP$", "NN", "IN", "PRP", "VBD", "NN", "IN", "NNP", "CD", ",", "CD", "MD", "VB", "VBN", "."]
    pos = ["PRON", "NOUN", "SCONJ", "PRON", "VERB", "NOUN", "ADP", "PROPN", "NUM", "PUNCT", "NUM", "AUX", "AUX", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    span = doc[7:11]  # May 2, 2019
    assert governing_verb(span).text == "took"


@pytest.mark.model
@pytest.mark.parametrize(
    "text, date, verb",
    [
        ("Exports rose 12 percent compared with the same month last year.", "last year", None),
        ("The agency has logged 312 infections, including 48 deaths, as of May 9.", "May 9", "logged"),
    ],
)
def test_a_participle_used_as_a_preposition(nlp, text, date, verb):
    # "compared with … last year" gives the time compared with; "including …" governs no clause
    span = span_of(nlp, text, date)
    assert (dated_verb(span).text if dated_verb(span) is not None else None) == verb
