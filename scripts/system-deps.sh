#!/bin/sh
# Install the Debian packages Boundary needs, when they are missing.
#   scripts/system-deps.sh demo   -> a browser
#   scripts/system-deps.sh test   -> a browser, Xvfb, a Secret Service (gnome-keyring, D-Bus), poppler
# As root it installs them with apt-get; otherwise it says what is missing.
set -eu
want="chromium"
check="chromium"
if [ "${1:-demo}" = "test" ]; then
    want="$want xvfb xauth gnome-keyring dbus dbus-x11 poppler-utils fonts-dejavu-core"
    check="$check Xvfb gnome-keyring-daemon dbus-run-session pdftoppm"
fi
missing=""
for cmd in $check; do
    command -v "$cmd" >/dev/null 2>&1 || missing="$missing $cmd"
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
