"""Tests of the ``azx`` command: exit codes, report formats, options, inputs and outputs.

Most runs call `azx_core.cli.main.main` in-process (the ``azx`` fixture); a few start
``python -m azx_core`` as a real process. Runs that assert exact findings select the SCH
and ENT families, so that they do not depend on the other rule families.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from azx_core import __version__, schemas
from azx_core.testing import factories

# The `azx` fixture (conftest.py): run(*args) -> (code, out, err).
Azx = Callable[..., Any]

BAD_USCC = "91540100MA6T1A2B37"
BAD_ID = "110105194912310021"
ONLY_STRUCTURE = ("--select", "SCH,ENT")


def write_jsonl(path: Path, records: list[Any]) -> Path:
    """Write records (dicts, or raw lines as strings) as a JSONL file."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "good.jsonl", [factories.enterprise(), factories.complaint()])


@pytest.fixture
def mixed_file(tmp_path: Path) -> Path:
    """One valid record, one ENT001 error, one SCH003 warning, one undecodable line."""
    return write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            factories.enterprise(),
            factories.enterprise(uscc=BAD_USCC),
            factories.enterprise(colour="red"),
            '{"kind": "enterprise", ',
        ],
    )


@pytest.fixture
def warning_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "warn.jsonl", [factories.enterprise(colour="red")])


def jsonl(out: str) -> list[dict[str, Any]]:
    """The lines of a jsonl report."""
    return [json.loads(line) for line in out.splitlines()]


def findings(result: dict[str, Any]) -> list[str]:
    """The rule ids of a report result."""
    return [f["rule"] for f in result["findings"]]


# Exit codes.


def test_clean_input_exits_0(azx: Azx, good_file: Path) -> None:
    assert azx("validate", str(good_file)).code == 0


def test_error_finding_exits_1(azx: Azx, mixed_file: Path) -> None:
    assert azx("validate", str(mixed_file)).code == 1


def test_warning_alone_exits_0_by_default(azx: Azx, warning_file: Path) -> None:
    assert azx("validate", *ONLY_STRUCTURE, str(warning_file)).code == 0


def test_fail_on_warning_exits_1_on_a_warning(azx: Azx, warning_file: Path) -> None:
    assert azx("validate", *ONLY_STRUCTURE, "--fail-on", "warning", str(warning_file)).code == 1


def test_exit_zero_exits_0_and_still_reports(azx: Azx, mixed_file: Path) -> None:
    run = azx("validate", "--exit-zero", "--format", "jsonl", str(mixed_file))

    assert run.code == 0
    assert jsonl(run.out)[-1]["summary"]["errors"] >= 2


def test_missing_file_exits_2(azx: Azx, tmp_path: Path) -> None:
    run = azx("validate", str(tmp_path / "nope.jsonl"))

    assert run.code == 2
    assert "nope.jsonl" in run.err
    assert run.out == ""


def test_missing_second_file_exits_2_before_any_output(
    azx: Azx, good_file: Path, tmp_path: Path
) -> None:
    run = azx("validate", "--format", "jsonl", str(good_file), str(tmp_path / "nope.jsonl"))

    assert run.code == 2
    assert run.out == ""


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--profile", "atlantis"),
        ("validate", "--select", "XYZ999"),
        ("validate", "--ignore", "ENT999"),
        ("validate", "--select", "ENTX"),
        ("validate", "--bogus"),
        ("validate", "--format", "pdf"),
        ("validate", "--kind", "spaceship"),
        ("validate", "--as-of", "2025-02-30"),
        ("validate", "--jobs", "0"),
        ("validate", "--lang", "fr"),
        ("validate", "--encoding", "klingon"),
    ],
)
def test_usage_errors_exit_2(azx: Azx, good_file: Path, args: tuple[str, ...]) -> None:
    run = azx(*args, str(good_file))

    assert run.code == 2
    assert run.err.startswith("azx")
    assert "Traceback" not in run.err


@pytest.mark.parametrize(
    "args", [(), ("frobnicate",), ("validate",), ("explain", "ENT999"), ("explain",)]
)
def test_bad_commands_exit_2(azx: Azx, args: tuple[str, ...]) -> None:
    assert azx(*args).code == 2


def test_version_exits_0(azx: Azx) -> None:
    run = azx("--version")

    assert run.code == 0
    assert run.out.strip() == f"azx {__version__}"


def test_unknown_profile_message_lists_the_shipped_ones(azx: Azx, good_file: Path) -> None:
    run = azx("validate", "--profile", "atlantis", str(good_file))

    assert "national" in run.err
    assert "xizang" in run.err


# The json report.


