"""Help ▸ Glossary: the words of neural networks in English and in Chinese, searchable.

Both names are shown whatever the interface language (the point is reading material
in the other one); the one-line explanation is in the interface language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine.glossary import TERMS, search
from neurongui.i18n import fill

__all__ = ["GlossaryDialog"]


class GlossaryDialog(QDialog):
    """The glossary table with a search field.

    Parameters
    ----------
    language
        The interface language (``"en"`` or ``"zh_CN"``): the explanations' language.
    """

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("glossaryDialog")
        self.setWindowTitle(self.tr("Glossary"))
        self._chinese = language.startswith("zh")
        self.search = QLineEdit()
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText(self.tr("Search in English or Chinese…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.count = QLabel()
        self.count.setObjectName("glossaryCount")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("glossaryTable")
        # The columns are named in both languages, like the terms under them.
        self.table.setHorizontalHeaderLabels(["English", "中文", self.tr("Meaning")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows as tall as their wrapped explanation at the width the column gets.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self._show)
        self._show("")
        self.resize(760, 560)

    def _show(self, text: str) -> None:
        terms = search(text)
        self.table.setRowCount(len(terms))
        for row, term in enumerate(terms):
            explanation = term.explain_zh if self._chinese else term.explain_en
            for col, value in enumerate((term.english, term.chinese, explanation)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.count.setText(fill(self.tr("%1 of %2 terms"), str(len(terms)), str(len(TERMS))))
