"""What every lesson shares: its text next to the canvas, its controls, its check.

A lesson is a panel in the Lessons dock. Starting one loads its network and data into
the window's model (as opening a file would, so the student's own work is offered for
saving first); the panel then shows, in one column, a short text in the interface
language, the current task right above the lesson's own controls and plots, and the
longer explanation under *More*; below the column, the verdict and, for lessons that
ask something, a *Check my answer* button. The column fits a 1366×768 screen without
scrolling; only the column as a whole ever scrolls.
Leaving a lesson closes the panel and keeps the network, so the student can go on
playing with it.

Lessons change the network only through undoable edits (:meth:`Lesson.push`), like
every other view, and read the numbers they show from the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, QTimer, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from neurongui.engine import Network
from neurongui.engine.config import TrainingConfig
from neurongui.engine.edits import Edit
from neurongui.engine.explain import format_number
from neurongui.engine.numbers import format_percent
from neurongui.engine.refs import EdgeRef, Ref
from neurongui.i18n import error_text
from neurongui.lessons.text import lesson_parts, lesson_text, tidy
from neurongui.undo import new_gesture
from neurongui.views.number_spin import DecimalSpinBox

if TYPE_CHECKING:
    from neurongui.lessons.host import LessonHost

__all__ = [
    "Lesson",
    "NumberTable",
    "ValueBox",
    "format_number",
    "lesson_text",
    "rich_label",
]

#: Colours of right and wrong answers (readable on light and dark backgrounds).
GOOD, BAD = "#1a9641", "#d7301f"
#: Height the plots of a lesson keep beyond their minimum before "More" opens by itself.
PLOT_ROOM = 220
#: The task stands out from the explanation: a bar in the highlight colour beside it.
TASK_STYLE = (
    "QLabel#lessonTask { border-left: 4px solid palette(highlight);"
    " background: palette(alternate-base); padding: 4px 6px; }"
)


class RichLabel(QLabel):
    """A label of rich text whose ``<nobr>`` formulas and paragraph ends never break
    apart (see :func:`~neurongui.lessons.text.tidy`)."""

    def setText(self, text: str) -> None:
        super().setText(tidy(text))


def rich_label(name: str, html: str = "") -> QLabel:
    """A word-wrapping label of rich text whose words can be selected and copied."""
    label = RichLabel()
    label.setText(html)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Lesson(QWidget):
    """Base class of a lesson panel.

    Subclasses set :attr:`key` (the name of the text file), implement
    :meth:`network_and_config` and :meth:`build`, and may implement :meth:`refresh`
    (called whenever the network's values change) and :meth:`check`.
    """

    key: ClassVar[str] = ""
    #: True if the lesson asks the student something and can check the answer.
    asks: ClassVar[bool] = False
    #: Layer sizes the lesson's controls need, or None if any network will do.
    sizes: ClassVar[tuple[int, ...] | None] = None
    #: True if the body's plots take the column's spare height; else its controls are
    #: packed at the top.
    fill_body: ClassVar[bool] = False
    #: Docks with nothing to show in this lesson, hidden while it runs (the View menu
    #: brings them back; leaving the lesson restores them).
    hidden_docks: ClassVar[tuple[str, ...]] = ("inspectorDock", "chartsDock", "activationDock")
    #: Docks the lesson uses but that, in a window too narrow for three columns, become
    #: tabs beside the lesson instead, so that the diagram keeps its width.
    tabbed_when_narrow: ClassVar[tuple[str, ...]] = ()

    def __init__(self, host: LessonHost, title: str):
        super().__init__()
        self.setObjectName(f"lesson_{self.key}")
        self.host = host  # the window, as far as a lesson needs it
        self.model = host.model
        self.title = title
        self._connections: list[tuple[SignalInstance, Callable]] = []

    # -- to implement ------------------------------------------------------------------

    def network_and_config(self) -> tuple[Network, TrainingConfig]:
        """The network and training settings the lesson starts from."""
        raise NotImplementedError

    def build(self, body: QVBoxLayout) -> None:
        """Add the lesson's own controls to ``body``."""

    def refresh(self) -> None:
        """Show the network's current numbers (called after every change)."""

    def check(self) -> tuple[bool, str]:
        """Check the student's answer: (right?, what to tell them)."""
        return True, ""

    def cleanup(self) -> None:
        """Undo anything the lesson added outside its own panel."""

    # -- life cycle --------------------------------------------------------------------

    def start(self) -> None:
        """Load the lesson's network and data, then build and fill the panel."""
        network, config = self.network_and_config()
        self.host.load_lesson_network(network, config)
        self._build_panel()
        model = self.model
        for signal in (model.parametersChanged, model.structureChanged, model.networkReplaced):
            self.listen(signal, self._on_network_change)
        self.refresh()

    def fits(self) -> bool:
        """True while the network has the shape the lesson's controls were made for."""
        return self.sizes is None or tuple(self.network.sizes) == self.sizes

    def _on_network_change(self) -> None:
        fits = self.fits()
        self.body.setEnabled(fits)
        if fits:
            self.refresh()
        else:
            self.say(self.misfit_message(), False)

    def misfit_message(self) -> str:
        """What to tell the student when :meth:`fits` turns False."""
        return self.tr(
            "The network no longer has this lesson's shape. Undo the change "
            "(Ctrl+Z) or start the lesson again from the Lessons menu."
        )

    def leave(self) -> None:
        """Disconnect from the model and remove what the lesson added elsewhere."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections.clear()
        self.cleanup()

    def listen(self, signal: SignalInstance, slot: Callable) -> None:
        """Connect ``slot`` to ``signal`` until the lesson ends."""
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _build_panel(self) -> None:
        # One column that scrolls as a whole (never a scroll area inside it): the intro,
        # the current task right above the controls, the controls and plots, then the
        # longer explanation under "More". The verdict and the buttons stay in sight.
        parts = lesson_parts(self.key, self.host.language)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        column = QWidget()
        column.setObjectName("lessonColumn")
        self._column = inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 4, 0)
        self.text = rich_label("lessonText", parts.intro)
        self.text.setAccessibleName(self.tr("Lesson text"))
        self.task_label = rich_label("lessonTask")
        self.task_label.setAccessibleName(self.tr("Your task"))
        self.task_label.setStyleSheet(TASK_STYLE)
        self._task = ""
        self._default_task = parts.task
        self.body = body_widget = QWidget()
        body = QVBoxLayout(body_widget)
        body.setContentsMargins(0, 0, 0, 0)
        self.build(body)
        if not self.fill_body:
            body.addStretch(1)
        self.more_button = QToolButton()
        self.more_button.setObjectName("lessonMoreButton")
        self.more_button.setText(self.tr("More: the explanation in full"))
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAutoRaise(True)
        self.more_button.setCheckable(True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_text = rich_label("lessonMoreText", parts.more)
        self.more_text.hide()
        self.more_button.toggled.connect(self.show_more)
        self.more_button.clicked.connect(self._on_more_clicked)
        self._more_chosen = False  # the student opened or closed it: leave it so
        self.more_button.setVisible(bool(parts.more))
        inner.addWidget(self.text)
        inner.addWidget(self.task_label)
        inner.addWidget(body_widget, 1)
        inner.addWidget(self.more_button)
        inner.addWidget(self.more_text)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("lessonScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(column)
        self.feedback = rich_label("lessonFeedback")
        self.feedback.hide()  # until there is something to say
        buttons = QHBoxLayout()
        self.check_button = None
        if self.asks:
            check = self.check_button = QPushButton(self.tr("Check my answer"))
            check.setObjectName("checkButton")
            check.setToolTip(self.tr("Check whether the network does what the lesson asks"))
            check.clicked.connect(self.run_check)
            buttons.addWidget(check)
        buttons.addStretch(1)
        leave = QPushButton(self.tr("Leave lesson"))
        leave.setObjectName("leaveLessonButton")
        leave.setToolTip(self.tr("Close the lesson and keep playing with this network"))
        leave.clicked.connect(self.host.leave_lesson)
        buttons.addWidget(leave)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        self.set_task(self._default_task)

    def show_more(self, shown: bool) -> None:
        """Show or hide the explanation in full, at the end of the column."""
        self.more_button.setChecked(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.more_text.setVisible(shown)

    def _on_more_clicked(self) -> None:
        self._more_chosen = True

    def fit_more(self) -> None:
        """Open the explanation in full where the column has room for it (a tall
        screen), unless the student chose; lessons whose plots grow keep them room."""
        if self._more_chosen or self.more_button.isHidden():
            return
        viewport, column = self.scroll_area.viewport(), self._column
        width = viewport.width()
        more = self.more_text.heightForWidth(width) + column.spacing()
        needed = column.totalHeightForWidth(width) - (more if self.more_text.isVisible() else 0)
        self.show_more(viewport.height() - needed - self.plot_room() >= more)

    def plot_room(self) -> int:
        """Height the lesson's plots keep before "More" opens by itself."""
        return PLOT_ROOM if self.fill_body else 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if hasattr(self, "scroll_area"):
            QTimer.singleShot(0, self, self.fit_more)  # once the column has its new size

    def set_task(self, html: str) -> None:
        """Show ``html`` as the current task, right above the controls."""
        if html != self._task:
            self._task = html
            self.task_label.setText(html)
        self.task_label.setVisible(bool(html))

    def default_task(self) -> str:
        """The task of the lesson's text file."""
        return self._default_task

    def essentials(self) -> list[QWidget]:
        """The widgets a student needs in sight for the current task (for tests)."""
        widgets: list[QWidget] = [self.task_label]
        if self.check_button is not None:
            widgets.append(self.check_button)
        return widgets

    # -- helpers for lessons -----------------------------------------------------------

    def run_check(self) -> bool:
        """Check the answer and show the verdict; return it."""
        if not self.fits():  # (new data brought another network, networkReplaced: it would raise)
            self.say(self.misfit_message(), False)
            return False
        ok, text = self.check()
        self.say(text, ok)
        return ok

    def say(self, text: str, ok: bool | None = None) -> None:
        """Show ``text`` under the lesson, green if ``ok``, red if not ``ok``."""
        colour = None if ok is None else (GOOD if ok else BAD)
        self.feedback.setStyleSheet(f"color: {colour};" if colour else "")
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))

    def push(self, edit: Edit, text: str, gesture: int = 0) -> bool:
        """Apply ``edit`` as an undoable step named ``text``; show the reason if it is
        refused."""
        return self._edit(lambda: self.host.editor.apply(edit, text, gesture))

    def set_value(self, target: Ref, value: float, gesture: int = 0) -> bool:
        """Set a weight or a bias as an undoable step; show the reason if it is refused."""
        return self._edit(lambda: self.host.editor.set_value(target, value, gesture))

    def _edit(self, do: Callable[[], None]) -> bool:
        try:
            do()
        except ValueError as exc:
            self.say(error_text(exc), False)
            return False
        return True

    @property
    def network(self) -> Network:
        """The live network (read it; change it with :meth:`push`)."""
        return self.model.network


