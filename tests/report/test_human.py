from __future__ import annotations

import pytest

from claimcheck.report import human


@pytest.mark.parametrize("color", [False, True])
def test_human_report(report, color):
    out = human.render(report, color=color, width=100)
    assert ("\x1b[" in out) == color
    for text in ("news/floods <2024>.md:7:26", "CC101", "event-before-onset", "help: did you mean 2024-06-03?",
                 "Timeline", "Casualties (2)", "[E001]"):
        assert text in out


@pytest.mark.parametrize("width", [80, 100])
def test_human_report_fits_the_width(report, width):
    out = human.render(report, color=False, width=width)
    assert max(len(line) for line in out.splitlines()) <= width
