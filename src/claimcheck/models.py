"""The records claimcheck passes from stage to stage.

Everything the pipeline extracts, every finding a rule reports and the report
the renderers print are pydantic models, so the JSON report (DESIGN §5) and its
schema (``claimcheck schema``) come from one place. Field names here are a
contract: add fields freely, never rename or remove one without a version bump.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}

Modality = Literal["asserted", "reported", "estimated", "speculative", "negated"]
SourceKind = Literal["person", "org", "media", "government", "vague"]
Precision = Literal[
    "time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century"
]
Modifier = Literal["early", "mid", "late", "approx", "before", "after", "at_least", "at_most"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PublishedSource = Literal["cli", "front-matter", "html", "dateline", "inferred"]


class Record(BaseModel):
    """Base for every record: forbid unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Span(Record):
    """A stretch of the original file: character offsets plus 1-based line/column."""

    start: int = Field(description="Character offset of the first character in the file.")
    end: int = Field(description="Character offset one past the last character.")
    line: int = Field(description="1-based line of `start` in the file.")
    column: int = Field(description="1-based column of `start` in its line.")
    text: str


class DateValue(Record):
    """A temporal expression normalized TIMEX3-style and resolved to a calendar interval."""

    text: str = Field(description="The expression as written.")
    value: str = Field(description="TIMEX3 value: 2023-12-14, 2024-11, 2024-W45, 2024, P1W, PAST_REF…")
    type: TimexType = "DATE"
    mod: Optional[str] = Field(
        default=None, description="TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, …"
    )
    start: Optional[str] = Field(default=None, description="First day of the interval (ISO).")
    end: Optional[str] = Field(default=None, description="Last day of the interval (ISO).")
    precision: Optional[Precision] = None
    modifier: Optional[Modifier] = None
    relative: bool = Field(default=False, description="Resolved from an anchor, not written out.")
    anchor: Optional[str] = Field(
        default=None, description="The date (ISO value) this expression was resolved against."
    )
    anchor_text: Optional[str] = Field(
        default=None,
        description="What the anchor is: 'publication date' or the expression that set it.",
    )
    weekday: Optional[int] = Field(
        default=None, description="Weekday the text states with the date (0 = Monday), if any."
    )
    preposition: Optional[str] = Field(
        default=None, description="The preposition the date is the object of: 'on', 'since', 'until', 'by'."
    )
    impossible: bool = Field(
        default=False,
        description="No calendar day: the text writes a day its month lacks (April 31, February 30, February 29 of a "
        "common year, day 0 or 32). `value` keeps the day as written (2005-04-31); `start`/`end` cover the month.",
    )
    range_role: Optional[Literal["start", "end"]] = Field(
        default=None,
        description="One end of a range the text writes ('from May 3 to May 8', 'between 2005 and 2007', "
        "'Nov. 15-17', '2006-2010'): which end.",
    )
    range_with: Optional[Span] = Field(default=None, description="The span of the range's other end.")
    span: Optional[Span] = None


class Quantity(Record):
    """A number as the article hedges it: value, bounds and the hedge word."""

    text: str
    value: Optional[float] = Field(default=None, description="Best single estimate.")
    low: Optional[float] = None
    high: Optional[float] = None
    approximate: bool = False
    hedge: Optional[str] = Field(
        default=None, description="The hedge as written: 'approximately', 'at least', 'several'…"
    )
    unit: Optional[str] = Field(default=None, description="Currency or unit: USD, EUR, percent…")
    noun: Optional[str] = Field(default=None, description="What is counted: troops, soldiers…")
    low_inclusive: bool = Field(
        default=True, description="False when `low` is excluded: 'more than 100' (low 100)."
    )
    high_inclusive: bool = Field(
        default=True, description="False when `high` is excluded: 'fewer than 50', 'nearly 30'."
    )


class Source(Record):
    """Who a claim is attributed to, and by which cue."""

    text: str
    name: str = Field(description="Normalized name, e.g. 'HUR' or 'Pentagon'.")
    kind: SourceKind = "org"
    cue: Optional[str] = Field(default=None, description="'according to', 'confirmed', …")
    vague: bool = False
    span: Optional[Span] = None