class ValueBox(DecimalSpinBox):
    """A spin box bound to one weight (an :class:`EdgeRef`) or bias (a
    :class:`NeuronRef`): typing, arrows and wheel are undoable edits.

    One gesture (holding an arrow, turning the wheel) is one undo step.
    """

    def __init__(self, lesson: Lesson, target: Ref, name: str, lo: float = -10, hi: float = 10):
        super().__init__()
        self.lesson, self.target = lesson, target
        self.setObjectName(name)
        self.setRange(lo, hi)
        self.setDecimals(2)
        self.setSingleStep(0.1)
        self.setKeyboardTracking(False)  # a half-typed "−" is not an edit
        self._gesture = new_gesture()
        self.valueChanged.connect(self._on_value_change)
        self.editingFinished.connect(self._new_gesture)

    def current(self) -> float:
        """The network's value of the target."""
        net, target = self.lesson.network, self.target
        if isinstance(target, EdgeRef):
            return net.get_weight(target.layer, target.neuron, target.source)
        return net.get_bias(target.layer, target.neuron)

    def sync(self) -> None:
        """Show the network's value without making an edit of it."""
        with QSignalBlocker(self):
            self.setValue(self.current())

    def _new_gesture(self) -> None:
        self._gesture = new_gesture()

    def _on_value_change(self, value: float) -> None:
        self.lesson.set_value(self.target, value, self._gesture)


