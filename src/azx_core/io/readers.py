"""Streaming readers: JSON, JSONL and CSV files, UTF-8 or GB18030, and standard input.

Each reader yields `RawRecord` values in input order, one per record, with the record's
``file:line`` source. A record that cannot be read as text or as JSON still yields a raw
record, carrying the reason, so that the pipeline reports it (SCH001) instead of dropping
it.

* **JSONL** (``.jsonl``, ``.ndjson``, standard input): one JSON object per line; blank
  lines are skipped. Lines are read and decoded one at a time, so memory stays flat.
* **JSON** (``.json``): one object, an array of objects, or several objects one after the
  other. The file is read whole; each array element gets the line it starts on. A
  syntax error ends the file: the rest of it yields one undecodable record.
* **CSV** (``.csv``): a header row, then one record per row. Column names are paths into
  the record (``policyholder.uscc``, ``insurers[0].share``, ``measures[1]``); an empty
  cell means the field is absent.

Encoding: UTF-8 (with or without a byte-order mark) or GB18030. Unless an encoding is
given, the first 64 KiB decide: valid UTF-8 means UTF-8, otherwise GB18030. A line that is
not valid text in the chosen encoding is an undecodable record.

Known limitations: a ``.json`` file is held in memory while it is read; use JSONL for
large batches. CSV cannot say whether an empty cell is an empty string or no value; it is
read as no value.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs

from azx_core.errors import AzxError
from azx_core.io.decode import decoder

__all__ = [
    "FORMATS",
    "InputError",
    "RawRecord",
    "detect_encoding",
    "format_for",
    "read_path",
    "read_stream",
]

FORMATS = ("json", "jsonl", "csv")
_SNIFF = 64 * 1024
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class InputError(AzxError):
    """An input file cannot be opened or read at all (the CLI exits 2)."""


@attrs.frozen
class RawRecord:
    """One record as read, before parsing.

    Exactly one of `text`, `data` and `error` is set: the record's JSON text, its
    already-structured fields (CSV), or why it could not be read.
    """

    source: str
    text: str | None = None
    data: dict[str, Any] | None = None
    error: str | None = None
    duplicates: tuple[str, ...] = ()


def format_for(name: str) -> str:
    """Pick the reader for a file name: ``.json``, ``.csv``, otherwise JSONL."""
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    return "jsonl"


def detect_encoding(head: bytes) -> str:
    """Choose UTF-8 or GB18030 from the first bytes of a file."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        try:
            codecs.getincrementaldecoder("gb18030")().decode(head, final=False)
        except UnicodeDecodeError:
            return "utf-8"
        return "gb18030"
    return "utf-8"


