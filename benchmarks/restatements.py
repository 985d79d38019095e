"""Restated figures in short news stories written for this benchmark.

Each file in ``benchmarks/restatements/`` holds articles written for the project (no
corpus text) in the wire layout (``date:`` line, headline, paragraphs) and, for each,
edits that change one figure, day or length where the story gives it. An edit marked
``contradiction: true`` makes the story disagree with itself (the value is told
elsewhere in the story for the same thing); one marked ``false`` changes a value the
story gives once, so the edited story is still consistent.

For each edit, claimcheck checks the clean story and the edited one; an edit is
**caught** when the edited story has an error or warning the clean one lacks (same rule
and message). Reported: recall on the contradictions, the edits marked ``false`` that
were flagged anyway, and the errors and warnings on the clean stories.

The ``dev-*`` files were read for errors while the rules were written; ``heldout-*`` were
written afterwards and are scored only.

    $ python benchmarks/restatements.py                # every file
    $ python benchmarks/restatements.py --split heldout
    $ python benchmarks/restatements.py --show-missed  # dev files only
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "restatements"


def flagged(text: str) -> list[tuple[str, str]]:
    from claimcheck.api import Options, check_text

    report = check_text(text, options=Options())
    return [(f.rule, f.message) for f in report.findings if f.severity in ("error", "warning")]


def edited(text: str, old: str, new: str, nth: int) -> str:
    starts = [m.start() for m in re.finditer(re.escape(old), text)]
    if nth >= len(starts):
        raise SystemExit(f"edit {old!r} #{nth} not found")
    i = starts[nth]
    return text[:i] + new + text[i + len(old):]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    ap.add_argument("--show-missed", action="store_true", help="print missed contradictions (dev files only)")
    args = ap.parse_args(argv)
    totals = {"dev": [0, 0, 0, 0, 0], "heldout": [0, 0, 0, 0, 0]}  # caught, contradictions, flagged, consistent, clean alarms
    for path in sorted(HERE.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        split = data["split"]
        if args.split not in ("all", split):
            continue
        t = totals[split]
        for article in data["articles"]:
            text = article["text"]
            clean = set(flagged(text))
            t[4] += len(clean)
            for e in article["edits"]:
                new = set(flagged(edited(text, e["old"], e["new"], e["nth"]))) - clean
                if e["contradiction"]:
                    t[1] += 1
                    t[0] += bool(new)
                    if not new and args.show_missed and split == "dev":
                        print(f"missed {path.stem}/{article['name']}: {e['old']!r} -> {e['new']!r} (#{e['nth']})")
                else:
                    t[3] += 1
                    t[2] += bool(new)
    for split, (caught, n, fa, consistent, clean) in totals.items():
        if n or consistent:
            print(f"{split}: contradictions caught {caught}/{n} = {caught / max(n, 1):.0%}; "
                  f"consistent edits flagged {fa}/{consistent}; errors and warnings on clean stories {clean}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
