"""Decoding one record's JSON text exactly: numbers as decimals, duplicate keys found.

The standard decoder keeps the last of repeated keys without a word; a record whose key is
repeated is ambiguous and must be reported (SCH004). Checking every record with a
pair-collecting hook would cost more than the rest of the validation, so `duplicate_keys`
first proves cheaply that there are none:

1. every key of a JSON object is followed by a colon, so the number of keys in the text is
   at most the number of colons; the decoder counts the entries of the objects it builds,
   one per distinct key. If the colons equal the entries, no key can have been repeated.
2. when values contain colons (times, URLs), the keys are counted exactly by scanning the
   string tokens and counting those followed by a colon;
3. only when the counts differ is the text decoded again with a hook that records where
   each repeated key stands.

Numbers are decoded as `decimal.Decimal`, so money never passes through binary floating
point and ``1e400`` stays finite; ``NaN`` and ``Infinity``, which are not JSON, are rejected.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

__all__ = ["DecodeError", "decoder", "duplicate_keys", "loads", "loads_counted", "path_of"]


class DecodeError(ValueError):
    """The text is not one valid JSON value."""


def _reject_constant(name: str) -> Any:
    raise DecodeError(f"{name} is not a JSON number")


decoder = json.JSONDecoder(parse_float=Decimal, parse_constant=_reject_constant)


class _Counter:
    """An object hook that adds up the entries of every object the decoder builds."""

    __slots__ = ("entries",)

    def __init__(self) -> None:
        self.entries = 0

    def __call__(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.entries += len(obj)
        return obj


_counter = _Counter()
_counting_decoder = json.JSONDecoder(
    parse_float=Decimal, parse_constant=_reject_constant, object_hook=_counter
)

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?', re.DOTALL)


def loads(text: str) -> Any:
    """Decode one JSON value.

    Raises:
        DecodeError: the text is not valid JSON, nests too deeply, or holds a number
            too large to convert.
    """
    return _decode(decoder, text)


def loads_counted(text: str) -> tuple[Any, int]:
    """Decode one JSON value and count the entries of its objects (see `duplicate_keys`).

    Raises:
        DecodeError: as `loads`.
    """
    _counter.entries = 0
    value = _decode(_counting_decoder, text)
    return value, _counter.entries


def _decode(which: json.JSONDecoder, text: str) -> Any:
    try:
        value = which.decode(text)
    except DecodeError:
        raise
    except json.JSONDecodeError as exc:
        raise DecodeError(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise DecodeError("objects or arrays nest too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise DecodeError(str(exc)) from None
    # A \ud800-\udfff escape without its partner decodes to a string that is not text and
    # that no report could write; only texts with such an escape need the walk.
    if _SURROGATE_ESCAPE.search(text) and _holds_lone_surrogate(value):
        raise DecodeError("a string holds a lone surrogate escape (\\ud800-\\udfff)")
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _holds_lone_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _count_entries(value: Any) -> int:
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            total += len(item)
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(v for v in item if isinstance(v, dict | list))
    return total


class _Pairs(dict[str, Any]):
    """A decoded object that remembers which of its keys were repeated."""

    __slots__ = ("repeated",)

    repeated: list[str]


def _collect(pairs: list[tuple[str, Any]]) -> _Pairs:
    obj = _Pairs()
    obj.repeated = []
    for key, value in pairs:
        if key in obj and key not in obj.repeated:
            obj.repeated.append(key)
        obj[key] = value
    return obj


_pair_decoder = json.JSONDecoder(
    parse_float=Decimal, parse_constant=_reject_constant, object_pairs_hook=_collect
)


def path_of(parts: tuple[str | int, ...]) -> str:
    """Write a location as ``coverages[0].per_person_limit``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def duplicate_keys(text: str, value: Any, entries: int | None = None) -> list[str]:
    """Return the paths of the keys repeated in `text`, which decoded to `value`.

    Args:
        text: the JSON text.
        value: what it decoded to.
        entries: the entry count from `loads_counted`, if known (saves a walk).
    """
    if entries is None:
        entries = _count_entries(value)
    if text.count(":") == entries:
        return []
    keys = sum(1 for match in _STRING.finditer(text) if match.group(1))
    if keys == entries:
        return []

    found: list[str] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(_pair_decoder.decode(text), ())]
    while stack:
        item, where = stack.pop()
        if isinstance(item, _Pairs):
            found.extend(path_of((*where, key)) for key in item.repeated)
            stack.extend((v, (*where, k)) for k, v in item.items() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(item) if isinstance(v, dict | list))
    return sorted(found)
