"""The screenshot tour (tools/tour.py) runs in-process and writes real pictures."""

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage

TOUR = Path(__file__).resolve().parents[2] / "tools" / "tour.py"
SIZE = (1280, 720)  # the main window is at least ~1070 px wide


def _tour_module():
    spec = importlib.util.spec_from_file_location("neurongui_tour", TOUR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _colours(image: QImage) -> int:
    """Distinct colours on a coarse grid of the image."""
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    )


def test_the_tour_writes_one_picture_per_state(qapp, tmp_path):
    tour = _tour_module()
    assert len(tour.STATES) >= 30
    states = ["fresh", "lesson1-end", "preferences"]
    lines = []
    written = tour.run_tour(tmp_path, SIZE, states=states, echo=lines.append)
    assert [p.name for p in written] == sorted(p.name for p in tmp_path.glob("*.png"))
    assert [p.name.split("-", 1)[1] for p in written] == [f"{s}.png" for s in states]
    assert lines == [str(p) for p in written]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE, path.name
        assert _colours(image) > 20, f"{path.name} looks blank"


def test_an_unknown_state_is_refused_before_any_window_opens(qapp, tmp_path):
    tour = _tour_module()
    try:
        tour.run_tour(tmp_path, SIZE, states=["no-such-state"])
    except KeyError as exc:
        assert "no-such-state" in str(exc)
    else:
        raise AssertionError("an unknown state was accepted")
    assert not list(tmp_path.glob("*.png"))
