"""The ``html`` report: one self-contained page for people to read or attach to an email.

The page needs nothing else: the styles are inline, there are no scripts, fonts or
images, and it opens from disk without network access. It is built when the run ends and
shows, in the report's language (``--lang``):

1. the run: tool, version, profile, as-of date, report version;
2. a summary table: records, valid, invalid, errors, warnings, not checked;
3. a table of findings by rule, most frequent first;
4. one section per record that has findings or not-checked rules, in input order: its
   source, index, kind, key and verdict, a table of its findings (severity, rule, name,
   path, message, reference; batch findings marked) and the list of rules not checked.
   Records without either are counted but not listed, so the page stays readable for
   large inputs.

Every value from the data is escaped with `html.escape`; characters that HTML cannot carry
(control characters, lone surrogates) become U+FFFD. The markup is also well-formed XML,
so the page can be read back with an XML parser.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import TextIO

from azx_core.report.render import DocumentRenderer, ReportMeta
from azx_core.report.results import (
    REPORT_VERSION,
    Finding,
    RecordResult,
    Severity,
    Summary,
)

__all__ = ["HtmlRenderer"]

_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

_WORDS = {
    "zh": {
        "lang": "zh-CN",
        "title": "安责险数据校验报告",
        "tool": "工具",
        "profile": "规则配置",
        "as_of": "评估日期",
        "record_date": "各记录自身日期",
        "report_version": "报告格式版本",
        "summary": "汇总",
        "records": "记录数",
        "valid": "有效",
        "invalid": "无效",
        "errors": "错误",
        "warnings": "警告",
        "not_checked": "未检查",
        "by_rule": "按规则统计",
        "count": "次数",
        "details": "逐条记录",
        "omitted": "另有 {count} 条记录没有发现问题，未列出。",
        "none": "没有需要关注的记录。",
        "severity": "级别",
        "rule": "规则",
        "name": "名称",
        "path": "位置",
        "message": "说明",
        "reference": "依据",
        "reason": "原因",
        "batch": "跨记录检查",
        "error": "错误",
        "warning": "警告",
        "info": "提示",
    },
    "en": {
        "lang": "en",
        "title": "安责险 validation report",
        "tool": "Tool",
        "profile": "Profile",
        "as_of": "As of",
        "record_date": "each record's own date",
        "report_version": "Report version",
        "summary": "Summary",
        "records": "Records",
        "valid": "Valid",
        "invalid": "Invalid",
        "errors": "Errors",
        "warnings": "Warnings",
        "not_checked": "Not checked",
        "by_rule": "Findings by rule",
        "count": "Count",
        "details": "Records",
        "omitted": "{count} more records have no findings and are not listed.",
        "none": "No record needs attention.",
        "severity": "Severity",
        "rule": "Rule",
        "name": "Name",
        "path": "Path",
        "message": "Message",
        "reference": "Basis",
        "reason": "Reason",
        "batch": "batch rule",
        "error": "error",
        "warning": "warning",
        "info": "info",
    },
}

# Kept free of "&" and "<" so that the page stays well-formed XML.
_STYLE = """
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC",
  sans-serif; margin: 2em; color: #1f2328; line-height: 1.5; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.4em 0; }
