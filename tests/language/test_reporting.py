"""The one reporting vocabulary and its roles."""

from __future__ import annotations

import pytest

from claimcheck.language.reporting import hedge_of, is_attribution_verb, is_plan, is_report_verb, is_speech_cue, lexicon


def test_every_lemma_has_a_role():
    lex = lexicon()
    assert all(roles for roles in lex.verbs.values())
    assert all(roles for roles in lex.nouns.values())


@pytest.mark.parametrize("lemma,plan", [("schedule", True), ("expect", True), ("say", False), ("arrive", False)])
def test_plan_verbs(lemma, plan):
    assert is_plan(lemma) is plan


@pytest.mark.model
@pytest.mark.parametrize(
    "text,word,report",
    [
        ("The ministry said on Monday that 12 soldiers died.", "said", True),
        ("She added on Friday that talks would resume.", "added", True),
        ("The economy added 200,000 jobs in March.", "added", False),  # no clause: an ordinary verb
        ("Divers found the wreck on Sunday.", "found", False),
        ("A UN inquiry found on Tuesday that the strike was unlawful.", "found", True),
    ],
)
def test_report_verbs_need_a_clause_when_their_plain_sense_is_an_event(nlp, text, word, report):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert is_report_verb(token) is report


@pytest.mark.model
@pytest.mark.parametrize(
    "text,word,speech,attribution",
    [
        ("“We are ready,” the coach joked.", "joked", True, False),
        ("Analysts calculated that 3,000 fighters crossed.", "calculated", False, True),
        ("According to the agency, 40 people died.", "According", True, False),
        ("As the ferry captain put it, “The sea decides.”", "put", True, False),
        ("Officials put the cost at 40 million euros.", "put", False, False),
    ],
)
def test_speech_and_attribution_roles(nlp, text, word, speech, attribution):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert is_speech_cue(token) is speech
    assert is_attribution_verb(token) is attribution


@pytest.mark.model
@pytest.mark.parametrize(
    "text,hedge",
    [
        ("Officials speculate that the dam may fail.", "speculative"),
        ("An estimated 3,000 people fled.", "estimated"),
        ("The agency reported 40 deaths.", "reported"),
        ("Forty people died.", None),
    ],
)
def test_hedge_of(nlp, text, hedge):
    assert hedge_of(nlp(text)) == hedge
