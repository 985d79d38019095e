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

from collections.abc import Iterator
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..doccache import release
from ..language.reference import is_military
from ..language.syntax import governing_verb
from ..language.tense import tense_of
from ..models import (
    CasualtyClaim,
    Claim,
    EventClaim,
    ForceSizeClaim,
    Frame,
    MoneyClaim,
    NameMention,
    Person,
    QuoteClaim,
)
from ..textmap import make_span
from .context import (
    ClaimContext,
    actor_key,
    context_of,
    figure_predicate,
    has_group_modifier,
    is_group_noun,
    money_purpose,
    noun_phrase,
    outcome_of_word,
    speaker_source,
)
from .frames import FrameBuilder
from .quantities import QuantityMention
from .quotes import QuoteMention


@Language.factory("claimcheck_claims")
def make_claims(nlp: Language, name: str) -> "ClaimsComponent":
    return ClaimsComponent()


class ClaimsComponent:
    """Finds claims (``find``) and writes them with ids in document order."""

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        frames = FrameBuilder(context)
        doc._.cc_frames = frames.build()
        ctx = ClaimBuilder(context)
        claims = sorted(self.find(ctx), key=lambda c: (c.span.start, c.span.end, c.kind))
        for i, claim in enumerate(claims, 1):
            claim.id = f"c{i}"
            claim.frame = frames.frame_of(claim)
        link_casualty_parts(claims, doc._.cc_frames)
        doc._.cc_claims = claims
        doc._.cc_people = people_records(context)
        # the last component: the context, the references and the caches that hold the doc's
        # own objects are no longer needed (read again, they are built again)
        doc._.cc_references = None
        release(doc)
        return doc

    def find(self, ctx: "ClaimBuilder") -> Iterator[Claim]:
        for q in ctx.doc._.cc_quantities or []:
            claim = ctx.numeric_claim(q)
            if claim is not None:
                yield claim
        for quote in ctx.quotes:
            yield ctx.quote_claim(quote)
        yield from ctx.event_claims()


