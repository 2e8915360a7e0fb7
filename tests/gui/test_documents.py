"""Documents: nothing is lost — backups, autosave, crash recovery, questions, bad files."""

import errno
import json
import os
import random
import re
import time

import pytest

from neurongui.documents import InstanceGuard, load_document, save_document
from neurongui.engine import NetworkFileError, fileformat, safeio
from neurongui.engine.refs import EdgeRef
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
    window.canvas.set_value(EdgeRef(0, 0, 0), value)


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
    from neurongui.engine.metrics import EpochRecord

    window.model.set_history([EpochRecord(1, 25, 0.6, 0.7, 0.5, 0.55, penalty=0.125)])
    window.model.set_config(window.model.config.with_changes(learning_rate=0.1))
    assert window.save_path(tmp_path / "d.json")
    doc = load_document(tmp_path / "d.json")
    assert doc.config.learning_rate == 0.1 and doc.history[0].test_loss == 0.7
    # The regularisation penalty comes back too: the objective shown is what was minimised.
    assert doc.history[0].penalty == 0.125 and doc.history[0].objective == 0.725


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
    window.canvas.set_value(EdgeRef(0, 0, 0), 0.75)
    assert window.save_path(tmp_path / "net.json")
    csv.unlink()
    other = _reopen(qtbot, tmp_path, tmp_path / "net.json")
    assert "people.csv" in other.last_error
    assert other.model.network.get_weight(0, 0, 0) == 0.75
    other.model.set_modified(False)


# -- every file refused cleanly or opened completely (issue 14) ---------------------------


def _saved_document(window, tmp_path, name="doc.json"):
    """A document with settings and a history, saved by the window; returns its JSON."""
    from neurongui.engine.metrics import EpochRecord

    window.model.set_history(
        [EpochRecord(1, 25, 0.6, 0.7, 0.5, 0.55), EpochRecord(2, 50, 0.4, None, 0.75, None)]
    )
    path = tmp_path / name
    assert window.save_path(path)
    return json.loads(path.read_text(encoding="utf-8"))


def _open_changed(window, tmp_path, data, raw=None):
    path = tmp_path / "changed.json"
    path.write_bytes(raw if raw is not None else json.dumps(data).encode())
    before = window.network.to_dict()
    opened = window.open_path(path)
    if not opened:
        _assert_untouched(window, before)
    return opened


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("batch_size", 2**31),
        ("epoch_limit", 2**40),
        ("seed", 2**31),
        ("seed", -1),
        ("learning_rate", 1e6),
        ("noise", 0.9),
    ],
)
def test_settings_beyond_the_panel_are_refused_naming_the_field(window, tmp_path, key, value):
    data = _saved_document(window, tmp_path)
    data["training"][key] = value
    assert not _open_changed(window, tmp_path, data)
    assert f"'{key}' must be" in window.last_error
    # The panel was not touched: a change now writes the settings it shows.
    window.training_panel.noise.setValue(0.1)
    assert getattr(window.model.config, key) != value


def test_the_settings_limits_are_the_training_panels_ranges(window):
    from neurongui.engine.config import LIMITS

    panel = window.training_panel
    spins = {
        "noise": panel.noise,
        "test_fraction": panel.test_ratio,
        "learning_rate": panel.rate,
        "batch_size": panel.batch,
        "regularization_rate": panel.reg_rate,
        "seed": panel.seed,
        "epoch_limit": panel.limit,
        "target_loss": panel.target,
    }
    for key, spin in spins.items():
        assert (spin.minimum(), spin.maximum()) == pytest.approx(LIMITS[key]), key


def test_settings_at_their_limits_open_and_show_in_the_panel(window, tmp_path):
    data = _saved_document(window, tmp_path)
    data["training"].update(batch_size=1024, seed=2**31 - 1, epoch_limit=1_000_000)
    assert _open_changed(window, tmp_path, data)
    panel = window.training_panel
    assert (panel.batch.value(), panel.seed.value(), panel.limit.value()) == (
        1024,
        2**31 - 1,
        1_000_000,
    )
    window.model.set_modified(False)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("train_loss", "tanh", r"history\[1\].train_loss: expected a finite number"),
        ("train_loss", {"a": 1}, r"history\[1\].train_loss"),
        ("train_loss", None, r"history\[1\].train_loss: expected a number, got null"),
        ("test_accuracy", 1.5, r"history\[1\].test_accuracy: expected a number from 0 to 1"),
        ("epoch", -3, r"history\[1\].epoch: expected a whole number"),
        ("epoch", 2.5, r"history\[1\].epoch"),
        ("epoch", 0, r"history\[1\].epoch: 0 comes after epoch 1"),
        ("steps", 10**300, r"history\[1\].steps: .*a number of about 301 digits"),
        ("penalty", -1.0, r"history\[1\].penalty: expected a finite number"),
    ],
)
def test_bad_history_records_are_refused_naming_the_field(window, tmp_path, field, value, expected):
    data = _saved_document(window, tmp_path)
    data["training"]["history"][1][field] = value
    assert not _open_changed(window, tmp_path, data)
    assert re.search(expected, window.last_error)


