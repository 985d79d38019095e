"""Checking many articles: finding the files, then checking them in one or more processes.

Discovery turns command-line arguments into article paths: files as given,
directories walked recursively for ``.md``/``.txt``/``.html`` (skipping hidden
entries, what ``.gitignore`` files ignore and what ``exclude`` patterns match),
glob patterns expanded, ``-`` for stdin. A path that does not exist stays in the
list so that reading it reports the error in its own entry.

Checking reads each file, groups the documents that share options and runs each
group through one ``nlp.pipe`` stream (the model loads once per process). With
``jobs > 1`` the articles are split into chunks for a pool of processes. A file
that cannot be read gets a report whose ``error`` says why; the others go on.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import astuple, dataclass, field
from datetime import date
from functools import lru_cache
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from . import engine
from .config import Config, ConfigResolver
from .errors import ClaimcheckError, Errors
from .inputs import ARTICLE_SUFFIXES, Document, read_document, read_stdin
from .models import DocumentReport, Report

if TYPE_CHECKING:  # pragma: no cover
    import pathspec

    from .engine import Options

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
#: Most articles sent to a worker process at once (progress stays smooth).
MAX_CHUNK = 16


@dataclass
class Job:
    """One article to check: its path as shown, its options, and what is already known."""

    path: str
    options: "Options"
    document: Optional[Document] = None  # preloaded (stdin)
    error: Optional[str] = None  # could not be read before checking


# -- discovery ----------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _gitignore_spec(directory: Path) -> Optional["pathspec.GitIgnoreSpec"]:
    import pathspec

    file = directory / ".gitignore"
    if not file.is_file():
        return None
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _gitignore_dirs(directory: Path) -> list[Path]:
    """``directory`` and its ancestors up to the enclosing git repository's root."""
    dirs = []
    for d in (directory, *directory.parents):
        dirs.append(d)
        if (d / ".git").exists():
            break
    return dirs


def gitignored(path: Path, is_dir: bool = False) -> bool:
    """True when a ``.gitignore`` at or above ``path`` (within its repository) ignores it.

    Each ``.gitignore`` is matched on its own; a ``!`` pattern re-includes only
    within the file that has it.
    """
    path = path.resolve()
    for d in _gitignore_dirs(path.parent):
        spec = _gitignore_spec(d)
        if spec is None:
            continue
        rel = path.relative_to(d).as_posix() + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    return False


class Discovery:
    """Turns arguments into article paths, honouring configs, ``exclude`` and ``.gitignore``."""

    def __init__(
        self,
        resolver: Optional[ConfigResolver] = None,
        exclude: Sequence[str] = (),
        force_exclude: bool = False,
    ) -> None:
        import pathspec

        self.resolver = resolver
        self.cli_exclude = pathspec.GitIgnoreSpec.from_lines(list(exclude)) if exclude else None
        self.force_exclude = force_exclude

    def config(self, path: Path) -> Config:
        return self.resolver.for_path(path) if self.resolver else Config()

    def skipped(self, path: Path, is_dir: bool = False) -> bool:
        """True when ``exclude`` (config or flag) or ``.gitignore`` rules out ``path``."""
        config = self.config(path)
        if config.excludes(path):
            return True
        if self.cli_exclude is not None:
            rel = Path(os.path.relpath(path.resolve(), Path.cwd())).as_posix() + ("/" if is_dir else "")
            if self.cli_exclude.match_file(rel):
                return True
        return config.settings.respect_gitignore and gitignored(path, is_dir)

    def paths(self, args: Iterable[str]) -> list[str]:
        """Article paths (and ``-``) for ``args``, each once, in argument order."""
        seen: dict[str, None] = {}
        for arg in args:
            for p in self._expand(arg):
                seen.setdefault(p, None)
        return list(seen)

    def _expand(self, arg: str) -> Iterator[str]:
        path = Path(arg)
        if arg == STDIN:
            yield arg
        elif path.is_dir():
            found = list(self._walk(path))
            yield from found or [arg]  # an empty folder reports E006 when read
        elif path.exists() or not _GLOB_CHARS & set(arg):
            if not (self.force_exclude and self.skipped(path)):
                yield arg
        else:
            yield from self._glob(arg)

    def _glob(self, pattern: str) -> Iterator[str]:
        matches = sorted(glob.glob(pattern, recursive=True))
        if not matches:
            yield pattern  # reports E001 when read
        for m in matches:
            p = Path(m)
            if p.is_dir():
                yield from self._walk(p)
            elif p.suffix.lower() in ARTICLE_SUFFIXES and not self.skipped(p):
                yield m

    def _walk(self, root: Path) -> Iterator[str]:
        for current, dirs, files in os.walk(root):
            here = Path(current)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not self.skipped(here / d, is_dir=True))
            for name in sorted(files):
                p = here / name
                if not name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES and not self.skipped(p):
                    yield str(p)


# -- checking ------------------------------------------------------------------------


def _group_key(options: "Options") -> str:
    return repr(astuple(options))


