"""Restatement insertions: where the article gives a fact once, a later paragraph
repeats the sentence that gives it with one value changed, so the article states
the same fact twice with two values (for kinds the wire copy rarely offers).

The plant's span is the changed value inside the repeated sentence, not the whole
sentence: a finding about something else the repeated sentence says is no catch."""

from __future__ import annotations

import dataclasses
import random
import re
from typing import Optional

from .text import Article, Plant, insert_paragraph

#: Longest sentence worth repeating, in words.
MAX_WORDS = 45


def restatement(
    article: Article, start: int, end: int, new: str, kind: str, rng: random.Random, note: str = ""
) -> Optional[Plant]:
    """The sentence holding ``text[start:end]``, with those characters replaced by
    ``new``, added as a paragraph after a later one (or after its own)."""
    text = article.text
    s, e = article.sentence_at(start)
    if s == e or not s <= start < end <= e:
        return None
    sentence = text[s:e]
    if len(sentence.split()) > MAX_WORDS or re.search(r"[\"“”]", sentence) or "\n" in sentence:
        return None
    changed = text[s:start] + new + text[end:e]
    if rng.random() < 0.5 and not re.search(r"\b(?:said|says|told|according to)\b", changed) and changed.endswith("."):
        changed = changed[:-1] + rng.choice([", officials said.", ", the report said.", ", it was confirmed."])
    ends = [pe for ps, pe in article.body_paragraphs if pe >= e]
    if not ends:
        return None
    at = rng.choice(ends[1:] or ends)
    plant = insert_paragraph(text, at, changed, kind, note=note or "restated")
    value_at = plant.start + (start - s)
    return dataclasses.replace(plant, start=value_at, end=value_at + len(new))
