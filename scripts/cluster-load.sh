#!/usr/bin/env bash
# The cluster measurement (README "Measurements"): scripts/cluster.sh with NODES Release nodes and no demo, PILES
# registered two-gun piles in its PostgreSQL, the load tool's simulated piles through nginx's pile port (at most
# 10,000 per tool process: a process may hold 20,000 open files here), 1,000 gun reads sent through the last node's
# Orleans gateway to piles on the other nodes and on itself, and every node's peak memory. Results in /tmp/cluster-load.
#
#   bash scripts/cluster-load.sh [NODES] [PILES] [SECONDS]      e.g. bash scripts/cluster-load.sh 2 20000 240
set -euo pipefail
cd "$(dirname "$0")/.."
NODES="${1:-2}"; PILES="${2:-20000}"; SECONDS_RUN="${3:-240}"
OUT=/tmp/cluster-load; rm -rf "$OUT"; mkdir -p "$OUT"
dotnet build -c Release ChargeConsole.sln -v q -nologo >/dev/null
TOOL="dotnet ChargeConsole.Benchmarks/bin/Release/net10.0/ChargeConsole.Benchmarks.dll"
PG="Host=127.0.0.1;Port=${CLUSTER_PG_PORT:-55432};Username=postgres;Database=chargeconsole"

CLUSTER_NGINX_WORKERS=4 CLUSTER_CONFIGURATION=Release \
CLUSTER_NODE_ARGS='--Demo:Enabled false --Ykc:MaxUnauthenticatedPerAddress 0 --Cluster:GatewayPort 3000{i} --Logging:LogLevel:Default Warning' \
  bash scripts/cluster.sh "$NODES" >"$OUT/cluster.log" 2>&1 &
CLUSTER=$!
trap 'kill $CLUSTER 2>/dev/null || true; wait $CLUSTER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q "集群已启动" "$OUT/cluster.log" && break; sleep 1; done
grep -q "集群已启动" "$OUT/cluster.log" || { cat "$OUT/cluster.log"; exit 1; }
$TOOL load-db --postgres "$PG" "$PILES"
NODE_PIDS=$(grep -o "pid [0-9]*" "$OUT/cluster.log" | awk '{print $2}')

echo "starting $PILES piles through nginx (127.0.0.1:${CLUSTER_PILE_PORT:-8767}) for $SECONDS_RUN s …"
SIMS=(); first=1; n=0
while [ "$first" -le "$PILES" ]; do
  count=$(( PILES - first + 1 )); [ "$count" -gt 10000 ] && count=10000
  $TOOL simulate --port "${CLUSTER_PILE_PORT:-8767}" --from "$(printf '3299%010d' "$first")" --count "$count" --duration "$SECONDS_RUN" >"$OUT/piles$n.log" 2>&1 &
  SIMS+=($!); n=$((n + 1)); first=$((first + count))
done
sleep $(( SECONDS_RUN - 50 ))
$TOOL commands --postgres "$PG" --gateway $((30000 + NODES)) --silo "127.0.0.1:$((11110 + NODES))" --count 1000 | grep -E "online|reads" | tee "$OUT/commands.log"
for pid in $NODE_PIDS; do echo "node pid $pid: peak $(awk '/VmHWM/ {print $2 " " $3}' /proc/$pid/status)"; done | tee "$OUT/memory.log"
wait "${SIMS[@]}"
for f in "$OUT"/piles*.log; do echo "$f:"; grep -A3 summary "$f"; done
