"""The text report: one line per finding, grouped by record, then a summary.

Records without findings are not listed, so the report shows what needs attention.
Rules that could not reach a verdict are counted once per rule at the end, with the first
reason met, rather than repeated under every record; the ``json`` and ``jsonl`` reports
list them per record. The layout is for people; pipelines should read ``json`` or
``jsonl``.
"""

from __future__ import annotations

from typing import TextIO

from azx_core.report.render import ReportMeta
from azx_core.report.results import BatchFinding, Finding, RecordResult, Summary

__all__ = ["TextRenderer"]

_MARK = {"error": "E", "warning": "W", "info": "I"}

_WORDS = {
    "zh": {
        "not_checked": "未检查",
        "not_checked_total": "  {rule} 未检查 {count} 条记录，例如：{reason}",
        "batch": "跨记录检查",
        "summary": "共 {records} 条记录：{valid} 条有效，{invalid} 条无效；"
        "{errors} 个错误，{warnings} 个警告，{not_checked} 项未检查",
        "profile": "规则配置 {profile}，评估日期 {as_of}",
        "record_date": "各记录自身日期",
    },
    "en": {
        "not_checked": "not checked",
        "not_checked_total": "  {rule} not checked on {count} records, e.g. {reason}",
        "batch": "batch rules",
        "summary": "records: {records} ({valid} valid, {invalid} invalid); "
        "errors: {errors}, warnings: {warnings}, not checked: {not_checked}",
        "profile": "profile {profile}, as of {as_of}",
        "record_date": "each record's own date",
    },
}


class TextRenderer:
    """Writes the human-readable report."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        self._out = out
        self._meta = meta
        self._words = _WORDS["en" if meta.lang == "en" else "zh"]
        # Rule id -> (records not checked, the first reason given).
        self._not_checked: dict[str, tuple[int, str]] = {}

    @staticmethod
    def _line(finding: Finding) -> str:
        where = f" {finding.path}" if finding.path else ""
        return f"  {_MARK[finding.severity.value]} {finding.rule} {finding.name}{where}: " + (
            finding.message
        )

    def result(self, result: RecordResult) -> None:
        """Write a record's findings, if it has any; count what was not checked."""
        for entry in result.not_checked:
            count, reason = self._not_checked.get(entry.rule, (0, entry.reason))
            self._not_checked[entry.rule] = (count + 1, reason)
        if not result.findings:
            return
        kind = result.kind or "?"
        key = f" {result.key}" if result.key else ""
        lines = [f"{result.source} [{result.index}] {kind}{key}"]
        lines.extend(self._line(f) for f in result.findings)
        self._out.write("\n".join(lines) + "\n")

    def batch(self, findings: list[BatchFinding]) -> None:
        """Write the batch rules' findings under their records."""
        if not findings:
            return
        self._out.write(f"-- {self._words['batch']} --\n")
        for item in findings:
            key = f" {item.key}" if item.key else ""
            self._out.write(f"{item.source} [{item.index}]{key}\n{self._line(item.finding)}\n")

    def finish(self, summary: Summary) -> None:
        """Write the summary."""
        meta = self._meta
        as_of = meta.as_of.isoformat() if meta.as_of else self._words["record_date"]
        if self._not_checked:
            self._out.write(f"-- {self._words['not_checked']} --\n")
            for rule, (count, reason) in sorted(self._not_checked.items()):
                line = self._words["not_checked_total"].format(
                    rule=rule, count=count, reason=reason
                )
                self._out.write(line + "\n")
        self._out.write(self._words["summary"].format(**summary.to_dict()) + "\n")
        self._out.write(self._words["profile"].format(profile=meta.profile, as_of=as_of) + "\n")