class ClaimBuilder:
    """Builds the claims of one doc from its mentions, reading the shared :class:`ClaimContext`."""

    def __init__(self, ctx: ClaimContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.lex = ctx.lex
        self.quotes = ctx.quotes
        self.refs = ctx.refs

    def numeric_claim(self, q: QuantityMention) -> Optional[Claim]:
        if q.kind not in {"count", "money"}:
            return None
        qspan = self.ctx.char_span(q.start, q.end)
        if qspan is None or not len(qspan):
            return None
        noun = self.doc[q.noun_i] if getattr(q, "noun_i", None) is not None else None
        head = noun if noun is not None else qspan.root
        anchor = figure_predicate(head) or governing_verb(head) or head
        sent = self.ctx.sentence_of(head)
        end_char = max(q.end, noun.idx + len(noun)) if noun is not None and noun.idx >= q.start else q.end
        in_quote = any(x.start <= q.start and q.end <= x.end for x in self.quotes)
        sources = self.ctx.sources_for(q.start, end_char, sent)
        cues = self.ctx.cue_tokens(q.start, end_char, sent)
        event, reported = self.ctx.dates_for(anchor)
        told = tense_of(anchor)
        base = dict(
            id="c0",
            span=make_span(self.doc, q.start, end_char),
            sentence=self.ctx.sentence_text(sent)[0],
            sentence_span=self.ctx.sentence_text(sent)[1],
            date=self.ctx.date_value(event),
            reported=self.ctx.date_value(reported),
            sources=sources,
            modality=self.ctx.modality(anchor, sources, in_quote, cues),
            tense=told.claim_tense,
            ahead=told.direction == "ahead",
        )
        if q.kind == "money":
            names, keys = self.ctx.actors(anchor)
            return MoneyClaim(quantity=q.quantity, what=money_purpose(qspan), actors=names, actor_keys=keys, **base)
        outcome = self.ctx.casualty_outcome(head, anchor) if counts_people(noun) else None
        if outcome is not None:
            group_token = noun if noun is not None and is_group_noun(noun) else self.group_in_sentence(head)
            if group_token is None and noun is not None and noun.pos_ == "NOUN":
                group_token = noun
            names, keys = self.ctx.actors(anchor, [group_token] if group_token is not None else [])
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
                cumulative=self.ctx.is_cumulative(head, anchor),
                actors=names,
                actor_keys=keys,
                **base,
            )
            return claim
        if noun is not None and is_military(noun):
            names, keys = self.ctx.actors(anchor, [noun])
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
        for t in self.ctx.sentence_of(head):
            if t.i != head.i and t.pos_ in {"NOUN", "PROPN"} and has_group_modifier(t) and not self.ctx.in_source(t):
                if is_military(t) or t.ent_type_ in {"NORP"}:
                    if best is None or abs(t.i - head.i) < abs(best.i - head.i):
                        best = t
        return best

    def quote_claim(self, q: QuoteMention) -> QuoteClaim:
        qspan = self.ctx.char_span(q.start, q.end)
        sent = self.ctx.sentence_of(qspan.root if qspan is not None and len(qspan) else self.doc[0])
        cue_token = None
        if q.cue_start is not None and q.cue_end is not None:
            cspan = self.ctx.char_span(q.cue_start, q.cue_end)
            cue_token = cspan.root if cspan is not None and len(cspan) else None
        event, reported = self.ctx.dates_for(cue_token) if cue_token is not None else (None, None)
        sources = [speaker_source(q.speaker, q.cue)] if q.speaker is not None else []
        told = tense_of(cue_token)
        return QuoteClaim(
            id="c0",
            span=make_span(self.doc, q.start, q.end),
            sentence=self.ctx.sentence_text(sent)[0],
            sentence_span=self.ctx.sentence_text(sent)[1],
            date=self.ctx.date_value(event or reported),
            sources=sources,
            modality="reported",
            actors=[q.speaker.name] if q.speaker is not None else [],
            actor_keys=[q.speaker.name.lower()] if q.speaker is not None else [],
            quote=q.text,
            speaker=q.speaker,
            cue=q.cue,
            quote_type=q.quote_type,  # type: ignore[arg-type]
            tense=told.claim_tense,
            ahead=told.direction == "ahead",
        )

    def event_claims(self) -> Iterator[EventClaim]:
        """One event per calendar date attached to a non-reporting verb."""
        for a in self.ctx.anchors:
            t = a.timex
            if a.verb is None or a.reporting or t.begin is None or t.type == "SET":
                continue
            verb = a.verb
            # "began engaging": the phase and the participants belong to "began"
            main = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"} else verb
            phase = self.ctx.phase(verb, main, t)
            noun = self.ctx.onset_noun(main, t) if phase == "onset" else None
            # a nominal onset is its owner's: "their deployment", "North Korea's deployment"
            owners = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}] if noun is not None else []
            names, keys = self.ctx.actors(main, owners)
            span_start, span_end = event_extent(verb)
            sent = self.ctx.sentence_of(verb)
            told = tense_of(verb)  # climbs from "engaging" in "began engaging" itself, and reads "is to resume"
            in_quote = any(x.start <= verb.idx < x.end for x in self.quotes)
            sources = self.ctx.sources_for(span_start, span_end, sent)
            cues = self.ctx.cue_tokens(span_start, span_end, sent)
            yield EventClaim(
                id="c0",
                span=make_span(self.doc, span_start, span_end),
                sentence=self.ctx.sentence_text(sent)[0],
                sentence_span=self.ctx.sentence_text(sent)[1],
                date=self.ctx.date_value(t),
                sources=sources,
                modality=self.ctx.modality(verb, sources, in_quote, cues),
                actors=names,
                actor_keys=keys,
                tense=told.claim_tense,
                ahead=told.direction == "ahead",
                what=event_phrase(main),
                phase=phase,  # type: ignore[arg-type]
            )


def link_casualty_parts(claims: list[Claim], frames: list[Frame]) -> None:
    """A casualty figure is a component of a casualty total ("killed 200 people, including 12
    Americans") when its frame is a part of that total's frame with the same outcome."""
    by_frame = {c.frame: c for c in claims if isinstance(c, CasualtyClaim) and c.frame}
    frame_by_id = {f.id: f for f in frames}
    for claim in by_frame.values():
        frame = frame_by_id.get(claim.frame or "")
        whole = by_frame.get(frame.part_of) if frame is not None and frame.part_of else None
        if whole is not None and whole.outcome == claim.outcome and whole is not claim:
            claim.part_of = whole.id


def counts_people(noun: Optional[Token]) -> bool:
    """A figure that can be a toll: of people (or no noun: "killing two"), or of the dead and
    wounded themselves ("25 wounded", "40 deaths") — not of bombs or buildings."""
    if noun is None or is_group_noun(noun) or noun.ent_type_ in ("NORP", "PERSON"):
        return True
    words = {noun.lower_, noun.lemma_.lower()}
    return bool(words & set(outcome_of_word())) or noun.pos_ in ("ADJ", "VERB")


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


def people_records(ctx: ClaimContext) -> list[Person]:
    """The people of the doc's references as report records, with every mention."""
    doc = ctx.doc
    out: list[Person] = []
    for n, entity in enumerate(ctx.refs.people(), 1):
        mentions = []
        for k, m in enumerate(entity.mentions, 1):
            first, last = doc[m.start], doc[m.end - 1]
            sentence, sentence_span = ctx.sentence_text(ctx.sentence_of(first))
            mentions.append(
                NameMention(
                    id=f"p{n}m{k}",
                    text=m.text,
                    span=make_span(doc, first.idx, last.idx + len(last)),
                    sentence=sentence,
                    sentence_span=sentence_span,
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
