"""The hypothesis strategies: valid records pass every rule, violating ones break one rule."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azx_core import UnknownKind, UnknownRule, Validator
from azx_core.models import KINDS
from azx_core.testing import strategies
from azx_core.testing.fixtures import all_fixtures
from azx_core.types import resident_id, uscc

FIXTURES = all_fixtures()
PROFILES = ("national", "xizang")


def _fired(records: list[Any], profile: str, as_of: Any = None) -> set[tuple[int, str, str]]:
    """(record index, rule, path) of every finding of a run, batch findings included."""
    run = Validator(profile, as_of=as_of).run(records)
    found = {(r.index, f.rule, f.path) for r in run for f in r.findings}
    return found | {(b.index, b.finding.rule, b.finding.path) for b in run.finish()}


def _wipe(node: Any) -> None:
    """Empty every dictionary and list inside `node`, innermost first."""
    if isinstance(node, dict):
        for value in node.values():
            _wipe(value)
        node.clear()
    elif isinstance(node, list):
        for value in node:
            _wipe(value)
        node.clear()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("profile", PROFILES)
def test_valid_records_have_no_finding(kind: str, profile: str) -> None:
    validator = Validator(profile)

    @settings(max_examples=25, deadline=None)
    @given(strategies.valid(kind))
    def check(record: dict[str, Any]) -> None:
        assert record["kind"] == kind
        result = validator.validate(json.dumps(record, ensure_ascii=False))
        assert [(f.rule, f.path, f.message) for f in result.findings] == []

    check()


@pytest.mark.parametrize(
    ("strategy", "kind"),
    [
        (strategies.enterprises, "enterprise"),
        (strategies.policies, "policy"),
        (strategies.service_plans, "service_plan"),
        (strategies.service_records, "service_record"),
        (strategies.complaints, "complaint"),
        (strategies.fee_ledgers, "fee_ledger"),
    ],
)
def test_each_kind_has_a_named_strategy(strategy: Any, kind: str) -> None:
    @settings(max_examples=5, deadline=None)
    @given(strategy())
    def check(record: dict[str, Any]) -> None:
        assert record["kind"] == kind

    check()


@settings(max_examples=30, deadline=None)
@given(strategies.policies())
def test_valid_policies_vary_the_roster_and_the_insurers(policy: dict[str, Any]) -> None:
    roster = policy.get("insured_persons")
    if roster is not None:
        assert len(roster) == policy["insured_count"]
        assert all(resident_id.is_valid(person["id_number"]) for person in roster)
    assert policy["insured_count"] >= policy["policyholder"]["employee_count"]
    assert sum(float(i["share"]) for i in policy["insurers"]) == pytest.approx(1)


def test_valid_policies_sometimes_carry_a_roster() -> None:
    seen: set[bool] = set()

    @settings(max_examples=40, deadline=None)
    @given(strategies.policies())
    def check(policy: dict[str, Any]) -> None:
        seen.add("insured_persons" in policy)

    check()
    assert seen == {True, False}


@settings(max_examples=50, deadline=None)
@given(strategies.usccs(), strategies.resident_ids())
def test_drawn_identifiers_pass_their_standards(code: str, number: str) -> None:
    assert uscc.is_valid(code)
    assert resident_id.is_valid(number)


def test_valid_of_an_unknown_kind_raises() -> None:
    with pytest.raises(UnknownKind):
        strategies.valid("invoice")


@pytest.mark.parametrize("rule_id", sorted(FIXTURES))
def test_violating_records_break_exactly_that_rule(rule_id: str) -> None:
    fixture = FIXTURES[rule_id]
    allowed = {rule_id} | fixture.also

    @settings(max_examples=15, deadline=None)
    @given(strategies.violating(rule_id))
    def check(drawn: Any) -> None:
        records = drawn if isinstance(drawn, list) else [drawn]
        assert len(records) == len(fixture.failing.records)
        fired = _fired(records, fixture.profile, fixture.as_of)
        assert (fixture.failing.target, rule_id, fixture.path) in fired, sorted(fired)
        assert {rule for _, rule, _ in fired} <= allowed, sorted(fired)

    check()


def test_violating_yields_a_list_for_a_batch_rule() -> None:
    several = [rule_id for rule_id, fx in FIXTURES.items() if len(fx.failing.records) > 1]
    if not several:
        pytest.skip("no fixture of several records is registered")

    @settings(max_examples=5, deadline=None)
    @given(strategies.violating(several[0]))
    def check(drawn: Any) -> None:
        assert isinstance(drawn, list)

    check()


def test_violating_renames_identifiers_consistently() -> None:
    # POL006's case links policies by the policyholder; the renaming must keep that link.
    if "POL006" not in FIXTURES:
        pytest.skip("POL006 is not registered")
    original = FIXTURES["POL006"].failing.records
    changed: list[bool] = []

    @settings(max_examples=10, deadline=None)
    @given(strategies.violating("POL006"))
    def check(drawn: list[dict[str, Any]]) -> None:
        holders = {r["policyholder"]["uscc"] for r in drawn if r.get("kind") == "policy"}
        before = {r["policyholder"]["uscc"] for r in original if r.get("kind") == "policy"}
        assert len(holders) == len(before)
        changed.append(holders != before)

    check()
    assert any(changed)


def test_violating_does_not_change_the_fixtures() -> None:
    before = json.dumps([fx.failing.records for fx in FIXTURES.values()], sort_keys=True)

    @settings(max_examples=5, deadline=None)
    @given(st.sampled_from(sorted(FIXTURES)).flatmap(strategies.violating))
    def check(drawn: Any) -> None:
        _wipe(drawn)

    check()
    assert json.dumps([fx.failing.records for fx in FIXTURES.values()], sort_keys=True) == before


@pytest.mark.parametrize("rule_id", ["XYZ999", "POL999", ""])
def test_violating_an_unknown_rule_raises(rule_id: str) -> None:
    with pytest.raises(UnknownRule):
        strategies.violating(rule_id)


def test_importing_the_library_does_not_import_hypothesis() -> None:
    code = "import sys, azx_core, azx_core.testing.factories; print('hypothesis' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_strategies_without_hypothesis_name_the_extra() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import azx_core.testing.strategies\n"
        "except ImportError as exc:\n    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install azx-core[testing]" in out.stdout
