"""``claimcheck_claims``: the other components' mentions → ``Claim`` records.

Reads what the earlier components wrote — temporal expressions
(``cc_timexes``), quantities (``cc_quantities``), quotations (``cc_quotes``)
and attributions (``cc_attributions``) — and the parse, and writes one
pydantic ``Claim`` per checkable statement to ``doc._.cc_claims``:

- a count governed by a casualty word ("killed", "deaths", "casualties") is a
  ``casualty`` claim; a count of troops that is not is a ``force_size``
  claim; an amount of money is a ``money`` claim;
- each quotation is a ``quote`` claim;
- each calendar date attached to a (non-reporting) verb is an ``event``
  claim: what happened, to whom, when.

A date attached to a reporting verb ("By early November 2024, it was
reported …") is the claim's *report* date, kept apart from the *event* date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from .. import lexicons
from ..language.reference import is_military, is_people_noun, references
from ..language.reporting import hedge_of, is_report_verb
from ..language.syntax import clause_tokens, governing_verb, verb_chain
from ..language.tense import tense_of
from ..models import (
    CasualtyClaim,
    Claim,
    DateValue,
    EventClaim,
    ForceSizeClaim,
    MoneyClaim,
    NameMention,
    Person,
    QuoteClaim,
    Source,
    Speaker,
)
from ..temporal import Timex
from ..textmap import make_span
from ..doccache import entity_of
from .quantities import QuantityMention
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


class DemonymLexicon(BaseModel):
    demonyms: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> ClaimLexicon:
    return lexicons.load("claims", ClaimLexicon)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    return lexicons.load("demonyms", DemonymLexicon).demonyms


@lru_cache(maxsize=1)
def outcome_of_word() -> dict[str, str]:
    return {w: outcome for outcome, words in lexicon().casualty_outcomes.items() for w in words}


#: Entity labels that name an actor.
ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
#: Dependencies by which a clause's participants hang from its verb.
PARTICIPANT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "dative", "conj", "appos"}
#: Children of the verbs above a claim that scope over it ("maybe they will try to use …").
SCOPE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "aux", "advmod", "neg", "nsubj", "mark"}
#: Words that attach a component to its total ("200 people, including 12 Americans").
PART_MARKERS = {"including", "among", "of"}
GROUP_PRONOUNS = {"they", "them", "their", "these", "those"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}


@Language.factory("claimcheck_claims")
def make_claims(nlp: Language, name: str) -> "ClaimsComponent":
    return ClaimsComponent()


class ClaimsComponent:
    """Finds claims (``find``) and writes them with ids in document order."""

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(doc)
        claims = sorted(self.find(ctx), key=lambda c: (c.span.start, c.span.end, c.kind))
        for i, claim in enumerate(claims, 1):
            claim.id = f"c{i}"
        for part, whole in ctx.parts_of_totals():
            part.part_of = whole.id
        doc._.cc_claims = claims
        doc._.cc_people = people_records(doc)
        return doc

    def find(self, ctx: "_Context") -> Iterator[Claim]:
        for q in ctx.doc._.cc_quantities or []:
            claim = ctx.numeric_claim(q)
            if claim is not None:
                yield claim
        for quote in ctx.quotes:
            yield ctx.quote_claim(quote)
        yield from ctx.event_claims()


@dataclass
class _DatedAnchor:
    timex: Timex
    verb: Optional[Token]
    reporting: bool


class _Context:
    """Per-doc lookups shared by the claim builders."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.timexes: list[Timex] = list(doc._.cc_timexes or [])
        self.quotes: list[QuoteMention] = list(doc._.cc_quotes or [])
        self.attributions: list[Attribution] = list(doc._.cc_attributions or [])
        self._anchors = [self._anchor(t) for t in self.timexes]
        self._source_chars = self._source_char_set()
        self._casualty_heads: list[tuple[CasualtyClaim, Token]] = []
        self.refs = references(doc)

    # -- spans and tokens -------------------------------------------------

    def char_span(self, start: int, end: int) -> Optional[SpacySpan]:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _source_char_set(self) -> set[int]:
        chars: set[int] = set()
        for a in self.attributions:
            for s in a.sources:
                if s.span is not None:
                    chars.update(range(s.span.start, s.span.end))
        return chars

    def _in_source(self, token: Token) -> bool:
        smap = self.doc._.cc_source_map
        offset = smap.file_offset(token.idx) if smap is not None else token.idx
        return offset in self._source_chars

    # -- dates ------------------------------------------------------------

    def _anchor(self, timex: Timex) -> _DatedAnchor:
        span = self.char_span(timex.start, timex.end)
        verb = governing_verb(span) if span is not None and len(span) else None
        return _DatedAnchor(timex, verb, verb is not None and is_report_verb(verb))

    def dates_for(self, anchor: Token) -> tuple[Optional[Timex], Optional[Timex]]:
        """(event date, report date) of the clause governed by ``anchor``."""
        event = reported = None
        ancestors = {anchor.i} | {t.i for t in anchor.ancestors}
        for a in self._anchors:
            if a.verb is None or a.verb.sent != anchor.sent or not a.timex.is_dated:
                continue
            if a.verb.i not in ancestors:
                continue
            if a.reporting and a.verb.i != anchor.i:
                reported = reported or a.timex
            elif event is None or a.verb.i == anchor.i:
                event = a.timex
        return event, reported

    def date_value(self, timex: Optional[Timex]) -> Optional[DateValue]:
        return timex.to_date_value(self.doc) if timex is not None else None

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
        scope = clause_tokens(anchor) + [c for v in verb_chain(anchor) for c in (v, *v.children) if c.dep_ in SCOPE_DEPS]
        hedge = hedge_of([*scope, *cues])
        if hedge in ("speculative", "estimated"):
            return hedge
        if sources or in_quote or hedge == "reported":
            return "reported"
        return "asserted"

    # -- actors -----------------------------------------------------------

    def actors(self, anchor: Token, extra: Iterable[Token] = ()) -> tuple[list[str], list[str]]:
        """Display names and match keys of the participants of ``anchor``'s clause."""
        names: list[str] = []
        keys: list[str] = []
        heads = [t for t in clause_tokens(anchor) if t.dep_ in PARTICIPANT_DEPS and t.pos_ in {"NOUN", "PROPN", "PRON"}]
        # a subjectless participle ("…, resulting in the deaths of …") shares its head verb's subject
        if anchor.dep_ in {"advcl", "xcomp", "conj", "acl"} and not any(c.dep_.startswith("nsubj") for c in anchor.children):
            heads += [c for c in anchor.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # a subjectless passive participle ("the troops, deployed a week earlier, …") is about
        # the noun it follows, however the parser attached it
        if anchor.tag_ == "VBN" and not any(c.dep_.startswith("nsubj") for c in anchor.children):
            before = next((t for t in reversed(anchor.doc[anchor.sent.start : anchor.i]) if not t.is_punct), None)
            if before is not None and before.pos_ in {"NOUN", "PROPN"}:
                heads.append(before)
        for head in [*extra, *heads]:
            if self._in_source(head) or self.is_place(head):
                continue
            resolved = self.refs.resolve_group(head, is_named_group) if head.lower_ in GROUP_PRONOUNS else head
            if resolved is None:
                continue
            key = actor_key(resolved)
            if key is None or key in keys:
                continue
            names.append(noun_phrase(resolved))
            keys.append(key)
        # nations and peoples named anywhere in the clause ("the Ukrainian incursion")
        for t in clause_tokens(anchor):
            if t.ent_type_ in {"NORP", "GPE"} and t.ent_iob_ == "B" and not self._in_source(t) and not self.is_place(t):
                key = demonym(entity_text(t))
                if key not in keys and not any(k.startswith(key + " ") for k in keys):
                    names.append(entity_text(t))
                    keys.append(key)
        return names, keys

    def is_place(self, token: Token) -> bool:
        """A named place where something happens, not who does it: the object of a
        locative preposition ("arrived *in Mali*", "crossed *into Kursk*")."""
        if token.ent_type_ not in {"GPE", "LOC", "FAC"} and not (token.pos_ == "PROPN" and token.ent_type_ != "PERSON"):
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

    def numeric_claim(self, q: QuantityMention) -> Optional[Claim]:
        if q.kind not in {"count", "money"}:
            return None
        qspan = self.char_span(q.start, q.end)
        if qspan is None or not len(qspan):
            return None
        noun = self.doc[q.noun_i] if getattr(q, "noun_i", None) is not None else None
        head = noun if noun is not None else qspan.root
        anchor = figure_predicate(head) or governing_verb(head) or head
        sent = head.sent
        end_char = max(q.end, noun.idx + len(noun)) if noun is not None and noun.idx >= q.start else q.end
        in_quote = any(x.start <= q.start and q.end <= x.end for x in self.quotes)
        sources = self.sources_for(q.start, end_char, sent)
        cues = self.cue_tokens(q.start, end_char, sent)
        event, reported = self.dates_for(anchor)
        base = dict(
            id="c0",
            span=make_span(self.doc, q.start, end_char),
            sentence=sent.text.strip(),
            sentence_span=make_span(self.doc, sent.start_char, sent.end_char),
            date=self.date_value(event),
            reported=self.date_value(reported),
            sources=sources,
            modality=self.modality(anchor, sources, in_quote, cues),
            tense=tense_of(anchor).claim_tense,
        )
        if q.kind == "money":
            names, keys = self.actors(anchor)
            return MoneyClaim(quantity=q.quantity, what=money_purpose(qspan), actors=names, actor_keys=keys, **base)
        outcome = self.casualty_outcome(head, anchor)
        group_token = noun if noun is not None and is_group_noun(noun) else self.group_in_sentence(head)
        if outcome is not None:
            if group_token is None and noun is not None and noun.pos_ == "NOUN":
                group_token = noun
            names, keys = self.actors(anchor, [group_token] if group_token is not None else [])
            group = noun_phrase(group_token) if group_token is not None else None
            group_key = actor_key(group_token) if group_token is not None else None
            if group is None:  # "the death toll from the floods in Bahia had risen to 40"
                group = self.tally_phrase(anchor)
                group_key = group.lower() if group else None
            claim = CasualtyClaim(
                quantity=q.quantity,
                outcome=outcome,  # type: ignore[arg-type]
                group=group,
                group_key=group_key,
                cumulative=self.is_cumulative(head, anchor),
                actors=names,
                actor_keys=keys,
                **base,
            )
            self._casualty_heads.append((claim, head))
            return claim
        if noun is not None and is_military(noun):
            names, keys = self.actors(anchor, [noun])
            return ForceSizeClaim(
                quantity=q.quantity,
                group=noun_phrase(noun),
                group_key=actor_key(noun),
                action=self.force_action(noun, anchor, base["modality"]),  # type: ignore[arg-type]
                actors=names,
                actor_keys=keys,
                **base,
            )
        return None

    def tally_phrase(self, verb: Token) -> Optional[str]:
        """The subject of ``verb`` when it names a running tally ('the death toll from the floods')."""
        markers = self.lex.cumulative_markers
        for subj in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if subj.lemma_.lower() in markers:
                tokens = [t for t in subj.subtree if t.dep_ != "det" or t.i > subj.i]
                return self.doc[tokens[0].i : tokens[-1].i + 1].text
        return None

    def parts_of_totals(self) -> Iterator[tuple[CasualtyClaim, CasualtyClaim]]:
        """(part, total) pairs: "killed 200 people, including 12 Americans"."""
        by_token = {head.i: claim for claim, head in self._casualty_heads}
        for claim, head in self._casualty_heads:
            for t in list(head.ancestors)[:3]:
                if t.lower_ not in PART_MARKERS:
                    continue
                # the total is what the marker hangs from, or that verb's subject or object
                # ("Fifteen people were killed …, including 20 Americans")
                hosts = [t.head, *(c for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})]
                whole = next((by_token[h.i] for h in hosts if h.i in by_token and by_token[h.i] is not claim), None)
                if whole is not None and whole.outcome == claim.outcome and whole.part_of is None:
                    yield claim, whole
                break

    def casualty_outcome(self, head: Token, anchor: Token) -> Optional[str]:
        """killed / wounded / killed_or_wounded / … from the words governing ``head``."""
        table = outcome_of_word()
        found: list[str] = []
        chain = [head, *list(head.ancestors)[:4]]
        candidates = list(chain) + [c for c in head.children if c.dep_ in {"amod", "acl", "relcl", "prep"}]
        # "left 40 troops dead", "were found dead": the predicate hangs from the verb
        candidates += [c for c in anchor.children if c.dep_ in {"oprd", "acomp", "xcomp"}]
        # "the death toll had risen to 40": the figure completes a verb whose subject counts the dead
        if head.dep_ in {"pobj", "attr", "dobj"} and (head.i == anchor.i or head.head.i == anchor.i or head.head.head.i == anchor.i):
            for subj in (c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}):
                candidates += [x for x in subj.subtree if x.i <= subj.i or x.head.lower_ == "of"]
        for t in candidates:
            for word in (t.lower_, t.lemma_.lower()):
                if word in table:
                    found.append(table[word])
                    for conj in t.conjuncts:
                        outcome = table.get(conj.lemma_.lower()) or table.get(conj.lower_)
                        if outcome:
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

    def is_cumulative(self, head: Token, anchor: Token) -> bool:
        markers = self.lex.cumulative_markers
        words = {t.lemma_.lower() for t in [head, *list(head.ancestors)[:4]]}
        words |= {t.lemma_.lower() for t in anchor.children}
        return bool(words & markers)

    def force_action(self, noun: Token, anchor: Token, modality: str) -> str:
        if modality == "speculative" or tense_of(anchor).claim_tense == "future":
            return "planned"
        words = {t.lemma_.lower() for t in [anchor, *noun.children, *noun.ancestors]}
        words |= {t.lower_ for t in noun.children}
        for action, verbs in self.lex.force_actions.items():
            if action != "planned" and words & verbs:
                return action
        return "present"

    def group_in_sentence(self, head: Token) -> Optional[Token]:
        """A group noun elsewhere in the sentence ('losses among North Korean troops')."""
        best: Optional[Token] = None
        for t in head.sent:
            if t.i != head.i and t.pos_ in {"NOUN", "PROPN"} and has_group_modifier(t) and not self._in_source(t):
                if is_military(t) or t.ent_type_ in {"NORP"}:
                    if best is None or abs(t.i - head.i) < abs(best.i - head.i):
                        best = t
        return best

    def quote_claim(self, q: QuoteMention) -> QuoteClaim:
        qspan = self.char_span(q.start, q.end)
        sent = qspan.root.sent if qspan is not None and len(qspan) else next(iter(self.doc.sents))
        cue_token = None
        if q.cue_start is not None and q.cue_end is not None:
            cspan = self.char_span(q.cue_start, q.cue_end)
            cue_token = cspan.root if cspan is not None and len(cspan) else None
        event, reported = self.dates_for(cue_token) if cue_token is not None else (None, None)
        sources = [speaker_source(q.speaker, q.cue)] if q.speaker is not None else []
        return QuoteClaim(
            id="c0",
            span=make_span(self.doc, q.start, q.end),
            sentence=sent.text.strip(),
            sentence_span=make_span(self.doc, sent.start_char, sent.end_char),
            date=self.date_value(event or reported),
            sources=sources,
            modality="reported",
            actors=[q.speaker.name] if q.speaker is not None else [],
            actor_keys=[q.speaker.name.lower()] if q.speaker is not None else [],
            quote=q.text,
            speaker=q.speaker,
            cue=q.cue,
            quote_type=q.quote_type,  # type: ignore[arg-type]
            tense=tense_of(cue_token).claim_tense if cue_token is not None else None,
        )

    def event_claims(self) -> Iterator[EventClaim]:
        """One event per calendar date attached to a non-reporting verb."""
        for a in self._anchors:
            t = a.timex
            if a.verb is None or a.reporting or t.begin is None or t.type not in {"DATE", "TIME"}:
                continue
            verb = a.verb
            # "began engaging": the phase and the participants belong to "began"
            main = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"} else verb
            phase = self.phase(verb, main, t)
            noun = self.onset_noun(main, t) if phase == "onset" else None
            # a nominal onset is its owner's: "their deployment", "North Korea's deployment"
            owners = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}] if noun is not None else []
            names, keys = self.actors(main, owners)
            span_start, span_end = event_extent(verb)
            sent = verb.sent
            in_quote = any(x.start <= verb.idx < x.end for x in self.quotes)
            sources = self.sources_for(span_start, span_end, sent)
            cues = self.cue_tokens(span_start, span_end, sent)
            yield EventClaim(
                id="c0",
                span=make_span(self.doc, span_start, span_end),
                sentence=sent.text.strip(),
                sentence_span=make_span(self.doc, sent.start_char, sent.end_char),
                date=self.date_value(t),
                sources=sources,
                modality=self.modality(verb, sources, in_quote, cues),
                actors=names,
                actor_keys=keys,
                tense=tense_of(main).claim_tense,
                what=event_phrase(main),
                phase=phase,  # type: ignore[arg-type]
            )


