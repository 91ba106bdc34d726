#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with gnome-keyring unlocked, and HOME in a
# temporary folder, so tests use a real OS keychain without touching the user's own.
# Usage: scripts/with-keyring.sh <command> [args…]
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing; running without a keychain" >&2
  exec "$@"
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wizard-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$HOME" "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
  printf %s "wizard-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' with-keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
