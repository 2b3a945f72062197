#!/usr/bin/env bash
# The OCPP measurement (README "Measurements", issue 23): one Release console on SQLite with PILES registered two-gun
# YKC piles and PILES OCPP 1.6J ones, and the load tool driving first PILES OCPP charge points over WebSockets, then
# (the console restarted on the same database) PILES YKC piles over TCP, each for SECONDS, heartbeats every 10 s on
# both. Each half reports when all were online after the first connection (the tool opens 2,000 a second: a
# reconnect storm), heartbeat percentiles during that storm and afterwards, and the console's memory before and at
# its peak. The halves run one after the other: a process may hold 20,000 open files here (ulimit -Hn).
#
#   bash scripts/ocpp-load.sh [PILES] [SECONDS]        e.g. bash scripts/ocpp-load.sh 10000 150  (HALVES=ocpp: one half only)
set -euo pipefail
cd "$(dirname "$0")/.."
PILES="${1:-10000}"; SECONDS_RUN="${2:-150}"
OUT=/tmp/ocpp-load; rm -rf "$OUT"; mkdir -p "$OUT"
dotnet build -c Release ChargeConsole.sln -v q -nologo >/dev/null
TOOL="dotnet ChargeConsole.Benchmarks/bin/Release/net10.0/ChargeConsole.Benchmarks.dll"
$TOOL load-db "$OUT/load.db" "$PILES" --ocpp "$PILES"

run_half() { # NAME, then the tool's arguments
  local name=$1; shift
  ConnectionStrings__Sqlite="Data Source=$OUT/load.db" Demo__Enabled=false Ykc__Port=8768 Ykc__MaxUnauthenticatedPerAddress=0 \
  Ocpp__HeartbeatSeconds=10 Ocpp__MaxPendingUpgradesPerAddress=0 Logging__LogLevel__Default=Warning \
    dotnet ChargeConsole/bin/Release/net10.0/ChargeConsole.dll --urls http://127.0.0.1:5001 >"$OUT/console-$name.log" 2>&1 &
  local console=$!
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:5001/readyz >/dev/null 2>&1 && break; sleep 1; done
  local before; before=$(awk '/VmRSS/ {print $2}' /proc/$console/status)
  $TOOL simulate "$@" --count "$PILES" --duration "$SECONDS_RUN" >"$OUT/$name.log" 2>&1
  local peak; peak=$(awk '/VmHWM/ {print $2}' /proc/$console/status)
  kill $console; wait $console 2>/dev/null || true
  echo "$name: console RSS before $((before / 1024)) MB, peak $((peak / 1024)) MB, $(( (peak - before) * 1000 / PILES / 1024 )) MB per 1,000 connections" | tee -a "$OUT/memory.log"
  grep -A3 summary "$OUT/$name.log"
}
case " ${HALVES:-ocpp ykc} " in *" ocpp "*) run_half ocpp --ocpp --port 5001 --from 32980000000001;; esac
case " ${HALVES:-ocpp ykc} " in *" ykc "*) run_half ykc --port 8768 --from 32990000000001 --heartbeat 10;; esac