def test_a_huge_whole_number_is_refused_by_the_window(window, tmp_path):
    data = _saved_document(window, tmp_path)
    data["training"]["learning_rate"] = 123.25
    raw = json.dumps(data).replace("123.25", "7" * 5000).encode()
    assert not _open_changed(window, tmp_path, data, raw)
    assert "a whole number of 5,000 digits is too large" in window.last_error


def test_a_name_that_cannot_be_saved_is_refused_on_load(window, tmp_path):
    data = _saved_document(window, tmp_path)
    data["inputs"]["names"][0] = "\ud800"
    assert not _open_changed(window, tmp_path, data)
    assert "inputs.names[0]" in window.last_error and "not valid Unicode" in window.last_error


def test_saving_and_autosaving_text_that_cannot_be_encoded_is_a_clean_error(
    window, tmp_path, guard, monkeypatch
):
    _edit(window, 0.3)
    doc = window.document()
    doc.csv_path = "/data/people\udc80.csv"  # a file name that is not valid UTF-8
    monkeypatch.setattr(window, "document", lambda: doc)
    monkeypatch.setattr(window.autosaver, "_get", lambda: doc)
    assert not window.save_path(tmp_path / "net.json")
    assert "training.csv_path holds a character that is not valid Unicode" in window.last_error
    assert window.model.modified and not (tmp_path / "net.json").exists()
    assert not window.autosaver.save_now()  # no traceback from the timer either
    assert not guard.autosave_path.exists()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_a_csv_path_to_a_special_file_is_reported_and_the_network_opens(
    window, qtbot, tmp_path, kind
):
    data = _saved_document(window, tmp_path)
    if kind == "fifo":
        target = tmp_path / "people.csv"
        os.mkfifo(target)
    else:
        target = "/dev/zero" if kind == "device" else tmp_path
    data["training"]["csv_path"] = str(target)
    data["training"]["dataset"] = "people"
    path = tmp_path / "net.json"
    path.write_text(json.dumps(data))
    other = _reopen(qtbot, tmp_path, path)
    assert "not a file; it is not read" in other.last_error
    other.model.set_modified(False)


def test_opening_a_named_pipe_is_refused_at_once(window, tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    before = window.network.to_dict()
    assert not window.open_path(pipe)
    _assert_untouched(window, before)
    assert "named pipe" in window.last_error


def test_the_command_line_prints_one_line_and_exits_2(tmp_path, capsys):
    from neurongui.app import main

    path = tmp_path / "huge.json"
    doc = json.dumps({"format": "neurongui.network", "version": 2, "inputs": {"size": 1}})
    path.write_text(doc[:-1] + ', "layers": [{"size": 1, "weights": [[' + "9" * 400 + "]]}]}")
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"neurongui: cannot open {path}: huge.json: line 1")


def test_stale_temporaries_are_removed_on_save_and_at_start(window, tmp_path, guard):
    stale = [tmp_path / ".net.json.ab12cd34.tmp", tmp_path / ".net.json.bak.zz99yy88.tmp"]
    autosave_tmp = guard.folder / ".autosave.json.qq11ww22.tmp"
    mine = tmp_path / "net.json.tmp"  # the user's own file: never touched
    for path in [*stale, autosave_tmp, mine]:
        path.write_text("half a file")
        os.utime(path, (time.time() - 60, time.time() - 60))
    assert window.save_path(tmp_path / "net.json")
    _edit(window, 0.2)
    assert window.save_path(tmp_path / "net.json")  # with a .bak this time
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != "data")
    assert left == ["net.json", "net.json.bak", "net.json.tmp"]
    assert autosave_tmp.exists()
    InstanceGuard(guard.folder)  # a second start (not primary) still cleans up
    assert not autosave_tmp.exists()


def test_mutated_documents_open_completely_or_are_refused(window, tmp_path):
    """Seeded damage to a saved document with a history: each either loads into a
    document that saves and reloads equal, or raises NetworkFileError."""
    text = json.dumps(_saved_document(window, tmp_path))
    rng = random.Random(14)
    swaps = [str, lambda v: [v], lambda v: None, lambda v: 10**300, lambda v: 1e308, lambda v: -0.0]
    results = set()
    for i in range(40):
        data = json.loads(text)
        record = rng.choice(data["training"]["history"])
        target = rng.choice([record, data["training"], data["inputs"]])
        key = rng.choice(sorted(target))
        if rng.random() < 0.2:
            del target[key]
        else:
            target[key] = rng.choice(swaps)(target[key])
        path = tmp_path / f"m{i}.json"
        path.write_text(json.dumps(data))
        try:
            doc = load_document(path)
        except NetworkFileError as exc:
            results.add("refused")
            assert str(exc).startswith(f"m{i}.json: ")
            continue
        results.add("loaded")
        save_document(tmp_path / "again.json", doc, backup=False)
        again = load_document(tmp_path / "again.json")
        assert again.network.to_dict() == doc.network.to_dict()
        assert (again.config, again.history, again.csv_path) == (
            doc.config,
            doc.history,
            doc.csv_path,
        )
    assert results == {"loaded", "refused"}
