"""``azx rules`` and ``azx explain``: the rule catalogue for people and for scripts."""

from __future__ import annotations

import argparse
import json
from typing import Any

from azx_core.params import definitions, load_profile
from azx_core.rules.engine import Engine
from azx_core.rules.model import Rule
from azx_core.rules.registry import all_rules, get_rule

__all__ = ["rule_entry", "run_explain", "run_rules"]


def rule_entry(rule: Rule, active: bool) -> dict[str, Any]:
    """A rule's catalogue entry as JSON."""
    return {
        "id": rule.id,
        "name": rule.name,
        "severity": rule.severity.value,
        "kinds": list(rule.kinds),
        "title": {"zh": rule.title_zh, "en": rule.title_en},
        "message": {"zh": rule.message_zh, "en": rule.message_en},
        "references": [str(r) for r in rule.references],
        "parameters": list(rule.parameters),
        "batch": rule.batch is not None,
        "active": active,
        "summary": rule.summary,
    }


def run_rules(args: argparse.Namespace) -> int:
    """List every rule, marking those the profile runs."""
    engine = Engine(args.profile)
    rules = all_rules()
    if args.fmt == "json":
        entries = [rule_entry(r, engine.is_active(r.id)) for r in rules]
        print(json.dumps(entries, ensure_ascii=False, indent=2))
        return 0
    for rule in rules:
        mark = " " if engine.is_active(rule.id) else "-"
        severity = engine.active[rule.id].severity.value if mark == " " else rule.severity.value
        print(f"{mark} {rule.id}  {severity:<7}  {rule.name:<36}  {rule.title(args.lang)}")
    print(
        "\n- marks a rule this profile does not run."
        if args.lang == "en"
        else "\n- 表示本规则配置不运行该规则。"
    )
    return 0


def run_explain(args: argparse.Namespace) -> int:
    """Explain one rule: what it checks, its grounds, and its parameters' values."""
    rule = get_rule(args.rule)
    profile = load_profile(args.profile)
    lines = [
        f"{rule.id} {rule.name}",
        f"  {rule.title_zh} / {rule.title_en}",
        f"  severity: {rule.severity.value}; kinds: {', '.join(rule.kinds)}"
        + ("; batch rule" if rule.batch is not None else ""),
        f"  reference: {rule.reference or '—'}",
        "",
        *("  " + line for line in rule.summary.splitlines()),
        "",
        f"  message (zh): {rule.message_zh}",
        f"  message (en): {rule.message_en}",
    ]
    for name in rule.parameters:
        definition = definitions()[name]
        lines += [
            "",
            f"  parameter {name} ({definition.title_en}, {definition.unit})"
            f" under profile {profile.name}:",
        ]
        timeline = profile.parameters.get(name)
        if timeline is None or not timeline.values:
            lines.append("    not set: the rule is not checked")
            continue
        for value in timeline.values:
            shown = "none (no such requirement)" if value.value is None else str(value.value)
            lines.append(
                f"    from {value.start.isoformat()}: {shown}  [{value.reference}]"
                f" {value.confidence}; last confirmed {value.last_confirmed.isoformat()}"
            )
    print("\n".join(lines))
    return 0
