"""The rule registry: the catalogue data joined with the check functions.

The catalogue (``catalogue/<FAMILY>.toml``) is the single place where a rule's name,
severity, kinds, titles, message templates and references are written. Family modules
register their check functions with `check` (per-record rules) and `batch` (rules over a
whole run). Structural rules (SCH) are produced by the decoding stage and have no check
function. Building the registry fails loudly when a catalogue entry and the code disagree.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any, TypeVar

from azx_core.errors import UnknownRule
from azx_core.models import KINDS
from azx_core.params.profile import Reference
from azx_core.report.results import Severity
from azx_core.rules.model import BatchCheck, Check, Rule

__all__ = ["all_rules", "batch", "check", "expand", "get_rule", "registry"]

_CHECKS: dict[str, Check] = {}
_BATCHES: dict[str, Callable[[], BatchCheck]] = {}
_FAMILIES = ("SCH", "ENT", "POL", "PRM", "LIM", "COV", "SVC", "FEE")
_DECODER_RULES = frozenset({"SCH001", "SCH002", "SCH003", "SCH004"})
_ENTRY_KEYS = {
    "name",
    "severity",
    "kinds",
    "title_zh",
    "title_en",
    "message_zh",
    "message_en",
    "references",
    "summary",
    "parameters",
    "enabled_by_default",
    "not_checked_without_as_of",
    "variants",
}

F = TypeVar("F", bound=Callable[..., Any])


def check(rule_id: str) -> Callable[[F], F]:
    """Register a per-record check function under `rule_id`."""

    def register(function: F) -> F:
        if rule_id in _CHECKS:
            raise RuntimeError(f"{rule_id} is registered twice")
        _CHECKS[rule_id] = function
        return function

    return register


def batch(rule_id: str) -> Callable[[type], type]:
    """Register a batch check class under `rule_id`."""

    def register(cls: type) -> type:
        if rule_id in _BATCHES:
            raise RuntimeError(f"{rule_id} is registered twice")
        _BATCHES[rule_id] = cls
        return cls

    return register


def _entry(rule_id: str, raw: Mapping[str, Any], origin: str) -> Rule:
    where = f"{origin}: {rule_id}"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise RuntimeError(f"{where}: unknown keys {sorted(unknown)}")
    kinds = tuple(raw["kinds"])
    if not set(kinds) <= set(KINDS) | {"*"}:
        raise RuntimeError(f"{where}: unknown kinds {kinds}")
    return Rule(
        id=rule_id,
        name=raw["name"],
        severity=Severity(raw["severity"]),
        kinds=KINDS if kinds == ("*",) else kinds,
        title_zh=raw["title_zh"],
        title_en=raw["title_en"],
        message_zh=raw["message_zh"],
        message_en=raw["message_en"],
        references=tuple(
            Reference(r["document"], r.get("article", "")) for r in raw.get("references", [])
        ),
        summary=raw["summary"].strip(),
        parameters=tuple(raw.get("parameters", ())),
        enabled_by_default=raw.get("enabled_by_default", True),
        not_checked_without_as_of=raw.get("not_checked_without_as_of", False),
        variants={
            name: (texts["message_zh"], texts["message_en"])
            for name, texts in raw.get("variants", {}).items()
        },
        check=_CHECKS.get(rule_id),
        batch=_BATCHES.get(rule_id),
    )


@functools.cache
def registry() -> Mapping[str, Rule]:
    """Return every rule by id, in catalogue order."""
    # The family modules register their checks on import.
    from azx_core.rules import coverage, identity, limits, policy, premium, service  # noqa: F401

    folder = resources.files("azx_core.rules").joinpath("catalogue")
    rules: dict[str, Rule] = {}
    for family in _FAMILIES:
        source = folder.joinpath(f"{family}.toml")
        if not source.is_file():
            continue
        for rule_id, raw in tomllib.loads(source.read_text("utf-8")).items():
            rules[rule_id] = _entry(rule_id, raw, f"{family}.toml")
    for rule_id in (*_CHECKS, *_BATCHES):
        if rule_id not in rules:
            raise RuntimeError(f"{rule_id} has code but no catalogue entry")
    for rule in rules.values():
        if rule.check is None and rule.batch is None and rule.id not in _DECODER_RULES:
            raise RuntimeError(f"{rule.id} has a catalogue entry but no check")
    return rules


def all_rules() -> tuple[Rule, ...]:
    """Return every rule in catalogue order."""
    return tuple(registry().values())


def get_rule(rule_id: str) -> Rule:
    """Return the rule with `rule_id` (case-insensitive).

    Raises:
        UnknownRule: no such rule.
    """
    found = registry().get(rule_id.strip().upper())
    if found is None:
        raise UnknownRule(f"unknown rule {rule_id!r}")
    return found


def expand(selectors: Iterable[str]) -> frozenset[str]:
    """Turn rule ids and family prefixes (``SVC``) into rule ids.

    Raises:
        UnknownRule: a selector names no rule and no family.
    """
    ids: set[str] = set()
    rules = registry()
    for raw in selectors:
        selector = raw.strip().upper()
        if not selector:
            continue
        matched = {rule_id for rule_id in rules if rule_id.startswith(selector)}
        if selector not in rules and (len(selector) != 3 or not matched):
            raise UnknownRule(f"unknown rule or family {raw!r}")
        ids |= matched
    return frozenset(ids)
