#!/usr/bin/env bash
# Installs what is missing, checks formatting (C# and the browser scripts), lint and a warning-free
# build, then runs every test.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
./scripts/setup.sh

# Our browser scripts (web/, */wwwroot outside lib/): Prettier's format and ESLint's rules, a few seconds.
npm run --silent lint:web

dotnet restore QueueKiosk.sln --verbosity quiet
dotnet build QueueKiosk.sln --no-restore -c Debug -warnaserror --verbosity quiet -nologo
dotnet format QueueKiosk.sln --no-restore --verify-no-changes --verbosity quiet

export QK_TEST_POSTGRES="${QK_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=queuekiosk;Password=queuekiosk;Database=queuekiosk}"
export QK_REQUIRE_POSTGRES=1
# A test that hangs fails after 8 minutes with a dump of its stacks, instead of running out CI's time.
dotnet test QueueKiosk.sln --no-build -c Debug --verbosity quiet --logger "console;verbosity=minimal" --blame-hang-timeout 8m
