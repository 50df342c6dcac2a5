"""Import cost of ``azx_core`` against pydantic, and no hypothesis loaded at run time.

Run on demand, never by the test suite::

    python benchmarks/bench_import.py            # 9 runs of each
    python benchmarks/bench_import.py --runs 21 --importtime

Each measurement is a fresh interpreter, so nothing is cached in memory between runs; the
operating system's file cache and Python's bytecode cache are warm after a first run that
is not counted. The children get a bytecode cache of their own in a temporary folder
(``PYTHONPYCACHEPREFIX``, with ``PYTHONDONTWRITEBYTECODE`` removed), so that a checkout
whose environment forbids writing bytecode is not timed compiling its sources on every
import while pydantic loads its installed bytecode; ``--as-is`` keeps the environment
unchanged. Two views of the same target, each the median of ``--runs`` runs:

* process: the wall time of ``python -c "import azx_core"`` against ``python -c "import
  pydantic"`` (interpreter start-up included, as a user of the command line feels it);
* import only: the time of the ``import`` statement itself, measured inside the child
  (start-up excluded, so the ratio is stricter).

It then checks that ``hypothesis`` is not in ``sys.modules`` after ``import azx_core`` and
after ``import azx_core.cli.main``. With ``--importtime`` it also lists the modules that
cost most, from ``python -X importtime``. Targets are reported as PASS or FAIL; the script
exits 0 whatever the numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from report_table import table, verdict

_TIMED = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
_HYPOTHESIS = "import sys, {module}; print('hypothesis' in sys.modules)"

#: The environment of every child; `main` sets it up.
_ENV: dict[str, str] = {}


def _run(*args: str, stderr: bool = False) -> str:
    """Run a fresh interpreter with `args`; return its standard output (or error)."""
    done = subprocess.run(
        [sys.executable, *args], check=True, capture_output=True, text=True, env=_ENV
    )
    return done.stderr if stderr else done.stdout


def _process_seconds(module: str) -> float:
    started = time.perf_counter()
    _run("-c", f"import {module}")
    return time.perf_counter() - started


def _import_seconds(module: str) -> float:
    return float(_run("-c", _TIMED.format(module=module)).strip())


def _samples(measure: str, module: str, runs: int) -> list[float]:
    action = _process_seconds if measure == "process" else _import_seconds
    action(module)  # warm the bytecode and file caches once
    return [action(module) for _ in range(runs)]


def _imports_hypothesis(module: str) -> bool:
    return _run("-c", _HYPOTHESIS.format(module=module)).strip() == "True"


def _hypothesis_installed() -> bool:
    found = _run("-c", "import importlib.util as u; print(bool(u.find_spec('hypothesis')))")
    return found.strip() == "True"


def _costliest(module: str, top: int) -> list[tuple[int, str]]:
    """The `top` modules by cumulative import time (microseconds), from -X importtime."""
    rows = []
    for line in _run("-X", "importtime", "-c", f"import {module}", stderr=True).splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, _, rest = line.partition(":")
        _self, cumulative, name = (part.strip() for part in rest.split("|", 2))
        rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def _spread(samples: list[float]) -> str:
    """The median and the fastest run, in milliseconds."""
    return f"{statistics.median(samples) * 1000:.0f} (min {min(samples) * 1000:.0f})"


def _environment(cache: str | None) -> dict[str, str]:
    """The children's environment: with a bytecode cache in `cache`, unless None."""
    env = dict(os.environ)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    return env


def main(argv: list[str] | None = None) -> int:
    """Run the import benchmark; always return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per measurement (median)")
    parser.add_argument(
        "--importtime", action="store_true", help="list the costliest modules of the import"
    )
    parser.add_argument("--top", type=int, default=15, help="modules listed by --importtime")
    parser.add_argument(
        "--as-is", action="store_true", help="run the children in this environment unchanged"
    )
    args = parser.parse_args(argv)

    cache = None if args.as_is else tempfile.mkdtemp(prefix="azx-bench-pycache-")
    _ENV.clear()
    _ENV.update(_environment(cache))
    where = "environment as is" if cache is None else f"bytecode cache {cache}"
    print(f"python {sys.version.split()[0]}, median of {args.runs} fresh interpreters, {where}")
    try:
        targets = _measure(args.runs)
        if args.importtime:
            costliest = _costliest("azx_core", args.top)
            print(f"\ncostliest modules of import azx_core (cumulative, top {args.top})")
            print(table([("ms", "module"), *((f"{us / 1000:.1f}", n) for us, n in costliest)]))
    finally:
        if cache is not None:
            shutil.rmtree(cache, ignore_errors=True)

    print()
    print(table([("target", "measured", "target", "verdict"), *targets]))
    return 0


def _measure(runs: int) -> list[tuple[str, ...]]:
    """Print the timing table; return the target rows."""
    rows: list[tuple[str, ...]] = [
        ("measure", "import pydantic (ms)", "import azx_core (ms)", "ratio of medians")
    ]
    targets: list[tuple[str, ...]] = []
    for measure in ("process", "import only"):
        base = _samples(measure, "pydantic", runs)
        ours = _samples(measure, "azx_core", runs)
        ratio = statistics.median(ours) / statistics.median(base)
        rows.append((measure, _spread(base), _spread(ours), f"{ratio:.2f}x"))
        name = f"import azx_core / import pydantic ({measure})"
        targets.append((name, f"{ratio:.2f}x", "< 3x", verdict(ratio < 3)))
    print()
    print(table(rows))

    installed = _hypothesis_installed()
    for module in ("azx_core", "azx_core.cli.main"):
        loaded = _imports_hypothesis(module)
        outcome = verdict(not loaded) if installed else "n/a (hypothesis not installed)"
        name = f"hypothesis not loaded by import {module}"
        targets.append((name, str(not loaded), "True", outcome))
    return targets


if __name__ == "__main__":
    sys.exit(main())
