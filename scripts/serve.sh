#!/usr/bin/env bash
# Start a local Prefect server (SQLite under .prefect/), the ft-sanitizer-pool work pool, the
# deployments of prefect.yaml and one process worker; write their PIDs to .prefect/pids.
# Stop them with scripts/stop.sh. Loopback only; nothing is downloaded.
#
# Environment (all optional):
#   FT_SANITIZER_PREFECT_PORT    server port (default 4200)
#   FT_SANITIZER_NIGHTLY_INPUT   what sanitize-nightly reads (default: data-samples/)
#   FT_SANITIZER_NIGHTLY_OUTPUT  where sanitize-nightly writes, one run folder per run (default: out/nightly/)
#   FT_SANITIZER_KEY_BLOCK       Prefect Secret block holding the Together key (default: none, so the
#                                worker's TOGETHER_API_KEY is used at upload time)
#   PREFECT_WORKER_QUERY_SECONDS how often the worker polls for runs (default 10)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
PORT="${FT_SANITIZER_PREFECT_PORT:-4200}"
STATE="$ROOT/.prefect"
PIDS="$STATE/pids"
POOL="ft-sanitizer-pool"

export PREFECT_HOME="$STATE"
export PREFECT_API_URL="http://127.0.0.1:$PORT/api"
export PREFECT_SERVER_API_HOST=127.0.0.1 PREFECT_SERVER_API_PORT="$PORT"
export PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
export PREFECT_SERVER_UI_SHOW_PROMOTIONAL_CONTENT=false
export PREFECT_LOGGING_SETTINGS_PATH="$ROOT/pipelines/logging.yml"
export FT_SANITIZER_ROOT="$ROOT"
export FT_SANITIZER_NIGHTLY_INPUT="${FT_SANITIZER_NIGHTLY_INPUT:-$ROOT/data-samples}"
export FT_SANITIZER_NIGHTLY_OUTPUT="${FT_SANITIZER_NIGHTLY_OUTPUT:-$ROOT/out/nightly}"
export FT_SANITIZER_KEY_BLOCK="${FT_SANITIZER_KEY_BLOCK:-}"

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

mkdir -p "$STATE"
if [[ -f "$PIDS" ]]; then
    while read -r role pid; do
        if alive "$pid"; then
            echo "ft-sanitizer Prefect $role already running (pid $pid); run scripts/stop.sh first" >&2
            exit 1
        fi
    done < "$PIDS"
    rm -f "$PIDS"
fi

# Started directly (no subshell, no nohup) so that $! is the server's own PID.
"$PY" -m prefect server start >>"$STATE/server.log" 2>&1 &
SERVER_PID=$!
echo "server $SERVER_PID" >"$PIDS"

echo -n "starting the Prefect server "
for _ in $(seq 1 120); do
    if "$PY" - "$PORT" <<'EOF' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/health", timeout=2).read()
EOF
    then
        echo " up"
        break
    fi
    if ! alive "$SERVER_PID"; then
        echo; echo "the Prefect server exited; see $STATE/server.log" >&2
        exit 1
    fi
    echo -n "."
    sleep 1
done
if ! "$PY" -c "import urllib.request; urllib.request.urlopen('$PREFECT_API_URL/health', timeout=2)" 2>/dev/null; then
    echo; echo "the Prefect server did not answer within 120 s; see $STATE/server.log" >&2
    exit 1
fi

if ! "$PY" -m prefect work-pool inspect "$POOL" >/dev/null 2>&1; then
    "$PY" -m prefect work-pool create "$POOL" --type process >>"$STATE/deploy.log" 2>&1
fi
# `prefect deploy` prints advice meant for other set-ups ("start a worker in a separate terminal"):
# keep it in the log and say below, once, what runs.
if ! "$PY" -m prefect --no-prompt deploy --all >>"$STATE/deploy.log" 2>&1; then
    echo "prefect deploy failed; see $STATE/deploy.log" >&2
    tail -n 20 "$STATE/deploy.log" >&2
    exit 1
fi

# scripts/worker.py, not `prefect worker start`: it stops within a second on SIGTERM (scripts/stop.sh).
"$PY" "$ROOT/scripts/worker.py" --pool "$POOL" --name ft-sanitizer-worker >>"$STATE/worker.log" 2>&1 &
WORKER_PID=$!
echo "worker $WORKER_PID" >>"$PIDS"

cat <<EOF
ft-sanitizer on Prefect is running:
  Prefect UI   http://127.0.0.1:$PORT  (API $PREFECT_API_URL)
  server       pid $SERVER_PID, SQLite in $STATE
  worker       pid $WORKER_PID, polls work pool $POOL
  deployments  sanitize-dataset/sanitize-nightly (02:00 UTC, reads $FT_SANITIZER_NIGHTLY_INPUT)
               sanitize-dataset/sanitize-on-demand (waits for a reviewer's decision in the UI)
  logs         $STATE/{server,deploy,worker}.log
Stop all of it with: make stop
EOF
