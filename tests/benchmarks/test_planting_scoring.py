"""Deciding "caught" from findings, and the fixed held-out split (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

# The planting package lives in benchmarks/ (it is not installed); a conftest.py
# here would shadow the suite's own conftest module, so each test file adds it.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import pytest
from planting.scoring import Hit, judge, new_findings  # noqa: E402
from planting.split import HELDOUT_FILE, bucket, recorded_heldout, split_of  # noqa: E402
from planting.text import insert_paragraph, replace  # noqa: E402

TEXT = "Aaa 12 cars. Bbb 40 cars. Ccc ends here."


def test_a_new_error_on_the_edit_is_a_catch():
    p = replace(TEXT, 17, 19, "60", "restated-figure")
    v = judge([], [Hit("CC201", "error", 17, 19)], p)
    assert v.caught and v.rules == ["CC201"] and v.stray == 0


def test_an_excerpt_on_the_edit_is_a_catch():
    p = replace(TEXT, 17, 19, "60", "restated-figure")
    assert judge([], [Hit("CC201", "error", 4, 6, ((17, 19),))], p).caught


def test_info_and_distant_findings_are_no_catch():
    p = replace(TEXT, 17, 19, "60", "restated-figure")
    assert not judge([], [Hit("CC303", "info", 17, 19)], p).caught
    far = judge([], [Hit("CC104", "error", 30, 40)], p)
    assert not far.caught and far.stray == 1


def test_a_clean_finding_is_matched_through_the_edit():
    p = replace(TEXT, 4, 6, "1,200", "restated-figure")  # three characters longer
    clean = [Hit("CC304", "warning", 26, 29)]
    assert new_findings(clean, [Hit("CC304", "warning", 29, 32)], p) == []
    # a clean finding on the edited words stays the same finding, widened to the new words
    on_edit = [Hit("CC201", "error", 4, 6)]
    assert new_findings(on_edit, [Hit("CC201", "error", 4, 9)], p) == []


def test_findings_are_counted_as_a_multiset():
    p = replace(TEXT, 17, 19, "60", "restated-figure")
    clean = [Hit("CC201", "error", 4, 6)]
    variant = [Hit("CC201", "error", 4, 6), Hit("CC201", "error", 4, 6)]
    assert len(new_findings(clean, variant, p)) == 1


def test_inserted_paragraph_offsets():
    text = "One.\n\nTwo."
    p = insert_paragraph(text, 4, "New words here.", "quote-two-speakers")
    clean = [Hit("CC304", "warning", 6, 9)]  # "Two" moves by the inserted paragraph
    assert new_findings(clean, [Hit("CC304", "warning", 6 + len(p.new), 9 + len(p.new))], p) == []
    assert judge(clean, [Hit("CC301", "error", 0, 3, ((p.start, p.end),))], p).caught


@pytest.mark.parametrize("name", ["afp_eng_19970401_0092.txt", "xin_eng_20061129_0392.txt", "any.txt"])
def test_split_depends_on_the_name_only(name):
    assert split_of(name) == split_of(name) and 0 <= bucket(name) < 100


def test_recorded_heldout_names_agree_with_the_hash():
    assert HELDOUT_FILE.exists()
    names = recorded_heldout()
    assert 150 <= len(names) <= 210  # about 30 % of the 600 wire articles
    assert all(split_of(n) == "heldout" for n in names)
