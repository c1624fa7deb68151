#!/usr/bin/env bash
# Demo mode: installs what is missing, builds, and starts Hub.Server, Kiosk.Ui and Counter.Display
# on this machine with simulated devices and a sample Vietnamese catalogue. Ctrl+C stops all.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
./scripts/setup.sh
dotnet build QueueKiosk.sln -c Release --verbosity quiet -nologo
mkdir -p data
exec ./scripts/start-demo.sh
