"""Frame building details, on hand-built docs (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimcheck.pipeline.frames import _modifiers

VOCAB = spacy.blank("en").vocab  # English word shapes: lower case, numbers


def test_a_phrase_holding_a_counted_value_is_no_modifier_of_the_noun():
    # "a grant of about 640,000 euros with conditions": the value is no word narrowing the
    # grant, "with conditions" is
    words = ["grant", "of", "about", "640,000", "euros", "with", "conditions"]
    heads = [0, 0, 3, 4, 1, 0, 5]
    deps = ["ROOT", "prep", "advmod", "nummod", "pobj", "prep", "pobj"]
    pos = ["NOUN", "ADP", "ADV", "NUM", "NOUN", "ADP", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert _modifiers(doc[0]) == ["with conditions"]


def test_a_clause_parsed_as_a_modifier_narrows_nothing():
    # "Rivals, allies sign new pact" with "sign" hung on "pact" as a modifier holding its own
    # subjects: a headline's clause, not a kind of pact; "new" still narrows it
    words = ["Rivals", ",", "allies", "sign", "new", "pact"]
    heads = [3, 0, 3, 5, 5, 5]
    deps = ["nsubj", "punct", "nsubj", "nmod", "amod", "ROOT"]
    pos = ["NOUN", "PUNCT", "NOUN", "VERB", "ADJ", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert _modifiers(doc[5]) == ["new"]


def test_a_determiner_hung_on_the_number_makes_a_set_named_again():
    from claimcheck.pipeline.frames import _definite_set

    # "the 23 dead": the parser hangs "the" on the number, not on "dead"
    words = ["The", "23", "dead", "included", "children"]
    heads = [1, 2, 3, 3, 3]
    deps = ["det", "nummod", "nsubj", "ROOT", "dobj"]
    pos = ["DET", "NUM", "ADJ", "VERB", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert _definite_set(doc[2], doc[1:2])
    bare = Doc(VOCAB, words=["23", "dead", "included", "children"], heads=[1, 2, 2, 2], deps=["nummod", "nsubj", "ROOT", "dobj"])
    assert not _definite_set(bare[1], bare[0:1])


def test_a_sum_is_named_by_what_it_is_in_before_what_it_is_part_of():
    from claimcheck.pipeline.context import money_purpose_noun

    # "the worth of the 40 million dollars in fines": the sum is fines, the worth a part of it
    words = ["worth", "of", "the", "40", "million", "dollars", "in", "fines"]
    heads = [0, 0, 5, 4, 5, 1, 5, 6]
    deps = ["ROOT", "prep", "det", "compound", "nummod", "pobj", "prep", "pobj"]
    pos = ["NOUN", "ADP", "DET", "NUM", "NUM", "NOUN", "ADP", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert money_purpose_noun(doc[3:6]).text == "fines"
    # without its own "in", the sum is what it is of: "a fine of 40 million dollars"
    words = ["fine", "of", "40", "million", "dollars"]
    heads = [0, 0, 3, 4, 1]
    deps = ["ROOT", "prep", "compound", "nummod", "pobj"]
    pos = ["NOUN", "ADP", "NUM", "NUM", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert money_purpose_noun(doc[2:5]).text == "fine"


def test_a_sum_is_what_the_noun_before_worth_is():
    from claimcheck.pipeline.context import money_purpose_noun

    # "seized heroin worth 20 million dollars", with "worth" hung on the verb
    words = ["seized", "heroin", "worth", "20", "million", "dollars"]
    heads = [0, 0, 0, 4, 5, 2]
    deps = ["ROOT", "dobj", "prep", "compound", "nummod", "npadvmod"]
    pos = ["VERB", "NOUN", "ADJ", "NUM", "NUM", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert money_purpose_noun(doc[3:6]).text == "heroin"


def test_all_before_the_number_names_the_whole_set():
    from claimcheck.pipeline.frames import _definite_set

    # "inspected all 58 aircraft": "all" hangs on the number
    words = ["inspected", "all", "58", "aircraft"]
    heads = [0, 2, 3, 0]
    deps = ["ROOT", "quantmod", "nummod", "dobj"]
    pos = ["VERB", "DET", "NUM", "NOUN"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos)
    assert _definite_set(doc[3], doc[2:3])
    # "about 58 aircraft" is no set named again
    doc = Doc(VOCAB, words=["inspected", "about", "58", "aircraft"], heads=heads, deps=deps, pos=["VERB", "ADV", "NUM", "NOUN"])
    assert not _definite_set(doc[3], doc[2:3])


def test_a_day_on_a_happening_named_as_known():
    from claimcheck.pipeline.frames import _dated_event

    # "held since his arrest on May 6": the day is the arrest's
    words = ["held", "since", "his", "arrest", "on", "May", "6"]
    heads = [0, 0, 3, 1, 3, 4, 5]
    deps = ["ROOT", "prep", "poss", "pobj", "prep", "pobj", "nummod"]
    pos = ["VERB", "ADP", "PRON", "NOUN", "ADP", "PROPN", "NUM"]
    tags = ["VBN", "IN", "PRP$", "NN", "IN", "NNP", "CD"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert _dated_event(doc[5:7]).text == "arrest"
    # "prices on May 6": no happening named as known
    words = ["rose", "prices", "on", "May", "6"]
    doc = Doc(VOCAB, words=words, heads=[0, 0, 1, 2, 3], deps=["ROOT", "dobj", "prep", "pobj", "nummod"],
              pos=["VERB", "NOUN", "ADP", "PROPN", "NUM"], tags=["VBD", "NNS", "IN", "NNP", "CD"])
    assert _dated_event(doc[3:5]) is None
