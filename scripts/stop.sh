#!/usr/bin/env bash
# Stop what scripts/serve.sh started, by the PIDs it wrote to .prefect/pids: the worker first (a
# worker whose server is gone hangs on shutdown), then the server. SIGTERM, then wait (the worker,
# scripts/worker.py, and the server both exit within about a second); a PID that no longer runs the
# process serve.sh started (reused by the system) is left alone.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PIDS="$ROOT/.prefect/pids"
WAIT_S="${FT_SANITIZER_STOP_WAIT_S:-10}"

if [[ ! -f "$PIDS" ]]; then
    echo "nothing to stop: $PIDS does not exist"
    exit 0
fi

is_ours() {  # the PID still runs what serve.sh started for this role
    local pid="$1" role="$2" pattern
    case "$role" in
        worker) pattern="scripts/worker.py" ;;
        *) pattern="prefect $role start" ;;
    esac
    [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$pattern"
}

stop_one() {
    local role="$1" pid="$2"
    if ! is_ours "$pid" "$role"; then
        echo "$role (pid $pid) is not running"
        return 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 $((WAIT_S * 10))); do
        is_ours "$pid" "$role" || { echo "stopped $role (pid $pid)"; return 0; }
        sleep 0.1
    done
    echo "$role (pid $pid) did not stop within $WAIT_S s after SIGTERM; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null
    return 1
}

status=0
for role in worker server; do
    pid="$(awk -v r="$role" '$1 == r { print $2 }' "$PIDS")"
    [[ -n "$pid" ]] && { stop_one "$role" "$pid" || status=1; }
done
rm -f "$PIDS"
exit "$status"
