"""POL001-POL005 on single policies, and POL006 over a batch of policies."""

from __future__ import annotations

import pytest

from azx_core.testing.factories import enterprise, policy
from helpers_rules import check, fired, rules, validator


def shares(*values: str) -> list[dict[str, str]]:
    return [{"code": f"INS{i}", "name": f"保险公司{i}", "share": v} for i, v in enumerate(values)]


def test_end_before_start_is_flagged() -> None:
    assert ("POL001", "end") in fired(policy(end="2025-05-31"))


def test_one_day_policy_passes() -> None:
    assert "POL001" not in rules(policy(end="2025-06-01"))


@pytest.mark.parametrize("second", ["0.3999", "0.4001", "0.4"])
def test_shares_within_the_tolerance_pass(second: str) -> None:
    assert "POL002" not in rules(policy(insurers=shares("0.6", second)))


@pytest.mark.parametrize("second", ["0.39989", "0.40011", "0.5"])
def test_shares_outside_the_tolerance_are_flagged(second: str) -> None:
    assert ("POL002", "insurers") in fired(policy(insurers=shares("0.6", second)))


@pytest.mark.parametrize("share", ["0", "-0.1", "1.2"])
def test_a_share_outside_zero_one_is_flagged_at_the_share(share: str) -> None:
    assert ("POL002", "insurers[1].share") in fired(policy(insurers=shares("1", share)))


def test_a_single_insurer_with_share_one_passes() -> None:
    assert "POL002" not in rules(policy(insurers=shares("1")))


def test_commission_exactly_five_percent_passes() -> None:
    assert "POL003" not in rules(policy(commission_rate="0.05"))


def test_commission_above_five_percent_is_flagged() -> None:
    finding = next(f for f in check(policy(commission_rate="0.0501")).findings)
    assert finding.rule == "POL003"
    assert finding.params == {"commission_rate": "0.0501", "cap": "0.05", "cap_from": "2025-03-29"}


def test_commission_cap_does_not_apply_before_2025_03_29() -> None:
    record = policy(commission_rate="0.2", start="2025-03-28", premium_paid_on="2025-03-01")
    result = check(record)
    assert "POL003" not in {f.rule for f in result.findings}
    assert "POL003" not in {n.rule for n in result.not_checked}


@pytest.mark.parametrize("status", ["surrendered", "cancelled"])
@pytest.mark.parametrize("holder", ["operating", "suspended"])
def test_surrender_by_a_unit_still_in_business_is_flagged(status: str, holder: str) -> None:
    record = policy(status=status, ended_on="2025-10-01")
    record["policyholder"]["status"] = holder
    assert ("POL004", "status") in fired(record)


@pytest.mark.parametrize("holder", ["closed", "ceased"])
def test_surrender_by_a_closed_or_ceased_unit_passes(holder: str) -> None:
    record = policy(status="surrendered", ended_on="2025-10-01")
    record["policyholder"]["status"] = holder
    assert "POL004" not in rules(record)


def test_cover_ended_early_while_in_force_is_flagged_at_ended_on() -> None:
    assert ("POL004", "ended_on") in fired(policy(ended_on="2025-12-31"))


def test_platform_filing_number_is_required_in_tibet_only() -> None:
    record = policy(platform_record_no=None)
    del record["platform_record_no"]
    assert "POL005" in rules(record, "xizang")
    assert "POL005" not in rules(record, "national")


def _batch(records: list[dict[str, object]], **kwargs: object) -> list[tuple[int, str, str]]:
    run = validator(**kwargs).run(records)  # type: ignore[arg-type]
    list(run)
    return [(b.index, b.finding.rule, b.finding.path) for b in run.finish()]


PREVIOUS = {
    "policy_no": "AZX-2024-0001",
    "start": "2024-06-01",
    "end": "2025-05-31",
    "premium_paid_on": "2024-05-25",
}


def test_renewal_starting_the_day_after_passes() -> None:
    assert _batch([policy(**PREVIOUS), policy(renewal_of="AZX-2024-0001")]) == []


def test_renewal_two_days_later_is_flagged_on_the_renewing_policy() -> None:
    records = [policy(**PREVIOUS), policy(renewal_of="AZX-2024-0001", start="2025-06-02")]
    assert _batch(records) == [(1, "POL006", "start")]


def test_gap_between_consecutive_policies_of_one_holder_is_flagged_without_renewal_of() -> None:
    records = [policy(start="2025-07-01", premium_paid_on="2025-06-20"), policy(**PREVIOUS)]
    found = _batch(records)
    assert found == [(0, "POL006", "start")]


def test_gap_after_early_end_counts_from_the_day_cover_ended() -> None:
    earlier = policy(**PREVIOUS, ended_on="2025-03-31", status="cancelled")
    earlier["policyholder"]["status"] = "closed"
    later = policy(renewal_of="AZX-2024-0001")
    later["policyholder"]["status"] = "operating"
    assert _batch([earlier, later]) == [(1, "POL006", "start")]


def test_gap_is_allowed_when_the_unit_is_ceased() -> None:
    later = policy(renewal_of="AZX-2024-0001", start="2025-08-01", premium_paid_on="2025-07-01")
    later["policyholder"]["status"] = "ceased"
    assert _batch([policy(**PREVIOUS), later]) == []


def test_gap_is_allowed_when_an_enterprise_record_says_closed() -> None:
    later = policy(renewal_of="AZX-2024-0001", start="2025-08-01", premium_paid_on="2025-07-01")
    records = [policy(**PREVIOUS), later, enterprise(status="closed")]
    assert _batch(records) == []


def test_renewal_gap_finding_counts_in_the_summary() -> None:
    run = validator().run(
        [policy(**PREVIOUS), policy(renewal_of="AZX-2024-0001", start="2025-06-09")]
    )
    results = list(run)
    assert all(r.valid for r in results)
    run.finish()
    assert run.summary.errors == 1
    assert run.summary.invalid == 1
    assert run.summary.valid == 1
