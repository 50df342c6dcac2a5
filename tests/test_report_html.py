"""The html report: one self-contained page with a summary and each record's findings."""

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
    HtmlRenderer,
    NotChecked,
    RecordResult,
    Summary,
)
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

SPECIAL_KEY = "AZX-<&>\"'保单"


def _records() -> list[RawRecord]:
    flawed = flawed_policy(SPECIAL_KEY)
    return [
        RawRecord("保单.jsonl:1", text=_line(flawed)),
        RawRecord("保单.jsonl:2", text="<script>alert(1)</script>"),
        RawRecord("保单.jsonl:3", text=_line(factories.policy())),
        RawRecord("保单.jsonl:4", text=_line(factories.policy())),
    ]


def _render(
    results: list[RecordResult],
    batch: list[BatchFinding],
    summary: Summary,
    *,
    lang: str = "zh",
    as_of: date | None = None,
) -> str:
    return render(HtmlRenderer, results, batch, summary, lang=lang, profile="xizang", as_of=as_of)


def _renewal_gap(index: int) -> BatchFinding:
    return renewal_gap(index, _records()[index].source)


def _page(batch: Sequence[BatchFinding] = (), *, lang: str = "zh") -> ET.Element:
    return ET.fromstring(_render(*_run(_records(), batch), lang=lang))


def _summary_cells(page: ET.Element) -> dict[str, str]:
    table = next(t for t in page.iter("table") if t.get("id") == "summary")
    return {row.get("data-key", ""): row.findtext("td") or "" for row in table.iter("tr")}


def _sections(page: ET.Element) -> dict[str, ET.Element]:
    return {s.get("id", ""): s for s in page.iter("section")}


def _rows(section: ET.Element) -> list[ET.Element]:
    return [tr for tr in section.iter("tr") if tr.get("class") == "finding"]


def test_html_is_registered_as_a_report_format() -> None:
    assert RENDERERS["html"] is HtmlRenderer


def test_page_is_self_contained_and_declares_utf8() -> None:
    text = _render(*_run(_records()))

    page = ET.fromstring(text)

    assert text.startswith("<!DOCTYPE html>")
    assert page.get("lang") == "zh-CN"
    assert page.find("head/meta").get("charset") == "utf-8"  # type: ignore[union-attr]
    assert list(page.iter("script")) == []
    assert list(page.iter("link")) == []
    assert "http://" not in text
    assert "https://" not in text


def test_summary_table_matches_the_run() -> None:
    page = _page()

    assert _summary_cells(page) == {
        "records": "4",
        "valid": "2",
        "invalid": "2",
        "errors": "2",
        "warnings": "1",
        "not_checked": "0",
    }


def test_only_records_needing_attention_are_listed_with_their_findings() -> None:
    sections = _sections(_page())

    assert sorted(sections) == ["record-0", "record-1"]
    assert [tr.get("data-rule") for tr in _rows(sections["record-0"])] == ["SCH003", "ENT002"]
    assert [tr.get("data-severity") for tr in _rows(sections["record-0"])] == ["warning", "error"]
    assert [tr.get("data-rule") for tr in _rows(sections["record-1"])] == ["SCH001"]


def test_clean_records_are_counted_as_omitted() -> None:
    text = _render(*_run(_records()))

    assert "另有 2 条记录没有发现问题，未列出。" in text


def test_markup_in_the_data_is_escaped_not_interpreted() -> None:
    text = _render(*_run(_records()))

    page = ET.fromstring(text)
    heading = "".join(_sections(page)["record-0"].find("h3").itertext())  # type: ignore[union-attr]

    assert SPECIAL_KEY in heading
    assert "AZX-&lt;&amp;&gt;&quot;&#x27;保单" in text
    assert "<script>" not in text
    assert "备注&lt;&amp;&gt;&quot;" in text


