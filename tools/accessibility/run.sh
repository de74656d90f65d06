#!/bin/bash
# The window with a real screen reader: Xvfb, a D-Bus session, the AT-SPI bus, Orca
# (what it would speak goes to its debug log), a plain AT-SPI listener, and drive.py.
# Needs Debian's orca xvfb at-spi2-core python3-pyatspi dbus-x11 and the xcb libraries
# Qt's xcb plugin loads (libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 ...).
#   tools/accessibility/run.sh OUT_DIR
# OUT_DIR gets driver.log, orca-debug.log (grep "SPEECH OUTPUT") and atspi.log.
set -u
OUT=$(realpath "${1:-/tmp/kostra-orca}")
HERE=$(dirname "$(realpath "$0")")
PYTHON=${PYTHON:-$HERE/../../.venv/bin/python}
mkdir -p "$OUT"
Xvfb :79 -screen 0 1280x900x24 >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
sleep 1
export DISPLAY=:79 QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
export OUT HERE PYTHON
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >"$OUT/bus.log" 2>&1 &
  sleep 2
  gsettings set org.gnome.desktop.a11y.applications screen-reader-enabled true 2>/dev/null
  orca --debug-file="$OUT/orca-debug.log" >"$OUT/orca.log" 2>&1 &
  ORCA=$!
  /usr/bin/python3 "$HERE/listen.py" >"$OUT/atspi.log" 2>&1 &
  LISTEN=$!
  sleep 6
  timeout 180 "$PYTHON" "$HERE/drive.py" >"$OUT/driver.log" 2>&1
  sleep 3
  kill $ORCA $LISTEN
'
kill $XVFB
grep -h "DRIVER\|SPEECH OUTPUT" "$OUT/driver.log" "$OUT/orca-debug.log" | sort | sed "s/{.established.: False}//"