th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; }
.error { color: #b42318; font-weight: 600; }
.warning { color: #9a6700; font-weight: 600; }
.info { color: #0969da; }
.verdict { font-size: 0.85em; padding: 0.05em 0.5em; border-radius: 0.8em; }
.verdict.valid { background: #dafbe1; } .verdict.invalid { background: #ffebe9; }
.batch { font-size: 0.85em; color: #57606a; }
.meta { color: #57606a; }
"""


def _text(value: object) -> str:
    """`value` as escaped HTML text."""
    return html.escape(_NOT_TEXT.sub("\ufffd", str(value)), quote=True)


class HtmlRenderer(DocumentRenderer):
    """Writes the report as one self-contained HTML page when the run ends."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        super().__init__(out, meta)
        self._words = _WORDS["en" if meta.lang == "en" else "zh"]

    def finish(self, summary: Summary) -> None:
        """Build and write the page."""
        words = self._words
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{words["lang"]}">',
            "<head>",
            '<meta charset="utf-8"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            f"<title>{_text(words['title'])}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{_text(words['title'])}</h1>",
            *self._run_table(),
            *self._summary_table(summary),
            *self._rule_table(),
            *self._records(),
            "</body>",
            "</html>",
        ]
        self._out.write("\n".join(parts) + "\n")

    def _run_table(self) -> list[str]:
        meta, words = self._meta, self._words
        rows = [
            (words["tool"], f"{meta.tool_name} {meta.tool_version}"),
            (words["profile"], meta.profile),
            (words["as_of"], meta.as_of.isoformat() if meta.as_of else words["record_date"]),
            (words["report_version"], REPORT_VERSION),
        ]
        lines = ['<table class="meta" id="run">']
        lines.extend(f"<tr><th>{_text(k)}</th><td>{_text(v)}</td></tr>" for k, v in rows)
        lines.append("</table>")
        return lines

    def _summary_table(self, summary: Summary) -> list[str]:
        words = self._words
        lines = [f"<h2>{_text(words['summary'])}</h2>", '<table id="summary">']
        for key, value in summary.to_dict().items():
            lines.append(
                f'<tr data-key="{key}"><th>{_text(words[key])}</th>'
                f'<td class="number">{value}</td></tr>'
            )
        lines.append("</table>")
        return lines

    def _rule_table(self) -> list[str]:
        words = self._words
        counts: Counter[tuple[str, str, str]] = Counter()
        for result in self._results:
            for finding, _ in self.findings_of(result):
                counts[(finding.rule, finding.name, finding.severity.value)] += 1
        if not counts:
            return []
        lines = [
            f"<h2>{_text(words['by_rule'])}</h2>",
            '<table id="by-rule">',
            f"<thead><tr><th>{_text(words['rule'])}</th><th>{_text(words['name'])}</th>"
            f"<th>{_text(words['severity'])}</th><th>{_text(words['count'])}</th></tr></thead>",
            "<tbody>",
        ]
        # Most frequent first; ties in rule order, so the page is the same for the same input.
        for (rule, name, severity), count in sorted(
            counts.items(), key=lambda item: (-item[1], item[0])
        ):
            lines.append(
                f"<tr><td><code>{_text(rule)}</code></td><td>{_text(name)}</td>"
                f'<td class="{severity}">{_text(words[severity])}</td>'
                f'<td class="number">{count}</td></tr>'
            )
        lines.extend(["</tbody>", "</table>"])
        return lines

    def _records(self) -> list[str]:
        words = self._words
        lines = [f"<h2>{_text(words['details'])}</h2>"]
        listed = 0
        for result in self._results:
            findings = self.findings_of(result)
            if findings or result.not_checked:
                listed += 1
                lines.extend(self._record(result, findings))
        if not listed:
            lines.append(f"<p>{_text(words['none'])}</p>")
        omitted = len(self._results) - listed
        if omitted and listed:
            lines.append(f'<p class="meta">{_text(words["omitted"].format(count=omitted))}</p>')
        return lines

    def _record(self, result: RecordResult, findings: list[tuple[Finding, bool]]) -> list[str]:
        words = self._words
        valid = not any(f.severity is Severity.ERROR for f, _ in findings)
        verdict = "valid" if valid else "invalid"
        key = f" <code>{_text(result.key)}</code>" if result.key else ""
        lines = [
            f'<section class="record" id="record-{result.index}">',
            f"<h3><code>{_text(result.source)}</code> [{result.index}] "
            f"{_text(result.kind or '?')}{key} "
            f'<span class="verdict {verdict}">{_text(words[verdict])}</span></h3>',
        ]
        if findings:
            lines.extend(
                [
                    '<table class="findings">',
                    "<thead><tr>"
                    + "".join(
                        f"<th>{_text(words[c])}</th>"
                        for c in ("severity", "rule", "name", "path", "message", "reference")
                    )
                    + "</tr></thead>",
                    "<tbody>",
                ]
            )
            for finding, from_batch in findings:
                lines.append(self._finding_row(finding, from_batch))
            lines.extend(["</tbody>", "</table>"])
        if result.not_checked:
            lines.append(f'<p>{_text(words["not_checked"])}:</p><ul class="not-checked">')
            lines.extend(
                f"<li><code>{_text(n.rule)}</code> {_text(n.reason)}</li>"
                for n in result.not_checked
            )
            lines.append("</ul>")
        lines.append("</section>")
        return lines

    def _finding_row(self, finding: Finding, from_batch: bool) -> str:
        words = self._words
        severity = finding.severity.value
        batch = f' <span class="batch">({_text(words["batch"])})</span>' if from_batch else ""
        return (
            f'<tr class="finding" data-rule="{_text(finding.rule)}" data-severity="{severity}">'
            f'<td class="{severity}">{_text(words[severity])}</td>'
            f"<td><code>{_text(finding.rule)}</code>{batch}</td>"
            f"<td>{_text(finding.name)}</td>"
            f"<td><code>{_text(finding.path)}</code></td>"
            f"<td>{_text(finding.message)}</td>"
            f"<td>{_text(finding.reference)}</td></tr>"
        )
