"""Data-driven rule tests: every case file under ``cases/`` through the real pipeline.

Each ``cases/<CODE>.yml`` holds named ``fail`` cases (a short news text, its
``published`` date and the findings the rule must report: severity and
substrings of the message and suggestion) and named ``pass`` cases the rule must
stay quiet on. A case the extraction cannot carry yet names why under ``xfail``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.rules import RULES
from claimcheck.rules.docs import missing_sections

CASES = Path(__file__).parent / "cases"


def load_cases() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.yml"))}


def params(kind: str) -> list:
    out = []
    for code, spec in load_cases().items():
        for case in spec.get(kind) or []:
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=False)] if case.get("xfail") else []
            out.append(pytest.param(code, case, id=f"{code}-{kind}-{case['name']}", marks=marks))
    return out


def findings(code: str, case: dict):
    from claimcheck.api import Options, check_text

    report = check_text(case["text"], published=str(case["published"]), options=Options(select=[code]))
    return [f for f in report.findings if f.rule == code]


@pytest.mark.model
@pytest.mark.parametrize("code,case", params("fail"))
def test_rule_fires(nlp, code, case):
    found = findings(code, case)
    assert len(found) == len(case["expect"]), [f.message for f in found]
    for f, want in zip(found, case["expect"]):
        assert f.severity == want["severity"]
        assert want["message"] in f.message
        if "suggestion" in want:
            assert f.suggestion is not None and want["suggestion"] in f.suggestion
        assert f.evidence, "a finding cites the claims it rests on"


@pytest.mark.model
@pytest.mark.parametrize("code,case", params("pass"))
def test_rule_stays_quiet(nlp, code, case):
    assert [f.message for f in findings(code, case)] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_cases_and_docs(rule):
    spec = load_cases().get(rule.code)
    assert spec is not None, f"tests/rules/cases/{rule.code}.yml is missing"
    assert spec["rule"] == rule.code
    assert spec.get("fail") and spec.get("pass"), "a rule needs both failing and passing cases"
    assert all(case.get("expect") for case in spec["fail"]), "a failing case states its findings"
    assert missing_sections(rule) == []
    assert rule.summary()


def test_every_case_file_is_a_registered_rule():
    assert set(load_cases()) <= {r.code for r in RULES}


def test_registry_is_in_code_order_without_duplicates():
    codes = [r.code for r in RULES]
    assert codes == sorted(set(codes))
    assert len({r.name for r in RULES}) == len(RULES)
