"""claimcheck_quotes: finding quotation marks, quote types, cues and speakers."""

from __future__ import annotations

import pytest

from claimcheck.pipeline.quotes import find_quote_spans

from conftest import SAMPLE


def _contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('He said: "We will win." Then he left.', ["We will win."]),
        ("“It was a disaster,” he said.", ["It was a disaster,"]),
        ("``Fine,'' she said.", ["Fine,"]),
        ("They called it 'cannon fodder' for Russia.", ["cannon fodder"]),
        ("It’s Russia’s war, and the '90s are over.", []),
        ("The soldiers’ families waited. It's late.", []),
        ("Acme Corp.'s new chip could delay computer makers' plans.", []),
        ("The (so-called 'peace plan') failed.", ["peace plan"]),
        ("“First paragraph.\n\n“Second paragraph,” she said.", ["First paragraph.\n\n“Second paragraph,"]),
        ("“Unclosed quote runs to the end\n\nNext paragraph.", ["Unclosed quote runs to the end"]),
        ("“A,” he said, “B.”", ["A,", "B."]),
    ],
)
def test_find_quote_spans(text, expected):
    assert _contents(text) == expected


def _quotes(nlp, text):
    return nlp(text)._.cc_quotes


@pytest.mark.parametrize(
    "text,quote_type,cue,name",
    [
        ('Mayor Ann Lee said: "The bridge will reopen in May."', "direct", "said", "Ann Lee"),
        ("“The bridge will reopen in May,” Mayor Ann Lee said on Tuesday.", "direct", "said", "Ann Lee"),
        ("“We are ready,” said Tom Bell, the coach.", "direct", "said", "Tom Bell"),
        ("The minister described the plan as 'a disaster' for farmers.", "partial", "described", "minister"),
        ("Senator Kay Hill spoke at noon, adding, “Nobody is above the law.”", "direct", "adding", "Kay Hill"),
        ('Mayor Ann Lee said:\n\n"The bridge will reopen in May."', "direct", "said", "Ann Lee"),
        ("The Daily Ledger reports:\n\n“Two bridges will close in May.”", "direct", "reports", "Daily Ledger"),
    ],
)
def test_type_cue_and_speaker(nlp, text, quote_type, cue, name):
    (q,) = _quotes(nlp, text)
    assert (q.quote_type, q.cue) == (quote_type, cue)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(
    "text,name",
    [
        ("Governor Maria Lopez visited the flooded town. “We will rebuild,” she said.", "Maria Lopez"),
        ("Coach Dan Ortiz, 54, spoke after the game. He said: “We were lucky.”", "Dan Ortiz"),
    ],
)
def test_pronoun_speakers_resolve_to_the_preceding_person(nlp, text, name):
    (q,) = _quotes(nlp, text)
    assert q.speaker.name == name and q.speaker.text.lower() in ("he", "she")


@pytest.mark.parametrize(
    "text,name,role,organization",
    [
        ("The Pentagon's Major General Pat Ryder said, “The numbers are rising.”", "Pat Ryder", "Major General", "Pentagon"),
        ("Edward Howell, of the Chatham House think tank, said, “It is over.”", "Edward Howell", None, "Chatham House"),
    ],
)
def test_titles_and_affiliations_are_kept_apart(nlp, text, name, role, organization):
    (q,) = _quotes(nlp, text)
    assert (q.speaker.name, q.speaker.role, q.speaker.organization) == (name, role, organization)


@pytest.mark.parametrize(
    "text,organization",
    [('Military analysts from the Institute for the Study of War wrote, "The front is stable."', "Institute for the Study of War")],
)
def test_group_speakers(nlp, text, organization):
    (q,) = _quotes(nlp, text)
    assert q.speaker.group and q.speaker.organization == organization


def test_speaker_split_quote_keeps_one_speaker(nlp):
    quotes = _quotes(nlp, "“We lost the vote,” Jim Park said, “but not the argument.”")
    assert [q.speaker.name for q in quotes] == ["Jim Park", "Jim Park"]


def test_speaker_span_points_at_the_mention(nlp):
    text = "“Prices will fall,” the economist Ruth Adler told reporters."
    (q,) = _quotes(nlp, text)
    span = q.speaker.span
    assert "Ruth Adler" in text[span.start : span.end]
    assert (q.cue_start, q.cue_end) == (text.index("told"), text.index("told") + 4)


