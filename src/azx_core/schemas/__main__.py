"""Regenerate the shipped schemas from the models: ``python -m azx_core.schemas``."""

from __future__ import annotations

from pathlib import Path

from azx_core.schemas import write

if __name__ == "__main__":
    for path in write(Path(__file__).parent, source="models"):
        print(path)
