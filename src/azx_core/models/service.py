"""Accident-prevention service: plans and the records of each visit (AQ 9010-2019 ch. 6).

Fields whose absence is itself a finding (an advance confirmation, a follow-up, the
co-confirmation dates) are optional here, so that the SVC rules report them under their own
ids instead of a generic schema error.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field

from azx_core.models.base import Identifier, Name, Part, Text, field
from azx_core.models.enums import (
    FollowUpMethod,
    HazardLevel,
    NoticeForm,
    RectificationStatus,
    Satisfaction,
    ServiceForm,
    ServiceItem,
)

__all__ = [
    "FollowUp",
    "Hazard",
    "HazardNotice",
    "Person",
    "PlanBasis",
    "PlanItem",
    "Provider",
    "Rectification",
    "ServicePlan",
    "ServiceRecord",
]

Texts = Annotated[list[Text], Field(max_length=1000)]


class Provider(Part):
    """Who delivers a service item (服务机构) and in which form."""

    name: Name = field("服务机构名称", "Provider name")
    form: ServiceForm = field("服务形式", "Service form")


class Person(Part):
    """A service person (服务人员) and the qualification they hold."""

    name: Name = field("姓名", "Name")
    qualification: Text | None = field("资质", "Qualification", None)


class PlanItem(Part):
    """One service item of a plan with its measures, frequency, provider and staff."""

    item: ServiceItem = field("服务项目", "Service item")
    measures: Texts = field("服务措施", "Measures", [])
    frequency: Annotated[int, Field(ge=0, le=10_000)] | None = field(
        "服务频次", "Frequency", None, description="visits of this item per policy period"
    )
    provider: Provider | None = field("服务机构", "Provider", None)
    personnel: list[Person] = field("服务人员", "Personnel", [])


class PlanBasis(Part):
    """What the plan was drawn up from (方案依据)."""

    industry: Text | None = field("行业特点", "Industry", None)
    scale: Text | None = field("企业规模", "Scale", None)
    management_baseline: Text | None = field("安全管理基础", "Management baseline", None)
    accident_history: Text | None = field("事故情况", "Accident history", None)
    goals: Text | None = field("服务目标", "Goals", None)
    needs: Text | None = field("服务需求", "Needs", None)


class ServicePlan(Part):
    """An accident-prevention service plan (服务方案) agreed for one policy."""

    kind: Literal["service_plan"] = field("记录类型", "Record kind", "service_plan")
    plan_id: Identifier = field("服务方案编号", "Plan id")
    policy_no: Identifier = field("保单号", "Policy number")
    agreed_on: date | None = field("协商确认日期", "Date agreed", None)
    agreed_by_policyholder: bool | None = field("投保单位确认", "Agreed by policyholder", None)
    items: Annotated[list[PlanItem], Field(max_length=100)] = field("服务项目", "Items", [])
    targets: Texts = field("预期目标", "Targets", [])
    safeguards: Texts = field("服务保障", "Safeguards", [])
    basis: PlanBasis | None = field("方案依据", "Basis", None)
    personnel: list[Person] = field("服务人员", "Personnel", [])

    @property
    def key(self) -> str:
        """The identifier that names this plan in reports."""
        return self.plan_id


class HazardNotice(Part):
    """How and when the unit was told of a hazard (隐患告知)."""

    form: NoticeForm | None = field("告知形式", "Notice form", None)
    sent_on: date | None = field("告知日期", "Date sent", None)


class Rectification(Part):
    """Progress of a hazard's rectification (整改)."""

    deadline: date | None = field("整改期限", "Deadline", None)
    status: RectificationStatus | None = field("整改状态", "Status", None)
    closed_on: date | None = field("整改完成日期", "Date closed", None)


class Hazard(Part):
    """A hidden hazard (事故隐患) found during a service visit."""

    hazard_id: Identifier = field("隐患编号", "Hazard id")
    description: Text | None = field("隐患描述", "Description", None)
    level: HazardLevel | None = field("隐患等级", "Level", None)
    found_on: date | None = field("发现日期", "Date found", None)
    notice: HazardNotice | None = field("隐患告知", "Notice", None)
    rectification: Rectification | None = field("整改", "Rectification", None)


class FollowUp(Part):
    """The follow-up visit (回访) after a service."""

    method: FollowUpMethod | None = field("回访方式", "Method", None)
    on: date | None = field("回访日期", "Date", None)
    satisfaction: Satisfaction | None = field("满意度", "Satisfaction", None)
    opinions: Text | None = field("意见", "Opinions", None)


class ServiceRecord(Part):
    """The record of one service visit (服务记录)."""

    kind: Literal["service_record"] = field("记录类型", "Record kind", "service_record")
    record_id: Identifier = field("服务记录编号", "Record id")
    plan_id: Identifier = field("服务方案编号", "Plan id")
    policy_no: Identifier = field("保单号", "Policy number")
    item: ServiceItem | None = field("服务项目", "Service item", None)
    form: ServiceForm | None = field("服务形式", "Service form", None)
    confirmed_in_advance_on: date | None = field("事先确认日期", "Confirmed in advance on", None)
    started_at: datetime | None = field("服务开始时间", "Started at", None)
    ended_at: datetime | None = field("服务结束时间", "Ended at", None)
    place: Text | None = field("服务地点", "Place", None)
    provider: Provider | None = field("服务机构", "Provider", None)
    personnel: list[Person] = field("服务人员", "Personnel", [])
    measures: Texts = field("服务措施", "Measures", [])
    process: Text | None = field("服务过程", "Process", None)
    hazards: Annotated[list[Hazard], Field(max_length=10_000)] = field("隐患", "Hazards", [])
    follow_up: FollowUp | None = field("回访", "Follow-up", None)
    compiled_on: date | None = field("整理日期", "Compiled on", None)
    confirmed_by_insurer_on: date | None = field(
        "保险机构确认日期", "Confirmed by insurer on", None
    )
    confirmed_by_policyholder_on: date | None = field(
        "投保单位确认日期", "Confirmed by policyholder on", None
    )
    archived_on: date | None = field("归档日期", "Archived on", None)
    retain_until: date | None = field("保存期限", "Retain until", None)

    @property
    def key(self) -> str:
        """The identifier that names this record in reports."""
        return self.record_id
