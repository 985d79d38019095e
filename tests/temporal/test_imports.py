"""The temporal package's modules import each other without a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import claimcheck.temporal as temporal

PACKAGE = Path(temporal.__file__).parent


def local_imports(path: Path) -> set[str]:
    """The sibling modules a module imports, at any depth (lazy imports in functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(a.name for a in node.names)
    return found


def test_no_import_cycle_between_temporal_modules():
    graph = {p.stem: local_imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in graph.get(start, ()))

    cycles = [m for m in graph if reaches(m, m)]
    assert cycles == []


def test_public_api():
    from claimcheck.temporal import Timex, infer_publication, tag  # noqa: F401

    assert set(temporal.__all__) == {"Timex", "tag", "infer_publication"}
