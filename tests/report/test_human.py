"""The terminal report: headers, code frames, windows on long lines, summary, options."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from rich.console import Console

from claimcheck.models import ClaimBase, DocumentReport, EventClaim, Excerpt, Finding, Report, Span
from claimcheck.report import human

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=start + len(needle), line=line, column=column, text=needle)


def lines_of(out: str) -> list[str]:
    return out.rstrip("\n").split("\n")


def frame_after(lines: list[str], header_start: str) -> list[str]:
    """The lines of the finding whose header starts with ``header_start``, up to the next blank line."""
    i = next(i for i, line in enumerate(lines) if line.startswith(header_start))
    j = next((k for k in range(i, len(lines)) if not lines[k]), len(lines))
    return lines[i:j]


def marker_column(source_row: str, under_row: str, words: str, marker: str) -> tuple[int, int]:
    """Where ``words`` sit in a source row and where the run of ``marker`` starts below it."""
    run = re.search(re.escape(marker) + "+", under_row)
    assert run, under_row
    return source_row.index(words), run.start()


def test_finding_header_frames_and_help(report):
    lines = lines_of(human.render(report, width=200))
    block = frame_after(lines, "news/floods <2024>.md:7:26:")
    assert block[0] == (
        "news/floods <2024>.md:7:26: error CC101 [event-before-onset] "
        "Event dated 2023-06-03, before the onset: 2024-06-10 (100% of the sides agree)"
    )
    assert block[1] == "  |"
    assert block[2] == "7 | A convoy of rescue teams reached the valley on June 3, 2023, officials said."
    assert marker_column(block[2], block[3], "reached the valley", "^") == (
        block[2].index("reached the valley"),
        block[2].index("reached the valley"),
    )
    assert block[3].rstrip().endswith("^" * len("reached the valley") + " event")
    # the other side of the contradiction: its own frame, its own line, a '-' underline and its role
    assert block[4] == "  |"
    assert block[5] == "6 | Rescue teams began arriving on June 10, 2024, according to the Red Cross."
    words, run = marker_column(block[5], block[6], "began arriving", "-")
    assert words == run
    assert block[6].endswith("-" * len("began arriving") + " onset")
    assert block[-2:] == ["  |", "  = help: did you mean 2024-06-03?"]


def test_message_line_breaks_fold_into_the_header(report):
    out = human.render(report, width=200)
    assert "[cumulative-decrease] The toll falls from 42 to 38. Check the later figure." in out


def test_the_same_span_is_framed_once(report):
    """CC303 cites the finding's own span as its only excerpt: one frame, labelled with the role."""
    block = frame_after(lines_of(human.render(report, width=200)), "news/floods <2024>.md:8:24: info")
    assert [line for line in block if line.startswith("8 |")] == [
        "8 | The toll later fell to 38 dead, according to local media."
    ]
    assert block[-1].endswith("^" * len("38 dead") + " figure")


def test_without_the_file_text_the_claim_sentence_is_framed(report_without_text):
    block = frame_after(lines_of(human.render(report_without_text, width=200)), "news/floods <2024>.md:7:26:")
    assert block[2] == "7 | A convoy of rescue teams reached the valley on June 3, 2023, officials said."
    assert marker_column(block[2], block[3], "reached the valley", "^")[1] == block[2].index("reached the valley")


def long_line_report(onset: bool = True) -> Report:
    """One paragraph-long line (as wire copy often is) with the finding in its third sentence."""
    sentences = [
        "The ministry published its yearly figures on Monday after a long delay.",
        "Officials said the numbers had been checked twice by independent auditors.",
        "At least 42 people were killed in the floods of June 3, 2023, the ministry said.",
        "Rescue teams began arriving a week later, according to the Red Cross.",
        "The government has promised a full inquiry into the response and its cost.",
    ]
    text = "date: 2024-06-20\n\n" + " ".join(sentences) + "\n"

    def event(cid: str, words: str, sentence: str) -> EventClaim:
        return EventClaim(id=cid, span=span_of(text, words), sentence=sentence,
                          sentence_span=span_of(text, sentence), what=words)

    claims = [event("c1", "killed", sentences[2]), event("c2", "began arriving", sentences[3])]
    finding = Finding(rule="CC101", name="event-before-onset", severity="error", message="before the onset",
                      span=span_of(text, "June 3, 2023"), evidence=["c1", "c2"],
                      excerpts=[Excerpt(claim="c2", role="onset", span=claims[1].span)] if onset else [])
    doc = DocumentReport(path="long.txt", text=text, claims=claims, findings=[finding])
    return Report(claimcheck="0.1.0", documents=[doc]).summarize()


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
def test_long_lines_show_a_window_around_the_span(width):
    lines = lines_of(human.render(long_line_report(), width=width))
    assert max(len(line) for line in lines) <= width
    rows = [i for i, line in enumerate(lines) if line.startswith("3 | ")]
    text = long_line_report().documents[0].text
    assert rows and all(len(lines[i]) < len(text.split("\n")[2]) for i in rows)  # windows, not the whole line
    found = {}
    for i in rows:
        for words, marker in (("June 3, 2023", "^"), ("began arriving", "-")):
            if words in lines[i] and marker in lines[i + 1]:
                run = re.search(re.escape(marker) + "+", lines[i + 1])
                assert (run.start(), run.end() - run.start()) == (lines[i].index(words), len(words))
                found[words] = i
    assert set(found) == {"June 3, 2023", "began arriving"}
    # both fit one window from 80 columns on; narrower, the onset gets a frame of its own
    assert (found["June 3, 2023"] == found["began arriving"]) == (width >= 80)


