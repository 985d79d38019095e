"""Dispatch: every format name renders the same report."""

from __future__ import annotations

import pytest

from claimcheck.report import RENDERERS, render


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_renders_text_ending_in_a_newline(report, fmt):
    out = render(report, fmt)
    assert out and out.endswith("\n")
