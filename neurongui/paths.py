"""Locate the files NeuronGUI reads at run time (datasets, icons, translations, help).

The ``resources/`` folder is found the same way in all three ways the app runs:

* a source checkout (or an editable install): ``<repo>/resources``;
* an installed wheel: the wheel carries the folder as ``neurongui/resources``;
* a PyInstaller bundle: the spec copies it to ``<bundle>/neurongui/resources``,
  which is again ``neurongui/resources`` beside this module.

This module uses the standard library only, so the Qt-free engine may use it.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

__all__ = ["resource_path", "resources_dir"]

_ENV_OVERRIDE = "NEURONGUI_RESOURCES"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = []
    if os.environ.get(_ENV_OVERRIDE):
        found.append(Path(os.environ[_ENV_OVERRIDE]))
    found.append(here / "resources")  # wheel, bundle
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "neurongui" / "resources")
        found.append(Path(bundle) / "resources")
    found.append(here.parent / "resources")  # source checkout
    return found


@cache
def resources_dir() -> Path:
    """Return the folder that holds NeuronGUI's run-time resources.

    Returns
    -------
    pathlib.Path
        The first existing candidate folder.

    Raises
    ------
    FileNotFoundError
        If no candidate exists (a broken installation); the message lists
        every place that was searched.
    """
    candidates = _candidates()
    for folder in candidates:
        if folder.is_dir():
            return folder
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"NeuronGUI's resources folder is missing; searched: {searched}")


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. ``resource_path("data", "iris.csv")``.

    Parameters
    ----------
    *parts
        Path components below the resources folder.

    Returns
    -------
    pathlib.Path
        The path (it is not checked for existence).
    """
    return resources_dir().joinpath(*parts)
