#!/bin/sh
# Start NeuronGUI (/usr/bin/neurongui from the .deb, neurongui.sh in the tarball).
# The bundle's libraries need GNU libc @GLIBC@ or newer; an older one makes the loader
# fail with "GLIBC_x.y not found", which from a menu shows nothing at all. So the
# version is checked here first and a clear message is printed and, where a desktop
# notifier exists, shown. NEURONGUI_GLIBC_VERSION overrides the detected version
# (the packaging tests simulate an old system with it).
needed=@GLIBC@
here=$(dirname "$(readlink -f "$0")")
if [ -d "$here/_internal" ]; then
  app="$here/neurongui"           # the tarball: this script sits beside the program
else
  app=/opt/neurongui/neurongui    # the .deb
fi
have=${NEURONGUI_GLIBC_VERSION:-$(getconf GNU_LIBC_VERSION 2>/dev/null | sed -n 's/^glibc //p')}
if [ -z "$have" ]; then
  have=$(ldd --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')
fi
if [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$needed" "$have" | sort -t. -k1,1n -k2,2n | head -n1)" != "$needed" ]; then
  title="NeuronGUI @VERSION@ cannot run on this system"
  text="It needs GNU libc $needed or newer (Debian 12, Ubuntu 23.04, Fedora 37 or later); this system has $have. Please upgrade the system, or install NeuronGUI with pip (python3 -m pip install neurongui)."
  title_zh="NeuronGUI @VERSION@ 无法在此系统上运行"
  text_zh="它需要 GNU libc $needed 或更新版本（Debian 12、Ubuntu 23.04、Fedora 37 或更新）；此系统为 $have。请升级系统，或用 pip 安装 NeuronGUI（python3 -m pip install neurongui）。"
  printf '%s\n%s\n\n%s\n%s\n' "$title" "$text" "$title_zh" "$text_zh" >&2
  if command -v notify-send >/dev/null 2>&1; then
    notify-send --app-name=NeuronGUI --icon=io.github.neurongui.NeuronGUI \
      "$title / $title_zh" "$text

$text_zh" 2>/dev/null || true
  fi
  exit 1
fi
exec "$app" "$@"
