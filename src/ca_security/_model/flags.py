"""Checking the flags of the public API: a flag is ``True`` or ``False``, nothing else."""

from __future__ import annotations

import reprlib

__all__ = ["require_bool"]


def require_bool(name: str, value: object) -> bool:
    """``value`` when it is a :class:`bool`; otherwise raise :class:`TypeError`.

    Strings such as ``"false"`` or ``"no"``, numbers (``0``, ``1``, ``nan``),
    lists and ``None`` are refused rather than read as true or false.

    Examples:
        >>> require_bool("overwrite", False)
        False
        >>> require_bool("overwrite", "false")
        Traceback (most recent call last):
        ...
        TypeError: overwrite is True or False, got str 'false'

    """
    if not isinstance(value, bool):
        raise TypeError(
            f"{name} is True or False, got {type(value).__name__} {reprlib.repr(value)}"
        )
    return value
