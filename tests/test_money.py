"""Tests of money, rates and quantities in `azx_core.types.money`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from azx_core.types import Money, Quantity, Rate, SignedMoney, format_money
from azx_core.types.money import format_decimal

MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)
SIGNED: TypeAdapter[Decimal] = TypeAdapter(SignedMoney)
RATE: TypeAdapter[Decimal] = TypeAdapter(Rate)
QUANTITY: TypeAdapter[Decimal] = TypeAdapter(Quantity)


def error_types(adapter: TypeAdapter[Decimal], value: Any) -> list[str]:
    """The pydantic error types raised for `value`."""
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python(value)
    return [error["type"] for error in caught.value.errors()]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("400000", b'"400000.00"'),
        (400000, b'"400000.00"'),
        ("0.1", b'"0.10"'),
        (Decimal("19000.5"), b'"19000.50"'),
        ("999999999999999.99", b'"999999999999999.99"'),
        ("0", b'"0.00"'),
    ],
)
def test_money_is_written_with_two_decimals(value: Any, written: bytes) -> None:
    assert MONEY.dump_json(MONEY.validate_python(value)) == written


def test_money_from_json_number_keeps_its_decimal_value() -> None:
    assert MONEY.validate_json("0.1") == Decimal("0.1")
    assert MONEY.validate_json('"7.10"') == Decimal("7.10")


def test_negative_zero_is_written_without_a_sign() -> None:
    assert format_money(Decimal("-0")) == "0.00"
    assert format_decimal(Decimal("-0.0")) == "0.0"
    assert MONEY.dump_json(MONEY.validate_python("-0")) == b'"0.00"'


def test_money_stays_decimal_in_python_mode() -> None:
    value = MONEY.validate_python("96000.00")

    assert MONEY.dump_python(value) == Decimal("96000.00")


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("1.005", "decimal_max_places"),
        ("-1", "greater_than_equal"),
        ("-0.01", "greater_than_equal"),
        ("NaN", "finite_number"),
        ("Infinity", "finite_number"),
        ("1000000000000000", "decimal_whole_digits"),
        (Decimal("1E+400"), "decimal_max_digits"),
        ("abc", "decimal_parsing"),
        ("", "decimal_parsing"),
        (True, "decimal_type"),
    ],
)
def test_bad_money_is_rejected_not_rounded(value: Any, error: str) -> None:
    assert error_types(MONEY, value) == [error]


def test_signed_money_may_be_negative() -> None:
    assert SIGNED.dump_json(SIGNED.validate_python("-1.5")) == b'"-1.50"'
    assert error_types(SIGNED, "-1.555") == ["decimal_max_places"]


@pytest.mark.parametrize(
    ("value", "written"),
    [("0.05", b'"0.05"'), ("0", b'"0"'), ("1", b'"1"'), ("0.123456789012", b'"0.123456789012"')],
)
def test_rates_are_fractions_written_as_given(value: str, written: bytes) -> None:
    assert RATE.dump_json(RATE.validate_python(value)) == written


@pytest.mark.parametrize(
    ("value", "error"),
    [("1.01", "less_than_equal"), ("-0.01", "greater_than_equal"), ("5", "less_than_equal")],
)
def test_rates_outside_zero_to_one_are_rejected(value: str, error: str) -> None:
    assert error_types(RATE, value) == [error]


def test_quantity_is_written_in_positional_notation() -> None:
    assert QUANTITY.dump_json(QUANTITY.validate_python("1E+3")) == b'"1000"'
    assert error_types(QUANTITY, "-1") == ["greater_than_equal"]


@settings(max_examples=100, deadline=None)
@given(cents=st.integers(min_value=0, max_value=10**17 - 1))
def test_any_amount_in_fen_round_trips_through_json(cents: int) -> None:
    amount = Decimal(cents).scaleb(-2)

    written = MONEY.dump_json(MONEY.validate_python(amount))

    assert MONEY.validate_json(written) == amount
    assert written.decode().strip('"') == f"{cents // 100}.{cents % 100:02d}"
