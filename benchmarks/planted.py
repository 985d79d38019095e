"""Recall on planted contradictions, and false alarms on clean copy.

    python benchmarks/planted.py ../shared/data/articles/wire --split dev --jobs 2
    python benchmarks/planted.py ../shared/data/articles/wire --split heldout --jobs 2 --json heldout.json
    python benchmarks/planted.py ../shared/data/articles/dev --split all
    python benchmarks/planted.py ../shared/data/articles/wire --split dev --kinds age-twice --show-missed 10

Each clean article is checked as it is (its errors and warnings are the false
alarms), then once per planted variant: one contradiction of one kind, planted by
the functions of ``planting`` (see docs/benchmarks.md). A plant is caught when the
variant has an error or warning the clean article did not have (same rule and
span, the clean spans mapped through the edit) whose span or one of whose excerpts
touches the planted words. Planting is seeded: the same seed, articles and kinds
give the same plants.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from random import Random
from typing import Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planting import KINDS, Article, Plant  # noqa: E402
from planting.scoring import COUNTED, Hit, judge  # noqa: E402
from planting.split import check_recorded, split_of  # noqa: E402

#: Articles per task sent to a worker (one nlp.pipe stream each).
CHUNK = 16


@dataclass
class Clean:
    name: str
    text: str
    published: Optional[date]
    hits: list[Hit] = field(default_factory=list)
    error: Optional[str] = None


@dataclass
class Trial:
    name: str
    plant: Plant
    caught: bool = False
    rules: list[str] = field(default_factory=list)
    stray: int = 0
    error: Optional[str] = None


# -- checking (in worker processes) ----------------------------------------------------


def _warm() -> None:
    from claimcheck.nlp import build_pipeline

    build_pipeline()


def check_chunk(items: list[tuple[str, str]]) -> list[tuple[list[Hit], Optional[str]]]:
    """Findings of each ``(name, text)``: a ``.txt`` article with its ``date:`` header."""
    from claimcheck.api import check_documents
    from claimcheck.inputs import read_text

    reports = check_documents([read_text(text, name) for name, text in items])
    return [([Hit.of(f) for f in r.findings], r.error) for r in reports]


def check_all(items: list[tuple[str, str]], jobs: int, label: str) -> list[tuple[list[Hit], Optional[str]]]:
    """Findings of every item, in order, with ``jobs`` processes (each loads the model once)."""
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    results: list = [None] * len(chunks)
    started, done = time.perf_counter(), 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        rate = done / max(time.perf_counter() - started, 1e-9)
        print(f"\r{label}: {done}/{len(items)} ({rate:.1f}/s)", end="", file=sys.stderr, flush=True)

    if jobs <= 1:
        for i, chunk in enumerate(chunks):
            results[i] = check_chunk(chunk)
            progress(len(chunk))
    else:
        import multiprocessing

        ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_warm) as pool:
            futures = {pool.submit(check_chunk, chunk): i for i, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                i = futures[future]
                results[i] = future.result()
                progress(len(chunks[i]))
    print(file=sys.stderr)
    return [r for chunk in results for r in chunk]


# -- planting --------------------------------------------------------------------------


def plants_for(article: Clean, kind: str, seed: int, per_article: int) -> list[Plant]:
    """Up to ``per_article`` edited and ``per_article`` inserted plants of ``kind``."""
    rng = Random(f"{seed}:{article.name}:{kind}")
    found = KINDS[kind](article.text, article.published, rng)
    pick = Random(f"{seed}:{article.name}:{kind}:pick")
    chosen = []
    for inserted in (False, True):
        group = [p for p in found if p.inserted is inserted]
        if len(group) > per_article:
            keep = sorted(pick.sample(range(len(group)), per_article))
            group = [group[i] for i in keep]
        chosen.extend(group)
    return chosen


def order_key(name: str) -> str:
    """A fixed, spread-out order of the articles (``--limit`` takes the first N)."""
    return hashlib.sha256(f"order:{name}".encode()).hexdigest()


def load_articles(folders: list[Path], split: str, limit: Optional[int]) -> list[Clean]:
    paths = sorted({p for folder in folders for p in folder.glob("*.txt")}, key=lambda p: order_key(p.name))
    wrong = check_recorded([p.name for p in paths])
    if wrong:
        sys.exit(f"planting/heldout.txt disagrees with the hash split for: {', '.join(wrong[:5])}")
    if split != "all":
        paths = [p for p in paths if split_of(p.name) == split]
    if limit is not None:
        paths = paths[:limit]
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        out.append(Clean(p.name, text, Article.parse(text).published))
    return out


# -- the report ------------------------------------------------------------------------


def _recall(caught: int, n: int) -> str:
    return f"{caught / n:6.1%}" if n else "     -"


def summarize(articles: list[Clean], trials: list[Trial], kinds: list[str]) -> dict:
    per_kind = {}
    for kind in kinds:
        ts = [t for t in trials if t.plant.kind == kind and t.error is None]
        row: dict = {"articles": len({t.name for t in ts})}
        for label, group in (("edited", [t for t in ts if not t.plant.inserted]), ("inserted", [t for t in ts if t.plant.inserted])):
            caught = sum(t.caught for t in group)
            row[label] = {
                "articles": len({t.name for t in group}),
                "plants": len(group),
                "caught": caught,
                "recall": round(caught / len(group), 4) if group else None,
            }
        row["plants"] = len(ts)
        row["caught"] = sum(t.caught for t in ts)
        row["recall"] = round(row["caught"] / len(ts), 4) if ts else None
        row["rules"] = dict(Counter(r for t in ts for r in t.rules).most_common())
        row["stray"] = sum(t.stray > 0 for t in ts)
        per_kind[kind] = row
    checked = [a for a in articles if a.error is None]
    errors = sum(h.severity == "error" for a in checked for h in a.hits)
    warnings = sum(h.severity == "warning" for a in checked for h in a.hits)
    flagged = sum(any(h.severity in COUNTED for h in a.hits) for a in checked)
    n = max(len(checked), 1)
    clean = {
        "articles": len(checked),
        "failed": len(articles) - len(checked),
        "errors": errors,
        "warnings": warnings,
        "errors_per_article": round(errors / n, 4),
        "warnings_per_article": round(warnings / n, 4),
        "flagged_articles": flagged,
        "flagged_share": round(flagged / n, 4),
        "rules": dict(Counter(h.rule for a in checked for h in a.hits if h.severity in COUNTED).most_common()),
    }
    return {"kinds": per_kind, "clean": clean}


def print_table(summary: dict, out=sys.stdout) -> None:
    head = f"{'kind':<20} {'arts':>5} | {'edited':>6} {'caught':>6} {'recall':>6} | {'insert':>6} {'caught':>6} {'recall':>6} | {'stray':>5} | rules"
    print(head, file=out)
    print("-" * len(head), file=out)
    tot = Counter()
    for kind, row in summary["kinds"].items():
        e, i = row["edited"], row["inserted"]
        rules = ", ".join(f"{r}×{n}" for r, n in row["rules"].items()) or "-"
        print(
            f"{kind:<20} {row['articles']:>5} | {e['plants']:>6} {e['caught']:>6} {_recall(e['caught'], e['plants'])} |"
            f" {i['plants']:>6} {i['caught']:>6} {_recall(i['caught'], i['plants'])} | {row['stray']:>5} | {rules}",
            file=out,
        )
        tot.update({"ep": e["plants"], "ec": e["caught"], "ip": i["plants"], "ic": i["caught"], "s": row["stray"]})
    print("-" * len(head), file=out)
    print(
        f"{'all kinds':<20} {'':>5} | {tot['ep']:>6} {tot['ec']:>6} {_recall(tot['ec'], tot['ep'])} |"
        f" {tot['ip']:>6} {tot['ic']:>6} {_recall(tot['ic'], tot['ip'])} | {tot['s']:>5} |",
        file=out,
    )
    c = summary["clean"]
    rules = ", ".join(f"{r}×{n}" for r, n in c["rules"].items()) or "-"
    print(
        f"\nclean articles: {c['articles']} (failed: {c['failed']}); errors/article {c['errors_per_article']:.3f}, "
        f"warnings/article {c['warnings_per_article']:.3f}; flagged (any error or warning): "
        f"{c['flagged_articles']} = {c['flagged_share']:.1%}; by rule: {rules}",
        file=out,
    )


def markdown(summary: dict) -> str:
    """The per-kind table and the false alarms as Markdown (for docs/benchmarks.md)."""

    def cell(group: dict) -> str:
        if not group["plants"]:
            return "–"
        return f"{group['caught']}/{group['plants']} = {group['caught'] / group['plants']:.0%}"

    lines = [
        "| kind | articles | edited: caught/plants | inserted: caught/plants | stray | caught by |",
        "|---|---:|---:|---:|---:|---|",
    ]
    tot = Counter()
    for kind, row in summary["kinds"].items():
        rules = ", ".join(f"{r} ×{n}" for r, n in row["rules"].items()) or "–"
        lines.append(f"| `{kind}` | {row['articles']} | {cell(row['edited'])} | {cell(row['inserted'])} | {row['stray']} | {rules} |")
        for label in ("edited", "inserted"):
            tot[label + "p"] += row[label]["plants"]
            tot[label + "c"] += row[label]["caught"]
        tot["stray"] += row["stray"]
    e = {"plants": tot["editedp"], "caught": tot["editedc"]}
    i = {"plants": tot["insertedp"], "caught": tot["insertedc"]}
    lines.append(f"| **all kinds** | | {cell(e)} | {cell(i)} | {tot['stray']} | |")
    c = summary["clean"]
    rules = ", ".join(f"{r} ×{n}" for r, n in c["rules"].items()) or "none"
    lines.append("")
    lines.append(
        f"False alarms on the {c['articles']} clean articles: {c['errors']} errors ({c['errors_per_article']:.3f} per article), "
        f"{c['warnings']} warnings ({c['warnings_per_article']:.3f} per article); {c['flagged_articles']} articles "
        f"({c['flagged_share']:.1%}) have an error or warning. By rule: {rules}."
    )
    return "\n".join(lines)


def sentence_of(text: str, start: int, end: Optional[int] = None) -> str:
    """The sentence (or sentences) holding ``text[start:end]``; the headline's line."""
    article = Article.parse(text)
    end = start + 1 if end is None else max(end, start + 1)
    s, _ = article.sentence_at(start)
    _, e = article.sentence_at(end - 1)
    if e <= s or not (s <= start and end <= e):  # the headline: before the first sentence
        s, e = next(((a, b) for a, b in article.paragraphs if a <= start < b), (start, end))
    return " ".join(text[s:e].split())


