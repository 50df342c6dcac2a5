"""COV001-COV004 and COV006 on single policies, and COV005 over enterprises and policies."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from azx_core.report.results import Severity
from azx_core.testing.factories import enterprise, insured_person, policy
from helpers_rules import check, fired, not_checked, rules, validator


def rostered(types: list[str], **person_changes: Any) -> dict[str, Any]:
    """A policy of a unit whose employees are exactly the roster."""
    counts = {t: types.count(t) for t in ("regular", "dispatched", "temporary", "other")}
    record = policy(
        insured_count=len(types),
        insured_persons=[insured_person(i, t) for i, t in enumerate(types, 1)],
    )
    record["policyholder"].update(employee_count=len(types), employees_by_type=counts)
    return record


def test_fewer_insured_than_employees_is_flagged() -> None:
    finding = next(f for f in check(policy(insured_count=119)).findings)
    assert (finding.rule, finding.path) == ("COV001", "insured_count")
    assert finding.params["missing"] == 1


def test_insuring_every_employee_passes() -> None:
    assert "COV001" not in rules(policy(insured_count=120))


def test_missing_employee_death_disability_head_is_an_error() -> None:
    record = policy()
    record["coverages"] = record["coverages"][1:]
    heads = [f for f in check(record).findings if f.rule == "COV002"]
    assert [(f.params["coverage"], f.severity) for f in heads] == [
        ("employee_death_disability", Severity.ERROR)
    ]


@pytest.mark.parametrize(
    "kind", ["third_party_death_disability", "third_party_property", "rescue_costs"]
)
def test_missing_other_required_head_is_a_warning(kind: str) -> None:
    record = policy()
    record["coverages"] = [c for c in record["coverages"] if c["kind"] != kind]
    [finding] = [f for f in check(record).findings if f.rule == "COV002"]
    assert finding.severity is Severity.WARNING
    assert finding.params["coverage"] == kind


def test_optional_cost_heads_may_be_absent() -> None:
    record = policy()
    record["coverages"] = [c for c in record["coverages"] if c["kind"] != "employee_medical"]
    assert "COV002" not in rules(record)


def test_dispatched_worker_with_a_lower_limit_is_flagged() -> None:
    record = rostered(["regular", "regular", "dispatched"])
    record["insured_persons"][2]["death_disability_limit"] = "400000"
    finding = next(f for f in check(record).findings if f.rule == "COV003")
    assert finding.path == "insured_persons[2].death_disability_limit"
    assert finding.params["employment_type"] == "dispatched"
    assert finding.params["expected"] == "500000"


def test_persons_with_the_policy_limit_written_out_pass() -> None:
    record = rostered(["regular", "temporary"])
    for person in record["insured_persons"]:
        person["death_disability_limit"] = "500000"
    assert "COV003" not in rules(record)


def test_roster_missing_a_temporary_worker_is_flagged() -> None:
    record = rostered(["regular", "dispatched", "temporary"])
    record["insured_persons"][2]["employment_type"] = "regular"
    finding = next(f for f in check(record).findings if f.rule == "COV004")
    assert finding.params["employment_type"] == "temporary"
    assert (finding.params["rostered"], finding.params["employed"]) == (0, 1)


def test_employment_types_not_checked_without_a_roster() -> None:
    assert "insured_persons" in not_checked(policy())["COV004"]


def test_employment_types_not_checked_without_headcount_by_type() -> None:
    record = rostered(["regular"])
    del record["policyholder"]["employees_by_type"]
    assert "employees_by_type" in not_checked(record)["COV004"]


def test_roster_length_differing_from_insured_count_is_warned() -> None:
    record = rostered(["regular", "regular"])
    record["insured_count"] = 3
    record["policyholder"]["employee_count"] = 3
    record["policyholder"]["employees_by_type"]["regular"] = 3
    assert ("COV006", "insured_persons") in fired(record)


AS_OF = date(2026, 1, 15)


def _uninsured(records: list[dict[str, Any]], as_of: date | None = AS_OF) -> list[int]:
    run = validator(as_of=as_of).run(records)
    list(run)
    return [b.index for b in run.finish() if b.finding.rule == "COV005"]


def test_high_risk_unit_with_a_policy_in_force_passes() -> None:
    assert _uninsured([enterprise(), policy()]) == []


def test_high_risk_unit_whose_policy_expired_is_flagged_on_the_enterprise() -> None:
    expired = policy(start="2024-06-01", end="2025-05-31", premium_paid_on="2024-05-01")
    assert _uninsured([expired, enterprise()]) == [1]


def test_cover_runs_to_the_end_of_the_last_day() -> None:
    assert _uninsured([enterprise(), policy()], as_of=date(2026, 5, 31)) == []
    assert _uninsured([enterprise(), policy()], as_of=date(2026, 6, 1)) == [0]


def test_surrendered_policy_does_not_count_after_it_ended() -> None:
    ended = policy(status="surrendered", ended_on="2025-12-31")
    assert _uninsured([enterprise(), ended]) == [0]


@pytest.mark.parametrize(("industry", "status"), [("other", "operating"), ("mining", "closed")])
def test_units_not_required_to_insure_are_not_flagged(industry: str, status: str) -> None:
    assert _uninsured([enterprise(industry=industry, status=status)]) == []


def test_uninsured_rule_is_not_checked_without_as_of() -> None:
    run = validator().run([enterprise()])
    [result] = list(run)
    assert run.finish() == []
    assert [n.rule for n in result.not_checked] == ["COV005"]


def test_fishery_household_is_matched_by_operator_id() -> None:
    household = {"uscc": None, "operator_id_number": "540102198803150011", "industry": "fishery"}
    unit = enterprise(**household)
    del unit["uscc"]
    cover = policy()
    cover["policyholder"] = dict(unit)
    assert _uninsured([unit, cover]) == []
    assert _uninsured([unit]) == [0]
