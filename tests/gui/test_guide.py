"""The user guide names menu entries that exist, in the language it is written in."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu

from neurongui import i18n
from neurongui.dialogs.help import guide_path

#: A menu path in the guide: "<i>File ▸ Data ▸ Import IDX files…</i>", in Chinese
#: between quotation marks: “文件 ▸ 数据 ▸ 导入 IDX 文件…”.
_PATH = re.compile(r"<i>([^<]*▸[^<]*)</i>|“([^”]*▸[^”]*)”")


def _plain(text: str) -> str:
    """A menu text as read: without its mnemonic ("文件(&F)" → "文件", "&File" → "File")."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()


def _entries(menu: QMenu, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    found = set()
    for action in menu.actions():
        path = (*prefix, _plain(action.text()))
        found.add(path)
        if action.menu() is not None:
            found |= _entries(action.menu(), path)
    return found


def _menu_paths(window) -> set[tuple[str, ...]]:
    paths = set()
    for action in window.menuBar().actions():
        if action.menu() is not None:
            paths |= _entries(action.menu(), (_plain(action.text()),))
    return paths


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_menu_path_in_the_guide_is_a_real_menu_entry(qtbot, qapp, tmp_path, language):
    from neurongui.documents import InstanceGuard
    from neurongui.main_window import MainWindow

    translators = i18n.install_translators(qapp, language) if language != "en" else []
    try:
        win = MainWindow(guard=InstanceGuard(tmp_path / "data"))
        qtbot.addWidget(win)
        real = _menu_paths(win)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    guide = guide_path(language).read_text(encoding="utf-8")
    named = [
        tuple(part.strip() for part in (italic or quoted).split("▸"))
        for italic, quoted in _PATH.findall(guide)
    ]
    assert len(named) >= 5, "the guide names the menus it relies on"
    missing = [" ▸ ".join(p) for p in named if p not in real]
    assert not missing, f"the {language} guide names menu entries that do not exist: {missing}"


def test_both_guides_have_the_same_sections():
    sections = {
        lang: re.findall(r"<h2>", guide_path(lang).read_text(encoding="utf-8"))
        for lang in ("en", "zh_CN")
    }
    assert len(sections["en"]) == len(sections["zh_CN"]) >= 8
