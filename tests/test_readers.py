"""Tests of the streaming readers in `azx_core.io.readers`: JSON, JSONL, CSV, encodings."""

from __future__ import annotations

import gc
import io
import json
from pathlib import Path

import pytest

from azx_core.errors import AzxError
from azx_core.io import (
    InputError,
    RawRecord,
    detect_encoding,
    format_for,
    loads,
    read_path,
    read_stream,
)

ENTERPRISE = {"kind": "enterprise", "name": "拉萨雪域建筑工程有限公司", "employee_count": 120}


def read(tmp_path: Path, name: str, data: bytes | str, **options: str) -> list[RawRecord]:
    """Write a file and read all its records."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(read_path(path, **options))


def sources(records: list[RawRecord]) -> list[str]:
    """The line part of each record's source."""
    return [r.source.rsplit(":", 1)[1] for r in records]


# Choosing a reader.


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.json", "json"),
        ("A.JSON", "json"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.csv", "csv"),
        ("a.tsv", "csv"),
        ("a.txt", "jsonl"),
        ("-", "jsonl"),
    ],
)
def test_format_follows_the_file_extension(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown format 'xml'"):
        read_stream(io.BytesIO(b""), "x", fmt="xml")


def test_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_stream(io.BytesIO(b"{}"), "x", encoding="klingon")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_path(tmp_path / "missing.jsonl")


def test_unknown_encoding_for_a_file_leaves_it_closed(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("{}\n")

    with pytest.raises(InputError):
        read_path(path, encoding="klingon")
    # An unclosed file would warn when collected, and warnings are errors here.
    gc.collect()


def test_input_error_is_a_library_error() -> None:
    assert issubclass(InputError, AzxError)


# JSONL.


def test_jsonl_yields_one_record_per_line_with_its_line_number(tmp_path: Path) -> None:
    lines = [json.dumps(ENTERPRISE, ensure_ascii=False), "", "  ", '{"kind": "policy"}']
    records = read(tmp_path, "a.jsonl", "\n".join(lines) + "\n")

    assert [r.source for r in records] == [f"{tmp_path / 'a.jsonl'}:1", f"{tmp_path / 'a.jsonl'}:4"]
    assert loads(records[0].text or "") == ENTERPRISE
    assert records[1].text is not None
    assert records[1].text.strip() == '{"kind": "policy"}'


def test_jsonl_with_crlf_line_ends_decodes(tmp_path: Path) -> None:
    records = read(tmp_path, "a.jsonl", '{"a": 1}\r\n{"a": 2}\r\n')

    assert [loads(r.text or "") for r in records] == [{"a": 1}, {"a": 2}]


def test_jsonl_keeps_bad_json_lines_as_text_for_the_pipeline(tmp_path: Path) -> None:
    records = read(tmp_path, "a.jsonl", '{"a": 1}\n{"a": \n{"a": 3}\n')

    assert sources(records) == ["1", "2", "3"]
    assert records[1].text is not None
    assert records[1].error is None


def test_jsonl_without_final_newline_keeps_the_last_line(tmp_path: Path) -> None:
    records = read(tmp_path, "a.jsonl", '{"a": 1}\n{"a": 2}')

    assert [loads(r.text or "") for r in records] == [{"a": 1}, {"a": 2}]


def test_jsonl_with_utf8_bom_drops_the_mark(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + json.dumps(ENTERPRISE, ensure_ascii=False).encode("utf-8")
    records = read(tmp_path, "a.jsonl", data)

    assert loads(records[0].text or "") == ENTERPRISE


def test_jsonl_in_gb18030_is_detected(tmp_path: Path) -> None:
    data = (json.dumps(ENTERPRISE, ensure_ascii=False) + "\n").encode("gb18030")
    records = read(tmp_path, "a.jsonl", data)

    assert loads(records[0].text or "") == ENTERPRISE


def test_gb18030_after_the_first_8_kib_is_still_detected(tmp_path: Path) -> None:
    # Detection reads the first 64 KiB, not just what a read buffer happens to hold.
    ascii_line = json.dumps({"kind": "enterprise", "name": "a" * 200}) + "\n"
    chinese = json.dumps(ENTERPRISE, ensure_ascii=False) + "\n"
    data = (ascii_line * 60).encode("ascii") + chinese.encode("gb18030")
    assert len(data) > 8 * 1024

    records = read(tmp_path, "a.jsonl", data)

    assert len(records) == 61
    assert records[-1].error is None
    assert loads(records[-1].text or "") == ENTERPRISE


def test_jsonl_line_split_by_the_detection_head_is_read_whole(tmp_path: Path) -> None:
    line = json.dumps({"kind": "enterprise", "name": "名" * 5000}, ensure_ascii=False) + "\n"
    data = (line * 10).encode("utf-8")  # about 150 KiB: the 64 KiB head ends mid-line
    records = read(tmp_path, "a.jsonl", data)

    assert len(records) == 10
    assert all(loads(r.text or "") == json.loads(line) for r in records)
    assert sources(records) == [str(n) for n in range(1, 11)]


def test_jsonl_with_explicit_encoding_uses_it(tmp_path: Path) -> None:
    data = (json.dumps(ENTERPRISE, ensure_ascii=False) + "\n").encode("gb18030")
    records = read(tmp_path, "a.jsonl", data, encoding="GB18030")

    assert loads(records[0].text or "") == ENTERPRISE


def test_jsonl_undecodable_line_is_a_record_with_an_error(tmp_path: Path) -> None:
    data = b'{"a": 1}\n{"name": "\xff\xfe"}\n{"a": 3}\n'
    records = read(tmp_path, "a.jsonl", data)

    assert sources(records) == ["1", "2", "3"]
    assert records[1].text is None
    assert records[1].error is not None
    assert "utf-8" in records[1].error
    assert loads(records[2].text or "") == {"a": 3}


def test_gb18030_line_in_a_file_declared_utf8_is_undecodable(tmp_path: Path) -> None:
    data = b'{"a": 1}\n' + '{"name": "拉萨"}\n'.encode("gb18030")
    records = read(tmp_path, "a.jsonl", data, encoding="utf-8")

    assert records[0].error is None
    assert records[1].error is not None


def test_standard_input_is_read_as_jsonl_with_dash_sources() -> None:
    stream = io.BytesIO(b'{"a": 1}\n\n{"a": 2}\n')

    records = list(read_stream(stream, "-"))

    assert [r.source for r in records] == ["-:1", "-:3"]


def test_stream_without_peek_is_read() -> None:
    class Plain(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:
            chunk = self._data.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    records = list(read_stream(Plain(b'{"a": 1}\n{"a": 2}\n'), "-"))

    assert [loads(r.text or "") for r in records] == [{"a": 1}, {"a": 2}]


# JSON.


def test_json_array_elements_carry_the_line_they_start_on(tmp_path: Path) -> None:
    first = json.dumps(ENTERPRISE, ensure_ascii=False, indent=2)
    text = "[\n" + first + ",\n" + '{"kind": "policy"}' + ",\n\n" + first + "\n]\n"
    records = read(tmp_path, "a.json", text)

    span = first.count("\n") + 1
    assert sources(records) == ["2", str(2 + span), str(4 + span)]
    assert loads(records[0].text or "") == ENTERPRISE
    assert loads(records[2].text or "") == ENTERPRISE


def test_json_file_with_one_object_is_one_record(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", "\n\n" + json.dumps(ENTERPRISE))

    assert sources(records) == ["3"]


def test_json_file_with_objects_one_after_another(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '{"a": 1}\n{"a": 2} {"a": 3}')

    assert [loads(r.text or "") for r in records] == [{"a": 1}, {"a": 2}, {"a": 3}]
    assert sources(records) == ["1", "2", "2"]


@pytest.mark.parametrize("text", ["", "  \n", "[]", "[ \n ]"])
def test_empty_json_file_has_no_records(tmp_path: Path, text: str) -> None:
    assert read(tmp_path, "a.json", text) == []


def test_truncated_json_array_reads_what_came_before(tmp_path: Path) -> None:
    text = '[\n{"a": 1},\n{"a": 2},\n{"a": '
    records = read(tmp_path, "a.json", text)

    assert [loads(r.text or "") for r in records[:2]] == [{"a": 1}, {"a": 2}]
    assert records[2].error is not None
    assert "the rest is not read" in records[2].error
    assert sources(records) == ["2", "3", "4"]


def test_json_array_that_is_not_closed_ends_with_an_error(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '[{"a": 1}')

    assert len(records) == 2
    assert records[1].error is not None


def test_text_after_the_array_is_an_error(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '[{"a": 1}]\n{"a": 2}')

    assert records[1].error == "text after the end of the array"
    assert sources(records) == ["1", "2"]


def test_missing_comma_between_elements_is_an_error(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '[{"a": 1} {"a": 2}]')

    assert records[1].error is not None
    assert "','" in records[1].error


def test_nan_element_does_not_hide_the_elements_after_it(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '[{"a": NaN},\n{"a": 2}]')

    assert len(records) == 2
    assert records[0].text == '{"a": NaN}'
    assert loads(records[1].text or "") == {"a": 2}


def test_huge_integer_element_does_not_hide_the_elements_after_it(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", '[{"a": 1' + "0" * 5000 + '},\n{"a": 2}]')

    assert len(records) == 2
    assert records[0].error is None
    assert loads(records[1].text or "") == {"a": 2}


def test_deeply_nested_json_element_is_an_error_record(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", "[" + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]")

    assert len(records) == 1
    assert records[0].error is not None


def test_json_in_gb18030_with_bom_free_text_is_detected(tmp_path: Path) -> None:
    records = read(
        tmp_path, "a.json", json.dumps([ENTERPRISE], ensure_ascii=False).encode("gb18030")
    )

    assert loads(records[0].text or "") == ENTERPRISE


def test_json_with_utf8_bom_drops_the_mark(tmp_path: Path) -> None:
    records = read(tmp_path, "a.json", b"\xef\xbb\xbf" + json.dumps([ENTERPRISE]).encode())

    assert loads(records[0].text or "") == ENTERPRISE


def test_undecodable_json_file_is_one_error_record_with_its_line(tmp_path: Path) -> None:
    data = b'[\n{"a": 1},\n{"name": "\xff"}\n]'
    records = read(tmp_path, "a.json", data, encoding="utf-8")

    assert len(records) == 1
    assert records[0].error is not None
    assert sources(records) == ["3"]


# CSV.


def test_csv_columns_are_dotted_and_indexed_paths(tmp_path: Path) -> None:
    text = (
        "kind,policy_no,policyholder.name,policyholder.employees_by_type.regular,"
        "insurers[0].code,insurers[0].share,insurers[1].code,insurers[1].share,measures[0]\n"
        "policy,P-1,某公司,80,PICC,0.6,CPIC,0.4,培训\n"
    )
    records = read(tmp_path, "a.csv", text)

    assert records[0].data == {
        "kind": "policy",
        "policy_no": "P-1",
        "policyholder": {"name": "某公司", "employees_by_type": {"regular": "80"}},
        "insurers": [{"code": "PICC", "share": "0.6"}, {"code": "CPIC", "share": "0.4"}],
        "measures": ["培训"],
    }
    assert sources(records) == ["2"]


def test_csv_empty_cell_means_absent(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "kind,name,region\nenterprise,,540102\n")

    assert records[0].data == {"kind": "enterprise", "region": "540102"}


def test_csv_blank_rows_are_skipped_but_counted(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "kind,name\nenterprise,甲\n\n,\nenterprise,乙\n")

    assert [r.data for r in records] == [
        {"kind": "enterprise", "name": "甲"},
        {"kind": "enterprise", "name": "乙"},
    ]
    assert sources(records) == ["2", "5"]


def test_csv_quoted_cell_over_two_lines_keeps_the_row_start(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", 'kind,process\nx,"第一行\n第二行"\ny,z\n')

    assert records[0].data == {"kind": "x", "process": "第一行\n第二行"}
    assert sources(records) == ["2", "4"]


def test_csv_with_utf8_bom_reads_the_first_column(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "\ufeffkind,name\nenterprise,甲\n".encode())

    assert records[0].data == {"kind": "enterprise", "name": "甲"}


def test_csv_in_gb18030_is_detected(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "kind,name\nenterprise,拉萨某公司\n".encode("gb18030"))

    assert records[0].data == {"kind": "enterprise", "name": "拉萨某公司"}


def test_tsv_is_split_on_tabs(tmp_path: Path) -> None:
    records = read(tmp_path, "a.tsv", "kind\tname\nenterprise\t甲,乙\n")

    assert records[0].data == {"kind": "enterprise", "name": "甲,乙"}


def test_csv_repeated_column_is_reported_as_duplicate(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "kind,name,name\nenterprise,甲,乙\n")

    assert records[0].duplicates == ("name",)


@pytest.mark.parametrize("column", ["[0]", "a..b", "a[x]", "a]"])
def test_csv_column_that_is_not_a_path_makes_every_row_an_error(
    tmp_path: Path, column: str
) -> None:
    records = read(tmp_path, "a.csv", f"kind,{column}\nenterprise,1\nenterprise,2\n")

    assert len(records) == 2
    assert all(r.error is not None and column in r.error for r in records)


def test_csv_row_with_too_many_cells_is_an_error(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "kind,name\nenterprise,甲,多余\nenterprise,乙\n")

    assert records[0].error == "3 cells for 2 columns"
    assert records[1].data == {"kind": "enterprise", "name": "乙"}


def test_csv_columns_giving_one_field_two_shapes_is_an_error(tmp_path: Path) -> None:
    records = read(tmp_path, "a.csv", "provider,provider.name\nx,y\n")

    assert records[0].error == "columns give one field two shapes"


def test_csv_with_header_only_has_no_records(tmp_path: Path) -> None:
    assert read(tmp_path, "a.csv", "kind,name\n") == []
    assert read(tmp_path, "b.csv", "") == []


def test_input_format_overrides_the_extension(tmp_path: Path) -> None:
    records = read(tmp_path, "a.txt", "kind,name\nenterprise,甲\n", fmt="csv")

    assert records[0].data == {"kind": "enterprise", "name": "甲"}


# Encoding detection.


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        (b'{"a": 1}', "utf-8"),
        ("拉萨".encode(), "utf-8"),
        ("拉萨".encode("gb18030"), "gb18030"),
        ("拉萨".encode()[:-1], "utf-8"),  # a character cut at the end of the head
        (b"\xff\xff\xff", "utf-8"),  # neither: lines will be reported undecodable
        (b"", "utf-8"),
    ],
)
def test_detect_encoding(head: bytes, encoding: str) -> None:
    assert detect_encoding(head) == encoding
