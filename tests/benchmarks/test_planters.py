"""Every planter on small texts written for the purpose: where it plants, what it
writes, and that it leaves an article without the pattern alone (no model)."""

from __future__ import annotations

import sys
from pathlib import Path

# The planting package lives in benchmarks/ (it is not installed); a conftest.py
# here would shadow the suite's own conftest module, so each test file adds it.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import random
import re
from datetime import date

import pytest
from planting import KINDS  # noqa: E402
from planting.dates import WEEKDAYS  # noqa: E402

PUBLISHED = date(2011, 3, 9)  # a Wednesday


def article(*paragraphs: str, headline: str = "Storm batters the islands") -> str:
    return "date: 2011-03-09\n\n" + headline + "\n\n" + "\n\n".join(paragraphs)


def plants(kind: str, text: str, seed: int = 0):
    return KINDS[kind](text, None, random.Random(seed))


def only(kind: str, text: str, inserted: bool = False):
    found = [p for p in plants(kind, text) if p.inserted is inserted]
    assert len(found) == 1, found
    return found[0]


PLAIN = article("The mayor opened the new bridge.", "Traffic was light.")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_planter_leaves_a_plain_article_alone(kind):
    assert plants(kind, PLAIN) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_planters_are_deterministic(kind):
    text = article(
        "Rescuers said 14 fishermen were missing after the storm hit on March 2, 2011, and 30 houses, or 40 percent, of the 75 houses were flattened.",
        'Mayor Ana Ruiz, 47, said: "We will rebuild every single house on this island." Colonel Tomas Vidal said the army would help.',
        "The 14 fishermen left port from March 1 to March 3. Ruiz said aid would come. The coast guard team arrived on Monday.",
    )
    assert [p.record() for p in plants(kind, text, 5)] == [p.record() for p in plants(kind, text, 5)]


def test_restated_figure_changes_one_occurrence():
    text = article("Fourteen fishermen were missing on Monday.", "Officials said fourteen fishermen had left port before dawn.")
    p = only("restated-figure", text)
    assert p.old == "fourteen" or p.old == "Fourteen"
    assert re.fullmatch(r"[A-Za-z-]+", p.new) and p.new.lower() != "fourteen"
    assert p.text[p.start : p.end] == p.new


def edited(kind: str, text: str):
    return [p for p in plants(kind, text) if not p.inserted]


def test_restated_figure_needs_two_sentences_and_the_same_noun():
    assert edited("restated-figure", article("Fourteen fishermen and fourteen sailors were missing.")) == []
    assert edited("restated-figure", article("Fourteen fishermen were missing.", "Fourteen sailors were found.")) == []


def test_a_figure_given_once_is_restated_with_another_value():
    text = article("Fourteen fishermen were missing on Monday.", "The search went on.")
    p = only("restated-figure", text, inserted=True)
    assert p.new.startswith("\n\n") and p.at == len(text)
    sentence = p.new.strip()
    assert re.match(r"[A-Z][a-z-]+ fishermen were missing on Monday", sentence) and not sentence.startswith("Fourteen ")
    assert p.planted == sentence.split()[0]  # the span is the changed value


@pytest.mark.parametrize(
    "kind,sentence,changed",
    [
        ("restated-money", "The bridge cost 40 million dollars.", r"The bridge cost [\d.]+ million dollars"),
        ("restated-duration", "She began a four-year term in January.", r"She began a [a-z]+-year term in January"),
        ("restated-date", "The ferry sank on March 4.", r"The ferry sank on March \d+"),
        ("restated-times", "Voters chose him for the third time.", r"Voters chose him for the (?:fourth|fifth|first) time"),
        ("hedge-direction", "More than 300 houses were destroyed.", r"Nearly 300 houses were destroyed"),
    ],
)
def test_restatements(kind, sentence, changed):
    text = article(sentence, "The search went on.")
    p = only(kind, text, inserted=True)
    repeated = p.new.strip()
    assert re.match(changed, repeated) and repeated.split(",")[0].rstrip(".") != sentence.rstrip(".")
    assert p.planted in repeated and p.planted not in ("", repeated)


def test_quotations_are_not_restated():
    assert [p for p in plants("restated-money", article('"It cost 40 million dollars," she said.', "More.")) if p.inserted] == []


def test_headline_figure():
    text = article("The storm killed 23 people on Monday.", headline="Storm kills 23 on islands")
    p = only("headline-figure", text)
    assert p.old == "23" and p.text.startswith("date: 2011-03-09\n\nStorm kills ") and p.start < text.index("The storm")


