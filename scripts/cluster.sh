#!/usr/bin/env bash
# Runs the console as a cluster on this machine: a throw-away PostgreSQL, N console nodes (default 2) on their own
# ports, and nginx in front of them: HTTP with sticky sessions on :8080 (Blazor Server circuits stay on their node)
# and a TCP stream block for the pile port on :8767. The demo's simulated piles connect through nginx, so they spread
# over the nodes. Ctrl+C stops everything; the cluster's folder (database, logs, shared uploads) is removed.
#
#   bash scripts/cluster.sh [nodes]          e.g. bash scripts/cluster.sh 3
#
# Node i listens on http://127.0.0.1:510i (console), 880i (piles) and 1111i (the nodes' own cluster port).
#
# For measurements (README "Measurements"): CLUSTER_CONFIGURATION=Release builds and runs Release; CLUSTER_NODE_ARGS
# is appended to every node's arguments, with {i} replaced by the node's number (a later setting wins), e.g.
#   CLUSTER_NODE_ARGS='--Demo:Enabled false --Cluster:GatewayPort 3000{i}' bash scripts/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."

NODES="${1:-2}"
HTTP_PORT="${CLUSTER_HTTP_PORT:-8080}"
PILE_PORT="${CLUSTER_PILE_PORT:-8767}"
PG_PORT="${CLUSTER_PG_PORT:-55432}"
CONFIGURATION="${CLUSTER_CONFIGURATION:-Debug}"
NGINX_WORKERS="${CLUSTER_NGINX_WORKERS:-2}"
DIR="$(mktemp -d /tmp/chargeconsole-cluster.XXXXXX)"
chmod 755 "$DIR"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
need() { # need <command or path> <debian package>
  if command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; then return; fi
  echo "安装 $2 …"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null \
    || { echo "需要 $2：请以 root 运行，或先执行 apt-get install $2" >&2; exit 1; }
}
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
[ -n "$PG_BIN" ] || { need /usr/lib/postgresql/15/bin/initdb postgresql; PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; }
need nginx nginx
# Debian builds the stream (TCP) module as its own package.
ls /usr/lib/nginx/modules/ngx_stream_module.so >/dev/null 2>&1 || need /usr/lib/nginx/modules/ngx_stream_module.so libnginx-mod-stream

# PostgreSQL runs as the postgres user when this script runs as root (it refuses to run as root).
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$DIR/pg" "$DIR/files" "$DIR/logs"
touch "$DIR/logs/postgres.log"
[ "$(id -u)" = 0 ] && chown postgres "$DIR/pg" "$DIR/logs/postgres.log"

