"""The model's attribute ruler, run over the doc's arrays.

spaCy's attribute ruler finds its patterns with a token ``Matcher`` and then
makes a ``Span`` and a ``Token`` for every match to set the match's attributes,
one token at a time; the English models map every tag to its part of speech
and features this way, so every word of every document is matched and set at
least once. The patterns these models use are fixed sequences of tokens, each
token tested for equality, set membership or a regular expression on a few of
its attributes. Nearly all are one token long, so what they set on a token
follows from that token's own values: it is worked out once per kind of token
and remembered. The longer patterns are tested over the doc's arrays at once,
and all attributes are written back together: the same values, in the same
precedence (a later pattern overrides an earlier one), at a fraction of the
cost. A ruler with any pattern outside that set is left as it is.
"""

from __future__ import annotations

import re
import weakref
from typing import Optional

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

from .swap import with_mixin

#: Token attributes a pattern may test here: string-valued, and the one flag the models use.
_STRING_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "LEMMA": LEMMA}
_FLAGS = {"IS_SPACE": IS_SPACE}
#: The attributes that tell the word itself.
_WORD_ATTRS = frozenset({ORTH, LOWER, NORM, LEMMA})

#: One pattern: for each of its tokens, its (attribute, test) pairs; and the values, per
#: attribute, of which the doc must hold one for the pattern to match anywhere.
Pattern = tuple[list[list[tuple[int, "_Test"]]], list[tuple[int, frozenset[int]]]]
#: What the one-token rules set on a kind of token: per attribute written, the value and the
#: number of the last rule that set it (-1: none did).
Outcome = tuple[tuple[int, ...], tuple[int, ...]]

#: Kinds of token whose outcome is kept before the memo starts again (so a long batch's
#: memory stays flat).
MAX_KNOWN = 200_000


class ArrayAttributeRuling:
    """Mixed into an :class:`~spacy.pipeline.AttributeRuler`: its ``__call__`` works on the doc's arrays."""

    attrs: list
    indices: list
    matcher: object
    vocab: object

    def __call__(self, doc: Doc) -> Doc:
        plan = _plan_of(self)
        if plan is None:  # a pattern (perhaps added since) that this reading does not cover
            return AttributeRuler.__call__(self, doc)  # type: ignore[arg-type]
        try:
            return _apply(plan, doc)
        except Exception as e:  # the model's error handler decides, as for its own ruler
            return self.get_error_handler()(self.name, self, [doc], e)  # type: ignore[attr-defined]


