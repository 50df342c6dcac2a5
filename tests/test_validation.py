"""Tests of the validate pipeline: decode, duplicate keys, kind, parse, rules, masking.

Exact findings are asserted with the structural and identity families selected (SCH, ENT),
so that these tests do not depend on the other rule families.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import azx_core
import azx_core.io
from azx_core import RecordResult, Validator
from azx_core.errors import UnknownRule
from azx_core.io import RawRecord
from azx_core.testing import factories

STRUCTURE = Validator("national", select=["SCH", "ENT"])
STRUCTURE_EN = Validator("national", select=["SCH", "ENT"], lang="en")
UNMASKED = Validator("national", select=["SCH", "ENT"], show_personal_data=True)
EVERYTHING = Validator("national")

GOOD_USCC = "91540100MA6T1A2B36"
BAD_USCC = "91540100MA6T1A2B37"  # check character should be 6
GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310021"  # check character should be X
MASKED_GOOD_ID = "110105********002X"
MASKED_BAD_ID = "110105********0021"


def rules_of(result: RecordResult) -> list[tuple[str, str]]:
    """(rule, path) of every finding, in order."""
    return [(f.rule, f.path) for f in result.findings]


def check(record: Any, **options: Any) -> RecordResult:
    """Validate with the SCH and ENT families only."""
    return STRUCTURE.validate(record, **options)


def enterprise_text(**fields: Any) -> str:
    """An enterprise record as JSON text."""
    return json.dumps(factories.enterprise(**fields), ensure_ascii=False)


# A record with several problems at once: each is reported under its own rule.


def test_broken_uscc_misspelt_key_and_duplicated_key_are_reported_together() -> None:
    text = (
        '{"kind": "enterprise", "uscc": "91540100MA6T1A2B37", "name": "甲公司",'
        ' "name": "甲公司", "industry": "construction", "region": "540102",'
        ' "employee_count": 120, "employe_count": 120, "status": "operating"}'
    )

    result = check(text)

    assert sorted(rules_of(result)) == [
        ("ENT001", "uscc"),
        ("SCH003", "employe_count"),
        ("SCH004", "name"),
    ]
    assert result.kind == "enterprise"
    assert result.key == BAD_USCC
    assert not result.valid


def test_combined_case_also_holds_with_every_rule_enabled() -> None:
    text = enterprise_text(uscc=BAD_USCC, employe_count=1).replace(
        '"name":', '"name": "重复", "name":', 1
    )

    found = {f.rule for f in EVERYTHING.validate(text).findings}

    assert {"ENT001", "SCH003", "SCH004"} <= found


# Every factory record passes.


@pytest.mark.parametrize("kind", sorted(factories.FACTORIES))
def test_factory_records_are_valid(kind: str) -> None:
    result = check(factories.FACTORIES[kind]())

    assert result.findings == ()
    assert result.valid
    assert result.kind == kind
    assert result.key


@pytest.mark.parametrize(
    ("kind", "key"),
    [
        ("enterprise", GOOD_USCC),
        ("policy", "AZX-2025-540100-0001"),
        ("service_plan", "SP-2025-0001"),
        ("service_record", "SR-2025-0001"),
        ("complaint", "CP-2025-0001"),
        ("fee_ledger", f"{GOOD_USCC}/2025"),
    ],
)
def test_result_key_names_the_record(kind: str, key: str) -> None:
    assert check(factories.FACTORIES[kind]()).key == key


# Identifiers inside records (ENT001-ENT004).


@pytest.mark.parametrize(
    "code",
    ["91350100M000100Y43", "N2540102MA6T1A2B3J", "A1110000MB0000001M", "Y1110000MC00000127"],
)
def test_valid_uscc_of_any_authority_passes_in_a_record(code: str) -> None:
    assert check(factories.enterprise(uscc=code)).findings == ()


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (BAD_USCC, "uscc_check_character"),
        ("N2540102MA6T1A2B3K", "uscc_check_character"),
        ("91540100MA6T1A2B3", "uscc_length"),
        ("91540100MA6T1A2BI6", "uscc_alphabet"),
        ("B1540100MA6T1A2B36", "uscc_authority"),
    ],
)
def test_bad_uscc_is_ent001_with_its_code(code: str, error: str) -> None:
    result = check(factories.enterprise(uscc=code))

    assert rules_of(result) == [("ENT001", "uscc")]
    assert result.findings[0].params["code"] == error
    assert result.key == code


def test_bad_uscc_of_a_policyholder_and_of_a_ledger_is_ent001() -> None:
    holder = factories.enterprise(uscc=BAD_USCC)

    assert rules_of(check(factories.policy(policyholder=holder))) == [
        ("ENT001", "policyholder.uscc")
    ]
    assert rules_of(check(factories.fee_ledger(uscc=BAD_USCC))) == [("ENT001", "uscc")]


@pytest.mark.parametrize("number", [GOOD_ID, "540102198803150011"])
def test_valid_resident_ids_pass_in_a_roster(number: str) -> None:
    persons = [factories.insured_person(1, id_number=number)]

    assert check(factories.policy(insured_persons=persons)).findings == ()


@pytest.mark.parametrize(
    ("number", "error"),
    [
        (BAD_ID, "resident_id_check_character"),
        ("110105194902300021", "resident_id_birth_date"),
        ("11010519491231002", "resident_id_length"),
    ],
)
def test_bad_resident_id_is_ent002_with_its_code(number: str, error: str) -> None:
    persons = [factories.insured_person(1), factories.insured_person(2, id_number=number)]

    result = check(factories.policy(insured_persons=persons))

    assert rules_of(result) == [("ENT002", "insured_persons[1].id_number")]
    assert result.findings[0].params["code"] == error


def test_unknown_division_code_is_an_ent003_warning() -> None:
    result = check(factories.enterprise(region="549999"))

    assert rules_of(result) == [("ENT003", "region")]
    assert result.valid


# The xizang profile (it enables POL005, so it needs the POL family to load).

XIZANG = Validator("xizang", select=["SCH", "ENT"])


def test_xizang_flags_a_unit_registered_outside_tibet() -> None:
    result = XIZANG.validate(factories.enterprise(region="110105"))

    assert rules_of(result) == [("ENT004", "region")]
    finding = next(f for f in result.findings if f.rule == "ENT004")
    assert finding.severity.value == "warning"
    assert finding.reference == "藏应急〔2025〕29号 三(七)"


def test_xizang_accepts_a_unit_registered_in_lhasa() -> None:
    assert XIZANG.validate(factories.enterprise()).findings == ()


def test_national_profile_has_no_region_scope() -> None:
    assert rules_of(check(factories.enterprise(region="110105"))) == []


# Input forms.


def test_json_text_bytes_mapping_and_model_give_the_same_findings() -> None:
    record = factories.enterprise(uscc=BAD_USCC)
    text = json.dumps(record, ensure_ascii=False)
    forms = [record, text, text.encode("utf-8"), factories.build("enterprise", uscc=BAD_USCC)]

    assert {tuple(rules_of(check(form))) for form in forms} == {(("ENT001", "uscc"),)}


def test_raw_record_supplies_its_source() -> None:
    raw = RawRecord("data.jsonl:7", text=enterprise_text())

    result = check(raw, index=6)

    assert result.source == "data.jsonl:7"
    assert result.index == 6


def test_index_and_source_are_passed_through() -> None:
    result = check(factories.enterprise(), index=3, source="x.json:12")

    assert (result.index, result.source) == (3, "x.json:12")


def test_module_level_validate_uses_the_national_profile() -> None:
    result = azx_core.validate(factories.enterprise(uscc=BAD_USCC))

    assert "ENT001" in {f.rule for f in result.findings}


def test_validator_exposes_its_profile() -> None:
    assert STRUCTURE.profile.name == "national"


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(UnknownRule):
        Validator("national", select=["ENT999"])


# SCH001: undecodable records.


@pytest.mark.parametrize(
    ("record", "detail"),
    [
        ('{"kind": "enterprise", "uscc": ', "not valid JSON"),
        ("not json", "not valid JSON"),
        ('{"premium": NaN}', "NaN"),
        ("[1, 2]", "not list"),
        ('"text"', "not str"),
        ("null", "not null"),
        ("7", "not int"),
        (None, "not null"),
        (7, "not int"),
        ([factories.enterprise()], "not list"),
        (b"\xff\xfe{}", "utf-8"),
    ],
)
def test_undecodable_record_is_sch001(record: Any, detail: str) -> None:
    result = check(record, source="in.jsonl:4")

    assert rules_of(result) == [("SCH001", "")]
    assert detail in result.findings[0].message
    assert result.source == "in.jsonl:4"
    assert result.kind is None
    assert not result.valid


def test_reader_error_is_sch001_with_its_source() -> None:
    result = check(RawRecord("in.jsonl:2", error="not valid utf-8 text at byte 5"))

    assert rules_of(result) == [("SCH001", "")]
    assert result.source == "in.jsonl:2"
    assert "byte 5" in result.findings[0].params["detail"]


@pytest.mark.parametrize("ignore", [["SCH"], ["SCH001"], ["SCH", "ENT"]])
def test_sch001_cannot_be_ignored(ignore: list[str]) -> None:
    result = Validator("national", ignore=ignore).validate("{bad")

    assert [f.rule for f in result.findings] == ["SCH001"]


def test_sch001_survives_a_selection_without_it() -> None:
    result = Validator("national", select=["ENT001"]).validate("{bad")

    assert [f.rule for f in result.findings] == ["SCH001"]


# SCH002: schema violations.


def test_each_schema_problem_is_its_own_finding_with_its_type() -> None:
    result = check(factories.enterprise(employee_count="many", region="54"))

    found = {(f.path, f.params["type"]) for f in result.findings if f.rule == "SCH002"}
    assert found == {("employee_count", "int_parsing"), ("region", "string_pattern_mismatch")}


def test_missing_required_field_is_sch002_missing() -> None:
    record = factories.enterprise()
    del record["name"]

    result = check(record)

    assert rules_of(result) == [("SCH002", "name")]
    assert result.findings[0].params["type"] == "missing"
    assert "缺少必填字段" in result.findings[0].message


def test_message_is_english_on_request() -> None:
    record = factories.enterprise()
    del record["name"]

    message = STRUCTURE_EN.validate(record).findings[0].message

    assert message.startswith("Field name violates the schema")
    assert not any("\u4e00" <= char <= "\u9fff" for char in message)


def test_enterprise_without_any_identity_is_sch002() -> None:
    result = check(factories.enterprise(uscc=None))

    assert [f.params.get("type") for f in result.findings] == ["identity_missing"]


def test_nested_schema_problem_carries_the_full_path() -> None:
    record = factories.policy()
    record["coverages"][0]["per_person_limit"] = "12.345"

    result = check(record)

    assert rules_of(result) == [("SCH002", "coverages[0].per_person_limit")]
    assert result.findings[0].params["type"] == "decimal_max_places"


def test_impossible_date_is_sch002() -> None:
    result = check(factories.policy(start="2025-02-30"))

    assert rules_of(result) == [("SCH002", "start")]


def test_record_with_schema_errors_has_no_rule_findings() -> None:
    # ENT001 would fire on the bad code, but the record does not parse.
    result = check(factories.enterprise(uscc=BAD_USCC, employee_count=-1))

    assert rules_of(result) == [("SCH002", "employee_count")]
    assert result.key == BAD_USCC


# Kind.


def test_record_without_kind_and_no_default_is_sch002_kind_missing() -> None:
    record = factories.enterprise()
    del record["kind"]

    result = check(record)

    assert rules_of(result) == [("SCH002", "kind")]
    assert result.findings[0].params["type"] == "kind_missing"
    assert result.kind is None


def test_default_kind_applies_to_records_without_one() -> None:
    record = factories.enterprise(uscc=BAD_USCC)
    del record["kind"]

    result = check(record, kind="enterprise")

    assert result.kind == "enterprise"
    assert rules_of(result) == [("ENT001", "uscc")]


def test_record_kind_wins_over_the_default() -> None:
    result = check(factories.complaint(), kind="enterprise")

    assert result.kind == "complaint"
    assert result.findings == ()


@pytest.mark.parametrize("kind", ["spaceship", ["policy"], 7, ""])
def test_unknown_kind_is_sch002_kind_unknown(kind: Any) -> None:
    result = check({"kind": kind, "name": "x"})

    assert rules_of(result) == [("SCH002", "kind")]
    assert result.findings[0].params["type"] == "kind_unknown"
    assert result.kind is None


# SCH003: unknown keys are reported and the rest is still checked.


def test_unknown_key_is_reported_and_the_rules_still_run() -> None:
    result = check(factories.enterprise(uscc=BAD_USCC, colour="red"))

    assert sorted(rules_of(result)) == [("ENT001", "uscc"), ("SCH003", "colour")]


def test_unknown_keys_in_nested_objects_and_lists_carry_their_paths() -> None:
    record = factories.policy()
    record["policyholder"]["uscc"] = BAD_USCC
    record["policyholder"]["colour"] = "red"
    record["coverages"][1]["note"] = "x"

    result = check(record)

    assert sorted(rules_of(result)) == [
        ("ENT001", "policyholder.uscc"),
        ("SCH003", "coverages[1].note"),
        ("SCH003", "policyholder.colour"),
    ]
    assert result.key == "AZX-2025-540100-0001"


def test_unknown_key_alone_is_a_warning_so_the_record_stays_valid() -> None:
    result = check(factories.enterprise(employe_count=120))

    assert rules_of(result) == [("SCH003", "employe_count")]
    assert result.findings[0].severity.value == "warning"
    assert result.valid


def test_unknown_key_and_schema_error_are_both_reported() -> None:
    result = check(factories.enterprise(colour="red", employee_count="many"))

    assert sorted(rules_of(result)) == [("SCH002", "employee_count"), ("SCH003", "colour")]


def test_unknown_key_message_names_the_key_and_the_kind() -> None:
    finding = check(factories.enterprise(employe_count=1)).findings[0]

    assert "employe_count" in finding.message
    assert "enterprise" in finding.message


def test_unknown_key_can_be_ignored() -> None:
    result = Validator("national", ignore=["SCH003"]).validate(factories.enterprise(colour="x"))

    assert "SCH003" not in {f.rule for f in result.findings}


# SCH004: duplicate keys.


def test_duplicate_key_is_reported_with_its_path() -> None:
    text = enterprise_text().replace('"region":', '"region": "540102", "region":', 1)

    assert rules_of(check(text)) == [("SCH004", "region")]


def test_nested_duplicate_key_carries_its_path() -> None:
    text = json.dumps(factories.policy(), ensure_ascii=False).replace(
        '"per_person_limit": "50000"', '"per_person_limit": "50000", "per_person_limit": "1"', 1
    )

    assert rules_of(check(text)) == [("SCH004", "coverages[1].per_person_limit")]


def test_the_last_of_repeated_values_is_the_one_checked() -> None:
    good_last = enterprise_text().replace('"uscc":', f'"uscc": "{BAD_USCC}", "uscc":', 1)
    bad_last = enterprise_text(uscc=BAD_USCC).replace(
        '"uscc":', f'"uscc": "{GOOD_USCC}", "uscc":', 1
    )

    assert rules_of(check(good_last)) == [("SCH004", "uscc")]
    assert rules_of(check(bad_last)) == [("SCH004", "uscc"), ("ENT001", "uscc")]


def test_repeated_csv_column_is_sch004() -> None:
    raw = RawRecord("a.csv:2", data=factories.enterprise(), duplicates=("name",))

    assert rules_of(check(raw)) == [("SCH004", "name")]


def test_json_number_is_read_exactly_not_through_binary_floating_point() -> None:
    # As a float, 96000.000000000001 would round to 96000.0 and pass; it has 12 decimals.
    text = json.dumps(factories.policy()).replace('"96000.00"', "96000.000000000001", 1)

    result = check(text)

    assert rules_of(result) == [("SCH002", "premium")]
    assert result.findings[0].params["type"] == "decimal_max_places"


def test_json_number_beyond_float_precision_keeps_its_last_digits() -> None:
    text = json.dumps(factories.policy()).replace('"96000.00"', "0.1000000000000000055", 1)

    assert rules_of(check(text)) == [("SCH002", "premium")]


def test_colons_in_values_are_not_duplicates() -> None:
    text = json.dumps(factories.service_record(), ensure_ascii=False)
    assert ":" in json.loads(text)["started_at"]

    assert check(text).findings == ()


# One result per record, always.

GARBAGE: list[Any] = [
    factories.enterprise(),
    "{bad",
    None,
    b"\xff",
    "[]",
    {"kind": "spaceship"},
    {"no": "kind"},
    RawRecord("f:8", error="not valid gb18030 text at byte 0"),
    factories.policy(start="2025-02-30"),
    42,
    enterprise_text(uscc=BAD_USCC),
]


def test_validate_many_yields_one_result_per_record_in_order() -> None:
    results = list(EVERYTHING.validate_many(GARBAGE, source="batch"))

    assert len(results) == len(GARBAGE)
    assert [r.index for r in results] == list(range(len(GARBAGE)))
    assert results[0].source == "batch:1"
    assert results[7].source == "f:8"
    assert all(r.findings for r in results[1:])


def test_validate_many_is_lazy() -> None:
    def records() -> Iterator[Any]:
        yield factories.enterprise()
        yield factories.complaint()
        raise AssertionError("read past what was asked for")

    first_two = list(itertools.islice(STRUCTURE.validate_many(records()), 2))

    assert [r.kind for r in first_two] == ["enterprise", "complaint"]


def test_module_level_validate_many_streams_results() -> None:
    results = azx_core.validate_many(iter(["{bad", factories.enterprise()]))

    assert [r.valid for r in results] == [False, True]


def test_run_yields_one_result_per_record_and_counts_them() -> None:
    run = EVERYTHING.run(GARBAGE)

    results = list(run)
    batch = run.finish()

    assert len(results) == len(GARBAGE)
    assert run.summary.records == len(GARBAGE)
    assert run.summary.valid + run.summary.invalid == len(GARBAGE)
    assert run.summary.invalid >= len(GARBAGE) - 1
    assert isinstance(batch, list)
    assert run.finish() is batch


def test_run_summary_counts_errors_and_warnings() -> None:
    run = STRUCTURE.run(
        [factories.enterprise(uscc=BAD_USCC, colour="x"), factories.enterprise(), "{bad"]
    )
    list(run)
    run.finish()

    summary = run.summary.to_dict()
    assert summary == {
        "records": 3,
        "valid": 1,
        "invalid": 2,
        "errors": 2,
        "warnings": 1,
        "not_checked": 0,
    }


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_yields_exactly_one_result_with_a_finding(text: str) -> None:
    result = STRUCTURE.validate(text)

    assert isinstance(result, RecordResult)
    assert result.findings


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=200))
def test_any_bytes_yield_exactly_one_result_with_a_finding(data: bytes) -> None:
    assert STRUCTURE.validate(data).findings


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=15,
)


@settings(max_examples=100, deadline=None)
@given(
    kind=st.sampled_from(sorted(factories.FACTORIES)),
    extra=st.dictionaries(
        st.sampled_from(["uscc", "name", "start", "items", "lines", "policyholder", "reply", "x"]),
        JSON_VALUES,
        max_size=3,
    ),
)
def test_mangled_records_never_raise(kind: str, extra: dict[str, Any]) -> None:
    record = {**factories.FACTORIES[kind](), **extra}

    result = EVERYTHING.validate(record)

    assert result.kind in {kind, None}


NUMBER_LITERALS = [
    "0",
    "-1",
    "96000.5",
    "96000.000000000001",
    "99999999999999.99",
    "1e400",
    "1E2",
    "0.1000000000000000055",
    "12345678901234567890",
]
PLAIN_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 200),
    st.sampled_from(["", "x", "2025-02-30", "2025-06-01", "96000.00", "540102", BAD_USCC]),
    st.just([]),
    st.just({}),
)


def literal(index: int) -> str:
    """A placeholder that `splice` turns into a raw JSON number."""
    return f"@@number{index}@@"


def splice(text: str) -> str:
    """Replace the number placeholders of `literal` with the numbers themselves."""
    for index, number in enumerate(NUMBER_LITERALS):
        text = text.replace(json.dumps(literal(index)), number)
    return text


@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(sorted(factories.FACTORIES)), data=st.data())
def test_json_text_and_its_decoded_mapping_get_the_same_findings(
    kind: str, data: st.DataObject
) -> None:
    record = factories.FACTORIES[kind]()
    values = st.one_of(st.integers(0, len(NUMBER_LITERALS) - 1).map(literal), PLAIN_VALUES)
    for _ in range(data.draw(st.integers(1, 3))):
        record[data.draw(st.sampled_from([*record, "extra_field"]))] = data.draw(values)
    text = splice(json.dumps(record, ensure_ascii=False))

    from_text = EVERYTHING.validate(text)
    from_mapping = EVERYTHING.validate(azx_core.io.loads(text))

    assert from_text.findings == from_mapping.findings
    assert (from_text.kind, from_text.key) == (from_mapping.kind, from_mapping.key)


def object_keys(value: Any, where: tuple[str | int, ...] = ()) -> list[tuple[Any, ...]]:
    """(path of the object, key) for every key of every object inside `value`."""
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((where, key))
            found.extend(object_keys(item, (*where, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(object_keys(item, (*where, index)))
    return found


def dump_repeating(
    value: Any, target: tuple[Any, ...], first: Any, where: tuple[Any, ...] = ()
) -> str:
    """JSON text of `value` where the key `target` is preceded by a copy holding `first`."""
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if (where, key) == target:
                parts.append(f"{json.dumps(key)}: {json.dumps(first)}")
            parts.append(f"{json.dumps(key)}: {dump_repeating(item, target, first, (*where, key))}")
        return "{" + ", ".join(parts) + "}"
    if isinstance(value, list):
        items = (dump_repeating(v, target, first, (*where, i)) for i, v in enumerate(value))
        return "[" + ", ".join(items) + "]"
    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(sorted(factories.FACTORIES)), data=st.data())
def test_any_repeated_key_is_found_exactly_once_and_the_last_value_wins(
    kind: str, data: st.DataObject
) -> None:
    record = factories.FACTORIES[kind]()
    where, key = data.draw(st.sampled_from(object_keys(record)))
    text = dump_repeating(record, (where, key), data.draw(PLAIN_VALUES))

    result = check(text)

    assert rules_of(result) == [("SCH004", azx_core.io.path_of((*where, key)))]
    assert result.kind == kind


# Personal data is masked unless the caller opts in.


def test_bad_resident_id_is_masked_in_message_and_params() -> None:
    record = factories.policy(insured_persons=[factories.insured_person(1, id_number=BAD_ID)])

    finding = check(record).findings[0]

    assert (finding.rule, finding.path) == ("ENT002", "insured_persons[0].id_number")
    assert BAD_ID not in finding.message
    assert MASKED_BAD_ID in finding.message
    assert finding.params["id_number"] == MASKED_BAD_ID


def test_whole_result_holds_no_unmasked_id_number() -> None:
    persons = [factories.insured_person(1, id_number=BAD_ID), factories.insured_person(2)]
    record = factories.policy(insured_persons=persons)

    written = json.dumps(check(record).to_dict(), ensure_ascii=False)

    assert BAD_ID not in written
    assert persons[1]["id_number"] not in written


def test_operator_id_number_as_key_is_masked() -> None:
    result = check(factories.enterprise(uscc=None, operator_id_number=GOOD_ID))

    assert result.valid
    assert result.key == MASKED_GOOD_ID


def test_operator_id_number_as_key_of_an_unparsed_record_is_masked() -> None:
    record = factories.enterprise(uscc=None, operator_id_number=GOOD_ID)
    del record["name"]

    assert check(record).key == MASKED_GOOD_ID


def test_bad_operator_id_number_is_masked() -> None:
    result = check(factories.enterprise(uscc=None, operator_id_number=BAD_ID))

    assert rules_of(result) == [("ENT002", "operator_id_number")]
    assert BAD_ID not in json.dumps(result.to_dict(), ensure_ascii=False)


def test_phone_number_in_a_message_is_masked() -> None:
    finding = check({"kind": "13800138000"}).findings[0]

    assert "13800138000" not in finding.message
    assert finding.params["kind"] == "138****8000"


def test_show_personal_data_writes_numbers_in_full() -> None:
    record = factories.policy(insured_persons=[factories.insured_person(1, id_number=BAD_ID)])

    finding = UNMASKED.validate(record).findings[0]

    assert BAD_ID in finding.message
    assert finding.params["id_number"] == BAD_ID


def test_show_personal_data_writes_the_key_in_full() -> None:
    result = UNMASKED.validate(factories.enterprise(uscc=None, operator_id_number=GOOD_ID))

    assert result.key == GOOD_ID
