"""An enterprise's yearly safety-fee ledger (安全生产费用台账), 财资〔2022〕136号.

One ledger covers one enterprise and one year. Each line is a business whose fee is
computed separately. Subclass and use-category codes are the library's own and are checked
by the FEE rules rather than by the schema, so that an unlisted code is reported under its
rule id.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from azx_core.models.base import Identifier, Part, Text, field
from azx_core.models.enums import FeeSector
from azx_core.types.money import Money, Quantity, SignedMoney

__all__ = ["FeeLedger", "FeeLine", "FeeMonth", "FeeUse"]

Code = Annotated[str, Field(min_length=1, max_length=64)]


class FeeLine(Part):
    """One business line whose extraction is computed on its own base."""

    sector: FeeSector = field("行业", "Sector")
    subclass: Code | None = field("子类", "Subclass", None)
    base: Quantity = field(
        "计提依据",
        "Base",
        description="prior-year revenue (CNY), tonnes or thousand m³, or construction cost",
    )
    contracted_on: date | None = field("合同签订日期", "Contracted on", None)


class FeeUse(Part):
    """One use of the fee (安全费用支出)."""

    category: Code = field("使用类别", "Use category")
    amount: Money = field("金额", "Amount")
    on: date = field("支出日期", "Date")
    description: Text | None = field("说明", "Description", None)


class FeeMonth(Part):
    """A month's opening balance and extraction, for the pause at three times (art. 50)."""

    month: Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")] = field("月份", "Month")
    opening_balance: SignedMoney = field("月初结余", "Opening balance")
    extracted: Money = field("本月提取", "Extracted")


class FeeLedger(Part):
    """A yearly safety-fee ledger of one enterprise."""

    kind: Literal["fee_ledger"] = field("记录类型", "Record kind", "fee_ledger")
    uscc: Identifier = field("统一社会信用代码", "Unified social credit code")
    year: Annotated[int, Field(ge=1990, le=2200)] = field("年度", "Year")
    established_on: date | None = field("成立日期", "Established on", None)
    lines: Annotated[list[FeeLine], Field(min_length=1, max_length=100)] = field(
        "计提明细", "Lines"
    )
    separately_accounted: bool = field("能够分别核算", "Separately accounted", True)
    opening_balance: SignedMoney = field("年初结余", "Opening balance")
    extracted: Money = field("本年提取", "Extracted")
    uses: Annotated[list[FeeUse], Field(max_length=100_000)] = field("使用明细", "Uses", [])
    closing_balance: SignedMoney = field("年末结余", "Closing balance")
    prior_year_required: Money | None = field("上年应计提金额", "Prior year required", None)
    months: Annotated[list[FeeMonth], Field(max_length=12)] | None = field(
        "月度明细", "Months", None
    )
    under_use_explanation_filed_on: date | None = field(
        "书面说明报送日期", "Under-use explanation filed on", None
    )

    @property
    def key(self) -> str:
        """The identifier that names this ledger in reports."""
        return f"{self.uscc}/{self.year}"
