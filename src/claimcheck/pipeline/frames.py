"""Fact frames: every checkable value an article states, headline included.

A :class:`~claimcheck.models.Frame` holds one value — a count of anything, a sum
of money, a percentage or fraction, a measure with its unit, a length of time,
a person's age, an ordinal ("the second recall"), a count of times ("married
10 times") or a date — with what it measures (the noun and its modifiers, the
unit), what it is said of (the governing verb, and for tolls the outcome), whom
it is about, when it holds and was reported, where in the article it stands
(headline, standfirst or body; paragraph; sentence) and on whose word.

Frames are built by :class:`FrameBuilder` inside the ``claimcheck_claims``
component from the same per-doc context as the claims; casualty, force-size,
money and event claims are views of frames (``Claim.frame``). Parts and their totals,
and shares and the counts they restate, are linked by :mod:`.parts`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Optional

import numpy
from spacy.attrs import IDX, LIKE_NUM, LOWER
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..language.numbers import lexicon as numbers_lexicon
from ..language.numbers import number_value, ordinal_value
from ..language.reference import References, age_clause_holder, stated_age
from ..language.segment import region_of
from ..language.syntax import governing_verb, is_counted, subject_of, subordinator
from ..language.tense import tense_of
from ..language.units import dimension
from ..models import DateValue, Frame, Measure, Predicate, Quantity
from ..temporal import Timex
from ..textmap import SourceMap, doc_text, make_span, source_map
from .context import (
    MODIFIER_DEPS,
    ClaimContext,
    figure_predicate,
    lexicon,
    money_purpose,
    money_purpose_noun,
    name_key,
)
from .parts import PartLinker, named_members
from .quantities import COMPARING_PREPOSITIONS, QuantityMention

#: Duration units of a TIMEX3 value, by letter ("P3Y"), and of a time value ("PT2H").
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_DURATION = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWD])|T(?P<tn>\d+(?:\.\d+)?)(?P<tu>[HMS]))$")
#: Words that make a figure another set than one already given ("another 12", "a further 3", "10 more").
EXTRA_WORDS = frozenset({"another", "further", "more", "additional", "other", "extra", "separate", "also"})
#: Verbs and words that give a value for comparison ("up from 6.31 percent", "compared with 12").
CHANGE_WORDS = frozenset({"up", "down", "rise", "fall", "increase", "decrease", "drop", "climb", "jump", "grow", "decline", "gain", "lose", "slip", "surge", "compare", "compared", "against", "versus", "than", "previous", "from"})
#: A line of a table or list: "Injured: 4,877", "Turnout: 62 percent".
TABLE_CELL = re.compile(r"^[A-Z][\w' ]{0,30}:\s*\S{1,20}\s*$")
#: Words that mark a figure since superseded ("initial reports said 15").
SUPERSEDED_WORDS = frozenset({"initial", "initially", "originally", "earlier", "previously", "preliminary", "first"})
#: Words between a value and its restatement in other units, besides brackets: "112 kilometres, or 70 miles".
_CONVERSION_GAP = re.compile(r"\s*,?\s*(?:or|that is|i\.e\.)\s*(?:about|around|some|roughly|approximately|nearly|almost)?\s*")
#: Words after "twice"/"three times" that make it a multiplier, not a count of times.
_MULTIPLIER_NEXT = frozenset({"as", "more", "less", "fewer", "the", "that", "than", "over"})


class FrameBuilder:
    """Builds the frames of one doc, in document order (ids ``f1``, ``f2``, …)."""

    def __init__(self, ctx: ClaimContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.by_quantity: dict[tuple[int, int], Frame] = {}
        self.by_timex: dict[int, Frame] = {}
        self.tokens: dict[int, tuple[SpacySpan, Token]] = {}  # id(frame) → its number's tokens and head
        self._starts: Optional[list[int]] = None  # the tokens' first characters

    def build(self) -> list[Frame]:
        ages, ordinals, times = self._scan()
        frames = [*self.quantity_frames(), *self.duration_frames(), *self.age_frames(ages),
                  *self.ordinal_frames(ordinals), *self.times_frames(times), *self.date_frames()]
        frames.sort(key=lambda f: (f.span.start, f.span.end, f.measure.dimension))
        for i, frame in enumerate(frames, 1):
            frame.id = f"f{i}"
        self.link_conversions(frames)
        self.birth_frames(frames)
        self.link_years_back(frames)
        PartLinker(self, frames).link()
        return frames

    def link_conversions(self, frames: list[Frame]) -> None:
        """A value in brackets right after another of the same kind restates it in other units:
        "112 kilometres (70 miles)", "8 million rupees (96,000 US dollars)"; so does one in another
        unit after a comma and "or" ("112 kilometres, or 70 miles")."""
        text = doc_text(self.doc)
        smap = source_map(self.doc)
        for before, after in zip(frames, frames[1:]):
            if before.quantity is None or after.quantity is None or before.measure.dimension in ("date", "age"):
                continue
            same_kind = before.measure.dimension == after.measure.dimension or {before.measure.dimension, after.measure.dimension} <= {"money"}
            if not same_kind:
                continue
            gap = _between(text, smap, before.span.end, after.span.start)
            if gap is not None and re.fullmatch(r"\s*[(\[]\s*(?:or|about|around|some|roughly|approximately|nearly)?\s*", gap):
                after.converts = before.id
            elif gap is not None and _CONVERSION_GAP.fullmatch(gap) and before.measure.unit != after.measure.unit and before.measure.unit and after.measure.unit:
                after.converts = before.id  # "112 kilometres, or 70 miles", "5 million yuan or about 625,000 dollars"

    # -- the common fields -------------------------------------------------------------

    def frame(
        self,
        start: int,
        end: int,
        anchor: Optional[Token],
        measure: Measure,
        quantity: Optional[Quantity] = None,
        about: tuple[list[str], list[str]] = ([], []),
        date_timex: Optional[Timex] = None,
        head: Optional[Token] = None,
        definite: bool = False,
    ) -> Frame:
        """A frame for the characters ``[start, end)`` whose value hangs from ``anchor``;
        ``definite``: it counts a set already named (see :func:`_definite_set`)."""
        ctx = self.ctx
        sent_tok = anchor if anchor is not None else (head if head is not None else self._token_at(start))
        sent = ctx.sentence_of(sent_tok)
        sentence, sentence_span = ctx.sentence_text(sent)
        in_quote = any(q.start <= start and end <= q.end for q in ctx.quotes)
        sources = ctx.sources_for(start, end, sent)
        when = reported = None
        modality = "reported" if sources or in_quote else "asserted"
        predicate = Predicate()
        places: list[str] = []
        if anchor is not None:
            places = ctx.places(anchor)
            event, report = ctx.dates_for(anchor)
            if event is None and head is not None:
                event = ctx.noun_date(head)  # "last month's $2 billion *purchase*": the thing's own date
            when, reported = ctx.date_value(event), ctx.date_value(report)
            modality = ctx.modality(anchor, sources, in_quote, ctx.cue_tokens(start, end, sent))
            # what befell people is told by counts and shares of them, never by a sum ("losses
            # of $40 billion") or a length
            counted = measure.dimension in ("count", "percent", "fraction")
            outcome = ctx.casualty_outcome(head, anchor) if head is not None and counted else None
            predicate = Predicate(
                lemma=anchor.lemma_.lower() if anchor.pos_ in ("VERB", "AUX") else None,
                outcome=outcome,
                negated=any(c.dep_ == "neg" for c in anchor.children),
                tense=tense_of(anchor).claim_tense,
                perfect=_pluperfect(anchor),
                adverbs=[c.lower_ for c in anchor.children if c.dep_ == "advmod" and c.pos_ == "ADV"],
                clause=subordinator(anchor),
                text=anchor.text,
            )
            if not about[1]:
                about = ctx.actors(anchor, [head] if head is not None and head.pos_ in ("NOUN", "PROPN") else [])
            about = _with_parties(about, ctx.parties(anchor, head))
        where = ctx.location(start)
        return Frame(
            id="f0",
            measure=measure,
            quantity=quantity,
            date=ctx.date_value(date_timex) if date_timex is not None else None,
            predicate=predicate,
            about=about[0],
            about_keys=about[1],
            places=places,
            when=when if date_timex is None else None,
            reported=reported,
            where=where,
            span=make_span(self.doc, start, end),
            sentence=sentence,
            sentence_span=sentence_span,
            sources=sources,
            modality=modality,  # type: ignore[arg-type]
            # a share rises or falls ("a 4 percent rise"); it does not run up as a toll does
            cumulative=ctx.is_cumulative(head, anchor) if head is not None and anchor is not None and measure.dimension not in ("percent", "fraction") else False,
            # "the two men *also* watched": more told of a set already named, not more men
            extra=self._extra(start, end, head, of_verb=not definite, length=measure.dimension == "duration"),
            definite=definite,
            # a count of one of the things a list counts; a length or an age of one of two
            # things ("a two-week tour and workshop") is still the one length
            listed=bool(measure.dimension == "count" and head is not None and head.pos_ in ("NOUN", "PROPN") and (head.conjuncts or head.dep_ == "conj" or where.part != "body" and _juxtaposed(head)))
            or bool(TABLE_CELL.match(sentence)),
            subject=_subject_phrase(anchor, head, ctx.refs),
            compared=self._compared(start, end, anchor, sources),
        )

    def _extra(self, start: int, end: int, head: Optional[Token], of_verb: bool = True, length: bool = False) -> bool:
        """ "another 12", "a further 3", "10 more": a figure that adds to one already given
        (the words of its own hedge, "*more* than 40", aside); ``of_verb``: the verb's words
        count too ("also died"); ``length``: the figure is the length of ``head``."""
        first = self._token_at(start)
        before = [t.lower_ for t in self.doc[max(0, first.i - 2) : first.i]]
        # the word right after the number, whatever the parse made the head: "five *more*"
        # (not a comparison: "five more than in May")
        number = next((t for t in reversed(self.doc[first.i : self._token_at(max(start, end - 1)).i + 1]) if t.like_num), None)
        nxt = self.doc[number.i + 1] if number is not None and number.i + 1 < len(self.doc) else None
        compares = nxt is not None and nxt.i + 1 < len(self.doc) and self.doc[nxt.i + 1].lower_ == "than"
        after = nxt.lower_ if nxt is not None and not compares else ""
        words = set(before) | {after}
        if head is not None and head.lemma_.lower() == "other":  # "injuring four others"
            return True
        if head is not None:
            words |= {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "advmod") and not start <= c.idx < end}
            verb = governing_verb(head) if of_verb else None
            if verb is not None and head.dep_ == "pobj" and head.head.dep_ == "prep" and (
                head.head.head.i == verb.i and head.i < verb.i or length and head.head.lower_ in SCENE_PREPOSITIONS
            ):
                # "During their three-day summit, the ministers also agreed …", "would also discuss
                # migration at the two-day meeting": the scene, not what "also" adds
                verb = None
            if verb is not None:  # "also died", "other opposition parties won"
                words |= {c.lower_ for c in verb.children if c.dep_ == "advmod" and not start <= c.idx < end}
                for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                    words |= {c.lower_ for c in subj.children if c.dep_ in ("det", "amod") and not start <= c.idx < end}
        return bool(words & EXTRA_WORDS)

    def _compared(self, start: int, end: int, anchor: Optional[Token], sources: list) -> bool:
        """A value for comparison ("up from 6.31 percent", "compared with 12 a year earlier")
        or since superseded ("initial reports said 15")."""
        first = self._token_at(start)
        prep = first.head if first.dep_ in ("pobj", "nummod", "quantmod") else first
        while prep.dep_ not in ("prep", "ROOT") and prep.head.i != prep.i and prep.i - first.i < 4:
            prep = prep.head
        if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head.dep_ == "prep":
            prep = prep.head.head  # "up 7 percent on last year's levy of 60 million"
        inside = start <= prep.idx < end  # the "than" of the figure's own hedge: "more than 40"
        if prep.dep_ == "prep" and prep.lower_ in COMPARING_PREPOSITIONS and not inside:
            # "from", "on" and "over" compare only after words of change ("rose to 7 from 5", "up
            # 7 percent on last year's 60 million"): snow is cleared "from 5 runways"
            cue = {prep.head.lemma_.lower(), *(c.lower_ for c in prep.head.children if c.dep_ == "advmod")}
            if prep.lower_ not in ("from", "on", "over"):
                cue.add(prep.lower_)
            if prep.lower_ != "with" and cue & CHANGE_WORDS or prep.lower_ == "with" and prep.head.lemma_.lower() == "compare":
                return True
        if self._difference(end):
            return True
        words = {w.lower() for s in sources for w in s.text.split()}
        if anchor is not None:
            words |= {t.lower_ for t in anchor.children if t.dep_ in ("advmod", "npadvmod", "amod")}
        return bool(words & SUPERSEDED_WORDS)

    def _difference(self, end: int) -> bool:
        """A figure told as a difference: a comparative and "than" right after it ("64 billion
        rupees *less than* at the start of the year", "12 percent *higher than* in May")."""
        last = self._token_at(end - 1)
        after = self.doc[last.i + 1 : last.i + 3]
        return len(after) == 2 and after[0].tag_ in ("JJR", "RBR") and after[1].lower_ == "than"

    def frame_of(self, claim) -> Optional[str]:
        """The id of the frame a claim is a view of: the same figure, or the same date."""
        if claim.kind in ("casualty", "force_size", "money"):
            for (start, end), frame in self.by_quantity.items():
                if frame.span.start == claim.span.start:
                    return frame.id
        if claim.kind == "event" and claim.date is not None and claim.date.span is not None:
            for frame in self.by_timex.values():
                if frame.date is not None and frame.date.span is not None and frame.date.span.start == claim.date.span.start:
                    return frame.id
        return None

    def _token_at(self, char: int) -> Token:
        """The token character ``char`` of the doc text falls in (or after, in a space)."""
        if self._starts is None:
            self._starts = self.doc.to_array(IDX).tolist()
        return self.doc[max(0, bisect_right(self._starts, char) - 1)]

    # -- numbers -----------------------------------------------------------------------

    def quantity_frames(self) -> Iterator[Frame]:
        for q in self.doc._.cc_quantities or []:
            frame = self.quantity_frame(q)
            if frame is not None:
                self.by_quantity[(q.start, q.end)] = frame
                yield frame

    def quantity_frame(self, q: QuantityMention) -> Optional[Frame]:
        qspan = self.ctx.char_span(q.start, q.end)
        if qspan is None or not len(qspan):
            return None
        noun = self.doc[q.noun_i] if q.noun_i is not None else None
        if noun is not None and _classifier(qspan, noun):
            return None  # "a 22-ball innings", "the 15-member council": a kind of thing, not a count
        head = noun if noun is not None else qspan.root
        anchor = (figure_predicate(noun) if noun is not None else None) or governing_verb(head)
        if noun is not None and _verbless_toll(qspan, noun, q.quantity) and (anchor is None or region_of(self.doc, q.start) == "headline"):
            anchor = noun  # a headline's verbless "four dead", "12 hurt", "three shot": the word after the figure tells it
        measure = self.measure(q, qspan, noun, anchor)
        end = max(q.end, noun.idx + len(noun)) if noun is not None and noun.idx >= q.start and noun.i - qspan.end < 6 else q.end
        definite = measure.dimension == "count" and noun is not None and _definite_set(noun, qspan)
        if definite and noun is not None:  # "the 17 people arrested": what was done to the set, as a modifier
            measure.modifiers += [c.lower_ for c in noun.children if _bare_participle(c)]
        frame = self.frame(q.start, end, anchor, measure, q.quantity, head=head, definite=definite)
        if anchor is not None and noun is not None and anchor.i == noun.i and noun.pos_ == "NOUN":
            frame.predicate.lemma = _as_verb(noun)  # "three shot" tells what "two were shot" does
        if q.kind in ("percent", "fraction") and (verb := _change_verb(qspan)) is not None:
            frame.predicate.lemma = verb  # "a 4 percent rise in sales" tells what "sales rose 4 percent" does
        if measure.dimension == "count" and noun is not None and noun.tag_ in ("NNS", "NNPS"):
            frame.members = [make_span(self.doc, self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])) for a, b in named_members(noun)]
        self.tokens[id(frame)] = (qspan, head)
        return frame

    def measure(self, q: QuantityMention, qspan: SpacySpan, noun: Optional[Token], anchor: Optional[Token]) -> Measure:
        """What a figure measures: the noun counted, the money's purpose, the share's whole."""
        if q.kind == "money":
            owner = money_purpose_noun(qspan)
            return Measure(dimension="money", noun=_lemma(owner), unit=q.quantity.unit, text=money_purpose(qspan),
                           modifiers=_modifiers(owner, qspan), per=_rate_of(qspan))
        if q.kind in ("percent", "fraction"):
            whole = self._share_of(qspan, anchor)
            return Measure(dimension=q.kind, noun=_lemma(whole), unit=q.quantity.unit or ("percent" if q.kind == "percent" else None),
                           text=_phrase(whole), modifiers=_modifiers(whole))
        if q.kind == "measure":
            if noun is None or noun.pos_ != "NOUN":
                noun = _substance(qspan)
            return Measure(dimension=dimension(q.quantity.unit) or "measure", noun=_lemma(noun),
                           unit=q.quantity.unit, text=q.quantity.text)
        if noun is not None and noun.lemma_.lower() == "time":
            return Measure(dimension="times", noun="time", text=noun.text)
        if noun is not None and (noun.pos_ in ("ADJ", "VERB") or anchor is not None and anchor.i == noun.i):  # "four killed", "25 wounded": the outcome, not a noun
            return Measure(dimension="count")
        return Measure(dimension="count", noun=_lemma(noun), modifiers=_modifiers(noun), text=_phrase(noun))

    @staticmethod
    def _share_of(qspan: SpacySpan, anchor: Optional[Token]) -> Optional[Token]:
        """What a percentage or fraction is a share of: "12 percent *of voters*", "*unemployment*
        fell to 5 percent", "a 10 percent *rise*"."""
        root = qspan.root
        for t in root.subtree:
            if t.dep_ == "prep" and t.lower_ == "of" and t.i >= qspan.end - 1:
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if root.head.pos_ == "NOUN" and root.dep_ in SHARE_OF_NOUN_DEPS and root.head.i > root.i:
            return _what_changes(root.head) or root.head
        if anchor is not None:
            subject = _noun_subject(anchor)
            if subject is not None and subject.i == root.i:  # "14 percent rise in profit", a headline read as "14 percent rise"
                return _what_changes(anchor)
            return subject
        return _changed_noun(root)

    # -- lengths of time ---------------------------------------------------------------

    def duration_frames(self) -> Iterator[Frame]:
        """ "a three-year term", "for 10 years", "the 108-year history": a stated length of
        time (an offset that points to a date, like "three days later", is no length)."""
        for t in self.ctx.timexes:
            if t.type != "DURATION" or t.begin is not None:
                continue
            m = _DURATION.match(t.value)
            ends = None
            if m is not None:
                n, unit = (m["n"], DURATION_UNITS[m["u"]]) if m["n"] else (m["tn"], TIME_UNITS[m["tu"]])
            elif (ends := _range_ends(t)) is not None:  # "between 20 and 30 days", "7-16 months"
                n, unit = None, ends[2]
            else:
                continue
            span = self.ctx.char_span(t.start, t.end)
            if span is None or not len(span):
                continue
            noun = _modified_noun(span)
            headline = self.ctx.location(t.start).part == "headline"  # headlines drop articles: "Striker signs three-year deal"
            if noun is not None and (noun.tag_ in ("NNS", "NNPS") or not headline and not _determined(noun)):
                continue  # "20-year loans", "10-year notes": a kind of thing, not the length of one
            anchor = governing_verb(span)
            if ends is not None:
                low, high = sorted(ends[:2])
                quantity = Quantity(text=t.text, value=(low + high) / 2, low=low, high=high, unit=unit, approximate=True)
            else:
                quantity = Quantity(text=t.text, value=float(n), unit=unit, approximate=t.mod == "APPROX",
                                    hedge=None if t.mod is None else t.mod.lower())
                quantity = _bounded(quantity, t.mod)
            measure = Measure(dimension="duration", noun=_lemma(noun), unit=unit, text=noun.text if noun is not None else None,
                              modifiers=_modifiers(noun))
            yield self.frame(t.start, t.end, anchor, measure, quantity, head=noun)

    # -- ages, ordinals, counts of times -------------------------------------------------

    def _scan(self) -> tuple[list[Token], list[Token], list[Token]]:
        """One pass over the tokens for the words age, ordinal and times frames start from:
        numbers, "old" and "aged"; ordinals; "twice", "thrice" (read from the doc's arrays, so
        that no token object is made for the other words)."""
        doc = self.doc
        strings = doc.vocab.strings
        if not len(doc):
            return [], [], []
        array = doc.to_array([LOWER, LIKE_NUM])
        forms, where = numpy.unique(array[:, 0], return_inverse=True)  # each word form read once
        form_kinds = numpy.zeros(len(forms), dtype=numpy.uint8)
        for k, lower in enumerate(forms.tolist()):
            kinds = _WORD_KINDS.get(lower)
            if kinds is None:
                if len(_WORD_KINDS) >= 65536:  # a bound, so a long batch does not grow it forever
                    _WORD_KINDS.clear()
                kinds = _WORD_KINDS[lower] = _word_kinds(strings[lower])
            form_kinds[k] = kinds
        kinds = form_kinds[where]

        def tokens(mask: numpy.ndarray) -> list[Token]:
            return [doc[i] for i in numpy.flatnonzero(mask).tolist()]

        return tokens((array[:, 1] != 0) | (kinds & _AGE != 0)), tokens(kinds & _ORDINAL), tokens(kinds & _TIMES)

    def age_frames(self, candidates: list[Token]) -> Iterator[Frame]:
        """ "Marco Ruiz, 52,", "the 49-year-old", "a man aged 61": an age, about the person."""
        refs = self.ctx.refs
        for token in candidates:
            age = stated_age(token) if token.lower_ == "old" or token.like_num else None
            if age is None and token.lower_ == "aged" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].like_num:
                age = _age_number(self.doc[token.i + 1])
                holder = token.head if token.head.pos_ in ("NOUN", "PROPN") else None
            else:
                holder = token.head if token.dep_ in ("appos", "npadvmod", "amod") else None
                if age is not None and token.like_num and token.i >= 2 and self.doc[token.i - 1].text == "," and self.doc[token.i - 2].pos_ == "PROPN":
                    holder = self.doc[token.i - 2]  # "Ruiz, 52,": the name the age is set off after, however parsed
                elif age is not None and token.like_num and (named := age_clause_holder(token)) is not None:
                    holder = named  # "Ruiz, who is 52,"
            if age is None:
                continue
            if token.lower_ == "old" and (token.dep_ not in ("amod",) and token.head.pos_ not in ("NOUN", "PROPN") or _verb_read_as_modifier(token)):
                holder = token  # "The 49-year-old denied the charges": the adjective stands for the person
            holder = self._named_holder(holder) if holder is not None else None
            if holder is not None and token.like_num and refs.entity_at(holder.i) is None:
                continue  # "the spokeswoman, 41,": a number beside no name gives no one named an age
            person = refs.resolve(holder) if holder is not None else None
            about = ([person.name], [person.name.lower()]) if person is not None and person.kind == "person" else ([], [])
            if not about[1]:
                continue  # an age of nobody the article names is not comparable
            start, end = self._age_extent(token)
            quantity = Quantity(text=doc_text(self.doc)[start:end], value=age, unit="year")
            measure = Measure(dimension="age", noun="age", unit="year", text=person.name if person else None)
            anchor = governing_verb(holder) if holder is not None else None
            frame = self.frame(start, end, anchor, measure, quantity, about=about)
            assert holder is not None
            frame.about_via = "name" if refs.entity_at(holder.i) is not None else "description"
            frame.then = self._then(token, start)
            yield frame

    def _named_holder(self, holder: Token) -> Token:
        """The name a described holder of an age stands beside: "Ruiz, a *52-year-old teacher*",
        "her *61-year-old mother* Ines Moreau" → the name's token."""
        refs = self.ctx.refs
        if holder.pos_ != "NOUN" or refs.entity_at(holder.i) is not None:
            return holder
        if holder.dep_ in ("appos", "compound") and (e := refs.entity_at(holder.head.i)) is not None and e.kind == "person":
            return holder.head
        for c in holder.children:
            if c.dep_ in ("appos", "compound") and (e := refs.entity_at(c.i)) is not None and e.kind == "person":
                return c
        return holder

    def _then(self, token: Token, start: int) -> bool:
        """ "the then 30-year-old", "Ruiz, then 26,": an age the text marks as of an earlier time."""
        first = self._token_at(start)
        before = self.doc[first.i - 1] if first.i > 0 else None
        words = {c.lower_ for c in token.children if c.dep_ == "advmod"} | {c.lower_ for c in token.head.children if c.dep_ == "advmod" and c.i < token.i}
        return "then" in words or before is not None and before.lower_ == "then"

    def link_years_back(self, frames: list[Frame]) -> None:
        """ "in 1990, 30 years ago", "30 years ago (in 1990)": an "N years ago" beside the date it
        counts back to; "the 30th anniversary of the 1992 flood": the date an anniversary
        counts from (``Frame.counts_from``)."""
        for start, frame in self.by_timex.items():
            t = next((x for x in self.ctx.timexes if x.start == start), None)
            beside = self._restated_year(t) if t is not None else None
            if beside is not None:
                frame.counts_from = beside[1]
        timexes = sorted(self.ctx.timexes, key=lambda t: t.start)
        for frame in frames:
            if frame.measure.dimension == "ordinal" and frame.measure.noun == "anniversary":
                frame.counts_from = self._anniversary_of(frame, timexes)

    def _restated_year(self, t: Timex) -> Optional[tuple[Timex, DateValue]]:
        """The date written out beside an "N years ago" that it restates: "in 1990, 30 years ago",
        "Thirty years ago, in 1994,", "1990 (30 years ago)"."""
        if not t.relative or t.precision != "year" or not _YEARS_AGO.search(t.text):
            return None
        text = doc_text(self.doc)
        timexes = sorted(self.ctx.timexes, key=lambda x: x.start)
        k = next(i for i, x in enumerate(timexes) if x is t)
        for other in (timexes[k - 1] if k else None, timexes[k + 1] if k + 1 < len(timexes) else None):
            if other is None or not _explicit(other):
                continue
            gap = text[other.end : t.start] if other.end <= t.start else text[t.end : other.start]
            after = text[max(other.end, t.end) :]
            if re.search(r"[,(\[—–-]", gap) and not _CLOSES.match(after):
                continue  # "founded in 1985, three years ago moved …": the count starts a clause of its own
            value = self.ctx.date_value(other)
            if _BESIDE.fullmatch(gap) and (value.preposition or "in") in ("in", "since", "of", "on"):
                return other, value
        return None

    def _anniversary_of(self, frame: Frame, timexes: list[Timex]) -> Optional[DateValue]:
        """The date in an anniversary's "of" phrase: "of the *1992* flood", "of its
        founding in *1949*" (not the day it is marked: "on Monday")."""
        span = self.ctx.char_span(frame.span.start, frame.span.end)
        if span is None or not len(span):
            return None
        noun = span[-1]
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return None
        inside = {t.i for t in of.subtree}
        for t in timexes:
            tspan = self.ctx.char_span(t.start, t.end)
            if tspan is None or not _explicit(t) or not all(tok.i in inside for tok in tspan):
                continue
            value = self.ctx.date_value(t)
            published = self.doc._.cc_published
            if value.preposition == "in" and published is not None and t.begin is not None and t.begin.year >= published.year - 1:
                continue  # "the 20th anniversary of the talks in 2011", told in 2011: when it is marked
            if (value.preposition or "of") in ("in", "of"):
                return value
        return None

    def birth_frames(self, frames: list[Frame]) -> None:
        """A date that times a birth ("born in 1972", "Lund, born on March 3, 1970,") names whom."""
        refs = self.ctx.refs
        for start, frame in self.by_timex.items():
            span = self.ctx.char_span(start, start + 1)
            anchor = next((a.verb for a in self.ctx.anchors if a.timex.start == start), None)
            if span is None or anchor is None or anchor.lower_ != "born" or anchor.lemma_.lower() != "bear":
                continue
            subject = subject_of(anchor)
            if subject is not None and subject.tag_ in ("WP", "WDT") and anchor.dep_ == "relcl":
                subject = anchor.head  # "Lopez, who was born in 1972"
            person = refs.resolve(subject) if subject is not None else None
            if person is not None and person.kind == "person":
                frame.birth_of = person.name

    def _age_extent(self, token: Token) -> tuple[int, int]:
        """Characters of an age as written: "52", "49-year-old", "aged 61"."""
        doc = self.doc
        if token.lower_ == "old":
            first = next((t for t in token.subtree if t.like_num), token)
            return first.idx, token.idx + len(token)
        if token.i > 0 and doc[token.i - 1].lower_ == "aged":
            return doc[token.i - 1].idx, token.idx + len(token)
        if token.lower_ == "aged" and token.i + 1 < len(doc):
            return token.idx, doc[token.i + 1].idx + len(doc[token.i + 1])
        return token.idx, token.idx + len(token)

    def ordinal_frames(self, candidates: list[Token]) -> Iterator[Frame]:
        """ "the second recall", "her third term", "for the fifth time": an ordinal of a noun."""
        in_timex = self._timex_tokens() if candidates else set()
        for token in candidates:
            if token.i in in_timex or token.dep_ != "amod" or token.head.pos_ != "NOUN":
                continue
            value = ordinal_value(token.text)
            if value is None:
                continue
            noun = token.head
            anchor = governing_verb(noun)
            quantity = Quantity(text=token.text, value=float(value))
            measure = Measure(dimension="ordinal", noun=_lemma(noun), modifiers=[m for m in _modifiers(noun) if m != token.lower_],
                              text=noun.text)
            owners = [c for c in noun.children if c.dep_ == "poss"]
            about = self.ctx.actors(anchor, owners) if anchor is not None else ([], [])
            yield self.frame(token.idx, noun.idx + len(noun), anchor, measure, quantity, about=about, head=noun)

    def times_frames(self, candidates: list[Token]) -> Iterator[Frame]:
        """ "twice", "thrice": a count of times (numbers before "times" are quantity frames)."""
        multiplicatives = numbers_lexicon().multiplicatives
        for token in candidates:
            value = multiplicatives[token.lower_]
            if token.lower_ == "once" or token.pos_ != "ADV":
                continue
            nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if nxt is not None and (nxt.lower_ in _MULTIPLIER_NEXT or nxt.tag_ in ("JJR", "RBR")):
                continue  # "twice as many", "twice more": a multiplier
            anchor = governing_verb(token)
            quantity = Quantity(text=token.text, value=float(value))
            yield self.frame(token.idx, token.idx + len(token), anchor, Measure(dimension="times", noun="time"), quantity)

    # -- dates -----------------------------------------------------------------------

    def date_frames(self) -> Iterator[Frame]:
        """A date attached to a verb that is not one of reporting: what happened when."""
        for a in self.ctx.anchors:
            t = a.timex
            verb, reporting = a.verb, a.reporting
            if (beside := self._restated_year(t)) is not None:  # "in 1999, three years ago": the year's verb
                partner = next((b for b in self.ctx.anchors if b.timex is beside[0] and b.verb is not None and not b.reporting), None)
                verb, reporting = (partner.verb, partner.reporting) if partner is not None else (verb, reporting)
            if reporting or t.begin is None or t.type == "SET":
                continue
            if verb is None:
                if (noun := a.noun) is not None:  # "the March 30 election": the date of a named event
                    measure = Measure(dimension="date", noun=_lemma(noun), text=noun.text, modifiers=_modifiers(noun))
                    yield self.frame(t.start, t.end, None, measure, date_timex=t, head=noun)
                continue
            measure = Measure(dimension="date")
            if (event := _dated_event(self.ctx.char_span(t.start, t.end))) is not None:
                # "since his arrest on May 6": the day of the arrest, whatever verb the sentence has
                measure = Measure(dimension="date", noun=_lemma(event), text=event.text, modifiers=_modifiers(event))
            frame = self.frame(t.start, t.end, verb, measure, date_timex=t)
            owner = next((c for c in event.children if c.dep_ == "poss"), None) if event is not None else None
            if owner is not None:  # the happening's owner is its subject: "*the minister's* visit on May 3"
                frame.subject = _phrase_of(owner, self.ctx.refs)
            self.by_timex[t.start] = frame
            yield frame

    def _timex_tokens(self) -> set[int]:
        out: set[int] = set()
        for t in self.ctx.timexes:
            span = self.ctx.char_span(t.start, t.end)
            if span is not None:
                out.update(range(span.start, span.end))
        return out


