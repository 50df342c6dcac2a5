"""Findings, results, summaries, and the renderers that write them.

`RENDERERS` maps each ``--format`` name to its renderer class.
"""

from __future__ import annotations

from typing import Final

from azx_core.report.html import HtmlRenderer
from azx_core.report.json_report import JsonlRenderer, JsonRenderer
from azx_core.report.junit import JunitRenderer
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

RENDERERS: Final[dict[str, type[Renderer]]] = {
    "text": TextRenderer,
    "json": JsonRenderer,
    "jsonl": JsonlRenderer,
    "junit": JunitRenderer,
    "sarif": SarifRenderer,
    "html": HtmlRenderer,
}
