"""The fast path of parsing: JSON text straight into a model, with an exact key count.

Most records in a batch are well formed. For them, pydantic's own JSON parser builds the
model in one step, which is cheaper than decoding to Python objects first. What that skips
is the duplicate-key check (SCH004), and it is restored exactly:

* with ``extra="forbid"`` and no aliases, every key of the input is a field the model
  marks as set, so the sum of ``model_fields_set`` over the model tree is the number of
  distinct keys per object;
* every key is followed by a colon, so if the text has that many colons, no key was
  repeated; otherwise the string tokens followed by a colon are counted, and only if that
  count differs too is the text decoded again to find where the repeats are.

Anything else returns None, and the caller takes the careful path that reports each
problem under its own rule: a schema error, invalid JSON, a text with ``NaN`` or
``Infinity`` (which pydantic's parser would accept), and a text with a JSON number that
has a fraction or an exponent, because pydantic's parser reads those as binary floating
point and money must stay exact. Amounts written as strings (``"96000.00"``) or whole
numbers stay on the fast path.
"""

from __future__ import annotations

import functools
import re
import typing
from typing import Annotated, Any, Union

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from azx_core.io.decode import DecodeError, duplicate_keys, loads
from azx_core.models import MODELS, Part

__all__ = ["parse_json"]

_KEY = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?', re.DOTALL)
# A number with a fraction or exponent as the value of a key. (Numbers inside arrays
# cannot reach a decimal field: no model has a list of numbers, so such a record fails
# validation and takes the careful path anyway. The pattern may also match inside a
# string, which only sends that record down the careful path.)
_INEXACT_NUMBER = re.compile(r":\s*-?[0-9]+[.eE]")


def _submodels(annotation: Any) -> bool:
    """Whether a field's type can hold a model (directly or in a list)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_submodels(arg) for arg in typing.get_args(annotation))


# Model class -> the names of its fields that hold models or lists of models.
_NESTED: dict[type, tuple[str, ...]] = {}


def _nested(cls: type[BaseModel]) -> tuple[str, ...]:
    names = tuple(name for name, info in cls.model_fields.items() if _submodels(info.annotation))
    _NESTED[cls] = names
    return names


def key_count(model: BaseModel) -> int:
    """The number of keys the input of `model` had, one per distinct key per object."""
    total = 0
    stack: list[Any] = [model]
    pop, push, extend = stack.pop, stack.append, stack.extend
    nested = _NESTED
    while stack:
        item = pop()
        total += len(item.__pydantic_fields_set__)
        cls = item.__class__
        names = nested[cls] if cls in nested else _nested(cls)
        if names:
            values = item.__dict__
            for name in names:
                value = values[name]
                if value is None:
                    continue
                if value.__class__ is list:
                    extend(value)  # the fields found by _nested hold lists of models only
                else:
                    push(value)
    return total


@functools.cache
def _any_kind() -> TypeAdapter[Any]:
    union: Any = Union[tuple(MODELS.values())]  # noqa: UP007 - built from the registry
    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[union, Field(discriminator="kind")])
    return adapter


def _validate(text: str, kind: str | None) -> Part | None:
    try:
        if kind is not None and kind in MODELS:
            return MODELS[kind].model_validate_json(text)
        model = _any_kind().validate_json(text)
    except (ValidationError, RecursionError):
        return None
    return model if isinstance(model, Part) else None


def parse_json(text: str, kind: str | None) -> tuple[Part, tuple[str, ...]] | None:
    """Parse a well-formed record's JSON text; None sends the caller down the careful path.

    Args:
        text: the record's JSON text.
        kind: the kind to assume when the record does not say.

    Returns:
        The model and the paths of any repeated keys, or None.
    """
    # NaN and Infinity are not JSON, but pydantic's parser would accept them.
    if "NaN" in text or "Infinity" in text or _INEXACT_NUMBER.search(text):
        return None
    model = _validate(text, kind)
    if model is None:
        return None
    entries = key_count(model)
    if text.count(":") == entries:
        return model, ()
    if sum(1 for match in _KEY.finditer(text) if match.group(1)) == entries:
        return model, ()
    try:
        data = loads(text)
    except DecodeError:
        return None
    return model, tuple(duplicate_keys(text, data))
