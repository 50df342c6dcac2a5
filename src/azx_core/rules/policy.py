"""POL rules: the policy contract (period, co-insurance, commission, surrender, filing,
renewal).

POL006 is a batch rule: it keeps, per policy, only the dates and identifiers it needs, and
decides once every policy of the run has been seen.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from azx_core.models import Enterprise, EnterpriseStatus, Policy, PolicyStatus
from azx_core.rules.model import Context, Hit
from azx_core.rules.registry import batch, check

__all__ = ["ENDED", "RenewalGap", "cover_end", "holder_key"]

_SHARE_TOLERANCE = Decimal("0.0001")
_EXEMPT = frozenset({EnterpriseStatus.CLOSED, EnterpriseStatus.CEASED})
#: Policy statuses that end cover before the end date.
ENDED = frozenset({PolicyStatus.SURRENDERED, PolicyStatus.CANCELLED})


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
    if policy.status in ENDED:
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


class _Strings:
    """Many short strings in one buffer: far smaller than a list of str objects."""

    __slots__ = ("_data", "_ends")

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("I")

    def append(self, text: str) -> None:
        self._data += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def __getitem__(self, position: int) -> str:
        start = self._ends[position - 1] if position else 0
        return self._data[start : self._ends[position]].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._ends)


@batch("POL006")
class RenewalGap:
    """Finds policies that start more than a day after the cover they renew ended.

    Per policy it keeps the policy number, the renewed policy number, the first and last
    day of cover, the record's index and a link to the same policyholder's previous
    policy, in byte buffers and arrays (about 50 bytes a policy), and per distinct
    policyholder its last policy. Policies are compared within each policyholder's group;
    only a renewal that names a policy of another policyholder needs a look across groups.
    """

    def __init__(self) -> None:
        self._numbers = _Strings()
        self._renews = _Strings()
        self._starts = array("i")
        self._ends = array("i")
        self._indexes = array("I")
        self._exempt = bytearray()
        self._previous = array("i")  # the holder's previous policy, or -1
        self._last: dict[str, int] = {}  # holder -> its latest policy's position
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
            record.start.toordinal(),
            cover_end(record).toordinal(),
            record.renewal_of or "",
            holder.status in _EXEMPT,
        )

    def observe(self, fact: Any, index: int) -> None:
        """Add the fact to the index."""
        if fact[0] == "unit":
            self._exempt_units.add(fact[1])
            return
        _, number, holder, start, end, renews, exempt = fact
        position = len(self._numbers)
        self._previous.append(self._last.get(holder, -1))
        self._last[holder] = position
        self._numbers.append(number)
        self._renews.append(renews)
        self._starts.append(start)
        self._ends.append(end)
        self._indexes.append(index)
        self._exempt.append(exempt or holder in self._exempt_units)

    def finish(self, as_of: date | None) -> Iterator[tuple[int, str | None, Hit]]:
        """Compare each policy with the one it renews and with the holder's previous one."""
        reported: set[tuple[int, int]] = set()
        elsewhere: list[tuple[int, str]] = []
        starts, ends = self._starts, self._ends
        for holder, last in self._last.items():
            if holder in self._exempt_units:
                continue
            group = self._group(last)
            local = {self._numbers[p]: p for p in group}
            for position in group:
                target = self._renews[position]
                if not target:
                    continue
                previous = local.get(target)
                if previous is None:
                    elsewhere.append((position, target))
                elif previous != position:
                    yield from self._gap(previous, position, reported)
            latest: int | None = None
            for position in sorted(group, key=lambda p: (starts[p] << 20) | ends[p]):
                if latest is not None:
                    yield from self._gap(latest, position, reported)
                if latest is None or ends[position] > ends[latest]:
                    latest = position
        if elsewhere:
            targets = {target for _, target in elsewhere}
            found = {
                number: p
                for p in range(len(self._numbers))
                if (number := self._numbers[p]) in targets
            }
            for position, target in elsewhere:
                if target in found:
                    yield from self._gap(found[target], position, reported)

    def _group(self, last: int) -> list[int]:
        """The positions of one policyholder's policies, following the links back."""
        group = []
        position = last
        while position >= 0:
            group.append(position)
            position = self._previous[position]
        return group

    def _gap(
        self, previous: int, current: int, reported: set[tuple[int, int]]
    ) -> Iterator[tuple[int, str | None, Hit]]:
        gap = self._starts[current] - self._ends[previous] - 1
        if gap <= 0 or self._exempt[current] or (previous, current) in reported:
            return
        reported.add((previous, current))
        previous_end = date.fromordinal(self._ends[previous])
        yield (
            self._indexes[current],
            self._numbers[current],
            Hit(
                "start",
                {
                    "start": date.fromordinal(self._starts[current]),
                    "previous": self._numbers[previous],
                    "previous_end": previous_end,
                    "gap_days": gap,
                    "cover_resumes_by": previous_end + timedelta(days=1),
                },
            ),
        )
