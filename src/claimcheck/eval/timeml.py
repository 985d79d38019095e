"""TempEval-3 scoring of claimcheck's temporal layer against TimeML files.

A ``.tml`` file is read into plain text (the ``<TEXT>`` element with its tags
stripped and entities decoded), its gold TIMEX3s (character offsets into that
text) and its document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``). The text is tagged with
:func:`claimcheck.temporal.tag` anchored at that date, exactly as in
production, and scored with the TempEval-3 rules:

- gold and system timexes pair one-to-one when their spans overlap (greedy, in
  document order);
- relaxed match = a pair; strict match = a pair with identical spans;
- ``type`` and ``value`` are compared as exact strings on relaxed matches;
- value F1 = value accuracy x relaxed F1; all counts are micro-averaged.

The corpora are split by document into a development part and a held-out
part (:func:`is_heldout`: a stable hash of the file name), so that the scores
on documents nobody read errors on stay an honest estimate.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import Errors, InputError
from . import precision_recall_f1

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 of a TimeML file (or of the tagger), as the scorer compares it."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: Optional[str] = None


@dataclass
class TimeMLDoc:
    """One TimeML document: plain text, creation date and gold timexes."""

    name: str
    text: str
    dct: Optional[date]
    timexes: list[GoldTimex]


@dataclass
class Pair:
    """A gold timex matched with a system timex (either may be missing)."""

    gold: Optional[GoldTimex]
    system: Optional[GoldTimex]

    @property
    def strict(self) -> bool:
        return bool(self.gold and self.system and
                    (self.gold.start, self.gold.end) == (self.system.start, self.system.end))

    @property
    def type_ok(self) -> bool:
        return bool(self.gold and self.system and self.gold.type == self.system.type)

    @property
    def value_ok(self) -> bool:
        return bool(self.gold and self.system and self.gold.value == self.system.value)


@dataclass
class Counts:
    """Micro-averaged TempEval-3 counts."""

    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0
    documents: int = 0

    def add(self, pairs: list[Pair]) -> None:
        """Add one document's pairs."""
        self.documents += 1
        for p in pairs:
            self.gold += p.gold is not None
            self.system += p.system is not None
            if p.gold and p.system:
                self.relaxed += 1
                self.strict += p.strict
                self.type_ok += p.type_ok
                self.value_ok += p.value_ok

    def scores(self) -> dict[str, float]:
        """Precision, recall, F1 (strict, relaxed), attribute accuracies, value F1."""
        out: dict[str, float] = {}
        for kind, hits in (("strict", self.strict), ("relaxed", self.relaxed)):
            p, r, f = precision_recall_f1(hits, self.system, hits, self.gold)
            out[f"{kind}_precision"] = p
            out[f"{kind}_recall"] = r
            out[f"{kind}_f1"] = f
        out["type_accuracy"] = self.type_ok / self.relaxed if self.relaxed else 0.0
        out["value_accuracy"] = self.value_ok / self.relaxed if self.relaxed else 0.0
        out["type_f1"] = out["type_accuracy"] * out["relaxed_f1"]
        out["value_f1"] = out["value_accuracy"] * out["relaxed_f1"]
        return out


def strip_tags(markup: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of TimeML markup and each TIMEX3's ``(start, end, attributes)``."""
    out: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    for m in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timexes.append((length, dict(_ATTR.findall(attrs))))
        elif open_timexes:
            start, attributes = open_timexes.pop()
            found.append((start, length, attributes))
    out.append(html.unescape(markup[pos:]))
    found.sort(key=lambda t: (t[0], t[1]))
    return "".join(out), found


def parse_tml(path: Path) -> TimeMLDoc:
    """Read a TimeML file into text, creation date and gold timexes."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(Errors.E005.format(path=path, reason=exc.strerror or exc)) from None
    body = _TEXT.search(raw)
    if body is None:
        raise InputError(Errors.E060.format(path=path, reason="no <TEXT> element"))
    text, spans = strip_tags(body.group(1))
    timexes = [
        GoldTimex(s, e, text[s:e], a.get("type", ""), a.get("value", ""), a.get("mod"))
        for s, e, a in spans
    ]
    return TimeMLDoc(path.name, text, _creation_date(raw), timexes)


def _creation_date(raw: str) -> Optional[date]:
    tag_ = _DCT.search(raw)
    if tag_ is None:
        return None
    value = dict(_ATTR.findall(tag_.group(0))).get("value", "")
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def align(gold: list[GoldTimex], system: list[GoldTimex]) -> list[Pair]:
    """Pair overlapping timexes one-to-one, greedily in document order.

    Returns every gold and system timex exactly once: matched pairs, missed gold
    (``system`` None) and spurious system timexes (``gold`` None), sorted by
    position.
    """
    used: set[int] = set()
    pairs: list[Pair] = []
    ordered = sorted(range(len(system)), key=lambda i: (system[i].start, system[i].end))
    for g in sorted(gold, key=lambda t: (t.start, t.end)):
        match = next(
            (i for i in ordered if i not in used and system[i].start < g.end and g.start < system[i].end),
            None,
        )
        if match is None:
            pairs.append(Pair(g, None))
        else:
            used.add(match)
            pairs.append(Pair(g, system[match]))
    pairs.extend(Pair(None, system[i]) for i in ordered if i not in used)
    pairs.sort(key=lambda p: ((p.gold or p.system).start, (p.gold or p.system).end))  # type: ignore[union-attr]
    return pairs


Tagger = Callable[[str, Optional[date]], list[GoldTimex]]


def claimcheck_tagger(nlp: object = None) -> Tagger:
    """The production tagger (:func:`claimcheck.temporal.tag`), optionally with a parse."""
    from ..temporal import tag

    def run(text: str, anchor: Optional[date]) -> list[GoldTimex]:
        doc = nlp(text) if nlp is not None else None  # type: ignore[operator]
        return [GoldTimex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in tag(text, anchor, doc)]

    return run


@dataclass
class DocResult:
    """One document's pairs."""

    name: str
    pairs: list[Pair] = field(default_factory=list)


def evaluate(docs: Iterable[TimeMLDoc], tagger: Tagger) -> tuple[Counts, list[DocResult]]:
    """Tag each document's text and score it against its gold timexes."""
    counts = Counts()
    results: list[DocResult] = []
    for d in docs:
        pairs = align(d.timexes, tagger(d.text, d.dct))
        counts.add(pairs)
        results.append(DocResult(d.name, pairs))
    return counts, results


def collect(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.tml`` files of ``paths`` (files or directories), sorted."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.tml")))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(Errors.E001.format(path=p))
    if not files:
        raise InputError(Errors.E060.format(path=", ".join(map(str, paths)), reason="no .tml files"))
    return files


