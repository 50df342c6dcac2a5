"""Parallel runs (--jobs): the same report, batch findings and summary as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from azx_core.cli.main import main
from azx_core.report.results import Summary

EXAMPLES = Path(__file__).parent.parent / "examples"


def _report(capsys: pytest.CaptureFixture[str], fmt: str, jobs: int) -> tuple[int, str]:
    code = main(
        [
            "validate",
            "--profile",
            "xizang",
            "--as-of",
            "2026-06-30",
            "--format",
            fmt,
            "--jobs",
            str(jobs),
            str(EXAMPLES),
        ]
    )
    return code, capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_two_jobs_write_the_report_of_one(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    one = _report(capsys, fmt, 1)
    two = _report(capsys, fmt, 2)

    assert two == one
    assert one[0] == 1
    assert '"POL006"' in one[1]
    assert '"COV005"' in one[1]


def test_merged_summaries_add_every_count() -> None:
    total = Summary(records=3, valid=2, invalid=1, errors=4, warnings=1, infos=0, not_checked=2)
    total.merge(
        Summary(records=2, valid=0, invalid=2, errors=2, warnings=0, infos=1, not_checked=1)
    )

    assert total == Summary(
        records=5, valid=2, invalid=3, errors=6, warnings=1, infos=1, not_checked=3
    )
