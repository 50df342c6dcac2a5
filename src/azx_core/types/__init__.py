"""Constrained scalar types: identifiers from national standards, money and rates.

Each identifier standard is one short module with the same verbs: `compact`, `validate`
(returns the compact form or raises `azx_core.errors.InvalidIdentifier` with a stable
code), `is_valid`, and where the standard defines one, `calc_check_character`.
"""

from __future__ import annotations

from azx_core.types import division, resident_id, uscc
from azx_core.types.money import Money, Quantity, Rate, SignedMoney, format_money

__all__ = [
    "Money",
    "Quantity",
    "Rate",
    "SignedMoney",
    "division",
    "format_money",
    "resident_id",
    "uscc",
]
