"""Help ▸ About ▸ Licences, the network file type (.neuron) and the CJK font warning."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from neurongui import fonts
from neurongui.dialogs.about import show_about
from neurongui.dialogs.licences import licence_files
from neurongui.documents import load_document
from neurongui.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_licence_texts_ship_with_the_resources():
    names = [p.name for p in licence_files()]
    # NeuronGUI's own licence first, then Qt's notice and the LGPLv3 it points to.
    assert names[:3] == ["NeuronGUI.txt", "Qt-PySide6.txt", "LGPL-3.0.txt"]
    assert {"GPL-3.0.txt", "NumPy.txt", "pyqtgraph.txt", "Python.txt", "Datasets.txt"} <= set(names)
    assert "README.md" in names  # the data sets' sources
    licences = resource_path("licences")
    assert (licences / "NeuronGUI.txt").read_text() == (ROOT / "LICENSE").read_text()
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text()
    assert "Version 3" in (licences / "LGPL-3.0.txt").read_text()
    assert "BSD" in (licences / "NumPy.txt").read_text()


def test_about_opens_the_licences_with_neurongui_first(qtbot, window):
    box = show_about(window)
    button = next(b for b in box.buttons() if b.objectName() == "licencesButton")
    button.click()
    dialog = window.findChild(QDialog, "licencesDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.list.count() == len(licence_files())
    assert dialog.list.currentItem().text() == "NeuronGUI (MIT)"
    assert dialog.text.toPlainText().startswith("MIT License")
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    row = titles.index("GNU LGPL version 3")
    dialog.list.setCurrentRow(row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    dialog.close()


@pytest.mark.parametrize(
    ("typed", "chosen", "saved"),
    [
        ("mine", "NeuronGUI network (*.neuron)", "mine.neuron"),
        ("mine", "NeuronGUI network, plain JSON (*.json)", "mine.json"),
        ("old.json", "NeuronGUI network (*.neuron)", "old.json"),
        ("net.neuron", "All files (*)", "net.neuron"),
    ],
)
def test_save_as_offers_the_own_file_type_first(
    window, monkeypatch, tmp_path, typed, chosen, saved
):
    offered = {}

    def ask(parent, title, start, filters):
        offered.update(start=start, filters=filters.split(";;"))
        return str(tmp_path / typed), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.settings.last_dir = str(tmp_path)
    assert window.save_as()
    assert offered["filters"][0] == "NeuronGUI network (*.neuron)"
    assert offered["start"].endswith("network.neuron")
    written = tmp_path / saved
    assert json.loads(written.read_text())["format"] == "neurongui.network"
    assert load_document(written).network.sizes == window.model.network.sizes


def test_old_json_and_new_neuron_files_both_open(window, tmp_path, monkeypatch):
    example = resource_path("examples", "xor.json")
    renamed = tmp_path / "xor.neuron"
    shutil.copyfile(example, renamed)
    filters = {}

    def ask(parent, title, start, text):
        filters["text"] = text
        return str(renamed), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", ask)
    window.open_dialog()
    assert "*.neuron" in filters["text"].split(";;")[0]
    assert window.path == renamed
    assert load_document(example).network.sizes == window.model.network.sizes


def test_no_cjk_font_warns_once_in_both_languages(qtbot, window, monkeypatch):
    monkeypatch.setattr(fonts, "_warned", False)
    monkeypatch.setattr(fonts, "has_cjk_font", lambda: False)
    assert fonts.warn_if_no_cjk_font(window, "en") is None  # English needs no CJK font
    box = fonts.warn_if_no_cjk_font(window, "zh_CN")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "fonts-noto-cjk" in box.text() and "中文字体" in box.text()
    assert "No Chinese font" in box.windowTitle()
    assert fonts.warn_if_no_cjk_font(window, "zh_CN") is None  # once per run
    box.close()


def test_cjk_font_present_means_no_warning(window, monkeypatch):
    monkeypatch.setattr(fonts, "_warned", False)
    monkeypatch.setattr(fonts, "has_cjk_font", lambda: True)
    assert fonts.warn_if_no_cjk_font(window, "zh_CN") is None
