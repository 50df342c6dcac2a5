"""Unified social credit code (统一社会信用代码), GB 32100-2015.

A USCC has 18 characters drawn from the digits and the upper-case Latin letters except
I, O, Z, S and V (31 characters in all):

* position 1, the registration-authority code (登记管理部门码): ``9`` for market
  regulation (enterprises), ``5`` for civil affairs, ``1`` for institutional staffing, and
  so on; letters are used too (``A`` for the Central Military Commission's staffing office,
  ``N`` for agriculture and rural affairs, ``Y`` for other authorities);
* position 2, the entity-type code (机构类别码) within that authority;
* positions 3-8, the GB/T 2260 division code of the registering authority;
* positions 9-17, the organisation code (组织机构代码) body;
* position 18, the check character: with character values ``v`` (their index in the
  alphabet) and weights ``3**(i-1) mod 31``, it is ``31 - sum(v*w) mod 31`` (31 maps to 0).

>>> validate("91350100M000100Y43")
'91350100M000100Y43'
>>> is_valid("91350100M000100Y44")
False

Known limitations: the table of authority and entity-type codes follows GB 32100-2015 and
the codes assigned since (letter authorities); a code assigned after this table was last
confirmed is reported as ``uscc_entity_type`` until the table is updated. The embedded
division code is checked for shape and province only, because codes of divisions that
have since been abolished remain valid inside USCCs issued before.
"""

from __future__ import annotations

import re
from operator import mul

from azx_core.errors import InvalidIdentifier

__all__ = ["ALPHABET", "AUTHORITIES", "calc_check_character", "compact", "is_valid", "validate"]

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {char: value for value, char in enumerate(ALPHABET)}
_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_SHAPE = re.compile(f"[{ALPHABET}]{{18}}")

#: Registration-authority code -> the entity-type codes it may issue.
AUTHORITIES: dict[str, frozenset[str]] = {
    "1": frozenset("1239"),  # 机构编制: organs, public institutions, mass organisations
    "2": frozenset("19"),  # 外交
    "3": frozenset("1234569"),  # 司法行政: law firms, notaries, legal services, appraisal
    "4": frozenset("19"),  # 文化
    "5": frozenset("1239"),  # 民政: social organisations, private non-enterprise units
    "6": frozenset("129"),  # 旅游
    "7": frozenset("1239"),  # 宗教
    "8": frozenset("19"),  # 工会
    "9": frozenset("123"),  # 工商 / 市场监管: enterprises, individual businesses, co-ops
    "A": frozenset("19"),  # 中央军委改革和编制办公室
    "N": frozenset("1239"),  # 农业农村: rural collective economic organisations
    "Y": frozenset("1"),  # 其他
}

# Province-level prefixes of GB/T 2260 plus 10 for units registered at national level.
_PROVINCE_CODES = (
    "10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62"
    " 63 64 65 71 81 82"
)
_PROVINCES = frozenset(_PROVINCE_CODES.split())


def compact(code: str) -> str:
    """Strip surrounding white space and internal spaces or hyphens, and upper-case."""
    if len(code) == 18 and _SHAPE.fullmatch(code):
        return code
    return code.strip().replace(" ", "").replace("-", "").upper()


def calc_check_character(body: str) -> str:
    """Return the check character for the first 17 characters of a USCC.

    Raises:
        InvalidIdentifier: ``uscc_alphabet`` or ``uscc_length`` when `body` is not 17
            characters of the alphabet.
    """
    if len(body) != 17:
        raise InvalidIdentifier("uscc_length", f"17 characters expected, not {len(body)}")
    if any(char not in _VALUES for char in body):
        raise InvalidIdentifier("uscc_alphabet", "characters outside the GB 32100-2015 alphabet")
    total = sum(map(mul, map(_VALUES.__getitem__, body), _WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def validate(code: str) -> str:
    """Check a USCC and return it in compact form.

    Raises:
        InvalidIdentifier: with code ``uscc_length``, ``uscc_alphabet``, ``uscc_authority``,
            ``uscc_entity_type``, ``uscc_division`` or ``uscc_check_character``.
    """
    code = compact(code)
    if len(code) != 18:
        raise InvalidIdentifier("uscc_length", f"a USCC has 18 characters, not {len(code)}")
    bad = [] if _SHAPE.fullmatch(code) else sorted({c for c in code if c not in _VALUES})
    if bad:
        raise InvalidIdentifier(
            "uscc_alphabet", f"characters outside the GB 32100-2015 alphabet: {''.join(bad)}"
        )
    types = AUTHORITIES.get(code[0])
    if types is None:
        raise InvalidIdentifier("uscc_authority", f"unknown registration authority {code[0]!r}")
    if code[1] not in types:
        raise InvalidIdentifier(
            "uscc_entity_type", f"entity type {code[1]!r} is not issued by authority {code[0]!r}"
        )
    division = code[2:8]
    if not division.isdigit() or division[:2] not in _PROVINCES:
        raise InvalidIdentifier("uscc_division", f"{division!r} is not a division code")
    expected = calc_check_character(code[:17])
    if code[17] != expected:
        raise InvalidIdentifier(
            "uscc_check_character", f"check character is {code[17]!r}, expected {expected!r}"
        )
    return code


def is_valid(code: str) -> bool:
    """Return whether `code` is a valid USCC."""
    try:
        validate(code)
    except InvalidIdentifier:
        return False
    return True
