"""Profiles and dated parameters as values.

A `Timeline` is the dated history of one parameter. Looking it up on a day gives the
`ParameterValue` in force, or None before its first date. A value whose `value` is None
records a period in which the law set no such requirement.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

import attrs

__all__ = ["ParameterDefinition", "ParameterValue", "Profile", "Reference", "Timeline"]


@attrs.frozen
class Reference:
    """A legal reference: a document number and, where known, the article or clause."""

    document: str
    article: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.article}".strip()


@attrs.frozen
class ParameterDefinition:
    """What a parameter is: its type (money, rate, count), titles and unit."""

    name: str
    type: str
    title_zh: str
    title_en: str
    unit: str


@attrs.frozen
class ParameterValue:
    """One dated value of a parameter, with its grounds."""

    name: str
    start: date
    value: Decimal | int | None
    reference: Reference
    last_confirmed: date
    confidence: str
    notes: str
    profile: str


@attrs.frozen
class Timeline:
    """The values of one parameter in date order."""

    name: str
    values: tuple[ParameterValue, ...]
    _starts: tuple[date, ...] = attrs.field(repr=False)

    @classmethod
    def of(cls, name: str, values: Iterable[ParameterValue]) -> Timeline:
        """Build a timeline from values in any order."""
        ordered = tuple(sorted(values, key=lambda v: v.start))
        return cls(name, ordered, tuple(v.start for v in ordered))

    def at(self, day: date) -> ParameterValue | None:
        """Return the value in force on `day`, or None before the first one."""
        position = bisect.bisect_right(self._starts, day)
        return self.values[position - 1] if position else None

    @property
    def first(self) -> date | None:
        """The first date for which a value exists."""
        return self._starts[0] if self._starts else None


@attrs.frozen
class Profile:
    """A named selection of rules and parameter values."""

    name: str
    title_zh: str
    title_en: str
    description: str
    extends: str | None
    origin: str
    parameters: Mapping[str, Timeline]
    enable: tuple[str, ...]
    disable: tuple[str, ...]
    severity: Mapping[str, str]
    region_prefixes: tuple[str, ...]
    scope_reference: Reference | None

    def covers_region(self, code: str) -> bool:
        """Return whether a division code lies in the profile's scope (all, if unscoped)."""
        return not self.region_prefixes or code.startswith(self.region_prefixes)
