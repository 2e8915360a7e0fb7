"""The published JSON Schemas of NeuronGUI's files (draft 2020-12), one per version.

``network-v2.schema.json`` describes the network file that
:mod:`neurongui.engine.fileformat` writes, with a description of every field; read it
to learn the format, or check a file with any JSON Schema validator. NeuronGUI itself
validates files with its own code (:func:`~neurongui.engine.state.parse_state`), which
also checks the rules a schema cannot state (shapes, the parameter total); why, and
the figures behind that choice, are in ``docs/file-format.md``.

The schemas are package data, read with :mod:`importlib.resources`, so they are found
the same way in a source checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["network_schema", "network_schema_text"]


def network_schema_text(version: int = 2) -> str:
    """Return the JSON Schema of network files of ``version``, as text.

    Raises
    ------
    FileNotFoundError
        If there is no schema for ``version`` (version 1 files have none: NeuronGUI
        converts them to version 2 on opening).
    """
    name = f"network-v{int(version)}.schema.json"
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def network_schema(version: int = 2) -> dict[str, Any]:
    """Return the JSON Schema of network files of ``version``, decoded.

    Raises
    ------
    FileNotFoundError
        If there is no schema for ``version``.
    """
    return json.loads(network_schema_text(version))