def test_chinese_text_is_written_as_is() -> None:
    text = _render(*_run(_records()))

    assert "安责险数据校验报告" in text
    assert "居民身份证号码" in text
    assert "保单.jsonl:1" in text


def test_batch_finding_is_shown_in_its_record_and_marked() -> None:
    page = _page([_renewal_gap(2)])

    section = _sections(page)["record-2"]
    (row,) = _rows(section)

    assert row.get("data-rule") == "POL006"
    assert "跨记录检查" in "".join(row.itertext())
    assert "invalid" in (section.find("h3/span").get("class") or "")  # type: ignore[union-attr]
    assert _summary_cells(page)["errors"] == "3"


def test_not_checked_rules_are_listed() -> None:
    results, batch, summary = _run(_records())
    results[3] = RecordResult(
        3,
        results[3].source,
        "policy",
        results[3].key,
        (),
        (NotChecked("LIM001", "death_disability_floor has no value"),),
    )

    page = ET.fromstring(_render(results, batch, summary))
    items = list(_sections(page)["record-3"].iter("li"))

    assert ["".join(li.itertext()) for li in items] == [
        "LIM001 death_disability_floor has no value"
    ]


def test_rule_table_counts_findings_by_rule() -> None:
    page = _page([_renewal_gap(2)])

    table = next(t for t in page.iter("table") if t.get("id") == "by-rule")
    rows = [[td.findtext("code") or td.text for td in tr.iter("td")] for tr in table.iter("tr")]

    assert [r[0] for r in rows if r] == ["ENT002", "POL006", "SCH001", "SCH003"]
    assert all(r[-1] == "1" for r in rows if r)


def test_masked_resident_id_stays_masked() -> None:
    text = _render(*_run(_records()))

    assert MASKED_ID in text
    assert BAD_ID not in text


def test_control_characters_and_lone_surrogates_are_replaced() -> None:
    record = factories.enterprise(uscc="\ud800\x01")

    text = _render(*_run([RawRecord("x.jsonl:1", text=_line(record))]))

    text.encode("utf-8")
    assert "\x01" not in text
    ET.fromstring(text)


def test_english_page_uses_english_labels() -> None:
    text = _render(*_run(_records()), lang="en", as_of=date(2025, 7, 1))

    page = ET.fromstring(text)

    assert page.get("lang") == "en"
    assert "2025-07-01" in text
    assert "2 more records have no findings and are not listed." in text


def test_page_without_findings_says_so() -> None:
    results, batch, summary = _run([RawRecord("a.jsonl:1", text=_line(factories.policy()))])

    page = ET.fromstring(_render(results, batch, summary))

    assert _sections(page) == {}
    assert "没有需要关注的记录。" in "".join(page.itertext())


def test_cli_writes_an_html_file(tmp_path: Path) -> None:
    data = tmp_path / "policies.jsonl"
    data.write_text(_line(factories.policy()) + "\n" + "oops\n", encoding="utf-8")
    out = tmp_path / "report.html"

    code = main(
        ["validate", str(data), "--format", "html", "--output", str(out), "--select", "SCH"]
    )

    page = ET.parse(out).getroot()
    assert code == 1
    assert [tr.get("data-rule") for tr in _rows(_sections(page)["record-1"])] == ["SCH001"]


def test_cli_html_report_carries_real_batch_findings(tmp_path: Path) -> None:
    data = tmp_path / "renewals.jsonl"
    data.write_text(_renewal_pair(), encoding="utf-8")
    out = tmp_path / "report.html"

    code = main(
        [
            "validate",
            str(data),
            "--format",
            "html",
            "--output",
            str(out),
            "--select",
            "SCH,ENT,POL006",
        ]
    )

    page = ET.parse(out).getroot()
    assert code == 1
    assert [tr.get("data-rule") for tr in _rows(_sections(page)["record-1"])] == ["POL006"]
    assert _summary_cells(page)["invalid"] == "1"
