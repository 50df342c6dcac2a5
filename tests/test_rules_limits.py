"""LIM001 and LIM002: the dated floor of the death and disability limit, and limit order."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from azx_core.testing.factories import insured_person, merge_patch, policy
from helpers_rules import check, fired, not_checked, rules


def with_limit(limit: str, **changes: Any) -> dict[str, Any]:
    record = policy(**changes)
    record["coverages"][0]["per_person_limit"] = limit
    return record


def test_limit_exactly_at_the_2025_floor_passes() -> None:
    assert "LIM001" not in rules(with_limit("400000"))


def test_limit_one_fen_below_the_2025_floor_is_flagged() -> None:
    result = check(with_limit("399999.99"))
    [finding] = [f for f in result.findings if f.rule == "LIM001"]
    assert finding.path == "coverages[0].per_person_limit"
    assert finding.params["floor"] == "400000"
    assert finding.params["limit"] == "399999.99"
    assert finding.params["floor_from"] == "2025-03-29"
    assert "应急〔2025〕27号 第十五条" in finding.reference


def test_policy_starting_the_day_before_the_2025_measures_keeps_the_300k_floor() -> None:
    record = with_limit(
        "300000", start="2025-03-28", end="2026-03-27", premium_paid_on="2025-03-20"
    )
    assert "LIM001" not in rules(record)
    below = with_limit(
        "299999.99", start="2025-03-28", end="2026-03-27", premium_paid_on="2025-03-20"
    )
    finding = next(f for f in check(below).findings if f.rule == "LIM001")
    assert finding.params["floor"] == "300000"
    assert "安监总办〔2017〕140号" in finding.reference


def test_policy_starting_on_2025_03_29_is_held_to_400k() -> None:
    record = with_limit(
        "350000", start="2025-03-29", end="2026-03-28", premium_paid_on="2025-03-20"
    )
    assert "LIM001" in rules(record)


def test_policy_starting_before_2018_is_not_checked_rather_than_guessed() -> None:
    record = with_limit(
        "100000", start="2017-12-31", end="2018-12-30", premium_paid_on="2017-12-01"
    )
    assert "LIM001" not in rules(record)
    assert "before 2018-01-01" in not_checked(record)["LIM001"]


def test_as_of_overrides_the_policy_start() -> None:
    record = with_limit(
        "350000", start="2025-01-01", end="2025-12-31", premium_paid_on="2024-12-20"
    )
    assert "LIM001" not in rules(record)
    assert "LIM001" in rules(record, as_of=date(2025, 6, 1))


def test_tibet_policy_below_400k_is_flagged_with_the_regional_reference() -> None:
    finding = next(f for f in check(with_limit("380000"), "xizang").findings if f.rule == "LIM001")
    assert "藏应急〔2025〕29号 三(七)" in finding.reference


def test_tibet_policy_between_national_and_regional_dates_uses_the_national_reference() -> None:
    record = with_limit(
        "380000", start="2025-04-21", end="2026-04-20", premium_paid_on="2025-04-10"
    )
    finding = next(f for f in check(record, "xizang").findings if f.rule == "LIM001")
    assert "应急〔2025〕27号" in finding.reference


def test_an_insured_persons_own_limit_below_the_floor_is_flagged() -> None:
    record = policy(
        insured_count=120,
        insured_persons=[insured_person(1, death_disability_limit="390000")],
    )
    assert ("LIM001", "insured_persons[0].death_disability_limit") in fired(record)


def test_no_per_person_limit_anywhere_is_not_checked() -> None:
    record = policy()
    del record["coverages"][0]["per_person_limit"]
    assert "LIM001" in not_checked(record)


@pytest.mark.parametrize(
    ("coverage", "path"),
    [
        ({"per_person_limit": "600000", "per_accident_limit": "500000"}, "per_person_limit"),
        ({"per_person_limit": "600000", "aggregate_limit": "500000"}, "per_person_limit"),
        ({"per_accident_limit": "600000", "aggregate_limit": "500000"}, "per_accident_limit"),
        ({"per_accident_limit": "600000", "deductible": "600000"}, "deductible"),
    ],
)
def test_limits_out_of_order_are_flagged(coverage: dict[str, str], path: str) -> None:
    record = policy()
    record["coverages"][3] = {"kind": "third_party_property", **coverage}
    assert ("LIM002", f"coverages[3].{path}") in fired(record)


def test_limits_in_order_pass() -> None:
    record = merge_patch(policy(), {})
    record["coverages"][3] = {
        "kind": "third_party_property",
        "per_person_limit": "500000",
        "per_accident_limit": "500000",
        "aggregate_limit": "500000",
        "deductible": "499999.99",
    }
    assert "LIM002" not in rules(record)


def test_english_message_names_floor_and_limit() -> None:
    from azx_core import Validator

    result = Validator("national", lang="en").validate(with_limit("350000"))
    finding = next(f for f in result.findings if f.rule == "LIM001")
    assert "350000" in finding.message
    assert "400000" in finding.message
