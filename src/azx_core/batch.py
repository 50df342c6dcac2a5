"""Running a validation over several processes (``--jobs N``).

The main process reads the input and hands chunks of raw records to worker processes,
which decode, parse and check them and send back the results together with the small
facts the batch rules need. The main process feeds those facts to the batch checks in
input order, so that ``--jobs 2`` produces exactly the output of ``--jobs 1``.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from azx_core.io.readers import RawRecord
from azx_core.report.results import RecordResult
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


def _work(
    job: tuple[int, list[RawRecord], str | None],
) -> list[tuple[RecordResult, Facts]]:
    assert _worker is not None
    validator, checks = _worker
    engine = validator.engine
    first, records, kind = job
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
    return out


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

    def _chunks(self) -> Iterator[tuple[int, list[RawRecord], str | None]]:
        iterator = iter(self._records)
        first = 0
        while chunk := list(itertools.islice(iterator, CHUNK)):
            yield first, chunk, self._kind
            first += len(chunk)

    def __iter__(self) -> Iterator[RecordResult]:
        context = multiprocessing.get_context("spawn")
        with context.Pool(self._jobs, initializer=_start, initargs=(self._settings,)) as pool:
            for batch in pool.imap(_work, self._chunks(), chunksize=1):
                for result, facts in batch:
                    self._count(result)
                    for position, fact in facts:
                        self._checks[position][1].observe(fact, result.index)
                    yield result
