"""CSV import in the window: read in a worker thread behind a progress dialog; Cancel
leaves the data and settings as they were."""

from __future__ import annotations

import pytest

from neurongui.documents import InstanceGuard
from neurongui.main_window import MainWindow
from neurongui.views import training_data


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.training.shutdown()


def test_a_csv_import_cancelled_from_its_progress_dialog_loads_nothing(
    window, tmp_path, monkeypatch
):
    from neurongui.dialogs.progress import TaskDialog
    from neurongui.engine import csvimport

    monkeypatch.setattr(csvimport, "_CHUNK", 1024)  # many reports for a small file

    class CancelAtOnce(TaskDialog):
        def start(self):
            self.task.progressed.connect(self.cancel)
            super().start()

    def load_until_cancelled(path, progress, cancelled):
        def report(fraction):
            progress(fraction)
            cancelled.__self__.wait(5)  # the task's cancel event: wait for the click

        return csvimport.load_csv(path, progress=report, cancelled=cancelled)

    monkeypatch.setattr(training_data, "TaskDialog", CancelAtOnce)
    monkeypatch.setattr(training_data, "load_csv", load_until_cancelled)
    path = tmp_path / "big.csv"
    path.write_text("a,b,label\n" + "".join(f"{i},{i % 7},{i % 2}\n" for i in range(5000)))
    before = window.model.config
    assert not window.training_panel.import_csv(str(path))
    assert window.model.config == before and "big" not in window.model.imported
    assert window.training_panel.dataset.currentData() == before.dataset
    monkeypatch.setattr(training_data, "TaskDialog", TaskDialog)
    monkeypatch.setattr(training_data, "load_csv", csvimport.load_csv)
    assert window.training_panel.import_csv(str(path))  # without Cancel it loads
    assert window.model.config.dataset == "big" and window.model.data.X_train.shape[1] == 2
    window.model.set_modified(False)


def test_the_data_menu_and_list_offer_the_imports(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMenu

    path = tmp_path / "people.csv"
    path.write_text("height,weight,adult\n" + "".join(f"{i},{i * 3},{i % 2}\n" for i in range(9)))
    monkeypatch.setattr(training_data.QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    menu = window.window_menus.menus["file"].findChild(QMenu, "dataMenu")
    texts = [action.text() for action in menu.actions()]
    assert texts == ["Get the full &MNIST…", "Import &IDX files…", "Import &CSV…"]
    menu.actions()[2].trigger()
    assert window.model.config.dataset == "people"
    asked = []
    monkeypatch.setattr(window.training_panel, "import_idx", lambda: asked.append("idx"))
    combo = window.training_panel.dataset
    combo.setCurrentIndex(combo.findData(training_data.IMPORT_IDX))
    combo.activated.emit(combo.currentIndex())
    assert asked == ["idx"]
    window.model.set_modified(False)


def test_a_failed_download_explains_itself_and_keeps_nothing(window, tmp_path, monkeypatch):
    from local_mirror import LocalMirror

    from neurongui.dialogs.download_dialog import DownloadDialog
    from neurongui.downloads import RemoteFile

    monkeypatch.setenv("NEURONGUI_MNIST_DIR", str(tmp_path / "cache"))
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server = LocalMirror().start()
    url = server.url
    server.stop()  # nothing listens there any more
    files = [RemoteFile("train-images-idx3-ubyte.gz", 10, "0" * 64)]
    monkeypatch.setenv("NEURONGUI_MNIST_MIRRORS", url)  # a classroom's mirror, here dead
    monkeypatch.setattr(
        training_data, "DownloadDialog", lambda parent: DownloadDialog(parent, None, files)
    )
    before = window.model.config
    assert not window.training_panel.get_full_mnist()
    assert window.last_error.startswith("127.0.0.1 refused the connection\n\nNothing was kept.")
    assert window.model.config == before
    assert not (tmp_path / "cache").exists() or list((tmp_path / "cache").iterdir()) == []
