"""The ``sarif`` report: SARIF 2.1.0 for code-scanning views and static-analysis tools.

The document is built when the run ends. It holds one run:

* ``tool.driver``: name, version, and ``rules`` — every rule of the registry, in catalogue
  order, with its id, name, title (``shortDescription``), summary (``fullDescription``),
  help text ending with its legal reference, and its catalogue severity as
  ``defaultConfiguration.level``;
* ``results``: one result per finding, in input order, each record's batch findings right
  after its own. ``level`` is ``error``, ``warning`` or ``note`` (for info), taken from the
  finding, so a profile's severities show. The location's ``artifactLocation.uri`` is the
  input file of the record (a relative path stays relative, an absolute one becomes a
  ``file://`` URI, other characters are percent-encoded; ``-`` is standard input) and
  ``region.startLine`` its line; the finding's data path is the logical location. The
  record's index, source, kind and key, the finding's path, params and reference, and
  whether a batch rule found it, are in the result's ``properties``;
* ``invocations[0].toolExecutionNotifications``: one ``note`` per not-checked rule of a
  record, with the reason and the record's location;
* ``properties``: profile, as_of, report_version and the summary.

Known limitations: SARIF is designed for source code, so regions carry lines only (no
columns), and ``-`` is written as the URI of standard input although no file has that name.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from azx_core.report.junit import split_source
from azx_core.report.render import DocumentRenderer, ReportMeta
from azx_core.report.results import (
    REPORT_VERSION,
    Finding,
    RecordResult,
    Severity,
    Summary,
)

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "SarifRenderer", "artifact_uri"]

SARIF_VERSION = "2.1.0"
#: The schema the document names; never fetched.
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WORDS = {
    "zh": {"reference": "依据", "not_checked": "未检查"},
    "en": {"reference": "Basis", "not_checked": "not checked"},
}
# A str holds a surrogate only when the input had a lone one; UTF-8 cannot encode it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def artifact_uri(name: str) -> str:
    """The URI of an input file as SARIF writes it.

    >>> artifact_uri("数据/保单.jsonl")
    '%E6%95%B0%E6%8D%AE/%E4%BF%9D%E5%8D%95.jsonl'
    >>> artifact_uri("/data/policies.jsonl")
    'file:///data/policies.jsonl'
    """
    path = PurePath(name)
    if path.is_absolute():
        return Path(name).as_uri()
    return quote(path.as_posix())


class SarifRenderer(DocumentRenderer):
    """Writes the report as one SARIF 2.1.0 log when the run ends."""

    def __init__(self, out: TextIO, meta: ReportMeta) -> None:
        super().__init__(out, meta)
        self._words = _WORDS["en" if meta.lang == "en" else "zh"]

    def finish(self, summary: Summary) -> None:
        """Build and write the log."""
        meta = self._meta
        rules, positions = self._rules()
        results: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        for record in self._results:
            location = self._location(record.source)
            for finding, from_batch in self.findings_of(record):
                position = self._position(finding, rules, positions)
                results.append(self._result(record, finding, from_batch, position, location))
            for entry in record.not_checked:
                reference: dict[str, Any] = {"id": entry.rule}
                if entry.rule in positions:
                    reference["index"] = positions[entry.rule]
                notes.append(
                    {
                        "level": "note",
                        "message": {
                            "text": f"{entry.rule} {self._words['not_checked']}: {entry.reason}"
                        },
                        "associatedRule": reference,
                        "locations": [location],
                        "properties": {
                            "index": record.index,
                            "source": record.source,
                            "key": record.key,
                        },
                    }
                )

        log = {
            "$schema": SARIF_SCHEMA,
            "version": SARIF_VERSION,
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": meta.tool_name,
                            "version": meta.tool_version,
                            "semanticVersion": meta.tool_version,
                            "rules": rules,
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": True,
                            "toolExecutionNotifications": notes,
                        }
                    ],
                    "results": results,
                    "properties": {
                        "report_version": REPORT_VERSION,
                        "profile": meta.profile,
                        "as_of": meta.as_of.isoformat() if meta.as_of else None,
                        "summary": summary.to_dict(),
                    },
                }
            ],
        }
        text = json.dumps(log, ensure_ascii=False, indent=2)
        self._out.write(_SURROGATE.sub("\ufffd", text) + "\n")

    def _rules(self) -> tuple[list[dict[str, Any]], dict[str, int]]:
        """The registry's rules as SARIF descriptors, and each id's position."""
        # Imported here: the registry imports the report layer, not the other way round.
        from azx_core.rules.registry import all_rules

        lang = self._meta.lang
        label = self._words["reference"]
        descriptors: list[dict[str, Any]] = []
        for rule in all_rules():
            help_text = rule.summary
            if rule.reference:
                help_text += f"\n\n{label}: {rule.reference}"
            descriptors.append(
                {
                    "id": rule.id,
                    "name": rule.name,
                    "shortDescription": {"text": rule.title(lang)},
                    "fullDescription": {"text": rule.summary},
                    "help": {"text": help_text},
                    "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                    "properties": {
                        "kinds": list(rule.kinds),
                        "references": [str(r) for r in rule.references],
                        "tags": [rule.family],
                    },
                }
            )
        return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}

    @staticmethod
    def _position(finding: Finding, rules: list[dict[str, Any]], positions: dict[str, int]) -> int:
        """The index of the finding's rule, adding a descriptor for a rule not catalogued."""
        position = positions.get(finding.rule)
        if position is None:
            position = positions[finding.rule] = len(rules)
            rules.append(
                {
                    "id": finding.rule,
                    "name": finding.name,
                    "shortDescription": {"text": finding.name},
                    "defaultConfiguration": {"level": _LEVEL[finding.severity]},
                }
            )
        return position

    @staticmethod
    def _location(source: str) -> dict[str, Any]:
        name, line = split_source(source)
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(name)}}
        if line is not None:
            physical["region"] = {"startLine": line}
        return {"physicalLocation": physical}

    def _result(
        self,
        record: RecordResult,
        finding: Finding,
        from_batch: bool,
        position: int,
        location: dict[str, Any],
    ) -> dict[str, Any]:
        where = dict(location)
        if finding.path:
            where["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
        return {
            "ruleId": finding.rule,
            "ruleIndex": position,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [where],
            "properties": {
                "index": record.index,
                "source": record.source,
                "kind": record.kind,
                "key": record.key,
                "path": finding.path,
                "reference": finding.reference,
                "params": dict(finding.params),
                "batch": from_batch,
            },
        }
