"""Finding and normalizing temporal expressions: :func:`tag`.

Every rule of :mod:`.grammar` runs over the text; overlapping matches are
settled longest-first (ties go to the earlier rule); the survivors are then
normalized in document order, so that anaphoric expressions ("two days later",
"the following day") resolve against the reference time the text last set.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .calendar import MODIFIERS, interval, narrow
from .context import Context, Reference
from .grammar import Norm, Rule, TagContext, rules
from .ranges import link_ranges
from .timex import Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["tag"]

Candidate = tuple[int, int, int, "re.Match[str]"]


def tag(text: str, anchor: Optional[date], doc: "Doc | None" = None) -> list[Timex]:
    """Temporal expressions of ``text`` in document order, normalized against ``anchor``.

    ``anchor`` is the publication date (None: relative expressions keep
    unknown parts as ``X``). With ``doc`` (a parse of ``text``), tense comes
    from its part-of-speech tags.
    """
    ctx = TagContext(text, anchor, doc)
    table = rules()
    chosen = _select(_candidates(text, ctx, table))
    out: list[Timex] = []
    for start, end, index, match in sorted(chosen, key=lambda c: c[0]):
        norm = table[index].handler(match, ctx)
        if norm is None:
            continue
        timex = _build(text, start, end, norm, ctx)
        timex.rule = table[index].name
        _update_reference(ctx, timex, norm)
        out.append(timex)
    link_ranges(text, out, doc)
    return out


@lru_cache(maxsize=8)
def _matches(text: str) -> tuple[tuple["re.Match[str]", ...], ...]:
    """Every rule's matches in ``text`` (one scan of the text per rule, reused when the same
    text is tagged again: against no anchor to find the publication date, then against it)."""
    lowered = _lowered(text)
    if lowered is None:
        return tuple(tuple(rule.pattern.finditer(text)) for rule in rules())
    backwards = lowered[::-1]
    return tuple(_scan(rule, text, lowered, backwards) for rule in rules())


#: Characters that match an ASCII letter case-insensitively but do not lowercase to it.
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
_BOUNDARY = re.compile(r"\b")
_RUNS = [re.compile(rf"(?:[\s-]*[^\s-]*){{{n}}}") for n in range(40)]


def _lowered(text: str) -> Optional[str]:
    """``text`` lowercased, or None where an anchor could miss what a rule matches."""
    if not text.isascii() and _FOLDED.search(text):
        return None
    return text.lower()


def _anchors(rule: Rule, lowered: str) -> list[int]:
    """Where ``rule.anchor`` matches ``lowered``."""
    assert rule.anchor is not None
    if not rule.keys:
        return [a.start() for a in rule.anchor.finditer(lowered)]
    check = rule.anchor.match
    out = []
    for key in rule.keys:
        at = lowered.find(key)
        while at >= 0:
            if check(lowered, at):
                out.append(at)
            at = lowered.find(key, at + 1)
    return out


def _scan(rule: Rule, text: str, lowered: str, backwards: str) -> tuple["re.Match[str]", ...]:
    """``rule.pattern.finditer(text)``, tried only at word boundaries shortly before its anchors
    (``lowered`` is the text lowercased, ``backwards`` that reversed)."""
    if rule.anchor is None:
        return tuple(rule.pattern.finditer(text))
    starts: set[int] = set()
    runs = _RUNS[rule.reach]
    before = rule.before.match if rule.before is not None else None
    n = len(text)
    for at in _anchors(rule, lowered):
        if before is not None and not before(backwards, n - at):
            continue
        if rule.reach:
            # back over whole runs of non-space characters: the words a match may have before its anchor
            first = n - runs.match(backwards, n - at).end()
            starts.update(b.start() for b in _BOUNDARY.finditer(text, first, at + 1))
        else:
            starts.add(at)
    found = []
    end = 0
    match = rule.pattern.match
    for start in sorted(starts):
        if start >= end:
            m = match(text, start)
            if m is not None:
                found.append(m)
                end = m.end()
    return tuple(found)


def _candidates(text: str, ctx: Context, table: tuple[Rule, ...]) -> list[Candidate]:
    found: list[Candidate] = []
    for index, (rule, matches) in enumerate(zip(table, _matches(text))):
        partial = "span" in rule.pattern.groupindex
        for m in matches:
            norm = rule.handler(m, ctx)
            if norm is None:
                continue
            # a rule may tag only part of its match: "25" of "April 24 and 25", "three days" of "three days later"
            start, end = _trim(text, *(m.span("span") if partial and not norm.full_match else m.span()))
            if end > start:
                found.append((start, end, index, m))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a sentence-final period shared with "p.m."."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if text[end - 1:end] == "." and text[end - 4:end] in {"a.m.", "p.m."}:
        rest = text[end:end + 3]
        if not rest.strip() or (rest[:1].isspace() and rest.strip()[:1].isupper()):
            end -= 1
    return start, end


def _select(found: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first (ties: earlier rule, then earlier start)."""
    taken: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(cand[1] <= t[0] or t[1] <= cand[0] for t in taken):
            taken.append(cand)
    return taken


def _build(text: str, start: int, end: int, norm: Norm, ctx: Context) -> Timex:
    timex = Timex(start, end, text[start:end], norm.type, norm.value, norm.mod, weekday=norm.weekday, impossible=norm.impossible,
                  year_given=norm.year_given)
    if norm.type == "DURATION" and norm.begin is not None and norm.last is not None:
        # "a week earlier": a duration for TimeML, dated by the interval it points to
        timex.begin, timex.last, timex.precision = norm.begin, norm.last, norm.precision
        timex.modifier = "approx" if norm.approx else None
    if norm.type in {"DATE", "TIME"}:
        span = interval(norm.value)
        if span is not None:
            begin, last, precision = span
            begin, last = narrow(begin, last, norm.mod)
            timex.begin, timex.last, timex.precision = begin, last, precision
        if norm.begin is not None and norm.last is not None:
            timex.begin, timex.last = narrow(norm.begin, norm.last, norm.mod) if span is None else (norm.begin, norm.last)
        timex.precision = norm.precision or timex.precision
        timex.modifier = MODIFIERS.get(norm.mod or "")
    if norm.anaphoric and ctx.reference is not None:
        timex.relative, timex.anchor, timex.anchor_text = True, ctx.reference.value, ctx.reference.text
    elif (norm.anaphoric or norm.deictic) and ctx.anchor is not None:
        timex.relative, timex.anchor, timex.anchor_text = True, ctx.anchor.isoformat(), "publication date"
    return timex


def _update_reference(ctx: Context, timex: Timex, norm: Norm) -> None:
    """Dated expressions set the reference time later anaphora resolve against.

    A duration that points to a date ("two days later") sets it too, with the
    value of that date.
    """
    if timex.type == "SET" or timex.begin is None or timex.last is None or norm.impossible:
        return
    value = norm.point_value or timex.value
    ref = Reference(value, timex.begin, timex.last, timex.precision or "day", timex.text, timex.start)
    if timex.precision == "quarter" and norm.explicit:
        ctx.quarter = ref
    if timex.precision == "year" and norm.explicit and isinstance(ctx, TagContext):
        ctx.year = ref
    if timex.precision in {"day", "time", "month", "week"} and (norm.explicit or norm.deictic or norm.anaphoric):
        ctx.reference = ref
