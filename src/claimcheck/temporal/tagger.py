"""Finding and normalizing temporal expressions (placeholder: being written)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Optional

from .timex import Timex

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc


def tag(text: str, anchor: Optional[date], doc: "Doc | None" = None) -> list[Timex]:
    """Temporal expressions of ``text`` in document order, normalized against ``anchor``."""
    return []


def infer_publication(text: str, doc: "Doc | None" = None) -> tuple[Optional[date], Optional[str]]:
    """A publication date guessed from the text, and how it was found."""
    return None, None
