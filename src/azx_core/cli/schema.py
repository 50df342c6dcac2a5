"""``azx schema``: print one kind's schema, a bundle of all, or write them to a folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from azx_core import schemas

__all__ = ["run_schema"]


def run_schema(args: argparse.Namespace) -> int:
    """Print or write the shipped JSON Schemas; return the exit code."""
    if args.out:
        written = schemas.write(Path(args.out))
        if args.kind:
            keep = Path(args.out) / f"{args.kind}.schema.json"
            for path in written:
                if path != keep:
                    path.unlink()
            written = [keep]
        for path in written:
            print(path)
        return 0
    document = schemas.shipped(args.kind) if args.kind else schemas.bundle()
    print(schemas.dump(document), end="")
    return 0
