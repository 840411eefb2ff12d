#!/usr/bin/env bash
# Braid's main job, end to end on this machine: start braid-server on its embedded store, create an
# enrollment key, enroll a client with it, and show the client's status. Everything lives in a
# temporary directory that is removed afterwards (set BRAID_LAB_KEEP=1 to keep it).
# It grows into the bonded-tunnel lab as the tunnel and bonding land.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
braid_find_jdk

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -f server-lite/target/braid-server.jar ] || [ ! -f client-cli/target/braid.jar ] || [ -n "$(find . -path ./e2e -prune -o -name '*.java' -newer client-cli/target/braid.jar -print -quit)" ]; then
  say "Building braid-server.jar and braid.jar"
  ./mvnw -B -ntp -q -DskipTests package
fi

lab=$(mktemp -d /tmp/braid-lab.XXXXXX)
server_pid=
agent_pid=
cleanup() {
  [ -n "$agent_pid" ] && kill "$agent_pid" 2>/dev/null && wait "$agent_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  if [ -z "${BRAID_LAB_KEEP:-}" ]; then rm -rf "$lab"; else echo "kept $lab"; fi
}
trap cleanup EXIT INT TERM

port=${BRAID_LAB_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
# wait_started NAME PID LOG TENTHS CHECK...: waits until CHECK passes; stops the lab if NAME exits or is too slow.
wait_started() {
  local name=$1 pid=$2 log=$3 tenths=$4; shift 4
  for _ in $(seq 1 "$tenths"); do
    "$@" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "error: $name exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "error: $name did not start within $((tenths / 10)) s" >&2
  exit 1
}
server() { java -jar server-lite/target/braid-server.jar "$@"; }
braid() { java -jar client-cli/target/braid.jar "$@"; }

say "Starting braid-server (manager on https://127.0.0.1:$port, data in $lab/server)"
server serve --data-dir "$lab/server" --public-host 127.0.0.1 --bind 127.0.0.1 --port "$port" \
  --route 198.18.10.0/24 --role manager >"$lab/server.log" 2>&1 &
server_pid=$!
wait_started "braid-server" "$server_pid" "$lab/server.log" 300 test -f "$lab/server/server.json"

say "braid-server keys create --name lab"
server keys create --data-dir "$lab/server" --name lab | tee "$lab/key.txt"
link=$(awk '/^link: / {print $2}' "$lab/key.txt")

say "braid enroll <link>"
braid enroll "$link" --state-dir "$lab/client" --name lab-client

say "braid status (no agent running: read from the state directory)"
braid status --state-dir "$lab/client" --socket "$lab/agent.sock"

say "braid agent (the daemon that owns the tunnel; local API on $lab/agent.sock)"
braid agent --state-dir "$lab/client" --socket "$lab/agent.sock" >"$lab/agent.log" 2>&1 &
agent_pid=$!
wait_started "braid agent" "$agent_pid" "$lab/agent.log" 100 test -S "$lab/agent.sock"
say "braid status --json (answered by the agent)"
braid status --json --socket "$lab/agent.sock"

say "braid-server devices list"
server devices list --data-dir "$lab/server"

say "Done: the device enrolled and holds its own certificate, token and tunnel settings; its agent answers the local API."
