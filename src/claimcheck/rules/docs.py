"""Rule documentation from rule docstrings (Ruff's template)."""

from __future__ import annotations

import inspect

from .base import Rule

#: Sections every rule docstring must have, in order.
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


def rule_markdown(rule: type[Rule]) -> str:
    """A Markdown page for one rule: title, metadata, then its docstring."""
    body = inspect.cleandoc(rule.__doc__ or "")
    head = f"# {rule.code} {rule.name}\n\nSeverity: **{rule.severity}**"
    if rule.groups:
        head += f" · family: {', '.join(rule.groups)}"
    return f"{head}\n\n{body}\n"


def missing_sections(rule: type[Rule]) -> list[str]:
    doc = rule.__doc__ or ""
    return [s for s in SECTIONS if f"## {s}" not in doc]
