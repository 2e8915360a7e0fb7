"""Whether the system has a font for the Chinese interface, and the one-time warning.

Without a font that covers CJK characters, Qt draws the Simplified Chinese interface as
empty boxes. :func:`warn_if_no_cjk_font` tells the user once per run, in English and in
Chinese (the Chinese part may itself be boxes, so the English part says the same), with
the packages that fix it.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["NO_CJK_FONT_TEXT", "has_cjk_font", "warn_if_no_cjk_font"]

# Deliberately not translated with tr(): it must be readable whatever the interface
# language, and when it is shown the Chinese half may not render.
NO_CJK_FONT_TITLE = "No Chinese font / 没有中文字体"
NO_CJK_FONT_TEXT = (
    "<p>The Chinese interface needs a font for Chinese characters, and none is installed, "
    "so the text shows as empty boxes. Install one, then restart NeuronGUI:</p>"
    "<p><tt>sudo apt install fonts-noto-cjk</tt> (Debian, Ubuntu; or "
    "<tt>fonts-wqy-microhei</tt>)<br><tt>sudo dnf install google-noto-sans-cjk-fonts</tt>"
    " (Fedora)</p>"
    "<p>中文界面需要中文字体，但系统中没有安装，因此文字显示为空白方框。"
    "请安装中文字体（如上面的命令），然后重新启动 NeuronGUI。</p>"
)
_warned = False


def has_cjk_font() -> bool:
    """True if some installed font family covers Simplified Chinese."""
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return bool(QFontDatabase.families(chinese))


def warn_if_no_cjk_font(parent: QWidget | None, language: str) -> QMessageBox | None:
    """Show the bilingual warning (non-blocking) if ``language`` is Chinese and no font
    covers it; only the first time in a run. Returns the message box, if shown."""
    global _warned
    if _warned or not language.startswith("zh") or has_cjk_font():
        return None
    _warned = True
    box = QMessageBox(parent)
    box.setObjectName("noCjkFontMessage")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(NO_CJK_FONT_TITLE)
    box.setText(NO_CJK_FONT_TEXT)
    box.open()
    return box
