"""The engine: rule selection, profile severities, user profiles, defects in rules."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from azx_core import Validator
from azx_core.errors import UnknownRule
from azx_core.models import Policy
from azx_core.report.results import Severity
from azx_core.rules.engine import ActiveRule, Engine
from azx_core.testing.factories import policy

USER_PROFILE = """
[profile]
name = "strict-region"
extends = "national"
title_zh = "某地区"
title_en = "Some region"

[scope]
region_prefixes = ["5401"]

[rules]
disable = ["SVC001"]
severity = { PRM002 = "error" }

[[parameters.death_disability_floor]]
from = 2025-03-29
value = "800000"
reference = { document = "某地方文件", article = "第三条" }
last_confirmed = 2026-12-01
confidence = "provisional"
"""


@pytest.fixture
def user_profile(tmp_path: Path) -> Path:
    path = tmp_path / "strict.toml"
    path.write_text(USER_PROFILE, encoding="utf-8")
    return path


def test_select_runs_only_the_named_family() -> None:
    engine = Engine(select=["LIM"])
    assert {rid for rid in engine.active if not rid.startswith("SCH001")} == {"LIM001", "LIM002"}


def test_ignore_never_switches_off_sch001() -> None:
    assert Engine(ignore=["SCH"]).is_active("SCH001")
    assert not Engine(ignore=["SCH"]).is_active("SCH003")


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(UnknownRule):
        Engine(select=["XYZ999"])


def test_rule_disabled_by_default_is_enabled_by_its_profile() -> None:
    assert not Engine("national").is_active("POL005")
    assert Engine("xizang").is_active("POL005")


def test_user_profile_raises_the_floor_and_overrides_severity(user_profile: Path) -> None:
    validator = Validator(user_profile)
    record = policy(premium_paid="95000.00", prevention_budget="19000.00")
    result = validator.validate(record)
    by_rule = {f.rule: f for f in result.findings}
    assert by_rule["LIM001"].params["floor"] == "800000"
    assert by_rule["LIM001"].reference == "某地方文件 第三条"
    assert by_rule["PRM002"].severity is Severity.ERROR
    record.pop("service_plan_id")
    assert "SVC001" not in {f.rule for f in validator.validate(record).findings}


def test_user_profile_keeps_the_parent_values_before_its_own(user_profile: Path) -> None:
    record = policy(start="2024-06-01", end="2025-05-31", premium_paid_on="2024-05-01")
    record["coverages"][0]["per_person_limit"] = "300000"
    assert Validator(user_profile).validate(record).valid


def test_user_profile_scope_reports_units_elsewhere(user_profile: Path) -> None:
    record = policy()
    record["policyholder"]["region"] = "540202"
    assert "ENT004" in {f.rule for f in Validator(user_profile).validate(record).findings}


def test_a_defect_in_a_rule_becomes_not_checked() -> None:
    engine = Engine(select=["POL001"])

    def broken(record: object, ctx: object) -> list[object]:
        raise ZeroDivisionError

    active = engine.active["POL001"]
    patched = ActiveRule(attrs.evolve(active.rule, check=broken), active.severity)
    engine._checks["policy"] = ((patched, "POL001", broken),)
    model = Policy.model_validate(policy())
    findings, not_checked = engine.check(model)
    assert findings == []
    assert [(n.rule, n.reason) for n in not_checked] == [
        ("POL001", "internal error: ZeroDivisionError")
    ]
