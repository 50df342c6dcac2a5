"""Pydantic models of every record kind of the data contract.

`MODELS` maps each record kind to its model; `Record` is the union of them. Models check
structure and format only; business rules run afterwards in `azx_core.rules`, so that
every violation of a record is reported in one pass.
"""

from __future__ import annotations

from typing import Final

from azx_core.models.base import Part
from azx_core.models.complaint import Complaint, ComplaintReply, Extension
from azx_core.models.enterprise import EmployeesByType, Enterprise
from azx_core.models.enums import (
    CoverageKind,
    EmploymentType,
    EnterpriseStatus,
    FeeSector,
    FollowUpMethod,
    HazardLevel,
    Industry,
    NoticeForm,
    PolicyStatus,
    RectificationStatus,
    Satisfaction,
    ServiceForm,
    ServiceItem,
)
from azx_core.models.fee_ledger import FeeLedger, FeeLine, FeeMonth, FeeUse
from azx_core.models.policy import Coverage, InsuredPerson, Insurer, Policy
from azx_core.models.service import (
    FollowUp,
    Hazard,
    HazardNotice,
    Person,
    PlanBasis,
    PlanItem,
    Provider,
    Rectification,
    ServicePlan,
    ServiceRecord,
)

__all__ = [
    "KINDS",
    "MODELS",
    "Complaint",
    "ComplaintReply",
    "Coverage",
    "CoverageKind",
    "EmployeesByType",
    "EmploymentType",
    "Enterprise",
    "EnterpriseStatus",
    "Extension",
    "FeeLedger",
    "FeeLine",
    "FeeMonth",
    "FeeSector",
    "FeeUse",
    "FollowUp",
    "FollowUpMethod",
    "Hazard",
    "HazardLevel",
    "HazardNotice",
    "Industry",
    "InsuredPerson",
    "Insurer",
    "NoticeForm",
    "Part",
    "Person",
    "PlanBasis",
    "PlanItem",
    "Policy",
    "PolicyStatus",
    "Provider",
    "Record",
    "Rectification",
    "RectificationStatus",
    "Satisfaction",
    "ServiceForm",
    "ServiceItem",
    "ServicePlan",
    "ServiceRecord",
]

Record = Enterprise | Policy | ServicePlan | ServiceRecord | Complaint | FeeLedger

MODELS: Final[dict[str, type[Record]]] = {
    "enterprise": Enterprise,
    "policy": Policy,
    "service_plan": ServicePlan,
    "service_record": ServiceRecord,
    "complaint": Complaint,
    "fee_ledger": FeeLedger,
}

#: Record kinds in the order the contract lists them.
KINDS: Final[tuple[str, ...]] = tuple(MODELS)