def test_headline_figure_skips_scores_and_names():
    text = article("The Falcons won 3-1 and Apollo-11 was launched; 3 goals.", headline="Falcons beat Eagles 3-1 as Apollo-11 flies")
    assert plants("headline-figure", text) == []


def test_year_typo_edits_a_written_year():
    p = only("year-typo", article("The port reopened on Feb. 20, 2011, officials said."))
    assert p.old == "2011" and p.new in ("2010", "2012")


def test_year_typo_inserts_a_wrong_year_after_a_yearless_date():
    p = only("year-typo", article("The port reopened on Feb. 20, officials said."), inserted=True)
    assert p.new in (", 2010", ", 2012") and p.planted.strip(", ") == p.new.strip(", ")


def test_year_typo_skips_datelines_and_far_dates():
    assert plants("year-typo", article("MANILA, March 8 (AFP) -- The storm moved on.", "It was built on May 5, 1950.")) == []


def test_restated_date():
    p = only("restated-date", article("The ferry sank on March 4.", "Survivors recalled the night of March 4."))
    assert p.old == "4" and p.new != "4" and 1 <= int(p.new) <= 31


def test_restated_duration():
    text = article("She began a four-year term in January.", "Her four-year term ends in 2015.")
    p = only("restated-duration", text)
    assert p.old == "four" and p.new != "four"


def test_restated_money():
    text = article("The repairs will cost 12 million dollars.", "Donors pledged the 12 million dollars on Monday.")
    p = only("restated-money", text)
    assert p.old == "12 million" and p.new.endswith("million") and p.new != p.old


def test_restated_times():
    text = article("Voters chose him for the third time on Sunday.", "It is the third time he has won.", "He won for the third time.")
    p = only("restated-times", text)
    assert p.old == "third" and p.new in ("fourth", "fifth", "first")


def test_hedge_direction_in_the_body():
    text = article("More than 300 houses were destroyed.", "Officials counted more than 300 houses in ruins.")
    p = only("hedge-direction", text)
    assert (p.old.lower(), p.new.lower()) == ("more than", "nearly")


def test_hedge_direction_headline_and_body():
    text = article("At least 40 people died in the floods.", "Rescue work went on.", headline="Floods kill at least 40")
    p = only("hedge-direction", text)
    assert p.new.lower() == "fewer than" and p.old.lower() == "at least"


def test_part_exceeds_total_edits_the_part():
    text = article("The landslide killed 18 people, including six children, in the valley.")
    p = only("part-exceeds-total", text)
    assert p.old == "six" and p.new in ("twenty-seven", "thirty-six", "twenty-three")


def test_part_exceeds_total_inserts_a_part():
    p = only("part-exceeds-total", article("The landslide killed 18 people in the valley."), inserted=True)
    m = re.fullmatch(r", including ([\d,]+) [a-z ]+,", p.new)
    assert m and int(m.group(1).replace(",", "")) > 18


def test_part_exceeds_total_needs_the_part_of_that_total():
    text = article("The firm runs 53 projects in 21 countries, including three exploration projects.")
    assert [p for p in plants("part-exceeds-total", text) if not p.inserted] == []


def test_breakdown_sum_edits_a_part():
    text = article("The crash killed 12 people: five soldiers, four police officers and three civilians.")
    p = only("breakdown-sum", text)
    assert p.old in ("five", "four", "three") and p.new != p.old


def test_breakdown_sum_inserts_a_breakdown_that_does_not_add_up():
    text = article("The blast killed 20 people near the market.", "Police sealed the area.")
    p = only("breakdown-sum", text, inserted=True)
    parts = [int(n) for n in re.findall(r"\d+", p.new)]
    assert len(parts) >= 2 and sum(parts) != 20


def test_percent_vs_counts_edits_the_percentage():
    p = only("percent-vs-counts", article("Of the voters, 300, or 25 percent, of the 1,200 voters stayed home."))
    assert p.old == "25" and abs(float(p.new) - 25) >= 6.25


def test_percent_vs_counts_inserts_a_wrong_percentage():
    p = only("percent-vs-counts", article("Some 40 of the 160 schools closed."), inserted=True)
    pct = float(re.search(r"[\d.]+", p.new).group(0))
    assert p.new.startswith(", or ") and abs(pct - 25) >= 6


def test_unit_conversion_edits_the_converted_side():
    p = only("unit-conversion", article("The road runs 80 kilometres (50 miles) to the coast."))
    assert p.old == "50" and abs(float(p.new) - 49.7) > 10


def test_unit_conversion_leaves_a_wrong_original_conversion_alone():
    assert [p for p in plants("unit-conversion", article("The road runs 80 kilometres (20 miles) to the coast.")) if not p.inserted] == []


