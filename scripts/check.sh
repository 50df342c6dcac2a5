#!/usr/bin/env bash
# The whole quality gate: lint, format, types, generated files, documentation, tests.
# Run from the project root inside an environment with `pip install -e ".[dev]"`.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy"
mypy
echo "== generated documentation is up to date"
python docs/generate.py --check
echo "== mkdocs (warnings are errors)"
export NO_MKDOCS_2_WARNING=1
mkdocs build --strict --quiet --site-dir "$(mktemp -d)"
echo "== pytest"
pytest -q
