"""Complaints about prevention service and their replies (AQ 9010-2019 ch. 8)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from azx_core.models.base import Identifier, Name, Part, Text, field

__all__ = ["Complaint", "ComplaintReply", "Extension"]


class Extension(Part):
    """An approved extension of the reply deadline (延期)."""

    approved_by: Name | None = field("审批人", "Approved by", None)
    approved_on: date | None = field("审批日期", "Approved on", None)
    days: Annotated[int, Field(ge=0, le=3650)] | None = field(
        "延长天数", "Days", None, description="calendar days"
    )
    reason_notified_on: date | None = field("告知延期理由日期", "Reason notified on", None)


class ComplaintReply(Part):
    """The content of a reply (答复)."""

    request: Text | None = field("投诉请求", "Request", None)
    facts_and_basis: Text | None = field("事实和依据", "Facts and basis", None)
    measures: Text | None = field("处理措施", "Measures", None)


class Complaint(Part):
    """A complaint (投诉) about accident-prevention service."""

    kind: Literal["complaint"] = field("记录类型", "Record kind", "complaint")
    complaint_id: Identifier = field("投诉编号", "Complaint id")
    policy_no: Identifier = field("保单号", "Policy number")
    received_on: date = field("收到日期", "Received on")
    needs_verification: bool = field("需要核实", "Needs verification", False)
    extension: Extension | None = field("延期", "Extension", None)
    replied_on: date | None = field("答复日期", "Replied on", None)
    reply: ComplaintReply | None = field("答复内容", "Reply", None)

    @property
    def key(self) -> str:
        """The identifier that names this complaint in reports."""
        return self.complaint_id