class Plan:
    """The ruler's rules, in its order: (patterns, attributes to set, index of the token set);
    and the attributes they read and write.

    A rule whose patterns are all one token long sets what it sets on a token from that
    token's own values alone, so what all such rules set on one kind of token (its values
    of :attr:`key`) is worked out once and remembered (:attr:`known`); to work it out, only
    the rules that test one of its values for equality (:attr:`by_value`) and those that
    test none are tried. Longer rules are tested over the doc's arrays."""

    def __init__(self, rules: list[tuple[list[Pattern], dict[int, int], int]]) -> None:
        self.rules = rules
        self.read = sorted({attr for patterns, _, _ in rules for tokens, _ in patterns for t in tokens for attr, _ in t})
        self.written = sorted({attr for _, attrs, _ in rules for attr in attrs})
        one_token = [k for k, (patterns, _, _) in enumerate(rules) if all(len(tokens) == 1 for tokens, _ in patterns)]
        self.longer = sorted(set(range(len(rules))) - set(one_token))
        self.key = sorted({attr for k in one_token for tokens, _ in rules[k][0] for attr, _ in tokens[0]})
        self.by_value: dict[tuple[int, int], list[int]] = {}
        self.unindexed: list[int] = []
        for k in one_token:
            firsts = [min(((attr, t.values) for attr, t in tokens[0] if t.values is not None and not t.negate),
                          key=lambda test: (test[0] not in _WORD_ATTRS, len(test[1])), default=None)
                      for tokens, _ in rules[k][0]]  # the word's own form narrows most
            if any(f is None for f in firsts):
                self.unindexed.append(k)
                continue
            for attr, values in firsts:  # type: ignore[misc]
                for v in values:
                    self.by_value.setdefault((self.key.index(attr), v), []).append(k)
        #: the row of :attr:`values` and :attr:`setters` of each kind of token worked out
        self.known: dict[tuple[int, ...], int] = {}
        #: each one-token rule's tests, by position in :attr:`key`, and what it sets, by position in :attr:`written`
        self._one_token = {
            k: ([[(self.key.index(attr), t) for attr, t in tokens[0]] for tokens, _ in rules[k][0]],
                [(self.written.index(attr), value) for attr, value in rules[k][1].items()])
            for k in one_token
        }
        self.values = numpy.zeros((64, len(self.written)), dtype=numpy.uint64)
        self.setters = numpy.zeros((64, len(self.written)), dtype=numpy.int64)

    def rows(self, keys: list[list[int]], strings) -> list[int]:
        """The rows of :attr:`values` and :attr:`setters` that tell what the one-token rules
        set on tokens of these kinds, each worked out the first time it is seen."""
        known = self.known
        if len(known) > MAX_KNOWN:
            known.clear()
        out = []
        for key in keys:
            row = known.get(key := tuple(key))
            if row is None:
                row = known[key] = len(known)
                if row == len(self.values):  # room for twice as many
                    self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)])
                    self.setters = numpy.concatenate([self.setters, numpy.zeros_like(self.setters)])
                self.values[row], self.setters[row] = self.outcome(key, strings)
            out.append(row)
        return out

    def outcome(self, key: tuple[int, ...], strings) -> Outcome:
        """What the one-token rules set on a token whose values of :attr:`key` are ``key``."""
        candidates = set(self.unindexed)
        for pos, v in enumerate(key):
            candidates.update(self.by_value.get((pos, v), ()))
        values = [0] * len(self.written)
        setters = [-1] * len(self.written)
        for k in sorted(candidates):
            patterns, sets = self._one_token[k]
            if any(all(t.one(key[pos], strings) for pos, t in tests) for tests in patterns):
                for w, value in sets:
                    values[w], setters[w] = value, k
        return tuple(values), tuple(setters)


#: Each ruler's plan, with the number of rules it was read from (kept off the ruler, which may be pickled).
_PLANS: "weakref.WeakKeyDictionary[object, tuple[int, Optional[Plan]]]" = weakref.WeakKeyDictionary()


def _plan_of(ruler: "ArrayAttributeRuling") -> Optional[Plan]:
    cached = _PLANS.get(ruler)
    if cached is not None and cached[0] == len(ruler.attrs):
        return cached[1]
    plan = read_plan(ruler)  # type: ignore[arg-type]
    _PLANS[ruler] = (len(ruler.attrs), plan)
    return plan


def read_plan(ruler: AttributeRuler) -> Optional[Plan]:
    """The ruler's rules as array tests, or None if one of them is not a fixed run of
    tokens tested on the attributes above."""
    plan = []
    for i, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
        found = ruler.matcher.get(str(i))
        if found is None:
            return None
        patterns = []
        for pattern in found[1]:
            tokens = [_token_tests(spec) for spec in pattern]
            if not tokens or any(t is None for t in tokens) or not -len(tokens) <= index < len(tokens):
                return None
            patterns.append((tokens, [need for spec in pattern for need in _needed(spec)]))
        plan.append((patterns, dict(attrs), index))
    return Plan(plan)


def _token_tests(spec: dict) -> Optional[list[tuple[int, "_Test"]]]:
    tests = []
    for key, value in spec.items():
        if key in _FLAGS and isinstance(value, bool):
            tests.append((_FLAGS[key], _Test(frozenset([int(value)]))))
        elif key in _STRING_ATTRS:
            test = _string_test(value)
            if test is None:
                return None
            tests.append((_STRING_ATTRS[key], test))
        else:  # an operator, an extension, another attribute: spaCy's matcher knows best
            return None
    return tests


def _needed(spec: dict) -> list[tuple[int, frozenset[int]]]:
    """The values a token must have one of (by equality or ``IN``), per attribute."""
    out = []
    for key, value in spec.items():
        if key not in _STRING_ATTRS:
            continue
        if isinstance(value, str):
            out.append((_STRING_ATTRS[key], frozenset([get_string_id(value)])))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            out.append((_STRING_ATTRS[key], frozenset(get_string_id(v) for v in value["IN"])))
    return out


