"""Documents per second of ``claimcheck eval timeml`` (the same tagger as production).

Usage: python benchmarks/eval_timeml.py PATH [PATH...]

Prints the time to load the model, then documents/second and timexes/second
of the eval run (parse + tag + score), and of the
tagger alone without a parse.
"""

from __future__ import annotations

import sys
import time

from claimcheck.eval.timeml import PARSE_PIPES, claimcheck_tagger, collect, evaluate, parse_tml
from claimcheck.nlp import load_model


def main(paths: list[str]) -> None:
    docs = [parse_tml(p) for p in collect(paths)]
    t0 = time.perf_counter()
    nlp = load_model()
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
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
