"""Hostile inputs: each yields exactly one result with a finding, and never exit 3.

Whatever a record holds (wrong encoding, truncated JSON, NaN, 10^400, an integer of 5000
digits, 100000 levels of nesting, a 10 MB string, repeated keys, 30 February), the
library reports it as a finding of that record, and the command line exits 1 for it,
never 3.
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

from azx_core import Validator
from azx_core.io import read_stream
from azx_core.testing import factories

# The `azx` fixture (conftest.py): run(*args) -> (code, out, err).
Azx = Callable[..., Any]

VALIDATOR = Validator("national")
POLICY = json.dumps(factories.policy(), ensure_ascii=False)
PREMIUM = '"premium": "96000.00"'
DEPTH = 100_000


def with_premium(value: str) -> str:
    """The factory policy with its premium written as `value`."""
    assert PREMIUM in POLICY
    return POLICY.replace(PREMIUM, f'"premium": {value}', 1)


def nested(depth: int) -> str:
    """A policy whose policyholder is `depth` objects deep."""
    return POLICY.replace('"policyholder": ', '"policyholder": ' + '{"a": ' * depth, 1).replace(
        ', "insurers"', "}" * depth + ', "insurers"', 1
    )


def hostile_lines() -> dict[str, bytes]:
    """Each hostile record as one line of bytes, without its line end."""
    return {
        "wrong-encoding": POLICY.encode("gb18030") + b"\xff\xfe",
        "latin-1-text": '{"kind": "enterprise", "name": "Société"}'.encode("latin-1"),
        "truncated-json": POLICY[: len(POLICY) // 2].encode(),
        "nan": with_premium("NaN").encode(),
        "infinity": with_premium("Infinity").encode(),
        "minus-infinity": with_premium("-Infinity").encode(),
        "1e400": with_premium("1e400").encode(),
        "10-to-the-400-as-integer": with_premium("1" + "0" * 400).encode(),
        "integer-of-5000-digits": with_premium("9" * 5000).encode(),
        "100000-levels-of-objects": nested(DEPTH).encode(),
        "100000-levels-of-arrays": ("[" * DEPTH + "]" * DEPTH).encode(),
        "10-mb-string": json.dumps(
            factories.enterprise(name="名" * (10_000_000 // 3)), ensure_ascii=False
        ).encode(),
        "10-mb-key": ('{"kind": "enterprise", "' + "k" * 10_000_000 + '": 1}').encode(),
        "duplicate-keys": POLICY.replace(PREMIUM, '"premium": "1.00", ' + PREMIUM, 1).encode(),
        "2025-02-30": json.dumps(factories.policy(start="2025-02-30")).encode(),
        "2025-13-01": json.dumps(factories.policy(end="2025-13-01")).encode(),
        "not-an-object": b'["policy"]',
        "control-characters": b'{"kind": "enterprise", "name": "\x00\x01"}',
        "lone-surrogate-in-a-name": b'{"kind": "enterprise", "name": "\\ud800"}',
        "lone-surrogate-as-the-kind": b'{"kind": "\\ud800"}',
        "lone-surrogate-as-the-key": b'{"kind": "policy", "policy_no": "\\udc00"}',
        "lone-surrogate-as-a-field-name": b'{"kind": "enterprise", "\\udfff": 1}',
    }


HOSTILE = hostile_lines()
NAMES = sorted(HOSTILE)


@pytest.mark.parametrize("name", NAMES)
def test_hostile_record_yields_one_result_with_a_finding(name: str) -> None:
    records = list(read_stream(io.BytesIO(HOSTILE[name] + b"\n"), "in.jsonl"))

    results = list(VALIDATOR.validate_many(records))

    assert len(results) == 1
    assert results[0].findings
    assert not results[0].valid
    assert results[0].source == "in.jsonl:1"


@pytest.mark.parametrize("name", NAMES)
def test_hostile_record_does_not_stop_the_records_after_it(name: str) -> None:
    good = json.dumps(factories.complaint()).encode()
    data = HOSTILE[name] + b"\n" + good + b"\n"

    results = list(VALIDATOR.validate_many(read_stream(io.BytesIO(data), "in")))

    assert len(results) == 2
    assert results[1].valid
    assert results[1].source == "in:2"


@pytest.mark.parametrize("name", NAMES)
def test_cli_reports_a_hostile_jsonl_record_and_exits_1(
    azx: Azx, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(HOSTILE[name] + b"\n")

    run = azx("validate", "--format", "jsonl", str(path))
    lines = [json.loads(line) for line in run.out.splitlines()]

    assert run.code == 1
    assert "Traceback" not in run.err
    assert len(lines) == 2
    assert lines[0]["findings"]
    assert lines[-1]["summary"]["records"] == 1


@pytest.mark.parametrize("name", NAMES)
def test_cli_reports_a_hostile_json_array_element_and_exits_1(
    azx: Azx, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(b"[\n" + HOSTILE[name] + b"\n]\n")

    run = azx("validate", "--format", "json", str(path))
    report = json.loads(run.out)

    assert run.code == 1
    assert report["summary"]["records"] == 1
    assert report["results"][0]["findings"]


@pytest.mark.parametrize(
    "row",
    [
        "enterprise,91540100MA6T1A2B36,甲,construction,540102,2025-02-30\n".encode(),
        "enterprise,91540100MA6T1A2B36,甲,construction,540102,1e400\n".encode(),
        b"enterprise,91540100MA6T1A2B36,\xff\xfe,construction,540102,1\n",
        (
            "enterprise,91540100MA6T1A2B36," + "名" * (10_000_000 // 3) + ",construction,540102,1\n"
        ).encode(),
        b'enterprise,"91540100MA6T1A2B36\n',
    ],
    ids=["bad-date-as-count", "1e400-as-count", "wrong-encoding", "10-mb-cell", "open-quote"],
)
def test_cli_reports_a_hostile_csv_row_and_exits_1(azx: Azx, tmp_path: Path, row: bytes) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(b"kind,uscc,name,industry,region,employee_count\n" + row)

    run = azx("validate", "--format", "json", "--encoding", "utf-8", str(path))
    report = json.loads(run.out)

    assert run.code == 1
    assert report["summary"]["records"] == 1
    assert report["results"][0]["findings"]


def test_whole_hostile_file_in_a_real_process_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_bytes(b"\n".join(HOSTILE[name] for name in NAMES) + b"\n")

    done = subprocess.run(
        [sys.executable, "-m", "azx_core", "validate", "--format", "jsonl", str(path)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]

    assert done.returncode == 1, done.stderr.decode("utf-8", "replace")[-2000:]
    assert len(lines) == len(NAMES) + 1
    assert all(line["findings"] for line in lines[:-1])
    assert lines[-1]["summary"]["invalid"] == len(NAMES)
