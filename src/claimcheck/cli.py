"""The ``claimcheck`` command: a thin typer layer over :mod:`claimcheck.api`.

Exit codes: 0 clean, 1 a finding at or above ``--fail-on``, 2 a usage or
input error (one line on stderr, never a traceback). Nothing here imports
spaCy at module import, so ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import ClaimcheckError, Errors

app = typer.Typer(
    name="claimcheck",
    help="A static fact-checker for news reporting: finds where an article contradicts itself.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = typer.Typer(help="Score claimcheck against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    human = "human"
    json = "json"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"
    html = "html"
    line = "line"


class ColorChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


#: What ``--show`` can add to the human report (mirrors ``report.human.SHOW_SECTIONS``,
#: which is not imported here so that ``--help`` stays fast).
SHOW_SECTIONS = ("claims", "timeline")


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def fail(message: str, code: int = 2) -> None:
    """Print ``claimcheck: error: message`` on stderr and exit."""
    stderr.print(f"claimcheck: error: {message}", markup=False)
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=version_callback, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """claimcheck reads an article, extracts its dated claims and reports contradictions.

    Run [bold]claimcheck FILE[/bold] (the same as [bold]claimcheck check FILE[/bold]).
    """


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _show_sections(values: Optional[list[str]]) -> list[str]:
    """``--show`` values, split at commas and checked; 'all' means every section."""
    sections = [v.lower() for v in _split(values) or []]
    if "all" in sections:
        return list(SHOW_SECTIONS)
    unknown = [v for v in sections if v not in SHOW_SECTIONS]
    if unknown:
        fail(f"unknown --show section '{unknown[0]}' (choose from: {', '.join(SHOW_SECTIONS)}, all)")
    return list(dict.fromkeys(sections))


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Article files, directories, globs or '-' for stdin.", show_default=False)
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.human,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date YYYY-MM-DD (otherwise read or inferred).")
    ] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy model package or path.")] = None,
    fail_on: Annotated[
        Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity.")
    ] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Only these rules (codes or prefixes).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules (codes or prefixes).")] = None,
    config: Annotated[
        Optional[Path], typer.Option("--config", help="Use this claimcheck.toml/pyproject.toml for every file.")
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")] = False,
    exclude: Annotated[
        Optional[list[str]], typer.Option(help="Skip paths matching this gitignore-style pattern (repeatable).")
    ] = None,
    force_exclude: Annotated[
        bool, typer.Option("--force-exclude", help="Apply exclusions to files named on the command line too.")
    ] = False,
    stdin_filename: Annotated[
        Optional[str], typer.Option("--stdin-filename", help="Name for '-' in reports; its extension picks the reader.")
    ] = None,
    warn_unused_ignores: Annotated[
        bool, typer.Option("--warn-unused-ignores", help="Warn about suppression comments that matched nothing.")
    ] = False,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Hide the findings recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path], typer.Option("--write-baseline", help="Record all current findings in this file; exit 0.")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Check in this many processes.")] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the summary line (human format); no progress bar.")
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option("--color", help="Colour the human report: auto (a terminal, unless NO_COLOR is set), always, never."),
    ] = ColorChoice.auto,
    show: Annotated[
        Optional[list[str]],
        typer.Option(
            "--show",
            metavar="SECTIONS",
            help="Add to the human report, after each article's findings: claims, timeline, all "
            "(comma-separated or repeated).",
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule gave instead of the findings.")
    ] = False,
) -> None:
    """Check articles for claims that contradict each other."""
    sections = _show_sections(show)
    from .batch import RunRequest, execute, plan
    from .engine import as_date

    try:
        request = RunRequest(
            paths=paths,
            overrides={
                "select": _split(select),
                "ignore": _split(ignore),
                "fail-on": fail_on.value if fail_on else None,
                "model": model,
            },
            published=as_date(published),
            config_file=config,
            isolated=isolated,
            exclude=exclude or (),
            force_exclude=force_exclude,
            stdin_filename=stdin_filename,
            warn_unused_ignores=warn_unused_ignores,
            jobs=jobs,
            baseline=baseline,
            write_baseline=write_baseline,
        )
        planned, thresholds = plan(request)
        with _progress(len(planned), quiet) as on_done:
            result = execute(request, planned, thresholds, on_done)
        report = result.report
        text = _render(report, format, output, color=color, show=sections, quiet=quiet, statistics=statistics)
        _write(text, output)
        if format is Format.github:
            from .report.github import append_step_summary

            append_step_summary(report)
    except ClaimcheckError as exc:
        fail(str(exc))
        return
    _print_problems(report)
    raise typer.Exit(_exit_code(result, write_baseline is not None))


def _use_color(choice: ColorChoice, output: Optional[Path]) -> bool:
    """Whether to colour the human report: ``--color``, then NO_COLOR, then whether stdout is a terminal."""
    if choice is ColorChoice.always:
        return True
    if choice is ColorChoice.never or os.environ.get("NO_COLOR"):
        return False
    if output is not None or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _width(output: Optional[Path]) -> Optional[int]:
    """``$COLUMNS``, else the width of the terminal stdout (or stderr, when piped to a pager) is on."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if output is None:
        for stream in (sys.stdout, sys.stderr):
            try:
                return os.get_terminal_size(stream.fileno()).columns or None
            except (AttributeError, OSError, ValueError):
                continue
    return None