def show_missed(trials: list[Trial], articles: dict[str, Clean], n: int, out=sys.stdout) -> None:
    missed = [t for t in trials if not t.caught and t.error is None]
    print(f"\nmissed plants: {len(missed)} (showing {min(n, len(missed))})", file=out)
    for t in missed[:n]:
        p = t.plant
        flag = " [inserted]" if p.inserted else ""
        print(f"\n{t.name} {p.kind}{flag}: {p.old!r} -> {p.new.strip()!r} ({p.note})", file=out)
        print(f"    now: {sentence_of(p.text, p.start, p.end)}", file=out)
        if not p.inserted:
            print(f"    was: {sentence_of(articles[t.name].text, p.at)}", file=out)


def git_commit() -> str:
    """The commit checked out, with ``+changes`` when src/ or benchmarks/ differ from it."""
    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "src", "benchmarks"], capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of .txt articles with a date: header")
    parser.add_argument("--kinds", help=f"comma-separated kinds (default: all): {', '.join(KINDS)}")
    parser.add_argument("--limit", type=int, help="only the first N articles (a fixed spread-out order)")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (each loads the model once)")
    parser.add_argument("--per-article", type=int, default=2, help="edited (and inserted) plants per article and kind")
    parser.add_argument("--json", type=Path, help="write the summary and every plant as JSON here ('-': stdout)")
    parser.add_argument("--markdown", action="store_true", help="also print the tables as Markdown (for docs/benchmarks.md)")
    parser.add_argument("--show-missed", type=int, default=0, metavar="N", help="print N missed plants (dev split only)")
    args = parser.parse_args(argv)

    if args.show_missed and args.split != "dev":
        parser.error("--show-missed reads the planted sentences: it is for the dev split only, never heldout")
    kinds = list(KINDS) if not args.kinds else [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        parser.error(f"unknown kinds: {', '.join(unknown)} (known: {', '.join(KINDS)})")
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"not a folder: {folder}")

    started, commit = time.perf_counter(), git_commit()
    articles = load_articles(args.folders, args.split, args.limit)
    if not articles:
        print("no articles", file=sys.stderr)
        return 2
    for a, (hits, error) in zip(articles, check_all([(a.name, a.text) for a in articles], args.jobs, "clean")):
        a.hits, a.error = hits, error

    trials = [
        Trial(a.name, p)
        for a in articles
        if a.error is None
        for kind in kinds
        for p in plants_for(a, kind, args.seed, args.per_article)
    ]
    by_name = {a.name: a for a in articles}
    results = check_all([(t.name, t.plant.text) for t in trials], args.jobs, "planted")
    for t, (hits, error) in zip(trials, results):
        if error:
            t.error = error
            continue
        verdict = judge(by_name[t.name].hits, hits, t.plant)
        t.caught, t.rules, t.stray = verdict.caught, verdict.rules, verdict.stray

    summary = summarize(articles, trials, kinds)
    elapsed = time.perf_counter() - started
    meta = {
        "date": date.today().isoformat(),
        "commit": commit,
        "folders": [str(f) for f in args.folders],
        "split": args.split,
        "seed": args.seed,
        "limit": args.limit,
        "per_article": args.per_article,
        "kinds": kinds,
        "seconds": round(elapsed, 1),
    }
    print(
        f"planted benchmark {meta['date']} at {meta['commit']}: {', '.join(meta['folders'])}, split {args.split}, "
        f"seed {args.seed}, {len(articles)} articles, {len(trials)} plants, {elapsed:.0f} s"
    )
    print_table(summary)
    if args.markdown:
        print("\n" + markdown(summary))
    if args.show_missed:
        show_missed(trials, by_name, args.show_missed)
    if args.json:
        data = {
            "meta": meta,
            **summary,
            "plants": [
                {"file": t.name, **t.plant.record(), "caught": t.caught, "rules": t.rules, "stray": t.stray, "error": t.error}
                for t in trials
            ],
        }
        if str(args.json) == "-":
            json.dump(data, sys.stdout, indent=1)
        else:
            args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
