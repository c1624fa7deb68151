#!/usr/bin/env bash
# Prints the haproxy configuration for Hub.Server nodes on loopback (docs/province.md, "Scale-out").
# Usage: haproxy-config.sh FRONT_PORT STATS_PORT NODE_PORT...
# Used by run-cluster.sh and by the failover test (tests/Hub.Server.Tests/Realtime/ScaleOut).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 FRONT_PORT STATS_PORT NODE_PORT..." >&2
  exit 2
fi
front_port=$1
stats_port=$2
shift 2

cat <<CFG
global
  # Each proxied connection holds two descriptors; keep under the usual open-files limit.
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  # SignalR pings every 15 s and drops a silent client after 30 s: idle HTTP sides may wait longer than that.
  timeout client 60s
  timeout server 60s
  # Once a WebSocket is upgraded only this applies: a dashboard stays connected all day.
  timeout tunnel 8h
  timeout http-keep-alive 10s
  # A request aimed (by its cookie) at a dead node goes to a live one instead.
  option redispatch
  # The client's address for the nodes' sign-in limits and audit (Security:TrustedProxies, hardware-docs/https.md).
  option forwardfor
  retries 2

frontend hub
  bind 127.0.0.1:${front_port}
  default_backend nodes

backend nodes
  balance roundrobin
  # Sticky sessions: a SignalR client first POSTs /negotiate and then opens its WebSocket (or
  # long-polling / SSE requests) with the connection id it got; only the node that answered the
  # negotiate knows that id. The cookie keeps a browser on one node; a node that dies or turns
  # unready loses its clients, which reconnect, are given a live node and resync by snapshot.
  cookie QKNODE insert indirect nocache httponly
  # Liveness, not readiness: every node shares the one database, so a slow or absent database is
  # no reason to prefer another node; a readiness check that waits on a busy connection pool made
  # haproxy drop loaded nodes (and all their dashboards) in the bench scenario province.
  option httpchk GET /health/live
  http-check expect status 200
  timeout check 3s
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
CFG
n=1
for port in "$@"; do
  echo "  server n${n} 127.0.0.1:${port} check cookie n${n}"
  n=$((n + 1))
done
cat <<CFG

listen stats
  bind 127.0.0.1:${stats_port}
  stats enable
  stats uri /
  stats refresh 2s
CFG
