"""PRM rules: the premium is the unit's to pay, promptly and in full."""

from __future__ import annotations

from collections.abc import Iterator

from azx_core.models import Policy
from azx_core.rules.model import Context, Hit
from azx_core.rules.registry import check

__all__: list[str] = []


@check("PRM001")
def not_apportioned(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """No part of the premium is borne by employees."""
    if policy.premium_paid_by_employees > 0:
        yield Hit("premium_paid_by_employees", {"amount": policy.premium_paid_by_employees})


@check("PRM002")
def paid_in_full(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The premium collected equals the premium and was paid by the start date."""
    if policy.premium_paid < policy.premium:
        yield Hit(
            "premium_paid",
            {"premium": policy.premium, "premium_paid": policy.premium_paid},
        )
    paid_on = policy.premium_paid_on
    if paid_on is not None and paid_on > policy.start:
        yield Hit(
            "premium_paid_on",
            {"premium_paid_on": paid_on, "start": policy.start},
            variant="late",
        )