PIDS=()
cleanup() {
  echo; echo "停止集群 …"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The nodes leave the cluster through the database: stop PostgreSQL only once they are gone (at most 30 s).
  for _ in $(seq 1 60); do
    alive=0; for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.5
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
  pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "PostgreSQL on 127.0.0.1:$PG_PORT …"
pg "$PG_BIN/initdb" -D "$DIR/pg" -U postgres -A trust >/dev/null
pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c max_connections=300" -l "$DIR/logs/postgres.log" -w start >/dev/null
pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres chargeconsole
DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=chargeconsole;Maximum Pool Size=60"

echo "Building the console …"
dotnet build ChargeConsole -c "$CONFIGURATION" -v q -nologo >/dev/null
APP="ChargeConsole/bin/$CONFIGURATION/net10.0/ChargeConsole.dll"

node() { # node <i>: starts node i; node 1 migrates and seeds the demo, the last node plays its piles and drivers
  local i="$1" simulate=false extra
  [ "$i" = "$NODES" ] && simulate=true
  extra="${CLUSTER_NODE_ARGS:-}"; extra="${extra//\{i\}/$i}"
  ASPNETCORE_ENVIRONMENT=Development dotnet "$APP" \
    --urls "http://127.0.0.1:510$i" --Ykc:Port "880$i" --Ykc:Address 127.0.0.1 \
    --Database:Provider Postgres --ConnectionStrings:Postgres "$DB" \
    --Cluster:SiloPort "1111$i" --Cluster:AdvertisedIP 127.0.0.1 \
    --Files:Root "$DIR/files" \
    --Demo:Enabled true --Demo:HistoryDays "${DEMO_HISTORY_DAYS:-7}" --Demo:SimulatePiles "$simulate" \
    --Demo:PileEndpoint "127.0.0.1:$PILE_PORT" --Demo:OcppEndpoint "127.0.0.1:$HTTP_PORT" \
    --WeChatPay:Sandbox:Enabled true --WeChatPay:Sandbox:AutoPaySeconds 3 --WeChatPay:Sandbox:AutoRefundSeconds 5 \
    --WeChatPay:Sandbox:StorePath "$DIR/wechatpay-sandbox.db" $extra \
    >"$DIR/logs/node$i.log" 2>&1 &
  PIDS+=($!)
  echo "  node $i: http://127.0.0.1:510$i  piles :880$i  (log $DIR/logs/node$i.log, pid $!)"
}
ready() { # ready <i>
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:510$1/readyz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "node $1 did not start; see $DIR/logs/node$1.log" >&2; tail -20 "$DIR/logs/node$1.log" >&2; exit 1
}

# nginx first: node 1's piles connect through it as soon as node 1 is up.
UPSTREAM_HTTP=""; UPSTREAM_PILES=""
for i in $(seq 1 "$NODES"); do
  UPSTREAM_HTTP+="    server 127.0.0.1:510$i max_fails=1 fail_timeout=5s;"$'\n'
  UPSTREAM_PILES+="    server 127.0.0.1:880$i max_fails=3 fail_timeout=5s;"$'\n'
done
# The stream module is a loadable one on Debian.
LOAD_STREAM=""
for m in /usr/lib/nginx/modules/ngx_stream_module.so /usr/share/nginx/modules/ngx_stream_module.so; do
  [ -f "$m" ] && { LOAD_STREAM="load_module $m;"; break; }
done
cat >"$DIR/nginx.conf" <<EOF
$LOAD_STREAM
worker_processes $NGINX_WORKERS;
# A pile through nginx holds two descriptors (its own, the node's); the workers share the piles (reuseport below).
worker_rlimit_nofile $(ulimit -Hn);
pid $DIR/nginx.pid;
error_log $DIR/logs/nginx-error.log warn;
events { worker_connections $(( $(ulimit -Hn) - 100 )); }
http {
  access_log off;
  client_body_temp_path $DIR/nginx-body;
  proxy_temp_path $DIR/nginx-proxy;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream console {
    # Sticky by client address: a Blazor Server circuit (a WebSocket) must stay on the node that holds it.
    hash \$remote_addr consistent;
$UPSTREAM_HTTP  }
  server {
    listen 127.0.0.1:$HTTP_PORT;
    client_max_body_size 20m;
    location / {
      proxy_pass http://console;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
    }
  }
}
stream {
  upstream piles {
    # Piles spread over the nodes; a pile whose node is gone reconnects and lands on a live one.
    least_conn;
    zone piles 1m; # one count of connections for all workers
$UPSTREAM_PILES  }
  server {
    listen 127.0.0.1:$PILE_PORT reuseport;
    proxy_pass piles;
    proxy_connect_timeout 5s;
    proxy_timeout 10m;
  }
}
EOF
nginx -t -c "$DIR/nginx.conf" -p "$DIR" >/dev/null 2>&1 || { nginx -t -c "$DIR/nginx.conf" -p "$DIR"; exit 1; }
nginx -c "$DIR/nginx.conf" -p "$DIR"

echo "Starting $NODES nodes …"
# Node 1 first (it migrates and seeds), the last one when the others are up, so the piles it starts spread over all.
node 1; ready 1
for i in $(seq 2 $((NODES - 1))); do node "$i"; done
for i in $(seq 2 $((NODES - 1))); do ready "$i"; done
[ "$NODES" -gt 1 ] && { node "$NODES"; ready "$NODES"; }

echo
echo "集群已启动：控制台 http://127.0.0.1:$HTTP_PORT（经 nginx，会话粘滞），电桩端口 127.0.0.1:$PILE_PORT（nginx stream）"
echo "演示账号见 README；各节点日志在 $DIR/logs/。按 Ctrl+C 停止。"
echo "试试：kill -9 节点 1 的 pid（最后一个节点运行演示电桩，勿杀），其电桩会经 nginx 重连到其他节点。"
wait
