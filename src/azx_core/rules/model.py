"""What a rule is: its catalogue entry, its check function, and what a check returns.

A rule's metadata (name, severity, kinds, titles, message templates, references) lives in
the catalogue data files beside this module, one per family; its logic is a small pure
function registered under the same id. A check function takes a parsed record and a
`Context` and yields `Hit` values; the engine turns hits into findings. A check that
cannot decide raises `NotCheckable`; one whose requirement did not exist on the record's
date raises `NotApplicable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

import attrs

from azx_core.params.calendar import WorkingDayCalendar
from azx_core.params.profile import ParameterValue, Profile, Reference
from azx_core.report.results import Severity

__all__ = [
    "BatchCheck",
    "Check",
    "Context",
    "Hit",
    "NotApplicable",
    "NotCheckable",
    "Rule",
]


class NotCheckable(Exception):  # noqa: N818 - a signal, caught by the engine
    """Raised by a check that cannot reach a verdict; the reason is reported."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotApplicable(Exception):  # noqa: N818
    """Raised by a check whose requirement did not exist on the record's date."""


@attrs.frozen
class Hit:
    """One violation found by a check.

    Attributes:
        path: where in the record, e.g. ``coverages[0].per_person_limit``.
        params: values that explain the verdict; they fill the message template.
        reference: the legal basis when it is more specific than the rule's own (the
            parameter value in force, for example).
        severity: a severity that differs from the rule's default for this hit.
        variant: which of the rule's message variants describes this hit (None: the main
            message).
    """

    path: str
    params: Mapping[str, Any] = attrs.field(factory=dict)
    reference: Reference | None = None
    severity: Severity | None = None
    variant: str | None = None


class Context:
    """What a check may know besides the record: the date, parameters, profile, calendar."""

    __slots__ = ("_lookup", "as_of", "calendar", "day", "profile")

    def __init__(
        self,
        day: date | None,
        as_of: date | None,
        profile: Profile,
        calendar: WorkingDayCalendar,
        lookup: Callable[[str, date], ParameterValue | None],
    ) -> None:
        self.day = day
        self.as_of = as_of
        self.profile = profile
        self.calendar = calendar
        self._lookup = lookup

    def parameter(self, name: str) -> ParameterValue:
        """Return the value of `name` in force on the record's date, with its grounds.

        Raises:
            NotCheckable: the record has no date, or the date is before the first value.
            NotApplicable: the law set no such requirement on that date.
        """
        if self.day is None:
            raise NotCheckable(f"the record has no date to look up {name}")
        found = self._lookup(name, self.day)
        if found is None:
            timeline = self.profile.parameters.get(name)
            if timeline is None or timeline.first is None:
                raise NotCheckable(f"profile {self.profile.name} sets no {name}")
            raise NotCheckable(
                f"{name} has no value before {timeline.first.isoformat()}"
                f" (record date {self.day.isoformat()})"
            )
        if found.value is None:
            raise NotApplicable(name)
        return found

    def amount(self, name: str) -> Decimal:
        """Return a money or rate parameter's value (see `parameter`)."""
        value = self.parameter(name).value
        assert isinstance(value, Decimal), f"{name} is not a decimal parameter"
        return value


#: A check function: a parsed record and its context in, hits out.
Check = Callable[[Any, Context], Iterable[Hit]]


class BatchCheck(Protocol):
    """A rule that looks across the records of one run.

    `extract` runs on every parsed record of the run (of any kind) and returns a small,
    picklable fact, or None for a record it does not need; `observe` receives the facts in
    input order with the record's index; `finish` runs once at the end and yields the
    findings as ``(index, key, hit)``, for the record they concern. Between records a batch
    check keeps only a compact index keyed by identifier; the run knows each record's
    source from its index.
    """

    def extract(self, record: Any, context: Context) -> Any: ...

    def observe(self, fact: Any, index: int) -> None: ...

    def finish(self, as_of: date | None) -> Iterator[tuple[int, str | None, Hit]]: ...


@attrs.frozen
class Rule:
    """A rule: catalogue metadata joined with its check."""

    id: str
    name: str
    severity: Severity
    kinds: tuple[str, ...]
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    references: tuple[Reference, ...]
    summary: str
    parameters: tuple[str, ...] = ()
    enabled_by_default: bool = True
    check: Check | None = None
    batch: Callable[[], BatchCheck] | None = None
    not_checked_without_as_of: bool = False
    variants: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)

    @property
    def family(self) -> str:
        """The three-letter family, e.g. ``LIM``."""
        return self.id[:3]

    @property
    def reference(self) -> str:
        """The references joined for display."""
        return "; ".join(str(r) for r in self.references)

    def message(self, lang: str, variant: str | None = None) -> str:
        """The message template in `lang` (``zh`` or ``en``), of `variant` if given."""
        zh, en = self.variants[variant] if variant else (self.message_zh, self.message_en)
        return en if lang == "en" else zh

    def title(self, lang: str) -> str:
        """The title in `lang`."""
        return self.title_en if lang == "en" else self.title_zh
