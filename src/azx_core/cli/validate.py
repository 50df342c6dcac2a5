"""``azx validate``: read the files, run the validator, write the report, pick the exit code."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from azx_core import __version__
from azx_core.batch import ParallelRun, ValidatorSettings
from azx_core.io.readers import InputError, RawRecord, read_path, read_stream
from azx_core.report import RENDERERS, ReportMeta, Severity
from azx_core.report.json_report import JsonlRenderer, line
from azx_core.run import Run

__all__ = ["run_validate"]


_RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".csv", ".tsv"}


def _expand(names: list[str]) -> list[str]:
    """Replace each folder by the record files below it, in sorted order."""
    files: list[str] = []
    for name in names:
        if name != "-" and os.path.isdir(name):
            found = sorted(
                str(path)
                for path in Path(name).rglob("*")
                if path.is_file() and path.suffix.lower() in _RECORD_SUFFIXES
            )
            if not found:
                raise InputError(f"{name} holds no .json, .jsonl or .csv files")
            files.extend(found)
        else:
            files.append(name)
    return files


def _records(args: argparse.Namespace) -> Iterator[RawRecord]:
    for name in args.files:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, "-", fmt="jsonl", encoding=args.encoding)
        else:
            yield from read_path(name, fmt=args.input_format, encoding=args.encoding)


def _check_inputs(args: argparse.Namespace) -> None:
    for name in args.files:
        if name != "-" and not (os.path.isfile(name) and os.access(name, os.R_OK)):
            reason = "no such file" if not os.path.exists(name) else "not a readable file"
            raise InputError(f"cannot read {name}: {reason}")


def run_validate(args: argparse.Namespace) -> int:
    """Validate the files named in `args`; return the exit code."""
    args.files = _expand(args.files)
    _check_inputs(args)
    settings = ValidatorSettings(
        profile=args.profile,
        as_of=args.as_of,
        lang=args.lang,
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore) if args.ignore is not None else None,
        show_personal_data=args.show_personal_data,
    )
    records = _records(args)
    # Read ahead one record, so that an unreadable input fails before any output.
    first = list(itertools.islice(records, 1))
    stream = itertools.chain(first, records)
    if args.jobs > 1:
        run: Run = ParallelRun(settings, stream, args.kind, args.jobs)
    else:
        run = settings.build().run(stream, kind=args.kind)

    meta = ReportMeta("azx-core", __version__, run.validator.profile.name, args.as_of, args.lang)
    with _output(args.output) as out:
        renderer = RENDERERS[args.fmt](out, meta)
        if isinstance(run, ParallelRun) and isinstance(renderer, JsonlRenderer):
            # The workers write their chunks' lines; this process only copies them.
            for text in run.encoded(line):
                renderer.text(text)
        else:
            for result in run:
                renderer.result(result)
        renderer.batch(run.finish())
        renderer.finish(run.summary)

    if args.exit_zero:
        return 0
    worst = run.summary.worst()
    threshold = Severity.ERROR if args.fail_on == "error" else Severity.WARNING
    return 1 if worst is not None and worst.rank >= threshold.rank else 0


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    with handle:
        yield handle
