"""Findings per rule and severity over a folder of articles (false-alarm budget).

    python benchmarks/false_alarms.py ../shared/data/articles/dev [--verbose]

Each article's first line may be ``date: YYYY-MM-DD`` (the publication date);
the rest is the article. Prints a table of findings per rule and severity, the
totals, and with ``--verbose`` every warning and error with its message.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from claimcheck.api import as_date, check_documents
from claimcheck.inputs import Document, read_text

SEVERITIES = ("error", "warning", "info")


def load(path: Path) -> Document:
    """The article as a Document, with the ``date:`` header as its publication date."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    if not first.startswith("date:"):
        return read_text(text, str(path))
    document = read_text(rest.lstrip("\n"), str(path))
    document.published = as_date(first.split(":", 1)[1].strip())
    document.published_source = "cli"
    return document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="print every warning and error")
    args = parser.parse_args(argv)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        print(f"no .txt articles in {args.folder}", file=sys.stderr)
        return 2
    counts: Counter[tuple[str, str]] = Counter()
    for report in check_documents([load(p) for p in paths]):
        for f in report.findings:
            counts[(f.rule, f.severity)] += 1
            if args.verbose and f.severity != "info":
                hint = f" ({f.suggestion})" if f.suggestion else ""
                print(f"{Path(report.path).name}:{f.span.line}: {f.rule} {f.severity}: {f.message}{hint}")
    print(f"{'rule':<8}" + "".join(f"{s:>9}" for s in SEVERITIES))
    for rule in sorted({r for r, _ in counts}):
        print(f"{rule:<8}" + "".join(f"{counts[(rule, s)]:>9}" for s in SEVERITIES))
    totals = {s: sum(n for (_, sev), n in counts.items() if sev == s) for s in SEVERITIES}
    print(f"{'total':<8}" + "".join(f"{totals[s]:>9}" for s in SEVERITIES))
    print(f"articles: {len(paths)}, warnings per article: {totals['warning'] / len(paths):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
