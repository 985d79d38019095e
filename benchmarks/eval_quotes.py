"""Time and score the quotes and sources components on a PolNeAR-style folder.

Usage: python benchmarks/eval_quotes.py PATH [--model NAME]

Prints documents, characters, the seconds spent in the two components alone
(statistical model excluded) and the direct-quote and attribution scores.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimcheck.eval.quotes import corpus_files, evaluate, quote_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    nlp = quote_pipeline(args.model)
    texts = [t.read_text(encoding="utf-8") for t, _ in corpus_files(args.path)]
    with nlp.select_pipes(disable=["claimcheck_quotes", "claimcheck_sources"]):
        docs = list(nlp.pipe(texts))
    timings = {}
    for name in ("claimcheck_quotes", "claimcheck_sources"):
        component = nlp.get_pipe(name)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        timings[name] = round(time.perf_counter() - start, 3)
    scores = evaluate(args.path, nlp).as_dict()
    print(json.dumps({"documents": len(docs), "characters": sum(map(len, texts)), "seconds": timings, **scores}, indent=2))


if __name__ == "__main__":
    main()