def test_json_report_has_exactly_the_contract_shape(azx: Azx, mixed_file: Path) -> None:
    run = azx("validate", *ONLY_STRUCTURE, "--format", "json", str(mixed_file))
    report = json.loads(run.out)

    assert list(report) == [
        "report_version",
        "tool",
        "profile",
        "as_of",
        "summary",
        "results",
    ]
    assert report["report_version"] == "1.0.0"
    assert report["tool"] == {"name": "azx-core", "version": __version__}
    assert report["profile"] == "national"
    assert report["as_of"] is None
    assert report["summary"] == {
        "records": 4,
        "valid": 2,
        "invalid": 2,
        "errors": 2,
        "warnings": 1,
        "not_checked": 0,
    }
    results = report["results"]
    assert [list(r) for r in results] == [
        ["index", "source", "kind", "key", "valid", "findings", "not_checked"]
    ] * 4
    assert [r["index"] for r in results] == [0, 1, 2, 3]
    assert [r["source"] for r in results] == [f"{mixed_file}:{n}" for n in range(1, 5)]
    assert [findings(r) for r in results] == [[], ["ENT001"], ["SCH003"], ["SCH001"]]
    assert [r["valid"] for r in results] == [True, False, True, False]
    assert results[3]["kind"] is None
    assert results[3]["key"] is None
    finding = results[1]["findings"][0]
    assert list(finding) == ["rule", "name", "severity", "path", "message", "reference", "params"]
    assert finding["severity"] == "error"
    assert finding["path"] == "uscc"
    assert finding["reference"] == "GB 32100-2015"
    assert finding["params"]["code"] == "uscc_check_character"


def test_json_report_carries_as_of_when_given(azx: Azx, good_file: Path) -> None:
    run = azx(
        "validate", *ONLY_STRUCTURE, "--format", "json", "--as-of", "2025-06-01", str(good_file)
    )

    assert json.loads(run.out)["as_of"] == "2025-06-01"


def test_json_report_names_the_profile(azx: Azx, good_file: Path) -> None:
    run = azx("validate", "--format", "json", "--profile", "xizang", str(good_file))

    assert json.loads(run.out)["profile"] == "xizang"


# The jsonl report.


def test_jsonl_writes_one_line_per_record_then_the_summary(azx: Azx, mixed_file: Path) -> None:
    lines = jsonl(azx("validate", *ONLY_STRUCTURE, "--format", "jsonl", str(mixed_file)).out)

    assert len(lines) == 5
    assert [line["index"] for line in lines[:4]] == [0, 1, 2, 3]
    assert list(lines[-1]) == ["summary"]
    assert lines[-1]["summary"] == {
        "records": 4,
        "valid": 2,
        "invalid": 2,
        "errors": 2,
        "warnings": 1,
        "not_checked": 0,
    }


def test_jsonl_lines_are_results_batch_findings_or_the_summary(azx: Azx, mixed_file: Path) -> None:
    lines = jsonl(azx("validate", "--format", "jsonl", str(mixed_file)).out)

    assert sum(1 for line in lines if "index" in line and "findings" in line) == 4
    assert all(("index" in line) or list(line) == ["batch_finding"] for line in lines[:-1])
    assert list(lines[-1]) == ["summary"]


# Text report and language.


