"""Command line entry point of the desktop application (placeholder main window)."""

from __future__ import annotations

import argparse
import sys

from neurongui import __version__


def build_parser() -> argparse.ArgumentParser:
    """Return the command line parser of ``neurongui``."""
    parser = argparse.ArgumentParser(prog="neurongui", description="NeuronGUI")
    parser.add_argument("file", nargs="?", help="a network or document file to open")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window and exit")
    parser.add_argument("--version", action="version", version=f"NeuronGUI {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Start NeuronGUI; return the process exit status."""
    args = build_parser().parse_args(argv)
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("NeuronGUI")
    window.resize(1280, 800)
    if args.screenshot:
        window.show()
        app.processEvents()
        ok = window.grab().save(args.screenshot)
        return 0 if ok else 1
    window.show()
    return app.exec()
