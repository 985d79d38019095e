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
        # an age no one named has: the latest person who fits otherwise (the two ages then conflict)
        ("Officials named Tomas Halvorsen, 52, as the new harbour master. The 49-year-old said he would start in May.", "old", "Tomas Halvorsen"),
        # unless someone unnamed was given that age
        ("A 49-year-old man was hurt. Police questioned Tomas Halvorsen, 52. The 49-year-old was released.", "old", None),
        # or when someone unnamed was brought in since
        ("Tomas Halvorsen, 52, saw the robbery. Police later arrested a man. The 30-year-old was charged.", "old", None),
        # the person of that age before a nearer one of no stated age
        ("Lena Fischer, 44, will take over from Jonas Weber in May. The 44-year-old said she was honoured.", "old", "Lena Fischer"),
        # but not by an apposition describing the person named
        ("Marta Kowalski, 47, a nurse from Gdansk, won the marathon. The 49-year-old said she trained at night.", "old", "Marta Kowalski"),
    ],
)
def test_descriptions_resolve_to_the_person_they_fit(nlp, text, word, expected):
    assert resolve(nlp, text, word, nth=-1 if word == "old" else 0) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text,age",
    [("Marco Ruiz, 52, was arrested in Lyon.", 52.0), ("Opener Marco Ruiz (52) was out before lunch.", None)],
)
def test_an_age_is_set_off_with_commas(nlp, text, age):
    from claimcheck.language.reference import stated_age

    doc = nlp(text)
    number = next(t for t in doc if t.like_num)
    assert stated_age(number) == age


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


def speaker_name(nlp, text: str) -> str | None:
    """The resolved name of the last quotation's speaker."""
    doc = nlp(text)
    speaker = doc._.cc_quotes[-1].speaker
    return speaker.name if speaker is not None else None


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expected",
    [
        # a pronoun carries its antecedent over sentences that name no one
        (
            "Arturo Pellegrini said he expected Senator Ruth Adler to recover soon. But he said the party "
            "needed a fallback. The rules give the committee little room. “We would be fools not to plan,” he said.",
            "Arturo Pellegrini",
        ),
        # the people a quotation names are not its speaker
        (
            "Coach Ben Ortega watched from the bench. “Without Lukas Berg we would have lost,” he said.",
            "Ben Ortega",
        ),
        # the object of "according to" is a source, ranked like a subject
        (
            "According to Ines Varga, the mayor's plan ignored Tomas Reid's warnings. “It was rushed,” she said.",
            "Ines Varga",
        ),
        # a name written alone is a given name: "she" skips Kevin
        ("Melanie watched the rally while Kevin slept. “He is ours,” she said.", "Melanie"),
        # a possessive in the subject's own phrase is someone else's: Brisk stays a man
        (
            "Karen Holt debated Donald Brisk on Friday. Brisk, her opponent, said little. “I will win,” he said.",
            "Donald Brisk",
        ),
    ],
)
def test_pronoun_speakers_resolve_with_agreement(nlp, text, expected):
    assert speaker_name(nlp, text) == expected


@pytest.mark.model
def test_a_pronoun_for_an_unnamed_relative_stays_unnamed(nlp):
    text = "Paul Okoro ran the shop for years. My father often visited it. “We live in hard times,” he said."
    assert speaker_name(nlp, text) == "he"


@pytest.mark.model
def test_lower_case_words_are_not_part_of_a_name(nlp):
    doc = nlp("The pro-Clinton crowd cheered. Hillary Clinton spoke at noon. “We are ready,” she said.")
    assert "pro-Clinton" not in [e.name for e in references(doc).people()]


@pytest.mark.parametrize(
    "words,pos,holder",
    [
        (["Moreau", ",", "who", "is", "52", ",", "said"], ["PROPN", "PUNCT", "PRON", "AUX", "NUM", "PUNCT", "VERB"], "Moreau"),
        (["Voss", ",", "which", "is", "12", "kilometres", "away"], ["PROPN", "PUNCT", "PRON", "AUX", "NUM", "NOUN", "ADV"], None),
        (["Moreau", ",", "who", "is", "52", "kilometres", "away"], ["PROPN", "PUNCT", "PRON", "AUX", "NUM", "NOUN", "ADV"], None),
    ],
)
def test_an_age_told_in_a_clause_of_its_own(words, pos, holder):
    import spacy
    from spacy.tokens import Doc

    from claimcheck.language.reference import age_clause_holder

    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    found = age_clause_holder(doc[4])
    assert (found.text if found is not None else None) == holder
