"""Resident identity number (居民身份证号码), GB 11643-1999.

An 18-character citizen identity number is made of:

* positions 1-6, the GB/T 2260 division code of the place of first registration;
* positions 7-14, the date of birth, ``YYYYMMDD``;
* positions 15-17, a sequence number (odd for men, even for women);
* position 18, the ISO 7064 MOD 11-2 check character: with weights ``2**(17-i) mod 11``,
  it is ``(12 - sum mod 11) mod 11``, written ``X`` when it is 10.

>>> validate("11010519491231002x")
'11010519491231002X'
>>> is_valid("110105194912310021")
False

The number is personal data: `mask` hides the date of birth and sequence number before a
value reaches any output.

>>> mask("11010519491231002X")
'110105********002X'

Known limitations: the 15-digit numbers issued before 1999 are not accepted, and the
division code is checked for shape only, since a person keeps the number of a division
that may since have been abolished.
"""

from __future__ import annotations

from datetime import date
from operator import mul

from azx_core.errors import InvalidIdentifier

__all__ = ["birth_date", "calc_check_character", "compact", "is_valid", "mask", "validate"]

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_EARLIEST_BIRTH = date(1900, 1, 1)


def compact(number: str) -> str:
    """Strip white space and upper-case a trailing ``x``."""
    if len(number) == 18 and number[:17].isdigit() and number[17] != "x":
        return number  # already compact: the common case
    return number.strip().replace(" ", "").upper()


def calc_check_character(body: str) -> str:
    """Return the check character for the first 17 digits.

    Raises:
        InvalidIdentifier: ``resident_id_format`` when `body` is not 17 digits.
    """
    if len(body) != 17 or not body.isascii() or not body.isdigit():
        raise InvalidIdentifier("resident_id_format", "17 digits expected")
    total = sum(map(mul, map(int, body), _WEIGHTS))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def birth_date(number: str) -> date:
    """Return the date of birth a (shape-valid) number encodes.

    Raises:
        InvalidIdentifier: ``resident_id_birth_date`` when the date does not exist.
    """
    digits = compact(number)[6:14]
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidIdentifier(
            "resident_id_birth_date", f"{digits} is not a calendar date"
        ) from None


def validate(number: str, *, today: date | None = None) -> str:
    """Check a resident identity number and return it in compact form.

    Args:
        number: the number to check.
        today: the date a birth date may not be later than (default: today).

    Raises:
        InvalidIdentifier: with code ``resident_id_length``, ``resident_id_format``,
            ``resident_id_birth_date`` or ``resident_id_check_character``.
    """
    number = compact(number)
    if len(number) != 18:
        raise InvalidIdentifier(
            "resident_id_length", f"a resident id number has 18 characters, not {len(number)}"
        )
    if not number[:17].isdigit() or not number[:17].isascii() or number[17] not in "0123456789X":
        raise InvalidIdentifier("resident_id_format", "17 digits and a digit or X are expected")
    born = birth_date(number)
    if not _EARLIEST_BIRTH <= born <= (today or date.today()):
        raise InvalidIdentifier(
            "resident_id_birth_date", f"birth date {born.isoformat()} is out of range"
        )
    expected = calc_check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdentifier(
            "resident_id_check_character",
            f"check character is {number[17]!r}, expected {expected!r}",
        )
    return number


def is_valid(number: str) -> bool:
    """Return whether `number` is a valid resident identity number."""
    try:
        validate(number)
    except InvalidIdentifier:
        return False
    return True


def mask(number: str) -> str:
    """Hide the birth date and keep the division code and the last four characters."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