class Speaker(Record):
    """The person or group a quotation is attributed to."""

    text: str = Field(description="The speaker mention as written (possibly a pronoun).")
    name: str = Field(description="The resolved name (pronouns resolved).")
    role: Optional[str] = Field(default=None, description="Title, e.g. 'Major General'.")
    organization: Optional[str] = None
    group: bool = Field(default=False, description="A group speaker ('analysts from ISW').")
    span: Optional[Span] = None


class ClaimBase(Record):
    id: str = Field(description="Stable within one report: c1, c2, …")
    frame: Optional[str] = Field(default=None, description="Id of the fact frame this claim is a view of (f1, …).")
    span: Span
    sentence: str
    sentence_span: Optional[Span] = None
    date: Optional[DateValue] = Field(default=None, description="When the event happened.")
    reported: Optional[DateValue] = Field(
        default=None, description="When it was reported, when the sentence says so separately."
    )
    sources: list[Source] = Field(default_factory=list)
    modality: Modality = "asserted"
    actors: list[str] = Field(default_factory=list, description="Who the claim is about.")
    actor_keys: list[str] = Field(
        default_factory=list,
        description="Actors normalized for matching: 'north korean forces' for troops/soldiers/forces.",
    )
    tense: Optional[Literal["past", "present", "future"]] = Field(
        default=None, description="Tense of the claim's main verb."
    )
    ahead: bool = Field(
        default=False,
        description="Told as still to come at the time of writing: 'will meet', 'is to resume', 'plans to leave' "
        "(not a plan told in the past: 'was to arrive', 'would visit').",
    )


class CasualtyClaim(ClaimBase):
    kind: Literal["casualty"] = "casualty"
    quantity: Quantity
    outcome: Literal["killed", "wounded", "killed_or_wounded", "missing", "captured", "affected"]
    group: Optional[str] = Field(default=None, description="Whose casualties: 'North Korean troops'.")
    group_key: Optional[str] = Field(default=None, description="`group` normalized for matching.")
    cumulative: bool = Field(default=False, description="A running total ('the toll rose to').")
    part_of: Optional[str] = Field(
        default=None, description="Id of the total this figure is a component of ('including 12 Americans')."
    )


class ForceSizeClaim(ClaimBase):
    kind: Literal["force_size"] = "force_size"
    quantity: Quantity
    group: Optional[str] = None
    group_key: Optional[str] = None
    action: Literal["deployed", "stationed", "mobilized", "planned", "present"] = "present"


class MoneyClaim(ClaimBase):
    kind: Literal["money"] = "money"
    quantity: Quantity
    what: Optional[str] = Field(default=None, description="What the money is: 'pledges of support'.")


class QuoteClaim(ClaimBase):
    kind: Literal["quote"] = "quote"
    quote: str = Field(description="The quoted words, without the marks.")
    speaker: Optional[Speaker] = None
    cue: Optional[str] = Field(default=None, description="The reporting verb: said, noting, …")
    quote_type: Literal["direct", "partial"] = "direct"


class EventClaim(ClaimBase):
    kind: Literal["event"] = "event"
    what: str = Field(description="The happening, as a short phrase.")
    phase: Optional[Literal["onset", "end"]] = Field(
        default=None,
        description="'onset' when the event starts an actor's involvement ('began fighting', 'arrived').",
    )


Claim = Annotated[
    Union[CasualtyClaim, ForceSizeClaim, MoneyClaim, QuoteClaim, EventClaim],
    Field(discriminator="kind"),
]


Dimension = Literal[
    "count", "money", "percent", "fraction", "length", "area", "mass", "volume", "speed",
    "temperature", "measure", "duration", "age", "ordinal", "times", "date",
]  # fmt: skip
ArticlePart = Literal["headline", "standfirst", "body"]


class Measure(Record):
    """What a value measures: its dimension, the noun counted or measured, and the unit."""

    dimension: Dimension
    noun: Optional[str] = Field(default=None, description="Lemma of what is counted or measured: 'people', 'term'.")
    modifiers: list[str] = Field(default_factory=list, description="Its modifiers, lower-case: 'civilian', 'north korean'.")
    unit: Optional[str] = Field(default=None, description="A currency (USD), unit (kilometre), 'percent', or duration unit (year).")
    per: Optional[str] = Field(
        default=None, description="For a rate: what one unit of the value is for, lemmatized: 'share' in '41 cents a share', 'barrel', 'hour'."
    )
    text: Optional[str] = Field(default=None, description="What is measured, as written: 'North Korean troops'.")


