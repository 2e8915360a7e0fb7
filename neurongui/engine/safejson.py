"""Strict JSON for files the user picked: every problem is a :class:`NetworkFileError`.

Besides what :func:`json.loads` refuses, this refuses

* ``NaN`` and ``Infinity`` (not JSON, but Python's parser accepts them);
* a key that appears twice in one object (which value would count?);
* a whole number too long to be a float (``1000…0`` with 400 digits would leak
  OverflowError from every conversion, and beyond 4,300 digits Python refuses to
  read it at all);
* text with a lone UTF-16 surrogate (``"\\ud800"``), which cannot be written back as
  UTF-8: what loads must always be savable.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import QT_TRANSLATE_NOOP, Message, NetworkFileError

__all__ = ["MAX_INT_DIGITS", "loads", "unencodable_path"]

#: Every whole number of at most this many digits converts to a finite float.
MAX_INT_DIGITS = 308

# Lone surrogates can only come from \u escapes (UTF-8 bytes cannot encode them).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _HugeNumber(Exception):
    def __init__(self, digits: str):
        super().__init__(digits)
        self.digits = digits


def loads(text: str) -> Any:
    """Parse ``text`` strictly (see the module docstring).

    Raises
    ------
    NetworkFileError
        Saying what is wrong, with the line and column where the JSON is broken.
    """
    try:
        data = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_int=_parse_int,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP(
                "EngineErrors", "not valid JSON at line {line}, column {column}: {reason}"
            ),
            line=exc.lineno,
            column=exc.colno,
            reason=_json_reason(exc.msg),
        ) from None
    except RecursionError:
        raise NetworkFileError(
            QT_TRANSLATE_NOOP("EngineErrors", "the JSON is nested too deeply")
        ) from None
    except _HugeNumber as exc:
        raise NetworkFileError(_huge_message(text, exc.digits)) from None
    if _SURROGATE_ESCAPE.search(text):
        where = unencodable_path(data)
        if where is not None:
            raise NetworkFileError(
                QT_TRANSLATE_NOOP(
                    "EngineErrors",
                    "{where}: the text holds a character that is not valid Unicode "
                    "(a lone surrogate escape such as \\ud800)",
                ),
                where=where or Message(QT_TRANSLATE_NOOP("EngineErrors", "the file")),
            )
    return data


def unencodable_path(data: Any, where: str = "") -> str | None:
    """The place (``inputs.names[3]``) of the first string or key in ``data`` that
    cannot be encoded as UTF-8, or None if there is none."""
    stack = [(data, where)]
    while stack:
        value, place = stack.pop()
        if isinstance(value, str):
            if not _encodable(value):
                return place
        elif isinstance(value, dict):
            for key, item in value.items():
                inner = f"{place}.{key}" if place else str(key)
                if isinstance(key, str) and not _encodable(key):
                    return place  # "" for a key at the top level
                stack.append((item, inner))
        elif isinstance(value, list):
            # Lists of numbers (weights) are most of a file: skip them quickly.
            stack.extend(
                (item, f"{place}[{i}]")
                for i, item in enumerate(value)
                if isinstance(item, (str, list, dict))
            )
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _HugeNumber(digits)
    return int(digits)


def _huge_message(text: str, digits: str) -> Message:
    count = len(digits.lstrip("-"))
    offset = text.find(digits)
    if offset < 0:
        return Message(
            QT_TRANSLATE_NOOP(
                "EngineErrors",
                "a whole number of {count:,} digits is too large "
                "(numbers in a network file have at most {limit} digits)",
            ),
            count=count,
            limit=MAX_INT_DIGITS,
        )
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Message(
        QT_TRANSLATE_NOOP(
            "EngineErrors",
            "line {line}, column {column}: a whole number of {count:,} digits is too large "
            "(numbers in a network file have at most {limit} digits)",
        ),
        line=line,
        column=column,
        count=count,
        limit=MAX_INT_DIGITS,
    )


#: What Python's json module says, in the words a student can follow (its wording
#: otherwise: "Expecting value", "Extra data", …).
_JSON_REASONS = {
    "Expecting value": QT_TRANSLATE_NOOP("EngineErrors", "a value is missing"),
    "Expecting ',' delimiter": QT_TRANSLATE_NOOP("EngineErrors", "a comma is missing"),
    "Expecting ':' delimiter": QT_TRANSLATE_NOOP("EngineErrors", "a colon is missing"),
    "Expecting property name enclosed in double quotes": QT_TRANSLATE_NOOP(
        "EngineErrors", "a key in double quotes is missing (a comma too many?)"
    ),
    "Unterminated string starting at": QT_TRANSLATE_NOOP(
        "EngineErrors", "a text is not closed by a double quote"
    ),
    "Invalid control character at": QT_TRANSLATE_NOOP(
        "EngineErrors", "a text holds a control character (a line break?)"
    ),
    "Invalid \\escape": QT_TRANSLATE_NOOP("EngineErrors", "a backslash escape is not valid"),
    "Invalid \\uXXXX escape": QT_TRANSLATE_NOOP("EngineErrors", "a \\u escape is not valid"),
    "Extra data": QT_TRANSLATE_NOOP("EngineErrors", "more text follows the end of the JSON"),
}


def _json_reason(msg: str) -> Message | str:
    """The json module's ``msg`` as a translatable message, or as it is if unknown."""
    template = _JSON_REASONS.get(msg)
    return msg if template is None else Message(template)


def _reject_constant(name: str) -> None:
    raise NetworkFileError(
        QT_TRANSLATE_NOOP(
            "EngineErrors", "{name} is not a finite number; network files hold only numbers"
        ),
        name=name,
    )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise NetworkFileError(
                    QT_TRANSLATE_NOOP(
                        "EngineErrors", "the key {key!r} appears twice in one object"
                    ),
                    key=key,
                )
            seen.add(key)
    return out
