"""The fixed held-out split: an article is held out when a stable hash of its file
name falls in the first 30 of 100 buckets. ``heldout.txt`` beside this module records
the held-out names of the wire corpus (names only), so the split can be read and
checked without running anything."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

HELDOUT_PERCENT = 30
HELDOUT_FILE = Path(__file__).with_name("heldout.txt")


def bucket(name: str) -> int:
    """0..99 from the file name alone (not its folder, not its text)."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:8], 16) % 100


def split_of(name: str) -> str:
    return "heldout" if bucket(name) < HELDOUT_PERCENT else "dev"


@lru_cache(maxsize=1)
def recorded_heldout() -> frozenset[str]:
    if not HELDOUT_FILE.exists():
        return frozenset()
    lines = HELDOUT_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def check_recorded(names: list[str]) -> list[str]:
    """Names whose recorded split disagrees with the hash (empty when all is well)."""
    recorded = recorded_heldout()
    return [n for n in names if n in recorded and split_of(n) != "heldout"]
