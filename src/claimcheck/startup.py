"""The program's start-up: spaCy without spaCy's own command line.

``import spacy`` also imports ``spacy.cli``, spaCy's command line (its
download, project and training commands), only so that ``spacy.info`` is at
hand. That pulls in requests, httpx, weasel and jinja2, about a tenth of the
time a one-article run of ``claimcheck`` takes, and claimcheck never uses any
of it. :func:`spacy_without_cli` lets the process's first ``import spacy``
skip it: ``spacy.info`` stays callable and imports the command line when it
is called, and a later ``import spacy.cli`` gets the real one.

Only the ``claimcheck`` program (and its batch workers) call this; importing
claimcheck as a library leaves the import of spaCy alone.
"""

from __future__ import annotations

import sys
import types
from typing import Any, Optional

_CLI, _INFO = "spacy.cli", "spacy.cli.info"


def spacy_without_cli() -> None:
    """Make the process's first ``import spacy`` skip ``spacy.cli`` (a no-op once spaCy is in)."""
    if "spacy" in sys.modules or any(f is _Finder for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _Finder)  # type: ignore[arg-type]


class _Finder:
    """Plants stand-ins for ``spacy.cli`` and ``spacy.cli.info`` as ``spacy`` starts to import."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> None:
        if name == "spacy":
            sys.meta_path.remove(_Finder)  # type: ignore[arg-type]
            if _CLI not in sys.modules:
                _plant()
        return None  # the real finders find spaCy itself


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, importing spaCy's command line on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _plant() -> None:
    cli = types.ModuleType(_CLI, "stands in for spaCy's command line while spaCy imports")
    cli.__path__ = []  # a package, so that spacy.cli.info can be found under it
    info = types.ModuleType(_INFO)

    def handed_over(attr: str) -> Any:
        # spaCy's __init__ is taking ``info`` from here: the stand-ins have done their work
        remove()
        if attr == "info":
            return _info
        raise AttributeError(f"module {_INFO!r} has no attribute {attr!r}")

    def remove() -> None:
        for name, module in ((_INFO, info), (_CLI, cli)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy: Optional[types.ModuleType] = sys.modules.get("spacy")
        if spacy is not None and getattr(spacy, "cli", None) is cli:
            del spacy.cli

    info.__getattr__ = handed_over  # type: ignore[method-assign]
    sys.modules[_CLI], sys.modules[_INFO] = cli, info
    _planted.append(remove)


#: How to take the stand-ins away if spaCy never asks for them (a future spaCy).
_planted: list[Any] = []


def settle() -> None:
    """Take away any stand-in spaCy's import left in place (call after importing spaCy)."""
    while _planted:
        _planted.pop()()
