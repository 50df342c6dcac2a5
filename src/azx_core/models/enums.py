"""The closed vocabularies of the records (DESIGN.md section 3).

Values are the English identifiers of the contract; each enum documents the Chinese term
it stands for. `LABELS_ZH` maps every value to its Chinese label for reports and docs.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "LABELS_ZH",
    "CoverageKind",
    "EmploymentType",
    "EnterpriseStatus",
    "FeeSector",
    "FollowUpMethod",
    "HazardLevel",
    "Industry",
    "NoticeForm",
    "PolicyStatus",
    "RectificationStatus",
    "Satisfaction",
    "ServiceForm",
    "ServiceItem",
]


class Industry(StrEnum):
    """High-risk industries of 应急〔2025〕27号 第二条, and ``other``."""

    MINING = "mining"
    HAZARDOUS_CHEMICALS = "hazardous_chemicals"
    FIREWORKS = "fireworks"
    TRANSPORT = "transport"
    CONSTRUCTION = "construction"
    CIVIL_EXPLOSIVES = "civil_explosives"
    METAL_SMELTING = "metal_smelting"
    FISHERY = "fishery"
    OTHER = "other"


class EnterpriseStatus(StrEnum):
    """Operating state of a production or business unit."""

    OPERATING = "operating"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    CEASED = "ceased"


class PolicyStatus(StrEnum):
    """State of a policy."""

    IN_FORCE = "in_force"
    EXPIRED = "expired"
    SURRENDERED = "surrendered"
    CANCELLED = "cancelled"


class CoverageKind(StrEnum):
    """Insured heads (应急〔2025〕27号 第三条)."""

    EMPLOYEE_DEATH_DISABILITY = "employee_death_disability"
    EMPLOYEE_MEDICAL = "employee_medical"
    THIRD_PARTY_DEATH_DISABILITY = "third_party_death_disability"
    THIRD_PARTY_PROPERTY = "third_party_property"
    RESCUE_COSTS = "rescue_costs"
    MEDICAL_RESCUE_COSTS = "medical_rescue_costs"
    ACCIDENT_APPRAISAL_COSTS = "accident_appraisal_costs"
    LEGAL_COSTS = "legal_costs"


class EmploymentType(StrEnum):
    """Form of employment (用工方式)."""

    REGULAR = "regular"
    DISPATCHED = "dispatched"
    TEMPORARY = "temporary"
    OTHER = "other"


class ServiceItem(StrEnum):
    """Accident-prevention service items (AQ 9010-2019 chapter 5)."""

    TRAINING = "training"
    RISK_ASSESSMENT = "risk_assessment"
    HAZARD_INSPECTION = "hazard_inspection"
    STANDARDIZATION = "standardization"
    EMERGENCY_PLANNING = "emergency_planning"
    TECHNOLOGY_PROMOTION = "technology_promotion"
    OTHER = "other"


class ServiceForm(StrEnum):
    """Who delivers a service item."""

    IN_HOUSE = "in_house"
    HIRED_EXPERT = "hired_expert"
    COMMISSIONED_ORG = "commissioned_org"
    OTHER = "other"


class HazardLevel(StrEnum):
    """Grade of a hidden hazard."""

    GENERAL = "general"
    MAJOR = "major"


class NoticeForm(StrEnum):
    """How a hazard was notified to the unit."""

    WRITTEN = "written"
    ORAL = "oral"


class RectificationStatus(StrEnum):
    """Progress of a hazard's rectification."""

    OPEN = "open"
    RECTIFIED = "rectified"
    OVERDUE = "overdue"


class FollowUpMethod(StrEnum):
    """How the follow-up visit was made."""

    PHONE = "phone"
    NETWORK = "network"
    ONSITE = "onsite"


class Satisfaction(StrEnum):
    """The unit's satisfaction with a service."""

    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    DISSATISFIED = "dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied"


class FeeSector(StrEnum):
    """Sectors of 财资〔2022〕136号."""

    COAL = "coal"
    NON_COAL_MINING = "non_coal_mining"
    OIL_GAS = "oil_gas"
    CONSTRUCTION = "construction"
    HAZARDOUS_GOODS = "hazardous_goods"
    TRANSPORT = "transport"
    METALLURGY = "metallurgy"
    MACHINERY = "machinery"
    FIREWORKS = "fireworks"
    CIVIL_EXPLOSIVES = "civil_explosives"
    WEAPONS = "weapons"
    POWER = "power"


LABELS_ZH: dict[str, str] = {
    "mining": "矿山",
    "hazardous_chemicals": "危险化学品",
    "fireworks": "烟花爆竹",
    "transport": "交通运输",
    "construction": "建筑施工",
    "civil_explosives": "民用爆炸物品",
    "metal_smelting": "金属冶炼",
    "fishery": "渔业生产",
    "other": "其他",
    "operating": "正常生产经营",
    "suspended": "停产",
    "closed": "依法关闭取缔",
    "ceased": "完全停止生产经营活动",
    "in_force": "有效",
    "expired": "已到期",
    "surrendered": "退保",
    "cancelled": "解除合同",
    "employee_death_disability": "从业人员死亡伤残",
    "employee_medical": "从业人员医疗费用",
    "third_party_death_disability": "第三者人身伤亡",
    "third_party_property": "第三者财产损失",
    "rescue_costs": "抢险救援费用",
    "medical_rescue_costs": "医疗救护费用",
    "accident_appraisal_costs": "事故鉴定费用",
    "legal_costs": "法律诉讼费用",
    "regular": "正式职工",
    "dispatched": "劳务派遣",
    "temporary": "临时聘用",
}
