from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest

from claimcheck.models import DocumentReport, EventClaim, Report, Span
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
    marks = re.findall(r'<mark class="([^"]+)" id="d0-(c\d)"', page)
    assert [cid for _, cid in marks] == ["c1", "c2", "c3", "c4", "c5"]
    classes = dict((cid, cls) for cls, cid in marks)
    assert "sev-error" in classes["c4"] and "k-event" in classes["c4"]
    assert "sev-warning" in classes["c5"] and "k-casualty" in classes["c5"]
    assert "sev-" not in classes["c2"]
    tip = re.search(r'id="d0-c1".*?<span class="tip" role="tooltip">(.*?)</span></mark>', page).group(1)
    for text in ("casualty: ≥42 people", "killed", "date: 2024-06-17", "sources: officials (said)", "modality: reported"):
        assert text in tip


@pytest.mark.parametrize(("fixture", "shown"), [("report", 'class="full"'), ("report_without_text", "line 7</span>")])
def test_full_text_when_given_else_claim_sentences(fixture, shown, request):
    page = render(request.getfixturevalue(fixture), "html")
    assert shown in page
    assert page.count("A convoy of rescue teams ") == 1


@pytest.mark.parametrize("fixture", ["report"])
def test_findings_link_to_the_claims_they_cite(fixture, request):
    page = render(request.getfixturevalue(fixture), "html")
    finding = re.search(r'<li class="finding sev-error" id="d0-f1">.*?</li></ul>', page).group(0)
    assert '<a href="#d0-c4">line 7:26</a>' in finding
    assert '<a href="#d0-c3">“began arriving”</a>' in finding
    assert "Suggestion: did you mean 2024-06-03?" in page
    assert "Not checked: [E001] missing.txt: no such file or directory" in page


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
    assert page.count("<mark") == 1
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
