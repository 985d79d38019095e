"""What the claim and frame builders share about one doc: dates, sources, modality, actors.

:class:`ClaimContext` reads what the earlier components wrote — temporal
expressions (``cc_timexes``), quotations (``cc_quotes``), attributions
(``cc_attributions``), references (``cc_references``) — and answers, per clause,
when it happened and was reported, on whose word, how firmly, and about whom.
It is built once per doc (:func:`context_of`) and shared by
:mod:`.frames` and :mod:`.claims`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Optional

from pydantic import BaseModel
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .. import lexicons
from ..doccache import doc_ents, entity_of, sent_start_of, sent_starts
from ..language.reference import demonym, is_military, is_people_noun, references
from ..language.reporting import hedge_of, is_report_verb, strongest_hedge
from ..language.segment import paragraph_index, paragraph_starts, region_of
from ..language.syntax import (
    EMBEDDED_CLAUSES,
    clause_tokens,
    dated_noun,
    dated_verb,
    governing_preposition,
    has_subject,
    is_counted,
    verb_chain,
)
from ..language.tense import reported_future
from ..models import DateValue, Location, Source, Span, Speaker
from ..temporal import Timex
from ..textmap import doc_text, make_span, source_map, span_text
from .quantities import BASE_TIME_PREPOSITIONS, is_change
from .quotes import QuoteMention
from .sources import Attribution


class ClaimLexicon(BaseModel):
    """``lexicons/claims.json``; word lists become sets for membership tests."""

    casualty_outcomes: dict[str, list[str]]
    cumulative_markers: frozenset[str]
    force_actions: dict[str, frozenset[str]]
    onset_verbs: frozenset[str]
    onset_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    end_verbs: frozenset[str]
    money_nouns: frozenset[str]
    change_nouns: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> ClaimLexicon:
    return lexicons.load("claims", ClaimLexicon)


@lru_cache(maxsize=1)
def outcome_of_word() -> dict[str, str]:
    return {w: outcome for outcome, words in lexicon().casualty_outcomes.items() for w in words}


#: Entity labels that name an actor.
ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
#: Dependencies by which a clause's participants hang from its verb.
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "dative", "conj", "appos"}
#: Children of the verbs above a claim that scope over it ("maybe they will try to use …").
SCOPE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "aux", "advmod", "neg", "nsubj", "mark"}
GROUP_PRONOUNS = {"they", "them", "their", "these", "those"}
#: Prepositions that bring in the cause of harm a casualty verb tells: "hurt *in* three blasts",
#: "shot *by* two gunmen".
CAUSE_PREPOSITIONS = frozenset({"in", "by", "during", "with", "from"})
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


@dataclass
class DatedAnchor:
    timex: Timex
    verb: Optional[Token]
    reporting: bool
    #: The first token of the verb's sentence (-1 without a verb).
    sentence_start: int = -1
    #: Without a verb: the noun the date is written before ("the March 30 *election*").
    noun: Optional[Token] = None


class ClaimContext:
    """Per-doc lookups shared by the claim and frame builders (built once per doc: :func:`context_of`)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.timexes: list[Timex] = list(doc._.cc_timexes or [])
        self.quotes: list[QuoteMention] = list(doc._.cc_quotes or [])
        self.attributions: list[Attribution] = list(doc._.cc_attributions or [])
        self._sents: dict[int, SpacySpan] = {}  # the sentences made so far, by their number
        self._sent_chars: Optional[list[int]] = None  # each sentence's first character
        self.anchors = [self._anchor(t) for t in self.timexes]
        self._source_chars = self._source_char_set()
        self.refs = references(doc)
        self._paragraphs: Optional[list[int]] = None
        self._sentence_texts: dict[int, tuple[str, Span]] = {}
        self._clauses: dict[int, list[Token]] = {}
        # what several frames and claims of one clause or date ask again, worked out once
        self._date_values: dict[tuple[int, int], DateValue] = {}
        self._actors: dict[tuple[int, ...], tuple[list[str], list[str]]] = {}
        self._places: dict[int, list[str]] = {}
        self._parties: dict[tuple[int, int], list[str]] = {}
        self._party_starts: Optional[list[int]] = None
        self._dates_for: dict[int, tuple[Optional[Timex], Optional[Timex]]] = {}
        self._scope_hedges: dict[int, Optional[str]] = {}

    def clause(self, verb: Token) -> list[Token]:
        """:func:`~claimcheck.language.syntax.clause_tokens` of ``verb``, worked out once per verb."""
        out = self._clauses.get(verb.i)
        if out is None:
            out = self._clauses[verb.i] = clause_tokens(verb)
        return out

    # -- spans and tokens -------------------------------------------------

    def sentence_of(self, token: Token) -> SpacySpan:
        """``token``'s sentence, made once per sentence (from :func:`~claimcheck.doccache.sent_starts`)."""
        starts = sent_starts(self.doc)
        k = bisect_right(starts, token.i) - 1
        sent = self._sents.get(k)
        if sent is None:
            sent = self._sents[k] = self.doc[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(self.doc)]
        return sent

    def sentence_text(self, sent: SpacySpan) -> tuple[str, Span]:
        """The text and file span of ``sent``, made once for all the claims, frames and
        mentions of the sentence."""
        found = self._sentence_texts.get(sent.start)
        if found is None:
            found = self._sentence_texts[sent.start] = (span_text(sent).strip(), make_span(self.doc, sent.start_char, sent.end_char))
        return found

    def char_span(self, start: int, end: int) -> Optional[SpacySpan]:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _source_char_set(self) -> set[int]:
        chars: set[int] = set()
        for a in self.attributions:
            for s in a.sources:
                if s.span is not None:
                    chars.update(range(s.span.start, s.span.end))
        return chars

    def in_source(self, token: Token) -> bool:
        return source_map(self.doc).file_offset(token.idx) in self._source_chars

    # -- dates ------------------------------------------------------------

    def _anchor(self, timex: Timex) -> DatedAnchor:
        span = self.char_span(timex.start, timex.end)
        verb = dated_verb(span) if span is not None and len(span) else None
        if verb is None:
            return DatedAnchor(timex, None, False, noun=dated_noun(span) if span is not None else None)
        return DatedAnchor(timex, verb, is_report_verb(verb), sent_start_of(verb))

    def dates_for(self, anchor: Token) -> tuple[Optional[Timex], Optional[Timex]]:
        """(event date, report date) of the clause governed by ``anchor``."""
        found = self._dates_for.get(anchor.i)
        if found is None:
            found = self._dates_for[anchor.i] = self._find_dates(anchor)
        return found

    def _find_dates(self, anchor: Token) -> tuple[Optional[Timex], Optional[Timex]]:
        event = reported = None
        start = sent_start_of(anchor)
        candidates = [a for a in self.anchors if a.sentence_start == start and a.timex.is_dated]
        if not candidates:
            return None, None
        ancestors = {anchor.i} | {t.i for t in anchor.ancestors}
        for a in candidates:
            assert a.verb is not None
            if a.verb.i not in ancestors or self._change_started(a.timex):
                continue
            if a.reporting and a.verb.i != anchor.i:
                reported = reported or a.timex
            elif event is None or a.verb.i == anchor.i:
                event = a.timex
        return event, reported

    def noun_date(self, noun: Token) -> Optional[Timex]:
        """The date written before ``noun``, or before the noun it modifies ("the 2019
        *budget*", "last month's $2 billion *purchase*"), when it is dated."""
        nouns = {noun.i}
        while noun.dep_ in ("compound", "nmod", "amod", "nummod", "quantmod") and noun.head is not noun:
            noun = noun.head
            nouns.add(noun.i)
        return next((a.timex for a in self.anchors if a.noun is not None and a.noun.i in nouns and a.timex.is_dated), None)

    def _change_started(self, timex: Timex) -> bool:
        """The time a change is measured from, not the time of the change: "fell 8 percent in
        March *from a year earlier*", "grew 3 percent *against a year before*"."""
        span = self.char_span(timex.start, timex.end)
        if span is None or span.start == 0:
            return False
        before = self.doc[span.start - 1]
        return before.lower_ in BASE_TIME_PREPOSITIONS and is_change(before)

    def date_value(self, timex: Optional[Timex]) -> Optional[DateValue]:
        """The report record of a temporal expression, with the preposition that governs it
        (one record per expression, shared by the frames and claims it dates)."""
        if timex is None:
            return None
        value = self._date_values.get((timex.start, timex.end))
        if value is None:
            value = self._date_values[(timex.start, timex.end)] = timex.to_date_value(self.doc)
            span = self.char_span(timex.start, timex.end)
            if span is not None:
                value.preposition = governing_preposition(span)
        return value

    # -- sources and modality ----------------------------------------------

    def covering(self, start: int, end: int, sent: SpacySpan) -> tuple[list[Attribution], list[QuoteMention]]:
        """The attributions whose content covers ``[start, end)`` (else the sentence's), and
        the quotations around it that have a speaker."""
        covering = [a for a in self.attributions if a.start <= start and end <= a.end]
        if not covering:
            covering = [a for a in self.attributions if sent.start_char <= a.start < sent.end_char]
        quotes = [q for q in self.quotes if q.start <= start and end <= q.end and q.speaker is not None]
        return covering, quotes

    def sources_for(self, start: int, end: int, sent: SpacySpan) -> list[Source]:
        """Sources of the attributions and quotations covering ``[start, end)``, each once."""
        attributions, quotes = self.covering(start, end, sent)
        seen: set[str] = set()
        out: list[Source] = []
        for a in attributions:
            for s in a.sources:
                if s.name not in seen:
                    seen.add(s.name)
                    out.append(s)
        for q in quotes:
            assert q.speaker is not None
            if q.speaker.name not in seen:
                seen.add(q.speaker.name)
                out.append(speaker_source(q.speaker, q.cue))
        return out

    def cue_tokens(self, start: int, end: int, sent: SpacySpan) -> list[Token]:
        """The words of the cues ("estimated by", "speculate", "said") that credit ``[start, end)``."""
        attributions, quotes = self.covering(start, end, sent)
        out: list[Token] = []
        for cs, ce in [(a.cue_start, a.cue_end) for a in attributions] + [(q.cue_start, q.cue_end) for q in quotes]:
            if cs is not None and ce is not None and (cue := self.char_span(cs, ce)) is not None:
                out.extend(cue)
        return out

    def modality(self, anchor: Token, sources: Sequence[Source], in_quote: bool, cues: Sequence[Token] = ()) -> str:
        """negated, speculative, estimated, reported or asserted: from the clause's words and its cues."""
        if any(c.dep_ == "neg" for c in anchor.children):
            return "negated"
        if anchor.i not in self._scope_hedges:
            # the verbs above the anchor and their words, but no coordinated clause of its own:
            # "we finished with 20, and I believe we can win more" hedges only the second
            scope = self.clause(anchor) + [
                c
                for v in verb_chain(anchor)
                for c in (v, *v.children)
                if c.dep_ in SCOPE_DEPS and not (c.dep_ == "conj" and has_subject(c))
            ]
            backshifted = reported_future(anchor)  # "said it would cut": a plan then, no guess
            skip = backshifted.i if backshifted is not None else -1
            self._scope_hedges[anchor.i] = hedge_of(t for t in scope if t.i != skip)
        hedge = strongest_hedge((self._scope_hedges[anchor.i], hedge_of(cues)))
        if hedge in ("speculative", "estimated"):
            return hedge
        if sources or in_quote or hedge == "reported":
            return "reported"
        return "asserted"

    # -- actors -----------------------------------------------------------

    def actors(self, anchor: Token, extra: Iterable[Token] = ()) -> tuple[list[str], list[str]]:
        """Display names and match keys of the participants of ``anchor``'s clause (and of
        the ``extra`` tokens, first), worked out once per clause and extras."""
        extra = list(extra)
        key = (anchor.i, *(t.i for t in extra))
        found = self._actors.get(key)
        if found is None:
            found = self._actors[key] = self._find_actors(anchor, extra)
        return list(found[0]), list(found[1])

    def _find_actors(self, anchor: Token, extra: list[Token]) -> tuple[list[str], list[str]]:
        names: list[str] = []
        keys: list[str] = []
        heads = [t for t in self.clause(anchor) if t.dep_ in PARTICIPANT_DEPS and t.pos_ in {"NOUN", "PROPN", "PRON"}]
        # a subjectless participle ("…, resulting in the deaths of …") shares its head verb's subject
        if anchor.dep_ in {"advcl", "xcomp", "conj", "acl"} and not any(c.dep_.startswith("nsubj") for c in anchor.children):
            heads += [c for c in anchor.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # a subjectless passive participle ("the troops, deployed a week earlier, …") is about
        # the noun it follows, however the parser attached it
        if anchor.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in anchor.children):
            before = next((t for t in reversed(anchor.doc[sent_start_of(anchor) : anchor.i]) if not t.is_punct), None)
            if before is not None and before.pos_ in {"NOUN", "PROPN"}:
                heads.append(before)
        for head in [*extra, *heads]:
            if self.in_source(head) or self.is_place(head):
                continue
            resolved = self.refs.resolve_group(head, is_named_group) if head.lower_ in GROUP_PRONOUNS else head
            if resolved is None:
                continue
            key = actor_key(resolved)
            person = self.refs.entity_at(resolved.i)
            if person is not None and person.kind == "person":  # one person however named: "Amara Diallo", "Diallo"
                key = person.name.lower()
            if key is None or key in keys:
                continue
            names.append(noun_phrase(resolved))
            keys.append(key)
        # nations and peoples named anywhere in the clause ("the Ukrainian incursion")
        for t in self.clause(anchor):
            if t.ent_type_ in {"NORP", "GPE"} and t.ent_iob_ == "B" and not self.in_source(t) and not self.is_place(t):
                key = demonym(entity_text(t))
                if key not in keys and not any(k.startswith(key + " ") for k in keys):
                    names.append(entity_text(t))
                    keys.append(key)
        return names, keys

    def parties(self, anchor: Token, head: Optional[Token] = None) -> list[str]:
        """Named people, bodies and nations in the subject and objects of ``anchor``'s clause
        and in the phrase of ``head`` ("*Okafor*'s party has 23 members"), places excepted."""
        key = (anchor.i, head.i if head is not None else -1)
        found = self._parties.get(key)
        if found is not None:
            return list(found)
        roots = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "dative")]
        if head is not None:
            roots.append(head)
        if self._party_starts is None:  # the first token of each named party, in order
            self._party_starts = [e.start for e in doc_ents(self.doc) if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
        starts = self._party_starts
        out: list[str] = []
        for root in roots:
            # the parties whose first token is in the root's subtree
            left, right = root.left_edge.i, root.right_edge.i
            for i in starts[bisect_left(starts, left) : bisect_right(starts, right)]:
                t = self.doc[i]
                if (i == root.i or root.is_ancestor(t)) and not self.is_place(t) and not self.in_source(t):
                    entity = self.refs.entity_at(i)  # one person however named: "Amara Diallo", "Diallo"
                    name = entity.name if entity is not None else entity_text(t)
                    name = name[:-2] if name.endswith(("'s", "’s")) else name
                    if name not in out:
                        out.append(name)
        self._parties[key] = out
        return list(out)

    def places(self, anchor: Token) -> list[str]:
        """The places named in ``anchor``'s clause ("killed *in Mopti*"), as written."""
        out = self._places.get(anchor.i)
        if out is None:
            out = self._places[anchor.i] = []
            for t in self.clause(anchor):
                if t.ent_iob_ == "B" and self.is_place(t):
                    name = entity_text(t)
                    if name not in out:
                        out.append(name)
        return list(out)

    def is_place(self, token: Token) -> bool:
        """A named place where something happens, not who does it: the object of a
        locative preposition ("arrived *in Mali*", "crossed *into Kursk*")."""
        if token.ent_type_ not in {"GPE", "LOC", "FAC"} and not (token.pos_ == "PROPN" and not token.ent_type_):
            return False
        ent = entity_of(token)
        root = ent.root if ent is not None else token
        return root.dep_ == "pobj" and root.head.lower_ in self.lex.place_prepositions

    def phase(self, verb: Token, main: Token, timex: Timex) -> Optional[str]:
        """``onset`` when the dated clause starts an actor's involvement ("arrived", "were
        deployed", "began fighting", "first engaged", "since their deployment a week
        earlier"), ``end`` when it ends it ("withdrew"), else None."""
        lemmas = {verb.lemma_.lower(), main.lemma_.lower()}
        if lemmas & self.lex.onset_verbs or any(c.dep_ == "advmod" and c.lower_ == "first" for c in main.children):
            return "onset"
        if lemmas & self.lex.end_verbs:
            return "end"
        if self.onset_noun(main, timex) is not None:
            return "onset"
        return None

    def onset_noun(self, verb: Token, timex: Timex) -> Optional[Token]:
        """An onset noun the date right after it dates: "since their *deployment* to the
        front just over a week earlier" (the date follows the phrase of the noun)."""
        span = self.char_span(timex.start, timex.end)
        if span is None:
            return None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("since", "after", "following")):
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is None or noun.lemma_.lower() not in self.lex.onset_nouns:
                continue
            gap = [t for t in self.doc[prep.right_edge.i + 1 : span.start] if not t.is_punct]
            if span.start > prep.i and len(gap) <= 1:
                return noun
        return None

    # -- claim builders ----------------------------------------------------

    def casualty_outcome(self, head: Token, anchor: Token) -> Optional[str]:
        """killed / wounded / killed_or_wounded / … from the words governing ``head``."""
        table = outcome_of_word()
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in table and any(c.dep_ == "dobj" for c in head.head.children):
            return None  # "two car bombs killed 14": what is counted did the harm its verb's object suffered
        found: list[str] = []
        # the figure's own words first ("40 dead", "the wounded"), then what completes its verb
        # ("left 40 troops dead", "dozens were missing"), then the verbs above it
        candidates = [head, *(c for c in head.children if c.dep_ in {"amod", "acl", "relcl", "prep"})]
        if head.dep_ == "pobj" and head.head.lower_ in CAUSE_PREPOSITIONS and not any(
            w in table for t in candidates for w in (t.lower_, t.lemma_.lower())
        ):
            return None  # "were hurt in three explosions", "shot by two gunmen": the cause, not the harmed
        candidates += [c for c in anchor.children if c.dep_ in {"oprd", "acomp", "xcomp"}]
        for up in islice(head.ancestors, 4):  # not past a clause of its own: "killed and four were *rescued*"
            candidates.append(up)
            if up.dep_ in EMBEDDED_CLAUSES and has_subject(up):
                break
        candidates.append(anchor)  # a verb a list's items share ("9 miners, two rescuers hurt")
        # "the death toll had risen to 40": the figure completes a verb whose subject counts the dead
        if head.dep_ in {"pobj", "attr", "dobj"} and (head.i == anchor.i or head.head.i == anchor.i or head.head.head.i == anchor.i):
            for subj in (c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}):
                candidates += [x for x in subj.subtree if x.i <= subj.i or x.head.lower_ == "of"]
        for t in candidates:
            for word in (t.lower_, t.lemma_.lower()):
                if word in table:
                    found.append(table[word])
                    # "killed or wounded 30 soldiers": verbs that share the figure; not
                    # "killing two and injuring three", where each verb has its own
                    for conj in t.conjuncts:
                        outcome = table.get(conj.lemma_.lower()) or table.get(conj.lower_)
                        if outcome and not has_own_figure(conj, head):
                            found.append(outcome)
                    break
            if found:
                break
        if not found:
            return None
        kinds = set(found)
        if {"killed", "wounded"} <= kinds:
            return "killed_or_wounded"
        return found[0]

    def location(self, char: int) -> Location:
        """Where the character at ``char`` is: headline, standfirst or body; paragraph; sentence."""
        if self._paragraphs is None:
            self._paragraphs = paragraph_starts(doc_text(self.doc))
        if self._sent_chars is None:
            self._sent_chars = [self.doc[i].idx for i in sent_starts(self.doc)]
        return Location(
            part=region_of(self.doc, char),
            paragraph=paragraph_index(self._paragraphs, char),
            sentence=max(0, bisect_right(self._sent_chars, char) - 1),
        )

    def is_cumulative(self, head: Token, anchor: Token) -> bool:
        markers = self.lex.cumulative_markers
        words = {t.lemma_.lower() for t in [head, *islice(head.ancestors, 4)]}
        # the verb's own words, not a clause of its own ("cut 500 jobs *as costs rise*")
        words |= {t.lemma_.lower() for t in anchor.children if t.dep_ not in EMBEDDED_CLAUSES}
        return bool(words & markers)