#: "30 years ago", "some 14 years back": a count of years back from the story's date.
_YEARS_AGO = re.compile(r"\byears?\s+(?:ago|back)$", re.I)
#: What may stand between "N years ago" and the date it restates: "1990, 30 years ago", "30 years ago, in 1990".
_BESIDE = re.compile(r"\s*[,(\[—–-]?\s*(?:or\s+)?(?:in\s+|since\s+|on\s+)?")


#: What closes a phrase set off beside a date: "in 1990, 30 years ago*,*", "…*.*", "* when* …".
_CLOSES = re.compile(r"\s*(?:[,.;:)\]—–]|-\s|$|(?:when|after|before|as|while|and|but)\b)")


#: A length of time whose count TIMEX3 leaves unknown ("PXD"), and the two ends of a written range.
_UNKNOWN_COUNT = re.compile(r"^P(?:X(?P<u>[YMWD])|TX(?P<tu>[HMS]))$")
_RANGE_ENDS = re.compile(r"^(?P<a>[\w.,]+)\s*(?:-|–|—|\s(?:to|and|or)\s)\s*(?P<b>[\w.,]+)[\s-]+\w+$")


def _range_ends(t: Timex) -> Optional[tuple[float, float, str]]:
    """The two ends and the unit of a length of time given as a range: "20 and 30 days"
    (of "between 20 and 30 days"), "7-16 months", "two to three weeks"."""
    unknown = _UNKNOWN_COUNT.match(t.value)
    ends = _RANGE_ENDS.match(t.text.strip())
    if unknown is None or ends is None:
        return None
    a, b = number_value(ends["a"]), number_value(ends["b"])
    if a is None or b is None or a == b:
        return None
    unit = DURATION_UNITS[unknown["u"]] if unknown["u"] else TIME_UNITS[unknown["tu"]]
    return a, b, unit


