"""Documents: nothing is lost — backups, autosave, crash recovery, questions, bad files."""

import errno
import json
import os

import pytest

from neurongui.documents import InstanceGuard, load_document
from neurongui.engine import fileformat, safeio
from neurongui.main_window import MainWindow


@pytest.fixture
def guard(tmp_path):
    g = InstanceGuard(tmp_path / "data")
    yield g
    g.release()


@pytest.fixture
def window(qtbot, guard):
    win = MainWindow(guard=guard)
    qtbot.addWidget(win)
    win.show()
    return win


def _edit(window, value=0.5):
    window.canvas.set_value(("edge", 0, 0, 0), value)


def test_saving_keeps_the_previous_version_as_bak(window, tmp_path):
    path = tmp_path / "net.json"
    _edit(window, 0.5)
    assert window.save_path(path)
    _edit(window, 0.9)
    assert window.save_path(path)
    assert load_document(path).network.get_weight(0, 0, 0) == 0.9
    assert load_document(tmp_path / "net.json.bak").network.get_weight(0, 0, 0) == 0.5
    assert "net.json" in window.windowTitle() and not window.isWindowModified()


def test_document_keeps_settings_and_history(window, tmp_path):
    from neurongui.engine.trainer import EpochRecord

    window.model.set_history([EpochRecord(1, 25, 0.6, 0.7, 0.5, 0.55)])
    window.model.set_config(window.model.config.with_changes(learning_rate=0.1))
    assert window.save_path(tmp_path / "d.json")
    doc = load_document(tmp_path / "d.json")
    assert doc.config.learning_rate == 0.1 and doc.history[0].test_loss == 0.7


def test_autosave_writes_only_while_modified(window, guard):
    assert not window.autosaver.save_now()  # nothing changed yet
    _edit(window, 0.25)
    assert window.autosaver.save_now()
    assert load_document(guard.autosave_path).network.get_weight(0, 0, 0) == 0.25
    assert window.autosaver.timer.interval() == 60_000 and window.autosaver.timer.isActive()


def test_a_crash_is_told_from_a_second_copy_and_restore_is_offered(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    first = InstanceGuard(folder)
    assert first.primary and not first.crashed
    second = InstanceGuard(folder)
    assert not second.primary  # another copy runs: it neither autosaves nor restores
    assert second.recoverable() is None
    # Simulate a crash: an autosave and a lock whose process no longer exists.
    win = MainWindow(guard=first)
    qtbot.addWidget(win)
    _edit(win, 0.75)
    win.autosaver.save_now()
    lock = folder / "instance.lock"
    first._lock.unlock()
    lock.write_text("999999\nneurongui\n" + os.uname().nodename + "\n")
    win.guard.primary = False  # the crashed process never cleans up
    after = InstanceGuard(folder)
    assert after.primary and after.crashed and after.recoverable() is not None
    asked = []
    monkeypatch.setattr(MainWindow, "ask_restore", lambda self, path: asked.append(path) or True)
    restored = MainWindow(guard=after)
    qtbot.addWidget(restored)
    assert restored.offer_recovery()
    assert asked and restored.network.get_weight(0, 0, 0) == 0.75
    assert restored.isWindowModified() or restored.model.modified
    after.release()


def test_new_with_unsaved_changes_asks_and_cancel_keeps_the_work(window, monkeypatch):
    _edit(window, 0.4)
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "cancel")
    window.new_document()
    assert window.network.get_weight(0, 0, 0) == 0.4
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    window.new_document()
    assert window.network.get_weight(0, 0, 0) != 0.4 and not window.model.modified


def test_closing_with_unsaved_changes_can_be_cancelled(window, monkeypatch):
    _edit(window, 0.4)
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "cancel")
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(MainWindow, "ask_unsaved", lambda self: "discard")
    assert window.close()


def _assert_untouched(window, before):
    assert window.network.to_dict() == before
    assert window.last_error


def test_unreadable_file(window, tmp_path):
    path = tmp_path / "locked.json"
    path.write_text("{}")
    path.chmod(0)
    before = window.network.to_dict()
    if os.access(path, os.R_OK):
        pytest.skip("running as a user who can read any file")
    assert not window.open_path(path)
    _assert_untouched(window, before)
    assert "cannot read" in window.last_error


