"""Reading input: streaming readers for JSON, JSONL and CSV, and exact JSON decoding."""

from __future__ import annotations

from azx_core.io.decode import DecodeError, duplicate_keys, loads, path_of
from azx_core.io.readers import (
    FORMATS,
    InputError,
    RawRecord,
    detect_encoding,
    format_for,
    read_path,
    read_stream,
)

__all__ = [
    "FORMATS",
    "DecodeError",
    "InputError",
    "RawRecord",
    "detect_encoding",
    "duplicate_keys",
    "format_for",
    "loads",
    "path_of",
    "read_path",
    "read_stream",
]
