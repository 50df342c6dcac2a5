"""Plain factories: valid records of every kind, as JSON-ready dictionaries.

Each factory returns a fresh record that passes every rule under both the ``national`` and
the ``xizang`` profiles, set in Tibet. Keyword arguments replace top-level fields, and
`merge_patch` applies a JSON merge patch (RFC 7386: ``None`` deletes a key) for deeper
changes. `build` parses a record into its model.

>>> policy(insured_count=130)["insured_count"]
130
>>> merge_patch(policy(), {"policyholder": {"employee_count": 7}})["policyholder"]["employee_count"]
7
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from azx_core.models import MODELS, Part
from azx_core.types import resident_id

__all__ = [
    "FACTORIES",
    "build",
    "complaint",
    "enterprise",
    "fee_ledger",
    "id_number",
    "insured_person",
    "merge_patch",
    "policy",
    "record",
    "service_plan",
    "service_record",
]

Record = dict[str, Any]


def merge_patch(target: Any, patch: Any) -> Any:
    """Apply a JSON merge patch (RFC 7386) and return the result; inputs are not changed."""
    if not isinstance(patch, Mapping):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _with(base: Record, changes: Mapping[str, Any]) -> Record:
    out = copy.deepcopy(base)
    out.update(copy.deepcopy(dict(changes)))
    return out


def id_number(serial: int, *, region: str = "540102", born: str = "19880315") -> str:
    """A valid resident id number with the given region, birth date and serial (0-999)."""
    body = f"{region}{born}{serial % 1000:03d}"
    return body + resident_id.calc_check_character(body)


_ENTERPRISE: Record = {
    "kind": "enterprise",
    "uscc": "91540100MA6T1A2B36",
    "name": "拉萨雪域建筑工程有限公司",
    "industry": "construction",
    "region": "540102",
    "employee_count": 120,
    "employees_by_type": {"regular": 80, "dispatched": 25, "temporary": 15, "other": 0},
    "status": "operating",
}


def enterprise(**changes: Any) -> Record:
    """A Lhasa construction company with 120 employees, operating."""
    return _with(_ENTERPRISE, changes)


def insured_person(serial: int, employment_type: str = "regular", **changes: Any) -> Record:
    """A roster entry with a valid resident id number."""
    person = {
        "name": f"从业人员{serial:03d}",
        "id_number": id_number(serial),
        "employment_type": employment_type,
        "post": "施工作业",
    }
    return _with(person, changes)


def _policy() -> Record:
    return {
        "kind": "policy",
        "policy_no": "AZX-2025-540100-0001",
        "start": "2025-06-01",
        "end": "2026-05-31",
        "signed_on": "2025-05-20",
        "status": "in_force",
        "policyholder": enterprise(),
        "insurers": [
            {
                "code": "PICC-XZ",
                "name": "中国人民财产保险股份有限公司西藏自治区分公司",
                "share": "0.6",
            },
            {"code": "CPIC-XZ", "name": "中国太平洋财产保险股份有限公司西藏分公司", "share": "0.4"},
        ],
        "premium": "96000.00",
        "premium_paid": "96000.00",
        "premium_paid_on": "2025-05-25",
        "premium_paid_by_employees": "0",
        "commission_rate": "0.04",
        "coverages": [
            {
                "kind": "employee_death_disability",
                "per_person_limit": "500000",
                "per_accident_limit": "20000000",
                "aggregate_limit": "60000000",
            },
            {"kind": "employee_medical", "per_person_limit": "50000"},
            {
                "kind": "third_party_death_disability",
                "per_person_limit": "500000",
                "per_accident_limit": "5000000",
            },
            {"kind": "third_party_property", "per_accident_limit": "1000000", "deductible": "1000"},
            {"kind": "rescue_costs", "per_accident_limit": "200000"},
        ],
        "insured_count": 120,
        "prevention_budget": "19000.00",
        "service_plan_id": "SP-2025-0001",
        "platform_record_no": "XZAZX2025000123",
    }


def policy(**changes: Any) -> Record:
    """A one-year policy of the Lhasa company, in force from 2025-06-01, filed in Tibet."""
    return _with(_policy(), changes)


_SERVICE_PLAN: Record = {
    "kind": "service_plan",
    "plan_id": "SP-2025-0001",
    "policy_no": "AZX-2025-540100-0001",
    "agreed_on": "2025-06-05",
    "agreed_by_policyholder": True,
    "items": [
        {
            "item": "training",
            "measures": ["高处作业安全培训", "新入场人员三级教育"],
            "frequency": 2,
            "provider": {"name": "西藏安泰安全技术服务有限公司", "form": "commissioned_org"},
            "personnel": [{"name": "扎西", "qualification": "注册安全工程师"}],
        },
        {
            "item": "hazard_inspection",
            "measures": ["脚手架与塔吊专项排查"],
            "frequency": 4,
            "provider": {"name": "西藏安泰安全技术服务有限公司", "form": "commissioned_org"},
            "personnel": [{"name": "次仁", "qualification": "注册安全工程师"}],
        },
    ],
    "targets": ["全年不发生较大及以上生产安全事故", "一般隐患整改率100%"],
    "safeguards": ["专人负责", "服务费用专款专用"],
    "basis": {"industry": "建筑施工", "scale": "从业人员120人", "needs": "高处作业风险较高"},
    "personnel": [{"name": "扎西", "qualification": "注册安全工程师"}],
}


def service_plan(**changes: Any) -> Record:
    """The service plan agreed for the Lhasa policy: training and hazard inspections."""
    return _with(_SERVICE_PLAN, changes)


_SERVICE_RECORD: Record = {
    "kind": "service_record",
    "record_id": "SR-2025-0001",
    "plan_id": "SP-2025-0001",
    "policy_no": "AZX-2025-540100-0001",
    "item": "hazard_inspection",
    "form": "commissioned_org",
    "confirmed_in_advance_on": "2025-07-01",
    "started_at": "2025-07-08T09:30:00+08:00",
    "ended_at": "2025-07-08T16:00:00+08:00",
    "place": "拉萨市城关区某安置房项目施工现场",
    "provider": {"name": "西藏安泰安全技术服务有限公司", "form": "commissioned_org"},
    "personnel": [{"name": "次仁", "qualification": "注册安全工程师"}],
    "measures": ["脚手架与塔吊专项排查"],
    "process": "现场检查脚手架连墙件、塔吊限位装置，查阅安全技术交底记录。",
    "hazards": [
        {
            "hazard_id": "HZ-2025-0001",
            "description": "3号楼外架连墙件缺失",
            "level": "general",
            "found_on": "2025-07-08",
            "notice": {"form": "written", "sent_on": "2025-07-08"},
            "rectification": {
                "deadline": "2025-07-15",
                "status": "rectified",
                "closed_on": "2025-07-12",
            },
        }
    ],
    "follow_up": {"method": "onsite", "on": "2025-07-16", "satisfaction": "satisfied"},
    "compiled_on": "2025-07-09",
    "confirmed_by_insurer_on": "2025-07-10",
    "confirmed_by_policyholder_on": "2025-07-10",
    "archived_on": "2025-07-11",
    "retain_until": "2030-07-11",
}


def service_record(**changes: Any) -> Record:
    """A hazard-inspection visit at the Lhasa site, complete and co-confirmed."""
    return _with(_SERVICE_RECORD, changes)


_COMPLAINT: Record = {
    "kind": "complaint",
    "complaint_id": "CP-2025-0001",
    "policy_no": "AZX-2025-540100-0001",
    "received_on": "2025-08-04",
    "needs_verification": False,
    "replied_on": "2025-08-12",
    "reply": {
        "request": "要求增加一次应急演练指导",
        "facts_and_basis": "服务方案约定每年两次培训，未含演练；依据服务合同第三条",
        "measures": "在下一次培训中加入应急演练指导",
    },
}


def complaint(**changes: Any) -> Record:
    """A complaint received 2025-08-04 and answered within ten working days."""
    return _with(_COMPLAINT, changes)


_FEE_LEDGER: Record = {
    "kind": "fee_ledger",
    "uscc": "91540100MA6T1A2B36",
    "year": 2025,
    "lines": [{"sector": "construction", "base": "80000000", "contracted_on": "2024-03-01"}],
    "separately_accounted": True,
    "opening_balance": "500000.00",
    "extracted": "2000000.00",
    "uses": [
        {"category": "protective_equipment", "amount": "600000.00", "on": "2025-05-10"},
        {"category": "training", "amount": "300000.00", "on": "2025-06-20"},
    ],
    "closing_balance": "1600000.00",
}


def fee_ledger(**changes: Any) -> Record:
    """The Lhasa company's 2025 safety-fee ledger, balanced."""
    return _with(_FEE_LEDGER, changes)


FACTORIES: dict[str, Callable[..., Record]] = {
    "enterprise": enterprise,
    "policy": policy,
    "service_plan": service_plan,
    "service_record": service_record,
    "complaint": complaint,
    "fee_ledger": fee_ledger,
}


def record(kind: str, patch: Mapping[str, Any] | None = None) -> Record:
    """A valid record of `kind` with a merge patch applied."""
    return merge_patch(FACTORIES[kind](), patch or {})  # type: ignore[no-any-return]


def build(kind: str, **changes: Any) -> Part:
    """A parsed model of `kind`."""
    return MODELS[kind].model_validate(FACTORIES[kind](**changes))
