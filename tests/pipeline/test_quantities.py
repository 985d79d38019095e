"""The quantities component on news sentences: hedges, ranges, words, money, filters."""

from __future__ import annotations

import pytest
import spacy

from claimcheck.pipeline.quantities import QuantityMention, find_quantities, lexicon

pytestmark = pytest.mark.model


def quantities(nlp, text: str, dates: bool = True) -> list[QuantityMention]:
    """Run the pipeline up to and including ``claimcheck_quantities`` (``dates``: with the dates component)."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name != "claimcheck_dates" or dates:
            doc = proc(doc)
        if name == "claimcheck_quantities":
            break
    return doc._.cc_quantities


def only(nlp, text: str, surface: str, dates: bool = True) -> QuantityMention:
    """The one mention whose text is ``surface``."""
    found = [m for m in quantities(nlp, text, dates) if m.quantity.text == surface]
    assert len(found) == 1, [m.quantity.text for m in quantities(nlp, text, dates)]
    return found[0]


@pytest.mark.parametrize(
    "text,surface,value,hedge,noun",
    [
        ("By early November, approximately 30 North Korean troops were killed.", "approximately 30", 30, "approximately", "troops"),
        ("There are around 10,000 North Korean soldiers currently in Kursk.", "around 10,000", 10000, "around", "soldiers"),
        ("South Korea evacuated about 80 people in the town of Yeoncheon.", "about 80", 80, "about", "people"),
        ("The program has paid out money in some 20 cases around the world.", "some 20", 20, "some", "cases"),
        ("Aid groups said roughly 1,500 families had fled the shelling.", "roughly 1,500", 1500, "roughly", "families"),
        ("Officials confront an estimated 200,000 Iraqi soldiers now in Kuwait.", "an estimated 200,000", 200000, "an estimated", "soldiers"),
    ],
)
def test_approximate_hedges_keep_the_value(nlp, text, surface, value, hedge, noun):
    q = only(nlp, text, surface).quantity
    assert (q.value, q.approximate, q.hedge, q.noun) == (value, True, hedge, noun)
    assert q.low is None and q.high is None


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Nearly 9,000 Soviets were among the foreigners trapped in Iraq.", "Nearly 9,000", 9000),
        ("The blast wounded almost 40 people near the market.", "almost 40", 40),
    ],
)
def test_nearly_and_almost_cap_the_value(nlp, text, surface, value):
    q = only(nlp, text, surface).quantity
    assert (q.value, q.high, q.high_inclusive, q.approximate, q.low) == (value, value, False, True, None)


@pytest.mark.parametrize(
    "text,surface,low,high",
    [
        ("Several hundred reportedly have been killed or wounded.", "Several hundred", 300, 900),
        ("Hundreds of soldiers crossed the border overnight.", "Hundreds", 200, 999),
        ("Dozens of people were still missing on Saturday.", "Dozens", 24, 99),
        ("In Cuba, tens of thousands of people rallied in a seaside plaza.", "tens of thousands", 20000, 99999),
        ("Thousands of residents fled the city as fighting spread.", "Thousands", 2000, 9999),
        ("Nearly 9,000 Soviets were among the hundreds of thousands of foreigners trapped.", "hundreds of thousands", 200000, 999999),
        ("Rebels seized several villages in the north.", "several", 3, 9),
        ("A few thousand protesters gathered outside parliament.", "A few thousand", 2000, 5000),
    ],
)
def test_vague_quantities_have_bounds(nlp, text, surface, low, high):
    q = only(nlp, text, surface).quantity
    assert (q.low, q.high, q.approximate) == (low, high, True)
    assert low <= q.value <= high


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("A dozen villages were shelled overnight.", "A dozen", 12),
        ("Police arrested half a dozen men near the stadium.", "half a dozen", 6),
        ("The unit lost two dozen vehicles in a week.", "two dozen", 24),
    ],
)
def test_dozens(nlp, text, surface, value):
    assert only(nlp, text, surface).quantity.value == value


@pytest.mark.parametrize(
    "text,surface,low,high,noun",
    [
        ("Between 20 and 30 people were detained at the rally.", "Between 20 and 30", 20, 30, "people"),
        ("The attack destroyed from 5 to 10 tanks, the ministry said.", "from 5 to 10", 5, 10, "tanks"),
        ("Another 30 to 40 were wounded in the second strike.", "30 to 40", 30, 40, None),
        ("Officials said 30-40 civilians were hurt.", "30-40", 30, 40, "civilians"),
        ("We could have scored two or three goals in the first half.", "two or three", 2, 3, "goals"),
        ("Construction costs ranged from $1 billion to $1.2 billion.", "from $1 billion to $1.2 billion", 1e9, 1.2e9, None),
        ("The fund will raise between 2 and 3 million dollars.", "between 2 and 3 million dollars", 2e6, 3e6, None),
    ],
)
def test_ranges_take_the_midpoint(nlp, text, surface, low, high, noun):
    q = only(nlp, text, surface).quantity
    assert (q.low, q.high, q.noun) == (low, high, noun)
    assert q.value == pytest.approx((low + high) / 2)


@pytest.mark.parametrize(
    "text,surface,low,high,low_inclusive,high_inclusive",
    [
        ("At least 82 were killed, officials said.", "At least 82", 82, None, True, True),
        ("The bureau has questioned more than 100 people there.", "more than 100", 100, None, False, True),
        ("Officials said over 345 Muslim pilgrims have been killed.", "over 345", 345, None, False, True),
        ("Fewer than 50 marines remain at the base.", "Fewer than 50", None, 50, True, False),
        ("Turnout was less than 40 percent in the capital.", "less than 40 percent", None, 40, True, False),
        ("Bush can call up to 200,000 reservists for duty.", "up to 200,000", None, 200000, True, True),
        ("His age is no less than thirty, the court heard.", "no less than thirty", 30, None, True, True),
        ("As many as 100 people may have died in the flood.", "As many as 100", None, 100, True, True),
        ("Share rose to 30% or more, analysts said.", "30% or more", 30, None, True, True),
    ],
)
def test_bounds(nlp, text, surface, low, high, low_inclusive, high_inclusive):
    q = only(nlp, text, surface).quantity
    assert (q.low, q.high, q.low_inclusive, q.high_inclusive) == (low, high, low_inclusive, high_inclusive)


@pytest.mark.parametrize(
    "text,surface,value,noun",
    [
        ("The blast resulted in the deaths of eight Russian soldiers.", "eight", 8, "soldiers"),
        ("Rebels captured twenty-five tanks near the river.", "twenty-five", 25, "tanks"),
        ("Russia launched three hundred drones at Kyiv.", "three hundred", 300, "drones"),
        ("Iraq has 17 million residents.", "17 million", 17e6, "residents"),
        ("The war displaced 1.5 million people.", "1.5 million", 1.5e6, "people"),
        ("A million refugees crossed into Poland.", "A million", 1e6, "refugees"),
        ("The group counted one hundred and six victims.", "one hundred and six", 106, "victims"),
        ("Kuwait has about 1.9 million people.", "about 1.9 million", 1.9e6, "people"),
    ],
)
def test_number_words_and_scales(nlp, text, surface, value, noun):
    """Reading the words, without the dates component (it may read "twenty-five" as a year)."""
    q = only(nlp, text, surface, dates=False).quantity
    assert (q.value, q.noun) == (value, noun)


@pytest.mark.parametrize(
    "text,surface,value,unit",
    [
        ("The pledges of support, totaling $5.6 billion, hang in the balance.", "$5.6 billion", 5.6e9, "USD"),
        ("The EU approved €200 million in aid.", "€200 million", 2e8, "EUR"),
        ("The council spent £3m on repairs.", "£3m", 3e6, "GBP"),
        ("Investors put US$1.2bn into the project.", "US$1.2bn", 1.2e9, "USD"),
        ("The donor gave about 5 million dollars.", "about 5 million dollars", 5e6, "USD"),
        ("The school was asked to pay over 422,000 euros in arrears.", "over 422,000 euros", 422000, "EUR"),
        ("He was released on US$ 20,000 bail on Thursday.", "US$ 20,000", 20000, "USD"),
        ("Wages rose 4 cents, to $12.51.", "4 cents", 0.04, "USD"),
        ("The state offers a reward of up to dlrs 2 million.", "up to dlrs 2 million", 2e6, "USD"),
        # currency names from CLDR: a full name, a last word that names one currency, a kind of money
        ("The ministry set aside 410 billion Malawian kwacha for seed.", "410 billion Malawian kwacha", 4.1e11, "MWK"),
        ("Tickets to the final cost 85 Canadian dollars.", "85 Canadian dollars", 85, "CAD"),
        ("A kilo of durian sells for 14 ringgit at the stall.", "14 ringgit", 14, "MYR"),
        ("The fine was raised to 2,000 dinars last year.", "2,000 dinars", 2000, "DINAR"),
        ("Fares were raised in 2011 to 40 dollars.", "40 dollars", 40, "USD"),  # a year is no range's first number
    ],
)
def test_money(nlp, text, surface, value, unit):
    m = only(nlp, text, surface)
    assert m.kind == "money"
    assert (m.quantity.value, m.quantity.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("Iraq controls 20 percent of the world's oil reserves.", "20 percent", 20),
        ("Net fell 16% to $123.1 million.", "16%", 16),
        ("Unemployment fell to 4.7 per cent last month.", "4.7 per cent", 4.7),
    ],
)
def test_percent(nlp, text, surface, value):
    m = only(nlp, text, surface)
    assert (m.kind, m.quantity.value, m.quantity.unit) == ("percent", value, "percent")


@pytest.mark.parametrize(
    "text,surface,value",
    [
        ("A third of the 900 members voted against the motion.", "A third", 1 / 3),
        ("Nearly a fifth of the harvest was lost to the drought.", "Nearly a fifth", 0.2),
        ("Some 4,000, or a third, of the 12,000 workers went on strike.", "a third", 1 / 3),
        ("Half of the 40 passengers were children.", "Half", 0.5),
        ("Half the 600 members backed the leader.", "Half", 0.5),
    ],
)
def test_fraction_of_a_whole(nlp, text, surface, value):
    m = only(nlp, text, surface)
    assert m.kind == "fraction" and m.quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term in office in the spring.",
        "Rain stopped play in the second half of the match.",
        "The other half of the road was closed.",
    ],
)
def test_fraction_words_that_are_no_share(nlp, text):
    assert [m.quantity.text for m in quantities(nlp, text) if m.kind == "fraction"] == []


@pytest.mark.parametrize(
    "text,surface,unit",
    [
        ("The car bombings occurred 700 kilometers (450 miles) from each other.", "700 kilometers", "kilometre"),
        ("Soviets may leave only by a 1,200-mile road route.", "1,200-mile", "mile"),
        ("Albright announced a gift of 500 pounds (225 kilograms) of supplies.", "225 kilograms", "kilogram"),
    ],
)
def test_measures(nlp, text, surface, unit):
    m = only(nlp, text, surface)
    assert (m.kind, m.quantity.unit) == ("measure", unit)


@pytest.mark.parametrize(
    "text",
    [
        "On December 14, 2023, a unit fired on its own side.",
        "The Aug. 7, 1998, bombings shocked the region.",
        "Kopp had been arrested in several states since 1990 for protests.",
        "The ceasefire took effect at 10:30 a.m. local time.",
        "For details call 555-123-4567 before noon.",
        "The embassy can be reached at (254-2) 751-613.",
        "See page 12 of the report and Article 5 of the treaty.",
        "One of them said no one came.",
        "He lost the match for the second time.",
        "Warrants were issued for James C. Kopp, 44, of St. Albans.",
        "Sweden defeated South Korea 1 – 0 on Monday.",
        "The company had a one-time charge and five-star hotels.",
        "The talks lasted three days and a 25-year-old was arrested.",
        "We produced nothing in 2013-14.",
    ],
)
def test_not_quantities(nlp, text):
    kept = [m.quantity.text for m in quantities(nlp, text) if m.kind == "count"]
    assert kept == [] or "several" in kept


@pytest.mark.parametrize(
    "text,values",
    [
        ("The death toll rose from 5 to 10 on Monday.", [5, 10]),
        ("The enlargement of NATO from 16 members to 19 took a decade.", [16, 19]),
    ],
)
def test_changes_are_not_ranges(nlp, text, values):
    assert [m.quantity.value for m in quantities(nlp, text)] == values


@pytest.mark.parametrize(
    "text,surface,token_text,noun_text",
    [("Officials say approximately 30 North Korean troops died.", "approximately 30", "approximately 30", "troops")],
)
def test_offsets_and_token_indices(nlp, text, surface, token_text, noun_text):
    m = only(nlp, text, surface)
    doc = nlp.make_doc(text)
    assert text[m.start : m.end] == surface
    assert doc[m.token_start : m.token_end].text == token_text
    assert doc[m.noun_i].text == noun_text


@pytest.mark.parametrize(
    "timexes,expected",
    [(None, ["12", "30"]), ([], ["12", "30"]), ([(15, 17)], ["30"])],
)
def test_timexes_from_the_dates_component_are_skipped(timexes, expected):
    """A hand-built doc: numbers inside ``cc_timexes`` spans are not quantities."""

    class Timex:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    doc = spacy.blank("en")("Fighting since 12 killed 30 soldiers.")
    doc._.cc_timexes = None if timexes is None else [Timex(*t) for t in timexes]
    assert [m.quantity.text for m in find_quantities(doc)] == expected


@pytest.mark.parametrize("role", ["approximate", "almost", "more_than", "at_least", "less_than", "at_most"])
def test_lexicon_has_every_hedge_role(role):
    assert lexicon().hedges[role]


@pytest.mark.parametrize(
    "text,surface,noun",
    [
        ("The coalition took 41 of 75 seats in the regional vote.", "41", "seats"),
        ("Inspectors failed 9 of 30 restaurants on the high street.", "9", "restaurants"),
        ("Inspectors failed 9 of the 30 restaurants on the high street.", "9", "restaurants"),
    ],
)
def test_a_part_counts_what_its_whole_counts(nlp, text, surface, noun):
    assert only(nlp, text, surface).quantity.noun == noun


@pytest.mark.parametrize(
    "text,surface,noun",
    [
        ("The city's population rose to 3.2 million last year.", "3.2 million", None),
        ("The club sold 12,000 tickets last week.", "12,000", "tickets"),
        ("Some 400 people died there last summer.", "Some 400", "people"),
    ],
)
def test_a_word_of_a_date_is_no_counted_noun(nlp, text, surface, noun):
    assert only(nlp, text, surface).quantity.noun == noun
