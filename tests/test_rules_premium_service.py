"""PRM001-PRM002 on the premium, and SVC001 and SVC010 on prevention service."""

from __future__ import annotations

from azx_core.report.results import Severity
from azx_core.testing.factories import policy
from helpers_rules import check, fired, rules


def test_any_premium_borne_by_employees_is_flagged() -> None:
    assert ("PRM001", "premium_paid_by_employees") in fired(
        policy(premium_paid_by_employees="0.01")
    )


def test_no_premium_borne_by_employees_passes() -> None:
    assert "PRM001" not in rules(policy())


def test_premium_collected_short_is_a_warning() -> None:
    finding = next(f for f in check(policy(premium_paid="95999.99")).findings if f.rule == "PRM002")
    assert finding.severity is Severity.WARNING
    assert finding.path == "premium_paid"


def test_premium_paid_after_the_start_is_flagged() -> None:
    assert ("PRM002", "premium_paid_on") in fired(policy(premium_paid_on="2025-06-02"))


def test_premium_paid_on_the_start_date_passes() -> None:
    assert "PRM002" not in rules(policy(premium_paid_on="2025-06-01"))


def test_policy_without_service_plan_is_warned() -> None:
    record = policy()
    del record["service_plan_id"]
    assert ("SVC001", "service_plan_id") in fired(record)


def test_prevention_budget_exactly_21_percent_passes() -> None:
    assert "SVC010" not in rules(policy(prevention_budget="20160.00"))


def test_prevention_budget_one_fen_over_21_percent_is_flagged() -> None:
    finding = next(f for f in check(policy(prevention_budget="20160.01")).findings)
    assert finding.rule == "SVC010"
    assert finding.params["ceiling"] == "20160.00"
    assert finding.params["cap"] == "0.21"


def test_prevention_cap_reads_the_premium_actually_collected() -> None:
    record = policy(premium_paid="50000.00", prevention_budget="10500.01")
    assert "SVC010" in rules(record)


def test_prevention_cap_does_not_apply_before_2025_03_29() -> None:
    record = policy(start="2025-01-01", end="2025-12-31", premium_paid_on="2024-12-01")
    record["prevention_budget"] = "90000.00"
    assert "SVC010" not in rules(record)
