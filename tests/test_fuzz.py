"""Property-based: arbitrary text never crashes a reader, the pipeline, the checker or a renderer."""

from __future__ import annotations

import importlib
import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import __version__
from claimcheck.errors import ClaimcheckError
from claimcheck.inputs import read_text
from claimcheck.models import Report
from claimcheck.report import RENDERERS, render

#: Prose-like text: words, numbers, dates, quotes, markup characters and any unicode.
news_alphabet = st.sampled_from(
    list("abcdefghij ABC 0123456789 .,;:!?\"'“”‘’-–—()[]*_#<>/&\n\t")
    + ["killed", "troops", "December 14, 2023", "last week", "said", "according to", "<!-- claimcheck-disable -->"]
)
news_text = st.one_of(st.text(max_size=400), st.lists(news_alphabet, max_size=120).map("".join))
JSON_FORMATS = {"json", "sarif"}


def available_formats() -> list[str]:
    formats = []
    for name, module in RENDERERS.items():
        try:
            importlib.import_module(f"claimcheck.report.{module}")
        except ModuleNotFoundError:
            continue
        formats.append(name)
    return formats


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_text)
def test_readers_map_every_character_into_the_file(suffix, text):
    try:
        doc = read_text(text, "a" + suffix)
    except ClaimcheckError as exc:
        assert "\n" not in str(exc)
        return
    offsets = doc.source_map.offsets
    if offsets is not None:
        assert len(offsets) == len(doc.text) + 1
        assert all(0 <= o <= len(text) for o in offsets)
    span = doc.source_map.span(0, len(doc.text), doc.text)
    assert 0 <= span.start <= span.end <= len(text)


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".txt", ".md"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_text, published=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))))
def test_pipeline_checker_and_renderers_never_crash(nlp, suffix, text, published):
    from claimcheck.api import Options, check_documents

    try:
        document = read_text(text, "fuzz" + suffix)
    except ClaimcheckError:
        return
    reports = check_documents([document], Options(published=published))
    report = Report(claimcheck=__version__, documents=reports).summarize()
    Report.model_validate_json(report.model_dump_json())
    for fmt in available_formats():
        out = render(report, fmt)
        assert isinstance(out, str)
        if fmt in JSON_FORMATS:
            json.loads(out)
