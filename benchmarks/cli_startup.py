"""How long ``claimcheck --help`` and ``--version`` take, and that they never import spaCy.

    python benchmarks/cli_startup.py [--runs 5]

Prints the median wall time of each command and the modules ``-X importtime``
reports for ``claimcheck --version`` that belong to spaCy (should be none).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = (["--version"], ["--help"], ["check", "--help"])


def median_time(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimcheck", *args], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def spacy_imports(args: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    names = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
    return [n for n in names if n.split(".")[0] in {"spacy", "thinc", "torch"}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for command in COMMANDS:
        print(f"claimcheck {' '.join(command):14s} {median_time(command, args.runs) * 1000:7.0f} ms")
    heavy = spacy_imports(["--version"])
    print(f"spaCy modules imported by --version: {len(heavy)}" + (f" ({', '.join(heavy[:5])})" if heavy else ""))


if __name__ == "__main__":
    main()
