#!/bin/sh
# Install the Debian packages Boundary needs, when they are missing.
#   scripts/system-deps.sh demo   -> a browser
#   scripts/system-deps.sh test   -> a browser, Xvfb, a Secret Service (gnome-keyring, D-Bus), poppler
# As root it installs them with apt-get; otherwise it says what is missing.
set -eu
want="chromium"
check="chromium"
# What Qt's X11 plugin (the wizard in a real window) needs beyond a minimal system.
qt_libs="libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0 libegl1 libfontconfig1 libdbus-1-3"
libs="libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-cursor.so.0 libxkbcommon-x11.so.0 libEGL.so.1"
want="$want $qt_libs"
if [ "${1:-demo}" = "test" ]; then
    want="$want xvfb xauth gnome-keyring dbus dbus-x11 poppler-utils fonts-dejavu-core"
    check="$check Xvfb xvfb-run gnome-keyring-daemon dbus-run-session pdftoppm"
fi
missing=""
for cmd in $check; do
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $cmd"
done
for lib in $libs; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $want >/dev/null
else
    echo "Missing:$missing. Install them (Debian/Ubuntu: sudo apt-get install $want)," >&2
    echo "or install Google Chrome / run '.venv/bin/python -m playwright install chromium' for the browser." >&2
    [ "${1:-demo}" = "test" ] && exit 1
fi
exit 0
