from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from claimcheck.models import DocumentReport, EventClaim, Excerpt, Finding, Report, Span
from claimcheck.report import html, render

VOID = {"meta", "br", "hr", "img", "input", "link", "line", "circle", "rect"}


class Tree(HTMLParser):
    """Checks tags nest and close properly; collects ids, hrefs and external references."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        for key in ("src", "href"):
            if attrs.get(key, "#").split("#")[0]:
                self.external.append(attrs[key])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert tree.stack == ["html"] or tree.stack == [], tree.stack
    return tree


@pytest.mark.parametrize("fixture", ["report", "report_without_text", "many_findings_report"])
def test_page_is_well_formed_and_self_contained(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    tree = parse(page)
    assert tree.external == []
    assert "<script" not in page and "<link" not in page and "http" not in page
    assert len(tree.ids) == len(set(tree.ids))
    assert all(href[1:] in tree.ids for href in tree.hrefs), "every link lands on an element"


@pytest.mark.parametrize("fixture", ["report", "report_without_text"])
def test_article_text_is_escaped(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    assert "<Valley>" not in page and "<2024>" not in page
    assert "&lt;Valley&gt; &amp; beyond" in page


@pytest.mark.parametrize("fixture", ["report", "report_without_text"])
def test_every_claim_is_highlighted_with_a_tooltip(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    marks = re.findall(r'<mark class="claim ([^"]+)" id="d0-(c\d)"', page)
    assert [cid for _, cid in marks] == ["c1", "c2", "c3", "c4", "c5"]
    classes = dict((cid, cls) for cls, cid in marks)
    assert "sev-error" in classes["c4"] and "k-event" in classes["c4"]
    assert "sev-warning" in classes["c5"] and "k-casualty" in classes["c5"]
    assert "sev-" not in classes["c2"]
    tip = re.search(r'id="d0-c1"[^>]*>[^<]*<span class="tip" role="tooltip">(.*?)</span></mark>', page, re.S).group(1)
    for text in ("casualty: ≥42 people", "killed", "date: 2024-06-17", "sources: officials (said)", "modality: reported"):
        assert text in tip


def article_of(page: str, index: int = 0) -> str:
    return re.search(rf'<article class="article" id="d{index}-article">(.*?)</article>', page, flags=re.S).group(1)


@pytest.mark.parametrize(("fixture", "shown"), [("report", '<span class="no">7</span>'), ("report_without_text", "line 7</span>")])
def test_full_text_when_given_else_claim_sentences(fixture, shown, request):
    article = article_of(render(request.getfixturevalue(fixture), "html"))
    assert shown in article
    assert article.count("A convoy of rescue teams ") == 1


@pytest.mark.parametrize("fixture", ["report"])
def test_findings_link_to_the_claims_they_cite(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    finding = re.search(r'<li class="finding sev-error" id="d0-f1">.*?</li></ul>', page).group(0)
    assert '<a href="#d0-c4">line 7:26</a>' in finding
    # both sides, each quoted in its sentence with the cited words marked and a link to them in the article
    assert '<span class="role">event</span><a href="#d0-c4">line 7</a>' in finding
    assert '<blockquote>A convoy of rescue teams <mark class="own">reached the valley</mark> on June 3, 2023' in finding
    assert '<span class="role">onset</span><a href="#d0-c3">line 6</a>' in finding
    assert "<blockquote>Rescue teams <mark>began arriving</mark> on June 10, 2024" in finding
    assert "<b>Suggestion:</b> did you mean 2024-06-03?" in page
    assert "Not checked: [E001] missing.txt: no such file or directory" in page


@pytest.mark.parametrize("fixture", ["report"])
def test_highlights_link_back_to_their_findings(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    refs = re.findall(r'<a class="ref (sev-\w+)" href="#d0-f(\d)"', article_of(page))
    assert ("sev-error", "1") in refs and ("sev-warning", "2") in refs and ("sev-info", "3") in refs
    assert re.search(r'id="d0-c4".*?</mark><a class="ref sev-error" href="#d0-f1"', page)


MARKDOWN = """---
date: 2024-07-15
title: Kenyan police mission in Haiti
---

