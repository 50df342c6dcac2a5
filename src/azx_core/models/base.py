"""The base class of every record model and the helper that titles fields.

Every field carries an English ``title`` and a Chinese ``x-title-zh`` in the JSON Schema,
so that generated documentation and forms can show either language. Models forbid keys
they do not know: the validation pipeline reports such keys as SCH003 and then checks the
rest of the record, so nothing is dropped silently.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DivisionCode", "Headcount", "Identifier", "Name", "Part", "Text", "field"]

#: A count of people.
Headcount = Annotated[int, Field(ge=0, le=100_000_000)]
#: A GB/T 2260 code in shape; ENT003 checks that it exists.
DivisionCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]
#: An identifier: policy number, plan id, USCC before its check (ENT001).
Identifier = Annotated[str, Field(min_length=1, max_length=64)]
#: A name of a person or organisation.
Name = Annotated[str, Field(min_length=1, max_length=500)]
#: Free text.
Text = Annotated[str, Field(max_length=20_000)]

_MISSING: Any = ...


def field(zh: str, en: str, default: Any = _MISSING, **kwargs: Any) -> Any:
    """Declare a model field with its Chinese and English titles.

    Args:
        zh: the Chinese title, e.g. ``统一社会信用代码``.
        en: the English title, e.g. ``Unified social credit code``.
        default: the default; omitted for a required field.
        **kwargs: further `pydantic.Field` arguments (constraints, description).
    """
    extra: dict[str, Any] = {"x-title-zh": zh}
    return Field(default, title=en, json_schema_extra=extra, **kwargs)


class Part(BaseModel):
    """Base of every model: closed to unknown keys, no coercion of numbers to strings."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=False,
        use_enum_values=False,
        validate_default=False,
        revalidate_instances="never",
        ser_json_inf_nan="strings",
    )