def test_unreadable_file_as_root_uses_a_directory(window, tmp_path):
    before = window.network.to_dict()
    assert not window.open_path(tmp_path)  # a folder cannot be read as a file, even by root
    _assert_untouched(window, before)


def test_corrupt_file(window, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        '{"format": "neurongui.network", "version": 2, "inputs": {"size": 2}, "layers": [{'
    )
    before = window.network.to_dict()
    assert not window.open_path(path)
    _assert_untouched(window, before)
    assert "not valid JSON" in window.last_error


def test_oversized_file(window, tmp_path, monkeypatch):
    monkeypatch.setattr(fileformat, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(window.network.to_dict()))
    before = window.network.to_dict()
    assert not window.open_path(path)
    _assert_untouched(window, before)
    assert "larger than" in window.last_error


def test_read_only_folder_on_save(window, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):
        folder.chmod(0o700)
        pytest.skip("running as a user who can write anywhere")
    _edit(window, 0.3)
    assert not window.save_path(folder / "net.json")
    assert window.model.modified and window.last_error
    folder.chmod(0o700)


def test_full_disk_on_save_keeps_the_old_file(window, tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    assert window.save_path(path)
    old = path.read_bytes()
    _edit(window, 0.3)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileformat.os, "fsync", full)
    assert not window.save_path(path)
    assert "No space left" in window.last_error
    assert path.read_bytes() == old and window.model.modified
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name != "data")
    assert leftovers == ["net.json", "net.json.bak"]  # no half-written temporary file


def test_permission_denied_on_save_even_as_root(window, tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safeio.tempfile, "mkstemp", denied)
    _edit(window, 0.3)
    assert not window.save_path(tmp_path / "net.json")
    assert "Permission denied" in window.last_error and window.model.modified


def _write_csv(path, rows=12):
    lines = ["height,weight,label"]
    lines += [f"{1.5 + i / 20:.2f},{50 + 3 * i},{i % 2}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")


def _reopen(qtbot, tmp_path, path):
    other = MainWindow(guard=InstanceGuard(tmp_path / "other"))
    qtbot.addWidget(other)
    assert other.open_path(path)
    return other


def test_a_network_trained_on_a_csv_file_reopens_with_that_data(window, qtbot, tmp_path):
    csv = tmp_path / "people.csv"
    _write_csv(csv)
    assert window.training_panel.import_csv(str(csv))
    assert window.model.config.dataset == "people"
    doc = tmp_path / "net.json"
    assert window.save_path(doc)
    other = _reopen(qtbot, tmp_path, doc)
    data = other.model.data
    assert other.model.config.dataset == "people"
    assert data.input_names == ("height", "weight")
    assert len(data.X_train) + len(data.X_test) == 12
    other.model.set_modified(False)


def test_a_csv_file_that_moved_with_its_document_is_found_beside_it(window, qtbot, tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    _write_csv(first / "people.csv")
    assert window.training_panel.import_csv(str(first / "people.csv"))
    assert window.save_path(first / "net.json")
    moved = tmp_path / "moved"
    first.rename(moved)
    other = _reopen(qtbot, tmp_path, moved / "net.json")
    assert other.model.config.dataset == "people"
    assert len(other.model.data.X_train) + len(other.model.data.X_test) == 12
    # Saved again, it refers to the file where it is now.
    assert other.document().csv_path == str(moved / "people.csv")
    other.model.set_modified(False)


def test_a_missing_csv_file_is_reported_and_the_network_still_opens(window, qtbot, tmp_path):
    csv = tmp_path / "people.csv"
    _write_csv(csv)
    assert window.training_panel.import_csv(str(csv))
    window.canvas.set_value(("edge", 0, 0, 0), 0.75)
    assert window.save_path(tmp_path / "net.json")
    csv.unlink()
    other = _reopen(qtbot, tmp_path, tmp_path / "net.json")
    assert "people.csv" in other.last_error
    assert other.model.network.get_weight(0, 0, 0) == 0.75
    other.model.set_modified(False)
