"""ENT rules: the identity of parties (GB 32100-2015, GB 11643-1999, GB/T 2260).

The identifiers are checked here rather than in the models, so that a record with a bad
check character is still checked for everything else.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import date
from typing import Any

from azx_core.errors import InvalidIdentifier
from azx_core.models import Enterprise, FeeLedger, Policy
from azx_core.rules.model import Context, Hit
from azx_core.rules.registry import check
from azx_core.types import division, resident_id, uscc

__all__: list[str] = []


def _enterprises(record: Any) -> tuple[tuple[str, Enterprise], ...]:
    """The enterprise a record names, with the path prefix that leads to it."""
    if isinstance(record, Policy):
        return (("policyholder.", record.policyholder),)
    if isinstance(record, Enterprise):
        return (("", record),)
    return ()


@functools.lru_cache(maxsize=65536)
def _uscc_problem(code: str) -> InvalidIdentifier | None:
    """The verdict on one USCC, remembered: the same units recur across a batch."""
    try:
        uscc.validate(code)
    except InvalidIdentifier as exc:
        return exc
    return None


@check("ENT001")
def uscc_valid(record: Enterprise | Policy | FeeLedger, ctx: Context) -> Iterator[Hit]:
    """Every USCC the record carries passes GB 32100-2015."""
    if isinstance(record, FeeLedger):
        codes = [("uscc", record.uscc)]
    else:
        codes = [(f"{prefix}uscc", e.uscc) for prefix, e in _enterprises(record) if e.uscc]
    for path, code in codes:
        problem = _uscc_problem(code)
        if problem is not None:
            yield Hit(path, {"uscc": code, "code": problem.code, "detail": str(problem)})


@check("ENT002")
def resident_ids_valid(record: Enterprise | Policy, ctx: Context) -> Iterator[Hit]:
    """Every resident id number on the record passes GB 11643-1999."""
    today = date.today()
    for prefix, unit in _enterprises(record):
        if unit.operator_id_number:
            yield from _id_problem(f"{prefix}operator_id_number", unit.operator_id_number, today)
    if isinstance(record, Policy) and record.insured_persons:
        for position, person in enumerate(record.insured_persons):
            if person.id_number:
                path = f"insured_persons[{position}].id_number"
                yield from _id_problem(path, person.id_number, today)


def _id_problem(path: str, number: str, today: date) -> Iterator[Hit]:
    try:
        resident_id.validate(number, today=today)
    except InvalidIdentifier as exc:
        yield Hit(path, {"id_number": number, "code": exc.code, "detail": str(exc)})


@check("ENT003")
def region_known(record: Enterprise | Policy, ctx: Context) -> Iterator[Hit]:
    """The unit's region is a known GB/T 2260 code."""
    for prefix, enterprise in _enterprises(record):
        if not division.is_known(enterprise.region):
            yield Hit(f"{prefix}region", {"region": enterprise.region})


@check("ENT004")
def region_in_profile(record: Enterprise | Policy, ctx: Context) -> Iterator[Hit]:
    """Under a regional profile, the unit is registered in the profile's region."""
    profile = ctx.profile
    for prefix, enterprise in _enterprises(record):
        if not profile.covers_region(enterprise.region):
            yield Hit(
                f"{prefix}region",
                {
                    "region": enterprise.region,
                    "profile": profile.name,
                    "prefixes": ", ".join(p + "…" for p in profile.region_prefixes),
                },
                reference=profile.scope_reference,
            )
