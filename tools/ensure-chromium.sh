#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core, which
# cannot download a browser of its own. Installs it when it is missing.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at $CHROMIUM and installing it needs root." >&2
  echo "Install it with:" >&2
  echo "  sudo apt-get update" >&2
  echo "  sudo apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi

echo "Installing Chromium (Debian package) for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium
"$CHROMIUM" --version