def has_chinese(text: str) -> bool:
    """Whether `text` holds a CJK ideograph."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def test_text_report_lists_findings_and_a_summary(azx: Azx, mixed_file: Path) -> None:
    out = azx("validate", *ONLY_STRUCTURE, str(mixed_file)).out
    summary = out.splitlines()[-2]

    assert f"{mixed_file}:2" in out
    assert BAD_USCC in out
    assert "ENT001" in out
    assert "SCH003" in out
    assert "SCH001" in out
    assert f"{mixed_file}:1 " not in out  # a clean record is not listed
    assert "4" in summary
    assert has_chinese(summary)


def test_lang_en_writes_english_messages(azx: Azx, mixed_file: Path) -> None:
    run = azx("validate", *ONLY_STRUCTURE, "--lang", "en", "--format", "jsonl", str(mixed_file))
    message = jsonl(run.out)[1]["findings"][0]["message"]

    assert message.startswith("Unified social credit code")


def test_lang_en_text_summary_is_english(azx: Azx, mixed_file: Path) -> None:
    out = azx("validate", *ONLY_STRUCTURE, "--lang", "en", str(mixed_file)).out
    summary = out.splitlines()[-2]

    assert "4" in summary
    assert "valid" in summary
    assert not has_chinese(summary)


# Selecting rules.


def test_select_one_rule_runs_only_it(azx: Azx, mixed_file: Path) -> None:
    lines = jsonl(azx("validate", "--select", "ENT001", "--format", "jsonl", str(mixed_file)).out)

    assert [findings(line) for line in lines[:4]] == [[], ["ENT001"], [], ["SCH001"]]


def test_select_by_family_prefix(azx: Azx, mixed_file: Path) -> None:
    lines = jsonl(azx("validate", "--select", "sch", "--format", "jsonl", str(mixed_file)).out)

    assert [findings(line) for line in lines[:4]] == [[], [], ["SCH003"], ["SCH001"]]


def test_ignore_by_family_prefix(azx: Azx, mixed_file: Path) -> None:
    run = azx("validate", *ONLY_STRUCTURE, "--ignore", "ENT", "--format", "jsonl", str(mixed_file))
    lines = jsonl(run.out)

    assert [findings(line) for line in lines[:4]] == [[], [], ["SCH003"], ["SCH001"]]


def test_ignore_several_ids(azx: Azx, mixed_file: Path) -> None:
    run = azx("validate", "--ignore", "ENT001, SCH003", "--format", "jsonl", str(mixed_file))

    assert [findings(line) for line in jsonl(run.out)[:3]] == [[], [], []]


@pytest.mark.parametrize(
    "options",
    [
        ("--ignore", "SCH001"),
        ("--ignore", "SCH"),
        ("--select", "ENT"),
        ("--select", "ENT001", "--ignore", "SCH001"),
    ],
)
def test_sch001_is_never_hidden(azx: Azx, tmp_path: Path, options: tuple[str, ...]) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", ["{not json"])

    run = azx("validate", *options, "--format", "jsonl", str(path))

    assert findings(jsonl(run.out)[0]) == ["SCH001"]
    assert run.code == 1


# Inputs.


def test_kind_supplies_the_kind_of_records_without_one(azx: Azx, tmp_path: Path) -> None:
    record = factories.enterprise(uscc=BAD_USCC)
    del record["kind"]
    path = write_jsonl(tmp_path / "plain.jsonl", [record])

    run = azx("validate", *ONLY_STRUCTURE, "--kind", "enterprise", "--format", "jsonl", str(path))

    assert jsonl(run.out)[0]["kind"] == "enterprise"
    assert findings(jsonl(run.out)[0]) == ["ENT001"]


def test_folder_arguments_read_every_record_file_below_them(azx: Azx, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write_jsonl(folder / "a.jsonl", [factories.enterprise()])
    (folder / "sub" / "b.json").write_text(json.dumps([factories.complaint()]), encoding="utf-8")
    (folder / "c.csv").write_text(
        "kind,complaint_id,policy_no,received_on\ncomplaint,C1,P1,2025-08-04\n"
    )
    (folder / "notes.txt").write_text("not records")

    run = azx("validate", *ONLY_STRUCTURE, "--format", "jsonl", str(folder))
    lines = jsonl(run.out)

    assert [line["source"] for line in lines[:-1]] == [
        f"{folder / 'a.jsonl'}:1",
        f"{folder / 'c.csv'}:2",
        f"{folder / 'sub' / 'b.json'}:1",
    ]
    assert [line["index"] for line in lines[:-1]] == [0, 1, 2]
    assert run.code == 0


def test_folder_without_record_files_exits_2(azx: Azx, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()

    assert azx("validate", str(tmp_path / "empty")).code == 2


def test_several_files_are_one_run(azx: Azx, good_file: Path, mixed_file: Path) -> None:
    lines = jsonl(
        azx("validate", *ONLY_STRUCTURE, "--format", "jsonl", str(good_file), str(mixed_file)).out
    )

    assert [line["index"] for line in lines[:-1]] == list(range(6))
    assert lines[-1]["summary"]["records"] == 6


def test_stdin_dash_is_read_as_jsonl(azx: Azx, monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(
        json.dumps(r) for r in [factories.enterprise(), factories.enterprise(uscc=BAD_USCC)]
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))

    run = azx("validate", *ONLY_STRUCTURE, "--format", "jsonl", "-")
    lines = jsonl(run.out)

    assert [line["source"] for line in lines[:-1]] == ["-:1", "-:2"]
    assert findings(lines[1]) == ["ENT001"]
    assert run.code == 1


def test_encoding_option_reads_gb18030(azx: Azx, tmp_path: Path) -> None:
    path = tmp_path / "gbk.jsonl"
    path.write_bytes(json.dumps(factories.enterprise(), ensure_ascii=False).encode("gb18030"))

    run = azx("validate", *ONLY_STRUCTURE, "--encoding", "gb18030", "--format", "jsonl", str(path))

    assert jsonl(run.out)[0]["valid"]


def test_input_format_overrides_the_extension(azx: Azx, tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    path.write_text(json.dumps([factories.enterprise(uscc=BAD_USCC)]), encoding="utf-8")

    run = azx("validate", *ONLY_STRUCTURE, "--input-format", "json", "--format", "jsonl", str(path))

    assert findings(jsonl(run.out)[0]) == ["ENT001"]


# Outputs.


def test_output_file_receives_the_report(azx: Azx, mixed_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"

    run = azx("validate", "--format", "json", "--output", str(target), str(mixed_file))

    assert run.out == ""
    assert run.code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["records"] == 4


def test_output_into_a_missing_folder_exits_2(azx: Azx, good_file: Path, tmp_path: Path) -> None:
    run = azx("validate", "--output", str(tmp_path / "no" / "report.txt"), str(good_file))

    assert run.code == 2


def test_resident_ids_are_masked_unless_asked(azx: Azx, tmp_path: Path) -> None:
    record = factories.policy(insured_persons=[factories.insured_person(1, id_number=BAD_ID)])
    path = write_jsonl(tmp_path / "ids.jsonl", [record])

    masked = azx("validate", "--select", "ENT002", "--format", "json", str(path))
    shown = azx(
        "validate", "--select", "ENT002", "--format", "json", "--show-personal-data", str(path)
    )

    assert BAD_ID not in masked.out
    assert "ENT002" in masked.out
    assert BAD_ID in shown.out


# Parallel runs.


def test_jobs_2_writes_exactly_what_jobs_1_writes(azx: Azx, tmp_path: Path) -> None:
    records: list[Any] = []
    for n in range(1200):  # more than two chunks of work
        if n % 7 == 0:
            records.append(factories.enterprise(uscc=BAD_USCC))
        elif n % 11 == 0:
            records.append("{broken")
        elif n % 13 == 0:
            records.append(factories.enterprise(colour="red"))
        else:
            records.append(factories.FACTORIES[sorted(factories.FACTORIES)[n % 6]]())
    path = write_jsonl(tmp_path / "many.jsonl", records)

    for fmt in ("jsonl", "json"):
        one = azx("validate", "--format", fmt, "--jobs", "1", str(path))
        two = azx("validate", "--format", fmt, "--jobs", "2", str(path))

        assert one.code == two.code == 1
        assert two.out == one.out
    assert len(json.loads(one.out)["results"]) == 1200


# Other commands.


def test_rules_lists_the_catalogue(azx: Azx) -> None:
    run = azx("rules", "--format", "json")
    entries = {entry["id"]: entry for entry in json.loads(run.out)}

    assert run.code == 0
    assert {"SCH001", "SCH004", "ENT001", "ENT004"} <= set(entries)
    assert entries["ENT001"]["name"] == "uscc-check-character"


def test_explain_describes_a_rule(azx: Azx) -> None:
    run = azx("explain", "ent001")

    assert run.code == 0
    assert run.out.startswith("ENT001 uscc-check-character")


def test_schema_prints_one_kind(azx: Azx) -> None:
    run = azx("schema", "--kind", "policy")

    assert run.code == 0
    assert json.loads(run.out) == schemas.shipped("policy")


def test_schema_out_writes_every_kind(azx: Azx, tmp_path: Path) -> None:
    run = azx("schema", "--out", str(tmp_path / "schemas"))

    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert run.code == 0
    assert "enterprise.schema.json" in written
    assert len(written) == 6


# A real process.


def run_module(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m azx_core`` with `args`."""
    return subprocess.run(
        [sys.executable, "-m", "azx_core", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_python_m_azx_core_validates_a_file(mixed_file: Path) -> None:
    done = run_module("validate", *ONLY_STRUCTURE, "--format", "jsonl", str(mixed_file))

    assert done.returncode == 1
    lines = jsonl(done.stdout.decode("utf-8"))
    assert lines[-1]["summary"]["records"] == 4


def test_python_m_azx_core_reads_standard_input() -> None:
    data = json.dumps(factories.enterprise(), ensure_ascii=False).encode("utf-8") + b"\n{bad\n"

    done = run_module("validate", *ONLY_STRUCTURE, "--format", "jsonl", "-", stdin=data)

    lines = jsonl(done.stdout.decode("utf-8"))
    assert done.returncode == 1
    assert [line["source"] for line in lines[:-1]] == ["-:1", "-:2"]
    assert findings(lines[1]) == ["SCH001"]


def test_python_m_azx_core_exits_2_on_a_missing_file(tmp_path: Path) -> None:
    done = run_module("validate", "missing.jsonl", cwd=tmp_path)

    assert done.returncode == 2
    assert b"missing.jsonl" in done.stderr