class Predicate(Record):
    """What the value is said of: the governing verb, and for tolls the outcome."""

    lemma: Optional[str] = Field(default=None, description="Lemma of the governing verb: 'kill', 'cost', 'marry'.")
    outcome: Optional[str] = Field(default=None, description="For casualty figures: killed, wounded, killed_or_wounded, …")
    negated: bool = False
    tense: Optional[Literal["past", "present", "future"]] = None
    perfect: bool = Field(default=False, description="A past before the past: 'had suspended'.")
    adverbs: list[str] = Field(default_factory=list, description="Adverbs of the verb, lower-case: 'last', 'again', 'first'.")
    clause: Optional[str] = Field(
        default=None,
        description="What subordinates the verb's clause: 'after', 'when', 'since', 'relative' (which, that, "
        "a participle modifying a noun), or None for a main clause.",
    )
    text: Optional[str] = Field(default=None, description="The verb as written.")


class Location(Record):
    """Where in the article a frame is stated."""

    part: ArticlePart = "body"
    paragraph: int = Field(default=0, description="0-based paragraph of the article text.")
    sentence: int = Field(default=0, description="0-based sentence of the article text.")


class Frame(Record):
    """One checkable value the article states: a count, sum, share, measure, length of time,
    age, ordinal, count of times or date — with what it measures, what it is said of,
    whom it is about, when, where in the article, and on whose word."""

    id: str = Field(description="Stable within one report: f1, f2, …")
    measure: Measure
    quantity: Optional[Quantity] = Field(default=None, description="The value with its bounds and hedge (numeric frames).")
    date: Optional[DateValue] = Field(default=None, description="The date stated (date frames).")
    predicate: Predicate = Field(default_factory=Predicate)
    about: list[str] = Field(default_factory=list, description="Who or what the value is about, as written.")
    about_keys: list[str] = Field(default_factory=list, description="`about` normalized for matching.")
    places: list[str] = Field(default_factory=list, description="Where the stated fact happens: 'Mali', 'Kursk'.")
    when: Optional[DateValue] = Field(default=None, description="When the stated fact holds (event date).")
    reported: Optional[DateValue] = Field(default=None, description="When it was reported, when said apart.")
    where: Location = Field(default_factory=Location)
    span: Span
    sentence: str
    sentence_span: Optional[Span] = None
    sources: list[Source] = Field(default_factory=list)
    modality: Modality = "asserted"
    cumulative: bool = Field(default=False, description="A running total ('the toll rose to').")
    extra: bool = Field(default=False, description="Adds to a set already given: 'another 12', 'a further 3', '10 more'.")
    definite: bool = Field(
        default=False,
        description="A count of a set the text has already named, with nothing after the noun to narrow it: "
        "'the two countries', 'these 29 cities', 'the group's 12 members'.",
    )
    listed: bool = Field(default=False, description="One item of a list: 'three women and the child', 'five soldiers, four police'.")
    members: list[Span] = Field(
        default_factory=list,
        description="A count that names what it counts one by one, each one thing: the things named ('two "
        "hikers, *a guide* and *her client*, were found'; 'the three new cases involve *a teacher* and *a nurse*').",
    )
    converts: Optional[str] = Field(
        default=None, description="Id of the frame this one restates in other units: '112 km (70 miles)'."
    )
    subject: Optional[str] = Field(default=None, description="The subject the value is said of, lemmatized: 'trade surplus'.")
    compared: bool = Field(
        default=False,
        description="A value given for comparison or since superseded: 'up from 6.31 percent', 'initial reports said 15'.",
    )
    about_via: Optional[Literal["name", "description"]] = Field(
        default=None,
        description="For an age: how its person was found, by a name beside it ('Marco Ruiz, 52,') or a description ('the 49-year-old').",
    )
    then: bool = Field(default=False, description="An age the text marks as of an earlier time: 'the then 30-year-old', 'Ruiz, then 26,'.")
    birth_of: Optional[str] = Field(default=None, description="For a date of birth ('born in 1972'): the person born, by name.")
    counts_from: Optional[DateValue] = Field(
        default=None,
        description="The date a count of years back restates or counts from: the 1990 of 'in 1990, 30 years ago', "
        "the 1992 of 'the 30th anniversary of the 1992 flood'.",
    )
    part_of: Optional[str] = Field(
        default=None,
        description="Id of the total this value is a part of: '200 people, including *12 Americans*', "
        "'*three* of the 12 victims', '12 people: *five soldiers* and seven civilians'.",
    )
    exhaustive: bool = Field(
        default=False,
        description="With `part_of`: one of a list of parts that together make up the total ('12 people: five "
        "soldiers and seven civilians', 'the 12 dead were …'), not just some of it ('including').",
    )
    share_of: Optional[str] = Field(
        default=None, description="A percentage or fraction: id of the count it is a share of ('40 percent of *the 3,000 voters*')."
    )
    share_count: Optional[str] = Field(
        default=None,
        description="A percentage or fraction: id of the count it restates as a share of `share_of` ('*1,200*, or "
        "40 percent, of the 3,000 voters').",
    )


