#!/usr/bin/env bash
# Copies the browser libraries installed from npm, and our shared web/live-feed.js, next to the pages that serve them
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
# Our own shared browser script (web/live-feed.js, one source) goes to the hosts whose pages follow
# the live feed, the same way.
for host in Hub.Server Counter.Display; do
  cp -u "$repo_root/web/live-feed.js" "$repo_root/$host/wwwroot/lib/live-feed.js"
done
