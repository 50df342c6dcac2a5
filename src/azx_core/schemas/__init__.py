"""JSON Schemas (draft 2020-12) of every record kind, generated from the models.

The schemas ship in this folder as ``<kind>.schema.json``. `shipped` reads them, and
`generate` builds them afresh from the models; the test suite fails when the two differ,
and ``python -m azx_core.schemas`` rewrites the shipped files after a model change.

The schemas describe structure only. Business rules (limits, deadlines, check characters)
are the validators' job, and a record can satisfy its schema and still break rules.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from azx_core.errors import UnknownKind
from azx_core.models import KINDS, MODELS

__all__ = ["DRAFT", "bundle", "dump", "generate", "shipped", "write"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _check(kind: str) -> None:
    if kind not in MODELS:
        raise UnknownKind(f"unknown record kind {kind!r} (use one of {', '.join(KINDS)})")


def generate(kind: str) -> dict[str, Any]:
    """Build the schema of `kind` from its model."""
    _check(kind)
    body = MODELS[kind].model_json_schema(mode="validation")
    return {"$schema": DRAFT, "$id": f"urn:azx-core:schema:{kind}", **body}


def shipped(kind: str) -> dict[str, Any]:
    """Return the schema of `kind` as shipped in the package."""
    _check(kind)
    text = resources.files(__package__).joinpath(f"{kind}.schema.json").read_text("utf-8")
    value: dict[str, Any] = json.loads(text)
    return value


def bundle() -> dict[str, Any]:
    """All shipped schemas in one document, keyed by kind."""
    return {
        "$schema": DRAFT,
        "$id": "urn:azx-core:schemas",
        "$defs": {kind: shipped(kind) for kind in KINDS},
    }


def dump(schema: dict[str, Any]) -> str:
    """The canonical text of a schema file."""
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(folder: Path, *, source: str = "shipped") -> list[Path]:
    """Write ``<kind>.schema.json`` for every kind into `folder`; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = folder / f"{kind}.schema.json"
        schema = shipped(kind) if source == "shipped" else generate(kind)
        path.write_text(dump(schema), encoding="utf-8")
        written.append(path)
    return written
