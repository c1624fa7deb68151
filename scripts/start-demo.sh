#!/usr/bin/env bash
# Starts Hub.Server, Kiosk.Ui and Counter.Display (Release builds) in demo mode on this machine:
# SQLite under data/, demo catalogue and accounts, a virtual printer writing PNG tickets to
# data/tickets, virtual LED boards and synthetic cameras. Ctrl+C stops all three.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$repo_root/data"
mkdir -p "$data/tickets" "$data/recordings"

hub_port="${QK_HUB_PORT:-5000}"
kiosk_port="${QK_KIOSK_PORT:-5080}"
display_port="${QK_DISPLAY_PORT:-5090}"
hub_url="http://127.0.0.1:$hub_port"
kiosk_key="demo-kiosk-key-0001"
display_key="demo-display-key-0001"
demo_password="Demo@123"

bin() { echo "$repo_root/$1/bin/Release/net10.0/$1.dll"; }
pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT INT TERM

start() { # name dll args...
  local name=$1 dll=$2; shift 2
  (cd "$(dirname "$dll")" && exec dotnet "$dll" "$@") >"$data/$name.log" 2>&1 &
  pids+=($!)
}

wait_live() { # name url
  for _ in $(seq 1 120); do
    curl -fsS "$2/health/live" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "run: $1 did not start; see data/$1.log" >&2
  tail -n 30 "$data/$1.log" >&2
  exit 1
}

export ASPNETCORE_ENVIRONMENT=Production

start hub "$(bin Hub.Server)" --urls="$hub_url" \
  --Database:Provider=Sqlite --Database:ConnectionString="Data Source=$data/hub.db" \
  --Demo:Enabled=true --Demo:Password="$demo_password" --Demo:KioskKey="$kiosk_key" --Demo:DisplayKey="$display_key" \
  --Queue:IgnoreOpeningHours=true
wait_live hub "$hub_url"

start kiosk "$(bin Kiosk.Ui)" --urls="http://127.0.0.1:$kiosk_port" \
  --Kiosk:HubUrl="$hub_url" --Kiosk:DeviceKey="$kiosk_key" --Kiosk:CataloguePath="$data/kiosk-catalogue.json" \
  --Kiosk:TicketLookupUrl="https://motcua.example.gov.vn/tra-cuu?so={number}" \
  --Printer:Transport=Virtual --Printer:VirtualOutputPath="$data/tickets" --Printer:QueuePath="$data/print-queue.journal"
start display "$(bin Counter.Display)" --urls="http://127.0.0.1:$display_port" \
  --Hub:Url="$hub_url" --Hub:DeviceKey="$display_key" \
  --Display:VirtualLedBoards:0=1 --Display:VirtualLedBoards:1=2 --Display:VirtualLedBoards:2=3 \
  --Display:VirtualLedBoards:3=4 --Display:VirtualLedBoards:4=5 --Display:VirtualLedBoards:5=6
wait_live kiosk "http://127.0.0.1:$kiosk_port"
wait_live display "http://127.0.0.1:$display_port"

cat <<EOT

QueueKiosk demo is running (logs in data/*.log, printed tickets as PNG in data/tickets):
  Kiosk (touch screen):      http://127.0.0.1:$kiosk_port/
  Officer console:           $hub_url/officer
  Supervisor dashboard:      $hub_url/supervisor
  Hall TV display:           http://127.0.0.1:$display_port/hall
  Counter screen (quầy 1):   http://127.0.0.1:$display_port/counter/1
  Virtual LED boards:        http://127.0.0.1:$display_port/leds
  REST API (OpenAPI):        $hub_url/openapi/v1.json
  Health:                    $hub_url/health/ready

Demo accounts (password for all: $demo_password):
  canbo1 .. canbo6   officers (choose the counter at sign-in)
  giamsat            supervisor
  quantri            admin
Device keys: kiosk $kiosk_key, display $display_key

Press Ctrl+C to stop.
EOT
wait