Kenyan police units arrived in Port-au-Prince in late June 2024, officials said.

On March 3, 2024, two Kenyan officers were wounded in a gang ambush near the
airport, according to the police.
"""


def markdown_report(text: str = MARKDOWN, path: str = "haiti.md") -> Report:
    def span(words: str) -> Span:
        start = text.index(words)
        line = text.count("\n", 0, start) + 1
        return Span(start=start, end=start + len(words), line=line,
                    column=start - text.rfind("\n", 0, start), text=words)

    arrived = EventClaim(id="c1", span=span("arrived"), sentence="Kenyan police units arrived", what="arrived",
                         phase="onset")
    sentence = text[text.index("On March 3"):text.index("police.") + 7]
    wounded = EventClaim(id="c2", span=span("two Kenyan officers were wounded"), sentence=sentence,
                         sentence_span=span(sentence), what="wounded")
    crossing = EventClaim(id="c3", span=span("near the\nairport"), sentence="near the airport", what="ambush place")
    date_span = span("March 3, 2024")
    finding = Finding(rule="CC101", name="event-before-onset", severity="error", message="before the onset",
                      span=date_span, evidence=["c2", "c1"],
                      excerpts=[Excerpt(claim="c2", role="event", span=wounded.span),
                                Excerpt(claim="c1", role="onset", span=arrived.span)])
    doc = DocumentReport(path=path, published="2024-07-15", published_source="front-matter",
                         title="Kenyan police mission in Haiti", claims=[arrived, wounded, crossing],
                         findings=[finding], text=text)
    return Report(claimcheck="0.1.0", documents=[doc]).summarize()


def test_front_matter_becomes_the_headline_and_date_line():
    page = render(markdown_report(), "html")
    article = article_of(page)
    assert "---" not in article and "date:" not in article and "title:" not in article
    assert "<h2>Kenyan police mission in Haiti</h2>" in page
    assert 'Published <time datetime="2024-07-15">Monday, 15 July 2024</time> · from the front matter' in page
    numbers = re.findall(r'<span class="no">(\d+)</span>', article)
    assert numbers == ["6", "8", "9"]  # file lines: the body starts on line 6; blank lines are not rows
    parse(page)


def test_plain_text_header_is_not_shown_either(report):
    """A .txt file's ``date:``/``title:`` header block is metadata too."""
    doc = report.documents[0]
    doc.path = "news/floods.txt"
    article = article_of(render(report, "html"))
    assert "date: 2024-06-20" not in article and "title:" not in article
    assert re.findall(r'<span class="no">(\d+)</span>', article)[0] == "4"


def test_a_flagged_span_outside_the_claims_is_highlighted_and_linked():
    page = render(markdown_report(), "html")
    assert re.search(r'<mark class="hit sev-error" id="d0-f1-at" tabindex="0">March 3, 2024<span class="tip"', page)
    assert '<a href="#d0-f1-at">line 8:4</a>' in page
    # its own words are quoted with the event they date, in one sentence
    assert "<mark class=\"own\">March 3, 2024</mark>, <mark>two Kenyan officers were wounded</mark>" in page


def test_a_span_across_a_line_break_is_one_highlight_in_two_pieces():
    page = render(markdown_report(), "html")
    assert re.search(r'<mark class="claim k-event" id="d0-c3" tabindex="0">near the<span class="tip"', page)
    assert '<span class="tx"><mark class="claim k-event">airport</mark>' in page
    parse(page)


def test_findings_come_before_the_article_and_move_beside_it_on_wide_screens():
    page = render(markdown_report(), "html")
    assert page.index('<aside class="findings-pane" id="d0-findings"') < page.index('<article class="article"')
    assert 'grid-template-areas:"article findings"' in html.CSS
    narrow = html.CSS[html.CSS.index("@media (max-width:900px)"):]
    assert 'grid-template-areas:"findings" "article"' in narrow
    assert '<a href="#d0-findings">Findings (1)</a> · <a href="#d0-article">Article</a>' in page


