"""Giving a model's component a class of claimcheck's that works over the doc's arrays."""

from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=None)
def with_mixin(mixin: type, kind: type) -> type:
    """``kind`` with ``mixin``'s methods first, named ``Array<kind>`` in ``mixin``'s module
    (so that pickle finds the class by name)."""
    mixed = type(f"Array{kind.__name__}", (mixin, kind), {"__module__": mixin.__module__})
    setattr(sys.modules[mixin.__module__], mixed.__name__, mixed)
    return mixed
