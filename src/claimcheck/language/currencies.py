"""Currency names: which words after a number name money, and in which currency, from the
Unicode CLDR (with Babel).

A name is matched token by token after the number ("300 million *Zambian kwacha*",
"12 billion *Hong Kong dollars*"). Three tiers, the first that names a phrase wins:

1. the quantities lexicon's own ``currency_words`` (the usual reading in news copy:
   "dollars" is USD, "yuan" CNY), each in either grammatical number as CLDR spells it
   ("shillings" is KES, so is "a 3 billion shilling budget");
2. CLDR's English names of each currency, singular and plural ("Iraqi dinars": IQD,
   "Lithuanian litas": LTL); a current currency's name wins over a former one's;
3. the last word of those names alone ("ringgit": MYR, "tolars": SIT) when it names one
   currency, or several that were one currency over time; a word several countries use
   ("dinars", "riyals") names that kind of money, not one country's, as ``DINAR``, ``RIYAL``.

Words that after a number are usually something else ("real", "marks", "soles") are the
lexicon's ``currency_homographs`` and never name money alone. Codes of ISO 4217's
supranational X-block are left out (gold, fund units, testing codes), but for the four that
are currencies of their own (the CFA francs, the East Caribbean dollar, the CFP franc).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: ISO 4217 X-codes that are currencies (the rest are metals, fund units and test codes).
X_CURRENCIES = frozenset({"XAF", "XOF", "XCD", "XPF"})

_FORMER = re.compile(r"\s*\([^)]*\)")
_TOKEN = re.compile(r"[^\W_]+(?:['ʻ’][^\W_]+)*|[^\w\s]")


def words_of(name: str) -> tuple[str, ...]:
    """A name's lower-case words, split as the tokenizer splits them ("CFA francs",
    "São Tomé & Príncipe dobras")."""
    return tuple(_TOKEN.findall(name.lower()))


@lru_cache(maxsize=1)
def _cldr_names() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...], bool], ...]:
    """(code, singular words, plural words, former) for each currency CLDR names in English."""
    from babel.numbers import get_currency_name, list_currencies

    out = []
    for code in sorted(list_currencies()):
        if code.startswith("X") and code not in X_CURRENCIES:
            continue
        one, many = (get_currency_name(code, count=n, locale="en") for n in (1, 2))
        former = "(" in one
        one_words, many_words = words_of(_FORMER.sub("", one)), words_of(_FORMER.sub("", many))
        if one_words and many_words:
            out.append((code, one_words, many_words, former))
    return tuple(out)


@lru_cache(maxsize=1)
def other_numbers() -> dict[str, frozenset[str]]:
    """A currency word → the same word in the other grammatical number, as CLDR spells the two
    ("shilling" ↔ "shillings", "yen" ↔ "yen"): a lexicon's reading of one holds for the other."""
    out: dict[str, set[str]] = {}
    for _, one, many, _ in _cldr_names():
        if one[-1] != many[-1]:
            out.setdefault(one[-1], set()).add(many[-1])
            out.setdefault(many[-1], set()).add(one[-1])
    return {word: frozenset(others) for word, others in out.items()}


def currency_names(homographs: Iterable[str] = ()) -> dict[tuple[str, ...], str]:
    """Lower-case word tuples → the ISO code (or kind of money) they name after a number:
    CLDR's full names (tier 2 above) and their last words (tier 3), less ``homographs``."""
    skip = frozenset(homographs)
    full: dict[tuple[str, ...], tuple[bool, str]] = {}
    last: dict[str, set[tuple[str, bool]]] = {}
    kind_of: dict[str, str] = {}
    for code, one, many, former in _cldr_names():
        for words in (one, many):
            if words not in full or full[words][0] and not former:
                full[words] = (former, code)
            last.setdefault(words[-1], set()).add((code, former))
            kind_of[words[-1]] = one[-1]
    names = {words: code for words, (_, code) in full.items() if len(words) > 1}
    for word, codes in last.items():
        if word in skip or not word.isalpha():
            continue
        current = {c for c, former in codes if not former}
        if len(current) == 1 or not current and len({c for c, _ in codes}) == 1:
            names.setdefault((word,), next(iter(current or {c for c, _ in codes})))
        else:
            names.setdefault((word,), kind_of[word].upper())
    return names
