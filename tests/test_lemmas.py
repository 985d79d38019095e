"""The array lemmatizer gives exactly the lemmas of the model's own rule lemmatizer."""

from __future__ import annotations

import pytest

TEXTS = [
    "The ferries were running again by Tuesday, and the harbour master said crews had worked through the night.",
    "She's been saying for years that the mines would close; they closed in 2019 and 340 miners lost their jobs.",
    "Prices rose 2.4 percent in March, the statistics office said, after falling for three straight months.",
    "“We are not leaving,” the villagers told reporters, as bulldozers cleared the last of the houses.",
]


@pytest.mark.model
def test_the_same_lemmas_as_the_model(nlp):
    import spacy

    from claimcheck.pipeline.lemmas import ArrayLemmatizing

    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"], exclude=["ner"])
    assert isinstance(nlp.get_pipe("lemmatizer"), ArrayLemmatizing)
    for text in TEXTS:
        ours, theirs = nlp(text), plain(text)
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        assert any(t.lemma_ != t.text for t in ours)  # the texts do have words to lemmatize


@pytest.mark.model
def test_a_doc_lemmatized_twice_keeps_its_lemmas(nlp):
    doc = nlp("The soldiers were wounded near the villages.")
    before = [t.lemma_ for t in doc]
    nlp.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == before == ["the", "soldier", "be", "wound", "near", "the", "village", "."]


@pytest.mark.model
def test_the_same_lemmas_when_the_cache_starts_again(nlp, monkeypatch):
    """Lemmas kept from earlier docs, and a cache emptied when it is full, change nothing."""
    from claimcheck.pipeline import lemmas

    expected = [[t.lemma_ for t in nlp(text)] for text in TEXTS]
    monkeypatch.setattr(lemmas, "MAX_KNOWN", 3)
    assert [[t.lemma_ for t in nlp(text)] for text in TEXTS * 2] == expected * 2
