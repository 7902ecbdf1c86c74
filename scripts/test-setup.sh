#!/usr/bin/env bash
# Installs what Lore's test suite needs and a fresh Debian machine lacks: Debian's Chromium for the
# browser tests (never a downloaded browser build); PostgreSQL, Redis and nginx for the store,
# search and cluster suites (the tests start their own private servers; nothing is enabled as a
# system service); and the workspace's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x "$chromium" ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql postgresql-contrib)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/nginx ] || missing+=(nginx)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests (apt-get)…"
  as_root apt-get update -qq
  # The packages' own services stay off: the tests start private servers in temporary folders.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  for service in postgresql redis-server nginx; do
    as_root systemctl disable --now "$service" >/dev/null 2>&1 || true
    as_root service "$service" stop >/dev/null 2>&1 || true
  done
fi
"$chromium" --version
"$(compgen -G "/usr/lib/postgresql/*/bin/postgres" | sort -V | tail -1)" --version
/usr/bin/redis-server --version
/usr/sbin/nginx -v

npx -y "pnpm@${pnpm_version}" install --frozen-lockfile