def _dated_event(span: Optional[SpacySpan]) -> Optional[Token]:
    """The noun of a happening a day is "on", named as known: "his *arrest* on May 6", "the
    terminal's *opening* on March 3" (a singular common noun with a determiner or an owner)."""
    if span is None or not len(span):
        return None
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "on" or prep.dep_ != "prep" or prep.i != span.start - 1:
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.i != prep.i - 1:
        return None
    owned = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
    return noun if owned else None


def _explicit(t: Timex) -> bool:
    """A date written out with its year ("1990", "March 3, 1990"), not one resolved from the story's."""
    return t.type == "DATE" and not t.relative and t.begin is not None and t.precision in ("year", "month", "day", "season", "quarter", "half")


def _classifier(qspan: SpacySpan, noun: Token) -> bool:
    """A number hyphened to its noun that modifies another noun: "a *22-ball* innings"."""
    joined = noun.i == qspan.end + 1 and qspan.doc[qspan.end].text == "-"
    return joined and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN", "NUM") and noun.head.i > noun.i


def _juxtaposed(noun: Token) -> bool:
    """A counted noun set beside another by a comma, as a headline lists them ("9 miners, two
    rescuers hurt"): the parser makes the second an apposition of the first, or a second
    subject of the verb (read in headlines only, where a comma stands for "and")."""
    if not is_counted(noun):
        return False
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        beside.append(noun.head)
    if noun.dep_ in LISTED_ITEM_DEPS:
        beside += [s for s in noun.head.children if s.i != noun.i and s.dep_ in LISTED_ITEM_DEPS]
    return any(is_counted(other) for other in beside)


