"""Findings, record results and summaries: the data every renderer writes.

These are plain frozen classes. A finding's ``params`` hold only JSON values (strings,
numbers, booleans, lists), so every renderer can write them as they are; money and dates
are strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

import attrs

__all__ = [
    "REPORT_VERSION",
    "BatchFinding",
    "Finding",
    "NotChecked",
    "RecordResult",
    "Severity",
    "Summary",
]

#: Version of the report format (results, findings, summary); follows SemVer.
REPORT_VERSION = "1.0.0"


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return _RANK[self]


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@attrs.frozen
class Finding:
    """One violation of one rule at one place in a record."""

    rule: str
    name: str
    severity: Severity
    path: str
    message: str
    reference: str
    params: Mapping[str, Any] = attrs.field(factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as the report writes it."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "reference": self.reference,
            "params": dict(self.params),
        }


@attrs.frozen
class NotChecked:
    """A rule that could not reach a verdict on a record, and why."""

    rule: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """Return the entry as the report writes it."""
        return {"rule": self.rule, "reason": self.reason}


@attrs.frozen
class RecordResult:
    """The outcome of validating one input record."""

    index: int
    source: str
    kind: str | None
    key: str | None
    findings: tuple[Finding, ...] = ()
    not_checked: tuple[NotChecked, ...] = ()
    #: True when no finding is an error.
    valid: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        valid = not any(f.severity is Severity.ERROR for f in self.findings)
        object.__setattr__(self, "valid", valid)

    def with_findings(self, extra: tuple[Finding, ...]) -> RecordResult:
        """Return a copy with `extra` findings appended (batch findings)."""
        return attrs.evolve(self, findings=self.findings + extra)

    def to_dict(self) -> dict[str, Any]:
        """Return the result as the report writes it."""
        return {
            "index": self.index,
            "source": self.source,
            "kind": self.kind,
            "key": self.key,
            "valid": self.valid,
            "findings": [f.to_dict() for f in self.findings],
            "not_checked": [n.to_dict() for n in self.not_checked],
        }


@attrs.frozen
class BatchFinding:
    """A finding of a batch rule, attached to the record it concerns."""

    index: int
    source: str
    key: str | None
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        """Return the batch finding as the jsonl report writes it."""
        return {
            "index": self.index,
            "source": self.source,
            "key": self.key,
            "finding": self.finding.to_dict(),
        }


@attrs.define
class Summary:
    """Counts over a run: records, valid and invalid records, findings, not-checked."""

    records: int = 0
    valid: int = 0
    invalid: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    not_checked: int = 0

    def add(self, result: RecordResult) -> None:
        """Count one record result."""
        self.records += 1
        if result.valid:
            self.valid += 1
        else:
            self.invalid += 1
        for finding in result.findings:
            self._count(finding)
        self.not_checked += len(result.not_checked)

    def merge(self, other: Summary) -> None:
        """Add the counts of another summary (of a separate part of the same run)."""
        for name in ("records", "valid", "invalid", "errors", "warnings", "infos", "not_checked"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def add_batch(self, finding: Finding, *, invalidates: bool) -> None:
        """Count a batch finding; `invalidates` when it turns a valid record invalid."""
        self._count(finding)
        if invalidates:
            self.valid -= 1
            self.invalid += 1

    def _count(self, finding: Finding) -> None:
        if finding.severity is Severity.ERROR:
            self.errors += 1
        elif finding.severity is Severity.WARNING:
            self.warnings += 1
        else:
            self.infos += 1

    def worst(self) -> Severity | None:
        """The most serious severity found, or None."""
        if self.errors:
            return Severity.ERROR
        if self.warnings:
            return Severity.WARNING
        return Severity.INFO if self.infos else None

    def to_dict(self) -> dict[str, int]:
        """Return the summary as the report writes it."""
        return {
            "records": self.records,
            "valid": self.valid,
            "invalid": self.invalid,
            "errors": self.errors,
            "warnings": self.warnings,
            "not_checked": self.not_checked,
        }
