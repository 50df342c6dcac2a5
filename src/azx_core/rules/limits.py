"""LIM rules: liability limits, the dated floor and the order of limits within a coverage."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from azx_core.models import CoverageKind, Policy
from azx_core.rules.model import Context, Hit, NotCheckable
from azx_core.rules.registry import check

__all__: list[str] = []

# The name of the limit a per-person limit is compared with: (zh, en), by whether the
# coverage has a per-accident limit.
_UPPER = {
    True: ("每次事故责任限额", "per-accident limit"),
    False: ("累计责任限额", "aggregate limit"),
}


@check("LIM001")
def death_disability_floor(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The employee death and disability limits are at least the floor in force."""
    floor = ctx.parameter("death_disability_floor")
    assert isinstance(floor.value, Decimal)
    common = {"floor": floor.value, "floor_from": floor.start}

    checked = False
    for position, coverage in enumerate(policy.coverages):
        if coverage.kind is not CoverageKind.EMPLOYEE_DEATH_DISABILITY:
            continue
        if coverage.per_person_limit is None:
            continue
        checked = True
        if coverage.per_person_limit < floor.value:
            yield Hit(
                f"coverages[{position}].per_person_limit",
                {**common, "limit": coverage.per_person_limit},
                reference=floor.reference,
            )
    for position, person in enumerate(policy.insured_persons or ()):
        own = person.death_disability_limit
        if own is None:
            continue
        checked = True
        if own < floor.value:
            yield Hit(
                f"insured_persons[{position}].death_disability_limit",
                {**common, "limit": own, "name": person.name},
                reference=floor.reference,
            )
    if not checked:
        raise NotCheckable("no per-person death and disability limit is given")


@check("LIM002")
def limit_order(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """Per person <= per accident <= aggregate; a deductible below the limits it reduces."""
    for position, coverage in enumerate(policy.coverages):
        person = coverage.per_person_limit
        accident = coverage.per_accident_limit
        aggregate = coverage.aggregate_limit
        deductible = coverage.deductible
        upper = accident if accident is not None else aggregate
        if (
            (person is None or upper is None or person <= upper)
            and (accident is None or aggregate is None or accident <= aggregate)
            and deductible is None
        ):
            continue  # the common case: nothing to compare further
        at = f"coverages[{position}]"
        base = {"coverage": coverage.kind}
        if person is not None and upper is not None and person > upper:
            names = _UPPER[accident is not None]
            yield Hit(
                f"{at}.per_person_limit",
                {
                    **base,
                    "per_person_limit": person,
                    "upper": upper,
                    "upper_zh": names[0],
                    "upper_en": names[1],
                },
            )
        if accident is not None and aggregate is not None and accident > aggregate:
            yield Hit(
                f"{at}.per_accident_limit",
                {**base, "per_accident_limit": accident, "aggregate_limit": aggregate},
                variant="accident_over_aggregate",
            )
        limits = [v for v in (person, accident, aggregate) if v is not None]
        if deductible is not None and limits and deductible >= min(limits):
            yield Hit(
                f"{at}.deductible",
                {**base, "deductible": deductible, "limit": min(limits)},
                variant="deductible",
            )
