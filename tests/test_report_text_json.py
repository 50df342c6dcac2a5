"""The text, json and jsonl reports: the report shape of the design, batch findings' place."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from azx_core.cli.main import main
from azx_core.io.readers import RawRecord
from azx_core.report import (
    RENDERERS,
    REPORT_VERSION,
    BatchFinding,
    Finding,
    JsonlRenderer,
    JsonRenderer,
    NotChecked,
    RecordResult,
    Renderer,
    Severity,
    TextRenderer,
)
from azx_core.testing import factories
from report_support import BAD_ID, MASKED_ID, render
from report_support import line as _line
from report_support import renewal_pair as _renewal_pair
from report_support import run as _run

SPECIAL_KEY = 'AZX-<&>"保单'
RESULT_KEYS = ["index", "source", "kind", "key", "valid", "findings", "not_checked"]
FINDING_KEYS = ["rule", "name", "severity", "path", "message", "reference", "params"]
SUMMARY_KEYS = ["records", "valid", "invalid", "errors", "warnings", "not_checked"]


def _records() -> list[RawRecord]:
    flawed = factories.policy(policy_no=SPECIAL_KEY)
    flawed["insured_persons"] = [factories.insured_person(1, id_number=BAD_ID)]
    flawed["备注"] = "unknown field"
    return [
        RawRecord("保单.jsonl:1", text=_line(flawed)),
        RawRecord("保单.jsonl:2", text="{not json"),
        RawRecord("保单.jsonl:3", text=_line(factories.policy())),
        RawRecord("保单.jsonl:5", text=_line(factories.policy())),
    ]


def _renewal_gap(index: int) -> BatchFinding:
    finding = Finding(
        rule="POL006",
        name="renewal-gap",
        severity=Severity.ERROR,
        path="renewal_of",
        message="续保保单起期晚于上一保单止期",
        reference="安全生产责任保险实施办法 第十六条",
        params={"gap_days": 3},
    )
    return BatchFinding(index, _records()[index].source, "AZX-2025-540100-0001", finding)


def _render(
    renderer_class: type[Renderer],
    batch: Sequence[BatchFinding] = (),
    *,
    lang: str = "zh",
    as_of: date | None = None,
    results: list[RecordResult] | None = None,
) -> str:
    found_results, found, summary = _run(_records(), batch)
    shown = results if results is not None else found_results
    return render(renderer_class, shown, found, summary, lang=lang, as_of=as_of)


# json


def test_json_document_has_exactly_the_keys_of_the_design() -> None:
    document = json.loads(_render(JsonRenderer))

    assert list(document) == ["report_version", "tool", "profile", "as_of", "summary", "results"]
    assert document["report_version"] == REPORT_VERSION
    assert document["tool"] == {"name": "azx-core", "version": "0.1.0"}
    assert document["profile"] == "national"
    assert list(document["summary"]) == SUMMARY_KEYS


def test_json_as_of_is_null_unless_given() -> None:
    assert json.loads(_render(JsonRenderer))["as_of"] is None
    given = json.loads(_render(JsonRenderer, as_of=date(2025, 7, 1)))
    assert given["as_of"] == "2025-07-01"


def test_json_has_one_result_per_record_in_input_order() -> None:
    results = json.loads(_render(JsonRenderer))["results"]

    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert [r["source"] for r in results] == [
        "保单.jsonl:1",
        "保单.jsonl:2",
        "保单.jsonl:3",
        "保单.jsonl:5",
    ]
    assert all(list(r) == RESULT_KEYS for r in results)
    assert all(list(f) == FINDING_KEYS for r in results for f in r["findings"])
    assert [r["valid"] for r in results] == [False, False, True, True]
    assert results[1]["kind"] is None
    assert results[1]["key"] is None


def test_json_summary_counts_records_and_findings() -> None:
    summary = json.loads(_render(JsonRenderer))["summary"]

    assert summary == {
        "records": 4,
        "valid": 2,
        "invalid": 2,
        "errors": 2,
        "warnings": 1,
        "not_checked": 0,
    }


def test_json_puts_batch_findings_in_the_result_they_concern() -> None:
    document = json.loads(_render(JsonRenderer, [_renewal_gap(3)]))

    concerned = document["results"][3]

    assert [f["rule"] for f in concerned["findings"]] == ["POL006"]
    assert concerned["findings"][0]["params"] == {"gap_days": 3}
    assert concerned["valid"] is False
    assert "batch_finding" not in json.dumps(document)
    assert document["summary"]["errors"] == 3
    assert document["summary"]["invalid"] == 3


def test_json_keeps_chinese_and_markup_characters_readable() -> None:
    text = _render(JsonRenderer)

    document = json.loads(text)

    assert document["results"][0]["key"] == SPECIAL_KEY
    assert "居民身份证号码" in text
    assert "\\u" not in text


def test_json_masked_resident_id_stays_masked() -> None:
    text = _render(JsonRenderer)

    assert MASKED_ID in text
    assert BAD_ID not in text


# jsonl


def _jsonl(batch: Sequence[BatchFinding] = ()) -> list[dict[str, Any]]:
    return [json.loads(line) for line in _render(JsonlRenderer, batch).splitlines()]


def test_jsonl_writes_one_line_per_record_then_the_summary() -> None:
    lines = _jsonl()

    assert len(lines) == 5
    assert all(list(line) == RESULT_KEYS for line in lines[:4])
    assert list(lines[-1]) == ["summary"]
    assert list(lines[-1]["summary"]) == SUMMARY_KEYS
    assert lines[-1]["summary"]["records"] == 4


def test_jsonl_writes_batch_findings_after_the_records_before_the_summary() -> None:
    lines = _jsonl([_renewal_gap(2), _renewal_gap(3)])

    batch = [line["batch_finding"] for line in lines if "batch_finding" in line]

    assert [list(line) for line in lines[4:6]] == [["batch_finding"], ["batch_finding"]]
    assert list(batch[0]) == ["index", "source", "key", "finding"]
    assert [(b["index"], b["source"]) for b in batch] == [(2, "保单.jsonl:3"), (3, "保单.jsonl:5")]
    assert batch[0]["finding"]["rule"] == "POL006"
    assert list(batch[0]["finding"]) == FINDING_KEYS
    assert lines[2]["findings"] == []  # the record line itself is already written
    assert lines[-1]["summary"]["errors"] == 4


def test_jsonl_lines_are_compact_and_keep_chinese() -> None:
    text = _render(JsonlRenderer)

    assert "居民身份证号码" in text
    assert ", " not in text.splitlines()[1]


def test_jsonl_masked_resident_id_stays_masked() -> None:
    text = _render(JsonlRenderer)

    assert MASKED_ID in text
    assert BAD_ID not in text


# text


def test_text_lists_only_records_needing_attention() -> None:
    text = _render(TextRenderer)

    assert '保单.jsonl:1 [0] policy AZX-<&>"保单' in text
    assert "  E ENT002 resident-id-invalid insured_persons[0].id_number: " in text
    assert "  W SCH003 unknown-field 备注: " in text
    assert "保单.jsonl:2 [1] ?" in text
    assert "保单.jsonl:3" not in text


def test_text_ends_with_the_summary_and_the_profile() -> None:
    lines = _render(TextRenderer).splitlines()

    assert lines[-2] == "共 4 条记录：2 条有效，2 条无效；2 个错误，1 个警告，0 项未检查"
    assert lines[-1] == "规则配置 national，评估日期 各记录自身日期"


def test_text_writes_batch_findings_in_their_own_section() -> None:
    text = _render(TextRenderer, [_renewal_gap(3)])

    section = text.split("-- 跨记录检查 --\n")[1]

    assert section.startswith("保单.jsonl:5 [3] AZX-2025-540100-0001\n  E POL006 renewal-gap")


def test_text_counts_not_checked_rules_once_per_rule() -> None:
    results, _, _ = _run(_records())
    results[2] = RecordResult(
        2,
        results[2].source,
        "policy",
        results[2].key,
        (),
        (NotChecked("LIM001", "no floor before 2006"),),
    )

    text = _render(TextRenderer, results=results)

    assert "保单.jsonl:3 [2]" not in text  # no findings, so the record is not listed
    assert "-- 未检查 --\n  LIM001 未检查 1 条记录，例如：no floor before 2006\n" in text


def test_text_in_english() -> None:
    lines = _render(TextRenderer, lang="en", as_of=date(2025, 7, 1)).splitlines()

    assert lines[-2] == "records: 4 (2 valid, 2 invalid); errors: 2, warnings: 1, not checked: 0"
    assert lines[-1] == "profile national, as of 2025-07-01"


def test_text_masked_resident_id_stays_masked() -> None:
    text = _render(TextRenderer)

    assert MASKED_ID in text
    assert BAD_ID not in text


# through the command line


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_cli_writes_the_format_to_the_output_file(tmp_path: Path, fmt: str) -> None:
    data = tmp_path / "policies.jsonl"
    data.write_text(_line(factories.policy()) + "\n\n" + "[]\n", encoding="utf-8")
    out = tmp_path / f"report.{fmt}"

    code = main(["validate", str(data), "--format", fmt, "--output", str(out), "--select", "SCH"])

    text = out.read_text("utf-8")
    assert RENDERERS[fmt] in (TextRenderer, JsonRenderer, JsonlRenderer)
    assert code == 1
    assert f"{data}:3" in text
    assert "SCH001" in text


def test_cli_json_puts_a_real_batch_finding_in_its_result(tmp_path: Path) -> None:
    data = tmp_path / "renewals.jsonl"
    data.write_text(_renewal_pair(), encoding="utf-8")
    out = tmp_path / "report.json"

    code = main(
        [
            "validate",
            str(data),
            "--format",
            "json",
            "--output",
            str(out),
            "--select",
            "SCH,ENT,POL006",
        ]
    )

    document = json.loads(out.read_text("utf-8"))
    assert code == 1
    assert [[f["rule"] for f in r["findings"]] for r in document["results"]] == [[], ["POL006"]]
    assert document["summary"]["invalid"] == 1


def test_cli_jsonl_streams_a_real_batch_finding_before_the_summary(tmp_path: Path) -> None:
    data = tmp_path / "renewals.jsonl"
    data.write_text(_renewal_pair(), encoding="utf-8")
    out = tmp_path / "report.jsonl"

    main(
        [
            "validate",
            str(data),
            "--format",
            "jsonl",
            "--output",
            str(out),
            "--select",
            "SCH,ENT,POL006",
        ]
    )

    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [next(iter(line)) for line in lines] == ["index", "index", "batch_finding", "summary"]
    assert lines[2]["batch_finding"]["index"] == 1
    assert lines[2]["batch_finding"]["finding"]["rule"] == "POL006"
    assert lines[3]["summary"]["errors"] == 1
