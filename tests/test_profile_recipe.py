"""The profile recipe of docs/profiles.md: a user's TOML file raises the floor, no code.

``examples/profiles/shanghai-800k.toml`` extends the national profile, scopes it to Shanghai
(division codes 31xxxx) and sets the death and disability floor to 800,000 CNY from
2025-03-29. A Shanghai policy with a 500,000 CNY limit passes nationally but not under it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from azx_core import Validator
from azx_core.cli.main import main
from azx_core.params import load_profile
from azx_core.testing.factories import merge_patch, policy
from azx_core.types.uscc import calc_check_character

RECIPE = Path(__file__).resolve().parent.parent / "examples" / "profiles" / "shanghai-800k.toml"


def shanghai_policy(limit: str = "500000") -> dict[str, Any]:
    """A valid national policy of a Xuhui (徐汇区) unit with the given per-person limit."""
    body = "91310104MA1FL8K3P"
    record = merge_patch(
        policy(),
        {
            "policy_no": "AZX-2025-310104-0001",
            "policyholder": {
                "uscc": body + calc_check_character(body),
                "name": "上海徐汇建设工程有限公司",
                "region": "310104",
            },
            "platform_record_no": None,
        },
    )
    record["coverages"][0]["per_person_limit"] = limit
    return record  # type: ignore[no-any-return]


def lim001(result: Any) -> list[Any]:
    return [f for f in result.findings if f.rule == "LIM001"]


def test_recipe_extends_national_with_a_dated_800k_floor_for_shanghai() -> None:
    profile = load_profile(RECIPE)
    assert profile.extends == "national"
    assert profile.region_prefixes == ("31",)
    floors = {
        v.start.isoformat(): v.value for v in profile.parameters["death_disability_floor"].values
    }
    assert floors == {"2018-01-01": Decimal("300000"), "2025-03-29": Decimal("800000")}


def test_500k_limit_passes_under_national() -> None:
    result = Validator("national").validate(shanghai_policy())
    assert lim001(result) == []
    assert result.valid


def test_500k_limit_is_flagged_by_lim001_under_the_recipe() -> None:
    result = Validator(RECIPE).validate(shanghai_policy())
    found = lim001(result)
    assert [f.path for f in found] == ["coverages[0].per_person_limit"]
    assert found[0].params["floor"] == "800000"
    assert not result.valid


def test_limit_at_the_recipe_floor_passes() -> None:
    result = Validator(RECIPE).validate(shanghai_policy("800000"))
    assert lim001(result) == []


def test_recipe_keeps_the_national_floor_before_its_own_date() -> None:
    record = shanghai_policy("350000")
    record.update(
        start="2024-06-01", end="2025-05-31", signed_on="2024-05-20", premium_paid_on="2024-05-25"
    )
    assert lim001(Validator(RECIPE).validate(record)) == []


@pytest.mark.parametrize(("profile", "code"), [("national", 0), (str(RECIPE), 1)])
def test_command_line_takes_the_recipe_file_as_profile(
    tmp_path: Path, profile: str, code: int
) -> None:
    records = tmp_path / "policies.jsonl"
    records.write_text(json.dumps(shanghai_policy(), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "report.json"
    argv = ["validate", "--profile", profile, "--format", "json", "--output", str(out)]
    assert main([*argv, str(records)]) == code
    report = json.loads(out.read_text("utf-8"))
    assert report["profile"] == ("national" if profile == "national" else "shanghai-800k")
