#!/usr/bin/env bash
# What the coat-check's memory costs: RSS growth per live session, after
# LOGINS x POST /session/login, beside the same number of POST /token/login on a
# fresh server (the passport side keeps nothing per user in RAM; its refresh
# tokens go to SQLite). Also prints the table's own estimate, approx_bytes/count,
# from /api/inspect.
#
#   Benchmarks/sessions-memory.sh                     # release build, then measure
#   SKIP_BUILD=1 LOGINS=20000 Benchmarks/sessions-memory.sh
#
# BENCHMARK-ONLY SETTING: the servers run with --password-iterations 1 so the
# run measures the session table, not PBKDF2 (at the default 600,000 iterations
# 100,000 logins would take hours). Never use it for a real server.
#
# wrk stops each of its threads after LOGINS/WRK_THREADS responses; the few
# requests still in flight may overshoot. The session count that matters is
# the server's own (memory.count); --max-sessions is set well above LOGINS so
# the LRU bound never evicts during the run.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

LOGINS=${LOGINS:-100000}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
MAX_DURATION=${MAX_DURATION:-600s}
MAX_SESSIONS=$((LOGINS * 2))
BINARY=.build/release/sessions-vs-tokens

TMP=$(mktemp -d /tmp/sessions-memory.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# Refresh tokens stored so far: the token side's real login count (wrk's may be a few short).
refresh_token_rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM refresh_tokens').fetchone()[0])" "$1"; }
rss_bytes() { awk '/^VmRSS:/ {print $2 * 1024}' "/proc/$1/status"; }
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }

# wrk script: POST the demo credentials to LOGIN_PATH. Each wrk thread stops
# after LIMIT_PER_THREAD responses and notes it in DONE_FILE. wrk's main thread
# sleeps out -d regardless, so the caller interrupts it (SIGINT) once every
# thread is done; wrk then prints its usual report.
cat >"$TMP/login.lua" <<'LUA'
wrk.method = "POST"
wrk.path = os.getenv("LOGIN_PATH")
wrk.body = '{"username":"edgaras","password":"passport42"}'
wrk.headers["Content-Type"] = "application/json"
local limit = tonumber(os.getenv("LIMIT_PER_THREAD"))
local seen = 0
function response(status, headers, body)
    seen = seen + 1
    if seen == limit then
        local f = io.open(os.getenv("DONE_FILE"), "a")
        f:write("done\n")
        f:close()
        wrk.thread:stop()
    end
end
LUA

# Runs the login wrk against PORT at PATH until every thread is done; prints wrk's report.
login_flood() {
    local port=$1 path=$2 done_file="$TMP/done.$1" wrk_pid
    rm -f "$done_file"
    DONE_FILE=$done_file LOGIN_PATH=$path LIMIT_PER_THREAD=$((LOGINS / WRK_THREADS)) \
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$MAX_DURATION" -s "$TMP/login.lua" "http://127.0.0.1:$port" >"$TMP/wrk.out" &
    wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null && [ "$(cat "$done_file" 2>/dev/null | wc -l)" -lt "$WRK_THREADS" ]; do sleep 0.2; done
    kill -INT "$wrk_pid" 2>/dev/null || true
    wait "$wrk_pid" || true
    cat "$TMP/wrk.out"
}

# run SIDE PATH: a fresh server and database, LOGINS logins at PATH; prints
# "logins_sent held delta_rss approx_bytes" on stdout, wrk's report on stderr.
run() {
    local side=$1 path=$2 port
    port=$(free_port)
    rm -f "$TMP/$side.sqlite"*
    "$BINARY" serve --port "$port" --quiet --db "$TMP/$side.sqlite" --password-iterations 1 \
        --max-sessions "$MAX_SESSIONS" --signing-key "$TMP/$side.pem" >"$TMP/$side.log" 2>&1 &
    SERVER_PID=$!
    wait_for_health "$port"
    # Warm-up: open both loops' database connections, sign once, so "before" is a running server.
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d1s "http://127.0.0.1:$port/api/books" >/dev/null
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' \
        -d '{"username":"edgaras","password":"passport42"}' "http://127.0.0.1:$port$path"
    local before_count after_count before_tokens after_tokens before_rss after_rss out sent
    before_count=$(curl -fsS "http://127.0.0.1:$port/api/inspect" | json_field '["memory"]["count"]')
    before_tokens=$(refresh_token_rows "$TMP/$side.sqlite")
    before_rss=$(rss_bytes "$SERVER_PID")
    out=$(login_flood "$port" "$path")
    after_rss=$(rss_bytes "$SERVER_PID")
    echo "--- $side: wrk POST $path" >&2
    echo "$out" >&2
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then echo "wrk reported errors for $side" >&2; exit 1; fi
    sent=$(awk '/requests in/ {print $1}' <<<"$out")
    local inspect
    inspect=$(curl -fsS "http://127.0.0.1:$port/api/inspect")
    after_count=$(json_field '["memory"]["count"]' <<<"$inspect")
    after_tokens=$(refresh_token_rows "$TMP/$side.sqlite")
    # sent = wrk's count; logins = what the server did (sessions made, or refresh tokens stored).
    local logins=$((after_count - before_count + after_tokens - before_tokens))
    echo "$sent $logins $((after_count - before_count)) $((after_rss - before_rss)) $(json_field '["memory"]["approx_bytes"]' <<<"$inspect") $after_count"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release; fi

# Not in a subshell: cleanup must see SERVER_PID, and a failure must end the script.
run session /session/login >"$TMP/session.result"
run token /token/login >"$TMP/token.result"
read -r s_sent s_logins s_held s_delta s_approx s_count <"$TMP/session.result"
read -r t_sent t_logins t_held t_delta _ _ <"$TMP/token.result"

python3 - "$s_sent" "$s_logins" "$s_held" "$s_delta" "$s_approx" "$s_count" "$t_sent" "$t_logins" "$t_held" "$t_delta" <<'PY'
import sys
s_sent, s_logins, s_held, s_delta, s_approx, s_count, t_sent, t_logins, t_held, t_delta = map(int, sys.argv[1:])
per_session = s_delta / max(s_logins, 1)
per_token = t_delta / max(t_logins, 1)
print()
print(f"{'side':<9}{'wrk sent':>10}{'logins':>9}{'held in RAM':>13}{'ΔRSS (MiB)':>12}{'ΔRSS/login (B)':>16}{'approx_bytes/count (B)':>24}")
print(f"{'session':<9}{s_sent:>10}{s_logins:>9}{s_held:>13}{s_delta / 2**20:>12.1f}{per_session:>16.0f}{s_approx / max(s_count, 1):>24.0f}")
print(f"{'token':<9}{t_sent:>10}{t_logins:>9}{t_held:>13}{t_delta / 2**20:>12.1f}{per_token:>16.0f}{'-':>24}")
print()
print(f"session table cost over the token side: {per_session - per_token:.0f} bytes per live session")
print("logins = what the server did: sessions now held (memory.count), or refresh-token rows written to SQLite.")
print("The token side's ΔRSS is mostly SQLite's page cache and allocator growth, bounded by its cache size; the session table grows with every live session.")
PY