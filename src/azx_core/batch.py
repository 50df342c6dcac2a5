"""Running a validation over several processes (``--jobs N``).

The main process reads the input and hands chunks of raw records to worker processes,
which decode, parse and check them and send back the results together with the small
facts the batch rules need. The main process feeds those facts to the batch checks in
input order, so that ``--jobs 2`` produces exactly the output of ``--jobs 1``.

For a streaming report the workers can also write each chunk's part of the report
(`ParallelRun.encoded`), so that the main process only copies text, counts and feeds the
batch checks.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from azx_core.io.readers import RawRecord
from azx_core.report.results import RecordResult, Summary
from azx_core.rules.model import NotApplicable, NotCheckable
from azx_core.run import Run
from azx_core.validation import Validator

__all__ = ["ParallelRun", "ValidatorSettings"]

CHUNK = 500


@attrs.frozen
class ValidatorSettings:
    """What a worker needs to build its own `Validator` (everything picklable)."""

    profile: str
    as_of: Any = None
    lang: str = "zh"
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    show_personal_data: bool = False

    def build(self) -> Validator:
        """Build the validator these settings describe."""
        return Validator(
            self.profile,
            as_of=self.as_of,
            lang=self.lang,
            select=self.select,
            ignore=self.ignore,
            show_personal_data=self.show_personal_data,
        )


_worker: tuple[Validator, list[Any]] | None = None


def _start(settings: ValidatorSettings) -> None:
    global _worker
    validator = settings.build()
    _worker = (validator, validator.engine.batch_checks())


Facts = list[tuple[int, Any]]
Job = tuple[int, list[RawRecord], str | None, Callable[[RecordResult], str] | None]


@attrs.frozen
class _Encoded:
    """A chunk's part of the report, with what the main process still needs."""

    text: str
    summary: Summary
    valid: bytes
    sources: list[str]
    facts: list[Facts]


def _start_method() -> Any:
    """Fork where it is safe (POSIX, no other thread running): the workers then start
    with the library already loaded. Otherwise start fresh interpreters."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _work(job: Job) -> list[tuple[RecordResult, Facts]] | _Encoded:
    assert _worker is not None
    validator, checks = _worker
    engine = validator.engine
    first, records, kind, encode = job
    out = []
    for offset, record in enumerate(records):
        result, model = validator.process(
            record, kind=kind, index=first + offset, source=record.source, batch=True
        )
        facts: Facts = []
        if model is not None and checks:
            ctx = engine.context(model)
            for position, (_active, check) in enumerate(checks):
                try:
                    fact = check.extract(model, ctx)
                except (NotApplicable, NotCheckable):
                    continue
                if fact is not None:
                    facts.append((position, fact))
        out.append((result, facts))
    if encode is None:
        return out
    summary = Summary()
    for result, _facts in out:
        summary.add(result)
    return _Encoded(
        text="".join(encode(result) for result, _facts in out),
        summary=summary,
        valid=bytes(result.valid for result, _facts in out),
        sources=[result.source for result, _facts in out],
        facts=[facts for _result, facts in out],
    )


class ParallelRun(Run):
    """A `Run` whose per-record work is spread over `jobs` processes."""

    def __init__(
        self,
        settings: ValidatorSettings,
        records: Iterable[RawRecord],
        kind: str | None,
        jobs: int,
    ) -> None:
        super().__init__(settings.build(), records, kind)
        self._settings = settings
        self._jobs = jobs

    def _chunks(self, encode: Callable[[RecordResult], str] | None) -> Iterator[Job]:
        iterator = iter(self._records)
        first = 0
        while chunk := list(itertools.islice(iterator, CHUNK)):
            yield first, chunk, self._kind, encode
            first += len(chunk)

    def _pool(self, encode: Callable[[RecordResult], str] | None) -> Iterator[Any]:
        context = _start_method()
        with context.Pool(self._jobs, initializer=_start, initargs=(self._settings,)) as pool:
            yield from pool.imap(_work, self._chunks(encode), chunksize=1)

    def __iter__(self) -> Iterator[RecordResult]:
        for batch in self._pool(None):
            for result, facts in batch:
                self._count(result)
                for position, fact in facts:
                    self._checks[position][1].observe(fact, result.index)
                yield result

    def encoded(self, encode: Callable[[RecordResult], str]) -> Iterator[str]:
        """Run, yielding the report text of each chunk as the workers wrote it.

        Args:
            encode: a module-level function (it is sent to the workers) that writes one
                record result as report text, e.g. `azx_core.report.json_report.line`.
        """
        index = 0
        for chunk in self._pool(encode):
            self.summary.merge(chunk.summary)
            self._valid += chunk.valid
            for source, facts in zip(chunk.sources, chunk.facts, strict=True):
                if self._checks:
                    self._sources.add(source)
                for position, fact in facts:
                    self._checks[position][1].observe(fact, index)
                index += 1
            yield chunk.text
