"""Hypothesis strategies: valid records of every kind, and records that break one rule.

`valid` draws JSON-ready records (plain dictionaries, money as decimal strings or whole
numbers, dates as ISO strings) that pass every rule under the ``national`` and the
``xizang`` profiles. They start from `azx_core.testing.factories` and vary what the rules
allow to vary: names, identifiers (USCCs and resident id numbers with correct check
characters), dates within 2020-2026, premiums, limits above the floors, commission and
prevention budgets below their caps, co-insurance shares that sum to one, headcounts with a
matching roster or without one.

`violating` draws records that break exactly one rule. It takes the rule's failing fixture
(`azx_core.testing.fixtures`) and renames what no rule reads the content of: every valid
identifier (USCC, resident id number, policy, plan, record, complaint, hazard and filing
numbers) and every name of a unit, person or provider is replaced by a fresh one, the
same old value always by the same new value. The renaming keeps every equality between
records (a policy and the plan that names it, a renewal and the policy it renews), so the
verdict of every rule stays the fixture's: the rule fires at the fixture's ``path``, and
nothing else fires beyond the fixture's ``also``. A fixture of several records (the batch
rules, POL006 and COV005) yields the list of records; run them under the fixture's
``profile`` and ``as_of``.

Usage in a test (this module needs the testing extra, ``pip install azx-core[testing]``)::

    from hypothesis import given, settings
    from azx_core import Validator
    from azx_core.testing import strategies

    @settings(max_examples=25, deadline=None)
    @given(strategies.policies())
    def test_valid_policies_pass(policy):
        assert not Validator("xizang").validate(policy).findings

    @given(strategies.violating("LIM001"))
    def test_low_limit_is_flagged(policy):
        assert "LIM001" in {f.rule for f in Validator().validate(policy).findings}

`usccs` and `resident_ids` draw valid identifiers on their own.

Known limitations: records from `valid` are valid one at a time. Run together with an
as-of date, valid enterprises in a high-risk industry lack the policies COV005 looks for.
Fee ledgers are the factory's construction ledger scaled by a whole factor, with uses,
balances and dates varied; the rate tables of the other sectors are not drawn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from azx_core.errors import UnknownKind, UnknownRule
from azx_core.models import KINDS, Industry, ServiceForm, ServiceItem
from azx_core.rules.registry import get_rule
from azx_core.testing import factories
from azx_core.testing.fixtures import all_fixtures
from azx_core.types import division, resident_id, uscc

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - the testing extra is installed for tests
    raise ImportError(
        "azx_core.testing.strategies needs hypothesis: pip install azx-core[testing]"
    ) from exc

__all__ = [
    "complaints",
    "enterprises",
    "fee_ledgers",
    "policies",
    "resident_ids",
    "service_plans",
    "service_records",
    "usccs",
    "valid",
    "violating",
]

Record = dict[str, Any]
Draw = st.DrawFn

_REGIONS = tuple(sorted(code for code in division.table() if code.startswith("54")))
_FIRST_DAY = date(2020, 2, 1)
_LAST_DAY = date(2026, 11, 30)

_PLACES = ("拉萨", "日喀则", "昌都", "林芝", "山南", "那曲", "阿里", "当雄", "墨竹工卡")
_BRANDS = ("雪域", "高原", "珠峰", "圣湖", "格桑", "吉祥", "雅江", "念青", "羌塘", "冈仁")
_TRADES = ("建筑工程", "矿业", "运输", "化工", "烟花爆竹", "民爆器材", "冶金", "建材", "商贸")
_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "集团有限公司")
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
_GIVEN = "建国华明军平强丽敏静伟芳娜秀英勇杰涛磊超洋艳霞刚斌峰"
_TIBETAN = (
    "扎西",
    "次仁",
    "卓玛",
    "格桑",
    "央金",
    "平措",
    "达瓦",
    "尼玛",
    "边巴",
    "拉巴",
    "普布",
    "旦增",
    "索朗",
    "德吉",
    "白玛",
    "多吉",
)
_INSURERS = (
    ("PICC", "中国人民财产保险股份有限公司"),
    ("CPIC", "中国太平洋财产保险股份有限公司"),
    ("PAIC", "中国平安财产保险股份有限公司"),
    ("CLPC", "中国人寿财产保险股份有限公司"),
    ("CCIC", "中国大地财产保险股份有限公司"),
    ("TPIC", "太平财产保险有限公司"),
    ("CICP", "中华联合财产保险股份有限公司"),
)
_BRANCHES = ("西藏自治区分公司", "西藏分公司", "拉萨中心支公司")
_PROVIDER_KINDS = ("安全技术服务有限公司", "安全咨询有限公司", "应急技术服务中心")
_QUALIFICATIONS = ("注册安全工程师", "高级工程师", "安全评价师", "应急救援员")
_MEASURES = (
    "高处作业安全培训",
    "新入场人员三级教育",
    "脚手架与塔吊专项排查",
    "危险源辨识评估",
    "应急预案评审",
    "综合应急演练",
    "有限空间作业检查",
    "安全标准化自评指导",
)
_TARGETS = ("全年不发生较大及以上生产安全事故", "一般隐患整改率100%", "从业人员培训覆盖率100%")
_SAFEGUARDS = ("专人负责", "服务费用专款专用", "服务过程留痕可查", "定期向投保单位通报")
_HAZARDS = ("外架连墙件缺失", "临边防护栏杆损坏", "配电箱未上锁", "灭火器过期", "安全通道堵塞")
_REPLIES = (
    (
        "要求增加一次应急演练指导",
        "服务方案约定每年两次培训，未含演练",
        "在下一次培训中加入演练指导",
    ),
    ("对隐患排查结论有异议", "经复核现场照片与检查记录，结论成立", "安排专家再次现场解释"),
    ("服务人员未按约定时间到场", "核实属实，因道路封闭延误", "提前一日确认行程并告知"),
)


def _day(low: date, high: date) -> st.SearchStrategy[date]:
    return st.dates(min_value=low, max_value=high)


def _money(draw: Draw, cents: int) -> str | int:
    """An amount in cents as JSON: a decimal string, or a whole number of yuan."""
    if cents % 100 == 0 and draw(st.booleans()):
        return cents // 100
    return f"{Decimal(cents) / 100:.2f}"


def _cents(draw: Draw, low_yuan: int, high_yuan: int, step_yuan: int = 1) -> int:
    return draw(st.integers(low_yuan // step_yuan, high_yuan // step_yuan)) * step_yuan * 100


@st.composite
def usccs(draw: Draw) -> str:
    """A valid unified social credit code of a unit registered in Tibet."""
    head = draw(st.sampled_from(("91", "91", "92", "93", "12", "52")))
    region = draw(st.sampled_from(_REGIONS))
    body = draw(st.text(uscc.ALPHABET, min_size=9, max_size=9))
    code = head + region + body
    return code + uscc.calc_check_character(code)


@st.composite
def resident_ids(draw: Draw) -> str:
    """A valid resident id number of a person born 1960-2002 and registered in Tibet."""
    born = draw(_day(date(1960, 1, 1), date(2002, 12, 31)))
    return factories.id_number(
        draw(st.integers(0, 999)),
        region=draw(st.sampled_from(_REGIONS)),
        born=born.strftime("%Y%m%d"),
    )


def _enterprise_names() -> st.SearchStrategy[str]:
    parts = (_PLACES, _BRANDS, _TRADES, _FORMS)
    return st.tuples(*(st.sampled_from(p) for p in parts)).map("".join)


def _person_names() -> st.SearchStrategy[str]:
    han = st.tuples(st.sampled_from(_SURNAMES), st.text(_GIVEN, min_size=1, max_size=2))
    tibetan = st.tuples(st.sampled_from(_TIBETAN), st.sampled_from(("", *_TIBETAN)))
    return st.one_of(han, tibetan).map("".join)


def _provider_names() -> st.SearchStrategy[str]:
    parts = (("西藏", *_PLACES), _BRANDS, _PROVIDER_KINDS)
    return st.tuples(*(st.sampled_from(p) for p in parts)).map("".join)


def _numbers(prefix: str, digits: int) -> st.SearchStrategy[str]:
    """Identifiers like ``SP-2024-00042``."""
    return st.builds(
        lambda year, serial: f"{prefix}{year}-{serial:0{digits}d}",
        st.integers(2020, 2026),
        st.integers(0, 10**digits - 1),
    )


def _policy_numbers() -> st.SearchStrategy[str]:
    return st.builds(
        lambda insurer, year, region, serial: f"{insurer}{year}{region}{serial:07d}",
        st.sampled_from([code for code, _ in _INSURERS]),
        st.integers(2020, 2026),
        st.sampled_from(_REGIONS),
        st.integers(0, 9_999_999),
    )


def _people(draw: Draw, low: int = 1, high: int = 3) -> list[Record]:
    names = draw(st.lists(_person_names(), min_size=low, max_size=high, unique=True))
    return [
        {"name": name, "qualification": draw(st.sampled_from(_QUALIFICATIONS))} for name in names
    ]


def _provider(draw: Draw, form: str | None = None) -> Record:
    form = form or draw(st.sampled_from([f.value for f in ServiceForm]))
    return {"name": draw(_provider_names()), "form": form}


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


# Violating records: a rule's failing fixture, renamed.


def _is_identifier(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64 and value == value.strip()


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 500 and value == value.strip()


# Each class of renamed values: which values qualify, and the fresh values replacing them.
_CLASSES: dict[str, tuple[Callable[[Any], bool], st.SearchStrategy[str]]] = {
    "uscc": (lambda v: _is_identifier(v) and uscc.compact(v) == v and uscc.is_valid(v), usccs()),
    "resident_id": (
        lambda v: _is_identifier(v) and resident_id.compact(v) == v and resident_id.is_valid(v),
        resident_ids(),
    ),
    "policy_no": (_is_identifier, _policy_numbers()),
    "plan_id": (_is_identifier, _numbers("SVP-", 6)),
    "record_id": (_is_identifier, _numbers("SVR-", 6)),
    "complaint_id": (_is_identifier, _numbers("CPL-", 6)),
    "hazard_id": (_is_identifier, _numbers("HZD-", 6)),
    "platform_record_no": (_is_identifier, _numbers("XZPT", 7)),
    "enterprise_name": (_is_name, _enterprise_names()),
    "person_name": (_is_name, _person_names()),
    "provider_name": (_is_name, _provider_names()),
}
_KEY_CLASS = {
    "uscc": "uscc",
    "operator_id_number": "resident_id",
    "id_number": "resident_id",
    "policy_no": "policy_no",
    "renewal_of": "policy_no",
    "plan_id": "plan_id",
    "service_plan_id": "plan_id",
    "record_id": "record_id",
    "complaint_id": "complaint_id",
    "hazard_id": "hazard_id",
    "platform_record_no": "platform_record_no",
}
# Whose name a "name" key holds, by the key of the object (or list) around it.
_NAME_CLASS = {
    "": "enterprise_name",
    "policyholder": "enterprise_name",
    "insured_persons": "person_name",
    "personnel": "person_name",
    "provider": "provider_name",
}
_TEXT_VALUE = re.compile(r'("(' + "|".join(_KEY_CLASS) + r')"\s*:\s*)"([^"\\]*)"')

Visit = Callable[[str, str], str]


def _class_of(key: str, parent: str) -> str | None:
    return _NAME_CLASS.get(parent) if key == "name" else _KEY_CLASS.get(key)


def _walk(node: Any, parent: str, visit: Visit) -> Any:
    """Rebuild `node`, passing every renameable value through `visit(class, value)`."""
    if isinstance(node, Mapping):
        out = {}
        for key, value in node.items():
            kind = _class_of(key, parent)
            if kind is not None and _CLASSES[kind][0](value):
                out[key] = visit(kind, value)
            else:
                out[key] = _walk(value, key, visit)
        return out
    if isinstance(node, list):
        return [_walk(item, parent, visit) for item in node]
    return node


def _walk_text(text: str, visit: Visit) -> str:
    """Rename the values in raw record text whose class the key alone tells."""

    def replace(match: re.Match[str]) -> str:
        prefix, key, value = match.groups()
        kind = _KEY_CLASS[key]
        if not _CLASSES[kind][0](value):
            return match.group(0)
        return f'{prefix}"{visit(kind, value)}"'

    return _TEXT_VALUE.sub(replace, text)


def _rename(record: Any, visit: Visit) -> Any:
    """A record (a mapping or raw text) with its renameable values passed through `visit`."""
    return _walk_text(record, visit) if isinstance(record, str) else _walk(record, "", visit)


@st.composite
def _renamed(draw: Draw, records: tuple[Any, ...]) -> list[Any]:
    originals: dict[str, dict[str, None]] = {}

    def collect(kind: str, value: str) -> str:
        originals.setdefault(kind, {})[value] = None
        return value

    for item in records:
        _rename(item, collect)
    renames: dict[str, dict[str, str]] = {}
    for kind, values in originals.items():
        fresh = draw(
            st.lists(_CLASSES[kind][1], min_size=len(values), max_size=len(values), unique=True)
        )
        renames[kind] = dict(zip(values, fresh, strict=True))
    return [_rename(item, lambda kind, value: renames[kind][value]) for item in records]


def violating(rule_id: str) -> st.SearchStrategy[Any]:
    """Records that break exactly the rule `rule_id` (see the module docstring).

    A fixture of one record yields that record (a dictionary, or a string for a raw-text
    case such as SCH001); a fixture of several records yields the list of them.

    Raises:
        UnknownRule: no rule has this id, or the rule has no failing fixture.
    """
    rule = get_rule(rule_id)
    fixture = all_fixtures().get(rule.id)
    if fixture is None:
        raise UnknownRule(f"rule {rule.id} has no failing fixture")
    records = fixture.failing.records
    several = len(records) > 1
    return _renamed(records).map(lambda found: found if several else found[0])
