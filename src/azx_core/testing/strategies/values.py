"""Values the record strategies are built from: identifiers, names, days and amounts.

Every identifier drawn here is valid (USCCs and resident id numbers with correct check
characters, registered in Tibet), so records built from them pass the ENT rules.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from azx_core.models import ServiceForm
from azx_core.testing import factories
from azx_core.types import division, uscc

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
