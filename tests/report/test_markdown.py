from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from claimcheck.report import markdown, render


def to_html(text: str) -> str:
    """Render GitHub-flavoured Markdown (tables on, raw HTML allowed as GitHub does)."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("*not* _emphasis_ [link]", r"\*not\* \_emphasis\_ \[link\]"),
        ("two\n  lines", "two lines"),
        ("plain words, 42.", "plain words, 42."),
    ],
)
def test_escape(text, escaped):
    assert markdown.escape(text) == escaped


@pytest.mark.parametrize(("text", "span"), [("CC101", "`CC101`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``")])
def test_code_span_survives_backticks(text, span):
    assert markdown.code(text) == span
    assert to_html(span).strip() == f"<p><code>{text}</code></p>"


@pytest.mark.parametrize("fixture", ["report", "report_without_text"])
def test_findings_table_has_a_row_per_finding(fixture, request):
    html = to_html(render(request.getfixturevalue(fixture), "markdown"))
    tables = re.findall(r"<table>.*?</table>", html, flags=re.S)
    findings_table = tables[0]
    assert findings_table.count("<tr>") == 1 + 3
    assert "<code>CC101</code> event-before-onset" in findings_table


@pytest.mark.parametrize("fixture", ["report"])
def test_article_text_cannot_inject_html_or_break_tables(fixture, request):
    html = to_html(render(request.getfixturevalue(fixture), "markdown"))
    assert "<Valley>" not in html
    assert "&lt;Valley&gt;" in html
    claims_table = re.findall(r"<table>.*?</table>", html, flags=re.S)[1]
    rows = re.findall(r"<tr>.*?</tr>", claims_table, flags=re.S)
    assert all(row.count("<td>") == 6 for row in rows[1:])
    assert "this | not once" in claims_table


@pytest.mark.parametrize("fixture", ["report"])
def test_evidence_quotes_each_side_with_its_words_in_bold(fixture, request):
    text = render(request.getfixturevalue(fixture), "markdown")
    assert "> **event** (line 7): A convoy of rescue teams **reached the valley** on June 3, 2023" in text
    assert "> **onset** (line 6): Rescue teams **began arriving** on June 10, 2024" in text
    assert "**Suggestion:** did you mean 2024-06-03?" in text


@pytest.mark.parametrize("fixture", ["report"])
def test_claims_are_collapsed_and_unreadable_files_reported(fixture, request):
    text = render(request.getfixturevalue(fixture), "markdown")
    assert "<details><summary>5 claims</summary>" in text
    assert "| c1 | 4 | casualty | ≥42 people | 2024-06-17 | officials (said) |" in text
    assert "**Not checked:** \\[E001\\] missing.txt: no such file or directory" in text


@pytest.mark.parametrize("fixture", ["report"])
def test_summary_line(fixture, request):
    text = render(request.getfixturevalue(fixture), "markdown")
    assert text.splitlines()[2] == "**2 files, 5 claims:** 1 error, 1 warning, 1 info, 1 not checked"
