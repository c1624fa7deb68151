#!/usr/bin/env bash
# Starts, on this machine and on loopback only: 1 PostgreSQL database (the machine's PostgreSQL 15),
# 1 redis-server, 3 Hub.Server nodes and 1 haproxy in front of them; prints the URLs; stops
# everything it started on Ctrl-C (docs/province.md, "Scale-out"). No containers.
#
# Settings (environment):
#   QK_CLUSTER_NODES=3               number of Hub.Server nodes
#   QK_CLUSTER_PORT=8080             haproxy's port (the URL to open); stats on QK_CLUSTER_STATS_PORT=8081
#   QK_CLUSTER_NODE_PORT=5101        first node's port (the others follow)
#   QK_CLUSTER_NODE_PORTS="p1 p2 p3" or each node's port (overrides the two above)
#   QK_CLUSTER_REDIS_PORT=6390       redis-server's port
#   QK_CLUSTER_DATABASE=...          an existing PostgreSQL connection string; default: database
#                                    qk_cluster (created if missing) for the queuekiosk role of setup.sh
#   QK_CLUSTER_DEMO=1                demo mode (demo accounts and keys, README.md); 0 for none
#   QK_HUB_DLL=...                   a built Hub.Server.dll; default: build Release
#   QK_NODE_ARGS="..."               more arguments for every node, e.g. "--Hub:Role=Province"
#   QK_CLUSTER_PARENT_PID=...        stop everything once this process is gone (a bench that starts the
#                                    script and dies without stopping it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"
nodes=${QK_CLUSTER_NODES:-3}
front_port=${QK_CLUSTER_PORT:-8080}
stats_port=${QK_CLUSTER_STATS_PORT:-8081}
node_port=${QK_CLUSTER_NODE_PORT:-5101}
redis_port=${QK_CLUSTER_REDIS_PORT:-6390}
demo=${QK_CLUSTER_DEMO:-1}
work="$(mktemp -d /tmp/qk-cluster.XXXXXX)"
pids=()

log() { echo "cluster: $*"; }

stop_pid() {
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
}

stop_all() {
  trap - INT TERM EXIT
  log "stopping" || true
  # haproxy first, then the nodes, Redis (pids[0]) last: a stopping node unsubscribes from Redis.
  for ((i = ${#pids[@]} - 1; i >= 1; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[$i]}"; done
  log "stopped (logs in $work)" || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT
# Whoever reads our output may be gone (a bench that died): a write then fails (and set -e ends the
# script through stop_all) instead of SIGPIPE killing it before it has stopped what it started.
trap '' PIPE

for tool in redis-server haproxy curl; do
  command -v "$tool" >/dev/null || { echo "cluster: $tool is missing: run scripts/setup.sh" >&2; exit 1; }
done

# 1. PostgreSQL: one database for every node.
if [ -n "${QK_CLUSTER_DATABASE:-}" ]; then
  database="$QK_CLUSTER_DATABASE"
else
  pg_isready -q -h 127.0.0.1 || { echo "cluster: PostgreSQL is not running on 127.0.0.1:5432: run scripts/setup.sh" >&2; exit 1; }
  as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
  as_postgres "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname='qk_cluster'\"" | grep -q 1 ||
    as_postgres "psql -q -c \"CREATE DATABASE qk_cluster OWNER queuekiosk\""
  database="Host=127.0.0.1;Port=5432;Username=queuekiosk;Password=queuekiosk;Database=qk_cluster"
fi

# 2. Hub.Server, built once.
dll="${QK_HUB_DLL:-}"
if [ -z "$dll" ]; then
  log "building Hub.Server (Release)"
  dotnet build "$repo_root/Hub.Server/Hub.Server.csproj" -c Release -v q -nologo >"$work/build.log"
  dll="$repo_root/Hub.Server/bin/Release/net10.0/Hub.Server.dll"
fi

# 3. Redis, without persistence: it only relays SignalR messages between the nodes.
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
log "redis-server on 127.0.0.1:$redis_port (pid $!)"

wait_ready() {
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0
    kill -0 "$2" 2>/dev/null || { echo "cluster: node on port $1 exited; see $work" >&2; return 1; }
    sleep 0.2
  done
  echo "cluster: node on port $1 not ready within 60 s; see $work" >&2
  return 1
}

# 4. The nodes: the first alone (it migrates the database and, in demo mode, fills it), then the others.
node_ports=()
if [ -n "${QK_CLUSTER_NODE_PORTS:-}" ]; then
  read -r -a node_ports <<<"$QK_CLUSTER_NODE_PORTS"
  nodes=${#node_ports[@]}
else
  for i in $(seq 1 "$nodes"); do node_ports+=($((node_port + i - 1))); done
fi
for i in $(seq 1 "$nodes"); do
  port=${node_ports[$((i - 1))]}
  # shellcheck disable=SC2086
  ASPNETCORE_ENVIRONMENT=Production dotnet "$dll" --urls "http://127.0.0.1:$port" \
    --Database:Provider=Postgres "--Database:ConnectionString=$database" \
    "--Realtime:Redis=127.0.0.1:$redis_port" "--Demo:Enabled=$([ "$demo" = 1 ] && echo true || echo false)" \
    --Queue:IgnoreOpeningHours=true --Supervision:DemoCameras=false --Security:TrustedProxies:0=127.0.0.1 \
    --Logging:LogLevel:Default=Information --Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning ${QK_NODE_ARGS:-} >"$work/node$i.log" 2>&1 &
  pids+=($!)
  echo "cluster: node $i http://127.0.0.1:$port (pid $!)"
  if [ "$i" = 1 ]; then wait_ready "$port" "$!"; fi
done
for i in $(seq 2 "$nodes"); do wait_ready "${node_ports[$((i - 1))]}" "${pids[$i]}"; done

# 5. haproxy in front, with the generated configuration.
bash "$here/haproxy-config.sh" "$front_port" "$stats_port" "${node_ports[@]}" >"$work/haproxy.cfg"
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
pids+=($!)
log "haproxy (pid $!), configuration $work/haproxy.cfg"
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$front_port/health/ready" && break; sleep 0.1; done

echo "cluster: ready: http://127.0.0.1:$front_port/ (supervisor: /supervisor), haproxy stats http://127.0.0.1:$stats_port/"
echo "cluster: Ctrl-C stops everything"
parent=${QK_CLUSTER_PARENT_PID:-}
while [ -z "$parent" ] || kill -0 "$parent" 2>/dev/null; do sleep 1; done
log "process $parent is gone" || true