def _render(report, format: Format, output: Optional[Path], *, color: ColorChoice, show: list[str], quiet: bool,
            statistics: bool) -> str:
    """The report text: ``--statistics``, ``--show`` and ``--quiet`` shape the human format."""
    from .report import human, render

    if statistics and format is Format.json:
        from .report.json_ import render_statistics

        return render_statistics(report)
    if format is Format.human or statistics:
        return human.render(report, color=_use_color(color, output), width=_width(output), show=show,
                            quiet=quiet, statistics=statistics, problems=output is not None)
    return render(report, format.value)


def _write(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(Errors.E005.format(path=output, reason=exc.strerror or exc))


def _print_problems(report) -> None:
    for d in report.documents:
        if d.error:
            stderr.print(f"claimcheck: error: {d.error}", markup=False)
        for w in d.warnings:
            stderr.print(f"claimcheck: warning: {w}", markup=False)


def _exit_code(result, baseline_written: bool) -> int:
    """2 when a file failed; else 1 when a finding reaches its file's ``fail-on``; else 0."""
    from .models import SEVERITY_RANK

    if result.report.summary.failed_files:
        return 2
    if baseline_written:
        return 0
    for d, threshold in zip(result.report.documents, result.fail_on):
        if threshold == "never":
            continue
        if any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in d.findings):
            return 1
    return 0


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Optional[Callable[[int], None]]]:
    """A progress bar on stderr for runs of several files (not when quiet or not a TTY)."""
    if quiet or total < 2 or not stderr.is_terminal:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task("check", total=total)
        yield lambda n: progress.advance(task, n)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the --format json report."""
    import json

    from .models import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


@app.command("rules")
def list_rules() -> None:
    """List the rule catalog."""
    from rich.table import Table

    from .rules import RULES

    table = Table("code", "name", "severity", "what it flags", box=None, pad_edge=False)
    for r in RULES:
        table.add_row(r.code, r.name, r.severity, r.summary())
    Console().print(table)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (CC101) or name.")]) -> None:
    """Print one rule's documentation."""
    from rich.markdown import Markdown

    from .rules import rule_by_code
    from .rules.docs import rule_markdown

    try:
        rule = rule_by_code(code)
    except KeyError:
        fail(Errors.E031.format(code=code))
        return
    Console().print(Markdown(rule_markdown(rule)))


@eval_app.command("timeml")
def eval_timeml(
    paths: Annotated[list[str], typer.Argument(help="TimeML .tml files or directories.", show_default=False)],
    format: Annotated[str, typer.Option("--format", "-f", help="human or json.")] = "human",
    errors: Annotated[bool, typer.Option("--errors", help="List each wrong, missed or spurious timex.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy model package or path.")] = None,
    split: Annotated[str, typer.Option("--split", help="all, dev or heldout (by document; --errors only off heldout).")] = "all",
) -> None:
    """Score the temporal tagger on TimeML files with the TempEval-3 rules."""
    from .eval.timeml import run_cli

    try:
        sys.stdout.write(run_cli(paths, format, errors, model, split))
    except ClaimcheckError as exc:
        fail(str(exc))


@eval_app.command("quotes")
def eval_quotes(
    path: Annotated[Path, typer.Argument(help="A PolNeAR-style folder: text/*.txt and attributions/*.ann.")],
    format: Annotated[str, typer.Option("--format", "-f", help="human or json.")] = "human",
    errors: Annotated[bool, typer.Option("--errors", help="List missed, spurious and wrong-speaker items.")] = False,
    partial: Annotated[bool, typer.Option("--partial", help="Also count partial quotations as predictions.")] = False,
    model: Annotated[Optional[str], typer.Option(help="spaCy model package or path.")] = None,
    held_out: Annotated[
        Optional[Path],
        typer.Option("--held-out", help="A list of document names: score them and the rest apart; --errors lists only the rest's."),
    ] = None,
) -> None:
    """Score quotations and attributions on brat standoff data (PolNeAR)."""
    from .eval.quotes import run_cli

    try:
        sys.stdout.write(run_cli(path, format, errors, partial, model, held_out))
    except ClaimcheckError as exc:
        fail(str(exc))

#: Subcommands; anything else as the first argument means ``check``.
COMMANDS = {"check", "schema", "rules", "rule", "eval"}


def main(argv: Optional[list[str]] = None) -> None:
    from .startup import spacy_without_cli

    spacy_without_cli()  # the program never uses spaCy's own command line
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in COMMANDS and args[0] not in {"-h", "--help", "-V", "--version"}:
        args.insert(0, "check")
    try:
        app(args=args, prog_name="claimcheck")
    except ClaimcheckError as exc:  # pragma: no cover - commands catch their own
        stderr.print(f"claimcheck: error: {exc}", markup=False)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
