#!/bin/sh
# Run a command with an unlocked, throwaway gnome-keyring (inside dbus-run-session).
set -eu
export XDG_DATA_HOME="$(mktemp -d)"  # a fresh keyring file, never the user's own
echo -n "boundary-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
exec "$@"
