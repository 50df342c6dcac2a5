"""Tests of profiles and dated parameters: loading, merging, timelines, loader errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from azx_core import Validator
from azx_core.errors import AzxError, ParameterError, ProfileError
from azx_core.params import (
    ParameterValue,
    Reference,
    Timeline,
    definitions,
    load_profile,
    shipped_profiles,
)

HEAD = """
[profile]
name = "test-region"
title_zh = "测试地区"
title_en = "Test region"
"""

VALUE = """
[[parameters.death_disability_floor]]
from = 2025-03-29
value = "800000"
reference = { document = "某地方文件", article = "第三条" }
last_confirmed = 2026-12-01
confidence = "provisional"
"""


def write(folder: Path, text: str, name: str = "custom.toml") -> Path:
    """Write a profile file and return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def value_of(profile: str | Path, name: str, day: date) -> ParameterValue | None:
    """The value of parameter `name` on `day` under `profile`."""
    timeline = load_profile(profile).parameters.get(name)
    return timeline.at(day) if timeline is not None else None


# Shipped profiles.


def test_national_and_xizang_profiles_ship() -> None:
    assert {"national", "xizang"} <= set(shipped_profiles())


def test_every_declared_parameter_has_a_known_type() -> None:
    found = definitions()

    assert found["death_disability_floor"].type == "money"
    assert found["commission_cap"].type == "rate"
    assert found["complaint_reply_working_days"].type == "count"
    assert all(d.type in {"money", "rate", "count"} for d in found.values())
    assert all(d.title_zh and d.title_en and d.unit for d in found.values())


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2018, 1, 1), Decimal(300000)),
        (date(2025, 3, 28), Decimal(300000)),
        (date(2025, 3, 29), Decimal(400000)),
        (date(2030, 1, 1), Decimal(400000)),
    ],
)
def test_national_floor_follows_its_dates(day: date, expected: Decimal) -> None:
    found = value_of("national", "death_disability_floor", day)

    assert found is not None
    assert found.value == expected


def test_lookup_before_the_first_value_finds_nothing() -> None:
    assert value_of("national", "death_disability_floor", date(2017, 12, 31)) is None


def test_none_records_a_period_without_requirement() -> None:
    before = value_of("national", "commission_cap", date(2024, 12, 31))
    after = value_of("national", "commission_cap", date(2025, 3, 29))

    assert before is not None
    assert before.value is None
    assert after is not None
    assert after.value == Decimal("0.05")


def test_every_value_carries_its_grounds() -> None:
    for timeline in load_profile("national").parameters.values():
        for value in timeline.values:
            assert value.reference.document
            assert isinstance(value.last_confirmed, date)
            assert value.confidence in {"confirmed", "provisional"}


def test_counts_are_whole_numbers() -> None:
    found = value_of("national", "complaint_reply_working_days", date(2025, 1, 1))

    assert found is not None
    assert found.value == 10


def test_national_profile_sets_no_record_compile_deadline() -> None:
    assert value_of("national", "record_compile_working_days", date(2025, 1, 1)) is None


def test_xizang_extends_national_and_is_scoped_to_tibet() -> None:
    profile = load_profile("xizang")

    assert profile.extends == "national"
    assert profile.region_prefixes == ("54",)
    assert profile.covers_region("540102")
    assert not profile.covers_region("110105")
    assert "POL005" in profile.enable
    assert profile.scope_reference == Reference("藏应急〔2025〕29号", "三(七)")


def test_xizang_floor_uses_the_national_value_until_the_regional_notice() -> None:
    national = value_of("xizang", "death_disability_floor", date(2025, 4, 21))
    regional = value_of("xizang", "death_disability_floor", date(2025, 4, 22))

    assert national is not None
    assert national.profile == "national"
    assert national.value == Decimal(400000)
    assert regional is not None
    assert regional.profile == "xizang"
    assert regional.reference.document == "藏应急〔2025〕29号"


