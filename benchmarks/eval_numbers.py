"""Score the quantities component on number specs (Recognizers-Text, quantulum3).

Usage: python benchmarks/eval_numbers.py [-v] PATH [PATH...]

PATH is a ``NumberModel.json`` / ``NumberRangeModel.json`` (Recognizers-Text)
or a quantulum3 ``quantities.json``. Prints, per file: precision and recall of
found numbers, value accuracy, exactness of interval bounds, and sentences per
second (dates + quantities components, after the model's own pipes).
With ``-v``, lists every miss, spurious number and wrong value.
"""

from __future__ import annotations

import sys
import time

from claimcheck.eval.numbers import load_cases, quantities_of, score
from claimcheck.nlp import build_pipeline


def main(paths: list[str], verbose: bool) -> None:
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
