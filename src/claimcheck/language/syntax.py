"""The verb that governs a token, and the clause around a verb.

One walk up the dependency tree answers "which verb does this word, figure or
date belong to?" for every component: the nearest verb at or above a token,
or — for a multi-token expression — the nearest verb above it and outside it.
Adjectival participles ("the *wounded* soldiers") are not verbs here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

VERB_POS = frozenset({"VERB", "AUX"})
#: Clauses with a subject of their own, embedded or coordinated ("… and *they* were believed to
#: be …"), are not part of the clause that holds them.
EMBEDDED_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj"})


def is_clause_verb(token: "Token") -> bool:
    """A verb that heads a clause (not a participle used as an adjective, nor as a
    preposition: "*including* 40 children", "*following* the vote")."""
    return token.pos_ in VERB_POS and token.dep_ not in ("amod", "prep")


def governing_verb(target: "Union[Token, Span]") -> "Optional[Token]":
    """The verb ``target`` belongs to.

    For a token: the nearest verb at or above it. For a span (a date, a
    figure): the nearest verb above its root that lies outside the span
    ("met *on Friday*" → met; "*was killed* on Friday" → killed).
    """
    from spacy.tokens import Span

    if isinstance(target, Span):
        if not len(target):
            return None
        inside = range(target.start, target.end)
        candidates = [t for t in _outer(target)[0].ancestors if t.i not in inside]
    else:
        candidates = [target, *target.ancestors]
    return next((t for t in candidates if is_clause_verb(t)), None)


#: Dependencies of an expression that is the verb's argument, not its time: "celebrate *Christmas*".
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative"})
#: Dependencies of an expression that modifies a noun: "the *May 2019* vote".
NOMINAL_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "nummod"})


def dated_verb(span: "Span") -> "Optional[Token]":
    """The verb a temporal expression gives the time of, if any.

    The expression times the verb it belongs to ("met *on Friday*", "*Tuesday*
    approved", "crashed near the city *on October 22*"), unless it is the verb's argument
    ("celebrate *Christmas*"), a modifier written before a noun ("the *May 2019*
    vote", "*Easter* eggs"), or the bound of a noun's period ("the budget for
    the year *to June 2011*", "its lowest level *since July 2014*"; but "architect for 17
    years *until 2015*" ends the verb's time)."""
    if not len(span):
        return None
    root, head = _outer(span)
    if root.dep_ in ARGUMENT_DEPS and is_clause_verb(head):
        return None
    if dated_noun(span) is not None:
        return None
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        relation = governing_preposition(span)
        if relation in BOUND_RELATIONS and not _counted_stretch(head.head):
            return None
    verb = governing_verb(span)
    if verb is not None and any(t.dep_ == "prep" and t.lemma_.lower() in COMPARING_PARTICIPLES for t in _between(root, verb)):
        return None  # "exports climbed 12 percent compared with *last May*": the time compared with
    return verb


#: Participles used as prepositions that bring in what a figure is compared with.
COMPARING_PARTICIPLES = frozenset({"compare"})


def _between(token: "Token", top: "Token") -> "list[Token]":
    """The tokens above ``token`` up to, not including, ``top``."""
    out = []
    for t in token.ancestors:
        if t.i == top.i:
            break
        out.append(t)
    return out


def is_counted(noun: "Token") -> bool:
    """Whether a number counts ``noun`` ("*12* rescuers", "*two* guides")."""
    return any(c.dep_ == "nummod" for c in noun.children)


def _counted_stretch(noun: "Token") -> bool:
    """A length of time counted out with no determiner ("for *17 years* until 2015"): a bound
    after it ends the verb's time, not a named period's ("the 12 months to June")."""
    if noun.ent_type_ not in ("DATE", "TIME"):
        return False
    return is_counted(noun) and not any(c.dep_ in ("det", "poss") for c in noun.children)


def _outer(span: "Span") -> "tuple[Token, Token]":
    """The outermost token of ``span`` and the token outside it that it hangs from.

    A year the parser tore from its date to make it the subject or object of the
    next verb ("the curfew on towns shelled on March 9, *2021* was lifted"), or an
    apposition to a noun before ("his term since he took office on May 2, *2019*
    ends"), is not the date's root: the rest of the date is."""
    root = span.root
    inside = range(span.start, span.end)
    if root.i == span.end - 1 > span.start and root.tag_ == "CD" and (root.dep_ in ARGUMENT_DEPS or root.dep_ == "appos"):
        rest = [t for t in span[:-1] if t.head.i not in inside or t.head.i == t.i]
        if rest:
            root = rest[0]
    head = root.head
    while head.i in inside and head.head.i != head.i:
        root, head = head, head.head
    return root, head


def dated_noun(span: "Span") -> "Optional[Token]":
    """The noun a temporal expression is written before and names the time of: the
    *election* of "the March 30 election", the *memorandum* of "his Nov. 4 memorandum"."""
    if not len(span):
        return None
    root, head = _outer(span)
    if root.dep_ in NOMINAL_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > root.i:
        return head
    return None


#: Prepositions that make a date a noun's bound, not the time of a happening: "since", "to".
BOUND_RELATIONS = frozenset({"since", "until", "till", "to", "through", "from", "by", "before", "after", "ahead of", "prior to"})


def governing_preposition(span: "Span") -> Optional[str]:
    """The preposition a temporal expression is the object of: "since" (May 2001), "until",
    "ahead of" (the May 2019 vote); None for a bare adverbial ("Tuesday")."""
    if not len(span):
        return None
    root = span.root
    if root.dep_ != "pobj" or root.head.i in range(span.start, span.end):
        return None
    prep = root.head
    if prep.lower_ == "of" and prep.head.lower_ in ("ahead", "because", "instead", "out"):
        return f"{prep.head.lower_} of"
    if prep.lower_ == "to" and prep.head.lower_ in ("prior", "up", "due"):
        return f"{prep.head.lower_} to"
    return prep.lower_


def verb_chain(token: "Token") -> list["Token"]:
    """``token`` and the verbs above it, up to the root of its sentence."""
    return [t for t in [token, *token.ancestors] if t.pos_ in VERB_POS]


def auxiliaries(verb: "Token") -> list["Token"]:
    """The auxiliaries of ``verb`` as written ("had", "been", "will"), without the infinitive "to"."""
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]


def has_subject(verb: "Token") -> bool:
    return any(c.dep_.startswith("nsubj") for c in verb.children)


def clause_tokens(verb: "Token") -> list["Token"]:
    """Tokens of ``verb``'s clause: its subtree minus clauses with a subject of their own,
    embedded ("said *that 12 were found*") or coordinated ("seized it *and the army retook it*").

    A participle that modifies a noun ("the incursion *initiated* in August")
    takes that noun and its left modifiers into its clause.
    """
    out: list["Token"] = []
    stack = [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in EMBEDDED_CLAUSES and has_subject(c):
                continue
            stack.append(c)
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        out.extend([verb.head, *verb.head.lefts])
    return out


def subject_of(verb: "Token") -> "Optional[Token]":
    """The grammatical subject of ``verb``'s clause, climbing from a subjectless participle,
    infinitive, conjunct, gerund after a preposition or adjective complement ("*likely* to be
    heard") to the verb it depends on; a passive's agent ("by X") counts."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:  # the nearest, when a fronted phrase is also parsed as a subject
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        agent = next((c for a in tok.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # a gerund after a preposition: "left *after being* its conductor"
            continue
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "relcl", "acomp") and tok.head.i != tok.i:
            if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
                return tok.head
            tok = tok.head
            continue
        break
    return None


def subordinator(verb: "Token") -> Optional[str]:
    """What subordinates the clause of ``verb``: its conjunction ("after", "when", "since"),
    "relative" for a relative clause or a participle modifying a noun, None for a main
    clause (reported speech is a main clause of its own)."""
    v = verb
    for _ in range(4):
        if v.dep_ in ("relcl", "acl"):
            return "relative"
        if v.dep_ == "advcl":
            mark = next((c for c in v.children if c.dep_ == "mark"), None)
            return mark.lower_ if mark is not None else "participle"
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":  # "after suspending"
            return v.head.lower_
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None
