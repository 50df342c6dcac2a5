"""The junit report: suites per file, cases per record, failures per error finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from azx_core.cli.main import main
from azx_core.io.readers import RawRecord
from azx_core.report import (
    RENDERERS,
    BatchFinding,
    JunitRenderer,
    NotChecked,
    RecordResult,
    Summary,
)
from azx_core.report.junit import split_source
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
    """Two files: a policy with a bad id and an unknown field, garbage, a valid policy,
    and an enterprise with a bad USCC in the second file."""
    flawed = flawed_policy(SPECIAL_KEY)
    return [
        RawRecord("保单.jsonl:1", text=_line(flawed)),
        RawRecord("保单.jsonl:2", text="{not json"),
        RawRecord("保单.jsonl:4", text=_line(factories.policy())),
        RawRecord(
            "units/企业.jsonl:7", text=_line(factories.enterprise(uscc="91540100MA6T00000X"))
        ),
    ]


def _render(
    results: list[RecordResult], batch: list[BatchFinding], summary: Summary, *, lang: str = "zh"
) -> str:
    return render(JunitRenderer, results, batch, summary, lang=lang)


def _renewal_gap(index: int, source: str) -> BatchFinding:
    return renewal_gap(index, source, message="续保保单起期晚于上一保单止期 <3 天> & 未连续")


def _report(batch: Sequence[BatchFinding] = (), *, lang: str = "zh") -> ET.Element:
    return ET.fromstring(_render(*_run(_records(), batch), lang=lang))


def _case(root: ET.Element, source: str) -> ET.Element:
    for case in root.iter("testcase"):
        if case.get("name", "").split(" ")[0] == source:
            return case
    raise AssertionError(f"no testcase for {source}")


def test_junit_is_registered_as_a_report_format() -> None:
    assert RENDERERS["junit"] is JunitRenderer


def test_source_splits_into_file_and_line() -> None:
    assert split_source("a:b/保单.jsonl:12") == ("a:b/保单.jsonl", 12)
    assert split_source("-:1") == ("-", 1)
    assert split_source("no-line") == ("no-line", None)


def test_each_input_file_is_one_testsuite_in_order_of_first_appearance() -> None:
    root = _report()

    suites = root.findall("testsuite")

    assert [s.get("name") for s in suites] == ["保单.jsonl", "units/企业.jsonl"]
    assert [len(s.findall("testcase")) for s in suites] == [3, 1]


def test_counts_give_records_as_tests_and_invalid_records_as_failures() -> None:
    root = _report()

    first, second = root.findall("testsuite")

    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "3", "0")
    assert (first.get("tests"), first.get("failures")) == ("3", "2")
    assert (second.get("tests"), second.get("failures")) == ("1", "1")


def test_each_error_finding_is_one_failure_with_its_rule_and_message() -> None:
    root = _report()

    failures = {
        c.get("name", "").split(" ")[0]: c.findall("failure") for c in root.iter("testcase")
    }

    assert [f.get("type") for f in failures["保单.jsonl:1"]] == ["ENT002"]
    assert [f.get("type") for f in failures["保单.jsonl:2"]] == ["SCH001"]
    assert failures["保单.jsonl:4"] == []
    (uscc,) = failures["units/企业.jsonl:7"]
    assert uscc.get("type") == "ENT001"
    assert "GB 32100-2015" in (uscc.text or "")
    assert uscc.get("message", "").startswith("统一社会信用代码")


def test_warnings_go_to_system_out_and_do_not_fail_the_case() -> None:
    root = _report()

    case = _case(root, "保单.jsonl:1")
    out = case.findtext("system-out") or ""

    assert 'W SCH003 unknown-field 备注<&>"' in out
    assert all(f.get("type") != "SCH003" for f in case.findall("failure"))


def test_not_checked_rules_are_listed_in_system_out() -> None:
    results, batch, summary = _run(_records())
    results[2] = RecordResult(
        2,
        results[2].source,
        "policy",
        results[2].key,
        (),
        (NotChecked("LIM001", "death_disability_floor has no value before 2006-01-01"),),
    )

    root = ET.fromstring(_render(results, batch, summary))
    case = _case(root, "保单.jsonl:4")

    assert case.findall("failure") == []
    assert "- LIM001 未检查: death_disability_floor has no value" in (
        case.findtext("system-out") or ""
    )


def test_testcase_carries_kind_key_file_and_line_of_its_record() -> None:
    root = _report()

    case = _case(root, "units/企业.jsonl:7")
    garbage = _case(root, "保单.jsonl:2")

    assert case.get("classname") == "enterprise"
    assert case.get("name") == "units/企业.jsonl:7 91540100MA6T00000X"
    assert (case.get("file"), case.get("line")) == ("units/企业.jsonl", "7")
    assert garbage.get("classname") == "unknown"


def test_markup_characters_and_chinese_survive_escaping() -> None:
    text = _render(*_run(_records()))

    case = _case(ET.fromstring(text), "保单.jsonl:1")

    assert case.get("name") == f"保单.jsonl:1 {SPECIAL_KEY}"
    assert 'name="保单.jsonl:1 AZX-&lt;&amp;&gt;&quot;保单"' in text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')


def test_characters_xml_cannot_hold_are_replaced_so_the_document_parses() -> None:
    record = factories.enterprise(uscc="\ud800\x01", name="控制\x07字符")
    results, batch, summary = _run([RawRecord("x.jsonl:1", text=_line(record))])

    text = _render(results, batch, summary)
    case = next(ET.fromstring(text).iter("testcase"))

    assert case.get("name") == "x.jsonl:1 \ufffd\ufffd"
    text.encode("utf-8")  # no lone surrogate is left


def test_batch_finding_fails_the_case_of_its_record() -> None:
    root = _report([_renewal_gap(2, "保单.jsonl:4")])

    case = _case(root, "保单.jsonl:4")
    (failure,) = case.findall("failure")

    assert failure.get("type") == "POL006"
    assert "跨记录检查" in (failure.text or "")
    assert "<3 天> & 未连续" in (failure.get("message") or "")
    assert root.find("testsuite").get("failures") == "3"  # type: ignore[union-attr]
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["summary_errors"] == "4"
    assert props["summary_invalid"] == "4"


def test_batch_finding_of_a_record_not_seen_is_not_dropped() -> None:
    results, batch, summary = _run(_records())
    batch.append(_renewal_gap(99, "later.jsonl:5"))

    root = ET.fromstring(_render(results, batch, summary))
    case = _case(root, "later.jsonl:5")

    assert [f.get("type") for f in case.findall("failure")] == ["POL006"]


def test_masked_resident_id_stays_masked() -> None:
    text = _render(*_run(_records()))

    assert MASKED_ID in text
    assert BAD_ID not in text


def test_suite_properties_describe_the_run() -> None:
    root = _report()

    props = {p.get("name"): p.get("value") for p in root.find("testsuite").iter("property")}  # type: ignore[union-attr]

    assert props["profile"] == "national"
    assert props["tool"] == "azx-core"
    assert props["summary_records"] == "4"
    assert props["summary_warnings"] == "1"


def test_english_labels_follow_the_report_language() -> None:
    root = _report(lang="en")

    failure = _case(root, "units/企业.jsonl:7").find("failure")

    assert failure is not None
    assert "basis: GB 32100-2015" in (failure.text or "")


def test_cli_writes_a_junit_file(tmp_path: Path) -> None:
    data = tmp_path / "policies.jsonl"
    data.write_text(_line(factories.policy()) + "\n" + "[1, 2]\n", encoding="utf-8")
    out = tmp_path / "report.xml"

    code = main(
        [
            "validate",
            str(data),
            "--format",
            "junit",
            "--output",
            str(out),
            "--select",
            "SCH",
            "--as-of",
            str(date(2025, 7, 1)),
        ]
    )

    root = ET.parse(out).getroot()
    assert code == 1
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    assert _case(root, f"{data}:2").find("failure").get("type") == "SCH001"  # type: ignore[union-attr]


def test_cli_junit_report_carries_real_batch_findings(tmp_path: Path) -> None:
    data = tmp_path / "renewals.jsonl"
    data.write_text(_renewal_pair(), encoding="utf-8")
    out = tmp_path / "report.xml"

    code = main(
        [
            "validate",
            str(data),
            "--format",
            "junit",
            "--output",
            str(out),
            "--select",
            "SCH,ENT,POL006",
        ]
    )

    root = ET.parse(out).getroot()
    failures = _case(root, f"{data}:2").findall("failure")
    assert code == 1
    assert [f.get("type") for f in failures] == ["POL006"]
    assert _case(root, f"{data}:1").findall("failure") == []
