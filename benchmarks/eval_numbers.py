"""Score the quantities component on number specs (Recognizers-Text, quantulum3).

Usage: python benchmarks/eval_numbers.py [-v] PATH [PATH...]

PATH is a ``NumberModel.json`` / ``NumberRangeModel.json`` (Recognizers-Text)
or a quantulum3 ``quantities.json``. Prints, per file: precision and recall of
found numbers, value accuracy, exactness of interval bounds, and sentences per
second (dates + quantities components, after the model's own pipes).
With ``-v``, lists every miss, spurious number and wrong value.

``.txt`` PATHs are articles: for them it prints the time of the quantities
component alone against the time of the model's own pipes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimcheck.eval.numbers import load_cases, quantities_of, score
from claimcheck.nlp import build_pipeline, load_model
from claimcheck.pipeline.quantities import find_quantities


def time_articles(paths: list[str]) -> None:
    """Tokens per second of the model's pipes and of the quantities component alone."""
    nlp = load_model()
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    tokens = sum(len(d) for d in docs)
    t0 = time.perf_counter()
    mentions = sum(len(find_quantities(d)) for d in docs)
    own = time.perf_counter() - t0
    print(f"{len(docs)} articles, {tokens} tokens, {mentions} quantities: model {parse:.2f} s "
          f"({tokens / parse:.0f} tokens/s), quantities {own * 1000:.0f} ms ({tokens / own:.0f} tokens/s)")


def main(paths: list[str], verbose: bool) -> None:
    articles = [p for p in paths if p.endswith(".txt")]
    if articles:
        time_articles(articles)
    paths = [p for p in paths if not p.endswith(".txt")]
    if not paths:
        return
    t0 = time.perf_counter()
    predict = quantities_of(build_pipeline())
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    for path in paths:
        cases = load_cases(path)
        t0 = time.perf_counter()
        scores = score(cases, predict)
        elapsed = time.perf_counter() - t0
        print(f"{path}: {len(cases)} sentences, {len(cases) / elapsed:.0f} sentences/s")
        print(f"  {scores.line()}")
        if verbose:
            for miss in scores.misses:
                print(f"    {miss}")


if __name__ == "__main__":
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    if not args:
        sys.exit(__doc__)
    main(args, verbose)
