"""What the report-format tests share: sample records, a run, rendering, a batch finding."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from azx_core import Validator
from azx_core.io.readers import RawRecord
from azx_core.report import (
    BatchFinding,
    Finding,
    RecordResult,
    Renderer,
    ReportMeta,
    Severity,
    Summary,
)
from azx_core.testing import factories

#: Only the structural and identity rules run, so counts do not move as families grow.
SELECT = ("SCH", "ENT")
BAD_ID = "110105194912310021"  # the check character should be X
MASKED_ID = "110105********0021"


def line(record: dict[str, Any]) -> str:
    """A record as one JSON line."""
    return json.dumps(record, ensure_ascii=False)


def flawed_policy(policy_no: str) -> dict[str, Any]:
    """A policy with a bad resident id on its roster and an unknown field."""
    flawed = factories.policy(policy_no=policy_no)
    flawed["insured_persons"] = [factories.insured_person(1, id_number=BAD_ID)]
    flawed['备注<&>"'] = "unknown field"
    return flawed


def renewal_pair() -> str:
    """Two policies of one unit: the second renews the first after a nine-day gap."""
    first = factories.policy()
    second = factories.policy(
        policy_no="AZX-2026-540100-0001",
        start="2026-06-10",
        end="2027-06-09",
        signed_on="2026-06-01",
        premium_paid_on="2026-06-05",
        renewal_of=first["policy_no"],
    )
    return line(first) + "\n" + line(second) + "\n"


def run(
    records: Iterable[RawRecord], batch: Sequence[BatchFinding] = ()
) -> tuple[list[RecordResult], list[BatchFinding], Summary]:
    """Validate, then add `batch` findings the way a batch rule's findings are counted."""
    current = Validator(select=SELECT).run(records)
    results = list(current)
    found = [*current.finish(), *batch]
    for item in batch:
        invalidates = item.finding.severity is Severity.ERROR and results[item.index].valid
        current.summary.add_batch(item.finding, invalidates=invalidates)
    return results, found, current.summary


def render(
    renderer_class: type[Renderer],
    results: list[RecordResult],
    batch: list[BatchFinding],
    summary: Summary,
    *,
    lang: str = "zh",
    profile: str = "national",
    as_of: date | None = None,
) -> str:
    """Feed a run's results to a renderer and return what it wrote."""
    out = io.StringIO()
    renderer = renderer_class(out, ReportMeta("azx-core", "0.1.0", profile, as_of, lang))
    for result in results:
        renderer.result(result)
    renderer.batch(batch)
    renderer.finish(summary)
    return out.getvalue()


def renewal_gap(
    index: int, source: str, message: str = "续保保单起期晚于上一保单止期"
) -> BatchFinding:
    """A POL006 finding for the record at `index`, as a batch rule would report it."""
    finding = Finding(
        rule="POL006",
        name="renewal-gap",
        severity=Severity.ERROR,
        path="renewal_of",
        message=message,
        reference="安全生产责任保险实施办法 第十六条",
    )
    return BatchFinding(index, source, "AZX-2025-540100-0001", finding)
