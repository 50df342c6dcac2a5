"""Tests of the unified social credit code (GB 32100-2015) in `azx_core.types.uscc`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azx_core.errors import AzxError, InvalidIdentifier
from azx_core.types import uscc

# Published examples whose check characters were not computed by this library.
KNOWN_GOOD = ["91350100M000100Y43", "91110000600037341L"]

# Bodies (17 characters) for every registration authority, letters included; the test
# completes them with `calc_check_character`.
BODIES_BY_AUTHORITY = [
    "11100000000000001",  # 机构编制: organ
    "12100000400000001",  # 机构编制: public institution
    "21110000MB0000001",  # 外交
    "31540102MD0000001",  # 司法行政: law firm
    "41110000MC0000001",  # 文化
    "51540100MJ0000001",  # 民政: social organisation
    "52110000MJ0000001",  # 民政: private non-enterprise unit
    "61540100MA0000001",  # 旅游
    "71540100MA0000001",  # 宗教
    "81110000MC0000001",  # 工会
    "91540100MA6T1A2B3",  # 市场监管: enterprise
    "92540102MA6T00001",  # 市场监管: individual business
    "93540121MA6T00001",  # 市场监管: farmers' co-operative
    "A1110000MB0000001",  # 中央军委改革和编制办公室
    "A9110000MB0000002",
    "N1540121MF00000A1",  # 农业农村: group-level collective
    "N2540102MA6T1A2B3",  # 农业农村: village-level collective
    "N9540102MA6T1A2B3",
    "Y1110000MC0000012",  # 其他
]

BODY = st.text(alphabet=uscc.ALPHABET, min_size=9, max_size=9).map(lambda s: "91540100" + s)


def complete(body: str) -> str:
    """The body followed by its check character."""
    return body + uscc.calc_check_character(body)


def with_char(code: str, position: int, char: str) -> str:
    """`code` with the character at `position` replaced."""
    return code[:position] + char + code[position + 1 :]


@pytest.mark.parametrize("code", KNOWN_GOOD)
def test_published_codes_are_valid(code: str) -> None:
    assert uscc.validate(code) == code
    assert uscc.is_valid(code)


@pytest.mark.parametrize("body", BODIES_BY_AUTHORITY)
def test_codes_of_every_registration_authority_are_valid(body: str) -> None:
    code = complete(body)

    assert uscc.validate(code) == code


@pytest.mark.parametrize("body", [b for b in BODIES_BY_AUTHORITY if b[0].isalpha()])
def test_letter_authority_code_with_wrong_check_character_is_rejected(body: str) -> None:
    code = complete(body)
    wrong = "0" if code[-1] != "0" else "1"

    with pytest.raises(InvalidIdentifier) as caught:
        uscc.validate(code[:17] + wrong)
    assert caught.value.code == "uscc_check_character"


def test_check_character_of_published_example() -> None:
    assert uscc.calc_check_character("91350100M000100Y4") == "3"
    assert uscc.calc_check_character("91110000600037341") == "L"


def test_check_character_zero_when_the_sum_is_a_multiple_of_31() -> None:
    # The body "12100000400000001" sums to a multiple of 31: 31 - 0 maps to "0".
    assert uscc.calc_check_character("12100000400000001") == "0"


def test_validate_returns_compact_upper_case_form() -> None:
    assert uscc.validate(" 9135-0100-m000-100y43 ") == "91350100M000100Y43"
    assert uscc.compact("9135 0100m000100y43") == "91350100M000100Y43"


@pytest.mark.parametrize(
    ("code", "error"),
    [
        ("91350100M000100Y44", "uscc_check_character"),
        ("91350100M000100Y4", "uscc_length"),
        ("91350100M000100Y433", "uscc_length"),
        ("", "uscc_length"),
        ("91350100M000100I43", "uscc_alphabet"),  # I is not in the alphabet
        ("91350100O000100Y43", "uscc_alphabet"),  # nor O
        ("9135010SM000100Y43", "uscc_alphabet"),  # nor S
        ("91350100M000100Z43", "uscc_alphabet"),  # nor Z
        ("9135V100M000100Y43", "uscc_alphabet"),  # nor V
        ("91350100M000100Y4？", "uscc_alphabet"),  # a full-width character
        ("B1350100M000100Y43", "uscc_authority"),
        ("01350100M000100Y43", "uscc_authority"),
        ("94350100M000100Y43", "uscc_entity_type"),
        ("Y2110000MC00000127", "uscc_entity_type"),
        ("91AB0100M000100Y43", "uscc_division"),
        ("91990100M000100Y43", "uscc_division"),
    ],
)
def test_bad_codes_are_rejected_with_a_stable_code(code: str, error: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        uscc.validate(code)

    assert caught.value.code == error
    assert not uscc.is_valid(code)


def test_invalid_identifier_is_a_library_error_and_a_value_error() -> None:
    with pytest.raises(AzxError):
        uscc.validate("x")
    with pytest.raises(ValueError, match="18 characters"):
        uscc.validate("x")


@pytest.mark.parametrize(
    ("body", "error"),
    [("9135010", "uscc_length"), ("91350100M000100I4", "uscc_alphabet")],
)
def test_check_character_needs_17_characters_of_the_alphabet(body: str, error: str) -> None:
    with pytest.raises(InvalidIdentifier) as caught:
        uscc.calc_check_character(body)
    assert caught.value.code == error


def test_alphabet_has_31_characters_without_i_o_z_s_v() -> None:
    assert len(uscc.ALPHABET) == 31
    assert not set("IOZSV") & set(uscc.ALPHABET)


@settings(max_examples=200, deadline=None)
@given(body=BODY)
def test_completed_body_is_always_valid(body: str) -> None:
    assert uscc.is_valid(complete(body))


@settings(max_examples=200, deadline=None)
@given(
    body=BODY,
    position=st.integers(min_value=8, max_value=17),
    char=st.sampled_from(uscc.ALPHABET),
)
def test_any_single_substitution_is_detected(body: str, position: int, char: str) -> None:
    code = complete(body)
    changed = with_char(code, position, char)

    assert uscc.is_valid(changed) == (changed == code)
