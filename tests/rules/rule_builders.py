"""Hand-built records for rule unit tests: each builder fills the fields a rule reads."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional

from claimcheck.models import (
    CasualtyClaim,
    DateValue,
    EventClaim,
    ForceSizeClaim,
    Frame,
    Location,
    Measure,
    Predicate,
    Quantity,
    QuoteClaim,
    Source,
    Span,
    Speaker,
)


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), line=1, column=start + 1, text=text)


def when(
    first: str,
    last: Optional[str] = None,
    text: Optional[str] = None,
    precision: str = "day",
    relative: bool = False,
    weekday: Optional[int] = None,
    at: int = 0,
) -> DateValue:
    """A resolved date; ``last`` defaults to ``first`` (one day)."""
    text = text or first
    return DateValue(
        text=text,
        value=first if precision == "day" else first[:7],
        start=first,
        end=last or first,
        precision=precision,
        relative=relative,
        weekday=weekday,
        span=span(text, at),
    )


def month(ym: str, text: Optional[str] = None, at: int = 0, relative: bool = False) -> DateValue:
    """The whole month ``YYYY-MM``."""
    first = date.fromisoformat(ym + "-01")
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return when(first.isoformat(), last.isoformat(), text=text or ym, precision="month", at=at, relative=relative)


def qty(value: Optional[float], approximate: bool = False, hedge: Optional[str] = None, **kw) -> Quantity:
    text = kw.pop("text", None) or (f"{value:,.0f}" if value is not None else "several")
    return Quantity(text=text, value=value, approximate=approximate, hedge=hedge, **kw)


def _base(cid: str, kw: dict) -> dict:
    kw.setdefault("sentence", f"The sentence of {cid}.")
    kw.setdefault("span", span(f"claim {cid}", 10 * int(cid.strip("c") or 0)))
    return {"id": cid, **kw}


def casualty(cid: str, value: Optional[float] = 12, outcome: str = "killed", group_key: Optional[str] = "police officers", quantity: Optional[Quantity] = None, **kw) -> CasualtyClaim:
    return CasualtyClaim(
        quantity=quantity or qty(value), outcome=outcome, group_key=group_key, group=group_key, **_base(cid, kw)
    )


def force(cid: str, value: Optional[float] = 1000, group_key: Optional[str] = "police officers", action: str = "deployed", quantity: Optional[Quantity] = None, **kw) -> ForceSizeClaim:
    return ForceSizeClaim(quantity=quantity or qty(value), group_key=group_key, group=group_key, action=action, **_base(cid, kw))


def event(cid: str, what: str = "ambush", phase: Optional[str] = None, **kw) -> EventClaim:
    return EventClaim(what=what, phase=phase, **_base(cid, kw))


def quote(cid: str, words: str, speaker: Optional[str] = None, group: bool = False, quote_type: str = "direct", **kw) -> QuoteClaim:
    who = Speaker(text=speaker, name=speaker, group=group) if speaker else None
    return QuoteClaim(quote=words, speaker=who, quote_type=quote_type, **_base(cid, kw))


def source(name: str, kind: str = "org", vague: bool = False, text: Optional[str] = None) -> Source:
    return Source(text=text or name, name=name, kind=kind, vague=vague)


def date_frame(dv: DateValue, sentence: str = "The talks collapsed then.", sentence_at: int = 0, clause: Optional[str] = None,
               perfect: bool = False) -> Frame:
    """The frame of a date that times a verb: its sentence, and how the verb's clause is told."""
    return Frame(
        id=f"f{dv.span.start if dv.span else 0}",
        measure=Measure(dimension="date"),
        date=dv,
        predicate=Predicate(lemma="collapse", tense="past", clause=clause, perfect=perfect),
        span=dv.span or span(dv.text),
        sentence=sentence,
        sentence_span=span(sentence, sentence_at),
    )


def count_frame(fid: str, value: Optional[float], noun: Optional[str] = "people", quantity: Optional[Quantity] = None,
                sentence_no: int = 0, dimension: str = "count", **kw) -> Frame:
    """The frame of a count (or a share): its noun, its quantity, and the sentence it stands in."""
    q = quantity or qty(value)
    sentence = kw.pop("sentence", f"The sentence {sentence_no}.")
    start = 10 * int(fid.strip("f") or 0)
    return Frame(
        id=fid,
        measure=Measure(dimension=dimension, noun=noun, unit="percent" if dimension == "percent" else None),
        quantity=q,
        span=kw.pop("span", span(q.text, start)),
        sentence=sentence,
        sentence_span=span(sentence, 100 * sentence_no),
        where=Location(sentence=sentence_no),
        **kw,
    )
