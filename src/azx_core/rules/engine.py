"""The rule engine: which rules run for a profile, and turning hits into findings.

An `Engine` is built once per run. It resolves the profile, the selected rules and their
severities, and indexes the rules by record kind, so that checking a record only touches
the rules for its kind. Parameter look-ups are cached by name and day, so a parameter is
resolved once per profile and date, not once per record.

Engines are not shared between threads; build one per worker.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from azx_core.errors import UnknownRule
from azx_core.params.calendar import WorkingDayCalendar, default_calendar
from azx_core.params.loader import load_profile
from azx_core.params.profile import ParameterValue, Profile, Reference
from azx_core.report.masking import PERSONAL_FIELDS, mask_id_number, mask_text
from azx_core.report.results import Finding, NotChecked, Severity
from azx_core.rules.model import BatchCheck, Context, Hit, NotApplicable, NotCheckable, Rule
from azx_core.rules.registry import expand, registry

__all__ = ["ALWAYS_ON", "Engine", "reference_day"]

logger = logging.getLogger(__name__)

#: Rules that neither a profile nor --select/--ignore can switch off.
ALWAYS_ON = frozenset({"SCH001"})


def reference_day(record: Any) -> date | None:
    """The date a record's parameters are looked up on, absent ``--as-of``."""
    kind = getattr(record, "kind", None)
    if kind == "policy":
        return record.start  # type: ignore[no-any-return]
    if kind == "service_record":
        started = record.started_at
        return started.date() if started is not None else record.confirmed_in_advance_on  # type: ignore[no-any-return]
    if kind == "service_plan":
        return record.agreed_on  # type: ignore[no-any-return]
    if kind == "complaint":
        return record.received_on  # type: ignore[no-any-return]
    if kind == "fee_ledger":
        return date(record.year, 1, 1)
    return None


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


