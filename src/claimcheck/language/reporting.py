"""The one reporting vocabulary (``lexicons/reporting.json``) and the tests built on it.

Every component that asks "is this a verb of saying?", "does this verb credit a
source?", "is this a plan?" or "does this word hedge the claim?" asks here:

- :func:`is_speech_cue` — a word that can introduce a quotation ("said",
  "noting", "his statement", "according to") — the quotes component;
- :func:`is_attribution_verb` — a verb whose subject is the source of the
  proposition it introduces ("X confirmed …") — the sources component;
- :func:`is_report_verb` — a verb in reporting use, so a date attached to it is
  when something was reported, not when it happened — the claims component;
- :func:`is_addressed` — a verb of saying whose object is the person spoken to
  ("Jones was told": Jones is no speaker);
- :func:`is_plan` — a verb whose complement lies ahead ("is expected to
  arrive") — the tense module;
- :func:`hedge_of` — the modality words in a claim's scope give it.

A verb with the ``clausal`` role reports only with a clause or quotation as its
complement: "the economy added 200,000 jobs" and "police found the bodies" are
ordinary events, "she added that …" is reported speech.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .. import lexicons

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

VerbRole = Literal["speech", "attribution", "clausal", "plan", "prospective", "estimate", "speculative", "addressed"]
NounRole = Literal["speech", "attribution"]
Hedge = Literal["speculative", "estimate"]

#: Dependencies by which a reporting verb takes the proposition it reports.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
#: Dependencies a cue noun has when it introduces words ("in a statement", "his remarks").
CUE_NOUN_DEPS = frozenset({"nsubj", "pobj", "dobj", "attr", "appos"})


class ReportingLexicon(BaseModel):
    """``lexicons/reporting.json``, validated: every role is one of the known ones."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    doc: str = Field(alias="_doc")
    verbs: dict[str, frozenset[VerbRole]] = Field(min_length=1)
    nouns: dict[str, frozenset[NounRole]]
    prepositions: dict[str, str] = Field(description="First word -> the phrase: 'according' -> 'according to'.")
    adverbs: dict[str, str] = Field(description="Adverbs that rest a claim on unnamed sources: 'reportedly'.")
    hedges: dict[Hedge, frozenset[str]] = Field(description="Words other than verbs that hedge a claim.")
    speech_idioms: dict[str, str] = Field(
        default_factory=dict, description="Verbs that say with an object standing for the words said: 'put' -> 'it' ('as Berg put it')."
    )


@lru_cache(maxsize=1)
def lexicon() -> ReportingLexicon:
    """The validated reporting lexicon (loaded once)."""
    return lexicons.load("reporting", ReportingLexicon)


@lru_cache(maxsize=8192)
def verb_roles(lemma: str) -> frozenset[str]:
    """The roles of a verb lemma (empty when it is no reporting, plan or hedge verb)."""
    return lexicon().verbs.get(lemma.lower(), frozenset())


def noun_roles(word: str) -> frozenset[str]:
    return lexicon().nouns.get(word.lower(), frozenset())


