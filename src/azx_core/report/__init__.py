"""Findings, results, summaries, and the renderers that write them.

`RENDERERS` maps each ``--format`` name to its renderer class. A renderer's module is
imported the first time its format is asked for, so that importing the library does not
pay for XML, HTML and SARIF support it may never use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

from azx_core.report.render import Renderer, ReportMeta
from azx_core.report.results import (
    REPORT_VERSION,
    BatchFinding,
    Finding,
    NotChecked,
    RecordResult,
    Severity,
    Summary,
)

if TYPE_CHECKING:
    from azx_core.report.html import HtmlRenderer
    from azx_core.report.json_report import JsonlRenderer, JsonRenderer
    from azx_core.report.junit import JunitRenderer
    from azx_core.report.sarif import SarifRenderer
    from azx_core.report.text import TextRenderer

__all__ = [
    "RENDERERS",
    "REPORT_VERSION",
    "BatchFinding",
    "Finding",
    "HtmlRenderer",
    "JsonRenderer",
    "JsonlRenderer",
    "JunitRenderer",
    "NotChecked",
    "RecordResult",
    "Renderer",
    "ReportMeta",
    "SarifRenderer",
    "Severity",
    "Summary",
    "TextRenderer",
]

# Format name -> (module, class) of its renderer.
_WHERE: Final = {
    "text": ("text", "TextRenderer"),
    "json": ("json_report", "JsonRenderer"),
    "jsonl": ("json_report", "JsonlRenderer"),
    "junit": ("junit", "JunitRenderer"),
    "sarif": ("sarif", "SarifRenderer"),
    "html": ("html", "HtmlRenderer"),
}
_BY_CLASS: Final = {name: module for module, name in _WHERE.values()}


def _load(module: str, name: str) -> Any:
    return getattr(importlib.import_module(f"azx_core.report.{module}"), name)


class _Renderers(Mapping[str, "type[Renderer]"]):
    """The report formats, each renderer imported on first use."""

    def __getitem__(self, name: str) -> type[Renderer]:
        module, cls = _WHERE[name]
        found: type[Renderer] = _load(module, cls)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_WHERE)

    def __len__(self) -> int:
        return len(_WHERE)


RENDERERS: Final[Mapping[str, type[Renderer]]] = _Renderers()


def __getattr__(name: str) -> Any:
    module = _BY_CLASS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _load(module, name)