def has_own_figure(verb: Token, figure: Token) -> bool:
    """Whether a coordinated verb counts its own figure ("and injuring *three* others",
    "and *25* wounded"), not the one it is coordinated about."""
    for c in verb.children:  # "and injuring a child": an object of its own
        if c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.i != figure.i and c.pos_ in ("NOUN", "PROPN", "NUM"):
            return True
    for t in verb.subtree:
        if t.i != figure.i and (t.like_num or t.pos_ == "NUM") and figure not in list(t.ancestors):
            if t.head.i == verb.i or t.head.head.i == verb.i or t.dep_ == "nummod" and t.head.head.i == verb.i:
                return True
    return False


def context_of(doc: Doc) -> ClaimContext:
    """The doc's :class:`ClaimContext`, built on first use."""
    ctx = doc.user_data.get("cc_claim_context")
    if ctx is None:
        ctx = doc.user_data["cc_claim_context"] = ClaimContext(doc)
    return ctx


# -- parse helpers (pure functions over tokens) ------------------------------


def figure_predicate(noun: Token) -> Optional[Token]:
    """The verb a counted noun's own clause gives it: "12 officers *killed* on Monday",
    "the 40 people who *died*", "10,000 troops *stationed* in Kursk"; a list a headline sets
    out with commas shares its last item's verb ("9 miners, two rescuers *hurt*", parsed as an
    apposition)."""
    own = _own_verb(noun)
    if own is None:
        items = [c for c in noun.children if c.dep_ == "appos" and is_counted(c)]
        own = next((v for c in items if (v := _own_verb(c)) is not None), None)
    elif own.dep_ == "acl" and own.tag_ == "VBN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() not in FINDING_VERBS:
        return None  # "is recalling 85,000 dishwashers *sold* since 2021": the object of "recalling"
    return own