class _Template(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@attrs.frozen
class ActiveRule:
    """A rule as it runs in this engine, with the severity the profile gives it."""

    rule: Rule
    severity: Severity


class Engine:
    """Runs the active rules of a profile over parsed records.

    Args:
        profile: a shipped profile name, a path to a profile file, or a loaded `Profile`.
        as_of: evaluate parameters on this date instead of each record's own date.
        lang: ``zh`` (default) or ``en`` for messages.
        select: rule ids or family prefixes to run (default: all active rules).
        ignore: rule ids or family prefixes not to run.
        mask: mask personal data in findings (default True).
        calendar: the working-day calendar (default: the official one).

    Raises:
        UnknownRule: a selector or a profile names no rule.
        ProfileError, ParameterError: the profile cannot be loaded.
    """

    def __init__(
        self,
        profile: str | Path | Profile = "national",
        *,
        as_of: date | None = None,
        lang: str = "zh",
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        mask: bool = True,
        calendar: WorkingDayCalendar | None = None,
    ) -> None:
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        self.as_of = as_of
        self.lang = "en" if lang == "en" else "zh"
        self.mask = mask
        self.calendar = calendar or default_calendar()
        self._cache: dict[tuple[str, date], ParameterValue | None] = {}
        # The per-record rules and the batch checks of one record share its context.
        self._last_context: tuple[Any, Context] | None = None

        rules = registry()
        for rule_id in self.profile.severity:
            if rule_id not in rules:
                raise UnknownRule(f"profile {self.profile.name} names unknown rule {rule_id!r}")
        enabled = {r.id for r in rules.values() if r.enabled_by_default}
        enabled |= expand(self.profile.enable)
        enabled -= expand(self.profile.disable)
        if select is not None:
            enabled &= expand(select)
        if ignore is not None:
            enabled -= expand(ignore)
        enabled |= ALWAYS_ON
        self.active: Mapping[str, ActiveRule] = {
            rule_id: ActiveRule(rule, Severity(self.profile.severity.get(rule_id, rule.severity)))
            for rule_id, rule in rules.items()
            if rule_id in enabled
        }
        by_kind: dict[str, list[ActiveRule]] = {}
        for active in self.active.values():
            if active.rule.check is not None:
                for kind in active.rule.kinds:
                    by_kind.setdefault(kind, []).append(active)
        # What the per-record loop needs, without attribute look-ups on the hot path.
        self._checks = {
            kind: tuple((a, a.rule.id, a.rule.check) for a in found)
            for kind, found in by_kind.items()
        }

    def is_active(self, rule_id: str) -> bool:
        """Return whether `rule_id` runs in this engine."""
        return rule_id in self.active

    def parameter(self, name: str, day: date) -> ParameterValue | None:
        """Return the value of `name` in force on `day` under the profile (cached)."""
        key = (name, day)
        try:
            return self._cache[key]
        except KeyError:
            timeline = self.profile.parameters.get(name)
            found = timeline.at(day) if timeline is not None else None
            self._cache[key] = found
            return found

    def context(self, record: Any) -> Context:
        """The context a check sees for `record` (the last one is reused for the same record)."""
        last = self._last_context
        if last is not None and last[0] is record:
            return last[1]
        day = self.as_of or reference_day(record)
        context = Context(day, self.as_of, self.profile, self.calendar, self.parameter)
        self._last_context = (record, context)
        return context

    def check(self, record: Any) -> tuple[list[Finding], list[NotChecked]]:
        """Run every active per-record rule for the record's kind."""
        findings: list[Finding] = []
        not_checked: list[NotChecked] = []
        checks = self._checks.get(record.kind)
        if not checks:
            return findings, not_checked
        ctx = self.context(record)
        for active, rule_id, function in checks:
            try:
                for hit in function(record, ctx):  # type: ignore[misc]
                    findings.append(self.finding(active, hit))
            except NotApplicable:
                continue
            except NotCheckable as signal:
                not_checked.append(NotChecked(rule_id, signal.reason))
            except Exception as exc:  # a defect in a rule must not stop the run
                logger.exception("rule %s failed on %s", rule_id, getattr(record, "key", "?"))
                not_checked.append(NotChecked(rule_id, f"internal error: {type(exc).__name__}"))
        return findings, not_checked

    def batch_checks(self) -> list[tuple[ActiveRule, BatchCheck]]:
        """Return fresh batch checks, one per active batch rule that can decide.

        A rule that needs an as-of date is left out without one: its records say it was
        not checked, and it would have nothing to report.
        """
        return [
            (active, active.rule.batch())
            for active in self.active.values()
            if active.rule.batch is not None
            and not (active.rule.not_checked_without_as_of and self.as_of is None)
        ]

    def finding(self, active: ActiveRule, hit: Hit) -> Finding:
        """Turn a check's hit into a finding: render the message, mask personal data."""
        rule = active.rule
        params = {key: _json_value(value) for key, value in hit.params.items()}
        if self.mask:
            params = {key: self._masked(key, value) for key, value in params.items()}
        message = rule.message(self.lang, hit.variant).format_map(_Template(params, path=hit.path))
        reference: Reference | str = hit.reference or rule.reference
        return Finding(
            rule=rule.id,
            name=rule.name,
            severity=hit.severity or active.severity,
            path=mask_text(hit.path) if self.mask else hit.path,
            message=mask_text(message) if self.mask else message,
            reference=str(reference),
            params=params,
        )

    def decoder_finding(self, rule_id: str, path: str, **params: Any) -> Finding | None:
        """A finding of a structural (SCH) rule, or None when that rule is not active."""
        active = self.active.get(rule_id)
        if active is None:
            return None
        return self.finding(active, Hit(path, params))

    @staticmethod
    def _masked(key: str, value: Any) -> Any:
        if isinstance(value, str):
            return mask_id_number(value) if key in PERSONAL_FIELDS else mask_text(value)
        return value
