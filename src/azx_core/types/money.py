"""Money in CNY and rates, as exact decimals.

`Money` is a non-negative amount in yuan with at most two decimal places (the fen). It is
read from a JSON string or number without passing through binary floating point, and
written as a string with exactly two decimals, so that ``"400000"`` round-trips as
``"400000.00"``. Amounts that need more than two decimals are rejected rather than rounded:
rounding is a business decision that belongs to the caller. `SignedMoney` is the same but
may be negative (a ledger balance in deficit).

`Rate` is a fraction between 0 and 1 inclusive (``0.05`` is 5 %). `Quantity` is a
non-negative decimal in a unit of its own (tonnes, thousand cubic metres).

>>> from pydantic import TypeAdapter
>>> TypeAdapter(Money).dump_json(TypeAdapter(Money).validate_python("400000"))
b'"400000.00"'
>>> TypeAdapter(Rate).validate_python("0.05")
Decimal('0.05')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, PlainSerializer, WithJsonSchema

__all__ = [
    "CENT",
    "MAX_MONEY_DIGITS",
    "Money",
    "Quantity",
    "Rate",
    "SignedMoney",
    "format_decimal",
    "format_money",
]

CENT = Decimal("0.01")
#: Up to 10**15 yuan: larger than any limit or premium, small enough to stay exact.
MAX_MONEY_DIGITS = 17


def _plain_zero(value: Decimal) -> Decimal:
    # ``-0`` is a valid decimal and passes ``ge=0``, but an amount is never written "-0.00".
    return value.copy_abs() if value.is_zero() else value


def format_money(value: Decimal) -> str:
    """Write an amount with exactly two decimals."""
    return f"{_plain_zero(value).quantize(CENT):f}"


def format_decimal(value: Decimal) -> str:
    """Write a decimal in positional notation, never in exponent form."""
    return f"{_plain_zero(value):f}"


def _decimal_schema(
    pattern: str, description: str, *, minimum: int | None = 0, maximum: int | None = None
) -> WithJsonSchema:
    number: dict[str, Any] = {"type": "number"}
    if minimum is not None:
        number["minimum"] = minimum
    if maximum is not None:
        number["maximum"] = maximum
    return WithJsonSchema(
        {"anyOf": [number, {"type": "string", "pattern": pattern}], "description": description}
    )


Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=MAX_MONEY_DIGITS, decimal_places=2, allow_inf_nan=False),
    PlainSerializer(format_money, return_type=str, when_used="json"),
    _decimal_schema(r"^\d{1,15}(\.\d{1,2})?$", "CNY, at most two decimal places, not negative"),
]

SignedMoney = Annotated[
    Decimal,
    Field(max_digits=MAX_MONEY_DIGITS, decimal_places=2, allow_inf_nan=False),
    PlainSerializer(format_money, return_type=str, when_used="json"),
    _decimal_schema(r"^-?\d{1,15}(\.\d{1,2})?$", "CNY, at most two decimal places", minimum=None),
]

Rate = Annotated[
    Decimal,
    Field(ge=0, le=1, max_digits=12, allow_inf_nan=False),
    PlainSerializer(format_decimal, return_type=str, when_used="json"),
    _decimal_schema(r"^(0(\.\d{1,12})?|1(\.0{1,12})?)$", "a fraction from 0 to 1", maximum=1),
]

Quantity = Annotated[
    Decimal,
    Field(ge=0, max_digits=24, allow_inf_nan=False),
    PlainSerializer(format_decimal, return_type=str, when_used="json"),
    _decimal_schema(r"^\d+(\.\d+)?$", "a non-negative amount in the line's unit"),
]