#: Verbs whose object's participle tells what befell it: "found 12 bodies *dumped* in a canal",
#: "left 30 people *injured*", "has 10,000 troops *stationed* in Kursk".
FINDING_VERBS = frozenset({"find", "leave", "have", "see", "report", "keep", "get", "show", "count", "confirm", "include", "discover", "recover"})


def _own_verb(noun: Token) -> Optional[Token]:
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def is_group_noun(noun: Token) -> bool:
    """A noun that names people: a military or people noun, or one with a nationality."""
    return is_military(noun) or is_people_noun(noun) or actor_key(noun) is not None


def is_named_group(noun: Token) -> bool:
    """A noun that names a group by nationality or by a name ("North Korean troops", "the
    Tamil rebels")."""
    return actor_key(noun) is not None and (has_group_modifier(noun) or noun.pos_ == "NOUN")


def has_group_modifier(noun: Token) -> bool:
    return any(c.dep_ in MODIFIER_DEPS and c.ent_type_ in {"NORP", "GPE"} for c in noun.children) or (
        noun.ent_type_ in {"NORP"}
    )


def entity_text(token: Token) -> str:
    """The text of the named entity ``token`` belongs to (or the token's own text), without
    space at its ends or a bracket the entity opens but does not close ("the Baltic Fisheries
    Council (BFC")."""
    ent = entity_of(token)
    if ent is None:
        return token.text
    text = ent.text.strip()  # the model may take in the line break after a headline's last word
    return _UNCLOSED_BRACKET.sub("", text) or text