def test_seed_article_quotes(nlp):
    doc = nlp(SAMPLE.read_text(encoding="utf-8"))
    quotes = doc._.cc_quotes
    scare = quotes[0]
    assert (scare.text, scare.quote_type) == ("cannon fodder", "partial")
    assert scare.speaker.group and "officials" in scare.speaker.name
    direct = [(q.speaker.name, q.cue, q.speaker.group, q.speaker.organization) for q in quotes if q.quote_type == "direct"]
    assert direct[0][:2] == ("Volodymyr Zelensky", "noting")
    assert direct[1][1:] == ("stating", True, "Institute for the Study of War")
    assert direct[2] == ("Edward Howell", "remarked", False, "Chatham House")
    assert direct[3][:2] == ("Konstantin Sonin", "have noted")
    assert len(direct) == 4


@pytest.mark.parametrize(
    "text,mention,name",
    [
        (
            "Mayor Ann Lee toured the site. “The water is falling,” she said. “We will reopen the bridge.”"
            "\n\nThe county engineers said repairs would take a month.",
            "she",
            "Ann Lee",
        ),
        (
            "“Prices are too high,” said Tom Bell, a farmer. “Nobody can pay them.”\n\nThe ministry disputed the figures.",
            "Tom Bell, a farmer",
            "Tom Bell",
        ),
    ],
)
def test_a_cue_in_the_next_paragraph_is_not_the_quotes(nlp, text, mention, name):
    second = _quotes(nlp, text)[-1]
    assert second.cue == "said"
    assert second.speaker.text == mention and second.speaker.name == name
    assert text[second.speaker.span.start : second.speaker.span.end] == mention


@pytest.mark.parametrize(
    "text",
    [
        "Senator Kay Hill spoke first. “The budget is late,” she said. “We will fix it. It was a mess.”\n"
        "“I thought she was very effective at being calm,” the analyst Tom Bell said.",
        "“The budget is late,” Kay Hill said. “Do you still believe the plan works? Why?”\n"
        "“The truth is that this has been manufactured,” the governor said.",
    ],
)
def test_the_next_paragraphs_quote_does_not_lend_its_speaker(nlp, text):
    second = _quotes(nlp, text)[1]
    assert second.speaker.name == "Kay Hill"
    assert "\n" not in text[second.speaker.span.end : second.start]


def _blank_doc(text: str, person: str | None = None, with_dash: bool = False):
    """A tokenized Doc with (optionally) ``person`` and the dash tagged PERSON by hand."""
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    ents = []
    if with_dash:
        dash = next(t for t in doc if t.text == "―")
        ents.append(Span(doc, dash.i, dash.i + 1, label="PERSON"))
    if person:
        start = text.index(person)
        ents.append(doc.char_span(start, start + len(person), label="PERSON"))
    doc.ents = ents
    return doc


@pytest.mark.parametrize(
    "text,person,with_dash,expected",
    [
        ("“We need better schools.” ― Julie A. Diaz\n\nMore letters.", "Julie A. Diaz", True, "Julie A. Diaz"),
        ("“We need better schools.” ― Julie A. Diaz\n\nMore letters.", None, False, "Julie A. Diaz"),
        ("“We need better schools.” ― Oscar Reyes.", None, False, "Oscar Reyes"),
        ("“We need better schools.” ― and that is what the parents told the board.\n", None, False, None),
    ],
)
def test_dash_bylines(text, person, with_dash, expected):
    from claimcheck.pipeline.quotes import dash_speaker

    close_end = text.index("”") + 1
    byline = dash_speaker(_blank_doc(text, person, with_dash), close_end)
    assert (byline.text if byline is not None else None) == expected


@pytest.mark.parametrize(
    "text,index,mention",
    [
        (
            "“I will make this promise to you: We will find the truth in this case,” Tulsa police Chief Chuck Jordan"
            " said Monday. “I want to assure our community.”",
            1,
            "Chuck Jordan",
        ),
        ("The plan would make the tax code longer. Said Ellis: “I don’t see any interest in reform.”", 0, "Ellis"),
        ("“The enemy will be crushed,” added KCNA, the state news agency.", 0, "KCNA"),
    ],
)
def test_a_speaker_written_beside_the_cue_and_never_inside_a_quote(nlp, text, index, mention):
    q = _quotes(nlp, text)[index]
    assert q.cue.lower() in {"said", "added"}
    assert mention in text[q.speaker.span.start : q.speaker.span.end]


