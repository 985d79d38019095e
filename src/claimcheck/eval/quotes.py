"""Scoring quotations and attributions against PolNeAR-style brat standoff data.

A corpus is a folder with ``text/<doc>.txt`` and ``attributions/<doc>[_<annotator>].ann``
(brat ``T`` spans typed ``Source``, ``Cue``, ``Content`` tied together by ``E``
events ``Attribution`` / ``Attribution-no-source``). When a document has several
annotators, the first ``.ann`` file in sorted order is the gold.

Two tasks are scored (see ``docs/quotes.md`` for the exact definitions):

* **direct quotations**: gold content stretches written entirely inside
  quotation marks, compared (without their marks) with the extractor's
  ``QuoteMention`` records of type ``direct``;
* **all attributions**: every gold content, compared with the extractor's
  ``Attribution`` records plus the direct quotes no attribution covers.

Matching is one-to-one, best overlap first. A *50% overlap* match needs the
shared characters to be at least half of the longer span; an *exact* match
needs equal spans once surrounding whitespace and punctuation are trimmed.
Speaker (source) and cue accuracy are measured on the 50%-overlap matches:
correct when the predicted mention overlaps a gold Source (Cue) span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..errors import Errors, InputError
from . import precision_recall_f1

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

Frag = tuple[int, int]

#: Opening and closing quotation marks a gold content may be wrapped in.
OPENING_MARKS = ('"', "“", "``", "‘", "'", "«", "„")
CLOSING_MARKS = ('"', "”", "''", "’", "'", "»")
#: Characters trimmed from both ends before spans are compared exactly.
TRIM = " \t\r\n\u00a0.,;:!?-—–"
_QUOTE_BREAK = re.compile(r"[”\"]\s*[,.;:]?\s+[“\"]")


@dataclass
class GoldAttribution:
    """One brat ``E`` event: its content, source and cue fragments."""

    id: str
    contents: list[Frag]
    sources: list[Frag] = field(default_factory=list)
    cues: list[Frag] = field(default_factory=list)


@dataclass
class Unit:
    """A span to match (gold or predicted), with its source and cue spans."""

    frags: list[Frag]
    sources: list[Frag] = field(default_factory=list)
    cues: list[Frag] = field(default_factory=list)
    label: str = ""

    @property
    def start(self) -> int:
        return min(s for s, _ in self.frags)

    @property
    def end(self) -> int:
        return max(e for _, e in self.frags)

    def chars(self) -> set[int]:
        return {i for s, e in self.frags for i in range(s, e)}


@dataclass
class TaskScore:
    """Counts and accuracies for one task (direct quotes or all attributions)."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    source_total: int = 0
    source_correct: int = 0
    cue_correct: int = 0
    errors: list[dict] = field(default_factory=list)

    def add(self, other: "TaskScore") -> None:
        for name in ("gold", "predicted", "exact", "overlap", "source_total", "source_correct", "cue_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def as_dict(self, errors: bool = False) -> dict:
        """The numbers as a JSON-ready dict (plus the error list when asked)."""
        out = {
            "gold": self.gold,
            "predicted": self.predicted,
            "exact": prf(self.exact, self.predicted, self.gold),
            "overlap50": prf(self.overlap, self.predicted, self.gold),
            "speaker_accuracy": _ratio(self.source_correct, self.source_total),
            "speaker_scored": self.source_total,
            "cue_accuracy": _ratio(self.cue_correct, self.overlap),
        }
        if errors:
            out["errors"] = self.errors
        return out


def _ratio(num: int, den: int) -> Optional[float]:
    return round(num / den, 4) if den else None


def prf(correct: int, predicted: int, gold: int) -> dict:
    """Precision, recall and F1 of ``correct`` matches."""
    p, r, f = precision_recall_f1(correct, predicted, correct, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# --- reading brat ----------------------------------------------------------------


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, list[Frag]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            kind, _, offsets = cols[1].partition(" ")
            frags = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            spans[cols[0]] = (kind, [(s, e) for s, e in frags])
        elif line.startswith("E") and len(cols) >= 2:
            events.append((cols[0], [tuple(arg.split(":", 1)) for arg in cols[1].split()]))
    out = []
    for eid, args in events:
        roles: dict[str, list[Frag]] = {"Content": [], "Source": [], "Cue": []}
        for role, tid in args:
            role = role.rstrip("0123456789")
            if role in roles and tid in spans:
                roles[role].extend(spans[tid][1])
        if roles["Content"]:
            out.append(GoldAttribution(eid, sorted(roles["Content"]), roles["Source"], roles["Cue"]))
    return out


def corpus_files(path: Path) -> list[tuple[Path, Path]]:
    """``(text, ann)`` pairs of a PolNeAR-style folder, one per document."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(Errors.E050.format(path=path))
    pairs = []
    for text in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{text.stem}.ann")) + sorted(ann_dir.glob(f"{text.stem}_*.ann"))
        if anns:
            pairs.append((text, anns[0]))
    if not pairs:
        raise InputError(Errors.E051.format(path=path))
    return pairs


# --- gold units ------------------------------------------------------------------


def merge_fragments(text: str, frags: Iterable[Frag]) -> list[Frag]:
    """Fragments joined where only whitespace separates them (paragraph breaks)."""
    merged: list[list[int]] = []
    for s, e in sorted(frags):
        if merged and not text[merged[-1][1] : s].strip():
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def trim(text: str, start: int, end: int, chars: str = TRIM) -> Frag:
    """``[start, end)`` without ``chars`` at either end."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def unquote(text: str, start: int, end: int) -> Optional[Frag]:
    """The inside of ``[start, end)`` when it is wholly one quotation, else None."""
    start, end = trim(text, start, end, " \t\r\n\u00a0")
    if end > start and text[end - 1] in ".,;:" and text[end - 2 : end - 1] in CLOSING_MARKS:
        end -= 1
    opening = next((m for m in OPENING_MARKS if text.startswith(m, start)), None)
    closing = next((m for m in CLOSING_MARKS if text.endswith(m, start, end)), None)
    if not opening or not closing or end - start < len(opening) + len(closing) + 1:
        return None
    return start + len(opening), end - len(closing)


def gold_quotes(text: str, attributions: Iterable[GoldAttribution]) -> list[Unit]:
    """Direct quotations: content pieces wholly inside quotation marks, marks removed.

    A piece holding several quotations in a row (``“A,” “B.”``) gives one unit each.
    """
    units = []
    for attr in attributions:
        for s, e in merge_fragments(text, attr.contents):
            pieces, last = [], s
            for m in _QUOTE_BREAK.finditer(text, s, e):
                pieces.append((last, m.start() + 1))
                last = m.end() - 1
            pieces.append((last, e))
            inner = [unquote(text, ps, pe) for ps, pe in pieces]
            if all(inner):
                units.extend(Unit([f], attr.sources, attr.cues, attr.id) for f in inner if f)
    return units


def gold_attributions(text: str, attributions: Iterable[GoldAttribution]) -> list[Unit]:
    """Every attribution as one unit (its content fragments, merged)."""
    return [Unit(merge_fragments(text, a.contents), a.sources, a.cues, a.id) for a in attributions]


# --- predicted units -------------------------------------------------------------


def predicted_quotes(doc: "Doc", include_partial: bool = False) -> list[Unit]:
    """The extractor's quotations as units (direct only unless ``include_partial``)."""
    units = []
    for q in doc._.cc_quotes or []:
        if q.quote_type != "direct" and not include_partial:
            continue
        src = [(q.speaker.span.start, q.speaker.span.end)] if q.speaker and q.speaker.span else []
        cue = [(q.cue_start, q.cue_end)] if q.cue_start is not None and q.cue_end is not None else []
        units.append(Unit([(q.start, q.end)], src, cue, q.speaker.name if q.speaker else ""))
    return units


def predicted_attributions(doc: "Doc") -> list[Unit]:
    """Attributions, plus the direct quotes none of them already covers."""
    units = []
    for a in doc._.cc_attributions or []:
        src = [(s.span.start, s.span.end) for s in a.sources if s.span is not None]
        cue = [(a.cue_start, a.cue_end)] if a.cue_start is not None and a.cue_end is not None else []
        units.append(Unit([(a.start, a.end)], src, cue, ", ".join(s.name for s in a.sources)))
    for q in predicted_quotes(doc):
        if all(overlap_ratio(q, u) < 0.5 for u in units):
            units.append(q)
    return units


# --- matching --------------------------------------------------------------------


def overlap_ratio(a: Unit, b: Unit) -> float:
    """Shared characters over the length of the longer unit."""
    ca, cb = a.chars(), b.chars()
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / max(len(ca), len(cb))


def same_span(text: str, a: Unit, b: Unit) -> bool:
    """Equal spans once whitespace and punctuation are trimmed from the ends."""
    return trim(text, a.start, a.end) == trim(text, b.start, b.end)


def match(gold: list[Unit], pred: list[Unit], threshold: float = 0.5) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, best overlap first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p.start < g.end and g.start < p.end:
                r = overlap_ratio(g, p)
                if r >= threshold:
                    candidates.append((r, i, j))
    pairs, used_g, used_p = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_g and j not in used_p:
            pairs.append((i, j))
            used_g.add(i)
            used_p.add(j)
    return sorted(pairs)


def _touches(frags: list[Frag], others: list[Frag]) -> bool:
    return any(s < oe and os < e for s, e in frags for os, oe in others)


def score_units(text: str, gold: list[Unit], pred: list[Unit], doc_id: str = "") -> TaskScore:
    """Exact and 50%-overlap matches, speaker and cue accuracy, and the errors."""
    score = TaskScore(gold=len(gold), predicted=len(pred))
    pairs = match(gold, pred)
    score.overlap = len(pairs)
    score.exact = sum(same_span(text, gold[i], pred[j]) for i, j in pairs)
    snippet = lambda u: text[u.start : u.end][:100]  # noqa: E731
    for i, j in pairs:
        g, p = gold[i], pred[j]
        score.cue_correct += _touches(p.cues, g.cues)
        if g.sources:
            score.source_total += 1
            if _touches(p.sources, g.sources):
                score.source_correct += 1
            else:
                score.errors.append(
                    {
                        "doc": doc_id,
                        "type": "wrong-speaker",
                        "text": snippet(g),
                        "gold": " ".join(text[s:e] for s, e in g.sources),
                        "predicted": " ".join(text[s:e] for s, e in p.sources) or None,
                    }
                )
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in matched_g:
            score.errors.append({"doc": doc_id, "type": "missed", "start": g.start, "text": snippet(g)})
    for j, p in enumerate(pred):
        if j not in matched_p:
            score.errors.append({"doc": doc_id, "type": "spurious", "start": p.start, "text": snippet(p)})
    return score


# --- the corpus ------------------------------------------------------------------


@dataclass
class QuoteEval:
    """The scores of one corpus run."""

    documents: int
    quotes: TaskScore
    attributions: TaskScore

    def as_dict(self, errors: bool = False) -> dict:
        return {
            "documents": self.documents,
            "direct_quotes": self.quotes.as_dict(errors),
            "attributions": self.attributions.as_dict(errors),
        }


def quote_pipeline(model: Optional[str] = None) -> "Language":
    """The statistical model plus the quotes and sources components only."""
    from .. import pipeline  # noqa: F401  registers the factories
    from ..nlp import _spacy_load, resolve_model_name

    nlp = _spacy_load(resolve_model_name(model))
    nlp.add_pipe("claimcheck_quotes")
    nlp.add_pipe("claimcheck_sources")
    return nlp


def iter_docs(nlp: "Language", pairs: list[tuple[Path, Path]]) -> Iterator[tuple[str, "Doc", str]]:
    """``(doc id, Doc, ann text)`` for each document of the corpus."""
    texts = (p.read_text(encoding="utf-8") for p, _ in pairs)
    for (text_path, ann_path), doc in zip(pairs, nlp.pipe(texts, batch_size=8)):
        yield text_path.stem, doc, ann_path.read_text(encoding="utf-8")


def evaluate(path: Path, nlp: "Language", include_partial: bool = False) -> QuoteEval:
    """Score the extractor on every document of a PolNeAR-style folder."""
    pairs = corpus_files(path)
    quotes, attributions = TaskScore(), TaskScore()
    for doc_id, doc, ann in iter_docs(nlp, pairs):
        gold = parse_ann(ann)
        quotes.add(score_units(doc.text, gold_quotes(doc.text, gold), predicted_quotes(doc, include_partial), doc_id))
        attributions.add(
            score_units(doc.text, gold_attributions(doc.text, gold), predicted_attributions(doc), doc_id)
        )
    return QuoteEval(len(pairs), quotes, attributions)


def render_text(result: QuoteEval, errors: bool = False) -> str:
    """A plain-text table of the scores (and the errors when asked)."""
    lines = [f"documents: {result.documents}"]
    for name, score in (("direct quotes", result.quotes), ("attributions", result.attributions)):
        d = score.as_dict()
        lines.append(f"{name}: gold {d['gold']}, predicted {d['predicted']}")
        for key in ("exact", "overlap50"):
            m = d[key]
            lines.append(f"  {key:<10} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        lines.append(f"  speaker accuracy {_fmt(d['speaker_accuracy'])} (on {d['speaker_scored']} matches with a gold source)")
        lines.append(f"  cue accuracy     {_fmt(d['cue_accuracy'])}")
        if errors:
            for e in score.errors:
                extra = f"  gold={e['gold']!r} predicted={e['predicted']!r}" if e["type"] == "wrong-speaker" else ""
                lines.append(f"    {e['type']:<13} {e['doc']}: {e['text']!r}{extra}")
    return "\n".join(lines) + "\n"


def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run_cli(path: Path, fmt: str, errors: bool, include_partial: bool, model: Optional[str]) -> str:
    """What ``claimcheck eval quotes`` prints."""
    import json

    if fmt not in ("human", "json"):
        raise InputError(Errors.E052.format(value=fmt))
    corpus_files(path)  # fail on a malformed folder before loading the model
    result = evaluate(path, quote_pipeline(model), include_partial)
    if fmt == "json":
        return json.dumps(result.as_dict(errors), indent=2, ensure_ascii=False) + "\n"
    return render_text(result, errors)