#: A bracket opened and not closed at the end of a name, and a bracketed part of a name.
_UNCLOSED_BRACKET = re.compile(r"\s*[(\[][^)\]]*$")
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def name_key(name: str) -> str:
    """A match key for a name: lower-cased, without a leading "the" or a bracketed
    abbreviation ("the Baltic Fisheries Council (BFC)" → "baltic fisheries
    council")."""
    return _BRACKETED.sub("", name).strip().lower().removeprefix("the ")


def actor_key(token: Optional[Token]) -> Optional[str]:
    """A match key for the actor headed by ``token``, or None if it is not an actor.

    Group nouns collapse to '<demonym> forces' when military ('North Korean
    troops', "North Korea's soldiers" → 'north korean forces'), otherwise
    '<demonym> <noun>'; named people and organizations are their lower-cased name.
    """
    if token is None:
        return None
    if token.ent_type_ in {"PERSON", "ORG"}:
        return name_key(entity_text(token))
    if token.ent_type_ in {"NORP", "GPE"} and token.pos_ == "PROPN" and token.dep_ not in MODIFIER_DEPS:
        return demonym(entity_text(token))
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not (is_military(token) or is_people_noun(token)):
        return None
    mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.ent_type_ in {"NORP", "GPE"}]
    if not mods:  # a group named by a name of its own: "the Tamil rebels", "the UN experts"
        mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.dep_ != "poss" and _names(c)]
    if not mods:
        return None
    ents = {e for c in mods if (e := entity_of(c)) is not None}
    nationality = " ".join(demonym(e.text).removeprefix("the ") for e in sorted(ents, key=lambda e: e.start)) or demonym(mods[0].text)
    noun = "forces" if is_military(token) else token.lemma_.lower()
    return f"{nationality} {noun}"


