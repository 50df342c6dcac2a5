"""azx-core: the data model, rules and reference data of 安全生产责任保险 (安责险).

The whole public surface is listed in `__all__`. The validator and the models load when
they are first used, so that ``import azx_core`` stays cheap for code that needs only the
identifier checks (`azx_core.types`) or the results. Validate a record::

    >>> import azx_core
    >>> result = azx_core.validate({"kind": "enterprise", "uscc": "91540100MA6T00000X",
    ...     "name": "拉萨某建筑公司", "industry": "construction", "region": "540102",
    ...     "employee_count": 10, "status": "operating"})
    >>> [f.rule for f in result.findings]
    ['ENT001']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from azx_core.errors import (
    AzxError,
    InvalidIdentifier,
    ParameterError,
    ProfileError,
    UnknownKind,
    UnknownRule,
)
from azx_core.report.results import (
    REPORT_VERSION,
    BatchFinding,
    Finding,
    NotChecked,
    RecordResult,
    Severity,
    Summary,
)

if TYPE_CHECKING:
    from azx_core.run import Run
    from azx_core.validation import Validator

__version__ = "0.1.0"

__all__ = [
    "REPORT_VERSION",
    "AzxError",
    "BatchFinding",
    "Finding",
    "InvalidIdentifier",
    "NotChecked",
    "ParameterError",
    "ProfileError",
    "RecordResult",
    "Run",
    "Severity",
    "Summary",
    "UnknownKind",
    "UnknownRule",
    "Validator",
    "__version__",
    "validate",
    "validate_many",
]


def __getattr__(name: str) -> Any:
    if name == "Validator":
        from azx_core.validation import Validator

        return Validator
    if name == "Run":
        from azx_core.run import Run

        return Run
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=16)
def _validator(profile: str, as_of: date | None, lang: str) -> Validator:
    from azx_core.validation import Validator

    return Validator(profile, as_of=as_of, lang=lang)


def validate(
    record: Any,
    *,
    kind: str | None = None,
    profile: str = "national",
    as_of: date | None = None,
    lang: str = "zh",
) -> RecordResult:
    """Validate one record (a mapping, JSON text or a model) and return its result.

    Batch rules, which need several records, do not run here; use `Validator.run`.

    Raises:
        ProfileError, ParameterError: the profile cannot be loaded.
    """
    return _validator(profile, as_of, lang).validate(record, kind=kind)


def validate_many(
    records: Iterable[Any],
    *,
    kind: str | None = None,
    profile: str = "national",
    as_of: date | None = None,
    lang: str = "zh",
) -> Iterator[RecordResult]:
    """Validate records lazily, yielding one result per record in input order.

    Only per-record rules run; `Validator.run` also runs the batch rules.
    """
    return _validator(profile, as_of, lang).validate_many(records, kind=kind)
