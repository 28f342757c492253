#!/usr/bin/env bash
# Bearer-token verification throughput. One server, one access token, two wrk
# runs in the same session: GET /token/me with `Authorization: Bearer $TOKEN`
# (parse the header, verify the JWT signature and claims, then read the user row
# from SQLite) against GET /healthz (a prebuilt response) as the baseline. Then
# the same again with a server restarted with --jwt-alg HS256.
#
# Tokens verified per second ≈ /token/me requests per second (each request
# verifies one token; the user-row read is included, so this is a lower bound).
#
#   Benchmarks/tokens.sh                          # release build, then measure
#   SKIP_BUILD=1 DURATION=3s Benchmarks/tokens.sh
#   ROUNDS=3 Benchmarks/tokens.sh                 # alternate the two paths 3 times, print medians
#
# The machine may be shared and noisy: compare medians of several rounds, and
# compare builds by running them back to back (BIN=... selects the binary).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
ROUNDS=${ROUNDS:-1}
BIN=${BIN:-.build/release/sessions-vs-tokens}

TMP=$(mktemp -d /tmp/tokens-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# POST /token/login as edgaras; prints the access token.
login() {
    python3 - "$1" <<'PY'
import json, sys, urllib.request
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/token/login",
    data=b'{"username":"edgaras","password":"passport42"}', headers={"Content-Type": "application/json"})
with urllib.request.urlopen(request) as r:
    print(json.load(r)["access_token"])
PY
}
# Fails unless GET /token/me answers 200 for the token (a 401 would benchmark the error path).
check_token() {
    python3 - "$1" "$2" <<'PY'
import sys, urllib.request
request = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/token/me", headers={"Authorization": "Bearer " + sys.argv[2]})
with urllib.request.urlopen(request) as r:
    assert r.status == 200, r.status
PY
}
# Prints wrk's Requests/sec for a path; any non-2xx answer or socket error aborts the run.
measure() {
    local port=$1 path=$2 out
    shift 2
    out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" "http://127.0.0.1:$port$path")
    if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
        echo "wrk reported errors on $path:" >&2
        echo "$out" >&2
        exit 1
    fi
    awk '/Requests\/sec/ {print $2}' <<<"$out"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
median() { python3 -c 'import statistics, sys; print(f"{statistics.median(map(float, sys.argv[1:])):.2f}")' "$@"; }

# Starts a server with extra flags, measures both paths, stops it.
run() {
    local label=$1 port token me health
    shift
    port=$(free_port)
    "$BIN" serve --port "$port" --db "$TMP/$label.sqlite" --quiet --password-iterations 1000 "$@" >"$TMP/$label.log" 2>&1 &
    SERVER_PID=$!
    wait_for_health "$port"
    token=$(login "$port")
    check_token "$port" "$token"
    local healths=() mes=()
    for _ in $(seq 1 "$ROUNDS"); do
        healths+=("$(measure "$port" /healthz)")
        mes+=("$(measure "$port" /token/me -H "Authorization: Bearer $token")")
    done
    health=$(median "${healths[@]}")
    me=$(median "${mes[@]}")
    printf '%-6s GET /healthz %10s req/s   GET /token/me %10s req/s   me/healthz %s   (token %d bytes)\n' \
        "$label" "$health" "$me" "$(ratio "$me" "$health")" "${#token}"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product sessions-vs-tokens; fi

echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION on $(nproc) cores, median of $ROUNDS round(s); tokens verified/s ≈ /token/me req/s (includes the user-row read)"
run ES256
run HS256 --jwt-alg HS256 --signing-key "$TMP/hs256.key"
