"""Every rule is catalogued in full and ships a passing and a failing fixture that work.

The catalogue is the rule documentation, and the fixtures are its examples: a rule without
a legal reference, a message in either language or a pair of fixtures is not finished.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from azx_core import Validator
from azx_core.rules.registry import all_rules
from azx_core.testing.fixtures import Case, RuleFixture, all_fixtures

RULES = {rule.id: rule for rule in all_rules()}
FIXTURES = all_fixtures()

#: Rules that are contract or accounting logic rather than law, so they cite no document
#: (their basis is contract logic, data consistency or an accounting identity, not a legal text).
WITHOUT_REFERENCES = frozenset({"POL001", "POL002", "LIM002", "COV006", "FEE005"})
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _findings(fixture: RuleFixture, case: Case) -> list[tuple[int, str, str]]:
    """(record index, rule, path) of every finding of a case, batch findings included."""
    run = Validator(fixture.profile, as_of=fixture.as_of).run(case.lines)
    found = [(r.index, f.rule, f.path) for r in run for f in r.findings]
    return found + [(b.index, b.finding.rule, b.finding.path) for b in run.finish()]


def _fixture(rule_id: str) -> RuleFixture:
    fixture = FIXTURES.get(rule_id)
    if fixture is None:
        pytest.fail(f"{rule_id} has no fixture in azx_core/testing/fixtures/{rule_id[:3]}.json")
    return fixture


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_cites_its_legal_basis(rule_id: str) -> None:
    rule = RULES[rule_id]
    if rule.family == "SCH" or rule_id in WITHOUT_REFERENCES:
        return
    assert rule.references, f"{rule_id} cites no reference"
    assert all(ref.document.strip() for ref in rule.references)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_titles_and_messages_in_both_languages(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert _CHINESE.search(rule.title_zh), rule.title_zh
    assert _CHINESE.search(rule.message_zh), rule.message_zh
    assert rule.title_en.strip()
    assert rule.message_en.strip()
    assert not _CHINESE.search(rule.title_en), rule.title_en


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_passing_fixture_yields_no_finding(rule_id: str) -> None:
    fixture = _fixture(rule_id)
    assert _findings(fixture, fixture.passing) == []


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_failing_fixture_yields_only_its_rule(rule_id: str) -> None:
    fixture = _fixture(rule_id)
    found = _findings(fixture, fixture.failing)
    assert (fixture.failing.target, rule_id, fixture.path) in found, found
    others = {rule for _, rule, _ in found} - {rule_id} - fixture.also
    assert not others, found


@pytest.mark.parametrize("rule_id", sorted(FIXTURES))
def test_fixture_belongs_to_a_registered_rule(rule_id: str) -> None:
    fixture = FIXTURES[rule_id]
    assert rule_id in RULES, f"fixture for unknown rule {rule_id}"
    unknown: set[Any] = set(fixture.also) - set(RULES)
    assert not unknown, f"{rule_id} allows unknown rules {sorted(unknown)}"
    assert rule_id not in fixture.also
    assert 0 <= fixture.failing.target < len(fixture.failing.records)
