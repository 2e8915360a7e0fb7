"""Settings: recent files, layout that survives a restart, preferences, themes."""

import pytest
from PySide6.QtWidgets import QApplication

from neurongui.documents import InstanceGuard
from neurongui.main_window import MainWindow
from neurongui.settings import MAX_RECENT, Settings


@pytest.fixture
def settings():
    s = Settings()
    s.qsettings.clear()
    return s


def _window(qtbot, settings, tmp_path):
    win = MainWindow(settings=settings, guard=InstanceGuard(tmp_path / "data"))
    qtbot.addWidget(win)
    return win


def test_recent_files_are_newest_first_and_capped(settings, tmp_path):
    for i in range(MAX_RECENT + 3):
        path = tmp_path / f"n{i}.json"
        path.write_text("{}")
        settings.add_recent_file(path)
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT and recent[0].endswith(f"n{MAX_RECENT + 2}.json")
    (tmp_path / f"n{MAX_RECENT + 2}.json").unlink()
    assert not settings.recent_files()[0].endswith(f"n{MAX_RECENT + 2}.json")  # gone files drop


def test_saving_fills_open_recent(qtbot, settings, tmp_path):
    win = _window(qtbot, settings, tmp_path)
    assert win.save_path(tmp_path / "a.json")
    titles = [a.text() for a in win.recent_menu.actions()]
    assert "a.json" in titles and win.recent_menu.isEnabled()


def test_dock_layout_survives_a_restart_and_reset_layout_restores_it(qtbot, settings, tmp_path):
    win = _window(qtbot, settings, tmp_path)
    win.show()
    win.docks["chartsDock"].hide()
    win.close()
    again = _window(qtbot, settings, tmp_path)
    again.show()
    assert not again.docks["chartsDock"].isVisible()
    again.reset_layout()
    assert again.docks["chartsDock"].isVisible()


def test_preferences_store_theme_and_language_and_apply_the_theme(qtbot, settings, tmp_path):
    from neurongui.theme import ThemeManager, is_dark

    win = _window(qtbot, settings, tmp_path)
    win.theme_manager = ThemeManager(QApplication.instance(), "light")
    dialog = win.show_preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert settings.theme == "dark" and settings.language == "zh_CN"
    assert is_dark()
    assert QApplication.instance().palette().window().color().lightness() < 100
    win.theme_manager.apply("light")
    assert not is_dark()


def test_bad_settings_values_fall_back_to_defaults(settings):
    settings.qsettings.setValue("appearance/theme", "purple")
    settings.qsettings.setValue("training/defaults", "{not json")
    assert settings.theme == "system" and settings.default_training() == {}
