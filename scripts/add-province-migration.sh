#!/usr/bin/env bash
# Adds a migration named $1 to the province tier's own schema (Hub.Server/Province/ProvinceDbContext,
# PostgreSQL only, docs/province.md) into Data/Migrations/Province. The site schema's migrations are
# scripts/add-migration.sh's; the two never share a model snapshot.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ] || ! [[ "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-province-migration.sh Name   (PascalCase, e.g. ProvinceTier)" >&2
  exit 2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build Hub.Server/Hub.Server.csproj -c Debug -nologo -v q
dotnet tool run dotnet-ef migrations add "$1" --no-build \
  --project Hub.Server/Hub.Server.csproj --startup-project Hub.Server/Hub.Server.csproj \
  --context ProvinceDbContext \
  --output-dir "Data/Migrations/Province"
dotnet format Hub.Server/Hub.Server.csproj --include Hub.Server/Data/Migrations/ -v q
