"""Batch throughput: claimcheck against plain ``nlp.pipe``, and ``--jobs 2`` against ``--jobs 1``.

    python benchmarks/throughput.py ARTICLES_DIR [--count 200] [--model NAME]

The articles in ARTICLES_DIR (.txt/.md/.html) are cycled into a temporary
folder until there are ``--count`` of them. Printed, in seconds and as ratios:

* plain: ``spacy.load(model)`` with every component, ``nlp.pipe`` over the texts;
* pipeline: the same texts through ``nlp.pipe`` of claimcheck's pipeline (the
  model plus claimcheck's components) — what the components cost;
* claimcheck: the same files through claimcheck's batch path in this process
  (reading, pipeline, rules, suppressions) — model loading excluded from all
  three, so the ratios are per-article overhead. Each is timed ``--repeat``
  times, alternating, and the fastest run is kept (the machine may be shared),
  in wall time and in this process's CPU time (which other load on a shared
  machine disturbs less);
* jobs 1 / jobs 2: wall time of the ``claimcheck`` command over the folder,
  model loading included (each worker process loads the model once).
"""

from __future__ import annotations

import argparse
import shutil
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


def time_pipe(nlp, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds for ``nlp.pipe`` over ``texts``, after a short warm-up."""
    list(nlp.pipe(texts[:2]))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_plain(texts: list[str], model: str) -> tuple[float, float]:
    import spacy

    return time_pipe(spacy.load(model), texts)


def time_pipeline(texts: list[str], model: str) -> tuple[float, float]:
    from claimcheck.nlp import build_pipeline

    return time_pipe(build_pipeline(model), texts)


def time_claimcheck(paths: list[Path], model: str) -> tuple[float, float]:
    from claimcheck.api import Options
    from claimcheck.batch import Job, run_jobs
    from claimcheck.nlp import build_pipeline

    options = Options(model=model)
    list(build_pipeline(model).pipe(["Warm up.", "Twelve people were killed on Monday."]))
    start, cpu = time.perf_counter(), time.process_time()
    run_jobs([Job(path=str(p), options=options) for p in paths], workers=1)
    return time.perf_counter() - start, time.process_time() - cpu


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
    parser.add_argument("--repeat", type=int, default=2, help="runs of each in-process timing (fastest kept)")
    parser.add_argument("--skip-jobs", action="store_true", help="only compare with plain nlp.pipe")
    args = parser.parse_args()

    from claimcheck.inputs import read_document
    from claimcheck.nlp import resolve_model_name

    model = resolve_model_name(args.model)
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-") as tmp:
        paths = make_corpus(args.articles, args.count, Path(tmp))
        texts = [read_document(p).text for p in paths]
        print(f"{len(paths)} articles, {sum(map(len, texts)):,} characters, model {model}")
        runs: dict[str, list[tuple[float, float]]] = {"plain": [], "pipeline": [], "claimcheck": []}
        for _ in range(args.repeat):
            runs["plain"].append(time_plain(texts, model))
            runs["pipeline"].append(time_pipeline(texts, model))
            runs["claimcheck"].append(time_claimcheck(paths, model))
        for i, clock in ((0, "wall"), (1, "CPU")):
            plain, pipeline, ours = (min(r[i] for r in runs[k]) for k in ("plain", "pipeline", "claimcheck"))
            print(f"{clock} time, fastest of {args.repeat}:")
            print(f"  plain nlp.pipe      {plain:8.2f} s")
            print(f"  claimcheck nlp.pipe {pipeline:8.2f} s   ratio {pipeline / plain:.2f}x (model + claimcheck components)")
            print(f"  claimcheck batch    {ours:8.2f} s   ratio {ours / plain:.2f}x (reading, pipeline, rules, reports)")
        if args.skip_jobs:
            return
        one = time_cli(Path(tmp), 1, model)
        two = time_cli(Path(tmp), 2, model)
        print(f"claimcheck --jobs 1 {one:7.2f} s")
        print(f"claimcheck --jobs 2 {two:7.2f} s   speed-up {one / two:.2f}x (target >= 1.6x)")


if __name__ == "__main__":
    main()
