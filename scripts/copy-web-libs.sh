#!/usr/bin/env bash
# Copies the browser libraries installed from npm next to the pages that serve them
# (wwwroot/lib of each host), so pages never load scripts from outside the machine.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nm="$repo_root/node_modules"
for host in Hub.Server Kiosk.Ui Counter.Display; do
  lib="$repo_root/$host/wwwroot/lib"
  mkdir -p "$lib"
  cp -u "$nm/@microsoft/signalr/dist/browser/signalr.min.js" "$lib/signalr.min.js"
done
cp -u "$nm/chart.js/dist/chart.umd.min.js" "$repo_root/Hub.Server/wwwroot/lib/chart.umd.min.js"
