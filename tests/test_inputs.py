from __future__ import annotations

import io

import pytest

from claimcheck.errors import InputError
from claimcheck.inputs import read_document, read_stdin, read_text

MARKDOWN = """---
title: Troops in the region
date: 2024-11-20
---

# Fighting *resumed*

Some 300 soldiers were [reported](https://example.com/a.b) killed, officials said.
The toll rose on Tuesday.

<!-- claimcheck-disable CC201 -->

- Twelve people were **wounded**.

```
code = "never checked"
```

> "We will hold," the mayor said.
"""

HTML = """<html><head><title>Page title</title>
<meta property="article:published_time" content="2024-11-20T08:00:00Z"></head>
<body><nav>Home | World</nav><header>Site</header>
<article><h1>Flood   toll rises</h1>
<p>At least 40 people died &amp; dozens were <b>missing</b>, police said.<br>Rescue work went on.</p>
<script>var x = "not prose";</script><aside>Related</aside>
<p>The river peaked on Monday.</p></article>
<footer>(c) 2024</footer></body></html>
"""


def _mapped_exactly(doc) -> list[tuple[int, str, str]]:
    """Characters of the prose whose file offset holds a different character."""
    offsets = doc.source_map.offsets
    return [
        (i, ch, doc.file_text[offsets[i]])
        for i, ch in enumerate(doc.text)
        if not ch.isspace() and ch != "&" and doc.file_text[offsets[i]] != ch
    ]


@pytest.mark.parametrize("path,text", [("a.md", MARKDOWN), ("a.html", HTML)])
def test_markup_prose_maps_to_file_offsets(path, text):
    doc = read_text(text, path)
    assert len(doc.source_map.offsets) == len(doc.text) + 1
    assert _mapped_exactly(doc) == []
    assert doc.published.isoformat() == "2024-11-20"


@pytest.mark.parametrize(
    "needle,absent",
    [("Some 300 soldiers were reported killed", "https"), ("Twelve people were wounded.", "never checked")],
)
def test_markdown_strips_markup_and_code(needle, absent):
    doc = read_text(MARKDOWN, "a.md")
    assert needle in doc.text
    assert absent not in doc.text
    assert "claimcheck-disable" not in doc.text
    assert doc.title == "Troops in the region"
    assert doc.published_source == "front-matter"


@pytest.mark.parametrize("needle", ["Fighting resumed\n\nSome 300", "killed, officials said.\nThe toll"])
def test_markdown_keeps_paragraphs_apart(needle):
    assert needle in read_text(MARKDOWN, "a.md").text


@pytest.mark.parametrize("line,needle", [(8, "Some 300"), (13, "Twelve people")])
def test_markdown_span_lines_are_file_lines(line, needle):
    doc = read_text(MARKDOWN, "a.md")
    start = doc.text.index(needle)
    assert doc.source_map.span(start, start + len(needle), needle).line == line


@pytest.mark.parametrize(
    "needle,absent", [("Flood toll rises\n\nAt least 40 people died & dozens", "Home"), ("Rescue work", "not prose")]
)
def test_html_main_text_without_chrome(needle, absent):
    doc = read_text(HTML, "a.html")
    assert needle in doc.text
    assert absent not in doc.text
    assert "(c) 2024" not in doc.text and "Related" not in doc.text
    assert doc.published_source == "html"
    assert doc.title == "Page title"


@pytest.mark.parametrize(
    "text,reason",
    [
        ("---\ndate: [unclosed\n---\nBody.\n", "malformed front matter"),
        ("---\ntitle: x\nBody never closes.\n", "never closed"),
        ("---\n- a list\n---\nBody.\n", "mapping"),
        ("---\ndate: yesterday\n---\nBody.\n", "not YYYY-MM-DD"),
    ],
)
def test_malformed_front_matter_is_one_line_error(text, reason):
    with pytest.raises(InputError, match="E007") as exc:
        read_text(text, "a.md")
    assert reason in str(exc.value) and "\n" not in str(exc.value)


@pytest.mark.parametrize("text", ["```\nonly code\n```\n", "<html><script>x()</script></html>"])
def test_markup_without_prose_is_an_error(text, tmp_path):
    path = tmp_path / ("a.md" if text.startswith("`") else "a.html")
    path.write_text(text)
    with pytest.raises(InputError, match="E008"):
        read_document(path)


@pytest.mark.parametrize("name,expected", [(None, "<stdin>"), ("story.md", "story.md")])
def test_stdin_is_named_and_read_by_extension(name, expected):
    doc = read_stdin(name, stream=io.BytesIO(b"---\ndate: 2024-01-02\n---\n\n*Ten* died.\n"))
    assert doc.path == expected
    assert ("*Ten*" not in doc.text) == (name == "story.md")


@pytest.mark.parametrize("plain", ["date: 2024-11-20\n\nTitle\n\nTwelve people were killed.\n"])
def test_plain_text_header_still_read(plain):
    doc = read_text(plain, "a.txt")
    assert doc.published.isoformat() == "2024-11-20"
    assert doc.text.startswith("Title")


def test_html_the_parser_rejects_is_a_one_line_input_error():
    with pytest.raises(InputError) as err:
        read_text("<p>Troops moved.</p><![0", "broken.html")
    assert "E012" in str(err.value) and "broken.html" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    "path,text,headline,standfirst",
    [
        ("story.md", "---\ntitle: Bridge closed after crash\nsubtitle: Repairs will take weeks\n---\nThe bridge closed on Monday.\n",
         "Bridge closed after crash", "Repairs will take weeks"),
        ("story.md", "# Bridge closed after crash\n\nThe bridge closed on Monday.\n", "Bridge closed after crash", None),
        ("story.html", "<html><head><title>Bridge closed after crash | City Post</title></head>"
         "<body><p>The bridge closed on Monday.</p></body></html>", "Bridge closed after crash", None),
        ("story.html", "<html><body><article><h1>Bridge closed after crash</h1><p>The bridge closed.</p></article></body></html>",
         "Bridge closed after crash", None),
        ("story.txt", "title: Bridge closed after crash\n\nThe bridge closed on Monday.\n", "Bridge closed after crash", None),
        ("story.txt", "Bridge closed after crash\n\nThe bridge closed on Monday.\n", "Bridge closed after crash", None),
        ("story.txt", "The bridge closed on Monday after a crash.\n\nRepairs will take weeks.\n", None, None),
    ],
)
def test_headline_and_standfirst_regions_map_to_the_file(path, text, headline, standfirst):
    doc = read_text(text, path)
    found = {kind: doc.text[a:b] for kind, a, b in doc.regions}
    assert found.get("headline") == headline
    assert found.get("standfirst") == standfirst
    for kind, a, b in doc.regions:  # every region points at the same words in the file
        span = doc.source_map.span(a, b, doc.text[a:b])
        assert text[span.start : span.end] == doc.text[a:b]