def test_unit_conversion_inserts_a_wrong_conversion():
    p = only("unit-conversion", article("The road runs 80 km to the coast."), inserted=True)
    miles = float(re.search(r"[\d.]+", p.new).group(0))
    assert p.new.endswith("miles)") and abs(miles - 49.7) > 10


def test_age_twice_edits_the_later_age():
    text = article("Ana Ruiz, 47, a teacher, was rescued on Monday.", "The 47-year-old was treated in hospital.")
    p = only("age-twice", text)
    assert p.old == "47" and p.new != "47" and p.start > text.index("The 47")


def test_age_twice_inserts_an_age_after_a_later_surname():
    text = article("Ana Ruiz, 47, a teacher, was rescued on Monday.", "Ruiz said she was cold.")
    p = only("age-twice", text, inserted=True)
    assert re.fullmatch(r", \d\d,", p.new) and p.new != ", 47," and p.at == text.index("Ruiz said") + 4


def test_years_ago_edits_n():
    p = only("years-ago", article("The club was founded in 1991, 20 years ago."))
    assert p.old == "20" and p.new != "20"


def test_years_ago_leaves_a_count_without_its_year():
    assert [p for p in plants("years-ago", article("The club was founded 20 years ago.")) if not p.inserted] == []


def test_years_ago_inserts_a_wrong_count():
    p = only("years-ago", article("The club was founded in 1991."), inserted=True)
    n = int(re.search(r"\d+", p.new).group(0))
    assert abs(n - 20) >= 3


def test_impossible_date():
    p = only("impossible-date", article("The dam burst on April 12."))
    assert (p.old, p.new) == ("12", "31")
    q = only("impossible-date", article("The dam burst on Feb. 12."))
    assert q.new in ("29", "30")  # 2011 is no leap year
    assert plants("impossible-date", article("The dam burst on March 12.")) == []


@pytest.mark.parametrize(
    "written,inverted",
    [("from May 3 to May 8", "from May 8 to May 3"), ("between 2005 and 2007", "between 2007 and 2005"), ("on Nov. 15-17", "on Nov. 17-15"), ("from June 2 to 6", "from June 6 to 2")],
)
def test_inverted_range(written, inverted):
    p = only("inverted-range", article(f"The fair runs {written}."))
    assert inverted in p.text


def test_event_before_onset_after_a_stated_onset():
    text = article("Chilean peacekeepers arrived in the port on March 2, officials said.", "They began patrols at once.")
    p = only("event-before-onset", text, inserted=True)
    assert "Chilean peacekeepers" in p.new and re.search(r"(October|November|September|July) \d+, 2010", p.new)


def test_event_before_onset_moves_a_later_dated_event():
    text = article("Chilean peacekeepers arrived in the port on March 2.", "The peacekeepers cleared the road on March 5.")
    p = only("event-before-onset", text)
    assert p.old == "March 5" and p.new.endswith("2010")


def test_event_before_onset_pairs_an_onset_and_an_event():
    text = article("Chilean peacekeepers patrol the port.", "The town is calm.")
    p = only("event-before-onset", text, inserted=True)
    assert p.new.count("Chilean peacekeepers") >= 1 and len(re.findall(r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d+", p.new)) == 2


def test_weekday_mismatch_edits_a_weekday():
    p = only("weekday-mismatch", article("The vote was held on Monday, March 7."))
    assert p.old == "Monday" and p.new in WEEKDAYS and p.new != "Monday"


def test_weekday_mismatch_inserts_a_wrong_weekday():
    p = only("weekday-mismatch", article("The vote was held on March 7."), inserted=True)
    assert p.new.endswith(", ") and p.new[:-2] in WEEKDAYS and p.new[:-2] != "Monday"


def test_quote_two_speakers():
    text = article(
        '"We will rebuild every single house on this island," said Ana Ruiz, the mayor.',
        "Colonel Tomas Vidal said the army would help.",
        "The work begins next week.",
    )
    p = only("quote-two-speakers", text, inserted=True)
    assert "We will rebuild every single house on this island" in p.new and "Tomas Vidal" in p.new
    assert p.text[p.start - 2 : p.start] == "\n\n"


def test_quote_two_speakers_needs_six_words_and_a_named_speaker():
    short = article('"We will rebuild," said Ana Ruiz.', "Colonel Tomas Vidal said the army would help.")
    nameless = article('"We will rebuild every single house on this island," she said.', "Colonel Tomas Vidal said the army would help.")
    assert plants("quote-two-speakers", short) == [] and plants("quote-two-speakers", nameless) == []
