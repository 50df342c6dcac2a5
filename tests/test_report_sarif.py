"""The sarif report: a SARIF 2.1.0 log with the rule catalogue and one result per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from azx_core.cli.main import main
from azx_core.io.readers import RawRecord
from azx_core.report import (
    RENDERERS,
    BatchFinding,
    Finding,
    NotChecked,
    RecordResult,
    SarifRenderer,
    Severity,
    Summary,
)
from azx_core.report.sarif import artifact_uri
from azx_core.rules.registry import all_rules
from azx_core.testing import factories
from report_support import (
    BAD_ID,
    MASKED_ID,
    flawed_policy,
    render,
    renewal_gap,
)
from report_support import line as _line
from report_support import renewal_pair as _renewal_pair
from report_support import run as _run

SPECIAL_KEY = 'AZX-<&>"保单'


def _records() -> list[RawRecord]:
    flawed = flawed_policy(SPECIAL_KEY)
    return [
        RawRecord("数据/保单.jsonl:1", text=_line(flawed)),
        RawRecord("数据/保单.jsonl:2", text="{not json"),
        RawRecord("数据/保单.jsonl:4", text=_line(factories.policy())),
        RawRecord("/srv/in/units.jsonl:7", text=_line(factories.enterprise(region="549999"))),
    ]


def _render(
    results: list[RecordResult], batch: list[BatchFinding], summary: Summary, lang: str = "zh"
) -> str:
    return render(SarifRenderer, results, batch, summary, lang=lang)


def _renewal_gap(index: int, source: str) -> BatchFinding:
    return renewal_gap(index, source)


def _log(batch: Sequence[BatchFinding] = (), lang: str = "zh") -> dict[str, Any]:
    value: dict[str, Any] = json.loads(_render(*_run(_records(), batch), lang=lang))
    return value


def _location(result: dict[str, Any]) -> tuple[str, int | None]:
    physical = result["locations"][0]["physicalLocation"]
    return physical["artifactLocation"]["uri"], physical.get("region", {}).get("startLine")


def test_sarif_is_registered_as_a_report_format() -> None:
    assert RENDERERS["sarif"] is SarifRenderer


def test_log_is_version_2_1_0_with_one_run() -> None:
    log = _log()

    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_driver_lists_every_rule_of_the_registry_with_help_and_reference() -> None:
    driver = _log()["runs"][0]["tool"]["driver"]

    rules = {r["id"]: r for r in driver["rules"]}

    assert (driver["name"], driver["version"]) == ("azx-core", "0.1.0")
    assert [r["id"] for r in driver["rules"]] == [rule.id for rule in all_rules()]
    uscc = rules["ENT001"]
    assert uscc["name"] == "uscc-check-character"
    assert uscc["shortDescription"]["text"] == "统一社会信用代码无效"
    assert uscc["help"]["text"].endswith("依据: GB 32100-2015")
    assert uscc["defaultConfiguration"]["level"] == "error"
    assert rules["SCH003"]["defaultConfiguration"]["level"] == "warning"


def test_rule_titles_follow_the_report_language() -> None:
    driver = _log(lang="en")["runs"][0]["tool"]["driver"]

    uscc = next(r for r in driver["rules"] if r["id"] == "ENT001")

    assert uscc["shortDescription"]["text"] == "Invalid unified social credit code"
    assert uscc["help"]["text"].endswith("Basis: GB 32100-2015")


def test_one_result_per_finding_with_its_level() -> None:
    results, batch, summary = _run(_records())

    run = json.loads(_render(results, batch, summary))["runs"][0]

    found = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert len(found) == sum(len(r.findings) for r in results)
    assert sorted(found) == [
        ("ENT002", "error"),
        ("ENT003", "warning"),
        ("SCH001", "error"),
        ("SCH003", "warning"),
    ]


def test_info_findings_are_notes() -> None:
    info = Finding("ENT004", "region-outside-profile", Severity.INFO, "region", "m", "")
    results = [RecordResult(0, "a.jsonl:1", "enterprise", "k", (info,))]

    run = json.loads(_render(results, [], Summary()))["runs"][0]

    assert run["results"][0]["level"] == "note"


def test_rule_index_points_at_the_rule_of_the_result() -> None:
    run = _log([_renewal_gap(2, "数据/保单.jsonl:4")])["runs"][0]

    rules = run["tool"]["driver"]["rules"]

    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_location_is_the_file_and_line_of_the_record() -> None:
    run = _log()["runs"][0]

    by_rule = {r["ruleId"]: r for r in run["results"]}

    uri, line = _location(by_rule["ENT002"])
    assert (unquote(uri), line) == ("数据/保单.jsonl", 1)
    assert _location(by_rule["SCH001"])[1] == 2
    assert _location(by_rule["ENT003"]) == ("file:///srv/in/units.jsonl", 7)
    logical = by_rule["ENT002"]["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == "insured_persons[0].id_number"


def test_uri_of_standard_input_and_relative_paths() -> None:
    assert artifact_uri("-") == "-"
    assert artifact_uri("in dir/a.jsonl") == "in%20dir/a.jsonl"


def test_markup_characters_and_chinese_are_kept_exactly() -> None:
    run = _log()["runs"][0]

    unknown = next(r for r in run["results"] if r["ruleId"] == "SCH003")

    assert unknown["properties"]["key"] == SPECIAL_KEY
    assert unknown["properties"]["path"] == '备注<&>"'
    assert '备注<&>"' in unknown["message"]["text"]


def test_batch_findings_are_results_marked_as_batch() -> None:
    run = _log([_renewal_gap(2, "数据/保单.jsonl:4")])["runs"][0]

    (gap,) = [r for r in run["results"] if r["ruleId"] == "POL006"]

    assert gap["level"] == "error"
    assert gap["properties"]["batch"] is True
    assert gap["properties"]["index"] == 2
    assert _location(gap)[1] == 4
    assert run["properties"]["summary"]["errors"] == 3


def test_not_checked_rules_are_notifications_of_the_invocation() -> None:
    results, batch, summary = _run(_records())
    results[2] = RecordResult(
        2,
        results[2].source,
        "policy",
        results[2].key,
        (),
        (NotChecked("ENT001", "no code to check"),),
    )

    run = json.loads(_render(results, batch, summary))["runs"][0]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]

    assert note["level"] == "note"
    assert note["associatedRule"]["id"] == "ENT001"
    assert run["tool"]["driver"]["rules"][note["associatedRule"]["index"]]["id"] == "ENT001"
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 4


def test_run_properties_carry_profile_and_summary() -> None:
    props = _log()["runs"][0]["properties"]

    assert props["profile"] == "national"
    assert props["as_of"] is None
    assert props["summary"] == {
        "records": 4,
        "valid": 2,
        "invalid": 2,
        "errors": 2,
        "warnings": 2,
        "not_checked": 0,
    }


def test_masked_resident_id_stays_masked() -> None:
    text = _render(*_run(_records()))

    assert MASKED_ID in text
    assert BAD_ID not in text


def test_lone_surrogates_do_not_break_the_output() -> None:
    record = factories.enterprise(name="坏\ud800字", uscc="\ud800")

    text = _render(*_run([RawRecord("x.jsonl:1", text=_line(record))]))

    text.encode("utf-8")
    assert json.loads(text)["runs"][0]["results"][0]["properties"]["key"] == "\ufffd"


def test_cli_writes_a_sarif_file(tmp_path: Path) -> None:
    data = tmp_path / "policies.jsonl"
    data.write_text(_line(factories.policy()) + "\n" + "oops\n", encoding="utf-8")
    out = tmp_path / "report.sarif"

    code = main(
        ["validate", str(data), "--format", "sarif", "--output", str(out), "--select", "SCH"]
    )

    run = json.loads(out.read_text("utf-8"))["runs"][0]
    assert code == 1
    assert [(r["ruleId"], _location(r)[1]) for r in run["results"]] == [("SCH001", 2)]


def test_cli_sarif_report_carries_real_batch_findings(tmp_path: Path) -> None:
    data = tmp_path / "renewals.jsonl"
    data.write_text(_renewal_pair(), encoding="utf-8")
    out = tmp_path / "report.sarif"

    code = main(
        [
            "validate",
            str(data),
            "--format",
            "sarif",
            "--output",
            str(out),
            "--select",
            "SCH,ENT,POL006",
        ]
    )

    run = json.loads(out.read_text("utf-8"))["runs"][0]
    (gap,) = run["results"]
    assert code == 1
    assert (gap["ruleId"], gap["properties"]["batch"], _location(gap)[1]) == ("POL006", True, 2)
    assert run["properties"]["summary"]["errors"] == 1
