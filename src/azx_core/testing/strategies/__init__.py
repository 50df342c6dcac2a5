"""Hypothesis strategies: valid records of every kind, and records that break one rule.

`valid` draws JSON-ready records (plain dictionaries, money as decimal strings or whole
numbers, dates as ISO strings) that pass every rule under the ``national`` and the
``xizang`` profiles. They start from `azx_core.testing.factories` and vary what the rules
allow to vary: names, identifiers (USCCs and resident id numbers with correct check
characters), dates within 2020-2026, premiums, limits above the floors, commission and
prevention budgets below their caps, co-insurance shares that sum to one, headcounts with a
matching roster or without one.

`violating` draws records that break exactly one rule. It takes the rule's failing fixture
(`azx_core.testing.fixtures`) and renames what no rule reads the content of: every valid
identifier (USCC, resident id number, policy, plan, record, complaint, hazard and filing
numbers) and every name of a unit, person or provider is replaced by a fresh one, the
same old value always by the same new value. The renaming keeps every equality between
records (a policy and the plan that names it, a renewal and the policy it renews), so the
verdict of every rule stays the fixture's: the rule fires at the fixture's ``path``, and
nothing else fires beyond the fixture's ``also``. A fixture of several records (the batch
rules, POL006 and COV005) yields the list of records; run them under the fixture's
``profile`` and ``as_of``.

Usage in a test (this module needs the testing extra, ``pip install azx-core[testing]``)::

    from hypothesis import given, settings
    from azx_core import Validator
    from azx_core.testing import strategies

    @settings(max_examples=25, deadline=None)
    @given(strategies.policies())
    def test_valid_policies_pass(policy):
        assert not Validator("xizang").validate(policy).findings

    @given(strategies.violating("LIM001"))
    def test_low_limit_is_flagged(policy):
        assert "LIM001" in {f.rule for f in Validator().validate(policy).findings}

`usccs` and `resident_ids` draw valid identifiers on their own.

Known limitations: records from `valid` are valid one at a time. Run together with an
as-of date, valid enterprises in a high-risk industry lack the policies COV005 looks for.
Fee ledgers are the factory's construction ledger scaled by a whole factor, with uses,
balances and dates varied; the rate tables of the other sectors are not drawn.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - checked first, to name the extra that provides it
except ImportError as exc:  # pragma: no cover - the testing extra is installed for tests
    raise ImportError(
        "azx_core.testing.strategies needs hypothesis: pip install azx-core[testing]"
    ) from exc

from azx_core.testing.strategies.records import (
    complaints,
    enterprises,
    fee_ledgers,
    policies,
    service_plans,
    service_records,
    valid,
)
from azx_core.testing.strategies.values import resident_ids, usccs
from azx_core.testing.strategies.violating import violating

__all__ = [
    "complaints",
    "enterprises",
    "fee_ledgers",
    "policies",
    "resident_ids",
    "service_plans",
    "service_records",
    "usccs",
    "valid",
    "violating",
]
