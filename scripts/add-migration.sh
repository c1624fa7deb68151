#!/usr/bin/env bash
# Adds a migration named $1 for both databases from the EF Core model (Hub.Server/Data), the one
# source of the schema: Data/Migrations/Sqlite and Data/Migrations/Postgres each get the migration
# and an updated model snapshot. Run it after changing an entity or its configuration, then commit
# what it generated; the schema tests (tests/Hub.Server.Tests/Data) fail until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ] || ! [[ "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-migration.sh Name   (PascalCase, e.g. AddCounterNotes)" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build Hub.Server/Hub.Server.csproj -c Debug -nologo -v q
for provider in Sqlite Postgres; do
  dotnet tool run dotnet-ef migrations add "$1" --no-build \
    --project Hub.Server/Hub.Server.csproj --startup-project Hub.Server/Hub.Server.csproj \
    --context "${provider}HubDbContext" \
    --output-dir "Data/Migrations/$provider"
done
# The generated files follow EF's layout; bring them to the repository's .editorconfig.
dotnet format Hub.Server/Hub.Server.csproj --include Hub.Server/Data/Migrations/ -v q
