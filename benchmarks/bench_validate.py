"""Throughput, parallel speed-up and memory of ``azx validate``, against the targets.

Run on demand, never by the test suite::

    python benchmarks/bench_validate.py                    # 20000 records
    python benchmarks/bench_validate.py --records 5000 --jobs --check-memory
    python benchmarks/bench_validate.py --records 5000 --profile

One run generates N varied policy records as JSONL in a temporary folder, then measures,
on the same file and in the same process:

(a) bare pydantic parsing: ``Policy.model_validate_json(line)`` for every line;
(b) full validation through the command line's code path (``azx validate --kind policy
    --format jsonl --output FILE``, called in-process), every rule on, report written;
(c) structural validation with ``jsonschema`` against the shipped policy schema: each line
    decoded with ``json.loads`` (decimals for numbers) and all its errors collected.

It prints records per second and the ratios full/bare and full/jsonschema. ``--jobs``
also times ``--jobs 1`` against ``--jobs 2`` in subprocesses and compares their outputs
byte for byte; ``--check-memory`` runs the command line in subprocesses on larger inputs
and reports each run's peak resident memory. Targets are reported as PASS or FAIL; the
script exits 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from report_table import table, verdict

from azx_core.cli.main import main as azx_main
from azx_core.models import Policy
from azx_core.schemas import shipped
from azx_core.testing import factories
from azx_core.types import uscc

MB = 1024 * 1024

# One record in this many breaks a rule or the schema (see `_invalid`).
INVALID_EVERY = 10

#: The environment of the subprocesses; `main` gives them a bytecode cache of their own.
_ENV: dict[str, str] = dict(os.environ)


def _invalid(record: dict[str, Any], number: int) -> None:
    """Break one thing in `record`, chosen by `number`."""
    choice = (number // INVALID_EVERY) % 6
    if choice == 0:
        record["premium_paid_by_employees"] = "1200.00"  # PRM001
    elif choice == 1:
        record["commission_rate"] = "0.12"  # POL003
    elif choice == 2:
        record["remark"] = "unknown field"  # SCH003
    elif choice == 3:
        record["end"], record["start"] = record["start"], record["end"]  # POL001
    elif choice == 4:
        record["premium"] = "not a number"  # SCH002
    else:
        record["insured_count"] = record["policyholder"]["employee_count"] - 3  # COV001


def unit_uscc(serial: int) -> str:
    """A valid USCC for the `serial`-th generated unit (registered in Lhasa)."""
    body = f"91540100MA{serial:07X}"
    return body + uscc.calc_check_character(body)


def policy_lines(count: int) -> Iterator[str]:
    """`count` varied policy records as JSON lines; one in `INVALID_EVERY` breaks a rule.

    Records vary in policy number, start date (2023 to 2025), employee count, premium and
    limits; every fifth carries a roster of insured persons.
    """
    base = factories.policy()
    first_day = date(2023, 1, 1)
    for number in range(count):
        start = first_day + timedelta(days=number % 1000)
        end = start + timedelta(days=364)
        employees = 20 + number % 480
        limit = 400_000 + (number % 7) * 100_000
        premium = Decimal(employees * 650 + number % 997)
        # About three policies per unit, as when units renew year after year.
        holder = dict(base["policyholder"], employee_count=employees, uscc=unit_uscc(number // 3))
        holder["employees_by_type"] = {"regular": employees, "dispatched": 0, "temporary": 0}
        coverages = [dict(c) for c in base["coverages"]]
        coverages[0]["per_person_limit"] = str(limit)
        coverages[2]["per_person_limit"] = str(limit)
        record = dict(
            base,
            policy_no=f"AZX-{start.year}-540100-{number:07d}",
            start=start.isoformat(),
            end=end.isoformat(),
            signed_on=(start - timedelta(days=12)).isoformat(),
            premium_paid_on=(start - timedelta(days=5)).isoformat(),
            premium=f"{premium:.2f}",
            premium_paid=f"{premium:.2f}",
            prevention_budget=f"{premium * Decimal('0.2'):.2f}",
            policyholder=holder,
            coverages=coverages,
            insured_count=employees,
        )
        if number % 5 == 0:
            # A small unit with its roster of insured persons.
            holder["employee_count"] = 5
            holder["employees_by_type"] = {"regular": 5, "dispatched": 0, "temporary": 0}
            record["insured_count"] = 5
            record["insured_persons"] = [
                factories.insured_person(number * 5 + k, death_disability_limit=str(limit))
                for k in range(5)
            ]
        if number % INVALID_EVERY == INVALID_EVERY - 1:
            _invalid(record, number)
        yield json.dumps(record, ensure_ascii=False)


def write_records(path: Path, count: int) -> None:
    """Write `count` generated records to `path`, one per line, without holding them."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for line in policy_lines(count):
            out.write(line + "\n")


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def bare_parse(path: Path) -> int:
    """Parse every line with the policy model alone; return the number parsed."""
    from pydantic import ValidationError

    parsed = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                Policy.model_validate_json(line)
            except ValidationError:
                continue
            parsed += 1
    return parsed


