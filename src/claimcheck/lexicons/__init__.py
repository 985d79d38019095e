"""Word lists as package data: JSON files here, loaded once and validated.

Each file is a JSON object; :func:`load` returns it parsed into the pydantic
model the caller names, so a typo in a lexicon fails loudly at load time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


@lru_cache(maxsize=None)
def read(name: str) -> dict:
    """The parsed JSON object of ``lexicons/<name>.json``."""
    with resources.files(__name__).joinpath(f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def load(name: str, model: type[M]) -> M:
    """``lexicons/<name>.json`` validated as ``model``."""
    return model.model_validate(read(name))
