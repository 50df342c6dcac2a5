"""Records that break exactly one rule: the rule's failing fixture, renamed.

Renaming replaces every valid identifier and every name of a unit, person or provider by
a fresh one, the same old value always by the same new value, so equalities between
records survive and every rule's verdict stays the fixture's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from hypothesis import strategies as st

from azx_core.errors import UnknownRule
from azx_core.rules.registry import get_rule
from azx_core.testing.fixtures import all_fixtures
from azx_core.testing.strategies.values import (
    Draw,
    _enterprise_names,
    _numbers,
    _person_names,
    _policy_numbers,
    _provider_names,
    resident_ids,
    usccs,
)
from azx_core.types import resident_id, uscc

# Violating records: a rule's failing fixture, renamed.


def _is_identifier(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64 and value == value.strip()


def _is_name(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 500 and value == value.strip()


# Each class of renamed values: which values qualify, and the fresh values replacing them.
_CLASSES: dict[str, tuple[Callable[[Any], bool], st.SearchStrategy[str]]] = {
    "uscc": (lambda v: _is_identifier(v) and uscc.compact(v) == v and uscc.is_valid(v), usccs()),
    "resident_id": (
        lambda v: _is_identifier(v) and resident_id.compact(v) == v and resident_id.is_valid(v),
        resident_ids(),
    ),
    "policy_no": (_is_identifier, _policy_numbers()),
    "plan_id": (_is_identifier, _numbers("SVP-", 6)),
    "record_id": (_is_identifier, _numbers("SVR-", 6)),
    "complaint_id": (_is_identifier, _numbers("CPL-", 6)),
    "hazard_id": (_is_identifier, _numbers("HZD-", 6)),
    "platform_record_no": (_is_identifier, _numbers("XZPT", 7)),
    "enterprise_name": (_is_name, _enterprise_names()),
    "person_name": (_is_name, _person_names()),
    "provider_name": (_is_name, _provider_names()),
}
_KEY_CLASS = {
    "uscc": "uscc",
    "operator_id_number": "resident_id",
    "id_number": "resident_id",
    "policy_no": "policy_no",
    "renewal_of": "policy_no",
    "plan_id": "plan_id",
    "service_plan_id": "plan_id",
    "record_id": "record_id",
    "complaint_id": "complaint_id",
    "hazard_id": "hazard_id",
    "platform_record_no": "platform_record_no",
}
# Whose name a "name" key holds, by the key of the object (or list) around it.
_NAME_CLASS = {
    "": "enterprise_name",
    "policyholder": "enterprise_name",
    "insured_persons": "person_name",
    "personnel": "person_name",
    "provider": "provider_name",
}
_TEXT_VALUE = re.compile(r'("(' + "|".join(_KEY_CLASS) + r')"\s*:\s*)"([^"\\]*)"')

Visit = Callable[[str, str], str]


def _class_of(key: str, parent: str) -> str | None:
    return _NAME_CLASS.get(parent) if key == "name" else _KEY_CLASS.get(key)


def _walk(node: Any, parent: str, visit: Visit) -> Any:
    """Rebuild `node`, passing every renameable value through `visit(class, value)`."""
    if isinstance(node, Mapping):
        out = {}
        for key, value in node.items():
            kind = _class_of(key, parent)
            if kind is not None and _CLASSES[kind][0](value):
                out[key] = visit(kind, value)
            else:
                out[key] = _walk(value, key, visit)
        return out
    if isinstance(node, list):
        return [_walk(item, parent, visit) for item in node]
    return node


def _walk_text(text: str, visit: Visit) -> str:
    """Rename the values in raw record text whose class the key alone tells."""

    def replace(match: re.Match[str]) -> str:
        prefix, key, value = match.groups()
        kind = _KEY_CLASS[key]
        if not _CLASSES[kind][0](value):
            return match.group(0)
        return f'{prefix}"{visit(kind, value)}"'

    return _TEXT_VALUE.sub(replace, text)


def _rename(record: Any, visit: Visit) -> Any:
    """A record (a mapping or raw text) with its renameable values passed through `visit`."""
    return _walk_text(record, visit) if isinstance(record, str) else _walk(record, "", visit)


@st.composite
def _renamed(draw: Draw, records: tuple[Any, ...]) -> list[Any]:
    originals: dict[str, dict[str, None]] = {}

    def collect(kind: str, value: str) -> str:
        originals.setdefault(kind, {})[value] = None
        return value

    for item in records:
        _rename(item, collect)
    renames: dict[str, dict[str, str]] = {}
    for kind, values in originals.items():
        fresh = draw(
            st.lists(_CLASSES[kind][1], min_size=len(values), max_size=len(values), unique=True)
        )
        renames[kind] = dict(zip(values, fresh, strict=True))
    return [_rename(item, lambda kind, value: renames[kind][value]) for item in records]


def violating(rule_id: str) -> st.SearchStrategy[Any]:
    """Records that break exactly the rule `rule_id` (see the module docstring).

    A fixture of one record yields that record (a dictionary, or a string for a raw-text
    case such as SCH001); a fixture of several records yields the list of them.

    Raises:
        UnknownRule: no rule has this id, or the rule has no failing fixture.
    """
    rule = get_rule(rule_id)
    fixture = all_fixtures().get(rule.id)
    if fixture is None:
        raise UnknownRule(f"rule {rule.id} has no failing fixture")
    records = fixture.failing.records
    several = len(records) > 1
    return _renamed(records).map(lambda found: found if several else found[0])
