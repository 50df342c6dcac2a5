"""COV rules: cover for every employee, with one amount, under every required head.

COV005 is a batch rule: it keeps the keys of operating high-risk units and of the units
that hold a policy in force on the as-of date, and compares the two at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from azx_core.models import (
    CoverageKind,
    EmploymentType,
    Enterprise,
    EnterpriseStatus,
    Industry,
    Policy,
)
from azx_core.models.enums import label_zh
from azx_core.report.results import Severity
from azx_core.rules.model import Context, Hit, NotCheckable
from azx_core.rules.policy import ENDED, cover_end, holder_key
from azx_core.rules.registry import batch, check

__all__ = ["REQUIRED_HEADS", "UninsuredHighRiskUnit"]

#: Heads of 应急〔2025〕27号 第三条 a policy must carry, with the severity of a gap.
REQUIRED_HEADS: dict[CoverageKind, Severity] = {
    CoverageKind.EMPLOYEE_DEATH_DISABILITY: Severity.ERROR,
    CoverageKind.THIRD_PARTY_DEATH_DISABILITY: Severity.WARNING,
    CoverageKind.THIRD_PARTY_PROPERTY: Severity.WARNING,
    CoverageKind.RESCUE_COSTS: Severity.WARNING,
}


@check("COV001")
def all_employees(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """At least as many persons are insured as the unit employs."""
    employees = policy.policyholder.employee_count
    if policy.insured_count < employees:
        yield Hit(
            "insured_count",
            {
                "insured_count": policy.insured_count,
                "employee_count": employees,
                "missing": employees - policy.insured_count,
            },
        )


@check("COV002")
def required_heads(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """Every compensation head of article 3 is insured."""
    present = {coverage.kind for coverage in policy.coverages}
    for kind, severity in REQUIRED_HEADS.items():
        if kind not in present:
            yield Hit(
                "coverages",
                {"coverage": kind, "coverage_zh": label_zh(kind)},
                severity=None if severity is Severity.ERROR else severity,
            )


def _policy_limit(policy: Policy) -> Decimal | None:
    coverage = policy.coverage(CoverageKind.EMPLOYEE_DEATH_DISABILITY)
    return coverage.per_person_limit if coverage is not None else None


@check("COV003")
def uniform_sum_insured(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """Every insured person has the same death and disability limit."""
    persons = policy.insured_persons
    if not persons:
        return
    default = _policy_limit(policy)
    limits = [p.death_disability_limit or default for p in persons]
    known = [limit for limit in limits if limit is not None]
    if len(set(known)) <= 1:
        return
    expected = default if default is not None else Counter(known).most_common(1)[0][0]
    for position, (person, limit) in enumerate(zip(persons, limits, strict=True)):
        if limit is not None and limit != expected:
            yield Hit(
                f"insured_persons[{position}].death_disability_limit",
                {
                    "name": person.name,
                    "employment_type": person.employment_type,
                    "post": person.post,
                    "limit": limit,
                    "expected": expected,
                },
            )


_COUNTED = (EmploymentType.DISPATCHED, EmploymentType.TEMPORARY)


@check("COV004")
def no_employment_type_excluded(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The roster holds every dispatched and temporary worker the unit employs."""
    by_type = policy.policyholder.employees_by_type
    if policy.insured_persons is None or by_type is None:
        missing = "insured_persons" if policy.insured_persons is None else "employees_by_type"
        raise NotCheckable(f"{missing} is not given")
    rostered = Counter(person.employment_type for person in policy.insured_persons)
    for employment_type in _COUNTED:
        employed = getattr(by_type, employment_type.value)
        if rostered[employment_type] < employed:
            yield Hit(
                "insured_persons",
                {
                    "employment_type": employment_type,
                    "employment_type_zh": label_zh(employment_type),
                    "rostered": rostered[employment_type],
                    "employed": employed,
                },
            )


@check("COV006")
def roster_matches_count(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """A roster, when given, lists as many persons as are insured."""
    if policy.insured_persons is not None and len(policy.insured_persons) != policy.insured_count:
        yield Hit(
            "insured_persons",
            {"rostered": len(policy.insured_persons), "insured_count": policy.insured_count},
        )


def in_force_on(policy: Policy, day: date) -> bool:
    """Whether the policy covers `day` (00:00 of start to 24:00 of its last day)."""
    if policy.status in ENDED and policy.ended_on is None:
        return False  # ended on a date the record does not say
    return policy.start <= day <= cover_end(policy)


@batch("COV005")
class UninsuredHighRiskUnit:
    """Finds operating high-risk units with no policy in force on the as-of date."""

    def __init__(self) -> None:
        self._units: dict[str, tuple[int, Industry]] = {}
        self._insured: set[str] = set()

    def extract(self, record: Any, ctx: Context) -> Any:
        """A high-risk operating unit's key, or the key of a unit insured on the as-of date."""
        if ctx.as_of is None:
            return None
        if isinstance(record, Enterprise):
            if record.industry is Industry.OTHER or record.status is not EnterpriseStatus.OPERATING:
                return None
            return ("unit", holder_key(record), record.industry)
        if isinstance(record, Policy) and in_force_on(record, ctx.as_of):
            return ("insured", holder_key(record.policyholder))
        return None

    def observe(self, fact: Any, index: int) -> None:
        """Index the unit or the insured key."""
        if fact[0] == "unit":
            self._units.setdefault(fact[1], (index, fact[2]))
        else:
            self._insured.add(fact[1])

    def finish(self, as_of: date | None) -> Iterator[tuple[int, str | None, Hit]]:
        """Report each indexed unit that no in-force policy names."""
        if as_of is None:
            return
        for key, (index, industry) in self._units.items():
            if key not in self._insured:
                yield index, key, Hit("", {"unit": key, "industry": industry, "as_of": as_of})
