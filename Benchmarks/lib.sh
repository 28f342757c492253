# Helpers shared by the benchmark scripts; sourced, not run.

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits up to 10 s until GET /healthz on the port answers 2xx; exits the script otherwise.
wait_for_health() {
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "nothing healthy on port $1" >&2
    exit 1
}
