"""The validate pipeline: raw input -> decode -> parse -> rules -> record result.

Every input record yields exactly one `RecordResult`, whatever it holds. The stages:

1. **decode** the record's JSON text (numbers as decimals) or take its fields as given;
   a record that is not JSON, or not an object, gets SCH001;
2. find **duplicate keys** exactly (SCH004; see `azx_core.io.decode`);
3. pick the **kind** from the record's ``kind`` or the caller's default;
4. **parse** with the kind's model; unknown keys are reported (SCH003) and set aside so
   that the rest of the record is still parsed; every other schema error is SCH002;
5. run the kind's **rules** on the parsed model.

`Validator.run` does the same over a whole input stream (see `azx_core.run`) and, once it
is exhausted, runs the batch rules (POL006, COV005, ...) over the index they kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from azx_core.fastpath import parse_json
from azx_core.io.decode import DecodeError, duplicate_keys, loads_counted, path_of
from azx_core.io.readers import RawRecord
from azx_core.models import MODELS, Part
from azx_core.params.calendar import WorkingDayCalendar
from azx_core.params.profile import Profile
from azx_core.report.masking import PERSONAL_FIELDS, mask_id_number
from azx_core.report.results import (
    Finding,
    NotChecked,
    RecordResult,
)
from azx_core.rules.engine import Engine
from azx_core.rules.structure import DETAIL_ZH

if TYPE_CHECKING:
    from azx_core.run import Run

__all__ = ["Validator"]

_KEY_FIELDS = {
    "enterprise": ("uscc", "operator_id_number"),
    "policy": ("policy_no",),
    "service_plan": ("plan_id",),
    "service_record": ("record_id",),
    "complaint": ("complaint_id",),
    "fee_ledger": ("uscc",),
}


def _without(data: Any, loc: tuple[str | int, ...]) -> Any:
    """A copy of `data` with the key at `loc` removed, copying only the path to it."""
    if not loc:
        return data
    head, rest = loc[0], loc[1:]
    if isinstance(data, dict) and head in data:
        copy = dict(data)
        if rest:
            copy[head] = _without(data[head], rest)
        else:
            del copy[head]
        return copy
    if isinstance(data, list) and isinstance(head, int) and head < len(data):
        items = list(data)
        items[head] = _without(data[head], rest)
        return items
    return data


class Validator:
    """Validates records under one profile, date and rule selection.

    Args:
        profile: a shipped profile name, a path to a profile file, or a `Profile`.
        as_of: evaluate parameters on this date rather than each record's own.
        lang: ``zh`` (default) or ``en`` for messages.
        select: rule ids or family prefixes to run.
        ignore: rule ids or family prefixes not to run.
        show_personal_data: write resident id numbers and phone numbers unmasked.
        calendar: the working-day calendar.

    Raises:
        UnknownRule, ProfileError, ParameterError: the configuration is wrong.
    """

    def __init__(
        self,
        profile: str | Path | Profile = "national",
        *,
        as_of: date | None = None,
        lang: str = "zh",
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        show_personal_data: bool = False,
        calendar: WorkingDayCalendar | None = None,
    ) -> None:
        self.engine = Engine(
            profile,
            as_of=as_of,
            lang=lang,
            select=select,
            ignore=ignore,
            mask=not show_personal_data,
            calendar=calendar,
        )
        # Rules that cannot decide without --as-of, by the kind they would report on.
        self._needs_as_of: dict[str, tuple[NotChecked, ...]] = {}
        if as_of is None:
            for rule_id, active in self.engine.active.items():
                if active.rule.not_checked_without_as_of:
                    entry = NotChecked(rule_id, "the rule needs --as-of (the date to judge on)")
                    for kind in active.rule.kinds:
                        self._needs_as_of[kind] = (*self._needs_as_of.get(kind, ()), entry)

    @property
    def profile(self) -> Profile:
        """The profile in use."""
        return self.engine.profile

    def validate(
        self, record: Any, *, kind: str | None = None, index: int = 0, source: str = "-"
    ) -> RecordResult:
        """Validate one record: a mapping, JSON text, a model or a `RawRecord`."""
        return self.process(record, kind=kind, index=index, source=source)[0]

    def validate_many(
        self, records: Iterable[Any], *, kind: str | None = None, source: str = "-"
    ) -> Iterator[RecordResult]:
        """Validate records lazily, one result per record, without batch rules."""
        for index, record in enumerate(records):
            where = record.source if isinstance(record, RawRecord) else f"{source}:{index + 1}"
            yield self.process(record, kind=kind, index=index, source=where)[0]

    def run(self, records: Iterable[Any], *, kind: str | None = None) -> Run:
        """Validate a whole batch: per-record results, then the batch rules' findings."""
        from azx_core.run import Run

        return Run(self, records, kind)

    # The stages.

    def process(
        self, record: Any, *, kind: str | None, index: int, source: str, batch: bool = False
    ) -> tuple[RecordResult, BaseModel | None]:
        """Validate one record; also return its parsed model, if it parsed.

        With `batch`, the record is part of a run whose batch rules will see it, so the
        batch rules that cannot decide without an as-of date say so in its result.
        """
        engine = self.engine
        findings: list[Finding] = []
        if isinstance(record, RawRecord):
            source = record.source

        text = record.text if isinstance(record, RawRecord) else record
        fast = parse_json(text, kind) if isinstance(text, str) else None
        if fast is not None:
            parsed, repeated = fast
            for path in repeated:
                self._add(findings, engine.decoder_finding("SCH004", path))
            return self._checked(parsed, findings, index, source, batch), parsed

        data, text, entries, duplicates, error = self._decode(record)
        if error is not None:
            return self._result(index, source, kind, None, [self._sch001(error)], []), None
        if isinstance(data, Part):
            model: BaseModel | None = data
            record_kind: str | None = getattr(data, "kind", None)
        else:
            if not isinstance(data, dict):
                name = type(data).__name__ if data is not None else "null"
                error_result = [self._sch001(f"a record is a JSON object, not {name}")]
                return self._result(index, source, kind, None, error_result, []), None
            if text is not None:
                duplicates = duplicates + tuple(duplicate_keys(text, data, entries))
            for path in duplicates:
                self._add(findings, engine.decoder_finding("SCH004", path))
            record_kind = data.get("kind", kind)
            model = self._parse(data, record_kind, findings)

        if model is None:
            key = self._raw_key(data, record_kind)
            return self._result(index, source, record_kind, key, findings, []), None
        return self._checked(model, findings, index, source, batch), model

    def _checked(
        self, model: BaseModel, findings: list[Finding], index: int, source: str, batch: bool
    ) -> RecordResult:
        """Run the rules on a parsed model and build its result."""
        kind: str = model.kind  # type: ignore[attr-defined]
        more, not_checked = self.engine.check(model)
        findings.extend(more)
        if batch:
            not_checked.extend(self._batch_not_checked(kind))
        key: str = model.key  # type: ignore[attr-defined]
        if self.engine.mask and kind == "enterprise" and model.uscc is None:  # type: ignore[attr-defined]
            key = mask_id_number(key)  # a unit known by its operator's id number
        return self._result(index, source, kind, key, findings, not_checked)

    @staticmethod
    def _decode(
        record: Any,
    ) -> tuple[Any, str | None, int | None, tuple[str, ...], str | None]:
        """Return (data, text, object entries, known duplicate paths, error)."""
        if isinstance(record, RawRecord):
            if record.error is not None:
                return None, None, None, (), record.error
            if record.data is not None:
                return record.data, None, None, record.duplicates, None
            record = record.text
        if isinstance(record, bytes):
            try:
                record = record.decode("utf-8")
            except UnicodeDecodeError as exc:
                return None, None, None, (), f"not valid utf-8 text at byte {exc.start}"
        if isinstance(record, str):
            try:
                data, entries = loads_counted(record)
            except DecodeError as exc:
                return None, None, None, (), f"not valid JSON: {exc}"
            return data, record, entries, (), None
        if isinstance(record, Part):
            return record, None, None, (), None
        if isinstance(record, Mapping):
            return dict(record), None, None, (), None
        return record, None, None, (), None

    def _parse(self, data: dict[str, Any], kind: Any, findings: list[Finding]) -> BaseModel | None:
        engine = self.engine
        if kind is None:
            self._add(
                findings,
                engine.decoder_finding(
                    "SCH002",
                    "kind",
                    type="kind_missing",
                    detail=self._detail(
                        "kind_missing", f"no kind given; use one of {', '.join(MODELS)}"
                    ),
                ),
            )
            return None
        model_class = MODELS.get(kind) if isinstance(kind, str) else None
        if model_class is None:
            self._add(
                findings,
                engine.decoder_finding(
                    "SCH002",
                    "kind",
                    type="kind_unknown",
                    kind=str(kind)[:64],
                    detail=self._detail("kind_unknown", f"use one of {', '.join(MODELS)}"),
                ),
            )
            return None
        if "kind" not in data:
            data = {**data, "kind": kind}

        for _attempt in range(2):
            try:
                return model_class.model_validate(data)
            except ValidationError as exc:
                errors = exc.errors(include_url=False, include_input=False)
            except RecursionError:
                self._add(
                    findings,
                    engine.decoder_finding(
                        "SCH002", "", type="too_deep", detail="objects nest too deeply"
                    ),
                )
                return None
            unknown = [e["loc"] for e in errors if e["type"] == "extra_forbidden"]
            if not unknown or len(unknown) != len(errors) or _attempt:
                break
            # Only unknown keys are wrong: report them and parse what is left.
            for loc in unknown:
                self._add(findings, engine.decoder_finding("SCH003", path_of(loc), kind=kind))
                data = _without(data, loc)
        else:  # pragma: no cover - the loop always breaks or returns
            return None

        for error in errors:
            loc = tuple(error["loc"])
            path = path_of(loc)
            if error["type"] == "extra_forbidden":
                self._add(findings, engine.decoder_finding("SCH003", path, kind=kind))
                continue
            self._add(
                findings,
                engine.decoder_finding(
                    "SCH002",
                    path,
                    type=error["type"],
                    detail=self._detail(error["type"], error["msg"]),
                ),
            )
        return None

    def _detail(self, error_type: str, english: str) -> str:
        if self.engine.lang == "en":
            return english
        zh = DETAIL_ZH.get(error_type)
        return f"{zh}（{english}）" if zh else english

    def _sch001(self, detail: str) -> Finding:
        finding = self.engine.decoder_finding("SCH001", "", detail=detail)
        assert finding is not None  # SCH001 is always on
        return finding

    @staticmethod
    def _add(findings: list[Finding], finding: Finding | None) -> None:
        if finding is not None:
            findings.append(finding)

    def _raw_key(self, data: Any, kind: Any) -> str | None:
        if not isinstance(data, dict):
            return None
        for name in _KEY_FIELDS.get(kind, ()) if isinstance(kind, str) else ():
            value = data.get(name)
            if isinstance(value, str) and value:
                value = value[:64]
                return (
                    mask_id_number(value)
                    if (name in PERSONAL_FIELDS and self.engine.mask)
                    else value
                )
        return None

    def _batch_not_checked(self, kind: Any) -> tuple[NotChecked, ...]:
        return self._needs_as_of.get(kind, ()) if isinstance(kind, str) else ()

    @staticmethod
    def _result(
        index: int,
        source: str,
        kind: Any,
        key: str | None,
        findings: list[Finding],
        not_checked: list[NotChecked],
    ) -> RecordResult:
        return RecordResult(
            index=index,
            source=source,
            kind=kind if isinstance(kind, str) and kind in MODELS else None,
            key=key,
            findings=tuple(findings),
            not_checked=tuple(not_checked),
        )
