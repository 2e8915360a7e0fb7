"""Exceptions raised by the engine, and the translatable messages they carry.

A message a student may read is an English *template* with named fields, e.g.
``"{where}: expected {size} numbers, got {count}"``, plus the values of those fields.
``str(exc)`` is the filled English text (what scripts print). The interface looks the
template up in its translations (context :data:`CONTEXT`) and fills in the same
values, so that a Chinese student reads the message in Chinese with the same numbers
and field paths (:func:`neurongui.i18n.error_text`).

Templates are marked with :func:`QT_TRANSLATE_NOOP`, a plain function here: the
engine never imports Qt, but pyside6-lupdate extracts any call of that name.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "CONTEXT",
    "QT_TRANSLATE_NOOP",
    "EngineError",
    "Message",
    "NetworkFileError",
    "kind_of",
    "located",
    "os_reason",
    "render",
]

#: The translation context of every engine message.
CONTEXT = "EngineErrors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text``: marks it for translation under ``context``, translates nothing.

    The name is the one pyside6-lupdate looks for; the context must be a string literal.
    """
    return text


class Message:
    """An English template with named fields and their values; ``str()`` fills it.

    A value may itself be a :class:`Message` or an :class:`EngineError` (a nested
    reason, a described kind of value such as "a list"): it is rendered the same way.

    Parameters
    ----------
    template
        Text with ``str.format`` fields, e.g. ``"{where}: more than {limit:,} records"``.
    **values
        The fields' values.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return render(self.template, self.values)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash(self.template)


def render(
    template: str,
    values: dict[str, object],
    text: Callable[[object], str] = str,
    fallback: str | None = None,
) -> str:
    """Fill ``template`` with ``values``; nested messages and errors become ``text(value)``.

    A template whose fields do not match the values (a broken translation) gives
    ``fallback`` filled instead (the English template), or the template as it is:
    reporting an error must not raise another.
    """
    shown = {
        key: text(value) if isinstance(value, (Message, EngineError)) else value
        for key, value in values.items()
    }
    for candidate in (template, fallback):
        if candidate is None:
            continue
        try:
            return candidate.format(**shown)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return template


class EngineError(ValueError):
    """A value, file or request the engine refuses, with a translatable message.

    ``str(exc)`` is the English text; :attr:`template` and :attr:`values` let the
    interface show it in the student's language.

    Parameters
    ----------
    template
        An English template marked with :func:`QT_TRANSLATE_NOOP`, or a :class:`Message`.
    **values
        The template's fields.
    """

    def __init__(self, template: str | Message, /, **values: object) -> None:
        if isinstance(template, Message):
            values = {**template.values, **values}
            template = template.template
        self.template = template
        self.values = values
        super().__init__(render(template, values))

    @property
    def message(self) -> Message:
        """The template and values, as a :class:`Message`."""
        return Message(self.template, **self.values)


class NetworkFileError(EngineError):
    """A network file or network description is malformed.

    The message says what is wrong and where, e.g.
    ``"layers[1].weights: row 3 has 2 numbers, expected 4"``.
    """


def located(where: str | Message, reason: EngineError | Message | str) -> Message:
    """``"{where}: {reason}"``: a reason prefixed with the file, field or row it is about.

    A plain-text ``reason`` (what a library said, in English) is shown as it is.
    """
    return Message(
        QT_TRANSLATE_NOOP("EngineErrors", "{where}: {reason}"), where=where, reason=reason
    )


def os_reason(exc: OSError) -> Message | str:
    """Why the operating system refused a file operation, as a translatable message.

    The common reasons (no such file, permission denied, disk full, …) are templates;
    any other is the system's own text (``exc.strerror``).
    """
    import errno

    reasons = {
        errno.ENOENT: QT_TRANSLATE_NOOP("EngineErrors", "no such file or folder"),
        errno.EACCES: QT_TRANSLATE_NOOP("EngineErrors", "permission denied"),
        errno.EPERM: QT_TRANSLATE_NOOP("EngineErrors", "permission denied"),
        errno.EISDIR: QT_TRANSLATE_NOOP("EngineErrors", "it is a folder"),
        errno.ENOTDIR: QT_TRANSLATE_NOOP("EngineErrors", "a part of the path is not a folder"),
        errno.ENOSPC: QT_TRANSLATE_NOOP("EngineErrors", "no space left on the disk"),
        errno.EROFS: QT_TRANSLATE_NOOP("EngineErrors", "the disk is read-only"),
        errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("EngineErrors", "the file name is too long"),
        errno.EEXIST: QT_TRANSLATE_NOOP("EngineErrors", "the file already exists"),
    }
    template = reasons.get(exc.errno) if exc.errno is not None else None
    if template is not None:
        return Message(template)
    return exc.strerror or str(exc) or type(exc).__name__


def kind_of(value: object) -> Message:
    """What ``value`` is, for "expected …, got {kind}": "a list", "null", "the text 'abc'"."""
    if isinstance(value, str):
        return Message(QT_TRANSLATE_NOOP("EngineErrors", "the text {text!r}"), text=value[:30])
    kinds = {
        dict: QT_TRANSLATE_NOOP("EngineErrors", "an object"),
        list: QT_TRANSLATE_NOOP("EngineErrors", "a list"),
        bool: QT_TRANSLATE_NOOP("EngineErrors", "true/false"),
        type(None): QT_TRANSLATE_NOOP("EngineErrors", "null"),
        int: QT_TRANSLATE_NOOP("EngineErrors", "the number {number}"),
        float: QT_TRANSLATE_NOOP("EngineErrors", "the number {number}"),
    }
    template = kinds.get(type(value))
    if template is None:
        return Message("{name}", name=type(value).__name__)
    shown = repr(value)
    return Message(template, number=shown if len(shown) <= 30 else shown[:27] + "…")
