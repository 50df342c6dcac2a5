"""Entry point of the ``azx`` command: parse arguments, dispatch, map errors to exit codes.

Exit codes: 0 no finding at or above ``--fail-on``; 1 such findings; 2 usage error
(unknown option, profile, rule or command) or unreadable input; 3 internal error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date

from azx_core import __version__
from azx_core.errors import AzxError, UnknownKind, UnknownRule
from azx_core.io.readers import InputError
from azx_core.models import KINDS

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

logger = logging.getLogger("azx_core.cli")


class UsageError(Exception):
    """A wrong argument: the command exits 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number >= 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of every subcommand."""
    from azx_core.report import RENDERERS

    parser = _Parser(prog="azx", description="Validate 安责险 records against the law.")
    parser.add_argument("--version", action="version", version=f"azx {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("validate", help="validate record files")
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="JSON, JSONL or CSV files or folders; - is stdin"
    )
    check.add_argument("--kind", choices=KINDS, help="kind of records without their own kind")
    check.add_argument("--profile", default="national", help="profile name or .toml file")
    check.add_argument("--as-of", type=_date, help="judge on this date (YYYY-MM-DD)")
    check.add_argument("--format", choices=sorted(RENDERERS), default="text", dest="fmt")
    check.add_argument("--output", help="write the report to this file")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--fail-on", choices=("error", "warning"), default="error")
    check.add_argument("--select", type=_ids, help="rule ids or families to run, comma-separated")
    check.add_argument("--ignore", type=_ids, help="rule ids or families to skip")
    check.add_argument("--jobs", type=_positive, default=1, help="worker processes")
    check.add_argument("--encoding", help="input encoding (default: detect UTF-8 or GB18030)")
    check.add_argument(
        "--input-format", choices=("json", "jsonl", "csv"), help="override the file extension"
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings reach --fail-on (the report is unchanged)",
    )
    check.add_argument(
        "--show-personal-data",
        action="store_true",
        help="write resident id numbers and phone numbers unmasked",
    )

    rules = commands.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--format", choices=("text", "json"), default="text", dest="fmt")
    rules.add_argument("--lang", choices=("zh", "en"), default="zh")
    rules.add_argument("--profile", default="national", help="show what this profile runs")

    explain = commands.add_parser("explain", help="explain one rule")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--lang", choices=("zh", "en"), default="zh")
    explain.add_argument("--profile", default="national", help="show this profile's values")

    schema = commands.add_parser("schema", help="print or write the JSON Schemas")
    schema.add_argument("--kind", choices=KINDS, help="one kind (default: a bundle of all)")
    schema.add_argument("--out", metavar="DIR", help="write DIR/<kind>.schema.json")
    return parser


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        from azx_core.cli.validate import run_validate

        return run_validate(args)
    if args.command in {"rules", "explain"}:
        from azx_core.cli.catalogue import run_explain, run_rules

        return run_rules(args) if args.command == "rules" else run_explain(args)
    if args.command == "schema":
        from azx_core.cli.schema import run_schema

        return run_schema(args)
    raise UsageError("a command is required (validate, rules, explain, schema)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    logging.basicConfig(
        level=logging.WARNING - 10 * min(args.verbose, 2),
        format="azx: %(levelname)s: %(message)s",
    )
    try:
        return _run(args)
    except (UsageError, UnknownRule, UnknownKind, InputError) as exc:
        print(f"azx: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except AzxError as exc:
        print(f"azx: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception:
        logger.exception("internal error; please report it with the input that caused it")
        return EXIT_INTERNAL
