"""Pronoun speakers resolved against a hand check: 100 "he"/"she" speakers of direct
quotations in PolNeAR dev (outside the held-out list), each read and resolved by hand
(``data/polnear_pronoun_speakers.json``). Skipped when the corpus is absent."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from claimcheck.eval.quotes import resolved_match

from conftest import SHARED_DATA, require

DATA = Path(__file__).parent / "data" / "polnear_pronoun_speakers.json"
OTHER_COMPONENTS = ("claimcheck_dates", "claimcheck_quantities", "claimcheck_claims", "claimcheck_sources")
#: The accuracy the resolution must keep on the hand-checked speakers.
FLOOR = 0.82


def correct(expected: str | None, speaker) -> bool:
    """Right when the speaker's name gives the expected full name; for a pronoun that
    stands for someone the article does not name, when it is left unresolved."""
    if speaker is None:
        return False
    if expected is None:
        return speaker.name.lower() == speaker.text.lower()
    return resolved_match(expected, speaker.name)


@pytest.mark.model
def test_hand_checked_pronoun_speakers(nlp, capsys):
    root = require(SHARED_DATA / "polnear" / "dev" / "text")
    cases = json.loads(DATA.read_text(encoding="utf-8"))["speakers"]
    assert len(cases) == 100
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for case in cases:
        by_doc[case["doc"]].append(case)
    names = sorted(by_doc)
    texts = [(root / f"{name}.txt").read_text(encoding="utf-8") for name in names]
    wrong = []
    with nlp.select_pipes(disable=[n for n in OTHER_COMPONENTS if n in nlp.pipe_names]):
        for name, doc in zip(names, nlp.pipe(texts)):
            speakers = {(q.speaker.span.start, q.speaker.span.end): q.speaker for q in doc._.cc_quotes if q.speaker and q.speaker.span}
            for case in by_doc[name]:
                assert doc.text[case["start"] : case["end"]] == case["pronoun"]
                speaker = speakers.get((case["start"], case["end"]))
                if not correct(case["expected"], speaker):
                    wrong.append((name, case["start"], case["expected"], speaker.name if speaker else None))
    accuracy = 1 - len(wrong) / len(cases)
    with capsys.disabled():
        print(f"\nhand-checked pronoun speakers: {accuracy:.2f} right ({len(cases) - len(wrong)} of {len(cases)})")
        for name, start, expected, got in wrong:
            print(f"  {name} @{start}: {expected} (resolved: {got})")
    assert accuracy >= FLOOR, wrong
