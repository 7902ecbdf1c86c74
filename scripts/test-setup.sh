#!/usr/bin/env bash
# Installs what Lore's test suite needs and a fresh Debian machine lacks: Debian's Chromium for the
# browser tests (never a downloaded browser build) and the workspace's packages.
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

npx -y "pnpm@${pnpm_version}" install --frozen-lockfile