def _names(token: Token) -> bool:
    """A modifier that is a name: an entity of any kind, or a capitalized word inside the
    sentence ("the *Karachi* police", "the *FAR* soldiers")."""
    if token.ent_type_ in {"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"}:
        return True
    return token.pos_ == "PROPN" and token.i > token.sent.start and token.text[:1].isupper()


def noun_phrase(token: Optional[Token]) -> str:
    """The noun with its left modifiers, without numbers, hedges and determiners."""
    if token is None:
        return ""
    if token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return entity_text(token)
    left = [t for t in token.subtree if t.i <= token.i and t.dep_ in MODIFIER_DEPS | {"compound"}]
    left = [t for t in left if t.pos_ not in {"NUM", "DET"} and t.like_num is False and t.dep_ != "poss" or t.ent_type_]
    tokens = sorted({*left, token}, key=lambda t: t.i)
    tokens = [t for t in tokens if t.dep_ not in {"det", "nummod", "quantmod", "case"} and not t.like_num]
    return token.doc[tokens[0].i : token.i + 1].text if tokens else token.text


def speaker_source(speaker: Speaker, cue: Optional[str]) -> Source:
    return Source(
        text=speaker.text,
        name=speaker.name,
        kind="person" if not speaker.group else "org",
        cue=cue,
        vague=False,
        span=speaker.span,
    )


