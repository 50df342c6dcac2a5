"""The exceptions azx-core raises.

Everything the library raises on purpose derives from `AzxError`, so a caller can catch the
library's own failures in one place. Bad data inside a record never raises: it becomes a
finding in the record's result. Exceptions are for bad *arguments*: an unknown profile,
rule or record kind, a malformed parameter file, an identifier handed to a strict parser.
"""

from __future__ import annotations

__all__ = [
    "AzxError",
    "InvalidIdentifier",
    "ParameterError",
    "ProfileError",
    "UnknownKind",
    "UnknownRule",
]


class AzxError(Exception):
    """Root of every exception azx-core raises on purpose."""


class InvalidIdentifier(AzxError, ValueError):  # noqa: N818 - reads as a noun in user code
    """An identifier (USCC, resident id, division code) failed its standard.

    Attributes:
        code: a stable, prefixed error code such as ``uscc_check_character``.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ParameterError(AzxError):
    """A parameter or profile data file is malformed; the message names the file and key."""


class ProfileError(AzxError):
    """A profile name or file could not be resolved."""


class UnknownRule(AzxError, KeyError):  # noqa: N818
    """A rule id or family prefix that the registry does not know."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown rule"


class UnknownKind(AzxError, ValueError):  # noqa: N818
    """A record kind that the library does not model."""
