"""The rule catalog: one explicit registry of every rule, by family module."""

from __future__ import annotations

from .base import CheckContext, Rule

#: Every rule claimcheck knows, in code order.
RULES: tuple[type[Rule], ...] = ()


def rule_by_code(code: str) -> type[Rule]:
    for rule in RULES:
        if rule.code.lower() == code.lower() or rule.name == code.lower():
            return rule
    raise KeyError(code)


__all__ = ["RULES", "Rule", "CheckContext", "rule_by_code"]