def test_xizang_inherits_every_other_national_parameter() -> None:
    xizang = load_profile("xizang").parameters
    national = load_profile("national").parameters

    assert set(xizang) == set(national)
    assert xizang["commission_cap"] == national["commission_cap"]


def test_unscoped_profile_covers_every_region() -> None:
    assert load_profile("national").covers_region("110105")


def test_shipped_profiles_load_once() -> None:
    assert load_profile("national") is load_profile("national")


# Timelines.


def make_value(start: date, value: int | None) -> ParameterValue:
    """A parameter value with placeholder grounds."""
    return ParameterValue(
        name="p",
        start=start,
        value=value,
        reference=Reference("文件"),
        last_confirmed=date(2026, 1, 1),
        confidence="confirmed",
        notes="",
        profile="t",
    )


def test_timeline_sorts_values_and_holds_each_until_the_next() -> None:
    later, earlier = make_value(date(2025, 1, 1), 2), make_value(date(2020, 1, 1), 1)
    timeline = Timeline.of("p", [later, earlier])

    assert timeline.first == date(2020, 1, 1)
    assert timeline.at(date(2019, 12, 31)) is None
    assert timeline.at(date(2020, 1, 1)) == earlier
    assert timeline.at(date(2024, 12, 31)) == earlier
    assert timeline.at(date(2025, 1, 1)) == later


def test_empty_timeline_has_no_first_date() -> None:
    timeline = Timeline.of("p", [])

    assert timeline.first is None
    assert timeline.at(date(2025, 1, 1)) is None


def test_reference_reads_as_document_and_article() -> None:
    assert str(Reference("应急〔2025〕27号", "第十五条")) == "应急〔2025〕27号 第十五条"
    assert str(Reference("GB 32100-2015")) == "GB 32100-2015"


# User profiles.


def test_user_profile_value_joins_the_parent_timeline(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + 'extends = "national"\n' + VALUE)

    replaced = value_of(path, "death_disability_floor", date(2025, 3, 29))
    inherited = value_of(path, "death_disability_floor", date(2025, 3, 28))

    assert replaced is not None
    assert replaced.value == Decimal(800000)
    assert replaced.profile == "test-region"
    assert inherited is not None
    assert inherited.value == Decimal(300000)
    assert inherited.profile == "national"


def test_replace_parameters_drops_the_parent_values(tmp_path: Path) -> None:
    text = HEAD + 'extends = "national"\nreplace_parameters = ["death_disability_floor"]\n'
    path = write(tmp_path, text + VALUE)

    assert value_of(path, "death_disability_floor", date(2025, 3, 28)) is None
    timeline = load_profile(path).parameters["death_disability_floor"]
    assert [v.value for v in timeline.values] == [Decimal(800000)]


def test_profile_without_parent_has_only_its_own_values(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, HEAD + VALUE))

    assert set(profile.parameters) == {"death_disability_floor"}
    assert profile.extends is None


def test_profile_may_extend_a_file_beside_it(tmp_path: Path) -> None:
    write(tmp_path, HEAD + 'extends = "national"\n' + VALUE, "base.toml")
    child = HEAD.replace("test-region", "child") + 'extends = "base.toml"\n'
    profile = load_profile(write(tmp_path, child, "child.toml"))

    assert profile.extends == "test-region"
    found = profile.parameters["death_disability_floor"].at(date(2026, 1, 1))
    assert found is not None
    assert found.value == Decimal(800000)


def test_rules_scope_and_severity_are_inherited_and_added(tmp_path: Path) -> None:
    text = (
        HEAD + 'extends = "xizang"\n[rules]\ndisable = ["ENT003"]\nseverity = { ENT003 = "info" }\n'
    )
    profile = load_profile(write(tmp_path, text))

    assert "POL005" in profile.enable
    assert profile.disable == ("ENT003",)
    assert profile.severity == {"ENT003": "info"}
    assert profile.region_prefixes == ("54",)


