"""The pytest plugin: its fixtures work in a user's test file, and failures read well."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def _plugins_load(monkeypatch: pytest.MonkeyPatch) -> None:
    # The plugin reaches a user's session through its entry point.
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)


def test_fixtures_work_in_a_users_test_file(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import datetime
        import types

        def test_validator_is_national(azx_validator):
            assert azx_validator.profile.name == "national"

        def test_factory_builds_the_profile_asked_for(azx_validator_factory):
            tibet = azx_validator_factory("xizang", as_of=datetime.date(2025, 7, 1), lang="en")
            assert tibet.profile.name == "xizang"
            assert tibet.engine.as_of == datetime.date(2025, 7, 1)
            assert tibet.engine.lang == "en"

        def test_factories_module(azx_factories):
            assert isinstance(azx_factories, types.ModuleType)
            assert azx_factories.policy()["kind"] == "policy"

        def test_record_applies_the_patch(azx_record):
            record = azx_record("policy", {"policyholder": {"employee_count": 7},
                                           "commission_rate": None})
            assert record["policyholder"]["employee_count"] == 7
            assert "commission_rate" not in record

        def test_valid_record_fires_nothing(azx_record, assert_rules):
            assert assert_rules(azx_record("enterprise"), []) == []

        def test_bad_check_character_fires_ent001(azx_record, assert_rules):
            findings = assert_rules(
                azx_record("enterprise", {"uscc": "91540100MA6T1A2B37"}), ["ENT001"])
            assert [f.path for f in findings] == ["uscc"]
        """
    )
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=6)


def test_assert_rules_reports_what_fired(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_expects_the_wrong_rule(azx_record, assert_rules):
            assert_rules(azx_record("enterprise", {"uscc": "91540100MA6T1A2B37"}), ["ENT003"])
        """
    )
    result = pytester.runpytest("-q")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "expected rules *ENT003* to fire under profile 'national'; missing: ENT003;"
            " unexpected: ENT001",
            "*record 0: ENT001 error at uscc: *",
        ]
    )


def test_assert_rules_takes_several_records_and_runs_batch_rules(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        """
        import datetime

        def test_uninsured_unit(azx_record, assert_rules):
            unit = azx_record("enterprise", {"industry": "mining"})
            assert_rules([unit], ["COV005"], as_of=datetime.date(2025, 7, 1))

        def test_regional_profile(azx_record, assert_rules):
            assert_rules(azx_record("enterprise", {"region": "510104"}), ["ENT004"],
                         profile="xizang")

        def test_raw_text_record_and_one_rule_id(assert_rules):
            assert_rules('{"kind": "enterprise",', "SCH001")
        """
    )
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=3)


def test_strategies_fixture_draws_records(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        from hypothesis import given, settings

        def test_strategies(azx_strategies, azx_validator):
            @settings(max_examples=5, deadline=None, database=None)
            @given(azx_strategies.policies())
            def check(policy):
                assert not azx_validator.validate(policy).findings

            check()
        """
    )
    result = pytester.runpytest("-q")
    result.assert_outcomes(passed=1)


def test_report_header_names_the_version(pytester: pytest.Pytester) -> None:
    import azx_core

    pytester.makepyfile("def test_nothing():\n    assert True\n")
    result = pytester.runpytest()
    result.stdout.fnmatch_lines([f"azx-core: {azx_core.__version__}"])


def test_loading_the_plugin_does_not_import_hypothesis(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys

        def test_hypothesis_not_imported(azx_validator, assert_rules):
            assert "hypothesis" not in sys.modules
        """
    )
    # Hypothesis's own pytest plugin imports it; without that plugin nothing else may.
    result = pytester.runpytest_subprocess("-q", "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)