def check_jobs(jobs: Sequence[Job], on_done: Optional[Callable[[int], None]] = None) -> list[DocumentReport]:
    """Check ``jobs`` in this process, in order; one ``nlp.pipe`` stream per set of options."""
    done = on_done or (lambda n: None)
    reports: list[Optional[DocumentReport]] = [None] * len(jobs)
    groups: dict[str, list[tuple[int, Document]]] = {}
    for i, job in enumerate(jobs):
        try:
            if job.error:
                raise ClaimcheckError(job.error)
            document = job.document or read_document(job.path, job.options.max_bytes)
        except ClaimcheckError as exc:
            reports[i] = DocumentReport(path=job.path, error=str(exc))
            done(1)
        else:
            groups.setdefault(_group_key(job.options), []).append((i, document))
    for members in groups.values():
        options = jobs[members[0][0]].options
        for (i, _), report in zip(members, engine.iter_reports([d for _, d in members], options)):
            reports[i] = report
            done(1)
    return [r for r in reports if r is not None]


def _chunks(jobs: Sequence[Job], workers: int) -> list[list[int]]:
    """Indices of ``jobs`` in chunks: about four per worker, at most ``MAX_CHUNK`` each."""
    size = max(1, min(MAX_CHUNK, -(-len(jobs) // (workers * 4))))
    return [list(range(i, min(i + size, len(jobs)))) for i in range(0, len(jobs), size)]


def _pool_context():
    """A start method that is safe with threads in the parent (the progress bar)."""
    methods = get_all_start_methods()
    return get_context("forkserver" if "forkserver" in methods else "spawn")


def run_jobs(
    jobs: Sequence[Job], workers: int = 1, on_done: Optional[Callable[[int], None]] = None
) -> list[DocumentReport]:
    """Check ``jobs`` with ``workers`` processes (1: in this process); reports in job order."""
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        return check_jobs(jobs, on_done)
    reports: list[Optional[DocumentReport]] = [None] * len(jobs)
    from .startup import spacy_without_cli

    with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(), initializer=spacy_without_cli) as pool:
        futures = {pool.submit(check_jobs, [jobs[i] for i in chunk]): chunk for chunk in _chunks(jobs, workers)}
        for future in as_completed(futures):
            chunk = futures[future]
            for i, report in zip(chunk, future.result()):
                reports[i] = report
            if on_done:
                on_done(len(chunk))
    return [r for r in reports if r is not None]


# -- a whole run (what the ``check`` command asks for) -------------------------------


@dataclass
class RunRequest:
    """Everything ``claimcheck check`` was told, before any file is read."""

    paths: Sequence[str]
    overrides: dict = field(default_factory=dict)  # config keys set by flags
    published: Optional[date] = None
    config_file: Optional[Path] = None
    isolated: bool = False
    exclude: Sequence[str] = ()
    force_exclude: bool = False
    stdin_filename: Optional[str] = None
    warn_unused_ignores: bool = False
    jobs: int = 1
    baseline: Optional[Path] = None
    write_baseline: Optional[Path] = None


@dataclass
class RunResult:
    report: Report
    fail_on: list[str]  # per document: the threshold its configuration sets
    baselined: int = 0  # findings the baseline hid


def plan(request: RunRequest) -> tuple[list[Job], list[str]]:
    """The jobs of a run and each one's ``fail-on``; config errors raise before any check."""
    if request.stdin_filename and STDIN not in request.paths:
        raise ClaimcheckError(Errors.E024)
    resolver = ConfigResolver(request.overrides, request.config_file, request.isolated)
    discovery = Discovery(resolver, request.exclude, request.force_exclude)
    jobs, fail_on = [], []
    for p in discovery.paths(request.paths):
        stdin = p == STDIN
        config = resolver.for_path(None if stdin else Path(p))
        s = config.settings
        options = engine.Options(
            model=s.model,
            published=request.published,
            select=s.select,
            ignore=list(s.ignore),
            severities=dict(s.severity),
            max_bytes=s.max_bytes,
            warn_unused_ignores=request.warn_unused_ignores,
        )
        job = Job(path=request.stdin_filename or "<stdin>" if stdin else p, options=options)
        if stdin:
            try:
                job.document = read_stdin(request.stdin_filename, s.max_bytes)
            except ClaimcheckError as exc:
                job.error = str(exc)
        jobs.append(job)
        fail_on.append(s.fail_on)
    return jobs, fail_on


def execute(
    request: RunRequest, jobs: Sequence[Job], fail_on: list[str], on_done: Optional[Callable[[int], None]] = None
) -> RunResult:
    """Check the planned jobs, then write or apply the baseline."""
    from . import __version__
    from .baseline import apply_baseline, write_baseline

    report = Report(claimcheck=__version__, documents=run_jobs(jobs, request.jobs, on_done)).summarize()
    if request.write_baseline is not None:
        write_baseline(report, request.write_baseline)
    hidden = apply_baseline(report, request.baseline) if request.baseline is not None else 0
    return RunResult(report=report, fail_on=fail_on, baselined=hidden)