def test_an_html_source_is_shown_as_its_claim_sentences():
    text = "<html><body><p>Kenyan police units <b>arrived</b> in late June 2024.</p></body></html>"
    claim = EventClaim(id="c1", span=Span(start=text.index("arrived"), end=text.index("arrived") + 7, line=1,
                                          column=text.index("arrived") + 1, text="arrived"),
                       sentence="Kenyan police units arrived in late June 2024.", what="arrived")
    doc = DocumentReport(path="story.html", claims=[claim], text=text)
    article = article_of(render(Report(claimcheck="0.1.0", documents=[doc]).summarize(), "html"))
    assert "&lt;p&gt;" not in article and "&lt;b&gt;" not in article
    assert 'Kenyan police units <mark class="claim k-event" id="d0-c1"' in article


def test_any_rule_severity_and_role_renders_with_both_sides():
    report = markdown_report()
    doc = report.documents[0]
    f = doc.findings[0]
    doc.findings.append(Finding.model_construct(
        rule="CC977", name="some-new-rule", severity="critical", message="a new kind of contradiction",
        span=doc.claims[0].span, evidence=["c1", "c2"], suggestion=None, fingerprint=None,
        excerpts=[Excerpt(claim="c1", role="first side", span=doc.claims[0].span),
                  Excerpt(claim="c2", role="second side", span=f.excerpts[0].span)]))
    page = render(report, "html")
    item = re.search(r'<li class="finding sev-critical" id="d0-f2">.*?</li></ul>', page).group(0)
    assert '<span class="badge">critical</span><span class="rule">CC977</span>' in item
    assert '<span class="role">first side</span>' in item and '<span class="role">second side</span>' in item
    assert item.count("<blockquote>") == 2
    parse(page)


@pytest.mark.parametrize("fixture", ["report"])
def test_timeline_draws_dated_claims_coloured_by_severity(fixture, request):
    svg = re.search(r"<svg.*?</svg>", render(request.getfixturevalue(fixture), "html"), flags=re.S).group(0)
    rows = re.findall(r'<g class="row( sev-\w+)?"><title>(c\d)', svg)
    assert rows == [(" sev-error", "c4"), (" sev-error", "c3"), (" sev-warning", "c1")]
    assert svg.count("<circle") == 3
    assert 'class="pub"' in svg


@pytest.mark.parametrize("claims", [[]])
def test_no_claims_no_timeline(claims):
    doc = DocumentReport(path="empty.txt", claims=claims, text="Nothing to see.")
    page = render(Report(claimcheck="0.1.0", documents=[doc]).summarize(), "html")
    assert "No dated claims." in page and "No contradictions found." in page


@pytest.mark.parametrize(("outer", "inner"), [((0, 30), (10, 20)), ((0, 15), (10, 25))])
def test_overlapping_claims_share_one_mark(outer, inner):
    text = "Nine aid workers were killed in the strike, the UN said."
    claims = [
        EventClaim(id=f"c{i}", span=Span(start=s, end=e, line=1, column=s + 1, text=text[s:e]),
                   sentence=text, what=text[s:e])
        for i, (s, e) in enumerate([outer, inner], start=1)
    ]
    doc = DocumentReport(path="a.txt", claims=claims, text=text)
    page = render(Report(claimcheck="0.1.0", documents=[doc]).summarize(), "html")
    assert article_of(page).count("<mark") == 1
    assert "<b>c1</b>" in page and "<b>c2</b>" in page
    parse(page)


@pytest.mark.parametrize(
    ("t0", "t1"),
    [
        (date(2024, 6, 1), date(2024, 6, 3)),
        (date(2024, 5, 20), date(2024, 7, 1)),
        (date(2023, 5, 1), date(2024, 7, 1)),
        (date(1914, 7, 28), date(2024, 12, 1)),
        (date(898, 1, 1), date(2023, 6, 1)),  # a typo year far back must not crash the axis
        (date(1, 1, 1), date(9999, 1, 1)),
    ],
)
def test_axis_ticks_are_few_ordered_and_inside_the_range(t0, t1):
    ticks = html.ticks(t0, t1)
    assert 1 <= len(ticks) <= 13
    days = [t for t, _ in ticks]
    assert days == sorted(days) and t0 <= days[0] and days[-1] <= t1
