"""Documents per second of ``claimcheck eval timeml`` (the same tagger as production).

Usage: python benchmarks/eval_timeml.py [--split all|dev|heldout] PATH [PATH...]

Prints the time to load the model, then documents/second and timexes/second
of the eval run (parse + tag + score), and of the
tagger alone without a parse.
"""

from __future__ import annotations

import argparse
import time

from claimcheck.eval.timeml import PARSE_PIPES, SPLITS, claimcheck_tagger, collect, evaluate, in_split, parse_tml
from claimcheck.nlp import build_pipeline


def main(paths: list[str], split: str = "all") -> None:
    docs = [parse_tml(p) for p in in_split(collect(paths), split)]
    t0 = time.perf_counter()
    nlp = build_pipeline()
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    with nlp.select_pipes(enable=[n for n in PARSE_PIPES if n in nlp.pipe_names]):
        for label, tagger in (("eval run (parse + tag + score)", claimcheck_tagger(nlp)),
                              ("tagger only, no parse", claimcheck_tagger(None))):
            t0 = time.perf_counter()
            counts, _ = evaluate(docs, tagger)
            elapsed = time.perf_counter() - t0
            print(f"{label}: {len(docs)} documents in {elapsed:.2f} s = {len(docs) / elapsed:.1f} docs/s, "
                  f"{counts.system / elapsed:.0f} timexes/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args()
    main(args.paths, args.split)