@pytest.mark.parametrize(
    "text,name",
    [
        ("“The vote was close,” Tom Bell said.\n\nAccording to Maria Lopez, “Nobody expected the result.”", "Maria Lopez"),
        ("According to Senator Kay Hill, “the budget is a disaster for farmers.”", "Kay Hill"),
    ],
)
def test_according_to_names_the_speaker(nlp, text, name):
    q = _quotes(nlp, text)[-1]
    assert q.cue == "According to" and q.speaker.name == name


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "“We hope the talks go well,” Governor Maria Lopez said after meeting the union. She did not suggest a deadline."
            " “Our goal is a fair contract for every nurse.”",
            "Maria Lopez",
        ),
        (
            "“The army is exhausted,” Jim Park said Thursday morning on Channel Five’s “Morning Show.”"
            " “There is a lot of frustration within the ranks.”",
            "Jim Park",
        ),
    ],
)
def test_a_quote_without_its_own_cue_keeps_the_last_speaker(nlp, text, name):
    last = _quotes(nlp, text)[-1]
    assert last.speaker is not None and last.speaker.name == name


@pytest.mark.parametrize(
    "text",
    ["Governor Maria Lopez did not comment on the plan. “Nothing has been decided.”"],
)
def test_a_denied_statement_is_no_cue(nlp, text):
    (q,) = _quotes(nlp, text)
    assert q.cue is None and q.speaker is None


@pytest.mark.model
@pytest.mark.parametrize(
    "text,form",
    [
        ('Critics praised the documentary "Salt and Stone" after its premiere.', "title"),
        ('"Salt and Stone" opened in twelve cities, its producer Carla Veit said.', "title"),
        ("The raids, code-named 'Operation Iron Gate', ended on Sunday.", "title"),
        ('Boxer Tomas "The Hammer" Kovac retired on Friday.', "title"),
        ('The campaign group called the deal a "betrayal" on Tuesday.', "term"),
        ('Finance Minister Ada Ruiz said the cuts were "deeply unfair".', "term"),
        ('Ada Ruiz said the budget would "leave nobody behind this winter".', "quotation"),
        ('"We will rebuild every school," Ada Ruiz said.', "quotation"),
        ('"No," she said.', "quotation"),
    ],
)
def test_quotation_form(nlp, text, form):
    from claimcheck.pipeline.quotes import extract_quotes

    [q] = extract_quotes(nlp(text))
    assert q.form == form
    if form != "quotation":
        assert q.quote_type == "partial"
    if form == "title":
        assert q.speaker is None and not nlp(text)._.cc_quotes


@pytest.mark.model
@pytest.mark.parametrize(
    "text,speaker",
    [
        # the one told is never the speaker
        ('Nurse Dana Cole met the minister. "We are out of beds," she told Health Minister Ivan Petrov.', "Dana Cole"),
        ('"We are out of beds," Ivan Petrov was told by the nurse, Dana Cole.', "Dana Cole"),
        # a determiner standing for several people is a group
        ('Anna Berg and Luis Prado met on Monday. "We have agreed on a ceasefire," both said.', None),
    ],
)
def test_speakers_are_never_the_addressee(nlp, text, speaker):
    [q] = _quotes(nlp, text)
    if speaker is None:
        assert q.speaker is not None and q.speaker.group
    else:
        assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text,speaker",
    [
        # a verb of saying left out: the name alone after the quotation
        ('The port reopened.\n\n"Every crane is working again and the backlog is gone," Halvorsen.', "Halvorsen"),
        # the speaker phrase after an inverted cue ends where the name does
        ('Cases rose.\n\n"Clinics must test every visitor," cautioned virologist Mara Lindqvist of the National Health Institute.', "Mara Lindqvist"),
        # "per" is a cue only in "as per": "dollars per barrel" is not
        ('Prices fell.\n\nAsked about a fair price, Omar Saleh said: "It is still between 40 and 60," dollars per barrel.', "Omar Saleh"),
    ],
)
def test_speakers_beside_the_quotation(nlp, text, speaker):
    [q] = _quotes(nlp, text)
    assert q.speaker is not None and q.speaker.name == speaker
