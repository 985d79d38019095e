"""The ``claimcheck_dates`` component on a parsed Doc."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "kursk-north-korean-troops.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def dates_nlp(nlp):
    """The model's tagger plus claimcheck_dates (the rest of the pipeline is not needed)."""
    import spacy

    from claimcheck import pipeline  # noqa: F401  registers the factories

    blank = spacy.blank("en", vocab=nlp.vocab)
    for name in ("tok2vec", "tagger", "attribute_ruler"):
        if name in nlp.pipe_names:
            blank.add_pipe(name, source=nlp)
    blank.add_pipe("claimcheck_dates")
    return blank


def test_infers_publication_when_unset(dates_nlp):
    doc = dates_nlp(SAMPLE.read_text(encoding="utf-8"))
    assert doc._.cc_published == date(2024, 11, 10)
    assert doc._.cc_published_source == "inferred"
    assert "early November 2024" in doc._.cc_published_from
    texts = [t.text for t in doc._.cc_timexes]
    assert texts[:1] == ["December 14, 2023"]
    prior = next(t for t in doc._.cc_timexes if t.text == "just over a week prior")
    assert prior.anchor_text == "early November 2024"


def test_dateline_is_reported_as_such(dates_nlp):
    doc = dates_nlp("Thursday, January 12, 2006\n\nThe mayor said on Monday that taxes would rise.")
    assert (doc._.cc_published, doc._.cc_published_source) == (date(2006, 1, 12), "dateline")
    assert [t.value for t in doc._.cc_timexes] == ["2006-01-12", "2006-01-09"]


def test_given_publication_date_is_kept(dates_nlp):
    doc = dates_nlp.make_doc("Officials said on Monday that the talks had failed.")
    doc._.cc_published = date(2024, 11, 20)
    doc = dates_nlp(doc)
    assert doc._.cc_published_source is None
    value = doc._.cc_timexes[0].to_date_value(doc)
    assert (value.value, value.anchor_text, value.span.text) == ("2024-11-18", "publication date", "Monday")
