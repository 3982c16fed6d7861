#!/bin/sh
# Runs a command with a private Secret Service (the A6 test): a fresh D-Bus session bus from
# dbus-run-session and a gnome-keyring-daemon on it, all under a temporary HOME and runtime
# directory, so the developer's own keyring is never read or written. Both end with the command.
#   run-with-keyring.sh <command> [arguments...]
set -eu

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-with-keyring: $tool is missing (packages dbus, dbus-bin, gnome-keyring)" >&2
        exit 1
    fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/consult-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home/.local/share" "$scratch/home/.config" "$scratch/home/.cache"
mkdir -m 700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$scratch/runtime"
export CONSULT_PRIVATE_KEYRING=1
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

# The keyring's password must not be empty: with an empty one gnome-keyring 42 (Debian 12) creates no
# "login" collection, and libsecret, which QtKeychain uses, stores into the default collection.
# (dbus-daemon's "Failed to set fd limit" warning in containers is harmless.)
status=0
dbus-run-session -- sh -c '
    printf %s "throwaway-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 50 ]; then
            echo "run-with-keyring: the Secret Service did not appear on the bus" >&2
            exit 1
        fi
        sleep 0.1
    done
    exec "$@"
' run-with-keyring "$@" || status=$?
exit "$status"
