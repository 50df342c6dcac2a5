"""Shared test fixture: run the ``azx`` command in-process and capture what it writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from azx_core.cli.main import main


class CliRun(NamedTuple):
    """The exit code and output of one ``azx`` run."""

    code: int
    out: str
    err: str


@pytest.fixture
def azx(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliRun]:
    """Return ``run(*args)``, which runs ``azx`` with `args` and returns a `CliRun`."""

    def run(*args: str) -> CliRun:
        code = main(list(args))
        out, err = capsys.readouterr()
        return CliRun(code, out, err)

    return run
