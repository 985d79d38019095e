from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.api import Options
from claimcheck.batch import Discovery, Job, RunRequest, check_jobs, plan, run_jobs
from claimcheck.config import ConfigResolver, find_config_file, load_config
from claimcheck.errors import ClaimcheckError

ARTICLE = "date: 2024-11-20\n\nTwelve people were killed in the flood on Monday, police said.\n"


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A newsroom repo: articles, drafts ignored by git, an excluded folder, a binary file."""
    find_config_file.cache_clear()
    load_config.cache_clear()
    files = {
        "news/a.txt": ARTICLE,
        "news/b.md": "---\ndate: 2024-11-20\n---\n\nTwelve people were *killed*.\n",
        "news/c.html": "<article><p>Twelve people were killed.</p></article>",
        "news/notes.csv": "a,b\n",
        "news/.hidden.md": "hidden",
        "drafts/d.md": "draft",
        "archive/e.txt": "old",
        ".gitignore": "drafts/\n",
        "claimcheck.toml": 'exclude = ["archive/"]\n',
    }
    (tmp_path / ".git").mkdir()
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def found(args, **kw) -> list[str]:
    return [Path(p).as_posix() for p in Discovery(ConfigResolver(), **kw).paths(args)]


@pytest.mark.parametrize(
    "args,kw,expected",
    [
        (["."], {}, ["news/a.txt", "news/b.md", "news/c.html"]),
        (["news/*.md", "news/a.txt"], {}, ["news/b.md", "news/a.txt"]),
        (["**/*.txt"], {}, ["news/a.txt"]),
        (["."], {"exclude": ["*.html"]}, ["news/a.txt", "news/b.md"]),
        (["drafts/d.md"], {}, ["drafts/d.md"]),  # named on the command line: checked
        (["drafts/d.md"], {"force_exclude": True}, []),
        (["missing.txt", "nothing/*.md", "-"], {}, ["missing.txt", "nothing/*.md", "-"]),
    ],
)
def test_discovery(tree, args, kw, expected):
    assert found(args, **kw) == expected


@pytest.mark.parametrize("respect", ["false"])
def test_gitignore_can_be_turned_off(tree, respect):
    (tree / "claimcheck.toml").write_text(f"respect-gitignore = {respect}\n")
    assert "drafts/d.md" in found(["."])


def test_bad_file_does_not_stop_the_batch(tree, monkeypatch):
    (tree / "news" / "empty.txt").write_text("")
    (tree / "news" / "bin.txt").write_bytes(b"\x00\x01binary")
    seen: list[str] = []

    def fake_reports(documents, options):
        for d in documents:
            seen.append(d.path)
            yield __import__("claimcheck.models", fromlist=["DocumentReport"]).DocumentReport(path=d.path)

    monkeypatch.setattr("claimcheck.engine.iter_reports", fake_reports)
    paths = ["news/a.txt", "news/empty.txt", "missing.txt", "news/bin.txt", "news/b.md"]
    reports = check_jobs([Job(path=p, options=Options()) for p in paths])
    assert [r.path for r in reports] == paths
    assert [(r.error or "")[:6] for r in reports] == ["", "[E002]", "[E001]", "[E003]", ""]
    assert seen == ["news/a.txt", "news/b.md"]  # one stream for the good files


@pytest.mark.parametrize("flags", [{"stdin_filename": "x.md"}])
def test_stdin_filename_needs_stdin(tree, flags):
    with pytest.raises(ClaimcheckError, match="E024"):
        plan(RunRequest(paths=["news/a.txt"], **flags))


@pytest.mark.parametrize("fail_on", ["info"])
def test_plan_applies_each_files_config(tree, fail_on):
    (tree / "news" / "claimcheck.toml").write_text(f'fail-on = "{fail_on}"\n')
    jobs, thresholds = plan(RunRequest(paths=["news/a.txt", "drafts/d.md"]))
    assert thresholds == [fail_on, "error"]
    assert [j.path for j in jobs] == ["news/a.txt", "drafts/d.md"]


@pytest.mark.model
@pytest.mark.parametrize("workers", [2])
def test_jobs_give_the_same_reports_as_one_process(tree, workers):
    paths = [str(tree / "news" / n) for n in ("a.txt", "b.md", "c.html")] + [str(tree / "gone.txt")]
    jobs = [Job(path=p, options=Options()) for p in paths]
    one = run_jobs(jobs, workers=1)
    many = run_jobs(jobs, workers=workers)
    assert [r.model_dump() for r in one] == [r.model_dump() for r in many]
    assert many[-1].error and many[-1].error.startswith("[E001]")
    assert os.getcwd() == str(tree)


def _result(severities: list[str], fail_on: str, error: bool = False):
    from claimcheck.batch import RunResult
    from claimcheck.models import DocumentReport, Finding, Report, Span

    span = Span(start=0, end=1, line=1, column=1, text="x")
    findings = [Finding(rule="CC101", name="r", severity=s, message="m", span=span) for s in severities]
    docs = [DocumentReport(path="a.md", findings=findings)]
    if error:
        docs.append(DocumentReport(path="b.md", error="[E002] b.md: the file is empty"))
    return RunResult(report=Report(claimcheck="0", documents=docs).summarize(), fail_on=[fail_on] * len(docs))


@pytest.mark.parametrize(
    "severities,fail_on,error,baseline_written,code",
    [
        ([], "error", False, False, 0),
        (["warning"], "error", False, False, 0),
        (["warning"], "warning", False, False, 1),
        (["info"], "warning", False, False, 0),
        (["error"], "never", False, False, 0),
        (["error"], "error", False, True, 0),
        (["error"], "error", True, False, 2),
        ([], "error", True, True, 2),
    ],
)
def test_exit_codes(severities, fail_on, error, baseline_written, code):
    from claimcheck.cli import _exit_code

    assert _exit_code(_result(severities, fail_on, error), baseline_written) == code


def test_stream_defers_collections_and_restores_the_collector(nlp):
    import gc

    from claimcheck.engine import STREAM_GC_THRESHOLD, analyze
    from claimcheck.inputs import read_text

    before = gc.get_threshold()
    docs = [read_text("Rescuers found 12 survivors on Monday.", f"<{i}>") for i in range(2)]
    stream = analyze(docs, nlp)
    next(stream)
    assert gc.get_threshold()[0] == max(before[0], STREAM_GC_THRESHOLD)
    stream.close()  # a stream left half read restores it too
    assert gc.get_threshold() == before
    assert len(list(analyze(docs, nlp))) == 2 and gc.get_threshold() == before


def test_an_analyzed_doc_is_freed_without_the_collector(nlp):
    import gc
    import weakref

    from claimcheck.engine import analyze
    from claimcheck.inputs import read_text

    text = "Police arrested 17 suspects in Lyon on Tuesday. The suspects, police said, will appear in court."
    doc = next(analyze([read_text(text, "<a>")], nlp))
    assert doc._.cc_claims is not None and doc._.cc_frames
    gc.disable()
    try:
        ref = weakref.ref(doc)
        del doc
        assert ref() is None  # no cycle through the doc's caches keeps it for the collector
    finally:
        gc.enable()
