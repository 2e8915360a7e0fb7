"""Languages: English (the source strings) and Simplified Chinese.

Translations live in ``resources/i18n/neurongui_<lang>.ts`` (Qt Linguist source).
The compiled ``.qm`` is made by the build (``hatch_build.py`` runs pyside6-lrelease
when the wheel is built; the PyInstaller build does the same). A source checkout
has only the ``.ts``: it is then compiled on first use into the user's cache folder
with the ``lrelease`` that ships in PySide6. So the same lookup works from a
checkout, an installed wheel and a bundled app.

The language is chosen by ``NEURONGUI_LANG`` if set, else the Preferences choice,
else the system locale.

Run-time text goes through one function per vocabulary: :func:`error_text` for the
engine's errors (and the operating system's), :func:`activation_label`,
:func:`dataset_label` and :func:`data_name` for names, :func:`keep_together` for
Chinese prose in word-wrapped labels.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from neurongui.engine.datasets import IRIS_FEATURES, IRIS_SPECIES
from neurongui.engine.errors import CONTEXT, EngineError, Message, os_reason, render
from neurongui.paths import resource_path

__all__ = [
    "SUPPORTED",
    "activation_label",
    "choose_language",
    "data_name",
    "dataset_label",
    "error_text",
    "fill",
    "install_translators",
    "keep_together",
    "message_text",
    "qm_file",
    "ts_file",
]

SUPPORTED = ("en", "zh_CN")


def choose_language(preference: str = "system") -> str:
    """``"en"`` or ``"zh_CN"``: from NEURONGUI_LANG, ``preference`` or the system."""
    for candidate in (os.environ.get("NEURONGUI_LANG", ""), preference):
        if candidate and candidate != "system":
            return "zh_CN" if candidate.lower().startswith("zh") else "en"
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def fill(text: str, *values: object) -> str:
    """``text`` with its placeholders %1, %2, … replaced by ``values``, as QString.arg does.

    Translated strings keep Qt's numbered placeholders, so a translation may put them in
    another order. All are replaced in one pass: a value that itself contains "%2" stays
    as it is (replacing one placeholder after another would expand it too).
    """
    return _PLACEHOLDER.sub(
        lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0], text
    )


_PLACEHOLDER = re.compile(r"%(\d+)")


def data_name(name: str) -> str:
    """A feature or class name of a shipped dataset, in the interface's language.

    Networks, files and the engine keep the English names; any other name (a CSV
    file's columns, x₁, a digit) is shown as it is.
    """
    if name not in IRIS_FEATURES and name not in IRIS_SPECIES:
        if name == "target":  # the output of a regression dataset
            return QCoreApplication.translate("Datasets", "target")
        column = _COLUMN.fullmatch(name)
        if column:  # a CSV column without a header: "column 3"
            return fill(QCoreApplication.translate("Datasets", "column %1"), column[1])
        return name  # most names (digits, x₁, a CSV's columns): no lookup at all
    names = {  # spelled out in full, as lupdate recognises them
        "sepal length": QCoreApplication.translate("Datasets", "sepal length"),
        "sepal width": QCoreApplication.translate("Datasets", "sepal width"),
        "petal length": QCoreApplication.translate("Datasets", "petal length"),
        "petal width": QCoreApplication.translate("Datasets", "petal width"),
        "setosa": QCoreApplication.translate("Datasets", "setosa"),
        "versicolor": QCoreApplication.translate("Datasets", "versicolor"),
        "virginica": QCoreApplication.translate("Datasets", "virginica"),
    }
    return names[name]


_COLUMN = re.compile(r"column (\d+)")


def dataset_label(key: str) -> str:
    """The name of a shipped dataset (``"circle"``), translated; any other (an
    imported CSV file's name) as it is."""
    names = {  # spelled out in full, as lupdate recognises them
        "circle": QCoreApplication.translate("Datasets", "Circle"),
        "xor": QCoreApplication.translate("Datasets", "XOR (quadrants)"),
        "gauss": QCoreApplication.translate("Datasets", "Two Gaussians"),
        "spiral": QCoreApplication.translate("Datasets", "Spiral"),
        "linear": QCoreApplication.translate("Datasets", "Linearly separable"),
        "plane": QCoreApplication.translate("Datasets", "Plane (regression)"),
        "multigauss": QCoreApplication.translate("Datasets", "Gaussian bumps (regression)"),
        "line": QCoreApplication.translate("Datasets", "Line (1-D regression)"),
        "and": QCoreApplication.translate("Datasets", "Logic gate AND"),
        "or": QCoreApplication.translate("Datasets", "Logic gate OR"),
        "nand": QCoreApplication.translate("Datasets", "Logic gate NAND"),
        "xor_gate": QCoreApplication.translate("Datasets", "Logic gate XOR"),
        "iris": QCoreApplication.translate("Datasets", "Iris flowers"),
        "digits": QCoreApplication.translate("Datasets", "Handwritten digits"),
        "mnist": QCoreApplication.translate("Datasets", "MNIST digits (10,000)"),
    }
    return names.get(key, key)


def activation_label(name: str, short: bool = False) -> str:
    """The name of activation ``name`` (``"leaky_relu"``) for the student to read.

    English gives the usual symbol ("Leaky ReLU"). Chinese gives the symbol with the
    name a Chinese textbook uses beside it ("Leaky ReLU（带泄漏线性整流）"); with
    ``short`` (diagram headers, where room is scarce) the symbol alone, or the Chinese
    word where the English one is a plain word ("阶跃" for step). Unknown names are
    returned as they are.
    """
    if short:
        names = {
            "identity": QCoreApplication.translate("ActivationSymbols", "identity"),
            "step": QCoreApplication.translate("ActivationSymbols", "step"),
            "sigmoid": QCoreApplication.translate("ActivationSymbols", "sigmoid"),
            "tanh": QCoreApplication.translate("ActivationSymbols", "tanh"),
            "hardtanh": QCoreApplication.translate("ActivationSymbols", "hard tanh"),
            "softsign": QCoreApplication.translate("ActivationSymbols", "softsign"),
            "relu": QCoreApplication.translate("ActivationSymbols", "ReLU"),
            "leaky_relu": QCoreApplication.translate("ActivationSymbols", "Leaky ReLU"),
            "prelu": QCoreApplication.translate("ActivationSymbols", "PReLU"),
            "rrelu": QCoreApplication.translate("ActivationSymbols", "RReLU"),
            "softmax": QCoreApplication.translate("ActivationSymbols", "softmax"),
        }
    else:
        names = {
            "identity": QCoreApplication.translate("Activations", "identity"),
            "step": QCoreApplication.translate("Activations", "step"),
            "sigmoid": QCoreApplication.translate("Activations", "sigmoid"),
            "tanh": QCoreApplication.translate("Activations", "tanh"),
            "hardtanh": QCoreApplication.translate("Activations", "hard tanh"),
            "softsign": QCoreApplication.translate("Activations", "softsign"),
            "relu": QCoreApplication.translate("Activations", "ReLU"),
            "leaky_relu": QCoreApplication.translate("Activations", "Leaky ReLU"),
            "prelu": QCoreApplication.translate("Activations", "PReLU"),
            "rrelu": QCoreApplication.translate("Activations", "RReLU"),
            "softmax": QCoreApplication.translate("Activations", "softmax"),
        }
    return names.get(name, name)


def message_text(message: Message | EngineError | object) -> str:
    """An engine :class:`~neurongui.engine.errors.Message` in the interface's language.

    The template is looked up under the context ``EngineErrors`` and filled with the
    message's values, nested messages translated likewise; numbers and field paths
    (``training.history[3].epoch``) come out as the engine wrote them. A translation
    whose fields do not match falls back to the English template. Anything that is not
    a message is shown with ``str``.
    """
    if isinstance(message, EngineError):
        message = message.message
    if not isinstance(message, Message):
        return str(message)
    template = QCoreApplication.translate(CONTEXT, message.template)
    return render(template, message.values, message_text, fallback=message.template)


def error_text(exc: BaseException) -> str:
    """What went wrong, for a dialog or the status bar, in the interface's language.

    Engine errors are translated (:func:`message_text`); for an ``OSError`` the
    system's reason (permission denied, disk full, …) is; anything else is
    ``str(exc)``. Use it wherever an exception is shown to the student.
    """
    if isinstance(exc, EngineError):
        return message_text(exc)
    if isinstance(exc, OSError):  # alone in a dialog: a sentence, capitalised
        text = message_text(os_reason(exc))
        return text[:1].upper() + text[1:]
    return str(exc) or type(exc).__name__


#: Chinese characters (and kana, hangul) whose lines may break between any two.
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: Closing punctuation that must stay with the character before it.
_CLOSING = "。，、；：？！）」』】》〉”’…—·.,;:?!)\\]"
_TAIL = re.compile(f"((?:[{_CJK}][{_CLOSING}]*){{2,}})((?:\\s|<[^>]*>)*)$")
_WORD_JOINER = "\u2060"


def sentences(*parts: str) -> str:
    """Sentences one after another: a space after an English full stop, none after a
    Chinese one (。！？：), where a space reads as a gap."""
    out = ""
    for part in (p for p in parts if p):
        out += part if not out or out.endswith(("。", "！", "？", "：")) else f" {part}"
    return out


def keep_together(text: str, count: int = 4) -> str:
    """``text`` with the last ``count`` Chinese characters of each paragraph joined.

    Qt wraps Chinese between any two characters, so a paragraph can end with a lone
    "效。" on its last line. Word joiners (U+2060, invisible) between the last
    ``count`` characters and their closing punctuation move them to the next line
    together. Paragraphs are separated by newlines or ``<br>``/``</p>``; trailing
    tags are skipped. Text without Chinese is returned unchanged.
    """
    if not re.search(f"[{_CJK}]", text):
        return text
    parts = _PARAGRAPH.split(text)
    return "".join(
        part if _PARAGRAPH.fullmatch(part) else _join_tail(part, count) for part in parts
    )


_PARAGRAPH = re.compile(r"(\n|<br\s*/?>|</p>)", re.IGNORECASE)


def _join_tail(paragraph: str, count: int) -> str:
    match = _TAIL.search(paragraph)
    if match is None:
        return paragraph
    tail = match[1]
    # Split the tail into clusters: one character with its closing punctuation.
    clusters = re.findall(f"[{_CJK}][{_CLOSING}]*", tail)[-count:]
    joined = _WORD_JOINER.join(clusters)
    kept = tail[: len(tail) - sum(map(len, clusters))]
    return paragraph[: match.start()] + kept + joined + match[2]


def ts_file(language: str) -> Path:
    """The translation source of ``language``."""
    return resource_path("i18n") / f"neurongui_{language}.ts"


def _lrelease() -> str | None:
    import PySide6

    exe = Path(PySide6.__file__).parent / (
        "lrelease.exe" if sys.platform == "win32" else "lrelease"
    )
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease")


def qm_file(language: str) -> Path | None:
    """The compiled translation of ``language``: shipped, or compiled now into the cache."""
    shipped = resource_path("i18n") / f"neurongui_{language}.qm"
    source = ts_file(language)
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    cache = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or "."
    )
    # Keyed by the source's content: checkouts of different versions (worktrees, a
    # branch switched back) share this folder, and a file's age says nothing of which
    # version it was compiled from.
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = cache / "i18n" / f"neurongui_{language}-{digest}.qm"
    if target.exists():
        return target
    tool = _lrelease()
    if tool is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    # Compile to a private name and rename: another instance may read the target.
    partial = target.with_name(f"{target.stem}.{os.getpid()}.part")
    result = subprocess.run(
        [tool, "-silent", str(source), "-qm", str(partial)], capture_output=True, check=False
    )
    if result.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        return None
    os.replace(partial, target)
    _prune(target)
    return target


def _prune(keep: Path, days: float = 30) -> None:
    """Remove translations compiled from older sources, unused for ``days``."""
    import time

    prefix = keep.stem.rsplit("-", 1)[0]
    for old in keep.parent.glob(f"{prefix}-*.qm"):
        try:
            if old != keep and time.time() - old.stat().st_mtime > days * 86400:
                old.unlink()
        except OSError:
            pass


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load NeuronGUI's and Qt's own translations of ``language`` into ``app``.

    Returns the installed translators (keep them alive as long as the app runs).
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    path = qm_file(language)
    ours = QTranslator(app)
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
