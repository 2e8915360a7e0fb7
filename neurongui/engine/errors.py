"""Exceptions raised by the engine."""

from __future__ import annotations

__all__ = ["NetworkFileError"]


class NetworkFileError(ValueError):
    """A network file or network description is malformed.

    The message says what is wrong and where, e.g.
    ``"layers[1].weights: row 3 has 2 numbers, expected 4"``.
    """
