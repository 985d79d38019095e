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
correct when the predicted mention overlaps a gold Source (Cue) span. The
speaker is also scored **as resolved**: the predicted ``Speaker.name`` against
the full name the gold Source stands for (:func:`gold_names`).

A list of held-out documents (``data/polnear/dev-heldout.txt``) splits the
scores into the documents used for error analysis and the held-out rest.
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
    resolved_total: int = 0
    resolved_correct: int = 0
    errors: list[dict] = field(default_factory=list)

    COUNTS = ("gold", "predicted", "exact", "overlap", "source_total", "source_correct", "cue_correct", "resolved_total", "resolved_correct")

    def add(self, other: "TaskScore") -> None:
        for name in self.COUNTS:
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
            "resolved_speaker_accuracy": _ratio(self.resolved_correct, self.resolved_total),
            "resolved_scored": self.resolved_total,
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


# --- the names gold sources stand for ----------------------------------------------

#: Gold Source spans that are a singular third-person pronoun: scored as resolved
#: through the annotation's own earlier sources.
GOLD_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}


def gold_names(doc: "Doc", attributions: Iterable[GoldAttribution]) -> dict[str, str]:
    """The full name each gold attribution's Source stands for, by attribution id.

    PolNeAR annotates no coreference, so the resolution is defined here, without
    the extractor's reference resolution:

    * a Source that contains a name (a PERSON, else an ORG entity of the model) stands for
      the nearest fuller mention of that name — the closest entity before it (after
      it, when none is before) whose words include the name's ("Obama" → "Barack
      Obama"), else the name itself;
    * a Source that is "he"/"him"/"she"/"her" stands for the name of the nearest
      earlier gold Source that has one and whose gender does not disagree (an
      honorific in the Source, else the given name);
    * any other Source (a description, a group, "I") is not scored.
    """
    from ..language.reference import given_name_gender, lexicon

    text = doc.text
    ents = sorted((e for e in doc.ents if e.label_ in ("PERSON", "ORG")), key=lambda e: e.start_char)
    titles = lexicon().titles
    named: list[tuple[int, str, Optional[str]]] = []  # (source start, full name, gender)
    out: dict[str, str] = {}
    for attr in sorted((a for a in attributions if a.sources), key=lambda a: min(a.sources)):
        start, end = min(s for s, _ in attr.sources), max(e for _, e in attr.sources)
        written = " ".join(text[s:e] for s, e in sorted(attr.sources)).strip()
        inside = [e for e in ents if e.start_char < end and start < e.end_char]
        inside.sort(key=lambda e: e.label_ != "PERSON")  # "CBS's Maria Lopez" stands for the person
        if inside:
            name = _fullest(inside[0].text, inside[0].start_char, ents, titles)
            words = name.split()
            gender = _honorific_gender(written) or (given_name_gender(words[0]) if len(words) > 1 else None)
            named.append((start, name, gender))
            out[attr.id] = name
        elif (pronoun_gender := GOLD_PRONOUNS.get(written.lower())) is not None:
            earlier = [n for n in named if n[0] < start and n[2] in (None, pronoun_gender)]
            if earlier:
                out[attr.id] = earlier[-1][1]
    return out


def _name_key(name: str, titles: frozenset[str]) -> list[str]:
    from ..language.reference import name_words

    return [w for w in name_words(name) if w not in titles and f"{w}." not in titles and w not in ("the", "a", "an")]


def _fullest(name: str, at: int, ents: list, titles: frozenset[str]) -> str:
    key = set(_name_key(name, titles))
    if not key:
        return name
    fuller = [e for e in ents if key < set(_name_key(e.text, titles))]
    before = [e for e in fuller if e.start_char < at]
    best = before[-1] if before else (fuller[0] if fuller else None)
    written = re.sub(r"['’]s?$", "", (best.text if best is not None else name).strip())
    return " ".join(w for w in written.split() if _name_key(w, titles))


def _honorific_gender(written: str) -> Optional[str]:
    words = set(re.findall(r"[a-z]+", written.lower()))
    if words & {"mr", "sir", "lord", "king"}:
        return "male"
    if words & {"mrs", "ms", "miss", "madam", "queen", "lady"}:
        return "female"
    return None


def resolved_match(gold: str, predicted: str) -> bool:
    """The predicted name gives the gold full name: all its words (titles aside)."""
    from ..language.reference import lexicon

    titles = lexicon().titles
    g, p = set(_name_key(gold, titles)), set(_name_key(predicted, titles))
    return bool(g) and g <= p


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


