"""Who a mention refers to: people, pronouns with agreement, descriptions, name variants."""

from __future__ import annotations

import pytest

from claimcheck.language.reference import name_variants, references, same_name


def resolve(nlp, text: str, word: str, nth: int = 0):
    doc = nlp(text)
    tokens = [t for t in doc if t.text == word]
    entity = references(doc).resolve(tokens[nth])
    return entity.name if entity is not None else None


@pytest.mark.model
@pytest.mark.parametrize(
    "text,word,nth,expected",
    [
        # gender from an honorific beats recency
        ("Mrs. Elena Ortiz met Mr. Daniel Kwame on Monday. Later she said the talks went well.", "she", 0, "Elena Ortiz"),
        ("Mrs. Elena Ortiz met Mr. Daniel Kwame on Monday. Later he said the talks went well.", "he", 0, "Daniel Kwame"),
        # a she never resolves to a man named earlier (gender from the given name)
        ("Robert Mendes opened the hearing. She asked for a recess.", "She", 0, None),
        # the subject of the previous sentence is preferred over a later object
        ("Maria Lopez praised Ana Silva on Tuesday. She also criticised the budget.", "She", 0, "Maria Lopez"),
        # an object pronoun is never the subject of its own clause
        ("John Harris met Peter Novak. Harris told him the plan was dead.", "him", 0, "Peter Novak"),
        # a surname alone is the full name given before
        ("Defence Minister Aiko Tanaka visited the base. Tanaka said the drills would continue.", "Tanaka", 1, "Aiko Tanaka"),
    ],
)
def test_person_resolution(nlp, text, word, nth, expected):
    assert resolve(nlp, text, word, nth) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text,word,expected",
    [
        ("Marco Ruiz, 52, was arrested in Lyon. The 52-year-old denied the charges.", "old", "Marco Ruiz"),
        ("Ana Ortiz, 61, and Marco Ruiz, 52, were arrested. The 61-year-old denied the charges.", "old", "Ana Ortiz"),
        ("The spokeswoman, Ana Lim, spoke first. Then Karl Berg, a father of two, spoke. The woman left early.", "woman", "Ana Lim"),
    ],
)
def test_descriptions_resolve_to_the_person_they_fit(nlp, text, word, expected):
    assert resolve(nlp, text, word) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", ["The Health Ministry confirmed 40 cases. It said 12 patients were in intensive care."])
def test_it_resolves_to_an_organization(nlp, text):
    assert resolve(nlp, text, "It") == "Health Ministry"


@pytest.mark.model
@pytest.mark.parametrize("text", ["Volodymyr Zelensky spoke on Monday. President Zelenskyy added that talks would go on."])
def test_spelling_variants_are_one_person(nlp, text):
    doc = nlp(text)
    people = list(references(doc).people())
    assert len(people) == 1 and set(people[0].spellings) == {"Volodymyr Zelensky", "Zelenskyy"}


@pytest.mark.parametrize(
    "a,b,variant",
    [
        ("Volodymyr Zelensky", "Zelenskyy", True),
        ("Kim Jong-un", "Kim Jong Un", True),
        ("Kim Jong Un", "Kim Jong Un", False),
        ("Maria Lopez", "Mario Lopez", False),  # same surname: not a spelling variant
        ("John Smith", "Jane Smyth", False),  # different given names
    ],
)
def test_name_variants(a, b, variant):
    assert name_variants(a, b) is variant


@pytest.mark.parametrize("a,b,same", [("Marco Ruiz", "Ruiz", True), ("Marco Ruiz", "Ana Ruiz", False)])
def test_same_name(a, b, same):
    assert same_name(a, b) is same