def test_a_window_shows_the_whole_sentence_when_it_fits():
    lines = lines_of(human.render(long_line_report(onset=False), width=120))
    (row,) = [line for line in lines if line.startswith("3 | ")]
    # no ellipsis at the sentence's ends: the rest of the line is other sentences
    assert row == "3 | At least 42 people were killed in the floods of June 3, 2023, the ministry said."


@pytest.mark.parametrize("width", [40, 80, 100, 120])
def test_report_fits_the_width(report, width):
    out = human.render(report, width=width, show=("claims", "timeline"))
    assert max(len(line) for line in lines_of(out)) <= width


@pytest.mark.parametrize(
    ("counts", "files", "failed", "expected"),
    [
        ((1, 2, 1), 1, 0, "1 error, 2 warnings, 1 info in 1 file (3 claims)"),
        ((0, 1, 0), 2, 0, "1 warning in 2 files (3 claims)"),
        ((2, 0, 3), 1, 0, "2 errors, 3 infos in 1 file (3 claims)"),
        ((0, 0, 0), 3, 0, "No contradictions found in 3 files (3 claims)"),
        ((0, 0, 0), 2, 1, "No contradictions found in 1 file (3 claims); 1 file not checked"),
        ((0, 0, 0), 2, 2, "2 files not checked"),
    ],
)
def test_summary_line_counts_in_words(counts, files, failed, expected):
    report = Report(claimcheck="0.1.0")
    report.summary.errors, report.summary.warnings, report.summary.infos = counts
    report.summary.files, report.summary.failed_files, report.summary.claims = files, failed, 3
    assert human.summary_line(report).plain == expected
    assert human.render(report, width=100).splitlines()[-1] == expected


def test_claims_and_timeline_only_when_shown(report):
    default = human.render(report, width=100)
    assert "Casualties" not in default and "Timeline" not in default
    shown = human.render(report, width=100, show=("claims", "timeline"))
    for text in ("news/floods <2024>.md  published 2024-06-20 (front-matter)", "Casualties (2)", "Quotes (1)",
                 "Events (2)", "Timeline", "2023-06-03"):
        assert text in shown
    only_timeline = human.render(report, width=100, show=("timeline",))
    assert "Timeline" in only_timeline and "Casualties" not in only_timeline


def test_quiet_prints_only_the_summary(report):
    assert human.render(report, width=100, quiet=True) == (
        "1 error, 1 warning, 1 info in 1 file (5 claims); 1 file not checked\n"
    )


def test_statistics_count_findings_per_rule_and_severity(many_findings_report):
    lines = lines_of(human.render(many_findings_report, width=100, statistics=True))
    assert [line.split() for line in lines[:3]] == [
        ["14", "CC201", "error", "[count-conflict]"],
        ["12", "CC201", "warning", "[count-conflict]"],
        ["3", "CC201", "info", "[count-conflict]"],
    ]
    assert lines[-1] == "14 errors, 12 warnings, 3 infos in 1 file (0 claims)"
    assert "m1" not in "\n".join(lines)  # the findings themselves are not listed


def test_problems_are_listed_unless_the_caller_prints_them(report):
    assert "missing.txt: error: [E001] missing.txt: no such file or directory" in human.render(report, width=100)
    assert "[E001]" not in human.render(report, width=100, problems=False)


def test_colours_come_from_the_theme(report):
    out = human.render(report, width=100, color=True)
    assert "\x1b[" in out and ANSI.sub("", out) == human.render(report, width=100)
    console = Console(file=StringIO(), force_terminal=True, color_system="standard", theme=human.THEME,
                      highlight=False)
    for name, words in (("severity.error", "1 error"), ("severity.warning", "1 warning"),
                        ("severity.info", "1 info"), ("frame.gutter", "  |")):
        with console.capture() as captured:
            console.print(words, style=name, end="")
        assert captured.get() in out, name  # the words in the exact colours the theme gives the style