def _string_test(value: object) -> Optional["_Test"]:
    if isinstance(value, str):
        return _Test(frozenset([get_string_id(value)]))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        return _Test(frozenset(get_string_id(v) for v in arg), negate=op == "NOT_IN")
    if op == "REGEX" and isinstance(arg, str):
        return _Test(None, rx=re.compile(arg))
    return None


class _Test:
    """One test of a pattern's token on one attribute: its value is one of ``values`` (not
    one of them, with ``negate``), or its string holds a match of ``rx`` (as the matcher's
    ``REGEX``)."""

    def __init__(self, values: Optional[frozenset[int]], negate: bool = False, rx: "Optional[re.Pattern[str]]" = None) -> None:
        self.values, self.negate, self.rx = values, negate, rx
        self._sorted = numpy.array(sorted(values), dtype=numpy.uint64) if values is not None else None

    def one(self, value: int, strings) -> bool:
        if self.rx is not None:
            return bool(self.rx.search(strings[value]))
        return (value in self.values) != self.negate  # type: ignore[operator]

    def many(self, column: numpy.ndarray, attr: int, strings, memo: dict) -> numpy.ndarray:
        if self.rx is not None:
            return _regex_hits(self.rx, attr, column, strings, memo)
        hits = numpy.isin(column, self._sorted)
        return ~hits if self.negate else hits


def _apply(plan: Plan, doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    read, written = plan.read, plan.written
    columns = doc.to_array(read + written)
    strings = doc.vocab.strings
    # the one-token rules, from what they set on each kind of token
    keys = columns[:, [read.index(attr) for attr in plan.key]].tolist() if plan.key else [[]] * n
    rows = plan.rows(keys, strings)
    values, setters = plan.values[rows], plan.setters[rows]  # copies: the longer rules write to them
    # the longer rules, over the arrays; a later rule wins over an earlier one
    have = {attr: columns[:, k] for k, attr in enumerate(read)}
    present: dict[int, set] = {}
    regex_memo: dict[tuple[int, int], numpy.ndarray] = {}
    for k in plan.longer:
        patterns, attrs, index = plan.rules[k]
        targets = numpy.zeros(n, dtype=bool)
        for tokens, needed in patterns:
            width = len(tokens)
            if n < width or any(_values_in(present, have, attr).isdisjoint(vs) for attr, vs in needed):
                continue
            hits = numpy.ones(n - width + 1, dtype=bool)
            for j, tests in enumerate(tokens):
                for attr, test in tests:
                    hits &= test.many(have[attr], attr, strings, regex_memo)[j:j + n - width + 1]
                if not hits.any():
                    break
            else:
                targets[numpy.flatnonzero(hits) + (index if index >= 0 else index + width)] = True
        if targets.any():
            for attr, value in attrs.items():
                w = written.index(attr)
                later = targets & (setters[:, w] < k)
                values[later, w], setters[later, w] = value, k
    before = columns[:, len(read):]
    after = numpy.where(setters >= 0, values, before)
    changed = [w for w in range(len(written)) if (after[:, w] != before[:, w]).any()]
    if changed:
        doc.from_array([written[w] for w in changed], after[:, changed])
    return doc


def _values_in(present: dict[int, set], have: dict[int, numpy.ndarray], attr: int) -> set:
    """The values the doc's tokens have of ``attr``, read once per doc."""
    found = present.get(attr)
    if found is None:
        found = present[attr] = set(have[attr].tolist())
    return found


def _regex_hits(rx: "re.Pattern[str]", attr: int, column: numpy.ndarray, strings, memo: dict) -> numpy.ndarray:
    """Where ``rx`` is found in the string of each value of ``column`` (as the matcher's ``REGEX``)."""
    key = (id(rx), attr)
    if key not in memo:
        unique, inverse = numpy.unique(column, return_inverse=True)
        found = numpy.array([bool(rx.search(strings[int(h)])) for h in unique.tolist()], dtype=bool)
        memo[key] = found[inverse.reshape(-1)]
    return memo[key]


def use_array_attribute_ruler(nlp: Language) -> None:
    """Run ``nlp``'s attribute ruler over arrays, where every pattern of it allows that."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    kind = type(ruler)
    if isinstance(ruler, AttributeRuler) and kind.__call__ is AttributeRuler.__call__ and read_plan(ruler) is not None:
        ruler.__class__ = with_mixin(ArrayAttributeRuling, kind)
