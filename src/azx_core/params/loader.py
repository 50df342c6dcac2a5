"""Loading profiles and their dated parameters from TOML files.

A profile file has these tables, and no others:

* ``[profile]``: ``name``, ``title_zh``, ``title_en``, optional ``description``,
  ``extends`` (a shipped profile name or a path relative to the file) and
  ``replace_parameters`` (names whose parent values are dropped rather than merged);
* ``[scope]`` (optional): ``region_prefixes`` (division-code prefixes the profile covers,
  checked by ENT004) and the ``reference`` that sets the scope;
* ``[rules]`` (optional): ``enable`` and ``disable`` (rule ids or family prefixes) and
  ``severity`` (rule id -> ``error`` | ``warning`` | ``info``);
* ``[[parameters.NAME]]`` (optional, repeated): one dated value of parameter NAME with
  ``from``, ``value``, ``reference = {document, article}``, ``last_confirmed``,
  ``confidence`` (``confirmed`` | ``provisional``) and ``notes``.

A value of ``"none"`` records that the law set no such requirement in that period.
A child profile's values join its parent's timeline; on the same date the child wins.
Every mistake raises `ParameterError` naming the file and the key. Loading never runs code:
TOML is data only.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from azx_core.errors import ParameterError, ProfileError
from azx_core.params.profile import (
    ParameterDefinition,
    ParameterValue,
    Profile,
    Reference,
    Timeline,
)

__all__ = ["definitions", "load_profile", "shipped_profiles"]

_PROFILE_TABLES = {"profile", "scope", "rules", "parameters"}
_PROFILE_KEYS = {"name", "title_zh", "title_en", "description", "extends", "replace_parameters"}
_SCOPE_KEYS = {"region_prefixes", "reference"}
_RULES_KEYS = {"enable", "disable", "severity"}
_VALUE_KEYS = {"from", "value", "reference", "last_confirmed", "confidence", "notes"}
_DEFINITION_KEYS = {"type", "title_zh", "title_en", "unit"}
_TYPES = {"money", "rate", "count"}
_SEVERITIES = {"error", "warning", "info"}
_CONFIDENCE = {"confirmed", "provisional"}


def _data(name: str) -> str:
    return resources.files("azx_core.params").joinpath(name).read_text("utf-8")


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ParameterError(f"{origin}: not valid TOML: {exc}") from None


def _check_keys(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ParameterError(f"{where}: unknown key {unknown[0]!r} (allowed: {sorted(allowed)})")


def _require(table: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in table:
        raise ParameterError(f"{where}: missing key {key!r}")
    value = table[key]
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ParameterError(f"{where}.{key}: wrong type {type(value).__name__}")
    return value


def _optional(table: Mapping[str, Any], key: str, kind: type, where: str, default: Any) -> Any:
    if key not in table:
        return default
    return _require(table, key, kind, where)


@functools.cache
def definitions() -> Mapping[str, ParameterDefinition]:
    """Return the declared parameters, by name."""
    origin = "parameters.toml"
    raw = _parse(_data("data/parameters.toml"), origin)
    found: dict[str, ParameterDefinition] = {}
    for name, table in raw.items():
        where = f"{origin}: {name}"
        if not isinstance(table, dict):
            raise ParameterError(f"{where}: expected a table")
        _check_keys(table, _DEFINITION_KEYS, where)
        kind = _require(table, "type", str, where)
        if kind not in _TYPES:
            raise ParameterError(f"{where}.type: {kind!r} is not one of {sorted(_TYPES)}")
        found[name] = ParameterDefinition(
            name=name,
            type=kind,
            title_zh=_require(table, "title_zh", str, where),
            title_en=_require(table, "title_en", str, where),
            unit=_require(table, "unit", str, where),
        )
    return found


def shipped_profiles() -> tuple[str, ...]:
    """Return the names of the profiles that ship with the library."""
    folder = resources.files("azx_core.params").joinpath("profiles")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def _reference(raw: Any, where: str) -> Reference:
    if not isinstance(raw, dict):
        raise ParameterError(f"{where}: expected {{document, article}}")
    _check_keys(raw, {"document", "article"}, where)
    return Reference(
        document=_require(raw, "document", str, where),
        article=_optional(raw, "article", str, where, ""),
    )


def _typed_value(raw: Any, definition: ParameterDefinition, where: str) -> Decimal | int | None:
    if raw == "none":
        return None
    if definition.type == "count":
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < 0:
            raise ParameterError(f"{where}: a count is a whole number >= 0, not {raw!r}")
        return raw
    if not isinstance(raw, str | int) or isinstance(raw, bool):
        raise ParameterError(f'{where}: write decimals as strings, e.g. "0.05", not {raw!r}')
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        raise ParameterError(f"{where}: {raw!r} is not a decimal") from None
    if not value.is_finite() or value < 0 or (definition.type == "rate" and value > 1):
        raise ParameterError(f"{where}: {raw!r} is out of range for a {definition.type}")
    return value


def _values(name: str, raw: Any, origin: str, profile: str) -> list[ParameterValue]:
    where = f"{origin}: parameters.{name}"
    definition = definitions().get(name)
    if definition is None:
        raise ParameterError(f"{where}: unknown parameter (known: {sorted(definitions())})")
    if not isinstance(raw, list):
        raise ParameterError(f"{where}: expected [[parameters.{name}]] entries")
    values = []
    for position, entry in enumerate(raw):
        at = f"{where}[{position}]"
        if not isinstance(entry, dict):
            raise ParameterError(f"{at}: expected a table")
        _check_keys(entry, _VALUE_KEYS, at)
        confidence = _require(entry, "confidence", str, at)
        if confidence not in _CONFIDENCE:
            raise ParameterError(f"{at}.confidence: {confidence!r} is not one of {_CONFIDENCE}")
        start = _require(entry, "from", date, at)
        confirmed = _require(entry, "last_confirmed", date, at)
        for key, value in (("from", start), ("last_confirmed", confirmed)):
            if isinstance(value, datetime):
                raise ParameterError(f"{at}.{key}: a date is expected, not a date and time")
        if "value" not in entry:
            raise ParameterError(f"{at}: missing key 'value'")
        values.append(
            ParameterValue(
                name=name,
                start=start,
                value=_typed_value(entry["value"], definition, f"{at}.value"),
                reference=_reference(_require(entry, "reference", dict, at), f"{at}.reference"),
                last_confirmed=confirmed,
                confidence=confidence,
                notes=_optional(entry, "notes", str, at, ""),
                profile=profile,
            )
        )
    return values


def _string_list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = _optional(table, key, list, where, [])
    if not all(isinstance(item, str) for item in items):
        raise ParameterError(f"{where}.{key}: expected a list of strings")
    return tuple(items)


def _merge(
    parent: Mapping[str, Timeline], own: Mapping[str, list[ParameterValue]], replace: set[str]
) -> dict[str, Timeline]:
    merged = {name: list(t.values) for name, t in parent.items() if name not in replace}
    for name, values in own.items():
        by_date = {v.start: v for v in merged.get(name, [])}
        by_date.update({v.start: v for v in values})
        merged[name] = list(by_date.values())
    return {name: Timeline.of(name, values) for name, values in merged.items()}


def _load(spec: str | Path, chain: tuple[str, ...]) -> Profile:
    text, origin, folder = _locate(spec)
    if origin in chain:
        raise ProfileError(f"profile {origin} extends itself through {' -> '.join(chain)}")
    raw = _parse(text, origin)
    _check_keys(raw, _PROFILE_TABLES, origin)
    head = _require(raw, "profile", dict, origin)
    where = f"{origin}: profile"
    _check_keys(head, _PROFILE_KEYS, where)
    name = _require(head, "name", str, where)

    parent: Profile | None = None
    extends = _optional(head, "extends", str, where, None)
    if extends is not None:
        target: str | Path = extends if extends in shipped_profiles() else folder / extends
        parent = _load(target, (*chain, origin))

    scope = _optional(raw, "scope", dict, origin, {})
    _check_keys(scope, _SCOPE_KEYS, f"{origin}: scope")
    rules = _optional(raw, "rules", dict, origin, {})
    _check_keys(rules, _RULES_KEYS, f"{origin}: rules")
    severity = _optional(rules, "severity", dict, f"{origin}: rules", {})
    for rule, level in severity.items():
        if not isinstance(level, str) or level not in _SEVERITIES:
            raise ParameterError(f"{origin}: rules.severity.{rule}: {level!r} is not a severity")
    params = _optional(raw, "parameters", dict, origin, {})
    own = {key: _values(key, value, origin, name) for key, value in params.items()}
    replace = set(_string_list(head, "replace_parameters", where))

    prefixes = _string_list(scope, "region_prefixes", f"{origin}: scope")
    scope_ref = scope.get("reference")
    return Profile(
        name=name,
        title_zh=_require(head, "title_zh", str, where),
        title_en=_require(head, "title_en", str, where),
        description=_optional(head, "description", str, where, ""),
        extends=parent.name if parent else None,
        origin=origin,
        parameters=_merge(parent.parameters if parent else {}, own, replace),
        enable=(parent.enable if parent else ()) + _string_list(rules, "enable", origin),
        disable=(parent.disable if parent else ()) + _string_list(rules, "disable", origin),
        severity={**(parent.severity if parent else {}), **severity},
        region_prefixes=prefixes or (parent.region_prefixes if parent else ()),
        scope_reference=(
            _reference(scope_ref, f"{origin}: scope.reference")
            if scope_ref is not None
            else (parent.scope_reference if parent else None)
        ),
    )


def _locate(spec: str | Path) -> tuple[str, str, Path]:
    if isinstance(spec, str) and spec in shipped_profiles():
        return _data(f"profiles/{spec}.toml"), f"{spec}.toml", Path()
    path = Path(spec)
    if path.suffix != ".toml" or not path.is_file():
        known = ", ".join(shipped_profiles())
        raise ProfileError(f"unknown profile {str(spec)!r}: use one of {known} or a .toml file")
    try:
        return path.read_text("utf-8"), str(path), path.parent
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read profile {path}: {exc}") from None


@functools.lru_cache(maxsize=32)
def _cached(spec: str) -> Profile:
    return _load(spec, ())


def load_profile(spec: str | Path) -> Profile:
    """Load a shipped profile by name, or a user's profile from a ``.toml`` file.

    Raises:
        ProfileError: the name is unknown or the file cannot be read.
        ParameterError: the file is malformed (the message names the file and key).
    """
    if isinstance(spec, Path):
        return _load(spec, ())
    return _cached(spec)