def is_verb(token: "Token") -> bool:
    """A verb by its part of speech or its tag (the tagger may call "according" a verb)."""
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def takes_clause(verb: "Token") -> bool:
    """Whether ``verb`` has a clausal complement ("said *that …*", "told them *to leave*"),
    not a predicative adjective ("were found *dead*")."""
    return any(c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") for c in verb.children)


def is_cue_preposition(token: "Token") -> bool:
    """ "according" (to X), "per" (as per X): the word within its whole phrase as written
    ("dollars per barrel" is no cue)."""
    phrase = lexicon().prepositions.get(token.lower_)
    if phrase is None:
        return False
    words = phrase.split()
    at = words.index(token.lower_) if token.lower_ in words else 0
    doc = token.doc
    start = token.i - at
    if start < 0 or start + len(words) > len(doc):
        return False
    return [t.lower_ for t in doc[start : start + len(words)]] == words


def is_speech_cue(token: "Token") -> bool:
    """A word that introduces words said: a verb of saying, a cue noun, "according to"."""
    if token.dep_ == "prep" and is_cue_preposition(token):
        return True
    if is_verb(token):
        return "speech" in verb_roles(token.lemma_) or _speech_idiom(token)
    return "speech" in noun_roles(token.lower_) and token.dep_ in CUE_NOUN_DEPS


def _speech_idiom(verb: "Token") -> bool:
    """ "as Berg *put it*", "as she phrased it": a verb whose object stands for the words said."""
    obj = lexicon().speech_idioms.get(verb.lemma_.lower())
    return obj is not None and any(c.dep_ == "dobj" and c.lower_ == obj for c in verb.children)


def is_attribution_verb(token: "Token") -> bool:
    """A verb whose subject is the source of what it introduces ("X confirmed …", "a study
    found that …"); not a verb used in its plain sense ("four were found dead")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    roles = verb_roles(token.lemma_)
    return "attribution" in roles and ("clausal" not in roles or takes_clause(token))


def is_addressed(token: "Token") -> bool:
    """A verb of saying whose object is the person spoken to ("told", "asked"): its
    passive subject is the addressee, not the speaker."""
    return is_verb(token) and "addressed" in verb_roles(token.lemma_)


def is_attribution_noun(token: "Token") -> bool:
    """A noun that carries a source's words or figures ("statements from X", "a report by Y")."""
    return "attribution" in noun_roles(token.lower_)


def is_report_noun(word: str) -> bool:
    """A noun for what was said or published ("reports", "statement", "remarks"); the
    singular of a plural is looked up too."""
    w = word.lower()
    return bool(noun_roles(w) or noun_roles(w[:-1]) if w.endswith("s") else noun_roles(w))


def is_report_verb(token: "Token") -> bool:
    """A verb in reporting use: a date attached to it dates the report, not the event."""
    if not is_verb(token):
        return False
    roles = verb_roles(token.lemma_)
    if not roles & {"speech", "attribution"}:
        return False
    return "clausal" not in roles or takes_clause(token)


def is_plan(lemma: str) -> bool:
    """A verb whose complement lies ahead: plan, schedule, expect, due, intend, set."""
    return "plan" in verb_roles(lemma)


def is_prospective(lemma: str) -> bool:
    """A verb whose infinitive complement lies ahead: "agreed *to buy*", "vowed *to strike*"."""
    return bool(verb_roles(lemma) & {"plan", "prospective"})


def hedge_of(tokens: Iterable["Token"]) -> Optional[str]:
    """The modality hedges among ``tokens`` give: speculative, estimated, reported, else None.

    Speculation wins over estimation, estimation over a plain report.
    """
    found: set[str] = set()
    for t in tokens:
        # what a word hedges depends only on these four, so it is worked out once per kind of word
        key = (t.pos, t.ent_type, t.lemma, t.lower)
        kinds = _WORD_HEDGES.get(key)
        if kinds is None:
            if len(_WORD_HEDGES) >= 65536:
                _WORD_HEDGES.clear()
            kinds = _WORD_HEDGES[key] = _word_hedges(t)
        found.update(kinds)
    return strongest_hedge(found)


#: Hedges from the strongest: speculation wins over estimation, estimation over a plain report.
HEDGE_ORDER: tuple[str, ...] = ("speculative", "estimated", "reported")


def strongest_hedge(hedges: Iterable[Optional[str]]) -> Optional[str]:
    """The strongest of ``hedges`` (see :data:`HEDGE_ORDER`), None when there is none:
    the hedge of several groups of words is the strongest of their hedges."""
    found = set(hedges)
    return next((kind for kind in HEDGE_ORDER if kind in found), None)


#: (part of speech, entity type, lemma, lower-case form) of a word → the hedges it gives.
_WORD_HEDGES: dict[tuple[int, int, int, int], frozenset[str]] = {}


def _word_hedges(t: "Token") -> frozenset[str]:
    lex = lexicon()
    found: set[str] = set()
    if t.pos_ == "PROPN" or t.ent_type_ in ("DATE", "TIME"):  # "May 2024" is no modal
        return frozenset()
    lemma, lower = t.lemma_.lower(), t.lower_
    roles = verb_roles(lemma)
    if t.pos_ == "NOUN":  # "the estimates" hedge a figure; "the plan", "a call" do not
        roles = roles & {"estimate"}
    if "speculative" in roles or lower in lex.hedges.get("speculative", ()) or lemma in lex.hedges.get("speculative", ()):
        found.add("speculative")
    if "estimate" in roles or lower in lex.hedges.get("estimate", ()) or lemma in lex.hedges.get("estimate", ()):
        found.add("estimated")
    if roles & {"speech", "attribution"} or lower in lex.adverbs or lower in lex.prepositions:
        found.add("reported")
    return frozenset(found)
