"""Robustness properties of the whole pipeline: whatever comes in, one result per record.

Arbitrary bytes read as JSONL, arbitrary JSON values, and valid records with arbitrary
values put in their fields: the pipeline yields exactly one result for every non-blank
input line, in order, reports every undecodable line as SCH001, and raises nothing (an
in-memory stream cannot fail to be read, so not even the documented `InputError`). A rule
that crashes is turned into ``not_checked`` with an "internal error" reason by the engine;
that is a defect too, so these tests look for it.
"""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from azx_core import RecordResult, Validator
from azx_core.io import detect_encoding, read_stream
from azx_core.models import KINDS, MODELS
from azx_core.testing import factories

VALIDATORS = (
    Validator("national"),
    Validator("xizang"),
    Validator("national", as_of=date(2025, 7, 1)),
)
FIELD_NAMES = sorted({name for model in MODELS.values() for name in model.model_fields})


def _reject(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _expected(data: bytes) -> list[tuple[int, str | None]]:
    """(line number, text) of each non-blank line; text None when it is not valid text.

    The encoding is chosen from the start of the input as the readers document: UTF-8 when
    it is valid UTF-8, otherwise GB18030. A byte-order mark opening a line is not content.
    """
    encoding = detect_encoding(data)
    lines: list[tuple[int, str | None]] = []
    for number, raw in enumerate(io.BytesIO(data).readlines(), 1):
        if not raw.strip():
            continue
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            lines.append((number, None))
            continue
        text = text.removeprefix("\ufeff")
        if text.strip():
            lines.append((number, text))
    return lines


def _is_object(text: str) -> bool:
    """Whether `text` is one JSON object (strict JSON: no NaN, no Infinity)."""
    try:
        value = json.loads(text, parse_float=Decimal, parse_constant=_reject)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict)


def _rules(result: RecordResult) -> set[str]:
    return {finding.rule for finding in result.findings}


def _assert_no_rule_crashed(result: RecordResult) -> None:
    crashed = [n for n in result.not_checked if n.reason.startswith("internal error")]
    assert not crashed, crashed


def _run(validator: Validator, data: bytes) -> list[RecordResult]:
    run = validator.run(read_stream(io.BytesIO(data), "-"))
    results = list(run)
    for batch in run.finish():
        assert 0 <= batch.index < len(results)
    return results


def _check_stream(data: bytes) -> None:
    expected = _expected(data)
    for validator in VALIDATORS:
        results = _run(validator, data)
        assert [r.index for r in results] == list(range(len(expected)))
        assert [r.source for r in results] == [f"-:{number}" for number, _ in expected]
        for result, (_, text) in zip(results, expected, strict=True):
            undecodable = text is None or not _is_object(text)
            assert ("SCH001" in _rules(result)) == undecodable, (text, result.findings)
            _assert_no_rule_crashed(result)


# Bytes with some structure: JSON-ish fragments, both encodings, stray bytes, BOMs.
_FRAGMENTS = st.sampled_from(
    [
        b"{",
        b"}",
        b"[",
        b"]",
        b'"kind"',
        b":",
        b",",
        b'"policy"',
        b'"enterprise"',
        b"1e400",
        b"NaN",
        b"-0",
        b"null",
        b"\xef\xbb\xbf",
        b"\xff",
        b"\x80",
        b"\xe4\xb8",
        "拉萨".encode("gb18030"),
        "拉萨".encode(),
        b" ",
        b"\t",
        b"\r",
        b"\n",
        b"\x00",
        b"\\",
        b'"',
        b'"uscc": "91540100MA6T1A2B36"',
    ]
)
_BYTES = st.one_of(
    st.binary(max_size=2048),
    st.lists(_FRAGMENTS, max_size=60).map(b"".join),
    st.lists(st.one_of(_FRAGMENTS, st.binary(max_size=8)), max_size=40).map(b"".join),
)


@settings(max_examples=150, deadline=None)
@given(_BYTES)
def test_arbitrary_bytes_yield_one_result_per_non_blank_line(data: bytes) -> None:
    _check_stream(data)


_KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(KINDS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=6),
    max_leaves=25,
)
_RECORDISH = st.builds(
    lambda kind, rest: {"kind": kind, **rest},
    st.sampled_from(KINDS),
    st.dictionaries(_KEYS, _JSON, max_size=8),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_JSON, _RECORDISH), min_size=1, max_size=8), st.booleans())
def test_arbitrary_json_values_yield_one_result_each(values: list[Any], ascii_only: bool) -> None:
    lines = [json.dumps(value, ensure_ascii=ascii_only) for value in values]
    data = "\n".join(lines).encode("utf-8")
    _check_stream(data)
    results = _run(VALIDATORS[0], data)
    for result, value, line in zip(results, values, lines, strict=True):
        assert ("SCH001" in _rules(result)) == (not _is_object(line))
        if isinstance(value, dict) and "SCH001" not in _rules(result):
            assert result.kind == (value.get("kind") if value.get("kind") in KINDS else None)


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location inside a record, objects and lists included."""
    found = [here] if here else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found += _paths(value, (*here, position))
    return found


def _put(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


_ODD_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            0,
            -1,
            10**30,
            "",
            "0",
            "-0.01",
            "1e400",
            "0.001",
            "2025-02-30",
            "0001-01-01",
            "9999-12-31",
            "2025-06-01T25:00:00",
            True,
            [],
            {},
            "91540100MA6T1A2B37",
            "540102198802300011",
        ]
    ),
    st.dates().map(date.isoformat),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.integers(),
    st.text(max_size=10),
)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_valid_records_with_odd_field_values_never_crash_a_rule(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(KINDS))
    record = factories.record(kind)
    for path in data.draw(st.lists(st.sampled_from(_paths(record)), min_size=1, max_size=3)):
        try:
            _put(record, path, data.draw(_ODD_VALUES))
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change replaced the object this path went through
    for validator in VALIDATORS:
        result = validator.validate(record)
        assert result.index == 0
        assert "SCH001" not in _rules(result)
        _assert_no_rule_crashed(result)
