"""One article, cold, end to end: ``claimcheck FILE`` against the floor.

    python benchmarks/cold_start.py [FILE] [--runs 7] [--model NAME]

The floor is a Python that imports spaCy, loads the same model and parses the
same text — what any spaCy tool must pay. The two commands run alternately
(the machine may be shared), ``--runs`` times each; printed are the median wall
times and the median of the per-pair ratios (target: within 1.10x).

claimcheck's own modules are byte-compiled first, as ``pip install`` leaves
them and as spaCy's already are: an editable checkout run with
``PYTHONDONTWRITEBYTECODE`` would otherwise compile its source on every run.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "kursk-north-korean-troops.txt"

FLOOR = """
import sys, spacy
from claimcheck.inputs import read_document
text = read_document(sys.argv[1]).text
nlp = spacy.load(sys.argv[2])
nlp(text)
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    import claimcheck
    from claimcheck.nlp import resolve_model_name

    compileall.compile_dir(Path(claimcheck.__file__).parent, quiet=1)
    model = resolve_model_name(args.model)
    ours = [sys.executable, "-m", "claimcheck", str(args.file), "--model", model, "--isolated", "--color", "never"]
    floor = [sys.executable, "-c", FLOOR, str(args.file), model]
    timed(floor), timed(ours)  # warm the file cache
    pairs = []
    for _ in range(args.runs):
        pairs.append((timed(floor), timed(ours)))
    f = statistics.median(p[0] for p in pairs)
    o = statistics.median(p[1] for p in pairs)
    ratio = statistics.median(b / a for a, b in pairs)
    print(f"{args.file.name}, model {model}, {args.runs} alternating runs")
    print(f"floor (import spaCy, load, parse)  {f:6.2f} s")
    print(f"claimcheck FILE                    {o:6.2f} s")
    print(f"ratio (median of pairs)            {ratio:6.2f}x (target <= 1.10x)")


if __name__ == "__main__":
    main()
