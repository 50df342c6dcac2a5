"""A pytest plugin that hands azx-core's validators, factories and strategies to tests.

Installed with azx-core, it loads in every pytest run of an environment that has it (the
``pytest11`` entry point), so it stays light: loading it imports azx-core and nothing more;
validators are built when a test first asks for one, and hypothesis is imported only by
the `azx_strategies` fixture.

Fixtures:

* ``azx_validator``: a `azx_core.Validator` for the ``national`` profile;
* ``azx_validator_factory``: ``make(profile="national", *, as_of=None, lang="zh")`` returns
  a validator (one per distinct set of arguments within a test session);
* ``azx_factories``: the `azx_core.testing.factories` module;
* ``azx_record``: ``record(kind, patch=None)`` returns a valid record of ``kind`` with a
  JSON merge patch applied (``None`` in the patch deletes a key);
* ``azx_strategies``: the `azx_core.testing.strategies` module (needs hypothesis);
* ``assert_rules``: ``check(records, rule_ids, *, profile="national", as_of=None,
  kind=None)`` runs one record or several, batch rules included, and fails the test unless
  exactly the given rule ids fire; it returns the findings, for further assertions.

A test using them::

    def test_commission_over_cap_is_flagged(azx_record, assert_rules):
        assert_rules(azx_record("policy", {"commission_rate": "0.08"}), ["POL003"])
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import ModuleType
from typing import Any

import pytest

import azx_core
from azx_core.report.results import Finding
from azx_core.testing import factories
from azx_core.validation import Validator

__all__ = [
    "AssertRules",
    "assert_rules",
    "azx_factories",
    "azx_record",
    "azx_strategies",
    "azx_validator",
    "azx_validator_factory",
    "pytest_report_header",
]

ValidatorFactory = Callable[..., Validator]
RecordFactory = Callable[..., dict[str, Any]]


def pytest_report_header() -> str:
    """Name the azx-core version in the header of the test session."""
    return f"azx-core: {azx_core.__version__}"


@functools.cache
def _validator(profile: str, as_of: date | None, lang: str) -> Validator:
    # Validators hold no state between records, so one per configuration is enough.
    return Validator(profile, as_of=as_of, lang=lang)


@pytest.fixture
def azx_validator() -> Validator:
    """A validator for the ``national`` profile, Chinese messages, no fixed as-of date."""
    return _validator("national", None, "zh")


@pytest.fixture
def azx_validator_factory() -> ValidatorFactory:
    """A callable ``(profile="national", *, as_of=None, lang="zh") -> Validator``."""

    def make(
        profile: str = "national", *, as_of: date | None = None, lang: str = "zh"
    ) -> Validator:
        return _validator(profile, as_of, lang)

    return make


@pytest.fixture
def azx_factories() -> ModuleType:
    """The `azx_core.testing.factories` module: valid records of every kind."""
    return factories


@pytest.fixture
def azx_record() -> RecordFactory:
    """A callable ``(kind, patch=None) -> dict``: a valid record with a merge patch applied."""

    def make(kind: str, patch: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return factories.record(kind, patch)

    return make


@pytest.fixture
def azx_strategies() -> ModuleType:
    """The `azx_core.testing.strategies` module (hypothesis strategies of every kind)."""
    pytest.importorskip("hypothesis", reason="needs the testing extra: azx-core[testing]")
    from azx_core.testing import strategies

    return strategies


def _as_records(records: Any) -> list[Any]:
    """One record (a mapping, JSON text or a model) or an iterable of them, as a list."""
    if isinstance(records, Mapping | str | bytes) or hasattr(records, "model_dump"):
        return [records]
    return list(records)


def _describe(found: list[tuple[int, Finding]]) -> str:
    if not found:
        return "  (no finding)"
    return "\n".join(
        f"  record {index}: {f.rule} {f.severity.value} at {f.path or '(record)'}: {f.message}"
        for index, f in found
    )


class AssertRules:
    """Runs records through a validator and checks which rules fire."""

    def __call__(
        self,
        records: Any,
        rule_ids: Iterable[str],
        *,
        profile: str = "national",
        as_of: date | None = None,
        kind: str | None = None,
    ) -> list[Finding]:
        """Fail unless exactly `rule_ids` fire on `records`; return the findings.

        Args:
            records: one record (mapping, JSON text or model) or an iterable of records.
            rule_ids: the rule ids expected to fire (each at least once), or one id;
                empty for none.
            profile: the profile to validate under.
            as_of: the date parameters are looked up on, for rules that need one.
            kind: the record kind for records that carry none.

        Returns:
            Every finding, per-record and batch, in input order.
        """
        __tracebackhide__ = True
        run = _validator(profile, as_of, "zh").run(_as_records(records), kind=kind)
        found = [(result.index, finding) for result in run for finding in result.findings]
        found += [(batch.index, batch.finding) for batch in run.finish()]
        found.sort(key=lambda pair: pair[0])

        wanted = [rule_ids] if isinstance(rule_ids, str) else rule_ids
        expected = {rule_id.strip().upper() for rule_id in wanted}
        fired = {finding.rule for _, finding in found}
        if fired != expected:
            missing = ", ".join(sorted(expected - fired)) or "none"
            extra = ", ".join(sorted(fired - expected)) or "none"
            pytest.fail(
                f"expected rules {sorted(expected)} to fire under profile {profile!r};"
                f" missing: {missing}; unexpected: {extra}\nfindings:\n{_describe(found)}",
                pytrace=False,
            )
        return [finding for _, finding in found]


@pytest.fixture
def assert_rules() -> AssertRules:
    """A callable that fails the test unless exactly the given rule ids fire."""
    return AssertRules()
