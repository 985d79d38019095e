"""Shared fixtures: the English pipeline loads once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# The fuzz tests replay the same examples on every run, so a red build is
# reproducible; `pytest --hypothesis-profile=explore` searches for new ones.
settings.register_profile("replay", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("replay")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "articles" / "kursk-north-korean-troops.txt"
#: The shared evaluation data, present beside the project in development and CI.
SHARED_DATA = ROOT.parent / "shared" / "data"
DEV_ARTICLES = SHARED_DATA / "articles" / "dev"


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def sample_report():
    from claimcheck.api import check_file

    return check_file(SAMPLE)


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