def test_rendering_through_a_console_of_a_given_width(report):
    """The renderables print on any console: a 60-column one wraps nothing past 60."""
    buf = StringIO()
    console = Console(file=buf, width=60, theme=human.THEME, no_color=True, highlight=False)
    for block in human.document_blocks(report.documents[0], 60, (), True):
        for r in block:
            console.print(r)
    assert max(len(line) for line in buf.getvalue().splitlines()) <= 60
    assert "7 | " in buf.getvalue()


class VoteCount(ClaimBase):
    """A claim kind the renderers have never heard of."""

    kind: str = "vote_count"
    votes: int = 0


def test_unknown_claim_kinds_rule_codes_and_roles_render():
    text = "The council voted 7 to 2 on Monday, the clerk said.\nLater the tally was 6 to 3, officials said.\n"
    first, second = span_of(text, "7 to 2"), span_of(text, "6 to 3")
    sentence_one, sentence_two = text.split("\n")[:2]
    claims = [
        VoteCount(id="c1", span=first, sentence=sentence_one, sentence_span=span_of(text, sentence_one), votes=9),
        VoteCount(id="c2", span=second, sentence=sentence_two, sentence_span=span_of(text, sentence_two), votes=9),
    ]
    finding = Finding(rule="CC999", name="tally-changed", severity="info", message="two tallies",
                      span=second, evidence=["c2", "c1"],
                      excerpts=[Excerpt(claim="c2", role="later tally", span=second),
                                Excerpt(claim="c1", role="earlier tally", span=first)])
    doc = DocumentReport.model_construct(path="council.txt", text=text, claims=claims, findings=[finding],
                                         dates=[], warnings=[], error=None, published=None, title=None)
    report = Report.model_construct(claimcheck="0.1.0", documents=[doc], summary=Report(claimcheck="x").summary)
    report.summarize()
    out = human.render(report, width=100, show=("claims", "timeline"))
    assert "council.txt:2:21: info CC999 [tally-changed] two tallies" in out
    assert "- earlier tally" in out and "^ later tally" in out
    assert "Vote counts (2)" in out and "6 to 3" in out


def test_a_label_left_of_the_flagged_words_hangs_below_the_row():
    text = "Zelensky said the Ukrainian incursion began during August 2023, officials said.\n"
    date, claim_span = span_of(text, "August 2023"), span_of(text, "incursion began")
    claim = EventClaim(id="c1", span=claim_span, sentence=text.strip(), sentence_span=span_of(text, text.strip()),
                       what="incursion began")
    finding = Finding(rule="CC102", name="date-outside-frame", severity="warning", message="far from the rest",
                      span=date, evidence=["c1"], excerpts=[Excerpt(claim="c1", role="date", span=claim_span)])
    doc = DocumentReport(path="a.txt", text=text, claims=[claim], findings=[finding])
    lines = lines_of(human.render(Report(claimcheck="0.1.0", documents=[doc]).summarize(), width=100))
    row = lines.index("1 | " + text.strip())
    under, connector, label = lines[row + 1 : row + 4]
    assert under.index("-") == lines[row].index("incursion began")
    assert under.index("^") == lines[row].index("August 2023")
    assert under.rstrip().endswith("^" * len("August 2023"))  # nothing after the flagged words' marks
    assert connector == "  | " + " " * (under.index("-") - 4) + "|"
    assert label == "  | " + " " * (under.index("-") - 4) + "date"


def test_a_finding_with_many_places_names_the_ones_it_does_not_frame():
    text = "".join(f"Report {i}: 10 people were killed.\n" for i in range(1, 9))
    spans = [span_of(text, f"Report {i}:") for i in range(1, 9)]
    finding = Finding(rule="CC201", name="count-conflict", severity="error", message="eight counts",
                      span=spans[0], excerpts=[Excerpt(claim=f"c{i}", role="figure", span=s)
                                               for i, s in enumerate(spans[1:], start=2)])
    doc = DocumentReport(path="many.txt", text=text, findings=[finding])
    lines = lines_of(human.render(Report(claimcheck="0.1.0", documents=[doc]).summarize(), width=100))
    framed = [line.split(" | ")[0].strip() for line in lines if re.match(r"\d+ \| ", line)]
    assert framed == ["1", "2", "3", "4"]  # the finding's own line and three more
    assert "  = note: also line 5 (figure), line 6 (figure), line 7 (figure), line 8 (figure)" in lines
