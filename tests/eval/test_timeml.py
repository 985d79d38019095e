"""The TempEval-3 scorer on tiny hand-made TimeML pairs, and on the real corpora."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.eval.timeml import (
    Counts,
    GoldTimex,
    align,
    error_lines,
    evaluate,
    in_split,
    is_heldout,
    parse_tml,
    run_cli,
    strip_tags,
)


FIXTURES = Path(__file__).parent / "fixtures"


def T(start: int, end: int, type_: str = "DATE", value: str = "X") -> GoldTimex:
    return GoldTimex(start, end, "", type_, value)


@pytest.fixture(scope="module")
def pair():
    return parse_tml(FIXTURES / "gold.tml"), parse_tml(FIXTURES / "system.tml")


@pytest.mark.parametrize(
    "markup,text,spans",
    [
        ("a <TIMEX3 tid='x'>b</TIMEX3>", "a b", []),  # single quotes: not TimeML attributes, still a span
        ('AT&amp;T <TIMEX3 type="DATE">Friday</TIMEX3>.', "AT&T Friday.", [(5, 11)]),
        ('<EVENT eid="e1">fell</EVENT> <TIMEX3 type="DATE">today</TIMEX3>', "fell today", [(5, 10)]),
    ],
)
def test_strip_tags_offsets_follow_decoded_text(markup, text, spans):
    plain, found = strip_tags(markup)
    assert plain == text
    if spans:
        assert [(s, e) for s, e, _ in found] == spans


def test_parse_reads_creation_time_and_gold(pair):
    gold, _ = pair
    assert gold.dct == date(1998, 8, 10)
    assert [t.text for t in gold.timexes] == [
        "Friday", "the next three weeks", "early August 1998", "last week", "every Monday"
    ]
    assert gold.timexes[2].mod == "START"
    assert all(gold.text[t.start:t.end] == t.text for t in gold.timexes)


@pytest.mark.parametrize(
    "gold_text,system_text,strict",
    [
        ("Friday", "Friday", True),  # exact
        ("the next three weeks", "three weeks", False),  # overlapping
        ("early August 1998", "early August", False),  # split: first part matches
        ("every Monday", "Monday", False),  # overlapping, wrong type
    ],
)
def test_alignment_cases(pair, gold_text, system_text, strict):
    gold, system = pair
    pairs = align(gold.timexes, system.timexes)
    p = next(p for p in pairs if p.gold and p.gold.text == gold_text)
    assert p.system is not None and p.system.text == system_text
    assert p.strict is strict


def test_missed_and_spurious(pair):
    gold, system = pair
    pairs = align(gold.timexes, system.timexes)
    assert [p.gold.text for p in pairs if p.system is None] == ["last week"]
    assert [p.system.text for p in pairs if p.gold is None] == ["1998", "now"]  # split remainder, spurious


def test_scores_follow_tempeval3(pair):
    gold, system = pair
    counts = Counts()
    counts.add(align(gold.timexes, system.timexes))
    s = counts.scores()
    assert (counts.gold, counts.system, counts.relaxed, counts.strict) == (5, 6, 4, 1)
    assert s["relaxed_precision"] == pytest.approx(4 / 6)
    assert s["relaxed_recall"] == pytest.approx(4 / 5)
    assert s["relaxed_f1"] == pytest.approx(8 / 11)
    assert s["strict_f1"] == pytest.approx(2 / 11)
    assert s["type_accuracy"] == pytest.approx(3 / 4)
    assert s["value_accuracy"] == pytest.approx(3 / 4)
    assert s["value_f1"] == pytest.approx(3 / 4 * 8 / 11)


@pytest.mark.parametrize(
    "gold,system,matched",
    [
        # one system timex spanning two gold ones pairs with the first only
        ([T(0, 5), T(6, 10)], [T(0, 10)], [(0, 0)]),
        # greedy in document order: the first gold takes the first overlapping system timex
        ([T(0, 10)], [T(0, 3), T(4, 10)], [(0, 0)]),
        # touching is not overlapping
        ([T(0, 5)], [T(5, 9)], []),
    ],
)
def test_one_to_one_pairing(gold, system, matched):
    pairs = align(gold, system)
    got = [(gold.index(p.gold), system.index(p.system)) for p in pairs if p.gold and p.system]
    assert got == matched
    assert sum(p.gold is not None for p in pairs) == len(gold)
    assert sum(p.system is not None for p in pairs) == len(system)


def test_gold_against_itself_is_perfect(pair):
    gold, _ = pair
    counts, results = evaluate([gold], lambda text, anchor: list(gold.timexes))
    assert counts.scores()["strict_f1"] == counts.scores()["value_f1"] == 1.0
    assert error_lines(results) == []


def test_error_lines_name_each_problem(pair):
    gold, system = pair
    counts, results = evaluate([gold], lambda text, anchor: list(system.timexes))
    kinds = [line.split("\t")[1] for line in error_lines(results)]
    assert kinds == ["SPAN", "SPAN", "SPURIOUS", "MISSED", "SPAN+TYPE+VALUE", "SPURIOUS"]


@pytest.mark.parametrize("fmt", ["xml"])
def test_unknown_format_is_a_coded_error(fmt):
    with pytest.raises(InputError, match="E061"):
        run_cli([str(FIXTURES / "gold.tml")], fmt, False)


def test_missing_path_is_a_coded_error(tmp_path):
    with pytest.raises(InputError, match="E001"):
        run_cli([str(tmp_path / "nope")], "json", False)



SHARED_TIMEML = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "timeml"
SPLIT_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "timeml_split.json"


def test_split_is_by_file_name_and_partitions_the_files(tmp_path):
    files = [tmp_path / f"doc{i}.tml" for i in range(200)]
    dev, heldout = in_split(files, "dev"), in_split(files, "heldout")
    assert sorted(dev + heldout) == sorted(files) and not set(dev) & set(heldout)
    assert 0.2 < len(heldout) / len(files) < 0.35
    assert all(is_heldout(f.name) == is_heldout(str(f)) for f in files)  # the folder does not matter
    assert in_split(files, "all") == files


def test_unknown_split_and_heldout_errors_are_refused(tmp_path):
    with pytest.raises(InputError, match="E062"):
        in_split([], "test")
    with pytest.raises(InputError, match="E063"):
        run_cli([str(FIXTURES / "gold.tml")], "json", True, split="heldout")


def test_recorded_split_matches_the_rule():
    recorded = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["heldout"]
    for corpus, names in recorded.items():
        assert all(is_heldout(n) for n in names)
        folder = SHARED_TIMEML / corpus
        if folder.exists():
            assert sorted(p.name for p in folder.glob("*.tml") if is_heldout(p.name)) == names


@pytest.mark.model
@pytest.mark.parametrize(
    "corpus,strict_floor,value_floor",
    [("TimeBank", 0.88, 0.81), ("AQUAINT", 0.84, 0.77)],  # regression floors, see docs/temporal.md
)
def test_corpus_scores_do_not_regress(corpus, strict_floor, value_floor):
    path = SHARED_TIMEML / corpus
    if not path.exists():
        pytest.skip(f"{path} is not available")
    s = json.loads(run_cli([str(path)], "json", False))
    assert s["strict_f1"] >= strict_floor
    assert s["value_f1"] >= value_floor
