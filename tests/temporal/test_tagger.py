"""The temporal tagger: spans and TIMEX3 values of ordinary news dates."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.temporal import Timex, tag

#: A Wednesday.
ANCHOR = date(2024, 11, 20)


def only(text: str, anchor: date | None = ANCHOR, doc=None) -> Timex:
    found = tag(text, anchor, doc)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize(
    "text,span,type_,value,mod",
    [
        ("The strike came on December 14, 2023, officials said.", "December 14, 2023", "DATE", "2023-12-14", None),
        ("By early November 2024, it was reported that troops had arrived.", "early November 2024", "DATE", "2024-11", "START"),
        ("The incursion began during August 2023.", "August 2023", "DATE", "2023-08", None),
        ("Talks resume in mid-September.", "mid-September", "DATE", "2024-09", "MID"),
        ("Prices fell sharply last week.", "last week", "DATE", "2024-W46", None),
        ("The minister resigned yesterday.", "yesterday", "DATE", "2024-11-19", None),
        ("Exports rose this year.", "this year", "DATE", "2024", None),
        ("The company was founded in 1998.", "1998", "DATE", "1998", None),
        ("Crime fell throughout the 1990s.", "the 1990s", "DATE", "199", None),
        ("Albright arrived on Aug. 8 in Nairobi.", "Aug. 8", "DATE", "2024-08-08", None),
        ("Profit rose 5% in the third quarter.", "the third quarter", "DATE", "2024-Q3", None),
        ("He served three years in prison.", "three years", "DURATION", "P3Y", None),
        ("Rain fell over the past 24 hours.", "the past 24 hours", "DURATION", "PT24H", None),
        ("The market is held every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
        ("The vote closes at 2 p.m. tomorrow.", "2 p.m. tomorrow", "TIME", "2024-11-21T14:00", None),
        ("The blast hit at 10:30 a.m. local time, police said.", "10:30 a.m. local time", "TIME", "2024-11-20T10:30", None),
        ("Snow is expected this winter.", "this winter", "DATE", "2024-WI", None),
        ("The trial opens the week of March 6, 2023, the court said.", "the week of March 6, 2023", "DATE", "2023-W10", None),
        ("Thirty minutes later the police arrived.", "Thirty minutes", "DURATION", "PT30M", None),
        ("He paused for a second before answering.", "a second", "DURATION", "PT1S", None),
        ("The convoy left at 4 in the morning, witnesses said.", "4 in the morning", "TIME", "2024-11-20T04:00", None),
        ("Unions called a day-long strike.", "day-long", "DURATION", "P1D", None),
        ("The ruling ended a decades-long feud.", "decades-long", "DURATION", "PXY", None),
        ("The club meets Tuesday nights in the church hall.", "Tuesday nights", "SET", "XXXX-WXX-2TNI", None),
        ("Output slowed in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2", None),
        ("The bridge was closed last Sept. 14 after the storm.", "last Sept. 14", "DATE", "2024-09-14", None),
        ("The museum reopens next Jan. 4, its director said.", "next Jan. 4", "DATE", "2025-01-04", None),
        ("The ferry sank last Dec. 2 off the coast.", "last Dec. 2", "DATE", "2023-12-02", None),
        ("Turnout was low last spring.", "last spring", "DATE", "2024-SP", None),
        ("Shares are now worth less.", "now", "DATE", "PRESENT_REF", None),
        ("More than a week of talks failed.", "More than a week", "DURATION", "P1W", "MORE_THAN"),
        ("The bridge was built in the 20th century.", "the 20th century", "DATE", "19", None),
        ("The deal was signed three years ago.", "three years ago", "DATE", "2021", None),
        ("Ministers meet daily.", "daily", "SET", "P1D", None),
    ],
)
def test_span_type_value_mod(text, span, type_, value, mod):
    t = only(text)
    assert (t.text, t.type, t.value, t.mod) == (span, type_, value, mod)
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text,value,modifier,begin,last,precision",
    [
        ("in early November 2024", "2024-11", "early", "2024-11-01", "2024-11-10", "month"),
        ("in late November 2024", "2024-11", "late", "2024-11-21", "2024-11-30", "month"),
        ("on December 14, 2023", "2023-12-14", None, "2023-12-14", "2023-12-14", "day"),
        ("in the third quarter of 2023", "2023-Q3", None, "2023-07-01", "2023-09-30", "quarter"),
        ("in the summer of 1998", "1998-SU", None, "1998-06-01", "1998-08-31", "season"),
        ("in the 1990s", "199", None, "1990-01-01", "1999-12-31", "decade"),
        ("last week", "2024-W46", None, "2024-11-11", "2024-11-17", "week"),
    ],
)
def test_intervals(text, value, modifier, begin, last, precision):
    t = only(text)
    assert t.value == value and t.modifier == modifier and t.precision == precision
    assert (t.begin.isoformat(), t.last.isoformat()) == (begin, last)


def test_relative_to_publication_date():
    t = only("Earlier this month, Zelensky said Russia had mobilized 50,000 soldiers.")
    assert (t.value, t.mod, t.relative, t.anchor, t.anchor_text) == (
        "2024-11", "START", True, "2024-11-20", "publication date"
    )


def test_relative_to_reference_time_the_text_sets():
    text = (
        "By early November 2024, it was reported that 30 troops were killed. Casualties began "
        "when they engaged just over a week prior to these reports."
    )
    report, prior = tag(text, ANCHOR)
    assert report.text == "early November 2024"
    assert prior.text == "just over a week prior"
    assert (prior.relative, prior.anchor_text, prior.modifier) == (True, "early November 2024", "approx")
    assert prior.begin < date(2024, 11, 1) <= prior.last < date(2024, 11, 10)
    assert prior.value == "2024-10"


@pytest.mark.parametrize(
    "text,values",
    [
        ("The levee broke on Aug. 7. The next morning, the water receded.", ["2024-08-07", "2024-08-08TMO"]),
        ("The ceasefire began on March 3, 2019. The following day, fighting resumed.", ["2019-03-03", "2019-03-04"]),
        ("Voting ended Oct. 23. Earlier that day, polls had opened late.", ["2024-10-23", "2024-10-23"]),
    ],
)
def test_anaphora_follow_the_reference_time(text, values):
    found = tag(text, ANCHOR)
    assert [t.value for t in found] == values
    assert found[1].anchor_text == found[0].text


@pytest.mark.parametrize(
    "text,value",
    [
        ("Officials said on Monday that the talks had failed.", "2024-11-18"),
        ("The leaders will meet on Monday in Geneva.", "2024-11-25"),
        ("U.S. Secretary of State Madeleine Albright paid tribute Wednesday to bombing victims.", "2024-11-20"),
        ("The team planned to leave Nairobi on Thursday for Dar es Salaam.", "2024-11-21"),
        ("Exiles marched downtown and were planning a rally on Saturday.", "2024-11-23"),
        ("The talks were scheduled for Friday, diplomats said.", "2024-11-22"),
    ],
)
@pytest.mark.model
def test_weekdays_follow_tense(nlp, text, value):
    assert only(text, ANCHOR, nlp(text)).value == value


def test_a_day_after_a_month_keeps_the_day_unknown():
    found = tag("The festival opened last July, and that same day the main stage lost power.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("last July", "2024-07"), ("that same day", "2024-07-XX")]
    assert (found[1].begin, found[1].last, found[1].anchor_text) == (date(2024, 7, 1), date(2024, 7, 31), "last July")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The summit will be held on April 24 and 25 in Washington.", [("April 24", "2025-04-24"), ("25", "2025-04-25")]),
        ("Talks ran Nov. 5-6, 2023, in Paris.", [("Nov. 5", "2023-11-05"), ("6, 2023", "2023-11-06")]),
        ("Rates rose May 3 to 5 percent.", [("May 3", "2024-05-03")]),
    ],
)
@pytest.mark.model
def test_day_ranges_tag_each_day(nlp, text, expected):
    assert [(t.text, t.value) for t in tag(text, ANCHOR, nlp(text))] == expected


def test_the_previous_weekday_counts_back_from_the_day_the_text_set():
    found = tag("Shares fell on Nov. 12, down 3% from the previous Friday.", ANCHOR)
    assert [t.value for t in found] == ["2024-11-12", "2024-11-08"]
    assert found[1].anchor_text == "Nov. 12"


@pytest.mark.parametrize(
    "text",
    [
        "She may decide to run.",  # modal "may"
        "Thousands joined the march on the capital.",  # noun "march"
        "Prices could fall further.",  # verb "fall"
        "He scored 1,998 points.",  # a number, not a year
        "Jan Egeland spoke to reporters.",  # a name, not January
        "The fall of the city shocked the region.",
        "A second group of directors resigned.",  # the ordinal, not a duration
        "Critics say the novel speaks to today's generation of voters.",  # the present age, not the day
        "By today's standards the old ferry was slow.",
        "Now, the minister says, the plan must change.",  # a discourse marker, not the present
        "She reviewed the western High Noon for the student paper.",  # capitals in running text: a title
        "The senator repeated the claim on the show '48 Hours' and on radio.",
        "The judge had starred in the film Twelve Years a Slave as a boy.",
    ],
)
def test_ambiguous_words_are_not_dates(text):
    assert [t.text for t in tag(text, ANCHOR)] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The museum hired a night watchman after the theft.", []),  # the kind of watchman
        ("She kept a day job at the bakery while she trained.", []),
        ("Farmers pay 12 dollars a day to a day labourer.", [("a day", "P1D")]),  # the rate only
        ("The crew spent a night on the glacier.", [("a night", "P1D")]),  # a length of time
        ("The ferry sails twice a day from the old harbour.", [("a day", "P1D")]),
    ],
)
@pytest.mark.model
def test_a_time_word_naming_a_kind_of_thing_is_no_time(nlp, text, expected):
    assert [(t.text, t.value) for t in tag(text, ANCHOR, nlp(text))] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Firefighters reached the warehouse in the early hours of Sunday.", ["Sunday"]),
        ("Shops shut early in the final weeks of 2019.", ["2019"]),
        ("In the early years, the choir sang in a barn.", ["the early years"]),
    ],
)
def test_units_of_a_time_are_a_part_of_that_time(text, expected):
    assert [t.text for t in tag(text, ANCHOR)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Polls Close at Noon Today in Three States\n\nVoters queued early.", "Noon Today"),  # a headline
        ("\"Noon is too late,\" the coach said.", "Noon"),  # it opens a quotation
        ("The ceremony began at high noon in the square.", "noon"),
    ],
)
def test_capitalized_time_words_outside_running_text_are_times(text, expected):
    assert [t.text for t in tag(text, ANCHOR)] == [expected]


def test_without_anchor_unknown_parts_stay_unknown():
    assert only("The ruling came on December 14.", None).value == "XXXX-12-14"
    assert only("Officials spoke on Friday.", None).value == "XXXX-WXX-5"


def test_offsets_are_into_the_given_text():
    text = "Line one.\nOn Friday, Sept. 30, 1989, the index fell."
    t = only(text)
    assert text[t.start:t.end] == "Friday, Sept. 30, 1989"
    assert (t.value, t.weekday) == ("1989-09-30", 4)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,value",
    [
        ("Officials said on Monday that the talks had failed.", "2024-11-18"),
        ("The leaders will meet on Monday in Geneva.", "2024-11-25"),
        ("Exiles marched downtown and were planning a rally on Saturday.", "2024-11-23"),
    ],
)
def test_tense_from_the_parse(nlp, text, value):
    assert only(text, ANCHOR, nlp(text)).value == value


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Exports doubled in 2014-2015, the ministry said.", [("2014", "2014"), ("2015", "2015")]),
        ("The club won the title in the 2010-11 season.", [("2010", "2010"), ("11", "2011")]),
        ("The 1999-00 budget ran a deficit.", [("1999", "1999"), ("00", "2000")]),
        ("Veterans of the 1914–18 war were honoured.", [("1914", "1914"), ("18", "1918")]),
        ("For tickets call 1990-1234 after six.", []),  # not a range: a number
    ],
)
def test_year_ranges_tag_both_years(text, expected):
    assert [(t.text, t.value) for t in tag(text, ANCHOR)] == expected


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The repairs will take between 6 and 9 months.", "6 and 9 months", "PXM"),
        ("He faces three to five years in prison.", "three to five years", "PXY"),
        ("Ferries were cancelled for five or six days.", "five or six days", "PXD"),
        ("The school is a 10-15 minute walk away.", "10-15 minute", "PTXM"),
        ("Results are due in the next 12 to 18 months.", "the next 12 to 18 months", "PXM"),
    ],
)
def test_number_ranges_are_one_duration(text, span, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (span, "DURATION", value)


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The bakery closed in June.", "June", "2024-06"),
        ("The mayor will step down in May.", "May", "2025-05"),
        ("The museum shut in July. Then it was sold.", "July", "2024-07"),
        ("Fares went up in Sept.", "Sept.", "2024-09"),  # the abbreviation keeps its period
        ("The plant closed in March, the union said.", "March", "2024-03"),  # past tense: the March before
    ],
)
@pytest.mark.model
def test_a_month_at_the_end_of_a_sentence(nlp, text, span, value):
    t = only(text, ANCHOR, nlp(text))
    assert (t.text, t.value) == (span, value)


def test_bare_now_and_annually():
    assert [(t.text, t.type, t.value) for t in tag("The fair is held annually, and it is busy now.", ANCHOR)] == [
        ("annually", "SET", "P1Y"), ("now", "DATE", "PRESENT_REF")]


@pytest.mark.parametrize(
    "text,span,value,begin,last",
    [
        ("The coach had quit a week earlier.", "a week", "P1W", "2024-11-13", "2024-11-13"),
        ("The tunnel should open ten years from now.", "ten years", "P10Y", "2034-01-01", "2034-12-31"),
        ("She boarded the ferry two days later.", "two days", "P2D", "2024-11-22", "2024-11-22"),
        ("Nearly two months earlier, the pier had burned.", "Nearly two months", "P2M", "2024-09-01", "2024-09-30"),
    ],
)
def test_offsets_are_durations_dated_by_what_they_point_to(text, span, value, begin, last):
    t = tag(text, ANCHOR)[0]
    assert (t.text, t.type, t.value) == (span, "DURATION", value)
    assert (t.begin.isoformat(), t.last.isoformat()) == (begin, last)
    dv = t.to_date_value()
    assert (dv.type, dv.start, dv.end) == ("DURATION", begin, last)


def test_ten_years_from_now_tags_now_apart():
    found = tag("The tunnel should open ten years from now.", ANCHOR)
    assert [(t.text, t.type) for t in found] == [("ten years", "DURATION"), ("now", "DATE")]


@pytest.mark.parametrize(
    "text,span,type_,value",
    [
        ("The shop was sold two years ago.", "two years ago", "DATE", "2022"),  # "ago" is a date
        ("Sales were $4 million a year earlier.", "a year earlier", "DATE", "2023"),
        ("Rents will rise over the coming decade.", "the coming decade", "DURATION", "P10Y"),
        ("The bridge reopens this coming week.", "this coming week", "DATE", "2024-W48"),
        ("The mine closed two days after the flood.", "two days", "DURATION", "P2D"),
    ],
)
def test_offset_conventions(text, span, type_, value):
    t = only(text)
    assert (t.text, t.type, t.value) == (span, type_, value)


def test_a_duration_that_points_to_a_day_sets_the_reference_time():
    found = tag("The levee broke on Aug. 7. Two days later, the water receded. The following day, schools reopened.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [("Aug. 7", "2024-08-07"), ("Two days", "P2D"), ("The following day", "2024-08-10")]
    assert found[1].begin == date(2024, 8, 9) and found[2].anchor_text == "Two days"


@pytest.mark.parametrize(
    "text,span",
    [
        ("The chain reported a third-quarter loss.", "third-quarter"),
        ("The airline doubled its fourth quarter profit.", "fourth quarter"),
        ("It is a three hour drive to the coast.", "three hour"),
        ("She won a two-year contract.", "two-year"),
        ("Losses were smaller than in the year-ago period.", "the year-ago period"),
        ("Year-ago results included a charge.", "Year-ago"),
        ("Rents have risen in recent years.", "recent years"),
    ],
)
def test_an_adjectival_expression_leaves_the_article_to_its_noun(text, span):
    assert only(text).text == span


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Profit was $9 million, against seven a year ago.", [("a year ago", "2023")]),  # "seven a" is no number
        ("Sales rose 4% in the third quarter from the 2023 period.", [("the third quarter", "2024-Q3"), ("the 2023 period", "2023-Q3")]),
        ("The lease runs out in the 2030 period.", [("the 2030 period", "2030")]),
        ("The flood came a week or so ago.", [("a week or so ago", "2024-W46")]),
        ("The audit will take half a day.", [("half a day", "PT12H")]),
        ("The wall was built 2000 years ago.", [("2000 years ago", "0024")]),
    ],
)
def test_numbers_and_periods(text, expected):
    assert [(t.text, t.value) for t in tag(text, ANCHOR)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text,expression,value",
    [
        ("The ministry agreed to buy the jets in February.", "February", "2025-02"),  # a commitment looks ahead
        ("The union vowed to strike in January, its leader said.", "January", "2025-01"),
        ("The bakery on Main Street closed in March.", "March", "2024-03"),  # past tense: the March before
    ],
)
def test_month_direction_from_the_parse(nlp, text, expression, value):
    doc = nlp(text)
    found = [t for t in tag(text, ANCHOR, doc) if t.text == expression]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The pound traded at 1.2455-1480 dollars.", []),  # the end of a number range, not a year
        ("The poet Ana Ruiz (1901-1989) wrote it in Lisbon.", [("1901", "1901"), ("1989", "1989")]),
        ("The temple has a 1,200-year history.", [("1,200-year", "P1200Y")]),
        ("The ruins lay buried for 3,000 years.", [("3,000 years", "P3000Y")]),
        ("She finished in 1:58.42, a national record.", []),  # a race time
        ("The sprinter ran the final in 9.58 seconds.", [("9.58 seconds", "PT9.58S")]),
        ("Polls closed at 1800 GMT, officials said.", [("1800 GMT", "2024-11-20T18:00")]),
    ],
)
def test_numbers_that_are_not_dates_and_wire_times(text, expected):
    assert [(t.text, t.value) for t in tag(text, ANCHOR)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The minister spoke to the Jakarta Daily about the plan.", []),
        ("Details were reported by the business daily Handelsblatt.", []),
        ("He was quoted by the Sentinel daily.", []),
        ("Ferries run daily to the island.", ["daily"]),
        ("Officials held briefings almost daily.", ["daily"]),
    ],
)
def test_a_newspaper_called_a_daily_is_not_a_set(text, expected):
    assert [t.text for t in tag(text, ANCHOR)] == expected


def test_a_rate_after_a_quantity_is_a_set():
    t = only("The airline added four flights a week to Lima.")
    assert (t.text, t.type, t.value) == ("a week", "SET", "P1W")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The gymnast won gold in 2003 and was injured that year.", [("2003", "2003"), ("that year", "2003")]),
        ("In 2010 the mill closed. The following year it reopened.", [("2010", "2010"), ("The following year", "2011")]),
        ("The dam opened in 1990. Three years later, it cracked.", [("1990", "1990"), ("Three years", "P3Y")]),
    ],
)
def test_a_year_the_text_names_is_the_reference_for_years(text, expected):
    found = tag(text, ANCHOR)
    assert [(t.text, t.value) for t in found] == expected
    if found[-1].type == "DURATION":
        assert found[-1].begin == date(1993, 1, 1)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The merger should close by the end of the year.", [("the end of the year", "DATE", "2024", "END")]),
        ("Rents are due at the beginning of the month.", [("the beginning of the month", "DATE", "2024-11", "START")]),
        ("The fund has gained 8% since year-end.", [("year-end", "DATE", "2023", "END")]),
        ("Prices are likely to fall soon, traders said.", [("soon", "DATE", "FUTURE_REF", None)]),
        ("She called as soon as the polls closed.", []),
        ("The bridge collapsed soon after the storm.", []),
        ("Margins grew in the second quarter. Sales in the latest period rose 3%.",
         [("the second quarter", "DATE", "2024-Q2", None), ("the latest period", "DATE", "2024-Q2", None)]),
        ("Rainfall in the latest period of the study was high.", []),
    ],
)
def test_parts_of_the_current_period_and_near_future(text, expected):
    assert [(t.text, t.type, t.value, t.mod) for t in tag(text, ANCHOR)] == expected


SCAN_TEXT = (
    "On Monday, March 3, 1997, about twenty-five days or so earlier than the same 1996 quarter, (\"Sat., Jan. 0, 2006\") "
    "the year-earlier fiscal quarter of last year; mid-1990s, the '90s, the 21st century, nineteen ninety-two. "
    "At 10:30 a.m. EST Tuesday, 1430 GMT, every other week, three-year-long talks, the end of the year, "
    "no more than a couple of hundred and a half weeks, the first half of 2005, this past summer, NEXT WEEK. "
    "In the week of June 5 and over the weekend, twice a day and $3 per year, the latest period, "
    "the end of the month, at year-end, in the near future, two thousand and five, five to 10 more days. "
    "On the 4th of July, April 24 and 25, 2008-05-06 or 5/6/08, 1995-96, the third quarter, early yesterday "
    "morning, late this afternoon, around noon, last Christmas."
)


@pytest.mark.parametrize("text", [SCAN_TEXT, SCAN_TEXT.lower(), SCAN_TEXT.upper(), SCAN_TEXT.replace(" ", "\n  ")])
def test_anchored_scan_finds_every_match(text: str) -> None:
    from claimcheck.temporal.grammar import rules
    from claimcheck.temporal.tagger import _scan

    for rule in rules():
        full = [(m.span(), m.regs) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.regs) for m in _scan(rule, text, text.lower(), text.lower()[::-1])] == full, rule.name


@pytest.mark.parametrize(
    "text,expected",
    [
        # a year and the length after it are two expressions, not a range from one to the other
        ("The pair were jailed in 2009 to 12 years each.", [("2009", "DATE"), ("12 years", "DURATION")]),
        ("Both were sentenced in 1988 to nine years.", [("1988", "DATE"), ("nine years", "DURATION")]),
        ("The site was used for 1500 to 2000 years.", [("1500 to 2000 years", "DURATION")]),
    ],
)
def test_a_year_is_no_first_number_of_a_range_of_years(text, expected):
    assert [(t.text, t.type) for t in tag(text, ANCHOR)] == expected


@pytest.mark.parametrize(
    "text,span",
    [
        ("The truce will last 60 days.", "60 days"),  # "last" the verb
        ("The strike could last three weeks.", "three weeks"),
        ("Prices rose in the last 60 days.", "the last 60 days"),
        ("It lost its last three games in two weeks.", "two weeks"),
    ],
)
def test_last_before_a_length_only_after_a_determiner(text, span):
    assert only(text).text == span