class NumberTable(QTableWidget):
    """A read-only table of numbers that shows all its rows and fills its width.

    Every column is at least as wide as its widest number (a cut "0.003…" hides the
    digits a student compares); the width left over is shared out evenly. Columns listed
    in ``percents`` show shares (0…1) as percentages, "88.9%", as the rest of the app.
    """

    def __init__(
        self,
        name: str,
        headers: list[str],
        rows: int,
        accessible: str,
        percents: Sequence[int] = (),
    ):
        super().__init__(rows, len(headers))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setAccessibleName(accessible)
        self.percents = frozenset(percents)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows as tall as a line of text and a little air: a table of four rows takes
        # 125 px, not 150, of a 768-pixel screen.
        header = self.verticalHeader()
        header.setMinimumSectionSize(1)
        header.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._fit_height()
        self._fit_columns()

    def _fit_height(self) -> None:
        # Every row shows: a table of a few numbers should never need scrolling.
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        self.setFixedHeight(
            height + max(1, self.rowCount()) * self.verticalHeader().defaultSectionSize()
        )

    def column_needs(self) -> list[int]:
        """The width each column needs to show its header and its widest cell uncut."""
        header = self.horizontalHeader()
        return [
            max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
            for c in range(self.columnCount())
        ]

    def _fit_columns(self) -> None:
        header = self.horizontalHeader()
        needs = self.column_needs()
        # Never narrower than the numbers: the layout gives the table this much.
        self.setMinimumWidth(sum(needs) + 2 * self.frameWidth())
        free = [
            c
            for c in range(self.columnCount())
            if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive
        ]
        fixed = sum(header.sectionSize(c) for c in range(self.columnCount()) if c not in free)
        spare = self.viewport().width() - fixed - sum(needs[c] for c in free)
        for k, c in enumerate(free):
            # The pixels that do not divide evenly go to the first columns.
            share = spare // len(free) + (1 if k < spare % len(free) else 0)
            header.resizeSection(c, needs[c] + max(0, share))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def set_rows(self, rows: Sequence[Sequence[float | str | None]]) -> None:
        """Fill the table a row at a time: numbers in the engine's format (shares in
        ``percents`` columns as percentages), words as they are, and NaN (a run that
        diverged) or None (no number yet) as "–"."""
        if len(rows) != self.rowCount():
            self.setRowCount(len(rows))
            self._fit_height()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if isinstance(value, str):
                    item = QTableWidgetItem(value)
                else:
                    if value is None or np.isnan(value):
                        text = "–"
                    elif c in self.percents:
                        text = format_percent(value)
                    else:
                        text = format_number(value)
                    item = QTableWidgetItem(text)
                    item.setTextAlignment(right)
                self.setItem(r, c, item)
        self._fit_columns()

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item at (``row``, ``column``), filled by :meth:`set_rows`.

        Raises
        ------
        IndexError
            If :meth:`set_rows` has not filled that cell.
        """
        item = self.item(row, column)
        if item is None:
            raise IndexError(f"no number in row {row}, column {column} yet")
        return item

    def set_header_tip(self, column: int, tip: str) -> None:
        """Explain the header of ``column`` in a tool tip."""
        item = self.horizontalHeaderItem(column)
        if item is not None:  # every column has a header (set in __init__)
            item.setToolTip(tip)

    def selected_row(self, default: int = 0) -> int:
        """The selected row, or ``default``."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else default
