"""POL rules: the policy contract (period, co-insurance, commission, surrender, filing,
renewal).

POL006 is a batch rule: it keeps, per policy, only the dates and identifiers it needs, and
decides once every policy of the run has been seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import attrs

from azx_core.models import Enterprise, EnterpriseStatus, Policy, PolicyStatus
from azx_core.rules.model import BatchRef, Context, Hit
from azx_core.rules.registry import batch, check

__all__ = ["RenewalGap", "cover_end"]

_SHARE_TOLERANCE = Decimal("0.0001")
_EXEMPT = frozenset({EnterpriseStatus.CLOSED, EnterpriseStatus.CEASED})
_ENDED = frozenset({PolicyStatus.SURRENDERED, PolicyStatus.CANCELLED})


def cover_end(policy: Policy) -> date:
    """The last day of cover: the end date, or ``ended_on`` when cover stopped earlier."""
    if policy.ended_on is not None and policy.ended_on < policy.end:
        return policy.ended_on
    return policy.end


@check("POL001")
def period_valid(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The policy does not end before it starts."""
    if policy.end < policy.start:
        yield Hit("end", {"start": policy.start, "end": policy.end})


@check("POL002")
def coinsurance_shares(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """Each share lies in (0, 1] and the shares sum to 1 within the tolerance."""
    for position, insurer in enumerate(policy.insurers):
        if not Decimal(0) < insurer.share <= 1:
            path = f"insurers[{position}].share"
            yield Hit(path, {"share": insurer.share}, variant="share_range")
    total = sum((insurer.share for insurer in policy.insurers), Decimal(0))
    if abs(total - 1) > _SHARE_TOLERANCE:
        yield Hit("insurers", {"sum": total, "tolerance": _SHARE_TOLERANCE})


@check("POL003")
def commission_cap(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The commission rate does not exceed the cap in force at the start."""
    if policy.commission_rate is None:
        return
    cap = ctx.parameter("commission_cap")
    assert isinstance(cap.value, Decimal)
    if policy.commission_rate > cap.value:
        yield Hit(
            "commission_rate",
            {"commission_rate": policy.commission_rate, "cap": cap.value, "cap_from": cap.start},
            reference=cap.reference,
        )


@check("POL004")
def surrender_allowed(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """Cover ends early only for a unit that is closed or has fully ceased."""
    holder_status = policy.policyholder.status
    if holder_status in _EXEMPT:
        return
    params: dict[str, Any] = {"policyholder_status": holder_status, "status": policy.status}
    if policy.status in _ENDED:
        yield Hit("status", params)
    elif policy.ended_on is not None and policy.ended_on < policy.end:
        yield Hit(
            "ended_on",
            {**params, "ended_on": policy.ended_on, "end": policy.end},
            variant="ended_early",
        )


@check("POL005")
def platform_record(policy: Policy, ctx: Context) -> Iterator[Hit]:
    """The policy carries its filing number on the regional platform."""
    if not policy.platform_record_no:
        yield Hit("platform_record_no")


def holder_key(unit: Enterprise) -> str:
    """The identifier that matches a unit across records: USCC, else operator id."""
    return unit.uscc or unit.operator_id_number or ""


@attrs.frozen
class _Seen:
    policy_no: str
    holder: str
    start: date
    end: date
    renewal_of: str | None
    exempt: bool
    ref: BatchRef


@batch("POL006")
class RenewalGap:
    """Finds policies that start more than a day after the cover they renew ended."""

    def __init__(self) -> None:
        self._policies: list[_Seen] = []
        self._exempt_units: set[str] = set()

    def extract(self, record: Any, ctx: Context) -> Any:
        """A policy's dates and parties; a closed or ceased enterprise's key."""
        if isinstance(record, Enterprise):
            return ("unit", holder_key(record)) if record.status in _EXEMPT else None
        if not isinstance(record, Policy) or record.end < record.start:
            return None
        holder = record.policyholder
        return (
            "policy",
            record.policy_no,
            holder_key(holder),
            record.start,
            cover_end(record),
            record.renewal_of,
            holder.status in _EXEMPT,
        )

    def observe(self, fact: Any, ref: BatchRef) -> None:
        """Keep the fact with the record it came from."""
        if fact[0] == "unit":
            self._exempt_units.add(fact[1])
        else:
            number, holder, start, end, renewal_of, exempt = fact[1:]
            self._policies.append(_Seen(number, holder, start, end, renewal_of, exempt, ref))

    def finish(self, as_of: date | None) -> Iterator[tuple[BatchRef, Hit]]:
        """Compare each policy with the one it renews and with the holder's previous one."""
        by_number = {seen.policy_no: seen for seen in self._policies}
        reported: set[tuple[int, int]] = set()
        for seen in self._policies:
            previous = by_number.get(seen.renewal_of) if seen.renewal_of else None
            if previous is not None and previous is not seen:
                yield from self._gap(previous, seen, reported)

        by_holder: dict[str, list[_Seen]] = {}
        for seen in self._policies:
            if seen.holder:
                by_holder.setdefault(seen.holder, []).append(seen)
        for policies in by_holder.values():
            policies.sort(key=lambda s: (s.start, s.end))
            latest: _Seen | None = None
            for seen in policies:
                if latest is not None:
                    yield from self._gap(latest, seen, reported)
                if latest is None or seen.end > latest.end:
                    latest = seen

    def _gap(
        self, previous: _Seen, current: _Seen, reported: set[tuple[int, int]]
    ) -> Iterator[tuple[BatchRef, Hit]]:
        pair = (previous.ref.index, current.ref.index)
        gap = (current.start - previous.end).days - 1
        if gap <= 0 or pair in reported:
            return
        if current.exempt or current.holder in self._exempt_units:
            return
        reported.add(pair)
        yield (
            current.ref,
            Hit(
                "start",
                {
                    "start": current.start,
                    "previous": previous.policy_no,
                    "previous_end": previous.end,
                    "gap_days": gap,
                    "cover_resumes_by": previous.end + timedelta(days=1),
                },
            ),
        )
