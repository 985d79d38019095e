"""The array attribute ruler sets exactly what the model's own attribute ruler sets."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG  # noqa: E402
from spacy.pipeline import AttributeRuler  # noqa: E402

from claimcheck.pipeline.ruler import ArrayAttributeRuling, read_plan, use_array_attribute_ruler  # noqa: E402

TEXTS = [
    "He didn't say whether they'd gotta leave, but there's no doubt she's gonna stay.",
    "Y'all know it: the council ain't voting till Monday, and nobody's told us why.",
    "Once the ferry docked, everyone who'd waited since dawn was let ashore.\n\nThat was it.",
    "“I’m not sure that this will work,” said the engineer, who has built three bridges.",
    "",
]


def _ruled(nlp, text):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "attribute_ruler":
            return doc
    raise AssertionError("no attribute ruler")


@pytest.mark.model
def test_the_same_attributes_as_the_model(nlp):
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["ner", "lemmatizer"])
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuling)
    assert not isinstance(plain.get_pipe("attribute_ruler"), ArrayAttributeRuling)
    columns = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    for text in TEXTS:
        ours, theirs = _ruled(nlp, text), _ruled(plain, text)
        assert ours.to_array(columns).tolist() == theirs.to_array(columns).tolist()
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def _doc(vocab, words, tags, deps=None):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, tags=tags, deps=deps or ["dep"] * len(words), heads=list(range(len(words))))


def _ruler(patterns):
    vocab = spacy.blank("en").vocab  # with the English lexical attributes (LOWER)
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    return vocab, ruler


def test_a_later_pattern_wins_and_indexes_count_from_either_end():
    vocab, ruler = _ruler([
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "LEMMA": "thing"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "kite"}]], "attrs": {"LEMMA": "kite"}},
        {"patterns": [[{"LOWER": "red"}, {"LOWER": {"IN": ["kite", "box"]}}]], "attrs": {"POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^b.x$"}}]], "attrs": {"MORPH": "Number=Sing"}},
    ])
    words, tags = ["A", "red", "Kite", "and", "a", "box"], ["DT", "JJ", "NN", "CC", "DT", "NN"]
    theirs = ruler(_doc(vocab, words, tags))
    use = type("Array", (ArrayAttributeRuling, AttributeRuler), {})
    ruler.__class__ = use
    ours = ruler(_doc(vocab, words, tags))
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == [(t.pos_, t.lemma_, str(t.morph)) for t in theirs]
    assert [t.pos_ for t in ours][2] == "PROPN" and ours[2].lemma_ == "kite" and ours[5].lemma_ == "thing"
    assert str(ours[5].morph) == "Number=Sing"



def test_rules_of_one_token_and_longer_rules_keep_their_order_across_docs():
    vocab, ruler = _ruler([
        {"patterns": [[{"LOWER": "pay"}, {"LOWER": "cut"}]], "attrs": {"LEMMA": "cutback"}, "index": 1},
        {"patterns": [[{"TAG": "NN", "LOWER": "cut"}]], "attrs": {"POS": "NOUN"}},  # after the longer rule
        {"patterns": [[{"TAG": "VBD"}]], "attrs": {"LEMMA": "did"}},
        {"patterns": [[{"LOWER": "tax"}, {"TAG": "VBD"}]], "attrs": {"LEMMA": "taxed"}, "index": 1},  # wins over "did"
        {"patterns": [[{"LOWER": {"NOT_IN": ["a", "the", "pay", "tax"]}, "TAG": "NN"}]], "attrs": {"MORPH": "Number=Sing"}},
    ])
    docs = [(["a", "pay", "cut", "and", "tax", "rose"], ["DT", "NN", "NN", "CC", "NN", "VBD"]),
            (["the", "cut", "fell", "and", "pay", "cut", "rose"], ["DT", "NN", "VBD", "CC", "NN", "NN", "VBD"])]
    seen = lambda doc: [(t.pos_, t.lemma_, str(t.morph)) for t in doc]  # noqa: E731
    theirs = [seen(ruler(_doc(vocab, w, t))) for w, t in docs]
    ruler.__class__ = type("Array", (ArrayAttributeRuling, AttributeRuler), {})
    ours = [seen(ruler(_doc(vocab, w, t))) for w, t in docs * 2]  # the second time from what it remembers
    assert ours == theirs * 2
    assert ours[0][2] == ("NOUN", "cutback", "Number=Sing") and ours[0][5][1] == "taxed" and ours[1][2][1] == "did"

def test_a_pattern_it_cannot_read_leaves_the_ruler_as_it_is():
    _, ruler = _ruler([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    assert read_plan(ruler) is None
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}])
    use_array_attribute_ruler(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuling)


def test_patterns_added_later_that_it_cannot_read_go_to_spacy():
    vocab, ruler = _ruler([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}])
    ruler.__class__ = type("Array", (ArrayAttributeRuling, AttributeRuler), {})
    ruler(_doc(vocab, ["kites"], ["NN"]))
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"LEMMA": "kite"})
    doc = ruler(_doc(vocab, ["kites"], ["NN"]))
    assert doc[0].pos_ == "NOUN" and doc[0].lemma_ == "kite"


@pytest.mark.model
def test_the_ruler_pickles_after_use(nlp):
    import pickle

    ruler = nlp.get_pipe("attribute_ruler")
    nlp("The ferry left at dawn.")
    again = pickle.loads(pickle.dumps(ruler))
    assert isinstance(again, ArrayAttributeRuling) and len(again.attrs) == len(ruler.attrs)
