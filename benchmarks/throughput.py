"""Batch throughput: claimcheck against plain ``nlp.pipe``, and ``--jobs 2`` against ``--jobs 1``.

    python benchmarks/throughput.py ARTICLES_DIR [--count 200] [--model NAME]

The articles in ARTICLES_DIR (.txt/.md/.html) are cycled into a temporary
folder until there are ``--count`` of them. Printed, in seconds and as ratios:

* plain: ``spacy.load(model)`` with every component, ``nlp.pipe`` over the texts;
* pipeline: the same texts through ``nlp.pipe`` of claimcheck's pipeline (the
  model plus claimcheck's components), each doc given what reading its file gives
  the pipeline (publication date, source map, headline) as the batch does — what
  the components cost;
* claimcheck: the same files through claimcheck's batch path in this process
  (reading, pipeline, rules, suppressions) — model loading excluded from all
  three, so the ratios are per-article overhead. The three take turns on each
  ``--chunk`` of articles (each going first on every third chunk), so that a
  shared machine's drifting speed is nearly the same for all three; a turn over
  all the articles gives one ratio per contender, ``--repeat`` turns are made and
  the median ratio is printed, in wall time and in this process's CPU time, with
  the median of the chunks' ratios (which a burst of other work on the machine
  shakes least);
* jobs 1 / jobs 2: wall time of the ``claimcheck`` command over the folder,
  model loading included (each worker process loads the model once).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def make_corpus(source: Path, count: int, target: Path) -> list[Path]:
    """``count`` article files in ``target``, cycling the articles of ``source``."""
    articles = sorted(p for p in source.iterdir() if p.suffix.lower() in SUFFIXES)
    if not articles:
        sys.exit(f"no .txt/.md/.html articles in {source}")
    made = []
    for i, src in enumerate(islice(cycle(articles), count)):
        dst = target / f"{i:04d}-{src.name}"
        shutil.copyfile(src, dst)
        made.append(dst)
    return made


def timed(work) -> tuple[float, float]:
    """Wall and CPU seconds ``work()`` takes."""
    start, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - start, time.process_time() - cpu


def drain(docs) -> None:
    for _ in docs:
        pass


def contenders(paths: list[Path], documents: list, model: str):
    """The three ways to process the articles ``[i, j)``, each warmed up once."""
    import spacy

    from claimcheck.api import Options
    from claimcheck.batch import Job, run_jobs
    from claimcheck.engine import analyze
    from claimcheck.nlp import build_pipeline

    texts = [d.text for d in documents]

    plain, ours = spacy.load(model), build_pipeline(model)
    options = Options(model=model)
    ways = {
        "plain": lambda i, j: drain(plain.pipe(texts[i:j], batch_size=16)),
        "pipeline": lambda i, j: drain(analyze(documents[i:j], ours, batch_size=16)),
        "claimcheck": lambda i, j: run_jobs([Job(path=str(p), options=options) for p in paths[i:j]], workers=1),
    }
    for way in ways.values():
        way(0, 2)
    return ways


def time_cli(folder: Path, jobs: int, model: str) -> float:
    command = [sys.executable, "-m", "claimcheck", "check", str(folder), "--quiet", "--format", "json",
               "--model", model, "--fail-on", "never", "--isolated", "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"claimcheck failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="folder of articles to cycle")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--model", default=None, help="spaCy model (default: the one claimcheck picks)")
    parser.add_argument("--repeat", type=int, default=3, help="turns over the articles (median ratio kept)")
    parser.add_argument("--chunk", type=int, default=25, help="articles the three take turns on (drift between them stays small)")
    parser.add_argument("--skip-jobs", action="store_true", help="only compare with plain nlp.pipe")
    args = parser.parse_args()

    from claimcheck.inputs import read_document
    from claimcheck.nlp import resolve_model_name

    model = resolve_model_name(args.model)
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        paths = make_corpus(args.articles, args.count, Path(tmp))
        documents = [read_document(p) for p in paths]
        print(f"{len(paths)} articles, {sum(len(d.text) for d in documents):,} characters, model {model}")
        ways = contenders(paths, documents, model)
        passes = []
        chunks: list[dict[str, tuple[float, float]]] = []  # each chunk's times, for a median less shaken by bursts
        names = list(ways)
        for turn in range(args.repeat):
            total = {name: (0.0, 0.0) for name in names}
            for k, i in enumerate(range(0, len(paths), args.chunk)):
                j = min(len(paths), i + args.chunk)
                shift = (turn + k) % 3
                order = names[shift:] + names[:shift]  # each goes first in turn, so that no order favours one
                chunk = {name: timed(lambda: ways[name](i, j)) for name in order}
                chunks.append(chunk)
                for name, (wall, cpu) in chunk.items():
                    total[name] = (total[name][0] + wall, total[name][1] + cpu)
            passes.append(total)
            print("  turn:", ", ".join(f"{name} {total[name][1]:.2f} s" for name in names), "(CPU)")
        for k, clock in ((0, "wall"), (1, "CPU")):
            print(f"{clock} time, median of {args.repeat} turns:")
            plain = statistics.median(p["plain"][k] for p in passes)
            print(f"  plain nlp.pipe      {plain:8.2f} s")
            for name, what in (("pipeline", "model + claimcheck components"), ("claimcheck", "reading, pipeline, rules, reports")):
                ratio = statistics.median(p[name][k] / p["plain"][k] for p in passes)
                seconds = statistics.median(p[name][k] for p in passes)
                per_chunk = statistics.median(c[name][k] / c["plain"][k] for c in chunks)
                label = "claimcheck nlp.pipe" if name == "pipeline" else "claimcheck batch   "
                print(f"  {label} {seconds:8.2f} s   ratio {ratio:.2f}x, median over chunks {per_chunk:.2f}x ({what})")
        if args.skip_jobs:
            return
        one = time_cli(Path(tmp), 1, model)
        two = time_cli(Path(tmp), 2, model)
        print(f"claimcheck --jobs 1 {one:7.2f} s")
        print(f"claimcheck --jobs 2 {two:7.2f} s   speed-up {one / two:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
