"""Command line entry point: ``neurongui [FILE] [--screenshot OUT.png] [--version]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from neurongui import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

__all__ = ["build_parser", "create_application", "main"]


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser of ``neurongui``."""
    parser = argparse.ArgumentParser(
        prog="neurongui",
        description="NeuronGUI: see and edit every weight of a neural network while it learns.",
    )
    parser.add_argument("file", nargs="?", help="a network file (.neuron, or .json) to open")
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="render the main window to a PNG file and exit (works offscreen)",
    )
    parser.add_argument("--version", action="version", version=f"NeuronGUI {__version__}")
    return parser


def create_application(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication, creating it (with NeuronGUI's names) if needed."""
    from PySide6.QtWidgets import QApplication

    running = QApplication.instance()
    if running is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    elif isinstance(running, QApplication):
        app = running
    else:  # a QCoreApplication (a script's): it cannot show windows
        raise RuntimeError("NeuronGUI needs a QApplication, but a QCoreApplication is running")
    app.setApplicationName("NeuronGUI")
    app.setOrganizationName("NeuronGUI")
    app.setApplicationVersion(__version__)
    # The desktop entry's name lets Wayland and docks match the window to its menu item.
    app.setDesktopFileName("io.github.neurongui.NeuronGUI")
    from PySide6.QtGui import QIcon

    from neurongui.paths import resource_path

    icon = resource_path("icons", "neurongui.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def main(argv: list[str] | None = None) -> int:
    """Start NeuronGUI; return the process exit status.

    Exit status 2 means the file given on the command line could not be opened
    (the reason goes to stderr).
    """
    args = build_parser().parse_args(argv)
    # One BLAS thread: training runs in its own thread already, and a second BLAS
    # thread spinning on the other core would starve the window (set before NumPy loads).
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    app = create_application()

    from neurongui.documents import InstanceGuard, load_document
    from neurongui.engine import NetworkFileError
    from neurongui.i18n import choose_language, install_translators
    from neurongui.main_window import MainWindow
    from neurongui.model import NetworkModel
    from neurongui.settings import Settings
    from neurongui.theme import ThemeManager

    settings = Settings()
    language = choose_language(settings.language)
    translators = install_translators(app, language)  # alive until app.exec() returns
    theme = ThemeManager(app, settings.theme)
    model = NetworkModel()
    doc = None
    if args.file:
        try:
            doc = load_document(Path(args.file))  # a bad file ends here, before any window
        except (NetworkFileError, ValueError) as exc:
            print(f"neurongui: cannot open {args.file}: {exc}", file=sys.stderr)
            return 2
    guard = InstanceGuard()
    window = MainWindow(model, settings=settings, guard=guard)
    window.theme_manager = theme
    window.language = language
    if doc is not None:
        window.open_document(doc, Path(args.file))
    if args.screenshot:
        window.resize(1400, 860)  # the same picture whatever size was saved last time
    window.show()
    if args.screenshot:
        return _screenshot(app, window, args.screenshot)
    if not args.file:
        window.offer_recovery()
    from neurongui.fonts import warn_if_no_cjk_font

    warn_if_no_cjk_font(window, language)
    code = app.exec()
    del translators  # referenced until here: a freed QTranslator stops translating
    return code


def _screenshot(app, window, out: str) -> int:
    """Render ``window`` once it has laid itself out, save it, and close it."""
    for _ in range(3):  # let layouts and the first paint settle
        app.processEvents()
    window.canvas.fit()
    app.processEvents()
    ok = window.grab().save(out)
    window.model.set_modified(False)  # a screenshot never asks to save
    window.close()
    if not ok:
        print(f"neurongui: could not write {out}", file=sys.stderr)
        return 1
    return 0