#: How the parser hangs the items of a headline's list from their verb: "6 climbers, two
#: guides rescued" makes one an adverbial noun and the other the subject.
LISTED_ITEM_DEPS = frozenset({"nsubj", "nsubjpass", "npadvmod"})


def _pluperfect(verb: Token) -> bool:
    """ "had suspended", "had been killed": a past before the story's past."""
    return verb.tag_ == "VBN" and any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children)


def _between(text: str, smap: SourceMap, file_start: int, file_end: int) -> Optional[str]:
    """The doc text between two file offsets (None when they are not in order)."""
    if file_end < file_start:
        return None
    if smap.offsets is None:
        return text[file_start:file_end]
    offsets = smap.offsets
    a = bisect_left(offsets, file_start)
    b = bisect_left(offsets, file_end)
    return text[a:b] if a <= b <= len(text) else None


def _determined(noun: Token) -> bool:
    """A noun with a determiner or possessor of its own, or of the phrase it is the first of
    two coordinated nouns in ("a [four-day visit and research] exchange")."""
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return True
    if noun.dep_ in ("nmod", "compound") and any(c.dep_ == "conj" for c in noun.children):
        return any(c.dep_ in ("det", "poss") for c in noun.head.children)
    return False


def _subject_phrase(anchor: Optional[Token], head: Optional[Token], refs: References) -> Optional[str]:
    """The lemmatized subject the value is said of ("the Harbour Freight Index gained …"),
    unless the subject is what is counted ("12 people were killed"); a person, however
    named or referred to ("Ingrid Solberg", "Solberg", "she"), by the one name ``refs`` gives."""
    if anchor is None:
        return None
    subject = subject_of(anchor)
    if subject is not None and subject.lower_ in ("which", "who", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "the retail sector, which added 14,000 jobs", "the appeal, which is likely to be heard"
    if subject is None or (head is not None and subject.i == head.i):
        return None
    return _phrase_of(subject, refs)


def _phrase_of(subject: Token, refs: References) -> Optional[str]:
    """A subject or an owner as frames name it: a person by the one name ``refs`` gives, else
    the lemmatized noun with its modifiers ("harbour freight index")."""
    person = refs.resolve(subject) if subject.pos_ in ("PROPN", "PRON") else None
    if person is not None and person.kind == "person":
        return person.name.lower()
    if subject.pos_ == "PRON":
        return None
    words = [t.lemma_.lower() for t in subject.subtree if t.i <= subject.i and t.dep_ in ("compound", "amod", "poss") or t.i == subject.i]
    return " ".join(w for w in words if w not in ("the", "a", "an")) or None


def _with_parties(about: tuple[list[str], list[str]], parties: list[str]) -> tuple[list[str], list[str]]:
    names, keys = list(about[0]), list(about[1])
    for name in parties:
        key = name_key(name)
        if key not in keys and not any(key in k or k in key for k in keys):
            names.append(name)
            keys.append(key)
    return names, keys


def _verbless_toll(qspan: SpacySpan, word: Token, quantity: Quantity) -> bool:
    """Whether the word after a figure can tell what befell it, as in a headline's clause without
    a verb ("four dead", "12 hurt"; the caller asks that the figure has no verb or stands in a
    headline): an adjective or a verb, or a singular noun after a figure above one ("three
    *shot*": a count of shots would say "shots")."""
    if word.pos_ in ("ADJ", "VERB"):
        return True
    return word.i == qspan.end and word.tag_ == "NN" and quantity.value is not None and quantity.value > 1 and not quantity.unit and word.dep_ != "compound"


def _as_verb(word: Token) -> Optional[str]:
    """The lemma of ``word`` as a verb, where the parser read it as a noun ("three *shot*"): the
    lemma the model gives the same word where the article uses it as a verb, if it does."""
    lower = word.lower_
    return next((t.lemma_.lower() for t in word.doc if t.lower_ == lower and t.pos_ == "VERB"), None)


def _lemma(token: Optional[Token]) -> Optional[str]:
    if token is None:
        return None
    return token.text if token.pos_ == "PROPN" else token.lemma_.lower()


def _phrase(token: Optional[Token]) -> Optional[str]:
    if token is None:
        return None
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in MODIFIER_DEPS | {"compound"} or t.i == token.i]
    words = [t for t in words if not t.like_num and t.dep_ not in ("det", "nummod", "quantmod")]
    return token.doc[words[0].i : token.i + 1].text if words else token.text


