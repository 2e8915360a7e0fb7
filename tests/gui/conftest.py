"""GUI test settings: questions a window would ask get a scripted answer."""

import pytest

from neurongui.main_window import MainWindow
from neurongui.settings import Settings


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts from the default settings: a window closed by an earlier test
    saved its dock layout (tool docks open, say), and the next test's window restored it."""
    settings = Settings()
    settings.qsettings.clear()
    settings.sync()


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch):
    """A modal dialog would block the test run: discard changes, never restore.

    Tests that check the questions replace these again.
    """
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    monkeypatch.setattr(MainWindow, "ask_restore", lambda self, path: False)


@pytest.fixture
def window(qtbot):
    """A shown main window (test files may define their own)."""
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def training_window(qtbot, tmp_path):
    """A shown main window with its own autosave folder; its worker stops at the end."""
    from neurongui.documents import InstanceGuard

    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.training.shutdown()
