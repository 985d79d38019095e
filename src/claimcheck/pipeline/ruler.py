"""The model's attribute ruler, run over the doc's arrays.

spaCy's attribute ruler finds its patterns with a token ``Matcher`` and then
makes a ``Span`` and a ``Token`` for every match to set the match's attributes,
one token at a time; the English models map every tag to its part of speech
and features this way, so every word of every document is matched and set at
least once. The patterns these models use are fixed sequences of tokens, each
token tested for equality, set membership or a regular expression on a few of
its attributes. Such a pattern is tested over the doc's arrays at once, and all
attributes are written back together: the same values, in the same precedence
(a later pattern overrides an earlier one), at a fraction of the cost. A
ruler with any pattern outside that set is left as it is.
"""

from __future__ import annotations

import re
import weakref
from typing import Callable, Optional

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

Test = Callable[[numpy.ndarray], numpy.ndarray]
#: One pattern: for each of its tokens, (attribute, test) pairs; and the values, per
#: attribute, of which the doc must hold one for the pattern to match anywhere.
Pattern = tuple[list[list[tuple[int, Test]]], list[tuple[int, frozenset[int]]]]


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
    and the attributes they read and write."""

    def __init__(self, rules: list[tuple[list[Pattern], dict[int, int], int]]) -> None:
        self.rules = rules
        self.read = sorted({attr for patterns, _, _ in rules for tokens, _ in patterns for t in tokens for attr, _ in t})
        self.written = sorted({attr for _, attrs, _ in rules for attr in attrs})


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


def _token_tests(spec: dict) -> Optional[list[tuple[int, Test]]]:
    tests = []
    for key, value in spec.items():
        if key in _FLAGS and isinstance(value, bool):
            flag = numpy.uint64(int(value))
            tests.append((_FLAGS[key], lambda a, f=flag: a == f))
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


def _string_test(value: object) -> Optional[Test]:
    if isinstance(value, str):
        h = numpy.uint64(get_string_id(value))
        return lambda a: a == h
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        hashes = numpy.array(sorted({get_string_id(v) for v in arg}), dtype=numpy.uint64)
        if op == "IN":
            return lambda a: numpy.isin(a, hashes)
        return lambda a: ~numpy.isin(a, hashes)
    if op == "REGEX" and isinstance(arg, str):
        return _Regex(re.compile(arg))  # type: ignore[return-value]
    return None


class _Regex:
    """A ``REGEX`` test: it needs the strings behind the values, so :func:`_apply` runs it."""

    def __init__(self, rx: "re.Pattern[str]") -> None:
        self.rx = rx


def _apply(plan: Plan, doc: Doc) -> Doc:
    n = len(doc)
    if n == 0:
        return doc
    read, written = plan.read, plan.written
    columns = doc.to_array(read + written)
    have = {attr: columns[:, k] for k, attr in enumerate(read)}
    present = {attr: set(have[attr].tolist()) for attr in read}
    out = {attr: columns[:, len(read) + k].copy() for k, attr in enumerate(written)}
    strings = doc.vocab.strings
    regex_memo: dict[tuple[int, int], numpy.ndarray] = {}
    touched: set[int] = set()
    for patterns, attrs, index in plan.rules:
        targets: Optional[numpy.ndarray] = None
        for tokens, needed in patterns:
            width = len(tokens)
            if n < width or any(present[attr].isdisjoint(values) for attr, values in needed):
                continue
            hits = numpy.ones(n - width + 1, dtype=bool)
            for j, tests in enumerate(tokens):
                for attr, test in tests:
                    if isinstance(test, _Regex):
                        hits &= _regex_hits(test.rx, attr, have[attr], strings, regex_memo)[j:j + n - width + 1]
                    else:
                        hits &= test(have[attr][j:j + n - width + 1])
                if not hits.any():
                    break
            else:
                at = numpy.flatnonzero(hits) + (index if index >= 0 else index + width)
                if targets is None:
                    targets = numpy.zeros(n, dtype=bool)
                targets[at] = True
        if targets is not None and targets.any():
            for attr, value in attrs.items():
                out[attr][targets] = value
                touched.add(attr)
    if touched:
        names = [attr for attr in written if attr in touched]
        doc.from_array(names, numpy.stack([out[attr] for attr in names], axis=1))
    return doc


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