class NameMention(Record):
    """One place the article names a person, as written."""

    id: str = Field(description="Stable within one report: p1m1, p1m2, … (person p1's mentions).")
    text: str
    span: Span
    sentence: str
    sentence_span: Optional[Span] = None


class Person(Record):
    """A person the article names, with every mention of them (surnames and spelling
    variants included) and what the text says of them."""

    id: str = Field(description="Stable within one report: p1, p2, …")
    name: str = Field(description="The fullest name the article gives.")
    spellings: list[str] = Field(default_factory=list, description="Every way the name is written.")
    gender: Optional[Literal["male", "female"]] = None
    roles: list[str] = Field(default_factory=list, description="Titles and descriptions: 'minister', 'father'.")
    ages: list[float] = Field(default_factory=list, description="Ages the text gives them.")
    mentions: list[NameMention] = Field(default_factory=list)


class Excerpt(Record):
    """One side of a contradiction: the claim and the words that carry it."""

    claim: str = Field(description="Id of the record this side is: a claim (c3), a frame (f2) or a name mention (p1m2).")
    role: str = Field(description="What this side contributes: 'event', 'onset', 'earlier report'…")
    span: Span


class Finding(Record):
    rule: str = Field(description="Rule code, e.g. CC101.")
    name: str = Field(description="Rule name, e.g. event-before-onset.")
    severity: Severity
    message: str
    span: Span
    evidence: list[str] = Field(default_factory=list, description="Ids of the claims, frames or name mentions involved.")
    excerpts: list[Excerpt] = Field(default_factory=list)
    suggestion: Optional[str] = None
    fingerprint: Optional[str] = Field(
        default=None, description="Rule plus normalized claim text; stable across edits."
    )


class DocumentReport(Record):
    path: str
    published: Optional[str] = None
    published_source: Optional[PublishedSource] = None
    published_from: Optional[str] = Field(
        default=None, description="How the publication date was found, when it was not given."
    )
    title: Optional[str] = None
    claims: list[Claim] = Field(default_factory=list)
    dates: list[DateValue] = Field(default_factory=list, description="Every temporal expression.")
    people: list[Person] = Field(default_factory=list, description="The people the article names.")
    frames: list[Frame] = Field(default_factory=list, description="Every checkable value the article states (report 1.1).")
    findings: list[Finding] = Field(default_factory=list)
    error: Optional[str] = None
    warnings: list[str] = Field(default_factory=list, description="Non-fatal input problems.")
    text: Optional[str] = Field(
        default=None,
        exclude=True,
        description="The file's text, for renderers that show the article (HTML); not in the JSON.",
    )


class Summary(Record):
    files: int = 0
    claims: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    failed_files: int = 0


#: The JSON report's version: 1.0 (claims, findings), 1.1 (+ frames, people, name mentions as evidence),
#: 1.2 (+ ``Frame.definite``), 1.3 (+ a claim's ``ahead``).
REPORT_VERSION = "1.5"


class Report(Record):
    claimcheck: str
    report_version: str = Field(default=REPORT_VERSION, description="Version of this report's format (1.1 adds frames and people, 1.2 a frame's `definite`, 1.3 a claim's `ahead`, 1.4 a frame's `members`, 1.5 a measure's `per`).")
    documents: list[DocumentReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    def summarize(self) -> "Report":
        """Recompute the summary from the documents (returns self)."""
        s = Summary(files=len(self.documents))
        for d in self.documents:
            s.claims += len(d.claims)
            s.failed_files += d.error is not None
            for f in d.findings:
                if f.severity == "error":
                    s.errors += 1
                elif f.severity == "warning":
                    s.warnings += 1
                else:
                    s.infos += 1
        self.summary = s
        return self
