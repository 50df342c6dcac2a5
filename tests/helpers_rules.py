"""Small helpers shared by the rule tests: run records, list what fired."""

from __future__ import annotations

from datetime import date
from typing import Any

from azx_core import Validator
from azx_core.report.results import RecordResult

_VALIDATORS: dict[tuple[str, date | None], Validator] = {}


def validator(profile: str = "national", as_of: date | None = None) -> Validator:
    """A cached validator for a profile and as-of date."""
    key = (profile, as_of)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = Validator(profile, as_of=as_of)
    return _VALIDATORS[key]


def check(
    record: dict[str, Any], profile: str = "national", as_of: date | None = None
) -> RecordResult:
    """Validate one record."""
    return validator(profile, as_of).validate(record)


def fired(
    record: dict[str, Any], profile: str = "national", as_of: date | None = None
) -> list[tuple[str, str]]:
    """(rule, path) of every finding on one record."""
    return [(f.rule, f.path) for f in check(record, profile, as_of).findings]


def rules(record: dict[str, Any], profile: str = "national", as_of: date | None = None) -> set[str]:
    """The rule ids that fired on one record."""
    return {rule for rule, _ in fired(record, profile, as_of)}


def not_checked(
    record: dict[str, Any], profile: str = "national", as_of: date | None = None
) -> dict[str, str]:
    """Rule id -> reason of every not-checked entry."""
    return {n.rule: n.reason for n in check(record, profile, as_of).not_checked}
