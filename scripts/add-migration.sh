#!/usr/bin/env bash
# Adds a migration with the same name to every provider's migration set (Data/Migrations/Sqlite, /SqlServer, /Postgres).
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer Postgres; do
  dotnet ef migrations add "$name" --project ChargeConsole --context "${provider}ChargeDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "ChargeConsole.Data.Migrations.$provider"
done
# dotnet-ef writes the model snapshot under a nested project folder; keep it beside its migrations.
if [ -d ChargeConsole/ChargeConsole/Data/Migrations ]; then
  for provider in Sqlite SqlServer Postgres; do
    mv ChargeConsole/ChargeConsole/Data/Migrations/$provider/*.cs ChargeConsole/Data/Migrations/$provider/ 2>/dev/null || true
  done
  rm -rf ChargeConsole/ChargeConsole
fi
