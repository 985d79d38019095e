"""The HeidelTime comparison benchmark reads HeidelTime's TimeML back into offsets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "compare_heideltime.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("compare_heideltime", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrap(body: str) -> str:
    return f'<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n{body}\n</TimeML>\n\n'


def test_offsets_are_into_the_text_heideltime_was_given(bench):
    text = "\nAT&T <b> said on Friday that sales rose in 2019.  \n"
    output = wrap(
        '\nAT&T <b> said on <TIMEX3 tid="t1" type="DATE" value="2020-01-03">Friday</TIMEX3> that sales rose in '
        '<TIMEX3 tid="t2" type="DATE" value="2019">2019</TIMEX3>.  \n'
    )
    found = bench.timexes_from_output(output, text)
    assert [(t.text, t.type, t.value) for t in found] == [("Friday", "DATE", "2020-01-03"), ("2019", "DATE", "2019")]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_a_changed_character_is_aligned_around(bench):
    text = "Prices fell \u2014 sharply \u2014 on Monday, dealers said."
    output = wrap('Prices fell - sharply - on <TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-1">Monday</TIMEX3>, dealers said.')
    (found,) = bench.timexes_from_output(output, text)
    assert (found.text, found.start) == ("Monday", text.index("Monday"))


def test_output_without_timeml_is_a_failure(bench):
    with pytest.raises(bench.HeidelTimeError):
        bench.timexes_from_output("Exception in thread main", "text")


def test_a_document_heideltime_fails_on_counts_as_no_output(bench, tmp_path, monkeypatch):
    from datetime import date

    from claimcheck.eval.timeml import TimeMLDoc

    def fail(*args, **kwargs):
        raise bench.HeidelTimeError("exit 1: java.lang.OutOfMemoryError")

    home = tmp_path / "Heideltime"
    (home / "TreeTaggerLinux" / "bin").mkdir(parents=True)
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "config_props_template").write_text("treeTaggerHome = {path}\n")
    monkeypatch.setattr(bench, "heideltime_home", lambda: home)
    monkeypatch.setattr(bench, "run_heideltime", fail)
    docs = [TimeMLDoc("a.tml", "It rained on Monday.", date(2024, 11, 20), [])]
    results, failures = bench.heideltime_tagger(docs, 1, tmp_path / "cache")
    assert results == {"a.tml": []}
    assert failures == {"a.tml": "exit 1: java.lang.OutOfMemoryError"}