#: The split: a document is held out when the hash of its file name falls under this percentage.
HELDOUT_PERCENT = 27
_SPLIT_SALT = "timeml-split/"
SPLITS = ("all", "dev", "heldout")


def is_heldout(name: str) -> bool:
    """Whether the TimeML file ``name`` (its base name) belongs to the held-out split.

    The split is by document and stable: it depends only on the file name,
    never on the file's content or on which other files are scored.
    """
    digest = hashlib.sha256((_SPLIT_SALT + Path(name).name).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELDOUT_PERCENT


def in_split(files: Iterable[Path], split: str) -> list[Path]:
    """The files of one split: ``all``, ``dev`` (not held out) or ``heldout``."""
    if split not in SPLITS:
        raise InputError(Errors.E062.format(value=split, choices=", ".join(SPLITS)))
    if split == "all":
        return list(files)
    return [f for f in files if is_heldout(f.name) == (split == "heldout")]


def error_lines(results: list[DocResult]) -> list[str]:
    """One line per missed, spurious or wrongly normalized timex."""
    lines: list[str] = []
    for r in results:
        for p in r.pairs:
            g, s = p.gold, p.system
            if g and not s:
                lines.append(f"{r.name}\tMISSED\t{g.text!r}\t{g.type} {g.value}")
            elif s and not g:
                lines.append(f"{r.name}\tSPURIOUS\t{s.text!r}\t{s.type} {s.value}")
            elif g and s:
                what = []
                if not p.strict:
                    what.append("SPAN")
                if not p.type_ok:
                    what.append("TYPE")
                if not p.value_ok:
                    what.append("VALUE")
                if what:
                    lines.append(
                        f"{r.name}\t{'+'.join(what)}\tgold {g.text!r} {g.type} {g.value}"
                        f"\tsys {s.text!r} {s.type} {s.value}"
                    )
    return lines


#: The model components the temporal tagger reads, as in production: tags, lemmas and
#: the dependency parse (a date's direction comes from the verb it attaches to).
PARSE_PIPES = ("tok2vec", "tagger", "claimcheck_segmenter", "attribute_ruler", "lemmatizer", "parser")
FORMATS = ("human", "json")


def run_cli(paths: list[str], fmt: str, errors: bool, model: Optional[str] = None, split: str = "all") -> str:
    """What ``claimcheck eval timeml`` prints."""
    from ..nlp import build_pipeline

    if fmt not in FORMATS:
        raise InputError(Errors.E061.format(value=fmt, choices=", ".join(FORMATS)))
    files = in_split(collect(paths), split)
    if errors and split == "heldout":
        raise InputError(Errors.E063)
    if not files:
        raise InputError(Errors.E060.format(path=", ".join(map(str, paths)), reason=f"no .tml files in the {split} split"))
    docs = [parse_tml(p) for p in files]
    nlp = build_pipeline(model)
    with nlp.select_pipes(enable=[n for n in PARSE_PIPES if n in nlp.pipe_names]):
        counts, results = evaluate(docs, claimcheck_tagger(nlp))
    if fmt == "json":
        return json.dumps(summary(counts, results if errors else None), indent=2) + "\n"
    return render_table(counts) + ("\n".join(error_lines(results)) + "\n" if errors else "")


def summary(counts: Counts, results: Optional[list[DocResult]] = None) -> dict[str, object]:
    """The ``--format json`` object: scores, counts and (with ``results``) the errors."""
    out: dict[str, object] = {k: round(v, 4) for k, v in counts.scores().items()}
    out.update(documents=counts.documents, gold=counts.gold, system=counts.system,
               relaxed_matches=counts.relaxed, strict_matches=counts.strict)
    if results is not None:
        out["errors"] = error_lines(results)
    return out


def render_table(counts: Counts) -> str:
    """The scores as a small plain-text table."""
    s = counts.scores()
    rows = [
        ("", "precision", "recall", "F1"),
        ("strict", *(f"{s[f'strict_{k}']:.3f}" for k in ("precision", "recall", "f1"))),
        ("relaxed", *(f"{s[f'relaxed_{k}']:.3f}" for k in ("precision", "recall", "f1"))),
        ("type", "", f"accuracy {s['type_accuracy']:.3f}", f"{s['type_f1']:.3f}"),
        ("value", "", f"accuracy {s['value_accuracy']:.3f}", f"{s['value_f1']:.3f}"),
    ]
    lines = [f"{a:<8} {b:>10} {c:>16} {d:>7}" for a, b, c, d in rows]
    lines.append(f"{counts.documents} documents, {counts.gold} gold timexes, {counts.system} tagged")
    return "\n".join(lines) + "\n"
