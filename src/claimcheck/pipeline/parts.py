"""Parts and totals, shares and their counts: the relations between fact frames.

A figure can be a *part* of another ("150 guests, including *9 Canadians*",
"*three* of the 12 victims", "*seven* of them"), one of a list of parts that
make up the whole ("12 people: *five soldiers*, *four police officers* and
*three civilians*"; "the 12 victims were …"), and a percentage or fraction
can restate a count as a *share* of a total ("1,200, or *40 percent*, of the
3,000 voters"). :class:`PartLinker` finds these relations once, from the parse
and the words between the figures, and writes them on the frames
(``Frame.part_of``, ``exhaustive``, ``share_of``, ``share_count``); the rules do
the arithmetic.

A part must count the same kind of thing as its total: the same noun, or people
on both sides ("victims" / "children"), or no noun of its own ("five *of them*").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..language.reference import lexicon as people_lexicon
from ..models import Frame, Predicate
from ..textmap import doc_text
from .context import is_group_noun, outcome_of_word

if TYPE_CHECKING:  # pragma: no cover
    from .frames import FrameBuilder

#: Dimensions whose values are parts of a total of the same dimension.
PART_DIMENSIONS = frozenset({"count", "money"})
#: Dimensions a list the text adds up may be in: "40 tonnes of coffee and 25 tonnes of cocoa, for a total of 65 tonnes".
SUM_DIMENSIONS = PART_DIMENSIONS | {"mass", "length", "area", "volume"}
#: Dimensions of a share.
SHARE_DIMENSIONS = frozenset({"percent", "fraction"})
#: Pronouns that stand for a total given before: "five of *them*", "two of *whom*", "among *them*", "*they* included".
TOTAL_PRONOUNS = frozenset({"them", "whom", "those", "these", "they"})
#: Relative pronouns: the subject of "…, which included 10 children" is the noun the clause modifies.
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
#: Determiners that make "the three of them", "all 12 of the crew" the whole group, not a part.
WHOLE_DETERMINERS = frozenset({"the", "all", "both", "these", "those", "each", "every"})
#: Dependencies by which the host of "including" holds its total.
HOST_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos"})
#: Nouns that count people in general: a total a comma can break down ("killed 12 people, five soldiers
#: and seven civilians"), unlike one item of a list ("two foreigners, one officer and a child").
GENERAL_PEOPLE = frozenset({"people", "person", "persons", "victim", "casualty", "individual"})
#: Spellings of one noun: a description "the persons" stands for a count of "people".
SAME_NOUN = {"person": "people", "persons": "people"}
#: Punctuation that opens a breakdown of what comes before it: "12 people: …", "12 people were killed -- …".
BREAKDOWN_PUNCT = frozenset({":", "--", "—", "–", "-", ";"})
_DETERMINERS = r"(?:the|its|their|his|her|our|all|these|those|a\s+total\s+of)"
#: Between a share (or a part) and its total: "40 percent *of the* 3,000", "120 *out of* 300", "40 percent*), of* the".
OF_GAP = re.compile(rf"\s*\)?\s*,?\s*(?:out\s+)?of\s+(?:{_DETERMINERS}\s+)?", re.I)
#: Between a count (with up to four words of its noun) and the share that restates it:
#: "1,200*, or* 40 percent", "120 of the 300 seats *(*40 percent)", "4,000 workers *--* a third".
RESTATE_BEFORE = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,4}?\s*(?:,\s*or|\s+or|\(\s*(?:or\b)?|,?\s*(?:--|—|–))\s*", re.I)
#: Between a share (or its total, with up to four words of its noun) and the count that restates it:
#: "40 percent of the 500 students*, or* 200", "40 percent*, or* 1,200, of".
RESTATE_AFTER = RESTATE_BEFORE
#: Between "half" and its total: "half *the* 600 members".
HALF_GAP = re.compile(rf"\s+(?:of\s+)?{_DETERMINERS}\s+", re.I)
#: A sentence that opens with its total: "*Of the* 3,000 voters, 1,200 …"; and what follows that total.
FRONTED_OF = re.compile(rf"\s*of\s+(?:{_DETERMINERS}\s+)?", re.I)
FRONTED_REST = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,4}\s*,\s*", re.I)
#: Between the last item of a list and the total the text says it makes: "three cracked beams,
#: two loose cables and four rusted bolts*, for a total of* nine defects", "$5 million in grants
#: and $3 million in loans*, totaling* $8 million" (the last item's noun, up to four words, may
#: come first).
TOTAL_AFTER = re.compile(
    r"(?:\s+[^\W\d][\w'’-]*){0,4}?\s*,?\s*(?:(?:(?:for|with|to\s+make|making|giving)\s+)?(?:a|the)\s+"
    r"(?:combined\s+|grand\s+|overall\s+)?total\s+of|totall?ing|adding\s+up\s+to)\s+",
    re.I,
)
#: Between two items of such a list: "three cracked beams*, *two loose cables* and *four rusted bolts".
ITEM_GAP = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,4}?\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
#: What a text that adds up a list must say somewhere (the lists are looked for only then).
SUM_WORDS = re.compile(r"total|adding\s+up", re.I)
#: A share of its own whole that follows it: "40 percent *of* the vote".
OWN_WHOLE = re.compile(r"\s*\)?\s*,?\s*(?:out\s+)?of\b", re.I)
#: A share that is a change, not a part: "40 percent *more*", "*up* 12 percent".
CHANGE_AFTER = re.compile(r"\s*(?:more|less|fewer|higher|lower|up|down|increase|rise|drop|decline|fall|jump|gain|growth|cut)\b", re.I)
CHANGE_BEFORE = re.compile(r"\b(?:up|down|by|rose|fell|grew|dropped|declined|increased|decreased|jumped|climbed|gained|lost|cut)\s*$", re.I)


@lru_cache(maxsize=1)
def _people_words() -> frozenset[str]:
    lex = people_lexicon()
    gendered = {w for words in lex.gendered_words.values() for w in words}
    return frozenset(lex.people_nouns | lex.military_nouns | gendered | set(outcome_of_word()))


def counts_people(token: Token) -> bool:
    """A noun (or an adjective used as one: "the dead") that counts or names people."""
    if token.ent_type_ in ("NORP", "PERSON") or token.pos_ in ("NOUN", "PROPN") and is_group_noun(token):
        return True
    return token.lemma_.lower() in _people_words() or token.lower_ in _people_words()


#: Verbs whose object lists what their subject counts: "the two winners *were* a baker and a nurse".
LISTING_VERBS = frozenset({"be", "involve", "comprise"})
#: Tags of a member that is one thing: a singular noun or name.
ONE_THING_TAGS = frozenset({"NN", "NNP"})


def named_members(noun: Token) -> list[tuple[int, int]]:
    """The things a count of ``noun`` names one by one, as token ranges: "two hikers, *a guide*
    and *her client*, were found" (in apposition), "the three new cases involve *a teacher* and
    *a nurse*" (after a verb of listing). Empty unless there are two or more, joined by "and" alone, and
    each is one thing (a singular noun or a name, not "two girls" or "others")."""
    listing = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in LISTING_VERBS
    first = next((c for c in noun.rights if c.dep_ == "appos"), None)
    if first is None and listing:
        first = next((c for c in noun.head.rights if c.dep_ in ("attr", "dobj")), None)
    if first is not None:
        members = _items_from(first)
    else:  # an apposition parsed as more of a list: "two hikers, a guide and her client, were"
        members = sorted(noun.conjuncts, key=lambda t: t.i)
    if not members or members[0].i < noun.i or not (first is not None and listing and first.head.i == noun.head.i or _set_off(noun, members)):
        return []
    joiners = {c.lower_ for m in members for c in m.children if c.dep_ in ("cc", "preconj")}
    if len(members) < 2 or joiners != {"and"}:
        return []
    out = []
    for m in members:
        if m.tag_ not in ONE_THING_TAGS or any(c.dep_ in ("nummod", "quantmod") for c in m.children):
            return []
        own = [m.i] + [t.i for c in m.children if c.dep_ not in ("conj", "cc", "appos", "punct") for t in c.subtree]
        out.append((min(own), max(own) + 1))
    return out


def _items_from(first: Token) -> list[Token]:
    """The items of the list ``first`` opens: its conjuncts, and the next item when the parser
    made it an apposition of the first ("a baker, *a nurse* and a teacher")."""
    items = [first, *first.conjuncts]
    nxt = next((c for c in first.rights if c.dep_ == "appos" and c.doc[c.left_edge.i - 1].text == ","), None)
    if nxt is not None:
        items += [nxt, *nxt.conjuncts]
    return sorted(set(items), key=lambda t: t.i)


def _set_off(noun: Token, members: list[Token]) -> bool:
    """Whether ``members`` are set off as the things ``noun`` counts, not more items of a list
    with it: after a colon, a dash or a bracket ("two men: a driver and his brother"), or
    between commas before the verb of ``noun``, its subject ("*two hikers*, a guide and her
    client, *were* found"; but "killed five soldiers, a policeman and a child, officials
    said" lists three)."""
    doc = noun.doc
    first, last = members[0], members[-1]
    opener = doc[first.left_edge.i - 1].text if first.left_edge.i > noun.i else ""
    if opener in (":", "--", "—", "–", "("):
        return True
    after = last.right_edge.i + 1
    return (opener == "," and noun.dep_ in ("nsubj", "nsubjpass") and after < len(doc) and doc[after].text == ","
            and last.i < noun.head.i)


class PartLinker:
    """Links the frames of one doc: parts to their totals, shares to their counts."""

    def __init__(self, builder: "FrameBuilder", frames: list[Frame]) -> None:
        self.doc = builder.doc
        self.refs = builder.ctx.refs
        self.in_source = builder.ctx.in_source
        self.tokens = builder.tokens
        self.by_id = {f.id: f for f in frames}
        numeric = [f for f in frames if id(f) in self.tokens and f.converts is None]
        self.counts = [f for f in numeric if f.measure.dimension in PART_DIMENSIONS]
        self.shares = [f for f in numeric if f.measure.dimension in SHARE_DIMENSIONS]
        self.summable = [f for f in numeric if f.measure.dimension in SUM_DIMENSIONS]
        self.at: dict[int, Frame] = {}  # token index of a figure's number → its frame
        for f in self.counts:
            for t in self.qspan(f):
                self.at.setdefault(t.i, f)

    def qspan(self, f: Frame) -> SpacySpan:
        return self.tokens[id(f)][0]

    def head(self, f: Frame) -> Token:
        return self.tokens[id(f)][1]

    def link(self) -> None:
        adds_up = SUM_WORDS.search(doc_text(self.doc)) is not None
        for f in self.summable if adds_up else ():
            if f.part_of is None and (summed := self.total_after(f)) is not None:
                for item in summed[1]:
                    item.part_of, item.exhaustive = summed[0].id, True
        for f in self.counts:
            if f.part_of is None:
                self.link_part(f)
        for share in self.shares:
            self.link_share(share)

    # -- parts -------------------------------------------------------------------------

    def link_part(self, f: Frame) -> None:
        listed = self.listed_total(f)
        if listed is not None:
            whole, items, exhaustive = listed
            fitting = [item for item in items if item.part_of is None and self.fits(item, whole, said=True)]
            # a breakdown of money often names the main items only ("$5 billion -- $3 billion to Asia and …")
            exhaustive = exhaustive and len(fitting) == len(items) and whole.measure.dimension == "count"
            for item in fitting:
                item.part_of, item.exhaustive = whole.id, exhaustive
            return
        whole = self.of_total(f) or self.marked_total(f) or self.fronted_total(f)  # each checks that the two fit
        if whole is None:
            return
        f.part_of = whole.id
        if OF_GAP.fullmatch(self.gap(f, whole)):
            # "won 58 of the 100 seats": the verb tells what the part did; the whole is the
            # size of the set, of which the verb tells nothing
            whole.predicate = Predicate(tense=whole.predicate.tense)
        for conj in self.head(f).conjuncts:  # "including three mining projects, four oilfields and …": one list, one total
            item = self.counted_by(conj)
            if item is not None and item.part_of is None and conj.i > self.head(f).i and self.fits(item, whole, said=True):
                item.part_of = whole.id

    def fits(self, part: Frame, whole: Frame, said: bool = False, referred: bool = False) -> bool:
        """A part and a total that count the same kind of thing, and are not one figure. When
        the text says so itself ("31,000 fans, including 4,000 from abroad": ``said``),
        a total of people takes parts of any description; a total of things takes only its own
        noun ("two villages, including five children" is no part). A total that a pronoun or a
        description refers back to ("11 traders. *They* included six women": ``referred``) takes
        the kind of its parts."""
        if part is whole or whole.part_of == part.id or part.measure.dimension != whole.measure.dimension:
            return False
        if part.measure.dimension == "money":
            return part.measure.unit == whole.measure.unit
        pn, wn = part.measure.noun, whole.measure.noun
        if pn is None or wn is None or pn == wn or referred:
            return True
        whole_people = counts_people(self.head(whole))
        return whole_people if said else whole_people and counts_people(self.head(part))

    def counted_by(self, token: Optional[Token]) -> Optional[Frame]:
        """The figure that counts ``token``: "the 300 *seats*", "*12*" itself."""
        if token is None:
            return None
        if token.i in self.at:
            return self.at[token.i]
        for c in token.children:
            if c.dep_ in ("nummod", "quantmod", "amod", "compound") and c.i in self.at and c.i < token.i:
                return self.at[c.i]
        return None

    def of_total(self, f: Frame) -> Optional[Frame]:
        """ "*seven* of them", "*two* of whom", "*three* of the 12 victims", "*120* out of 300 seats"."""
        qspan = self.qspan(f)
        before = self.doc[qspan.start - 1] if qspan.start > 0 else None
        if before is not None and before.lower_ in WHOLE_DETERMINERS or any(t.lower_ == "all" for t in qspan):
            return None  # "the three of them", "all 12 of the crew": the whole group
        root = qspan.root
        heads = [root, *(c for c in root.children if c.lower_ == "out")]
        for t in heads:
            for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if pobj.lower_ in TOTAL_PRONOUNS:
                    return self.antecedent(pobj, f)
                whole = self.counted_by(pobj)
                if whole is not None and self.fits(f, whole):
                    return whole
        nxt = self.next_count(f)  # the parse may hang "of the 300 seats" elsewhere
        if nxt is not None and OF_GAP.fullmatch(self.gap(f, nxt)) and self.fits(f, nxt):
            return nxt
        return None

    def marked_total(self, f: Frame) -> Optional[Frame]:
        """ "150 guests, *including* 9 Canadians", "*among them* 12 children", "the dead
        *included* three children", "*Of the* 12 people killed, five were children"."""
        head = self.head(f)
        for t in [head, *head.ancestors][:4]:
            word = t.lower_
            if word == "including":
                # the total is what "including" hangs from, or that verb's subject or object
                # ("Fifteen people were killed …, including 20 Americans"): the nearest before it
                same = [g for g in self.counts if g is not f and f.measure.noun and g.measure.noun == f.measure.noun
                        and self.qspan(g).end <= t.i and self.qspan(g).sent.start == t.sent.start]
                if same:  # "40 schools in 12 districts, including five girls' schools": the same noun's figure
                    whole = max(same, key=lambda g: self.qspan(g).start)
                    return whole if self.fits(f, whole) else None
                j = t.i - 1
                while j > t.sent.start and self.doc[j].is_punct:
                    j -= 1
                own = self.counted_by(self.doc[j]) if j < t.i - 1 else None  # "…, including": the figure before the comma
                if own is not None and own.compared:
                    own = None  # "rose to 30 from 12, including …": not the figure superseded
                own = own or self.counted_by(t.head)
                if own is not None and own.compared:
                    own = None
                if own is not None and own is not f:  # "31,000 fans, including 4,000 from abroad"
                    return own if self.fits(f, own, said=True) else None
                # "killed in the bombing of the market, including 20 children": up to the verb
                for host in [t.head, *t.head.ancestors][:6]:
                    found = [w for h in host.children if h.dep_ in HOST_DEPS and h.i < t.i and (w := self.counted_by(h)) is not None and self.fits(f, w)]
                    if found:
                        return max(found, key=lambda w: self.qspan(w).start)
                return None
            if word == "among" and t.dep_ == "prep":
                return self.total_named(next((c for c in t.children if c.dep_ == "pobj"), None), f, said=True)
            if t.lemma_.lower() == "include" and t.pos_ == "VERB" and t.i != head.i and word != "including":
                subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                    subject = t.head  # "the convoy, which included 12 trucks"
                return self.total_named(subject, f, said=True)
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") else None
        if verb is not None:
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < head.i):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.lower_ == "among":  # "Among them were 12 children"
                    return self.total_named(pobj, f, said=True)
                if prep.lower_ == "of" and prep.i == prep.sent.start:  # "Of the 12 people killed, five were children"
                    whole = self.counted_by(pobj)
                    return whole if whole is not None and self.fits(f, whole) else None
        return None

    def fronted_total(self, f: Frame) -> Optional[Frame]:
        """ "*Of the 3,000 voters*, 1,200 backed the plan": the total opens the sentence and the
        part follows it (however the parse coordinates the two)."""
        qs = self.qspan(f)
        prev = self.prev_count(f)
        if prev is None:
            return None
        ps = self.qspan(prev)
        text = doc_text(self.doc)
        if FRONTED_OF.fullmatch(text[qs.sent.start_char : ps.start_char]) and FRONTED_REST.fullmatch(text[ps.end_char : qs.start_char]):
            return prev if self.fits(f, prev) else None
        return None

    def listed_total(self, f: Frame) -> Optional[tuple[Frame, list[Frame], bool]]:
        """A breakdown: "12 people*:* five soldiers and seven civilians", "12 people were killed
        *--* five soldiers and …", "killed 12 people, five soldiers and seven civilians", "the 12
        victims *were* five soldiers and seven civilians". Returns the total, the listed parts,
        and whether the list is all of it (every item a figure)."""
        root = self.head(f)
        while root.head.i < root.i and (root.dep_ == "conj" or root.dep_ == "appos" and self.list_item(root.head) and self.after_comma(root)):
            root = root.head  # up to the first item (a list's items are often parsed as appositions)
        if root.dep_ == "appos":
            items = self.list_items(root)
            whole = self.counted_by(root.head) or self.total_before_colon(root)
            marks = [t.text for t in self.doc[self.qspan(whole).end : root.left_edge.i] if t.is_punct] if whole is not None else []
            if not marks or marks[-1] not in BREAKDOWN_PUNCT:
                return None
        elif root.dep_ == "attr" and root.head.lemma_.lower() == "be":
            items = self.list_items(root)
            if len(items) < 2:
                return None  # "the toll is 3,700": one item is a description, not a breakdown
            subject = next((c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            whole = self.counted_by(subject) or self.total_named(subject, f, said=True)
        else:
            # "killed 12 people, five soldiers and seven civilians": a general count, then what it was
            # (not a list of like things: "two foreigners, one officer and …", "300 rural clinics, …")
            whole = self.counted_by(root)
            items = self.list_items(root)[1:]
            if whole is None or whole.measure.noun is None or whole.measure.noun.lower() not in GENERAL_PEOPLE or len(items) < 2:
                return None
            if not all(counts_people(t) and (g := self.counted_by(t)) is not None and g.measure.noun != whole.measure.noun for t in items):
                return None
        frames = [self.counted_by(t) for t in items]
        parts = [g for g in frames if g is not None]
        if whole is None or whole in parts or not parts:
            return None
        complete = len(parts) == len(items) and not any(t.lemma_.lower() in ("other", "others") for t in items)
        return whole, parts, complete

    def total_after(self, f: Frame) -> Optional[tuple[Frame, list[Frame]]]:
        """A list the text itself adds up, its total last: "*three cracked beams*, *two loose
        cables* and *four rusted bolts*, for a total of nine defects", "*$5 million* in grants
        and *$3 million* in loans, totaling $8 million". ``f`` is the first item; returns the total and every item (two or
        more, each with a figure of the total's dimension and unit, joined by commas and "and")."""
        prev = self.prev_count(f, self.summable)
        if prev is not None and ITEM_GAP.fullmatch(self.gap(prev, f)) and self.like(prev, f):
            return None  # not the first item: the first one links the list
        items = [f]
        while (nxt := self.next_count(items[-1], self.summable)) is not None:
            gap = self.gap(items[-1], nxt)
            if TOTAL_AFTER.fullmatch(gap):
                fitting = all(self.like(item, nxt) and item.part_of is None for item in items)
                nouns = {item.measure.noun for item in items}
                if len(nouns) == 1 and None not in nouns and nxt.measure.noun not in (None, *nouns):
                    return None  # "volunteers from four towns, two towns and three towns totaling 900 people": what they hold
                return (nxt, items) if len(items) >= 2 and fitting and not items[-1].compared else None
            if not ITEM_GAP.fullmatch(gap) or not self.like(items[-1], nxt):
                return None
            items.append(nxt)
        return None

    def gap(self, a: Frame, b: Frame) -> str:
        """The text between two figures."""
        return doc_text(self.doc)[self.qspan(a).end_char : self.qspan(b).start_char]

    @staticmethod
    def like(a: Frame, b: Frame) -> bool:
        """Two figures a sum can join: the same dimension and unit (currency, tonnes, …)."""
        return a.measure.dimension == b.measure.dimension and a.measure.unit == b.measure.unit

    def after_comma(self, token: Token) -> bool:
        """Whether a comma (not a colon or a dash) comes right before ``token``'s phrase."""
        start = token.left_edge.i
        return start > 0 and self.doc[start - 1].text == ","

    def list_item(self, token: Token) -> bool:
        """A counted noun in a list ("*two foreigners*, one officer and a child"), not a general
        total that a list breaks down ("12 *people*: …")."""
        counted = self.counted_by(token)
        return counted is not None and (counted.measure.noun or "").lower() not in GENERAL_PEOPLE and token.dep_ in ("attr", "dobj", "pobj", "conj", "nsubj")

    def list_items(self, first: Token) -> list[Token]:
        """The items of the list ``first`` opens: its conjuncts, and the counted appositions a
        list's items are often parsed as."""
        out = [first]
        for c in first.children:
            if c.i > first.i and (c.dep_ == "conj" or c.dep_ == "appos" and self.counted_by(c) is not None):
                out.extend(self.list_items(c))
        return sorted(out, key=lambda t: t.i)

    def total_before_colon(self, first: Token) -> Optional[Frame]:
        """The figure a colon or dash breaks down when the parse hangs the list elsewhere: "sank
        with 30 passengers on board*:* 14 women, …" (at most six words between them)."""
        start = first.left_edge.i
        if start == 0 or self.doc[start - 1].text not in BREAKDOWN_PUNCT:
            return None
        earlier = [g for g in self.counts if self.qspan(g).end < start and self.qspan(g).sent.start == first.sent.start]
        if not earlier:
            return None
        whole = max(earlier, key=lambda g: self.qspan(g).start)
        words = [t for t in self.doc[self.qspan(whole).end : start - 1] if not t.is_punct]
        return whole if len(words) <= 6 and not any(t.like_num or t.pos_ in ("VERB", "AUX") for t in words) else None

    def total_named(self, token: Optional[Token], part: Frame, said: bool = False) -> Optional[Frame]:
        """The total a word stands for: a figure ("among *the 12 dead*"), a pronoun ("among
        *them*", "*they* included"), or a description of a total given before ("*the dead*
        included", "*the victims* were")."""
        if token is None:
            return None
        counted = self.counted_by(token)
        if counted is not None:
            return counted if self.fits(part, counted, said) else None
        if token.lower_ in TOTAL_PRONOUNS:
            return self.antecedent(token, part, said)
        if any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children) and counts_people(token):
            return self.described(token, part, said)
        return None

    def antecedent(self, pronoun: Token, part: Frame, said: bool = False) -> Optional[Frame]:
        """The counted plural noun a pronoun stands for: the nearest plural people noun before
        it (in its sentence or the two before), when a figure counts it."""
        noun = self.refs.resolve_group(
            pronoun, lambda t: (counts_people(t) or self.counted_by(t) is not None) and not self.in_source(t)
        )
        whole = self.counted_by(noun)
        if whole is None or whole is part or not self.fits(part, whole, said, referred=True):
            return None
        done = next((c for c in pronoun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if done is not None and whole.predicate.outcome is None:
            # "rescued 112 migrants from two boats … Among those rescued were 19 children": those
            # rescued are what the verb acted on, not where it found them
            acted_on = whole.predicate.lemma == done.lemma_.lower() and self.head(whole).dep_ in ("dobj", "nsubjpass")
            if not acted_on:
                return None
        # "killed three people and wounded 30, 10 of them seriously": a figure between the noun
        # and the pronoun may be what it stands for; the total is then not known
        between = [g for g in self.counts if self.qspan(whole).end <= self.qspan(g).start and self.qspan(g).end <= pronoun.i and g is not part]
        return whole if not between else None

    def described(self, token: Token, part: Frame, said: bool = False) -> Optional[Frame]:
        """The total a description stands for: the nearest figure before it, in its sentence or
        the two before, of that noun ("the victims" / "12 victims") or that outcome ("the dead" /
        "12 people were killed")."""
        lemma, outcome = token.lemma_.lower(), outcome_of_word().get(token.lower_) or outcome_of_word().get(token.lemma_.lower())
        lemma = SAME_NOUN.get(lemma, lemma)
        start = token.sent.start
        for _ in range(2):
            if start > 0:
                start = self.doc[start - 1].sent.start
        for g in sorted(self.counts, key=lambda g: -self.qspan(g).start):
            qs = self.qspan(g)
            if qs.start >= token.i or qs.start < start or g is part:
                continue
            noun = g.measure.noun.lower() if g.measure.noun else None
            noun = SAME_NOUN.get(noun, noun) if noun else None
            if noun == lemma or outcome is not None and g.predicate.outcome == outcome or lemma == "victim" and g.predicate.outcome:
                return g if self.fits(part, g, said, referred=True) else None
        return None

    def prev_count(self, f: Frame, pool: Optional[list[Frame]] = None) -> Optional[Frame]:
        """The figure right before ``f`` in its sentence (of ``pool``: counts and sums)."""
        qs = self.qspan(f)
        earlier = [g for g in (self.counts if pool is None else pool) if self.qspan(g).end <= qs.start and self.qspan(g).sent.start == qs.sent.start]
        return max(earlier, key=lambda g: self.qspan(g).start) if earlier else None

    def next_count(self, f: Frame, pool: Optional[list[Frame]] = None) -> Optional[Frame]:
        """The figure right after ``f`` in its sentence (of ``pool``: counts and sums)."""
        qs = self.qspan(f)
        later = [g for g in (self.counts if pool is None else pool) if self.qspan(g).start >= qs.end and self.qspan(g).sent.start == qs.sent.start]
        return min(later, key=lambda g: self.qspan(g).start) if later else None

    # -- shares ------------------------------------------------------------------------

    def link_share(self, share: Frame) -> None:
        """ "1,200, or 40 percent, of the 3,000 voters", "120 of the 300 seats (40 percent)",
        "40 percent of the 500 students, or 200", "a third, or 4,000, of the 12,000 workers"."""
        text = doc_text(self.doc)
        qs = self.qspan_of(share)
        if qs is None:
            return
        after_text, before_text = text[qs.end_char :], text[: qs.start_char]
        if CHANGE_AFTER.match(after_text) or CHANGE_BEFORE.search(before_text):
            return  # "40 percent more", "up 12 percent": a change, not a share of a count
        same = sorted((g for g in self.counts if self.qspan(g).sent.start == qs.sent.start), key=lambda g: self.qspan(g).start)
        before = [g for g in same if self.qspan(g).end <= qs.start]
        after = [g for g in same if self.qspan(g).start >= qs.end]
        nxt, nxt2 = (after + [None, None])[:2]
        whole = count = None
        of_gap = OF_GAP.fullmatch if not qs.text.lower().endswith("half") else (lambda g: OF_GAP.fullmatch(g) or HALF_GAP.fullmatch(g))
        if nxt is not None and of_gap(text[qs.end_char : self.qspan(nxt).start_char]):
            whole = nxt  # "40 percent of the 3,000 voters", "half the 600 members"
            if nxt2 is not None and RESTATE_AFTER.fullmatch(text[self.qspan(nxt).end_char : self.qspan(nxt2).start_char]):
                count = nxt2  # "…, or 1,200"
        elif (
            nxt is not None
            and nxt2 is not None
            and RESTATE_AFTER.fullmatch(text[qs.end_char : self.qspan(nxt).start_char])
            and OF_GAP.fullmatch(text[self.qspan(nxt).end_char : self.qspan(nxt2).start_char])
        ):
            count, whole = nxt, nxt2  # "40 percent, or 1,200, of the 3,000 voters"
        elif OWN_WHOLE.match(after_text):
            return  # "…, or 45 percent of the vote": a share of something else
        prev = before[-1] if before else None
        if count is None and prev is not None and RESTATE_BEFORE.fullmatch(text[self.qspan(prev).end_char : qs.start_char]):
            part = next((g for g in reversed(before[:-1]) if g.part_of == prev.id), None)
            if part is not None and whole is None:
                count, whole = part, prev  # "120 of the 300 seats (40 percent)"
            else:
                count = prev  # "1,200, or 40 percent, …"
        if whole is None and count is not None and count.part_of is not None:
            whole = self.by_id.get(count.part_of)
        if whole is None or count is whole or whole.measure.dimension != (count.measure.dimension if count else whole.measure.dimension):
            return
        share.share_of = whole.id
        if count is not None:
            share.share_count = count.id
            if count.part_of is None and self.fits(count, whole):
                count.part_of = whole.id

    def qspan_of(self, f: Frame) -> Optional[SpacySpan]:
        entry = self.tokens.get(id(f))
        return entry[0] if entry is not None else None