def test_user_profile_may_be_given_as_a_string_path(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)

    assert load_profile(str(path)).name == "test-region"


def test_profile_severity_changes_the_finding(tmp_path: Path) -> None:
    text = HEAD + 'extends = "national"\n[rules]\nseverity = { ENT003 = "error" }\n'
    validator = Validator(write(tmp_path, text), select=["ENT003"])

    result = validator.validate(
        {
            "kind": "enterprise",
            "uscc": "91540100MA6T1A2B36",
            "name": "某公司",
            "industry": "other",
            "region": "549999",
            "employee_count": 1,
            "status": "operating",
        }
    )

    assert [(f.rule, f.severity.value) for f in result.findings] == [("ENT003", "error")]
    assert not result.valid


def test_profile_disabling_a_family_switches_it_off(tmp_path: Path) -> None:
    text = HEAD + 'extends = "national"\n[rules]\ndisable = ["ENT"]\n'
    validator = Validator(write(tmp_path, text))

    assert not validator.engine.is_active("ENT001")
    assert validator.engine.is_active("SCH002")


# Errors: every mistake names the file and the key.


def test_unknown_profile_name_is_a_profile_error() -> None:
    with pytest.raises(ProfileError, match="unknown profile 'tibet'"):
        load_profile("tibet")


def test_missing_profile_file_is_a_profile_error(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match=r"missing\.toml"):
        load_profile(tmp_path / "missing.toml")


def test_profile_errors_are_library_errors() -> None:
    with pytest.raises(AzxError):
        load_profile("tibet")


def test_profile_that_extends_itself_is_rejected(tmp_path: Path) -> None:
    write(tmp_path, HEAD + 'extends = "b.toml"\n', "a.toml")
    write(tmp_path, HEAD + 'extends = "a.toml"\n', "b.toml")

    with pytest.raises(ProfileError, match="extends itself"):
        load_profile(tmp_path / "a.toml")


def test_file_that_is_not_utf8_is_a_profile_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(HEAD.encode("gb18030"))

    with pytest.raises(ProfileError, match=r"gbk\.toml"):
        load_profile(path)


