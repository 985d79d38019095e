"""claimcheck's temporal engine: TIMEX3 tagging and normalization.

One date engine serves the claim extractor and ``claimcheck eval timeml``.

- :func:`tag` finds temporal expressions in text and normalizes them against
  an anchor (the publication date) and the reference times the text sets.
- :func:`infer_publication` guesses a publication date from the text itself.
"""

from __future__ import annotations

from .timex import Timex
from .publication import infer_publication
from .tagger import tag

__all__ = ["Timex", "tag", "infer_publication"]
