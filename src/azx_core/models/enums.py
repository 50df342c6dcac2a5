"""The closed vocabularies of the records.

Values are the English identifiers of the contract; each enum documents the Chinese term
it stands for. `ZH` holds each vocabulary's Chinese labels and `label_zh` looks one up.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "LABELS_ZH",
    "ZH",
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
    "label_zh",
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


#: Chinese label of every value, by vocabulary.
ZH: dict[type[StrEnum], dict[str, str]] = {
    Industry: {
        "mining": "矿山",
        "hazardous_chemicals": "危险化学品",
        "fireworks": "烟花爆竹",
        "transport": "交通运输",
        "construction": "建筑施工",
        "civil_explosives": "民用爆炸物品",
        "metal_smelting": "金属冶炼",
        "fishery": "渔业生产",
        "other": "其他",
    },
    EnterpriseStatus: {
        "operating": "正常生产经营",
        "suspended": "停产",
        "closed": "依法关闭取缔",
        "ceased": "完全停止生产经营活动",
    },
    PolicyStatus: {
        "in_force": "有效",
        "expired": "已到期",
        "surrendered": "退保",
        "cancelled": "解除合同",
    },
    CoverageKind: {
        "employee_death_disability": "从业人员死亡伤残",
        "employee_medical": "从业人员医疗费用",
        "third_party_death_disability": "第三者人身伤亡",
        "third_party_property": "第三者财产损失",
        "rescue_costs": "抢险救援费用",
        "medical_rescue_costs": "医疗救护费用",
        "accident_appraisal_costs": "事故鉴定费用",
        "legal_costs": "法律诉讼费用",
    },
    EmploymentType: {
        "regular": "正式职工",
        "dispatched": "劳务派遣",
        "temporary": "临时聘用",
        "other": "其他用工",
    },
    ServiceItem: {
        "training": "安全生产宣传教育培训",
        "risk_assessment": "安全风险辨识评估与安全评价",
        "hazard_inspection": "生产安全事故隐患排查",
        "standardization": "安全生产标准化建设",
        "emergency_planning": "应急预案编制与应急演练",
        "technology_promotion": "安全生产科技推广应用",
        "other": "其他有关事故预防工作",
    },
    ServiceForm: {
        "in_house": "自有人员",
        "hired_expert": "聘请专家",
        "commissioned_org": "委托机构",
        "other": "其他",
    },
    HazardLevel: {"general": "一般事故隐患", "major": "重大事故隐患"},
    NoticeForm: {"written": "书面告知", "oral": "口头告知"},
    RectificationStatus: {"open": "未整改", "rectified": "已整改", "overdue": "逾期"},
    FollowUpMethod: {"phone": "电话", "network": "网络", "onsite": "现场核查"},
    Satisfaction: {
        "very_satisfied": "非常满意",
        "satisfied": "满意",
        "neutral": "一般",
        "dissatisfied": "不满意",
        "very_dissatisfied": "非常不满意",
    },
    FeeSector: {
        "coal": "煤炭生产",
        "non_coal_mining": "非煤矿山开采",
        "oil_gas": "石油天然气开采",
        "construction": "建设工程施工",
        "hazardous_goods": "危险品生产与储存",
        "transport": "交通运输",
        "metallurgy": "冶金",
        "machinery": "机械制造",
        "fireworks": "烟花爆竹生产",
        "civil_explosives": "民用爆炸物品生产",
        "weapons": "武器装备研制生产与试验",
        "power": "电力生产与供应",
    },
}


def label_zh(value: StrEnum) -> str:
    """The Chinese label of a vocabulary value, e.g. ``劳务派遣`` for dispatched."""
    return ZH[type(value)][value.value]


#: Chinese labels of the values of the party, policy and coverage vocabularies, flat.
LABELS_ZH: dict[str, str] = {
    value: label
    for vocabulary in (Industry, EnterpriseStatus, PolicyStatus, CoverageKind, EmploymentType)
    for value, label in ZH[vocabulary].items()
}
