"""Tests of the shipped JSON Schemas: no drift from the models, titles, draft 2020-12."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import Any

import jsonschema
import pytest

from azx_core import schemas
from azx_core.errors import UnknownKind
from azx_core.models import KINDS
from azx_core.testing import factories


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of the schema and of its definitions, as (location, property)."""
    objects = [
        ("", schema),
        *((f"$defs.{name}", body) for name, body in schema.get("$defs", {}).items()),
    ]
    for where, body in objects:
        for name, prop in body.get("properties", {}).items():
            yield f"{where}.{name}".lstrip("."), prop


def shipped_text(kind: str) -> str:
    """The shipped schema file, as text."""
    folder = resources.files("azx_core.schemas")
    return folder.joinpath(f"{kind}.schema.json").read_text("utf-8")


def test_every_record_kind_has_a_shipped_schema() -> None:
    assert set(KINDS) == {
        "enterprise",
        "policy",
        "service_plan",
        "service_record",
        "complaint",
        "fee_ledger",
    }
    for kind in KINDS:
        assert shipped_text(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_schema_equals_a_freshly_generated_one(kind: str) -> None:
    # On failure, run `python -m azx_core.schemas` and commit the result.
    assert schemas.shipped(kind) == schemas.generate(kind)


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_file_is_the_canonical_text(kind: str) -> None:
    assert shipped_text(kind) == schemas.dump(schemas.generate(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_schema_declares_draft_2020_12_and_an_id(kind: str) -> None:
    schema = schemas.shipped(kind)

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:azx-core:schema:{kind}"


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_valid_under_the_draft_2020_12_metaschema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schemas.shipped(kind))


def test_bundle_is_valid_and_holds_every_kind() -> None:
    bundle = schemas.bundle()

    jsonschema.Draft202012Validator.check_schema(bundle)
    assert set(bundle["$defs"]) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_has_an_english_and_a_chinese_title(kind: str) -> None:
    found = list(properties(schemas.shipped(kind)))

    assert found
    untitled = [where for where, prop in found if not prop.get("title")]
    without_zh = [where for where, prop in found if not prop.get("x-title-zh")]
    assert untitled == []
    assert without_zh == []


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_titles_are_chinese(kind: str) -> None:
    for where, prop in properties(schemas.shipped(kind)):
        assert any("\u4e00" <= char <= "\u9fff" for char in prop["x-title-zh"]), where


@pytest.mark.parametrize("kind", KINDS)
def test_factory_record_validates_against_its_schema(kind: str) -> None:
    validator = jsonschema.Draft202012Validator(schemas.shipped(kind))

    errors = [error.message for error in validator.iter_errors(factories.FACTORIES[kind]())]

    assert errors == []


@pytest.mark.parametrize("kind", KINDS)
def test_schema_rejects_unknown_keys(kind: str) -> None:
    validator = jsonschema.Draft202012Validator(schemas.shipped(kind))

    assert not validator.is_valid({**factories.FACTORIES[kind](), "colour": "red"})


def test_schema_rejects_a_wrong_type() -> None:
    validator = jsonschema.Draft202012Validator(schemas.shipped("enterprise"))

    assert not validator.is_valid(factories.enterprise(employee_count="many"))


def test_money_is_a_number_or_a_two_decimal_string() -> None:
    validator = jsonschema.Draft202012Validator(schemas.shipped("policy"))

    assert validator.is_valid(factories.policy(premium=96000))
    assert validator.is_valid(factories.policy(premium="96000.5"))
    assert not validator.is_valid(factories.policy(premium="96000.555"))


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(UnknownKind):
        schemas.shipped("spaceship")
    with pytest.raises(UnknownKind):
        schemas.generate("spaceship")
