"""The download dialog against a local mirror: progress to the end, Cancel and closing
stop it with nothing cached, failures reach the student as text."""

from __future__ import annotations

import pytest
from local_mirror import LocalMirror

from neurongui.dialogs.download_dialog import DownloadDialog
from neurongui.i18n import error_text

BODY = bytes(range(256)) * 1024  # 256 KiB: four chunks


@pytest.fixture
def mirror(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = LocalMirror().start()
    yield server
    server.stop()


def _dialog(qtbot, mirror, folder, files):
    dialog = DownloadDialog(None, folder, files, [mirror.url], timeout=5)
    qtbot.addWidget(dialog)
    return dialog


def test_the_files_arrive_and_the_dialog_says_how_far(qtbot, mirror, tmp_path):
    files = [mirror.serve("a.gz", BODY, pause_after=70_000), mirror.serve("b.gz", b"labels")]
    dialog = _dialog(qtbot, mirror, tmp_path, files)
    labels = []
    dialog.task.progressed.connect(lambda _: labels.append(dialog.labelText()))
    dialog.task.progressed.connect(lambda _: mirror.release.set())
    with qtbot.waitSignal(dialog.succeeded, timeout=5000) as done:
        dialog.start()
    assert [p.name for p in done.args[0]] == ["a.gz", "b.gz"]
    assert (tmp_path / "a.gz").read_bytes() == BODY
    assert dialog.value() == dialog.maximum() and dialog.outcome == "succeeded"
    assert labels[0].splitlines()[:2] == ["Downloading MNIST: 2 files, 0.3 MB", "File 1 of 2: a.gz"]
    assert labels[0].splitlines()[2].startswith("0.1 of 0.3 MB · ")
    assert labels[0].endswith(" MB/s")


@pytest.mark.parametrize("how", ["cancel", "close"])
def test_cancel_or_closing_the_window_stops_with_nothing_cached(qtbot, mirror, tmp_path, how):
    files = [mirror.serve("a.gz", BODY, pause_after=70_000)]
    dialog = _dialog(qtbot, mirror, tmp_path / "cache", files)
    dialog.show()

    def stop(_):
        dialog.cancel() if how == "cancel" else dialog.close()
        mirror.release.set()  # the server sends the rest; the download stops first

    dialog.task.progressed.connect(stop)
    with qtbot.waitSignal(dialog.cancelled, timeout=5000):
        dialog.start()
    dialog.task.wait()
    assert list((tmp_path / "cache").iterdir()) == []
    assert not dialog.isVisible() and dialog.outcome == "cancelled"


def test_a_failure_is_reported_as_text(qtbot, mirror, tmp_path):
    files = [mirror.serve("a.gz", BODY, status=404)]
    dialog = _dialog(qtbot, mirror, tmp_path, files)
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        dialog.start()
    assert error_text(failed.args[0]) == "127.0.0.1 answered HTTP 404 (the file is not there)"
    assert list(tmp_path.iterdir()) == []


def test_run_waits_and_returns_the_files(qtbot, mirror, tmp_path):
    files = [mirror.serve("a.gz", BODY)]
    dialog = _dialog(qtbot, mirror, tmp_path, files)
    assert [p.read_bytes() for p in dialog.run()] == [BODY]