# -- parse helpers (pure functions over tokens) ------------------------------


def figure_predicate(noun: Token) -> Optional[Token]:
    """The verb a counted noun's own clause gives it: "12 officers *killed* on Monday",
    "the 40 people who *died*", "10,000 troops *stationed* in Kursk"."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def is_group_noun(noun: Token) -> bool:
    """A noun that names people: a military or people noun, or one with a nationality."""
    return is_military(noun) or is_people_noun(noun) or actor_key(noun) is not None


def is_named_group(noun: Token) -> bool:
    """A plural noun that names a group by nationality ("North Korean troops")."""
    return actor_key(noun) is not None and has_group_modifier(noun)


def has_group_modifier(noun: Token) -> bool:
    return any(c.dep_ in MODIFIER_DEPS and c.ent_type_ in {"NORP", "GPE"} for c in noun.children) or (
        noun.ent_type_ in {"NORP"}
    )


def entity_text(token: Token) -> str:
    """The text of the named entity ``token`` belongs to (or the token's own text)."""
    ent = entity_of(token)
    return ent.text if ent is not None else token.text


def demonym(text: str) -> str:
    """'North Korea' → 'north korean'; demonyms and unknown names unchanged (lower-case)."""
    key = text.lower().strip()
    key = key[:-2] if key.endswith("'s") or key.endswith("’s") else key
    if key.endswith("ns") and key[:-1] in demonyms().values():  # 'North Koreans'
        key = key[:-1]
    return demonyms().get(key, key)


def actor_key(token: Optional[Token]) -> Optional[str]:
    """A match key for the actor headed by ``token``, or None if it is not an actor.

    Group nouns collapse to '<demonym> forces' when military ('North Korean
    troops', "North Korea's soldiers" → 'north korean forces'), otherwise
    '<demonym> <noun>'; named people and organizations are their lower-cased name.
    """
    if token is None:
        return None
    if token.ent_type_ in {"PERSON", "ORG"}:
        return entity_text(token).lower().removeprefix("the ")
    if token.ent_type_ in {"NORP", "GPE"} and token.pos_ == "PROPN" and token.dep_ not in MODIFIER_DEPS:
        return demonym(entity_text(token))
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    mods = [c for c in token.children if c.dep_ in MODIFIER_DEPS and c.ent_type_ in {"NORP", "GPE"}]
    if not mods or not (is_military(token) or is_people_noun(token)):
        return None
    ents = {e for c in mods if (e := entity_of(c)) is not None}
    nationality = " ".join(demonym(e.text) for e in sorted(ents, key=lambda e: e.start)) or demonym(mods[0].text)
    noun = "forces" if is_military(token) else token.lemma_.lower()
    return f"{nationality} {noun}"


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


def event_phrase(verb: Token) -> str:
    """'North Korean troops opened fire', 'they began engaging' — subject, verb, object."""
    parts: list[Token] = []
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass"}:
            parts.extend(t for t in c.subtree if t.dep_ not in {"relcl", "acl"} and t.i < verb.i and c.i - 3 <= t.i)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        parts.extend(t for t in verb.head.subtree if t.i < verb.i and t.i >= verb.head.left_edge.i and t.dep_ != "det")
    parts.extend(c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg", "prt"} and c.i < verb.i + 2)
    parts.append(verb)
    for c in verb.children:
        if c.dep_ in {"dobj", "xcomp", "prt", "acomp"} and c.i > verb.i:
            parts.append(c)
    words = [t for t in sorted(set(parts), key=lambda t: t.i) if not t.is_punct]
    return " ".join(t.text for t in words)


def event_extent(verb: Token) -> tuple[int, int]:
    """Characters from the verb's subject (or the verb) to its direct object."""
    tokens = [verb]
    for c in verb.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj", "xcomp", "prt"}:
            tokens.append(c)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        tokens.append(verb.head)
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens)
    doc = verb.doc
    return doc[start].idx, doc[end].idx + len(doc[end])


def money_purpose(qspan: SpacySpan) -> Optional[str]:
    """What an amount of money is: the noun it measures ('pledges … totaling $5.6 billion')."""
    root = qspan.root
    for t in [root, *root.ancestors]:
        if t.pos_ in {"NOUN", "PROPN"} and t not in qspan and not t.like_num:
            left = t.left_edge.i
            right = t.i + 1
            for c in t.rights:
                if c.dep_ == "prep" and c.lower_ == "of":
                    right = c.right_edge.i + 1
                    break
            text = t.doc[left:right].text
            return text if len(text) < 80 else t.text
    return None


def speaker_source(speaker: Speaker, cue: Optional[str]) -> Source:
    return Source(
        text=speaker.text,
        name=speaker.name,
        kind="person" if not speaker.group else "org",
        cue=cue,
        vague=False,
        span=speaker.span,
    )


def people_records(doc: Doc) -> list[Person]:
    """The people of ``doc``'s references as report records, with every mention."""
    out: list[Person] = []
    for n, entity in enumerate(references(doc).people(), 1):
        mentions = []
        for k, m in enumerate(entity.mentions, 1):
            span = doc[m.start : m.end]
            sent = span.sent
            mentions.append(
                NameMention(
                    id=f"p{n}m{k}",
                    text=m.text,
                    span=make_span(doc, span.start_char, span.end_char),
                    sentence=sent.text.strip(),
                    sentence_span=make_span(doc, sent.start_char, sent.end_char),
                )
            )
        out.append(
            Person(
                id=f"p{n}",
                name=entity.name,
                spellings=list(entity.spellings),
                gender=entity.gender,
                roles=list(dict.fromkeys(entity.roles)),
                ages=list(entity.ages),
                mentions=mentions,
            )
        )
    return out
