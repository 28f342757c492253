#!/usr/bin/env bash
# GET /healthz throughput of this server against nginx serving the same JSON
# from a static file, with wrk, on this machine. Then the same wrk run while
# 1,000 idle keep-alive connections are held open, to show they cost nothing.
#
#   Benchmarks/http.sh                      # release build, then measure
#   SKIP_BUILD=1 ROUNDS=1 Benchmarks/http.sh
#   SERVER_CMD='/tmp/bench --port $PORT' Benchmarks/http.sh
#
# SERVER_CMD is evaluated with $PORT (a free port) and $TMP (a scratch dir) set.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
ROUNDS=${ROUNDS:-2}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-1000}
NGINX=${NGINX:-/usr/sbin/nginx}

TMP=$(mktemp -d /tmp/http-bench.XXXXXX)
chmod 755 "$TMP"   # nginx workers run as an unprivileged user and must read the file
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT

# Fails unless GET /healthz answers 200 with the JSON body (a 403 would benchmark nothing).
check_body() {
    python3 - "$1" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz") as r:
    body = r.read()
    assert r.status == 200 and body == b'{"status":"ok"}', (r.status, body)
PY
}
# Prints wrk's Requests/sec for GET /healthz on a port; refuses a run with errors.
measure() {
    local out
    out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$1/healthz")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk reported errors on port $1:" >&2; echo "$out" >&2; fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
mean() { python3 -c "import sys; v=[float(x) for x in sys.argv[1:]]; print(f'{sum(v)/len(v):.0f}')" "$@"; }

if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release; fi

# nginx: static JSON file, loopback only, foreground, its own prefix.
NGINX_PORT=$(free_port)
mkdir -p "$TMP/nginx/logs" "$TMP/nginx/html"
printf '{"status":"ok"}' >"$TMP/nginx/html/healthz.json"
chmod -R a+rX "$TMP/nginx"
cat >"$TMP/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log;
events { worker_connections 8192; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $TMP/nginx/body;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location = /healthz { default_type application/json; alias $TMP/nginx/html/healthz.json; }
    }
}
NGINX
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/logs/error.log" &
PIDS+=($!)
wait_for_health "$NGINX_PORT"
check_body "$NGINX_PORT"

PORT=$(free_port)
SERVER_CMD=${SERVER_CMD:-'.build/release/sessions-vs-tokens serve --port $PORT --quiet --db $TMP/bench.sqlite'}
export PORT TMP
eval "exec $SERVER_CMD" >"$TMP/server.log" 2>&1 &
PIDS+=($!)
wait_for_health "$PORT"
check_body "$PORT"

echo "GET /healthz, wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores"
printf '%-8s %-14s %-14s %s\n' round "nginx req/s" "ours req/s" ours/nginx
NGINX_RESULTS=()
OUR_RESULTS=()
for round in $(seq 1 "$ROUNDS"); do
    n=$(measure "$NGINX_PORT")
    o=$(measure "$PORT")
    NGINX_RESULTS+=("$n")
    OUR_RESULTS+=("$o")
    printf '%-8s %-14s %-14s %s\n' "$round" "$n" "$o" "$(ratio "$o" "$n")"
done
NGINX_MEAN=$(mean "${NGINX_RESULTS[@]}")
OUR_MEAN=$(mean "${OUR_RESULTS[@]}")
printf '%-8s %-14s %-14s %s\n' mean "$NGINX_MEAN" "$OUR_MEAN" "$(ratio "$OUR_MEAN" "$NGINX_MEAN")"

# Hold idle keep-alive connections (each has made one request), then measure again.
cat >"$TMP/idle.py" <<'PY'
import resource, socket, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 100), hard))
held = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n")
    s.recv(4096)
    held.append(s)
print("holding", len(held), flush=True)
time.sleep(3600)
PY
python3 "$TMP/idle.py" "$PORT" "$IDLE_CONNECTIONS" >"$TMP/idle.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do grep -q holding "$TMP/idle.log" 2>/dev/null && break; sleep 0.1; done
grep -q holding "$TMP/idle.log" || { echo "could not open $IDLE_CONNECTIONS idle connections" >&2; cat "$TMP/idle.log" >&2; exit 1; }
WITH_IDLE=$(measure "$PORT")
echo
echo "ours with $IDLE_CONNECTIONS idle keep-alive connections held open"
printf '%-22s %-22s %s\n' "without idle req/s" "with idle req/s" with/without
printf '%-22s %-22s %s\n' "$OUR_MEAN" "$WITH_IDLE" "$(ratio "$WITH_IDLE" "$OUR_MEAN")"