#: Words that make a sum a rate: "41 cents *a* share", "12 euros *per* hour".
RATE_WORDS = frozenset({"a", "an", "per"})


#: Determiners of a subject that a sum is told of one by one: "*each* ticket costs $40".
EACH_WORDS = frozenset({"each", "every"})


def _rate_of(qspan: SpacySpan) -> Optional[str]:
    """What one unit of a sum is for, when the sum is a rate: the *share* of "41 cents a share",
    the *barrel* of "62 dollars per barrel", the *game* of "each home game brings in 2 million euros"."""
    doc = qspan.doc
    i = qspan.end
    if i + 1 < len(doc) and doc[i].lower_ in RATE_WORDS and doc[i + 1].pos_ == "NOUN":
        return doc[i + 1].lemma_.lower()
    verb = governing_verb(qspan)
    subject = subject_of(verb) if verb is not None else None
    if subject is not None and any(c.dep_ == "det" and c.lower_ in EACH_WORDS for c in subject.children):
        return subject.lemma_.lower()
    return None


def _modifiers(token: Optional[Token], value: Optional[SpacySpan] = None) -> list[str]:
    """The words that narrow what a noun counts: "civilian", "north korean", "police" (never
    a word of the ``value`` itself: "shilling" of "a 3 billion shilling plan")."""
    if token is None:
        return []
    out = []
    for c in token.children:
        if value is not None and value.start <= c.i < value.end:
            continue
        if c.ent_type_ in ("DATE", "TIME") or any(t.like_num for t in c.subtree) and c.dep_ != "prep":
            continue  # "a four-year term": the value itself is no modifier of what it measures
        if c.dep_ in ("amod", "compound", "nmod") and not c.like_num and c.pos_ != "NUM":
            if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue  # "Rivals, allies sign two-year pact" parsed as one modifier of "pact": a clause, not a modifier
            words = [t.lower_ for t in c.subtree if not t.is_punct and not t.like_num]
            out.append(" ".join(words))
        elif c.dep_ == "prep" and c.lower_ in ("of", "on", "for", "with"):  # "interest on 20-year loans"
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_counted(pobj):
                continue  # "a grant of about 2 million euros": the value itself, not what narrows the grant
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME"):
                words = [t.lower_ for t in pobj.subtree if t.i <= pobj.i and t.dep_ not in ("det",) and not t.is_punct]
                out.append(f"{c.lower_} {' '.join(words)}")
    return out


