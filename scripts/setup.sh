#!/usr/bin/env bash
# Installs and starts what the build, the tests and the demo need. Idempotent: every step checks
# first, so a second run costs a few seconds. Sourced by run.sh and test.sh.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian_packages() {
  # libfontconfig1: SkiaSharp's native library (SkiaSharp.NativeAssets.Linux) links against it.
  # redis-server, haproxy: the province tier's scale-out (docs/province.md); the tests start their own on loopback ports.
  local wanted=(ffmpeg socat chromium espeak-ng postgresql libfontconfig1 fonts-dejavu-core redis-server haproxy)
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# PostgreSQL 15 is installed but its cluster is stopped; the tests and production mode need it.
start_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | grep -q "online"; then
    echo "setup: starting PostgreSQL"
    as_root pg_ctlcluster 15 main start || as_root service postgresql start
  fi
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 && break
    sleep 0.5
  done
  # A role and database for the tests and the bench, with a password so TCP logins work.
  as_root su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='queuekiosk'\"" | grep -q 1 ||
    as_root su postgres -c "psql -q -c \"CREATE ROLE queuekiosk LOGIN CREATEDB PASSWORD 'queuekiosk'\""
  as_root su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname='queuekiosk'\"" | grep -q 1 ||
    as_root su postgres -c "psql -q -c \"CREATE DATABASE queuekiosk OWNER queuekiosk\""
}

# Browser libraries come from npm (the official SignalR client, chart.js) and are copied next to
# the pages that use them, so no page ever loads anything from outside the machine. The same
# install brings the devDependencies that ./test.sh lints the browser scripts with (ESLint, Prettier).
install_npm_packages() {
  if [ -f "$repo_root/package.json" ]; then
    if [ ! -d "$repo_root/node_modules" ] || [ "$repo_root/package.json" -nt "$repo_root/node_modules" ]; then
      echo "setup: installing npm packages"
      (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
      touch "$repo_root/node_modules"
    fi
    if [ -x "$repo_root/scripts/copy-web-libs.sh" ]; then "$repo_root/scripts/copy-web-libs.sh"; fi
  fi
}

install_debian_packages
start_postgres
install_npm_packages
