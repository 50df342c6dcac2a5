"""Masking personal data (resident id numbers, mobile phone numbers) in output.

Every value a report writes passes through here unless the caller opts in to personal
data. Fields known to hold personal data are masked whatever their content; free text is
scanned for the shapes of resident id numbers and mainland mobile numbers.

>>> mask_text("身份证 11010519491231002X，电话 13800138000")
'身份证 110105********002X，电话 138****8000'
"""

from __future__ import annotations

import re

from azx_core.types.resident_id import mask as mask_id_number

__all__ = ["PERSONAL_FIELDS", "mask_id_number", "mask_text"]

#: Field names whose values are personal data wherever they appear.
PERSONAL_FIELDS = frozenset({"id_number", "operator_id_number", "phone", "mobile"})

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])([1-9][0-9]{5})((?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])"
    r"(?:0[1-9]|[12][0-9]|3[01])[0-9]{3})([0-9Xx])(?![0-9A-Za-z])"
)
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])")


def _id(match: re.Match[str]) -> str:
    return match.group(1) + "*" * 8 + match.group(2)[-3:] + match.group(3)


def mask_text(text: str) -> str:
    """Mask every resident id number and mobile number found in `text`."""
    if len(text) < 11:
        return text
    return _MOBILE.sub(r"\1****\3", _ID_NUMBER.sub(_id, text))
