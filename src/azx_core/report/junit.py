"""The ``junit`` report: JUnit XML for the test views of CI servers.

The document is built when the run ends::

    <testsuites name="azx-core" tests=… failures=… errors="0" skipped="0">
      <testsuite name="policies.jsonl" tests=… failures=… errors="0" skipped="0">
        <properties>profile, as_of, tool, tool_version, report_version</properties>
        <testcase classname="policy" name="policies.jsonl:3 AZX-2025-0001"
                  file="policies.jsonl" line="3">
          <failure type="LIM001" message="…">rule, path, message, reference</failure>
          <system-out>warnings, infos and not-checked rules, one per line</system-out>
        </testcase>
      </testsuite>
    </testsuites>

One ``testsuite`` per input file (the file part of each result's ``source``, ``-`` for
standard input), in the order the files first appear; one ``testcase`` per record result.
Each error-level finding is one ``failure`` element, so a record fails exactly when it is
invalid. Warnings, infos and not-checked rules do not fail a test: they are written as
lines of the test case's ``system-out``, which CI servers show beside the test. A suite's
``failures`` counts its failed test cases (invalid records), not its findings; the whole
run's summary (records, valid, invalid, errors, warnings, not checked) is in every suite's
``summary_*`` properties. Batch findings appear in the test case of the record they
concern, marked as coming from a batch rule.

Text is escaped by the XML writer. Characters that XML 1.0 cannot carry at all (control
characters other than tab and newline, lone surrogates) are replaced by U+FFFD, so the
document always parses. No timings are written: a report of the same input is the same
bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from azx_core.report.render import DocumentRenderer, ReportMeta
from azx_core.report.results import (
    REPORT_VERSION,
    Finding,
    RecordResult,
    Severity,
    Summary,
)

__all__ = ["JunitRenderer", "split_source"]

# Code points outside the XML 1.0 ``Char`` production.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_WORDS = {
    "zh": {"reference": "依据", "batch": "跨记录检查", "not_checked": "未检查", "at": "位置"},
    "en": {"reference": "basis", "batch": "batch rule", "not_checked": "not checked", "at": "at"},
}
_MARK = {Severity.ERROR: "E", Severity.WARNING: "W", Severity.INFO: "I"}


def _clean(text: str) -> str:
    """`text` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def split_source(source: str) -> tuple[str, int | None]:
    """Split a ``file:line`` source into the file and the 1-based line (None if absent).

    >>> split_source("数据/保单.jsonl:12")
    ('数据/保单.jsonl', 12)
    >>> split_source("-:3")
    ('-', 3)
    """
    name, sep, line = source.rpartition(":")
    if sep and line.isdigit() and name:
        return name, int(line)
    return source, None


class JunitRenderer(DocumentRenderer):
    """Writes the report as one JUnit XML document when the run ends."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        super().__init__(out, meta)
        self._words = _WORDS["en" if meta.lang == "en" else "zh"]

    def finish(self, summary: Summary) -> None:
        """Build and write the document."""
        root = ET.Element("testsuites", name="azx-core")
        suites: dict[str, ET.Element] = {}
        counts: dict[str, list[int]] = {}
        for result in self._results:
            name, line = split_source(result.source)
            suite = suites.get(name)
            if suite is None:
                suite = suites[name] = self._suite(root, name, summary)
                counts[name] = [0, 0]
            failed = self._testcase(suite, result, name, line)
            counts[name][0] += 1
            counts[name][1] += failed

        for name, suite in suites.items():
            tests, failures = counts[name]
            suite.attrib.update(tests=str(tests), failures=str(failures), errors="0", skipped="0")
        root.attrib.update(
            tests=str(len(self._results)),
            failures=str(sum(c[1] for c in counts.values())),
            errors="0",
            skipped="0",
        )

        ET.indent(root)
        self._out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self._out.write(ET.tostring(root, encoding="unicode") + "\n")

    def _suite(self, root: ET.Element, name: str, summary: Summary) -> ET.Element:
        meta = self._meta
        suite = ET.SubElement(root, "testsuite", name=_clean(name))
        properties = ET.SubElement(suite, "properties")
        values = {
            "tool": meta.tool_name,
            "tool_version": meta.tool_version,
            "report_version": REPORT_VERSION,
            "profile": meta.profile,
            "as_of": meta.as_of.isoformat() if meta.as_of else "",
            **{f"summary_{key}": str(value) for key, value in summary.to_dict().items()},
        }
        for key, value in values.items():
            ET.SubElement(properties, "property", name=key, value=_clean(value))
        return suite

    def _testcase(
        self, suite: ET.Element, result: RecordResult, name: str, line: int | None
    ) -> bool:
        """Add the test case of one record; return whether it failed."""
        findings = self.findings_of(result)
        title = f"{result.source} {result.key}" if result.key else result.source
        case = ET.SubElement(
            suite, "testcase", classname=result.kind or "unknown", name=_clean(title)
        )
        case.set("file", _clean(name))
        if line is not None:
            case.set("line", str(line))

        failed = False
        notes: list[str] = []
        for finding, from_batch in findings:
            if finding.severity is Severity.ERROR:
                failed = True
                failure = ET.SubElement(
                    case, "failure", type=finding.rule, message=_clean(finding.message)
                )
                failure.text = _clean(self._body(finding, from_batch))
            else:
                notes.append(self._note(finding, from_batch))
        words = self._words
        notes.extend(f"- {n.rule} {words['not_checked']}: {n.reason}" for n in result.not_checked)
        if notes:
            ET.SubElement(case, "system-out").text = _clean("\n".join(notes))
        return failed

    def _body(self, finding: Finding, from_batch: bool) -> str:
        words = self._words
        head = f"{finding.rule} {finding.name}"
        if from_batch:
            head += f" ({words['batch']})"
        lines = [head]
        if finding.path:
            lines.append(f"{words['at']}: {finding.path}")
        lines.append(finding.message)
        if finding.reference:
            lines.append(f"{words['reference']}: {finding.reference}")
        return "\n".join(lines)

    def _note(self, finding: Finding, from_batch: bool) -> str:
        words = self._words
        where = f" {finding.path}" if finding.path else ""
        batch = f" ({words['batch']})" if from_batch else ""
        basis = f" [{words['reference']}: {finding.reference}]" if finding.reference else ""
        mark = _MARK[finding.severity]
        return f"{mark} {finding.rule} {finding.name}{where}{batch}: {finding.message}{basis}"
