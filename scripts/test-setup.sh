#!/usr/bin/env bash
# Installs what Lore's test suite needs and a fresh Debian machine lacks: Debian's Chromium for the
# browser tests (never a downloaded browser build), Debian's redis-server for the relay tests, and
# the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x "$chromium" ]; then
  echo "Installing Debian's chromium for the browser tests (apt-get)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
"$chromium" --version

if [ ! -x /usr/bin/redis-server ]; then
  echo "Installing Debian's redis-server for the relay tests (apt-get)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
/usr/bin/redis-server --version

npx -y "pnpm@${pnpm_version}" install --frozen-lockfile
