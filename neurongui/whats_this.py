"""Explain any control: Help ▸ What's This? (Shift+F1), then click a control, a chart,
a panel or a part of the diagram.

After the main window is built, :class:`WhatsThisHelp` gives every widget named in
:mod:`neurongui.whats_this_texts` its what's-this text (so Qt's what's-this mode knows
it has one) and watches it: when the student asks, the text is built at that moment,
with what the current value means ("Now 0.03: each step moves every weight by
0.03 × its gradient."). On the diagram it names the weight or neuron under the pointer
with its value. A control of the training panel without an entry of its own is
explained by its tooltip and its value, so a new setting is never silent.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QProgressBar,
    QSlider,
    QWhatsThis,
    QWidget,
)

from neurongui.engine.numbers import format_number
from neurongui.engine.refs import EdgeRef, NeuronRef
from neurongui.i18n import activation_label, data_name, fill, keep_together
from neurongui.whats_this_texts import Entry, WhatsThisTexts

if TYPE_CHECKING:
    from neurongui.main_window import MainWindow

__all__ = ["CONTROL_TYPES", "WhatsThisHelp"]

#: The widgets a student sets or reads in a panel: each gets a what's-this text.
CONTROL_TYPES = (QAbstractButton, QAbstractSpinBox, QComboBox, QSlider, QProgressBar)


class WhatsThisHelp(QObject):
    """The what's-this texts of ``window`` (Help ▸ What's This? is in its Help menu).

    Attributes
    ----------
    last_text : str
        The text shown last (for tests and scripted lessons).
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setObjectName("whatsThisHelp")
        self._window = window
        self._texts = WhatsThisTexts(window.model, lambda: window.training.running, self)
        self._entries: dict[QWidget, Entry] = {}
        self.last_text = ""
        self.install()

    def install(self) -> None:
        """Give every named widget (and every control of the training panel) its text."""
        window = self._window
        for name, entry in self._texts.entries().items():
            for widget in window.findChildren(QWidget, name):
                self._register(widget, entry)
        # The training panel's and the diagram's buttons and boxes without an entry of
        # their own (a new setting, the zoom buttons) say what their tooltip says.
        for panel in (window.training_panel, window.canvas):
            for widget in panel.findChildren(QWidget):
                if isinstance(widget, CONTROL_TYPES) and widget not in self._entries:
                    self._register(widget, self._fallback(widget))
        canvas = window.canvas.viewport()
        canvas.setWhatsThis(self._canvas_about())
        canvas.installEventFilter(self)

    def _register(self, widget: QWidget, entry: Entry) -> None:
        self._entries[widget] = entry
        widget.setWhatsThis(self._compose(entry.title, entry.about, ""))
        widget.installEventFilter(self)

    @staticmethod
    def _fallback(widget: QWidget) -> Entry:
        shown = widget.text() if isinstance(widget, QAbstractButton) else ""
        title = widget.accessibleName() or shown or widget.toolTip() or widget.objectName()
        about = widget.toolTip() or widget.accessibleDescription()
        return Entry(title, "" if about == title else about)

    def current_value(self, widget: QWidget) -> str:
        """The value ``widget`` shows, as the student reads it ("" if it has none)."""
        if isinstance(widget, QAbstractSpinBox):
            return widget.text().strip()
        if isinstance(widget, QComboBox):
            return widget.currentText()
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            return self.tr("on") if widget.isChecked() else self.tr("off")
        if isinstance(widget, QSlider):
            return str(widget.value())
        if isinstance(widget, QProgressBar):
            return widget.text()
        if isinstance(widget, QLabel):
            return QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
        return ""

    # -- building the text ----------------------------------------------------------

    def text_for(self, widget: QWidget, pos: QPoint | None = None) -> str:
        """The what's-this text of ``widget`` now; ``pos`` (widget coordinates) picks the
        part of the diagram asked about."""
        if widget is self._window.canvas.viewport():
            return self._canvas_text(pos)
        entry = self._entries.get(widget)
        if entry is None:
            return widget.whatsThis()
        if entry.now is not None:
            now = entry.now(widget)
        else:
            value = self.current_value(widget)
            now = fill(self.tr("Now: %1."), html.escape(value, quote=False)) if value else ""
        return self._compose(entry.title, entry.about, now)

    @staticmethod
    def _compose(title: str, about: str, now: str) -> str:
        parts = [f"<b>{html.escape(title, quote=False)}</b>"]
        parts += [html.escape(text, quote=False) for text in (about, now) if text]
        # "a = f(z)" stays on one line (Chinese text would break at its spaces).
        text = "<p>" + "</p><p>".join(parts) + "</p>"
        return keep_together(text.replace(" = ", "\u00a0=\u00a0"))

    def _canvas_about(self) -> str:
        return self._compose(
            self.tr("Network diagram"),
            self.tr(
                "Circles are neurons, lines are weights: blue positive, orange negative, "
                "thicker for a larger |w|. Ask on a neuron or an edge for its value; click "
                "one to inspect it."
            ),
            "",
        )

    def _canvas_text(self, pos: QPoint | None) -> str:
        canvas = self._window.canvas
        target = None
        if pos is not None:
            button = canvas.button_at(QPointF(pos))
            if button is not None:  # a layer's + or −
                return self._compose(
                    button.toolTip(),
                    self.tr("Changes how many neurons this layer has; Ctrl+Z undoes it."),
                    "",
                )
            target = canvas.target_at(canvas.mapToScene(pos))
        if isinstance(target, EdgeRef):
            return self._edge_text(target)
        if isinstance(target, NeuronRef):
            return self._neuron_text(target)
        return self._canvas_about()

    def _edge_text(self, edge: EdgeRef) -> str:
        net, inspector = self._window.network, self._window.inspector
        w = net.get_weight(edge.layer, edge.neuron, edge.source)
        if edge.layer == 0:
            source = data_name(net.input_names[edge.source])
        else:
            source = fill(
                self.tr("neuron %1 of %2"),
                str(edge.source + 1),
                inspector.layer_name(edge.layer - 1),
            )
        if w > 0:
            sign = self.tr("positive: a larger input raises z")
        else:
            sign = self.tr("negative: a larger input lowers z")
        return self._compose(
            self.tr("Edge (a weight)"),
            fill(
                self.tr("From %1 into neuron %2 of %3: the input is multiplied by w."),
                source,
                str(edge.neuron + 1),
                inspector.layer_name(edge.layer),
            ),
            fill(self.tr("Now w = %1, %2."), format_number(w), sign)
            if w
            else self.tr("Now w = 0: this input does not count."),
        )

    def _neuron_text(self, ref: NeuronRef) -> str:
        model, inspector = self._window.model, self._window.inspector
        net, x = model.network, model.sample
        if ref.layer < 0:
            name = data_name(net.input_names[ref.neuron])
            return self._compose(
                fill(self.tr("Input %1"), name),
                self.tr("An input of the network: a feature of the sample, passed on as it is."),
                fill(
                    self.tr("Now %1 = %2 for the sample shown."), name, format_number(x[ref.neuron])
                ),
            )
        layer = net.layers[ref.layer]
        z, a = net.forward_trace(x)[ref.layer]
        return self._compose(
            fill(
                self.tr("Neuron %1 of %2 (%3)"),
                str(ref.neuron + 1),
                inspector.layer_name(ref.layer),
                activation_label(layer.activation.name, short=True),
            ),
            self.tr("It adds up its weighted inputs and its bias, z = Σ w·x + b, and outputs "
                    "a = f(z); its colour is a."),
            fill(
                self.tr("Now b = %1; for the sample shown z = %2 and a = %3."),
                format_number(float(layer.biases[ref.neuron])),
                format_number(float(z[ref.neuron])),
                format_number(float(a[ref.neuron])),
            ),
        )  # fmt: skip

    # -- Qt -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WhatsThis and isinstance(watched, QWidget):
            help_event: QHelpEvent = event  # type: ignore[assignment]
            pos = watched.mapFromGlobal(help_event.globalPos())
            self.last_text = self.text_for(watched, pos)
            QWhatsThis.showText(help_event.globalPos(), self.last_text, watched)
            return True
        return False

    @staticmethod
    def help_event(widget: QWidget, pos: QPointF | QPoint | None = None) -> QHelpEvent:
        """A what's-this request for ``widget`` at ``pos`` (its centre by default), as
        Qt sends when the student clicks it in what's-this mode."""
        local = widget.rect().center() if pos is None else QPoint(round(pos.x()), round(pos.y()))
        return QHelpEvent(QEvent.Type.WhatsThis, local, widget.mapToGlobal(local))