def full_validation(path: Path, out: Path, *extra: str) -> int:
    """Run ``azx validate`` in-process on `path`, writing the jsonl report to `out`."""
    argv = ["validate", str(path), "--kind", "policy", "--format", "jsonl"]
    return azx_main([*argv, "--output", str(out), *extra])


def schema_validation(path: Path) -> int:
    """Validate every line against the shipped policy schema; return the error count."""
    import jsonschema  # type: ignore[import-untyped]

    schema = shipped("policy")
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    errors = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                instance = json.loads(line, parse_float=Decimal)
            except ValueError:
                errors += 1
                continue
            errors += sum(1 for _ in validator.iter_errors(instance))
    return errors


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "azx_core", *args]


def _run_child(command: list[str]) -> tuple[float, int, int]:
    """Run `command`; return (seconds, exit code, peak resident memory in bytes)."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=_ENV)
        # wait4 gives this child's own resource usage, not the maximum over all children.
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            print(f"  command failed ({code}): {message}", file=sys.stderr)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, code, peak


def measure_throughput(folder: Path, records: int) -> list[tuple[str, str, str, str]]:
    """Measurements (a), (b) and (c), and the target rows for their ratios."""
    data = folder / "policies.jsonl"
    write_records(data, records)
    warm = folder / "warm.jsonl"
    write_records(warm, 200)
    print(f"generated {records} records ({data.stat().st_size / MB:.1f} MB)")

    # Warm the caches every path shares (registry, profile, model validators) first.
    bare_parse(warm)
    full_validation(warm, folder / "warm.out.jsonl")

    bare = _timed(lambda: bare_parse(data))
    full = _timed(lambda: full_validation(data, folder / "report.jsonl"))
    schema = _timed(lambda: schema_validation(data))
    bare_rate, full_rate, schema_rate = (_rate(records, s) for s in (bare, full, schema))

    print()
    print(
        table(
            [
                ("measure", "seconds", "records/s"),
                ("(a) bare pydantic parsing", f"{bare:.2f}", f"{bare_rate:,.0f}"),
                ("(b) full validation, report written", f"{full:.2f}", f"{full_rate:,.0f}"),
                ("(c) jsonschema structural validation", f"{schema:.2f}", f"{schema_rate:,.0f}"),
            ]
        )
    )
    over_bare = full_rate / bare_rate
    over_schema = full_rate / schema_rate
    return [
        ("full / bare pydantic", f"{over_bare:.2f}", ">= 0.5", verdict(over_bare >= 0.5)),
        ("full / jsonschema", f"{over_schema:.1f}", ">= 10", verdict(over_schema >= 10)),
    ]


def measure_jobs(folder: Path) -> list[tuple[str, str, str, str]]:
    """``--jobs 1`` against ``--jobs 2`` in subprocesses, outputs compared."""
    data = folder / "policies.jsonl"
    outputs = {jobs: folder / f"jobs{jobs}.jsonl" for jobs in (1, 2)}
    _run_child(_cli("--version"))  # fill the bytecode cache first
    startup, _, _ = _run_child(_cli("--version"))
    seconds = {}
    for jobs, out in outputs.items():
        command = _cli("validate", str(data), "--kind", "policy", "--format", "jsonl")
        seconds[jobs], _, _ = _run_child([*command, "--output", str(out), "--jobs", str(jobs)])
    identical = outputs[1].read_bytes() == outputs[2].read_bytes()
    speedup = seconds[1] / seconds[2]

    print()
    print(
        table(
            [
                ("subprocess", "seconds"),
                ("interpreter and import (azx --version)", f"{startup:.2f}"),
                ("--jobs 1", f"{seconds[1]:.2f}"),
                ("--jobs 2", f"{seconds[2]:.2f}"),
            ]
        )
    )
    return [
        ("--jobs 2 speed-up over --jobs 1", f"{speedup:.2f}x", ">= 1.6x", verdict(speedup >= 1.6)),
        ("--jobs 1 and --jobs 2 outputs identical", str(identical), "True", verdict(identical)),
    ]


def measure_memory(
    folder: Path, sizes: list[int], fmt: str = "jsonl"
) -> list[tuple[str, str, str, str]]:
    """Peak memory of ``--format FMT --output /dev/null`` for each input size."""
    largest = folder / "memory.jsonl"
    started = time.perf_counter()
    write_records(largest, max(sizes))
    print(f"\ngenerated {max(sizes)} records in {time.perf_counter() - started:.0f} s")
    peaks: dict[int, int] = {}
    rows = [("records", "seconds", f"peak RSS, --format {fmt} (MB)")]
    for size in sorted(sizes):
        path = largest
        if size != max(sizes):
            path = folder / f"memory-{size}.jsonl"
            with largest.open("rb") as source, path.open("wb") as target:
                for number, line in enumerate(source):
                    if number == size:
                        break
                    target.write(line)
        command = _cli("validate", str(path), "--kind", "policy", "--format", fmt)
        seconds, _, peaks[size] = _run_child([*command, "--output", os.devnull])
        rows.append((f"{size:,}", f"{seconds:.1f}", f"{peaks[size] / MB:.1f}"))
        if path != largest:
            path.unlink()
    largest.unlink()
    print()
    print(table(rows))

    smallest, biggest = min(sizes), max(sizes)
    growth = peaks[biggest] / peaks[smallest] - 1
    million = peaks.get(1_000_000)
    results = [
        (
            f"peak at {biggest:,} within 20 % of {smallest:,}",
            f"{growth * 100:+.1f} %",
            "<= +20 %",
            verdict(growth <= 0.2),
        )
    ]
    if million is None:
        results.append(("peak under 150 MB at 1,000,000", "not measured", "< 150 MB", "n/a"))
    else:
        results.append(
            (
                "peak under 150 MB at 1,000,000",
                f"{million / MB:.1f} MB",
                "< 150 MB",
                verdict(million < 150 * MB),
            )
        )
    return results


def profile_full_validation(folder: Path, records: int, top: int) -> None:
    """Print the `top` functions by cumulative time of the full-validation path."""
    data = folder / "profile.jsonl"
    write_records(data, records)
    full_validation(data, folder / "warm.out.jsonl")  # load the caches outside the profile
    profiler = cProfile.Profile()
    profiler.enable()
    full_validation(data, folder / "profile.out.jsonl")
    profiler.disable()
    for order in ("cumulative", "tottime"):
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"\ncProfile of full validation, {records} records, top {top} by {order}")
        print(text.getvalue().strip())


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks the arguments ask for; always return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000, help="records for (a)-(c)")
    parser.add_argument("--jobs", action="store_true", help="also time --jobs 1 vs --jobs 2")
    parser.add_argument(
        "--check-memory", action="store_true", help="also measure peak memory on large inputs"
    )
    parser.add_argument(
        "--memory-sizes",
        default="100000,1000000",
        help="comma-separated input sizes for --check-memory (default: 100000,1000000)",
    )
    parser.add_argument(
        "--memory-format",
        choices=("jsonl", "text"),
        default="jsonl",
        help="streaming report format for --check-memory (default: jsonl)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of full validation"
    )
    parser.add_argument("--top", type=int, default=15, help="functions shown by --profile")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    folder = Path(tempfile.mkdtemp(prefix="azx-bench-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, folder {folder}")
    # Subprocesses (and the workers they spawn) must not compile the sources on every
    # start when the environment forbids writing bytecode next to them.
    _ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    _ENV["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    try:
        targets = measure_throughput(folder, args.records)
        if args.jobs:
            targets += measure_jobs(folder)
        if args.check_memory:
            sizes = sorted({int(s) for s in args.memory_sizes.split(",") if s.strip()})
            if len(sizes) >= 2:
                targets += measure_memory(folder, sizes, args.memory_format)
            else:
                print("--memory-sizes needs two sizes at least", file=sys.stderr)
        if args.profile:
            profile_full_validation(folder, args.records, args.top)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    print()
    print(table([("target", "measured", "target", "verdict"), *targets]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
