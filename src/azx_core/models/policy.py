"""The 安责险 policy (保单): parties, period, premium, coverages and insured persons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from azx_core.models.base import Headcount, Identifier, Name, Part, Text, field
from azx_core.models.enterprise import Enterprise
from azx_core.models.enums import CoverageKind, EmploymentType, PolicyStatus
from azx_core.types.money import Money, Rate

__all__ = ["Coverage", "InsuredPerson", "Insurer", "Policy"]

# A share is any finite decimal here: POL002 reports shares outside (0, 1].
Share = Annotated[Decimal, Field(max_digits=12, allow_inf_nan=False)]


class Insurer(Part):
    """An insurer taking part in the policy, with its share (共保份额)."""

    code: Identifier = field("保险机构代码", "Insurer code")
    name: Name = field("保险机构名称", "Name")
    share: Share = field("承保份额", "Share", description="fraction; shares sum to 1")


class Coverage(Part):
    """One insured head (保障项目) with its limits of liability."""

    kind: CoverageKind = field("保障项目", "Coverage kind")
    per_person_limit: Money | None = field("每人责任限额", "Per-person limit", None)
    per_accident_limit: Money | None = field("每次事故责任限额", "Per-accident limit", None)
    aggregate_limit: Money | None = field("累计责任限额", "Aggregate limit", None)
    deductible: Money | None = field("免赔额", "Deductible", None)


class InsuredPerson(Part):
    """An employee named on the roster (参保人员名单)."""

    name: Name = field("姓名", "Name")
    id_number: Identifier | None = field(
        "居民身份证号码", "Resident id number", None, description="GB 11643-1999"
    )
    employment_type: EmploymentType = field("用工方式", "Form of employment")
    post: Text | None = field("工作岗位", "Post", None)
    death_disability_limit: Money | None = field(
        "每人死亡伤残责任限额",
        "Death and disability limit",
        None,
        description="absent: the policy's per-person limit applies",
    )


class Policy(Part):
    """A work-safety liability insurance policy."""

    kind: Literal["policy"] = field("记录类型", "Record kind", "policy")
    policy_no: Identifier = field("保单号", "Policy number")
    start: date = field("保险起期", "Start date", description="cover from 00:00")
    end: date = field("保险止期", "End date", description="cover to 24:00")
    signed_on: date | None = field("签单日期", "Signing date", None)
    status: PolicyStatus = field("保单状态", "Policy status")
    ended_on: date | None = field("终止日期", "Date cover ended", None)
    policyholder: Enterprise = field("投保单位", "Policyholder")
    insurers: Annotated[list[Insurer], Field(min_length=1, max_length=100)] = field(
        "保险机构", "Insurers"
    )
    premium: Money = field("保险费", "Premium")
    premium_paid: Money = field("实收保费", "Premium actually collected")
    premium_paid_on: date | None = field("缴费日期", "Date premium was paid", None)
    premium_paid_by_employees: Money = field(
        "从业人员分摊保费", "Premium passed on to employees", Decimal(0)
    )
    commission_rate: Rate | None = field("佣金比例", "Commission rate", None)
    coverages: Annotated[list[Coverage], Field(max_length=100)] = field("保障项目", "Coverages")
    insured_count: Headcount = field("参保人数", "Number of insured persons")
    insured_persons: list[InsuredPerson] | None = field("参保人员名单", "Insured persons", None)
    prevention_budget: Money | None = field("事故预防服务费用", "Prevention-service budget", None)
    service_plan_id: Identifier | None = field("服务方案编号", "Service plan id", None)
    platform_record_no: Identifier | None = field("平台备案号", "Platform filing number", None)
    renewal_of: Identifier | None = field("续保原保单号", "Renews policy number", None)

    @property
    def key(self) -> str:
        """The identifier that names this policy in reports."""
        return self.policy_no

    def coverage(self, kind: CoverageKind) -> Coverage | None:
        """Return the first coverage of `kind`, or None."""
        return next((c for c in self.coverages if c.kind is kind), None)