def score_units(
    text: str, gold: list[Unit], pred: list[Unit], doc_id: str = "", names: Optional[dict[str, str]] = None
) -> TaskScore:
    """Exact and 50%-overlap matches, speaker and cue accuracy, and the errors.

    ``names`` (gold unit label → the full name its source stands for) scores the
    predicted units' labels (their resolved speaker names) as resolved."""
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
        if names and g.label in names:
            score.resolved_total += 1
            if resolved_match(names[g.label], p.label):
                score.resolved_correct += 1
            else:
                score.errors.append(
                    {
                        "doc": doc_id,
                        "type": "wrong-resolved",
                        "text": snippet(g),
                        "gold": names[g.label],
                        "predicted": p.label or None,
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
    """The scores of one corpus run (and of its parts, when documents are held out)."""

    documents: int
    quotes: TaskScore
    attributions: TaskScore
    parts: dict[str, "QuoteEval"] = field(default_factory=dict)

    def as_dict(self, errors: bool = False) -> dict:
        """The scores; with ``parts``, errors are listed only for the part that is not held out."""
        out = {
            "documents": self.documents,
            "direct_quotes": self.quotes.as_dict(errors and not self.parts),
            "attributions": self.attributions.as_dict(errors and not self.parts),
        }
        if self.parts:
            out["parts"] = {name: part.as_dict(errors and name != HELD_OUT) for name, part in self.parts.items()}
        return out


#: The names of the two parts of a corpus split by a held-out list.
TUNING, HELD_OUT = "tuning", "held-out"


def read_held_out(path: Path) -> set[str]:
    """Document names (one a line, ``#`` comments) of a held-out list."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(Errors.E050.format(path=path)) from exc
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


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


def evaluate(
    path: Path, nlp: "Language", include_partial: bool = False, held_out: Optional[set[str]] = None
) -> QuoteEval:
    """Score the extractor on every document of a PolNeAR-style folder; with
    ``held_out`` (document names), also on the held-out documents and the rest apart."""
    pairs = corpus_files(path)
    total = QuoteEval(len(pairs), TaskScore(), TaskScore())
    if held_out is not None:
        n_held = sum(p.stem in held_out for p, _ in pairs)
        total.parts = {
            TUNING: QuoteEval(len(pairs) - n_held, TaskScore(), TaskScore()),
            HELD_OUT: QuoteEval(n_held, TaskScore(), TaskScore()),
        }
    for doc_id, doc, ann in iter_docs(nlp, pairs):
        gold = parse_ann(ann)
        names = gold_names(doc, gold)
        quotes = score_units(doc.text, gold_quotes(doc.text, gold), predicted_quotes(doc, include_partial), doc_id, names)
        attributions = score_units(doc.text, gold_attributions(doc.text, gold), predicted_attributions(doc), doc_id, names)
        targets = [total]
        if total.parts:
            targets.append(total.parts[HELD_OUT if doc_id in (held_out or ()) else TUNING])
        for target in targets:
            target.quotes.add(quotes)
            target.attributions.add(attributions)
    return total


def render_text(result: QuoteEval, errors: bool = False, title: str = "") -> str:
    """A plain-text table of the scores (and the errors when asked; with parts, only the
    errors of the part that is not held out)."""
    lines = [f"{title}documents: {result.documents}"]
    for name, score in (("direct quotes", result.quotes), ("attributions", result.attributions)):
        d = score.as_dict()
        lines.append(f"{name}: gold {d['gold']}, predicted {d['predicted']}")
        for key in ("exact", "overlap50"):
            m = d[key]
            lines.append(f"  {key:<10} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        lines.append(f"  speaker accuracy {_fmt(d['speaker_accuracy'])} as written (on {d['speaker_scored']} matches with a gold source)")
        lines.append(f"                   {_fmt(d['resolved_speaker_accuracy'])} as resolved (on {d['resolved_scored']} whose gold source has a name)")
        lines.append(f"  cue accuracy     {_fmt(d['cue_accuracy'])}")
        if errors and not result.parts:
            for e in score.errors:
                extra = f"  gold={e['gold']!r} predicted={e['predicted']!r}" if e["type"].startswith("wrong-") else ""
                lines.append(f"    {e['type']:<14} {e['doc']}: {e['text']!r}{extra}")
    out = "\n".join(lines) + "\n"
    for name, part in result.parts.items():
        out += render_text(part, errors and name != HELD_OUT, f"{name}: ")
    return out


def _fmt(value: Optional[float]) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def run_cli(
    path: Path, fmt: str, errors: bool, include_partial: bool, model: Optional[str], held_out: Optional[Path] = None
) -> str:
    """What ``claimcheck eval quotes`` prints."""
    import json

    if fmt not in ("human", "json"):
        raise InputError(Errors.E052.format(value=fmt))
    corpus_files(path)  # fail on a malformed folder before loading the model
    names = read_held_out(held_out) if held_out is not None else None
    result = evaluate(path, quote_pipeline(model), include_partial, names)
    if fmt == "json":
        return json.dumps(result.as_dict(errors), indent=2, ensure_ascii=False) + "\n"
    return render_text(result, errors)
