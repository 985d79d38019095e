"""The tense of a verb, and the direction it gives a date written without a year.

:func:`tense_of` reads a verb's tense from its tag and auxiliaries, climbing
from an infinitive, participle or gerund to the finite verb it depends on. It
also says whether the clause is *prospective*: a plan, schedule or expectation
("is to resume", "plans to leave", "was expected to arrive", "would visit").
Both the claims ("is this told as past?") and the temporal engine ("does
'Friday' lie ahead or behind?") read this one answer:

==============================  ========  ===========  =========  ===========
clause                          tense     prospective  direction  claim tense
==============================  ========  ===========  =========  ===========
met, had met, was told          past      no           behind     past
the ruling, announced Monday    past      no           behind     past
will meet, 'll meet             future    no           ahead      future
is to resume, plans to leave    present   yes          ahead      future
was to arrive, had planned to   past      yes          —          future
would visit                     past      yes          —          future
before she retires             present   yes          ahead      future
expires, are killed             present   no           —          present
==============================  ========  ===========  =========  ===========

A plan made in the past says nothing about whether its date has come.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Optional

from .reporting import is_plan, is_prospective, is_report_verb
from .syntax import VERB_POS, auxiliaries, subordinator

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

TenseName = Literal["past", "present", "future"]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_AUX = frozenset({"would"})
#: Verbs that make an infinitive prospective as a construction: "is to", "is going to", "is set to".
PROSPECTIVE_HEADS = frozenset({"be", "go", "set"})
#: Conjunctions of a time clause whose present tense tells what is still to come: "*before* she
#: retires", "*once* the bridge opens" ("as", "while" and "when" can tell a habit or what is
#: going on).
LOOKING_AHEAD_MARKS = frozenset({"before", "until", "till", "once", "after"})
#: Dependencies through which a non-finite verb takes its tense from the verb above.
NONFINITE_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp", "pcomp"})


@dataclass(frozen=True)
class Tense:
    """A verb's tense as written, and whether its clause states a plan or expectation."""

    tense: Optional[TenseName] = None
    prospective: bool = False

    @property
    def direction(self) -> Optional[Literal["ahead", "behind"]]:
        """Where a date the clause gives without a year lies from the time of writing."""
        if self.prospective:
            return "ahead" if self.tense in ("present", "future") else None
        if self.tense == "future":
            return "ahead"
        if self.tense == "past":
            return "behind"
        return None

    @property
    def claim_tense(self) -> Optional[TenseName]:
        """When the stated event lies: a plan or expectation is not yet a past event."""
        return "future" if self.prospective else self.tense


def is_past(verb: "Token") -> bool:
    """A past tense or a past auxiliary: "met", "had been", "was scheduled"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in ("had", "'d") for a in aux)


def reported_future(verb: "Token") -> "Optional[Token]":
    """The "would" of a clause a verb of saying reports in the past ("said it *would* cut 500
    jobs"): the future as seen then, not a condition; None when there is none."""
    if verb.dep_ != "ccomp" or not is_report_verb(verb.head) or not is_past(verb.head):
        return None
    return next((a for a in auxiliaries(verb) if a.lower_ in CONDITIONAL_AUX), None)


def _has_infinitive(verb: "Token") -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def tense_of(verb: "Optional[Token]") -> Tense:
    """The tense of ``verb``'s clause (see the module table); ``Tense()`` when unknown."""
    v = verb
    while v is not None:
        aux = auxiliaries(v)
        words = {a.lower_ for a in aux}
        if words & FUTURE_AUX:
            return Tense("future")
        if words & CONDITIONAL_AUX:
            return Tense("past", prospective=True)
        past = is_past(v)
        if is_plan(v.lemma_):  # "plans a rally Saturday", "the vote, scheduled for May"
            return Tense("past" if past or (v.tag_ == "VBN" and not aux) else "present", prospective=True)
        if _has_infinitive(v) and v.dep_ in ("xcomp", "ccomp", "advcl"):
            head = v.head
            if is_prospective(head.lemma_) or head.lemma_.lower() in PROSPECTIVE_HEADS:
                # "is to resume", "were due to arrive" ("due" hangs from "were"), "going to"
                head_past = is_past(head) or (head.dep_ == "acomp" and is_past(head.head))
                return Tense("past" if head_past else "present", prospective=True)
            v = head
            continue
        if v.tag_ == "VBN" and not aux:  # "the ruling, announced Wednesday"
            return Tense("past")
        if not aux and v.tag_ in ("VBZ", "VBP") and v.dep_ == "advcl" and subordinator(v) in LOOKING_AHEAD_MARKS:
            return Tense("present", prospective=True)  # "before she retires", "once the bridge opens"
        if not aux and v.tag_ in ("VBZ", "VBP") and v.dep_ == "conj" and v.head.pos_ in VERB_POS and tense_of(v.head).tense == "future":
            return Tense("future")  # "will open on May 2 and closes on June 9": the "will" is shared
        if aux or v.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return Tense("past" if past or any(a.lemma_ == "have" for a in aux) else "present")
        if v.dep_ not in NONFINITE_DEPS and v.dep_ != "acl":
            return Tense()
        v = next((t for t in v.ancestors if t.pos_ in VERB_POS), None)
    return Tense()
