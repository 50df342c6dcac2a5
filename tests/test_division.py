"""Tests of the GB/T 2260 division codes in `azx_core.types.division`."""

from __future__ import annotations

import re

import pytest

from azx_core.errors import InvalidIdentifier
from azx_core.types import division


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("540000", "西藏自治区"),
        ("540100", "拉萨市"),
        ("540102", "城关区"),
        ("110000", "北京市"),
        ("110105", "朝阳区"),
    ],
)
def test_known_codes_have_their_names(code: str, name: str) -> None:
    assert division.is_known(code)
    assert division.name(code) == name
    assert division.validate(code) == code


def test_unknown_code_has_no_name() -> None:
    assert not division.is_known("549999")
    assert division.name("549999") is None


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("549999", "division_unknown"),
        ("000000", "division_unknown"),
        ("54010", "division_format"),
        ("5401020", "division_format"),
        ("54O102", "division_format"),
        ("５４０１０２", "division_format"),  # full-width digits
        ("", "division_format"),
    ],
)
def test_bad_codes_are_rejected_with_a_stable_code(code: str, error: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        division.validate(code)
    assert caught.value.code == error


def test_validate_strips_surrounding_white_space() -> None:
    assert division.validate(" 540102\n") == "540102"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("540102", True), ("549999", True), ("54010", False), ("５４０１０２", False)],
)
def test_well_formed_means_six_ascii_digits(code: str, expected: bool) -> None:
    assert division.is_well_formed(code) is expected


def test_province_of_a_county() -> None:
    assert division.province("540102") == "540000"
    assert division.province("110105") == "110000"


def test_every_tibetan_code_belongs_to_the_region() -> None:
    tibet = {code for code in division.table() if code.startswith("54")}

    assert "540000" in tibet
    assert len(tibet) > 70
    assert all(division.province(code) == "540000" for code in tibet)


def test_table_count_matches_its_header() -> None:
    declared = re.search(r"Number of codes: (\d+)", division.edition())

    assert declared is not None
    assert len(division.table()) == int(declared.group(1))
    assert all(division.is_well_formed(code) for code in division.table())


def test_edition_names_the_source() -> None:
    assert "2024" in division.edition()
    assert "民政部" in division.edition()


def test_table_is_a_fresh_copy() -> None:
    copy = division.table()
    copy["549999"] = "假的"

    assert not division.is_known("549999")