BAD_PROFILES = [
    pytest.param(HEAD + "[profile\n", "not valid TOML", id="syntax"),
    pytest.param(HEAD + "[extras]\nx = 1\n", "unknown key 'extras'", id="unknown-table"),
    pytest.param(HEAD + 'colour = "red"\n', "profile: unknown key 'colour'", id="unknown-key"),
    pytest.param(
        '[profile]\ntitle_zh = "甲"\ntitle_en = "A"\n', "profile: missing key 'name'", id="no-name"
    ),
    pytest.param("[scope]\n", "missing key 'profile'", id="no-profile-table"),
    pytest.param(
        HEAD.replace('name = "test-region"', "name = 7"),
        "profile.name: wrong type int",
        id="wrong-type",
    ),
    pytest.param(HEAD + "[scope]\nregion = []\n", "scope: unknown key 'region'", id="scope-key"),
    pytest.param(
        HEAD + "[scope]\nregion_prefixes = [54]\n",
        "scope.region_prefixes: expected a list of strings",
        id="scope-prefixes",
    ),
    pytest.param(HEAD + "[rules]\nenabled = []\n", "rules: unknown key 'enabled'", id="rules-key"),
    pytest.param(
        HEAD + '[rules]\nseverity = { ENT003 = "fatal" }\n',
        "rules.severity.ENT003: 'fatal' is not a severity",
        id="severity",
    ),
    pytest.param(
        HEAD + VALUE.replace("death_disability_floor", "tea_allowance"),
        "parameters.tea_allowance: unknown parameter",
        id="unknown-parameter",
    ),
    pytest.param(
        HEAD + "[parameters.death_disability_floor]\nvalue = 1\n",
        "parameters.death_disability_floor: expected [[parameters.death_disability_floor]]",
        id="not-an-array",
    ),
    pytest.param(
        HEAD + VALUE.replace('value = "800000"', "value = 800000.5"),
        "parameters.death_disability_floor[0].value: write decimals as strings",
        id="float-value",
    ),
    pytest.param(
        HEAD + VALUE.replace('value = "800000"', 'value = "lots"'),
        "parameters.death_disability_floor[0].value: 'lots' is not a decimal",
        id="not-a-decimal",
    ),
    pytest.param(
        HEAD + VALUE.replace('value = "800000"', 'value = "-1"'),
        "parameters.death_disability_floor[0].value: '-1' is out of range for a money",
        id="negative-money",
    ),
    pytest.param(
        HEAD
        + VALUE.replace("death_disability_floor", "commission_cap").replace('"800000"', '"1.5"'),
        "parameters.commission_cap[0].value: '1.5' is out of range for a rate",
        id="rate-above-one",
    ),
    pytest.param(
        HEAD + VALUE.replace("death_disability_floor", "archive_retention_years"),
        "parameters.archive_retention_years[0].value: a count is a whole number",
        id="count-as-string",
    ),
    pytest.param(
        HEAD + VALUE.replace("from = 2025-03-29\n", ""),
        "parameters.death_disability_floor[0]: missing key 'from'",
        id="no-from",
    ),
    pytest.param(
        HEAD + VALUE.replace("from = 2025-03-29", 'from = "2025-03-29"'),
        "parameters.death_disability_floor[0].from: wrong type str",
        id="from-as-string",
    ),
    pytest.param(
        HEAD + VALUE.replace('value = "800000"\n', ""),
        "parameters.death_disability_floor[0]: missing key 'value'",
        id="no-value",
    ),
    pytest.param(
        HEAD + VALUE.replace('"provisional"', '"certain"'),
        "parameters.death_disability_floor[0].confidence: 'certain'",
        id="confidence",
    ),
    pytest.param(
        HEAD + VALUE + "since = 2020-01-01\n",
        "parameters.death_disability_floor[0]: unknown key 'since'",
        id="value-key",
    ),
    pytest.param(
        HEAD + VALUE.replace('article = "第三条"', 'clause = "第三条"'),
        "parameters.death_disability_floor[0].reference: unknown key 'clause'",
        id="reference-key",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_PROFILES)
def test_loader_errors_name_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)

    with pytest.raises(ParameterError) as caught:
        load_profile(path)

    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_loader_error_in_a_parent_names_the_parent_file(tmp_path: Path) -> None:
    parent = write(tmp_path, HEAD + 'colour = "red"\n', "parent.toml")
    child = write(tmp_path, HEAD + 'extends = "parent.toml"\n', "child.toml")

    with pytest.raises(ParameterError) as caught:
        load_profile(child)

    assert str(parent) in str(caught.value)
    assert "'colour'" in str(caught.value)


def test_severity_that_is_not_a_string_is_a_parameter_error(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + '[rules]\nseverity = { ENT003 = ["error"] }\n')

    with pytest.raises(ParameterError) as caught:
        load_profile(path)

    assert str(path) in str(caught.value)
    assert "rules.severity.ENT003" in str(caught.value)


def test_from_with_a_time_of_day_is_a_parameter_error(tmp_path: Path) -> None:
    # TOML reads 2025-05-01T00:00:00 as a datetime, which is a kind of date in Python; a
    # timeline mixing the two cannot be ordered.
    text = HEAD + 'extends = "national"\n' + VALUE.replace("2025-03-29", "2025-05-01T00:00:00")
    path = write(tmp_path, text)

    with pytest.raises(ParameterError) as caught:
        load_profile(path)

    assert str(path) in str(caught.value)
    assert "parameters.death_disability_floor[0].from" in str(caught.value)
