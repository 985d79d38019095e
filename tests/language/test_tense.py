"""Tense and direction of a verb: one answer for the claims and the temporal engine."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimcheck.language.syntax import governing_verb
from claimcheck.language.tense import Tense, tense_of

VOCAB = spacy.blank("en").vocab


def hand_doc(words, tags, deps, heads, lemmas=None, pos=None) -> Doc:
    """A parsed Doc without a model: ``heads`` are absolute token indices."""
    pos = pos or ["VERB" if t.startswith("VB") else "AUX" if t == "MD" else "PART" if t == "TO" else "NOUN" for t in tags]
    return Doc(VOCAB, words=words, tags=tags, deps=deps, heads=heads, lemmas=lemmas or [w.lower() for w in words], pos=pos)


@pytest.mark.parametrize(
    "doc,verb,expected",
    [
        # "Rescuers were due to arrive Friday": a plan told in the past — no direction, not yet past
        (hand_doc(["Rescuers", "were", "due", "to", "arrive", "Friday"], ["NNS", "VBD", "JJ", "TO", "VB", "NNP"],
                  ["nsubj", "ROOT", "acomp", "aux", "xcomp", "npadvmod"], [1, 1, 1, 4, 2, 4],
                  lemmas=["rescuer", "be", "due", "to", "arrive", "friday"],
                  pos=["NOUN", "AUX", "ADJ", "PART", "VERB", "PROPN"]), 4, Tense("past", prospective=True)),
        # "The ferry will sail Monday"
        (hand_doc(["The", "ferry", "will", "sail", "Monday"], ["DT", "NN", "MD", "VB", "NNP"],
                  ["det", "nsubj", "aux", "ROOT", "npadvmod"], [1, 3, 3, 3, 3],
                  pos=["DET", "NOUN", "AUX", "VERB", "PROPN"]), 3, Tense("future")),
        # "Farmers protested Tuesday"
        (hand_doc(["Farmers", "protested", "Tuesday"], ["NNS", "VBD", "NNP"], ["nsubj", "ROOT", "npadvmod"], [1, 1, 1],
                  pos=["NOUN", "VERB", "PROPN"]), 1, Tense("past")),
    ],
)
def test_tense_of_hand_built_clauses(doc, verb, expected):
    assert tense_of(doc[verb]) == expected


@pytest.mark.parametrize(
    "tense,direction,claim_tense",
    [
        (Tense("past"), "behind", "past"),
        (Tense("future"), "ahead", "future"),
        (Tense("present", prospective=True), "ahead", "future"),
        (Tense("past", prospective=True), None, "future"),
        (Tense("present"), None, "present"),
        (Tense(), None, None),
    ],
)
def test_direction_and_claim_tense(tense, direction, claim_tense):
    assert tense.direction == direction
    assert tense.claim_tense == claim_tense


@pytest.mark.model
@pytest.mark.parametrize(
    "text,date,direction,claim_tense",
    [
        ("The inspectors were to arrive on December 3, the agency said.", "December 3", None, "future"),
        ("The convoy was expected to reach the border on Thursday.", "Thursday", None, "future"),
        ("Engineers had planned to reopen the bridge on Sunday.", "Sunday", None, "future"),
        ("The tribunal is to deliver its verdict on Monday.", "Monday", "ahead", "future"),
        ("The union plans a strike on Wednesday.", "Wednesday", "ahead", "future"),
        ("The museum will reopen on Saturday.", "Saturday", "ahead", "future"),
        ("The shipyard closed on Friday after a fire.", "Friday", "behind", "past"),
        ("The verdict, announced Tuesday, surprised the defence.", "Tuesday", "behind", "past"),
        ("Two climbers have been missing since Sunday.", "Sunday", "behind", "past"),
        ("The ceasefire expires on Friday.", "Friday", None, "present"),
        ("The talks will end before the envoy leaves on Friday.", "Friday", "ahead", "future"),
        ("Ferries run until the harbour closes on Friday.", "Friday", "ahead", "future"),
        ("The governor said she would visit the flooded towns on Monday.", "Monday", None, "future"),
        ("The festival will open in Lyon on May 2 and closes in Paris on June 9.", "June 9", "ahead", "future"),
        ("The festival opened in Lyon on May 2 and closes in Paris on June 9.", "June 9", None, "present"),
    ],
)
def test_tense_of_the_verb_a_date_attaches_to(nlp, text, date, direction, claim_tense):
    doc = nlp(text)
    start = text.index(date)
    span = doc.char_span(start, start + len(date))
    verb = governing_verb(span)
    assert verb is not None
    tense = tense_of(verb)
    assert (tense.direction, tense.claim_tense) == (direction, claim_tense)


@pytest.mark.parametrize(
    "words,tags,deps,heads,expected",
    [
        # "The mayor said she would close the bridge": the future as seen then
        (["The", "mayor", "said", "she", "would", "close", "the", "bridge"], ["DT", "NN", "VBD", "PRP", "MD", "VB", "DT", "NN"],
         ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj"], [1, 2, 2, 5, 5, 2, 7, 5], 4),
        # "The mayor says she would close the bridge": said now, a condition
        (["The", "mayor", "says", "she", "would", "close", "the", "bridge"], ["DT", "NN", "VBZ", "PRP", "MD", "VB", "DT", "NN"],
         ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj"], [1, 2, 2, 5, 5, 2, 7, 5], None),
        # "She would close the bridge": no one reports it
        (["She", "would", "close", "the", "bridge"], ["PRP", "MD", "VB", "DT", "NN"],
         ["nsubj", "aux", "ROOT", "det", "dobj"], [2, 2, 2, 4, 2], None),
    ],
)
def test_reported_future(words, tags, deps, heads, expected):
    from claimcheck.language.tense import reported_future

    pos = ["DET" if t == "DT" else "PRON" if t == "PRP" else "AUX" if t == "MD" else "VERB" if t.startswith("VB") else "NOUN" for t in tags]
    doc = Doc(VOCAB, words=words, tags=tags, deps=deps, heads=heads, lemmas=[{"said": "say", "says": "say"}.get(w, w.lower()) for w in words], pos=pos)
    found = reported_future(doc[deps.index("ccomp") if "ccomp" in deps else deps.index("ROOT")])
    assert (found.i if found is not None else None) == expected
