"""A batch run: per-record results as they are produced, then the batch rules' findings.

The run feeds each parsed record to the batch checks, which keep a compact index, and
remembers for every record only whether it was valid and where it came from (a file name
per file and a line number per record), so that a batch finding can name its record's
source and turn a valid record invalid in the summary.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from azx_core.io.readers import RawRecord
from azx_core.report.results import BatchFinding, RecordResult, Severity, Summary
from azx_core.rules.model import NotApplicable, NotCheckable

if TYPE_CHECKING:
    from azx_core.validation import Validator

__all__ = ["Run"]


class _Sources:
    """Each record's ``name:line`` source, kept as a file table and a line array."""

    __slots__ = ("_lines", "_names", "_starts")

    def __init__(self) -> None:
        self._names: list[str] = []
        self._starts: list[int] = []
        self._lines = array("I")

    def add(self, source: str) -> None:
        name, _, line = source.rpartition(":")
        if not self._names or self._names[-1] != name:
            self._names.append(name)
            self._starts.append(len(self._lines))
        self._lines.append(int(line) if line.isdigit() else 0)

    def __getitem__(self, index: int) -> str:
        segment = bisect.bisect_right(self._starts, index) - 1
        return f"{self._names[segment]}:{self._lines[index]}"


class Run:
    """A batch run: iterate it for per-record results, then call `finish`.

    Per-record results are produced lazily as the input is read. The batch rules keep an
    index of what they need while the results stream past; `finish` runs them and returns
    their findings, each pointing at the record it concerns. `summary` counts everything,
    batch findings included, once `finish` has run.
    """

    def __init__(self, validator: Validator, records: Iterable[Any], kind: str | None) -> None:
        self._validator = validator
        self._records = records
        self._kind = kind
        self._checks = validator.engine.batch_checks()
        self._valid = bytearray()
        self._sources = _Sources()
        self.summary = Summary()
        self._finished: list[BatchFinding] | None = None

    @property
    def validator(self) -> Validator:
        """The validator this run uses."""
        return self._validator

    def _count(self, result: RecordResult) -> None:
        self.summary.add(result)
        self._valid.append(result.valid)
        if self._checks:
            self._sources.add(result.source)

    def __iter__(self) -> Iterator[RecordResult]:
        validator = self._validator
        engine = validator.engine
        checks = [check for _active, check in self._checks]
        for index, record in enumerate(self._records):
            source = record.source if isinstance(record, RawRecord) else f"-:{index + 1}"
            result, model = validator.process(
                record, kind=self._kind, index=index, source=source, batch=True
            )
            self._count(result)
            if model is not None and checks:
                ctx = engine.context(model)
                for check in checks:
                    try:
                        fact = check.extract(model, ctx)
                    except (NotApplicable, NotCheckable):
                        continue
                    if fact is not None:
                        check.observe(fact, index)
            yield result

    def finish(self) -> list[BatchFinding]:
        """Run the batch rules once the input is exhausted; return their findings."""
        if self._finished is not None:
            return self._finished
        engine = self._validator.engine
        found: list[BatchFinding] = []
        for active, check in self._checks:
            for index, key, hit in check.finish(engine.as_of):
                finding = engine.finding(active, hit)
                invalidates = finding.severity is Severity.ERROR and bool(self._valid[index])
                if invalidates:
                    self._valid[index] = 0
                self.summary.add_batch(finding, invalidates=invalidates)
                found.append(BatchFinding(index, self._sources[index], key, finding))
        found.sort(key=lambda b: (b.index, b.finding.rule))
        self._finished = found
        return found
