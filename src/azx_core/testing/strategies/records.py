"""Valid records of every kind: the factories' records with what the rules allow varied."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from azx_core.errors import UnknownKind
from azx_core.models import KINDS, Industry, ServiceForm, ServiceItem
from azx_core.testing import factories
from azx_core.testing.strategies.values import (
    _BRANCHES,
    _FIRST_DAY,
    _HAZARDS,
    _INSURERS,
    _LAST_DAY,
    _MEASURES,
    _PLACES,
    _REGIONS,
    _REPLIES,
    _SAFEGUARDS,
    _TARGETS,
    Draw,
    Record,
    _cents,
    _day,
    _enterprise_names,
    _money,
    _numbers,
    _people,
    _person_names,
    _policy_numbers,
    _provider,
    resident_ids,
    usccs,
)

# Enterprises and policies.


def _replace(base: Record, changes: Mapping[str, Any]) -> Record:
    """`base` with top-level fields replaced; a ``None`` change deletes the field."""
    out = {**base, **changes}
    return {key: value for key, value in out.items() if value is not None}


def _headcount_by_type(draw: Draw, total: int) -> dict[str, int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=3, max_size=3)))
    bounds = [0, *cuts, total]
    names = ("regular", "dispatched", "temporary", "other")
    return {name: bounds[i + 1] - bounds[i] for i, name in enumerate(names)}


@st.composite
def _enterprise(
    draw: Draw,
    max_employees: int = 20_000,
    statuses: tuple[str, ...] = ("operating", "suspended", "closed", "ceased"),
) -> Record:
    industry = draw(st.sampled_from([i.value for i in Industry]))
    count = draw(st.integers(1, max_employees))
    changes: Record = {
        "name": draw(_enterprise_names()),
        "industry": industry,
        "region": draw(st.sampled_from(_REGIONS)),
        "employee_count": count,
        "employees_by_type": _headcount_by_type(draw, count),
        "status": draw(st.sampled_from(statuses)),
    }
    if industry in {"fishery", "other"} and draw(st.booleans()):
        # Fishery households and individual operators may have no USCC (ENT002's case).
        changes["uscc"] = None
        changes["operator_id_number"] = draw(resident_ids())
    else:
        changes["uscc"] = draw(usccs())
    if draw(st.booleans()):
        changes["employees_by_type"] = None
    return _replace(factories.enterprise(), changes)


def enterprises() -> st.SearchStrategy[Record]:
    """Valid enterprise records."""
    return _enterprise()


def _insurers(draw: Draw) -> list[Record]:
    count = draw(st.integers(1, 3))
    chosen = draw(
        st.lists(
            st.sampled_from(_INSURERS),
            min_size=count,
            max_size=count,
            unique_by=lambda insurer: insurer[0],
        )
    )
    cuts = sorted(
        draw(st.lists(st.integers(1, 99), min_size=count - 1, max_size=count - 1, unique=True))
    )
    bounds = [0, *cuts, 100]
    return [
        {
            "code": f"{code}-XZ",
            "name": name + draw(st.sampled_from(_BRANCHES)),
            "share": str(Decimal(bounds[i + 1] - bounds[i]) / 100),
        }
        for i, (code, name) in enumerate(chosen)
    ]


def _coverages(draw: Draw) -> list[Record]:
    def limits(per_person: int | None, ratios: tuple[int, int]) -> Record:
        out: Record = {}
        if per_person is not None:
            out["per_person_limit"] = _money(draw, per_person)
        accident = (per_person or 0) * draw(st.integers(1, ratios[0]))
        if accident and draw(st.booleans()):
            out["per_accident_limit"] = _money(draw, accident)
            if draw(st.booleans()):
                out["aggregate_limit"] = _money(draw, accident * draw(st.integers(1, ratios[1])))
        return out

    # The employee limit is at least 400,000 CNY, the highest floor on any date.
    employee = _cents(draw, 400_000, 2_000_000, step_yuan=10_000)
    found = [
        {"kind": "employee_death_disability", **limits(employee, (50, 4))},
        {
            "kind": "third_party_death_disability",
            **limits(_cents(draw, 100_000, 2_000_000, 10_000), (20, 3)),
        },
        {
            "kind": "third_party_property",
            "per_accident_limit": _money(draw, _cents(draw, 100_000, 5_000_000, 10_000)),
        },
        {
            "kind": "rescue_costs",
            "per_accident_limit": _money(draw, _cents(draw, 50_000, 1_000_000, 10_000)),
        },
    ]
    if draw(st.booleans()):
        found[2]["deductible"] = _money(draw, _cents(draw, 0, 5_000, 100))
    optional = (
        "employee_medical",
        "medical_rescue_costs",
        "accident_appraisal_costs",
        "legal_costs",
    )
    for kind in draw(st.lists(st.sampled_from(optional), unique=True, max_size=4)):
        found.append(
            {"kind": kind, "per_accident_limit": _money(draw, _cents(draw, 10_000, 500_000, 1_000))}
        )
    return list(draw(st.permutations(found)))


def _roster(draw: Draw, holder: Record, size: int, limit: Any) -> list[Record]:
    by_type = holder.get("employees_by_type") or {"regular": holder["employee_count"]}
    types = [kind for kind, count in by_type.items() for _ in range(count)]
    types += ["regular"] * (size - len(types))
    serials = draw(st.lists(st.integers(0, 999), min_size=size, max_size=size, unique=True))
    with_limit = draw(st.booleans())
    roster = []
    for serial, employment_type in zip(serials, types, strict=True):
        born = draw(_day(date(1960, 1, 1), date(2002, 12, 31))).strftime("%Y%m%d")
        person = factories.insured_person(
            serial,
            employment_type,
            name=draw(_person_names()),
            id_number=factories.id_number(serial, region=holder["region"], born=born),
            post=draw(st.sampled_from(("施工作业", "驾驶员", "爆破作业", "管理人员", "电工"))),
        )
        if with_limit:
            person["death_disability_limit"] = limit  # one amount for everyone (COV003)
        roster.append(person)
    return roster


@st.composite
def _policy(draw: Draw) -> Record:
    start = draw(_day(date(2020, 1, 1), date(2026, 12, 31)))
    if draw(st.booleans()):
        end = date(start.year + 1, start.month, min(start.day, 28)) - timedelta(days=1)
    else:
        end = start + timedelta(days=draw(st.integers(0, 730)))
    paid_before = draw(st.integers(0, 30))
    with_roster = draw(st.booleans())
    holder = draw(
        _enterprise(max_employees=40 if with_roster else 5_000, statuses=("operating", "suspended"))
    )
    premium = _cents(draw, 2_000, 5_000_000)
    coverages = _coverages(draw)
    changes: Record = {
        "policy_no": draw(_policy_numbers()),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "signed_on": (start - timedelta(days=paid_before + draw(st.integers(0, 30)))).isoformat(),
        "status": draw(st.sampled_from(("in_force", "in_force", "expired"))),
        "policyholder": holder,
        "insurers": _insurers(draw),
        "premium": _money(draw, premium),
        "premium_paid": _money(draw, premium),
        "premium_paid_on": (start - timedelta(days=paid_before)).isoformat(),
        "premium_paid_by_employees": draw(st.sampled_from(("0", "0.00", 0, None))),
        "commission_rate": draw(
            st.one_of(st.none(), st.integers(0, 500).map(lambda n: str(Decimal(n) / 10_000)))
        ),
        "coverages": coverages,
        "insured_count": holder["employee_count"] + draw(st.sampled_from((0, 0, 1, 5))),
        # At most 21 % of the premium collected, the cap in force since 2025.
        "prevention_budget": _money(draw, draw(st.integers(0, premium * 21 // 100))),
        "service_plan_id": draw(_numbers("SP-", 5)),
        "platform_record_no": draw(_numbers("XZAZX", 6)).replace("-", ""),
    }
    for optional in ("signed_on", "premium_paid_on", "prevention_budget"):
        if draw(st.booleans()):
            changes[optional] = None
    if with_roster:
        employee = next(c for c in coverages if c["kind"] == "employee_death_disability")
        changes["insured_persons"] = _roster(
            draw, holder, changes["insured_count"], employee["per_person_limit"]
        )
    return _replace(factories.policy(), changes)


def policies() -> st.SearchStrategy[Record]:
    """Valid policy records, with or without a roster of insured persons."""
    return _policy()


# Prevention service: plans, visit records, complaints.


@st.composite
def _service_plan(draw: Draw) -> Record:
    items = draw(
        st.lists(
            st.sampled_from([i.value for i in ServiceItem]), min_size=1, max_size=4, unique=True
        )
    )
    return factories.service_plan(
        plan_id=draw(_numbers("SP-", 5)),
        policy_no=draw(_policy_numbers()),
        agreed_on=draw(_day(_FIRST_DAY, _LAST_DAY)).isoformat(),
        items=[
            {
                "item": item,
                "measures": draw(
                    st.lists(st.sampled_from(_MEASURES), min_size=1, max_size=3, unique=True)
                ),
                "frequency": draw(st.integers(1, 12)),
                "provider": _provider(draw),
                "personnel": _people(draw),
            }
            for item in items
        ],
        targets=draw(st.lists(st.sampled_from(_TARGETS), min_size=1, max_size=3, unique=True)),
        safeguards=draw(
            st.lists(st.sampled_from(_SAFEGUARDS), min_size=1, max_size=4, unique=True)
        ),
        personnel=_people(draw),
    )


def service_plans() -> st.SearchStrategy[Record]:
    """Valid, agreed and complete service plans."""
    return _service_plan()


def _hazard(draw: Draw, serial: int, day: date) -> Record:
    deadline = day + timedelta(days=draw(st.integers(3, 30)))
    rectification: Record = {"deadline": deadline.isoformat(), "status": "open"}
    if draw(st.booleans()):
        closed = day + timedelta(days=draw(st.integers(0, (deadline - day).days)))
        rectification.update(status="rectified", closed_on=closed.isoformat())
    sent = day + timedelta(days=draw(st.integers(0, 2)))
    return {
        "hazard_id": f"HZ-{day.year}-{serial:05d}",
        "description": draw(st.sampled_from(_HAZARDS)),
        "level": draw(st.sampled_from(("general", "general", "major"))),
        "found_on": day.isoformat(),
        "notice": {"form": "written", "sent_on": sent.isoformat()},
        "rectification": rectification,
    }


@st.composite
def _service_record(draw: Draw) -> Record:
    day = draw(_day(_FIRST_DAY, _LAST_DAY))
    hour = draw(st.integers(8, 12))
    minute = draw(st.sampled_from((0, 15, 30, 45)))
    hours = draw(st.integers(1, 8))

    def on(offset: int) -> str:
        return (day + timedelta(days=offset)).isoformat()

    compiled = draw(st.integers(0, 2))
    confirmed = compiled + draw(st.integers(0, 3))
    archived = confirmed + draw(st.integers(0, 5))
    serials = draw(st.lists(st.integers(0, 99_999), max_size=3, unique=True))
    form = draw(st.sampled_from([f.value for f in ServiceForm]))
    follow_up: Record = {
        "method": draw(st.sampled_from(("phone", "network", "onsite"))),
        "on": on(draw(st.integers(1, 20))),
        "satisfaction": draw(
            st.sampled_from(("very_satisfied", "satisfied", "neutral", "dissatisfied"))
        ),
    }
    if draw(st.booleans()):
        follow_up["opinions"] = "建议增加现场讲解时间"
    return factories.service_record(
        record_id=draw(_numbers("SR-", 5)),
        plan_id=draw(_numbers("SP-", 5)),
        policy_no=draw(_policy_numbers()),
        item=draw(st.sampled_from([i.value for i in ServiceItem])),
        form=form,
        confirmed_in_advance_on=on(-draw(st.integers(0, 14))),
        started_at=f"{day.isoformat()}T{hour:02d}:{minute:02d}:00+08:00",
        ended_at=f"{day.isoformat()}T{hour + hours:02d}:{minute:02d}:00+08:00",
        place=draw(st.sampled_from(_PLACES)) + "某施工现场",
        provider=_provider(draw, form),
        personnel=_people(draw),
        measures=draw(st.lists(st.sampled_from(_MEASURES), min_size=1, max_size=3, unique=True)),
        hazards=[_hazard(draw, serial, day) for serial in serials],
        follow_up=follow_up,
        compiled_on=on(compiled),
        confirmed_by_insurer_on=on(confirmed),
        confirmed_by_policyholder_on=on(confirmed + draw(st.integers(0, 1))),
        archived_on=on(archived + 1),
        # At least five years: the end of a year five to ten years on.
        retain_until=date(day.year + 5 + draw(st.integers(1, 5)), 12, 31).isoformat(),
    )


def service_records() -> st.SearchStrategy[Record]:
    """Valid, complete and co-confirmed service visit records."""
    return _service_record()


@st.composite
def _complaint(draw: Draw) -> Record:
    # Inside the years the working-day calendar knows, so the deadline rules run.
    received = draw(_day(date(2024, 1, 1), _LAST_DAY))
    needs_verification = draw(st.booleans())
    # Ten (thirty) working days are at least ten (thirty) calendar days.
    replied = received + timedelta(days=draw(st.integers(0, 30 if needs_verification else 10)))
    request, facts, measures = draw(st.sampled_from(_REPLIES))
    changes: Record = {
        "complaint_id": draw(_numbers("CP-", 5)),
        "policy_no": draw(_policy_numbers()),
        "received_on": received.isoformat(),
        "needs_verification": needs_verification,
        "replied_on": replied.isoformat(),
        "reply": {"request": request, "facts_and_basis": facts, "measures": measures},
    }
    if draw(st.booleans()):
        approved = received + timedelta(days=draw(st.integers(0, 5)))
        changes["extension"] = {
            "approved_by": draw(_person_names()),
            "approved_on": approved.isoformat(),
            "days": draw(st.integers(1, 30)),
            "reason_notified_on": approved.isoformat(),
        }
    return factories.complaint(**changes)


def complaints() -> st.SearchStrategy[Record]:
    """Valid complaints, answered in time and in full."""
    return _complaint()


@st.composite
def _fee_ledger(draw: Draw) -> Record:
    # The factory's ledger scaled by a whole factor keeps every ratio the FEE rules read
    # (extraction to base, uses to the required amount) and the balance identity.
    base = factories.fee_ledger()
    factor = draw(st.integers(1, 10))
    year = draw(st.integers(2023, 2026))

    def scaled(value: str) -> int:
        return int(Decimal(value) * 100) * factor

    extra = _cents(draw, 0, 500_000)  # more than the required amount is allowed
    opening = scaled(base["opening_balance"]) + _cents(draw, 0, 200_000)
    extracted = scaled(base["extracted"]) + extra
    used = sum(scaled(use["amount"]) for use in base["uses"])
    first = draw(st.integers(1, used - 1))
    uses = [dict(use) for use in base["uses"]]
    for use, amount in zip(uses, (first, used - first), strict=True):
        use["amount"] = _money(draw, amount)
        use["on"] = draw(_day(date(year, 1, 1), date(year, 12, 31))).isoformat()
    line = dict(base["lines"][0])
    line["base"] = str(Decimal(line["base"]) * factor)
    # Contracted after 2022-11-21, so the current rates apply.
    contracted = draw(_day(date(2022, 11, 21), date(max(year - 1, 2022), 12, 31)))
    line["contracted_on"] = contracted.isoformat()
    return factories.fee_ledger(
        uscc=draw(usccs()),
        year=year,
        lines=[line],
        opening_balance=_money(draw, opening),
        extracted=_money(draw, extracted),
        uses=uses,
        closing_balance=_money(draw, opening + extracted - used),
    )


def fee_ledgers() -> st.SearchStrategy[Record]:
    """Valid, balanced safety-fee ledgers of a construction company."""
    return _fee_ledger()


_VALID: dict[str, Callable[[], st.SearchStrategy[Record]]] = {
    "enterprise": enterprises,
    "policy": policies,
    "service_plan": service_plans,
    "service_record": service_records,
    "complaint": complaints,
    "fee_ledger": fee_ledgers,
}


def valid(kind: str) -> st.SearchStrategy[Record]:
    """Records of `kind` that pass every rule under ``national`` and ``xizang``.

    Raises:
        UnknownKind: `kind` is not a record kind.
    """
    try:
        return _VALID[kind]()
    except KeyError:
        raise UnknownKind(f"unknown record kind {kind!r}; use one of {', '.join(KINDS)}") from None
