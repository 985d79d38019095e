"""One article, cold, end to end: ``claimcheck FILE`` against the floor.

    python benchmarks/cold_start.py [FILE] [--runs 7] [--model NAME]

The floor is a Python that imports spaCy, loads the same model and parses the
same text — what any spaCy tool must pay. The two commands run alternately
(the machine may be shared), ``--runs`` times each; printed are the median wall
times and the median of the per-pair ratios (target: within 1.10x).

The ``claimcheck`` program imports spaCy without spaCy's own command line
(``spacy.cli``, see :mod:`claimcheck.startup`), which the floor's plain
``import spacy`` does import. A third command, claimcheck after a plain
``import spacy``, shows what the rest of claimcheck costs over the floor.

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

WITH_SPACY_CLI = """
import sys, spacy
from claimcheck.cli import main
main(sys.argv[1:])
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
    full = [sys.executable, "-c", WITH_SPACY_CLI, *ours[3:]]
    timed(floor), timed(ours), timed(full)  # warm the file cache
    runs = [(timed(floor), timed(ours), timed(full)) for _ in range(args.runs)]
    f, o, w = (statistics.median(r[i] for r in runs) for i in range(3))
    ratio = statistics.median(r[1] / r[0] for r in runs)
    ratio_full = statistics.median(r[2] / r[0] for r in runs)
    print(f"{args.file.name}, model {model}, {args.runs} alternating runs")
    print(f"floor (import spaCy, load, parse)        {f:6.2f} s")
    print(f"claimcheck FILE                          {o:6.2f} s   {ratio:5.2f}x (median of pairs; target <= 1.10x)")
    print(f"claimcheck FILE after a plain import     {w:6.2f} s   {ratio_full:5.2f}x (spaCy's command line imported too)")


if __name__ == "__main__":
    main()
