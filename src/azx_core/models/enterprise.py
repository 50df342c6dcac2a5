"""The production or business unit (生产经营单位), on its own or as a policyholder.

Check characters of the USCC and the operator's resident id are not enforced here: the
rules ENT001 and ENT002 report them, so that a record with a bad code is still checked for
everything else.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from azx_core.models.base import DivisionCode, Headcount, Identifier, Name, Part, field
from azx_core.models.enums import EnterpriseStatus, Industry

__all__ = ["EmployeesByType", "Enterprise"]


class EmployeesByType(Part):
    """Headcount by form of employment (按用工类型人数)."""

    regular: Headcount = field("正式职工", "Regular employees", 0)
    dispatched: Headcount = field("劳务派遣人员", "Dispatched workers", 0)
    temporary: Headcount = field("临时聘用人员", "Temporary hires", 0)
    other: Headcount = field("其他用工人员", "Other working relationships", 0)

    @property
    def total(self) -> int:
        """Sum over all forms of employment."""
        return self.regular + self.dispatched + self.temporary + self.other


class Enterprise(Part):
    """A production or business unit (生产经营单位 / 投保单位)."""

    kind: Literal["enterprise"] = field("记录类型", "Record kind", "enterprise")
    uscc: Identifier | None = field(
        "统一社会信用代码",
        "Unified social credit code",
        None,
        description="GB 32100-2015; required unless operator_id_number is given",
    )
    operator_id_number: Identifier | None = field(
        "经营者居民身份证号码",
        "Operator's resident id number",
        None,
        description="for fishery households and individual operators without a USCC",
    )
    name: Name = field("单位名称", "Name")
    industry: Industry = field("行业领域", "Industry or field")
    region: DivisionCode = field(
        "行政区划代码", "Division code", description="GB/T 2260, six digits"
    )
    employee_count: Headcount = field("从业人员总数", "Number of employees")
    employees_by_type: EmployeesByType | None = field(
        "按用工类型人数", "Employees by form of employment", None
    )
    status: EnterpriseStatus = field("经营状态", "Operating status")

    @model_validator(mode="after")
    def _has_identity(self) -> Enterprise:
        if self.uscc is None and self.operator_id_number is None:
            raise PydanticCustomError(
                "identity_missing", "either uscc or operator_id_number is required"
            )
        return self

    @property
    def key(self) -> str:
        """The identifier that names this unit in reports."""
        return self.uscc or self.operator_id_number or ""
