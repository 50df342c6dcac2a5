"""Tests of exact JSON decoding in `azx_core.io.decode`: numbers, limits, duplicate keys."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azx_core.io import decode
from azx_core.io.decode import DecodeError, duplicate_keys, loads, path_of


def duplicates(text: str) -> list[str]:
    """Decode `text` and return its repeated keys."""
    return duplicate_keys(text, loads(text))


class Refuse:
    """Stands in for a slow path that the fast path must not reach."""

    def decode(self, text: str) -> Any:
        raise AssertionError("the full duplicate check ran")

    def finditer(self, text: str) -> Any:
        raise AssertionError("the key scan ran")


# Numbers.


def test_fractions_decode_as_exact_decimals() -> None:
    value = loads('{"premium": 0.1, "share": 0.30}')

    assert value == {"premium": Decimal("0.1"), "share": Decimal("0.30")}
    assert isinstance(value["premium"], Decimal)


def test_integers_stay_integers() -> None:
    assert loads('{"employee_count": 120}') == {"employee_count": 120}
    assert type(loads("120")) is int


def test_exponent_beyond_float_range_stays_a_finite_decimal() -> None:
    value = loads("1e400")

    assert value == Decimal("1E+400")
    assert value.is_finite()


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", '{"premium": NaN}'])
def test_nan_and_infinity_are_rejected(text: str) -> None:
    with pytest.raises(DecodeError, match="not a JSON number"):
        loads(text)


def test_integer_with_5000_digits_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        loads('{"premium": ' + "1" + "0" * 5000 + "}")


def test_integer_with_4000_digits_still_decodes() -> None:
    assert loads("1" + "0" * 3999) == 10**3999


@pytest.mark.parametrize("depth", [100_000, 5000])
def test_deep_nesting_is_a_decode_error(depth: int) -> None:
    with pytest.raises(DecodeError, match="nest too deeply"):
        loads('{"a": ' * depth + "1" + "}" * depth)


def test_deep_arrays_are_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="nest too deeply"):
        loads("[" * 100_000 + "]" * 100_000)


def test_moderate_nesting_decodes() -> None:
    value = loads('{"a": ' * 200 + "1" + "}" * 200)

    for _ in range(200):
        value = value["a"]
    assert value == 1


@pytest.mark.parametrize(
    "text", ['{"kind": "policy"', '{"kind": policy}', "", "{'kind': 1}", '{"a": 1} x']
)
def test_invalid_json_is_a_decode_error_with_its_position(text: str) -> None:
    with pytest.raises(DecodeError, match=r"line 1 column \d+"):
        loads(text)


@pytest.mark.parametrize(
    "text", ['{"name": "\\ud800"}', '{"\\udc00": 1}', '["a", ["\\udbff x"]]', '"\\ude00\\ud83d"']
)
def test_lone_surrogate_escapes_are_rejected(text: str) -> None:
    with pytest.raises(DecodeError, match="lone surrogate"):
        loads(text)


def test_paired_surrogate_escapes_are_one_character() -> None:
    assert loads('{"name": "\\ud83d\\ude00"}') == {"name": "\U0001f600"}


def test_escaped_backslash_before_u_is_not_a_surrogate() -> None:
    assert loads('{"path": "C:\\\\ud800"}') == {"path": "C:\\ud800"}


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)


def test_huge_string_decodes() -> None:
    text = json.dumps({"name": "x" * 10_000_000})

    assert len(loads(text)["name"]) == 10_000_000


# Paths.


@pytest.mark.parametrize(
    ("parts", "path"),
    [
        ((), ""),
        (("uscc",), "uscc"),
        (("coverages", 0, "per_person_limit"), "coverages[0].per_person_limit"),
        (
            ("policyholder", "employees_by_type", "regular"),
            "policyholder.employees_by_type.regular",
        ),
        (("items", 1, "measures", 0), "items[1].measures[0]"),
        ((0, "a"), "[0].a"),
    ],
)
def test_path_of_writes_dotted_and_indexed_locations(
    parts: tuple[str | int, ...], path: str
) -> None:
    assert path_of(parts) == path


# Duplicate keys.


def test_record_without_repeated_keys_has_none() -> None:
    assert duplicates('{"kind": "enterprise", "name": "某公司", "employee_count": 3}') == []


def test_repeated_top_level_key_is_found() -> None:
    assert duplicates('{"name": "甲", "uscc": "x", "name": "乙"}') == ["name"]


def test_key_repeated_three_times_is_reported_once() -> None:
    assert duplicates('{"a": 1, "a": 2, "a": 3}') == ["a"]


def test_repeated_keys_in_nested_objects_and_arrays_carry_their_paths() -> None:
    text = (
        '{"policyholder": {"name": "甲", "name": "乙"},'
        ' "coverages": [{"kind": "x"}, {"kind": "y", "kind": "z"}]}'
    )

    assert duplicates(text) == ["coverages[1].kind", "policyholder.name"]


def test_same_key_in_sibling_objects_is_not_a_duplicate() -> None:
    assert duplicates('{"a": {"x": 1}, "b": {"x": 2}, "c": [{"x": 3}, {"x": 4}]}') == []


def test_keys_that_differ_only_in_escapes_are_duplicates() -> None:
    assert duplicates('{"a": 1, "\\u0061": 2}') == ["a"]


def test_colons_in_values_are_not_mistaken_for_keys() -> None:
    text = '{"started_at": "2025-07-08T09:30:00+08:00", "url": "http://a.example:8080/x"}'

    assert duplicates(text) == []


def test_colon_in_a_key_is_not_mistaken_for_a_second_key() -> None:
    assert duplicates('{"a:b": 1, "c": 2}') == []
    assert duplicates('{"a:b": 1, "a:b": 2}') == ["a:b"]


def test_escaped_quote_before_a_colon_inside_a_value_is_not_a_key() -> None:
    # The value is the text  x": ; a naive scan would see a second key there.
    assert duplicates('{"a": "x\\": ", "b": 1}') == []
    assert duplicates('{"a": "x\\": ", "a": 1}') == ["a"]


def test_duplicate_among_values_with_colons_is_still_found() -> None:
    text = '{"t": "09:30", "t": "10:30", "u": "a:b"}'

    assert duplicates(text) == ["t"]


def test_colon_free_values_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "_STRING", Refuse())
    monkeypatch.setattr(decode, "_pair_decoder", Refuse())

    assert duplicates('{"kind": "enterprise", "nested": {"a": [1, {"b": 2}]}}') == []


def test_values_with_colons_are_cleared_by_the_key_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "_pair_decoder", Refuse())

    assert duplicates('{"started_at": "2025-07-08T09:30:00", "a": {"b": "c:d"}}') == []


def test_only_a_repeated_key_reaches_the_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "_pair_decoder", Refuse())

    with pytest.raises(AssertionError, match="full duplicate check"):
        duplicates('{"a": 1, "a": 2}')


def test_scalar_and_array_values_have_no_keys() -> None:
    assert duplicates("[1, 2, 3]") == []
    assert duplicates('"a:b"') == []


# Property: the exact check agrees with a decoder that keeps every pair.

KEYS = st.sampled_from(["a", "b", "a:b", 'q"', "键", "\\", " "])
SCALARS = st.one_of(
    st.integers(-5, 5),
    st.sampled_from(["", ":", "a:b", '":', "\\", "09:30", "x\\"]),
    st.booleans(),
    st.none(),
)


def pairs_strategy() -> st.SearchStrategy[Any]:
    """JSON objects as lists of (key, value) pairs, so that keys may repeat."""
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.lists(st.tuples(KEYS, inner), max_size=4).map(Pairs),
        ),
        max_leaves=12,
    )


class Pairs(list[tuple[str, Any]]):
    """An object written with its pairs as given, repeats included."""


def render(value: Any) -> str:
    """Write `value` as JSON text, keeping repeated keys."""
    if isinstance(value, Pairs):
        return "{" + ", ".join(f"{json.dumps(k)}: {render(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render(v) for v in value) + "]"
    return json.dumps(value)


def expected_duplicates(value: Any, where: tuple[str | int, ...] = ()) -> list[str]:
    """The repeated keys of `value`, computed from its pairs directly."""
    found: list[str] = []
    if isinstance(value, Pairs):
        seen: dict[str, Any] = {}
        for key, item in value:
            if key in seen and path_of((*where, key)) not in found:
                found.append(path_of((*where, key)))
            seen[key] = item
        for key, item in seen.items():
            found.extend(expected_duplicates(item, (*where, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(expected_duplicates(item, (*where, index)))
    return found


@settings(max_examples=300, deadline=None)
@given(value=pairs_strategy())
def test_duplicate_keys_agree_with_a_pair_by_pair_count(value: Any) -> None:
    text = render(value)

    assert duplicates(text) == sorted(expected_duplicates(value))


@settings(max_examples=100, deadline=None)
@given(
    value=st.recursive(
        st.one_of(st.text(max_size=5), st.integers()),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=10,
    )
)
def test_text_written_by_json_dumps_never_has_duplicates(value: Any) -> None:
    assert duplicates(json.dumps(value)) == []
