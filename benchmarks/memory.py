"""Memory of one worker over a long batch: it must not grow with the batch.

    python benchmarks/memory.py ARTICLES_DIR [--count 10000] [--every 1000] [--model NAME]

The articles of ARTICLES_DIR (.txt/.md/.html) are cycled until ``--count`` have
been checked, in this process, the way one ``--jobs`` worker checks its share:
read, pipeline (``nlp.pipe`` in batches), rules, report records (kept only for
the summary, as the CLI keeps them; the reports themselves are dropped). Every
``--every`` articles the resident set size is printed; the last line compares
the RSS after the first ``--every`` articles (warm) with the RSS at the end.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import cycle, islice
from pathlib import Path

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def rss_mb() -> float:
    """The resident set size of this process (Linux /proc), in MB."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    from claimcheck.engine import Options, iter_reports
    from claimcheck.inputs import read_document

    files = sorted(p for p in args.articles.iterdir() if p.suffix.lower() in SUFFIXES)
    if not files:
        sys.exit(f"no articles in {args.articles}")
    options = Options(model=args.model)
    start = time.perf_counter()
    warm = None
    done = findings = 0
    stream = islice(cycle(files), args.count)
    while done < args.count:
        chunk = [read_document(p) for p in islice(stream, args.every)]
        for report in iter_reports(chunk, options):
            findings += len(report.findings)
        done += len(chunk)
        now = rss_mb()
        warm = warm if warm is not None else now
        print(f"{done:>7} articles  {time.perf_counter() - start:8.1f} s  RSS {now:8.1f} MB", flush=True)
    print(f"RSS after {args.every} articles {warm:.1f} MB, after {done} {rss_mb():.1f} MB "
          f"({rss_mb() - warm:+.1f} MB); {findings} findings")


if __name__ == "__main__":
    main()
