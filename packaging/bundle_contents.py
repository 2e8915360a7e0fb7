"""Which Qt plug-ins and libraries the bundle keeps: shared by the spec and build.py.

``neurongui.spec`` filters PyInstaller's collection with :func:`qt_plugin_kept` and
:func:`qt_library_kept`; ``prereqs.py`` checks, before the build, that the system
libraries the kept ones link to are on the build machine (PyInstaller would silently
leave them out).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["KEEP_PLUGINS", "qt_library_kept", "qt_plugin_kept"]

# Qt plug-ins kept, by folder: a tuple of file-name fragments, or None for the whole folder.
# Everything else (EGLFS, VNC, Wayland compositor parts, SQL drivers, QML tooling...) goes.
KEEP_PLUGINS = {
    # wayland: native on Wayland sessions (Qt prefers it when XDG_SESSION_TYPE=wayland
    # and falls back to xcb, i.e. XWayland, when it cannot connect).
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal.", "qwindows", "qcocoa", "qdirect2d"),
    "xcbglintegrations": None,
    "wayland-graphics-integration-client": ("wayland-egl",),
    "wayland-decoration-client": None,  # window title bars where the compositor draws none
    "wayland-shell-integration": None,  # xdg-shell (desktops), and the rarer shells
    "platformthemes": ("xdgdesktopportal",),
    "platforminputcontexts": ("compose", "ibus"),  # ibus (and fcitx5's ibus frontend): Chinese
    "imageformats": ("qsvg", "qico", "qjpeg", "qgif", "qicns"),
    "iconengines": None,
    "styles": None,  # Windows and macOS native styles
}
# Libraries of Qt modules the app does not use, which a hook may still list.
DROPPED_QT_LIBRARIES = (
    "Qml", "Quick", "WebEngine", "Pdf", "3D", "Multimedia", "Charts", "DataVisualization",
    "VirtualKeyboard", "Designer", "Lottie", "Labs", "Sql", "Help", "WaylandCompositor",
    "WaylandEglCompositor",
)  # fmt: skip


def qt_plugin_kept(dest: str) -> bool:
    """Return False for a Qt plug-in file that the whitelist above does not keep."""
    parts = Path(dest).parts
    if "plugins" not in parts:
        return True
    at = parts.index("plugins")
    if len(parts) < at + 3:  # not inside a plug-in folder
        return True
    folder, name = parts[at + 1], parts[-1]
    if folder not in KEEP_PLUGINS:
        return False
    fragments = KEEP_PLUGINS[folder]
    return fragments is None or any(f in name for f in fragments)


def qt_library_kept(name: str) -> bool:
    """Return False for the library file ``name`` of a Qt module the app does not use."""
    return not any(
        name.startswith((f"libQt6{module}", f"Qt6{module}")) for module in DROPPED_QT_LIBRARIES
    )