#: Prepositions of the scene of a doing: "at the two-day meeting", "during a three-week tour".
SCENE_PREPOSITIONS = frozenset({"at", "during", "in", "on", "over", "throughout", "after", "before"})
#: Words that tell a change without a verb: "exports down 12 percent", "output up 4 percent".
VERBLESS_CHANGE = frozenset({"up", "down", "higher", "lower", "off"})
#: How a share hangs from the noun after it: "a 10 percent *rise*", "14 percent profit rise".
SHARE_OF_NOUN_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod"})


def _substance(qspan: SpacySpan) -> Optional[Token]:
    """What a measure is of: "5,000 tonnes *of rice*", "two million barrels *of oil*" (one
    noun right after "of"; "tonnes of rice stocks" names none, the substance and what it is
    kept as being two)."""
    of = next((c for c in qspan.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ != "NOUN" or pobj.i != of.i + 1:
        return None
    return pobj


def _changed_noun(share: Token) -> Optional[Token]:
    """What changes by a share told without a verb, as headlines do: "Canadian wheat *exports*
    down 18 percent", "Factory *output* up 4 percent", "Dairy *prices* lower 3 percent"."""
    if share.dep_ != "npadvmod":
        return None
    change = share.head
    if change.pos_ in ("NOUN", "PROPN"):  # parsed as the noun's own modifier
        return change if any(c.lower_ in VERBLESS_CHANGE and c.dep_ == "advmod" for c in change.children) else None
    if change.lower_ not in VERBLESS_CHANGE:
        return None
    if change.dep_ == "advmod" and change.head.pos_ in ("NOUN", "PROPN"):
        return change.head
    return _noun_subject(change)


def _change_verb(share: SpacySpan) -> Optional[str]:
    """The verb of the noun of change a share modifies: "a 4 percent *rise*" → rise, "12 percent
    *growth*" → grow."""
    root = share.root
    change = root.head
    if root.dep_ not in SHARE_OF_NOUN_DEPS or change.i < root.i or change.pos_ != "NOUN":
        return None
    while change.dep_ == "compound" and change.head.pos_ == "NOUN" and change.head.i > change.i:
        change = change.head  # "a 6 percent revenue *rise*"
    return lexicon().change_nouns.get(change.lemma_.lower())


def _what_changes(change: Token) -> Optional[Token]:
    """What a noun or verb of change tells the change of: "a rise *in sales*", "a *sales* rise",
    "the fall *of the peso*" (None for another word, or a change of nothing named)."""
    nouns = lexicon().change_nouns
    lemma = change.lemma_.lower()
    if lemma not in nouns and lemma not in nouns.values():
        return None
    for c in change.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            pobj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
            if pobj is not None:
                return pobj
    return next((c for c in reversed(list(change.lefts)) if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)


def _noun_subject(token: Token) -> Optional[Token]:
    """The subject of ``token`` when it is a noun: what a share is of ("*unemployment* fell to 5 percent")."""
    return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def _modified_noun(span: SpacySpan) -> Optional[Token]:
    """The noun an adjectival duration modifies: "a three-year *term*", "the 108-year *history*"."""
    head = span.root.head
    if head.pos_ == "NOUN" and head.i >= span.end and span.root.dep_ in ("compound", "amod", "nummod", "npadvmod"):
        return head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and span.text.count("-") and not span.text.endswith("s"):
        return nxt
    return None


def _age_number(token: Token) -> Optional[float]:
    value = number_value(token.text)
    return value if value is not None and 0 < value < 125 else None


def _bounded(q: Quantity, mod: Optional[str]) -> Quantity:
    """A duration's TIMEX3 mod as bounds: MORE_THAN 3 → low 3 (excluded), LESS_THAN → high."""
    v = q.value
    if v is None or not mod:
        return q
    if mod in ("MORE_THAN",):
        return q.model_copy(update={"low": v, "high": None, "low_inclusive": False})
    if mod in ("EQUAL_OR_MORE",):
        return q.model_copy(update={"low": v, "high": None})
    if mod in ("LESS_THAN",):
        return q.model_copy(update={"low": None, "high": v, "high_inclusive": False})
    if mod in ("EQUAL_OR_LESS",):
        return q.model_copy(update={"low": None, "high": v})
    return q


_AGE, _ORDINAL, _TIMES = 1, 2, 4
_WORD_KINDS: dict[int, int] = {}  # a lowercase form's hash → the frame kinds it may start


def _word_kinds(lower: str) -> int:
    """Which of age, ordinal and times frames a lowercase word may start (a bit set)."""
    kinds = _AGE if lower in ("old", "aged") else 0
    if lower in numbers_lexicon().ordinals or lower[-2:] in ("st", "nd", "rd", "th") and lower[:1].isdigit():
        kinds |= _ORDINAL
    if lower in numbers_lexicon().multiplicatives:
        kinds |= _TIMES
    return kinds


#: Determiners of a set the reader has already met: "the two men", "these 29 cities".
_DEFINITE = frozenset({"the", "these", "those", "all"})

#: What after a noun narrows it to a part of a set: "the two men *arrested on Monday*",
#: "the three soldiers *who died*", "the 12 members *of the board*".
_NARROWING_DEPS = frozenset({"relcl", "acl", "prep", "appos"})


def _definite_set(noun: Token, qspan: SpacySpan) -> bool:
    """A count of a set already named: "the two countries", "the council's 15 members" (a
    determiner or possessor before the number), with nothing after the noun that narrows it
    but a bare participle, kept among its modifiers ("the 17 people arrested")."""
    # the parser may hang the determiner on the number: "the 23 dead", "the 40 injured"; "all"
    # before the number names the whole set ("recalled all 4,000 cars")
    before = [c for t in (noun, *qspan) for c in t.children if c.i < qspan.start and c.dep_ in ("det", "poss", "predet", "quantmod")]
    if not any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in before):
        return False
    return not any(c.dep_ in _NARROWING_DEPS and c.i > noun.i and not _bare_participle(c) for c in noun.children)


def _verb_read_as_modifier(old: Token) -> bool:
    """ "The 56-year-old told reporters …" parsed as a noun phrase: "old" and the verb after
    it made modifiers of the object, which the parse makes the sentence's root. The verb is
    tagged a past tense, or an adjective ending in -ed ("The 54-year-old *joined* Siemens")."""
    head = old.head
    if old.dep_ != "amod" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i <= old.i + 1:
        return False
    between = old.doc[old.i + 1 : head.i]
    return any(t.tag_ == "VBD" or t.tag_ in ("JJ", "VBN") and t.lower_.endswith("ed") and t.dep_ == "amod" for t in between)


def _bare_participle(token: Token) -> bool:
    """A past participle right after a noun, alone: "the 17 people *arrested*"."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.i == token.head.i + 1 and not any(token.children)