def money_purpose(qspan: SpacySpan) -> Optional[str]:
    """What an amount of money is, as written: the noun it measures with its own words
    ('pledges of support' … totaling $5.6 billion', '$4.5 million in damages')."""
    t = money_purpose_noun(qspan)
    if t is None:
        return None
    if t.i > qspan.root.i:  # "$4.5 million in damages"
        return t.doc[t.left_edge.i : t.i + 1].text
    right = t.i + 1
    for c in t.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            right = c.right_edge.i + 1
            break
    text = t.doc[t.left_edge.i : right].text
    return text if len(text) < 80 else t.text


def money_purpose_noun(qspan: SpacySpan) -> Optional[Token]:
    """The head noun of what an amount of money is: "$4.5 million in *damages*", "*pledges*
    of support totaling $5.6 billion", "a $2 billion *loan*"."""
    root = qspan.root
    doc = qspan.doc
    if root.head.lower_ == "worth" and root.head.i == qspan.start - 1 and root.head.i > 0 and doc[root.head.i - 1].pos_ == "NOUN":
        return doc[root.head.i - 1]  # "taking *bribes* worth 1.2 million euros", however "worth" is hung
    following = [doc[qspan.end]] if qspan.end < len(doc) else []
    preps = [c for c in [*root.rights, *following] if c.dep_ == "prep" and c.lower_ in ("in", "of", "for")]
    own = [p for p in preps if p.lower_ == "in"]  # its own "in" names it before what it is part of:
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" and root.head.head not in qspan and not own:
        return root.head.head  # "a *budget* of 4.5 billion euros for defence", "a *fine* of 900 dollars"
    for prep in (*own, *preps):  # "the worth of the $40 billion in *losses*"
        pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        if pobj is not None:
            return pobj
    for t in [root, *root.ancestors]:
        if t.pos_ in {"NOUN", "PROPN"} and t not in qspan and not t.like_num:
            return t
    return None
