"""Tests of the resident identity number (GB 11643-1999) in `azx_core.types.resident_id`."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azx_core.errors import InvalidIdentifier
from azx_core.types import resident_id

# The example of GB 11643-1999 itself; its check character is X.
STANDARD_EXAMPLE = "11010519491231002X"


def body_strategy() -> st.SearchStrategy[str]:
    """17 digits with a real birth date between 1900 and 2020."""
    return st.builds(
        lambda region, born, serial: f"{region}{born:%Y%m%d}{serial:03d}",
        st.sampled_from(["110105", "540102", "440301", "650102"]),
        st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
        st.integers(min_value=0, max_value=999),
    )


def test_standard_example_with_check_character_x_is_valid() -> None:
    assert resident_id.validate(STANDARD_EXAMPLE) == STANDARD_EXAMPLE
    assert resident_id.is_valid(STANDARD_EXAMPLE)
    assert resident_id.calc_check_character(STANDARD_EXAMPLE[:17]) == "X"


def test_lower_case_x_and_spaces_are_compacted() -> None:
    assert resident_id.validate(" 110105 19491231 002x ") == STANDARD_EXAMPLE


@pytest.mark.parametrize("number", ["440301199001010012", "540102198803150011"])
def test_numbers_with_digit_check_characters_are_valid(number: str) -> None:
    assert resident_id.is_valid(number)
    assert resident_id.calc_check_character(number[:17]) == number[17]


@pytest.mark.parametrize(
    ("number", "error"),
    [
        ("110105194912310021", "resident_id_check_character"),  # X replaced by a digit
        ("11010519491231002", "resident_id_length"),
        ("11010519491231002X1", "resident_id_length"),
        ("110105194912310", "resident_id_length"),  # the old 15-digit form
        ("", "resident_id_length"),
        ("1101051949123100AX", "resident_id_format"),
        ("11010519491231002Y", "resident_id_format"),
        ("１１0105194912310021", "resident_id_format"),  # full-width digits
        ("110105194902300021", "resident_id_birth_date"),  # 30 February
        ("110105194913010021", "resident_id_birth_date"),  # month 13
        ("110105189912310021", "resident_id_birth_date"),  # before 1900
    ],
)
def test_bad_numbers_are_rejected_with_a_stable_code(number: str, error: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        resident_id.validate(number)

    assert caught.value.code == error
    assert not resident_id.is_valid(number)


def test_birth_date_after_today_is_rejected() -> None:
    body = "11010520300101001"
    number = body + resident_id.calc_check_character(body)

    with pytest.raises(InvalidIdentifier) as caught:
        resident_id.validate(number, today=date(2029, 12, 31))
    assert caught.value.code == "resident_id_birth_date"
    assert resident_id.validate(number, today=date(2030, 1, 1)) == number


def test_birth_date_is_read_from_positions_7_to_14() -> None:
    assert resident_id.birth_date(STANDARD_EXAMPLE) == date(1949, 12, 31)


def test_birth_date_that_does_not_exist_raises() -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        resident_id.birth_date("110105202502300021")
    assert caught.value.code == "resident_id_birth_date"


def test_check_character_needs_17_digits() -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        resident_id.calc_check_character("1101051949123100A")
    assert caught.value.code == "resident_id_format"


def test_mask_hides_birth_date_and_sequence() -> None:
    masked = resident_id.mask(STANDARD_EXAMPLE)

    assert masked == "110105********002X"
    assert "19491231" not in masked
    assert resident_id.mask("123") == "***"


@settings(max_examples=200, deadline=None)
@given(body=body_strategy())
def test_completed_body_is_always_valid(body: str) -> None:
    number = body + resident_id.calc_check_character(body)

    assert resident_id.validate(number) == number


@settings(max_examples=200, deadline=None)
@given(body=body_strategy(), position=st.integers(0, 16), digit=st.integers(0, 9))
def test_any_single_digit_change_is_detected(body: str, position: int, digit: int) -> None:
    number = body + resident_id.calc_check_character(body)
    changed = number[:position] + str(digit) + number[position + 1 :]

    assert resident_id.is_valid(changed) == (changed == number)


@settings(max_examples=200, deadline=None)
@given(body=body_strategy(), position=st.integers(0, 15))
def test_any_swap_of_adjacent_different_digits_is_detected(body: str, position: int) -> None:
    number = body + resident_id.calc_check_character(body)
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]

    assert resident_id.is_valid(swapped) == (swapped == number)
