"""The bundled examples: valid files pass under xizang, invalid ones break what they say.

``examples/valid`` must produce no error under the ``xizang`` profile. Each file directly
under ``examples/invalid`` (and each folder there, run as one batch) has a sidecar
``<name>.expect.toml`` naming the profile, an optional ``as_of``, the ``rules`` it must
trigger and, with ``exact = true``, that no other rule may fire.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from azx_core import Validator
from azx_core.cli.main import main
from azx_core.io.readers import read_path
from azx_core.models import KINDS
from azx_core.rules.registry import get_rule

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv"}
SIDECAR = ".expect.toml"
SIDECAR_KEYS = {"profile", "as_of", "rules", "exact"}


def record_files(folder: Path) -> list[Path]:
    """The files `azx validate FOLDER` reads, in its order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in RECORD_SUFFIXES)


def invalid_cases() -> list[Path]:
    """Each invalid example: a record file directly under invalid/, or a folder there."""
    return sorted(
        p for p in INVALID.iterdir() if p.is_dir() or (p.is_file() and p.suffix in RECORD_SUFFIXES)
    )


def sidecar(case: Path) -> Path:
    return case.with_name(case.name + SIDECAR)


def expectation(case: Path) -> dict[str, Any]:
    return tomllib.loads(sidecar(case).read_text("utf-8"))


def as_of_of(expected: dict[str, Any]) -> date | None:
    value = expected.get("as_of")
    return date.fromisoformat(value) if isinstance(value, str) else value


def run_cli(tmp_path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    """Run ``azx validate ... --format json`` in-process; return the exit code and report."""
    out = tmp_path / "report.json"
    code = main(["validate", *args, "--format", "json", "--output", str(out)])
    return code, json.loads(out.read_text("utf-8"))


def fired(report: dict[str, Any]) -> set[str]:
    return {f["rule"] for result in report["results"] for f in result["findings"]}


@pytest.mark.parametrize("path", record_files(VALID), ids=lambda p: p.name)
def test_valid_example_file_has_no_error_under_xizang(path: Path) -> None:
    run = Validator("xizang").run(read_path(path))
    errors = [
        (result.source, f.rule, f.path)
        for result in run
        for f in result.findings
        if f.severity == "error"
    ]
    errors += [
        (b.source, b.finding.rule, b.finding.path)
        for b in run.finish()
        if b.finding.severity == "error"
    ]
    assert errors == []
    assert run.summary.records > 0


@pytest.mark.parametrize("as_of", [None, "2026-09-01"])
def test_valid_examples_pass_the_command_line_together(tmp_path: Path, as_of: str | None) -> None:
    extra = ["--as-of", as_of] if as_of else []
    code, report = run_cli(tmp_path, "--profile", "xizang", *extra, str(VALID))
    assert code == 0
    assert report["summary"]["invalid"] == 0
    assert report["summary"]["errors"] == 0


def test_valid_examples_hold_every_record_kind(tmp_path: Path) -> None:
    _, report = run_cli(tmp_path, "--profile", "xizang", str(VALID))
    assert {result["kind"] for result in report["results"]} == set(KINDS)


def test_valid_examples_include_a_gb18030_csv() -> None:
    gb18030 = []
    for path in VALID.glob("*.csv"):
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            data.decode("gb18030")
            gb18030.append(path.name)
    assert gb18030


def test_every_invalid_example_has_a_sidecar() -> None:
    cases = invalid_cases()
    assert cases
    assert [case.name for case in cases if not sidecar(case).is_file()] == []


def test_every_sidecar_belongs_to_an_invalid_example() -> None:
    names = {sidecar(case).name for case in invalid_cases()}
    orphans = [p.name for p in INVALID.glob(f"*{SIDECAR}") if p.name not in names]
    assert orphans == []


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: p.name)
def test_sidecar_names_a_profile_and_known_rules(case: Path) -> None:
    expected = expectation(case)
    assert set(expected) <= SIDECAR_KEYS
    assert isinstance(expected["profile"], str)
    assert expected["rules"]
    for rule_id in expected["rules"]:
        assert get_rule(rule_id).id == rule_id


@pytest.mark.parametrize("case", invalid_cases(), ids=lambda p: p.name)
def test_invalid_example_triggers_the_rules_of_its_sidecar(tmp_path: Path, case: Path) -> None:
    expected = expectation(case)
    args = ["--profile", expected["profile"]]
    as_of = as_of_of(expected)
    if as_of is not None:
        args += ["--as-of", as_of.isoformat()]
    _, report = run_cli(tmp_path, *args, str(case))

    found = fired(report)
    wanted = set(expected["rules"])
    assert wanted <= found
    if expected.get("exact", False):
        assert found == wanted

    # The command fails on it: on errors by default, on warnings when it has no error.
    has_error = any(
        f["severity"] == "error" and f["rule"] in wanted
        for result in report["results"]
        for f in result["findings"]
    )
    fail_on = [] if has_error else ["--fail-on", "warning"]
    code, _ = run_cli(tmp_path, *args, *fail_on, str(case))
    assert code == 1


def test_readme_command_reports_every_example_and_exits_zero(tmp_path: Path) -> None:
    code, report = run_cli(tmp_path, "--exit-zero", "--profile", "xizang", str(EXAMPLES))
    assert code == 0
    assert report["summary"]["invalid"] > 0
    assert report["summary"]["records"] == len(report["results"])


def test_readme_command_without_exit_zero_fails_on_the_invalid_examples(tmp_path: Path) -> None:
    code, _ = run_cli(tmp_path, "--profile", "xizang", str(EXAMPLES))
    assert code == 1
