"""Units of measure: the dimensions known without pint are pint's."""

from __future__ import annotations

import pytest

from claimcheck.language import units
from claimcheck.pipeline.quantities import lexicon


@pytest.mark.parametrize("unit", sorted(units.KNOWN_DIMENSIONS))
def test_known_dimension_is_pints(unit):
    assert units.pint_dimension(unit) == units.KNOWN_DIMENSIONS[unit]


def test_every_lexicon_unit_is_known():
    assert set(lexicon().units.values()) <= set(units.KNOWN_DIMENSIONS)
