"""claimcheck_sources: attributions, their normalized sources, kinds and vagueness."""

from __future__ import annotations

import pytest

from conftest import SAMPLE


def _attributions(nlp, text):
    doc = nlp(text)
    return doc, doc._.cc_attributions


def _all_sources(attributions):
    return [(s.name, s.kind, s.vague) for a in attributions for s in a.sources]


@pytest.mark.parametrize(
    "text,name,kind,content",
    [
        ("According to Ukraine's military intelligence agency (HUR), 200 soldiers died.", "HUR", "government", "200 soldiers died"),
        ("According to Reuters, the talks collapsed on Friday.", "Reuters", "media", "the talks collapsed on Friday"),
        ("The plant will close in June, according to the company.", "company", "org", "The plant will close in June"),
    ],
)
def test_according_to(nlp, text, name, kind, content):
    doc, attrs = _attributions(nlp, text)
    a = next(a for a in attrs if a.cue.lower() == "according to")
    assert [(s.name, s.kind) for s in a.sources] == [(name, kind)]
    assert doc.text[a.start : a.end] == content


def test_as_per_statements_from_two_sources(nlp):
    _, attrs = _attributions(nlp, "Thirty troops were wounded, as per statements from HUR and the Pentagon.")
    a = next(a for a in attrs if a.cue.startswith("as per"))
    assert [s.name for s in a.sources] == ["HUR", "Pentagon"]


@pytest.mark.parametrize(
    "text,cue,name",
    [
        ("The Pentagon's Major General Pat Ryder confirmed that 40 soldiers were hurt.", "confirmed", "Pat Ryder"),
        ("Officials in Kyiv estimated that 3,000 homes were damaged.", "estimated", "Officials in Kyiv"),
        ("The mayor indicated the budget had doubled.", "indicated", "mayor"),
    ],
)
def test_verbal_cues(nlp, text, cue, name):
    _, attrs = _attributions(nlp, text)
    a = next(a for a in attrs if a.cue == cue)
    assert a.sources[0].name == name


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Reports suggest the convoy was hit twice.", "suggest"),
        ("Some speculate the strike was planned for weeks.", "speculate"),
        ("It was reported that 12 people were arrested.", "was reported"),
        ("Several hundred soldiers reportedly died in the attack.", "reportedly"),
        ("Officials said 14 people were missing.", "said"),
    ],
)
def test_vague_attributions(nlp, text, cue):
    _, attrs = _attributions(nlp, text)
    a = next(a for a in attrs if a.cue == cue)
    assert a.vague and all(s.kind == "vague" for s in a.sources)


def test_seed_numeric_sentence_sources(nlp):
    doc = nlp(SAMPLE.read_text(encoding="utf-8"))
    start = doc.text.index("It is estimated by various")
    end = doc.text.index(".", doc.text.index("10,000"))
    found = {(s.name, s.kind, s.vague) for a in doc._.cc_attributions if start <= (a.cue_start or 0) < end for s in a.sources}
    assert ("various intelligence sources", "vague", True) in found
    assert ("Pentagon", "government", False) in found
    assert ("Kyiv Independent", "media", False) in found


def test_a_reporting_verb_the_parse_left_without_its_subject_keeps_the_phrase_before_it():
    # "The fair ended with a parade and music, the Tourism Board said.", parsed with the board
    # as an apposition of "music" and "said" as a subjectless clause of "ended"
    import spacy
    from spacy.tokens import Doc

    from claimcheck.pipeline.quotes import subject_of

    words = ["The", "fair", "ended", "with", "a", "parade", "and", "music", ",", "the", "Tourism", "Board", "said", "."]
    heads = [1, 2, 2, 2, 5, 3, 5, 5, 7, 11, 11, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "cc", "conj", "punct", "det", "compound", "appos", "advcl", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "DT", "NN", "CC", "NN", ",", "DT", "NNP", "NNP", "VBD", "."]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "CCONJ", "NOUN", "PUNCT", "DET", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert subject_of(doc[12]).text == "Board"
