"""SVC rules on the policy: prevention service agreed, and its money within the cap.

The rules on service plans, visit records and complaints (AQ 9010-2019) read other record
kinds and live in their own modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from azx_core.models import Policy
from azx_core.rules.model import Context, Hit
from azx_core.rules.registry import check
from azx_core.types.money import CENT

__all__: list[str] = []


@check("SVC001")
def service_terms(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The policy names the service plan that sets content and frequency."""
    if not policy.service_plan_id:
        yield Hit("service_plan_id")


@check("SVC010")
def prevention_spend_cap(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The prevention budget is at most the cap times the premium actually collected."""
    if policy.prevention_budget is None:
        return
    cap = ctx.parameter("prevention_spend_cap")
    assert isinstance(cap.value, Decimal)
    ceiling = policy.premium_paid * cap.value
    if policy.prevention_budget > ceiling:
        yield Hit(
            "prevention_budget",
            {
                "prevention_budget": policy.prevention_budget,
                "premium_paid": policy.premium_paid,
                "cap": cap.value,
                "ceiling": ceiling.quantize(CENT, rounding=ROUND_HALF_UP),
            },
            reference=cap.reference,
        )