def _check_encoding(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def read_path(
    path: str | Path, *, fmt: str | None = None, encoding: str | None = None
) -> Iterator[RawRecord]:
    """Read the records of one file.

    Raises:
        InputError: the file cannot be opened or read, or the format or encoding is
            unknown.
    """
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the generator below
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    # read_stream checks its arguments (and reads JSON and CSV files) at once; the file
    # must not stay open when that fails.
    try:
        records = read_stream(stream, name, fmt=fmt or format_for(name), encoding=encoding)
    except OSError as exc:
        stream.close()
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    except BaseException:
        stream.close()
        raise
    return _closing(stream, records)


def _closing(stream: BinaryIO, records: Iterator[RawRecord]) -> Iterator[RawRecord]:
    with stream:
        try:
            yield from records
        except OSError as exc:
            raise InputError(f"cannot read {stream.name}: {exc.strerror or exc}") from None


def read_stream(
    stream: BinaryIO, name: str, *, fmt: str = "jsonl", encoding: str | None = None
) -> Iterator[RawRecord]:
    """Read records from a binary stream; `name` is used in sources (``-`` for stdin)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    chosen = _check_encoding(encoding) if encoding else None
    if fmt == "jsonl":
        return _jsonl(stream, name, chosen)
    data = stream.read()
    chosen = chosen or detect_encoding(data[:_SNIFF])
    if fmt == "json":
        return _json(data, name, chosen)
    return _csv(data, name, chosen)


def _decode_line(raw: bytes, encoding: str) -> str:
    text = raw.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of `head` followed by the rest of `stream`, as if never split."""
    pending = b""
    for line in io.BytesIO(head):
        if line.endswith(b"\n"):
            yield line
        else:
            pending = line
    if pending:
        yield pending + stream.readline()
    yield from stream


def _jsonl(stream: BinaryIO, name: str, encoding: str | None) -> Iterator[RawRecord]:
    # Read the head explicitly: a buffered stream's peek returns only what its buffer
    # holds (often 8 KiB), which would let a shorter head than documented decide.
    head = b""
    if encoding is None:
        head = stream.read(_SNIFF)
        encoding = detect_encoding(head)
    for number, raw in enumerate(_lines(head, stream), 1):
        if not raw.strip():
            continue
        source = f"{name}:{number}"
        try:
            text = _decode_line(raw, encoding)
        except UnicodeDecodeError as exc:
            yield RawRecord(source, error=f"not valid {encoding} text at byte {exc.start}")
            continue
        if text.strip():
            yield RawRecord(source, text=text)


def _text(data: bytes, name: str, encoding: str) -> str | RawRecord:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return RawRecord(f"{name}:{line}", error=f"not valid {encoding} text at byte {exc.start}")
    return text[1:] if text.startswith("\ufeff") else text


def _ignore(_text: str) -> None:
    return None


# Finds where an element ends without judging its values: NaN, or an integer too long to
# convert, is that element's own defect (reported for it alone), not the end of the file.
_framer = json.JSONDecoder(parse_float=_ignore, parse_int=_ignore, parse_constant=_ignore)


def _element_end(text: str, pos: int) -> int:
    """Return where the JSON value starting at `pos` ends.

    Raises:
        ValueError: the text is not JSON there (a syntax error).
        RecursionError: the value nests too deeply.
    """
    try:
        return decoder.raw_decode(text, pos)[1]
    except json.JSONDecodeError:
        raise
    except ValueError:
        return _framer.raw_decode(text, pos)[1]


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


def _json(data: bytes, name: str, encoding: str) -> Iterator[RawRecord]:
    text = _text(data, name, encoding)
    if isinstance(text, RawRecord):
        yield text
        return
    line, seen = 1, 0

    def source(pos: int) -> str:
        nonlocal line, seen
        line += text.count("\n", seen, pos)
        seen = pos
        return f"{name}:{line}"

    pos = _skip(text, 0)
    if not text[pos:]:
        return
    in_array = text[pos] == "["
    if in_array:
        pos = _skip(text, pos + 1)
        if text.startswith("]", pos):
            return
    while pos < len(text):
        try:
            end = _element_end(text, pos)
        except ValueError as exc:
            detail = getattr(exc, "msg", str(exc))
            yield RawRecord(source(pos), error=f"not valid JSON: {detail}; the rest is not read")
            return
        except RecursionError:
            yield RawRecord(source(pos), error="objects or arrays nest too deeply")
            return
        yield RawRecord(source(pos), text=text[pos:end])
        pos = _skip(text, end)
        if in_array:
            if text.startswith(",", pos):
                pos = _skip(text, pos + 1)
            elif text.startswith("]", pos):
                pos = _skip(text, pos + 1)
                in_array = False
                if pos < len(text):
                    yield RawRecord(source(pos), error="text after the end of the array")
                return
            else:
                yield RawRecord(source(pos), error="expected ',' or ']' between array elements")
                return
    if in_array:
        yield RawRecord(source(pos), error="the array is not closed")


_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _column_path(column: str) -> tuple[str | int, ...] | None:
    parts: list[str | int] = []
    pos = 0
    for match in _PATH_PART.finditer(column):
        if match.start() != pos and column[pos : match.start()] != ".":
            return None
        key, index = match.groups()
        parts.append(int(index) if index is not None else key)
        pos = match.end()
    if pos != len(column) or not parts or isinstance(parts[0], int):
        return None
    return tuple(parts)


def _place(record: dict[str, Any], path: tuple[str | int, ...], value: str) -> bool:
    target: Any = record
    for part, following in itertools.pairwise(path):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            if not isinstance(target, list):
                return False
            while len(target) <= part:
                target.append(None)
            if target[part] is None:
                target[part] = empty
            target = target[part]
        else:
            if not isinstance(target, dict):
                return False
            target = target.setdefault(part, empty)
        if not isinstance(target, type(empty)):
            return False
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(target, list):
            return False
        while len(target) <= last:
            target.append(None)
        target[last] = value
    elif isinstance(target, dict):
        target[last] = value
    else:
        return False
    return True


def _csv(data: bytes, name: str, encoding: str) -> Iterator[RawRecord]:
    text = _text(data, name, encoding)
    if isinstance(text, RawRecord):
        yield text
        return
    dialect = "excel-tab" if name.lower().endswith(".tsv") else "excel"
    rows: Iterable[list[str]] = csv.reader(io.StringIO(text, newline=""), dialect)
    reader = iter(rows)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield RawRecord(f"{name}:1", error=f"not valid CSV: {exc}")
        return
    paths = [_column_path(column.strip()) for column in header]
    counts: dict[str, int] = {}
    for column in header:
        counts[column.strip()] = counts.get(column.strip(), 0) + 1
    duplicates = tuple(sorted(column for column, count in counts.items() if count > 1))
    bad = [column for column, path in zip(header, paths, strict=True) if path is None]
    line = 1
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRecord(f"{name}:{start}", error=f"not valid CSV: {exc}; the rest is not read")
            return
        line = getattr(rows, "line_num", start)
        if not any(cell.strip() for cell in row):
            continue
        source = f"{name}:{start}"
        if bad:
            yield RawRecord(source, error=f"column {bad[0]!r} is not a field path")
            continue
        if len(row) > len(header):
            yield RawRecord(source, error=f"{len(row)} cells for {len(header)} columns")
            continue
        record: dict[str, Any] = {}
        placed = True
        for path, cell in zip(paths, row, strict=False):
            if cell != "" and path is not None:
                placed = placed and _place(record, path, cell)
        if not placed:
            yield RawRecord(source, error="columns give one field two shapes")
            continue
        yield RawRecord(source, data=record, duplicates=duplicates)
