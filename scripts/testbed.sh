#!/usr/bin/env bash
# Braid's end-to-end testbed for humans: the namespaces, WAN links and link emulator the e2e tests use,
# kept up in the background so you can run a tunnel, iperf3 or a browser-less curl through it.
#
#   sudo scripts/testbed.sh up [WAN_SPEC...]   build it: 1-3 WANs, e.g. rate=50,delay=20,jitter=5,reorder,loss=1
#                                              (plain = a bare veth; emulated = through the emulator, no delay yet)
#   sudo scripts/testbed.sh status             namespaces, addresses, every WAN's settings
#   sudo scripts/testbed.sh ctl COMMAND...     change it live, e.g.  ctl wan 1 delay 40 | ctl wan 2 outage 1500
#                                              | ctl wan 1 cut blackhole | ctl wan 1 restore | ctl stats | ctl help
#   sudo scripts/testbed.sh exec NODE CMD...   run CMD in client|router|headend|lan, e.g.  exec client ping 198.18.100.2
#   sudo scripts/testbed.sh down               remove everything (processes by PID, namespaces, files)
#
# Addresses: client wanN 198.18.N.2 (gateway .1); headend public 198.18.100.2; LAN host 198.18.10.2 behind
# the headend (unreachable from the client without a tunnel). One testbed per state directory
# ($BRAID_TESTBED_DIR, default /run/braid-testbed); its Java process hosts the link emulators.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BRAID_TESTBED_DIR:-/run/braid-testbed}
MAIN=io.braid.e2e.testbed.control.TestbedCli

die() { echo "error: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "the testbed needs root (network namespaces): sudo $0 $*"
running() { [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; }
cli() {
  [ -f "$DIR/java" ] || die "no testbed is up in $DIR (sudo $0 up)"
  "$(cat "$DIR/java")" --enable-native-access=ALL-UNNAMED -cp "$(cat "$DIR/classpath")" "$MAIN" "$@"
}

up() {
  running && die "a testbed is already up in $DIR (pid $(cat "$DIR/pid")); take it down first or set BRAID_TESTBED_DIR"
  . scripts/jdk.sh
  . scripts/e2e-classpath.sh
  braid_find_jdk
  braid_e2e_classpath
  rm -rf "$DIR" && mkdir -p -m 700 "$DIR"
  printf '%s\n' "$E2E_CP" >"$DIR/classpath"
  printf '%s\n' "$JAVA_HOME/bin/java" >"$DIR/java"
  nohup "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$E2E_CP" "$MAIN" serve "$DIR" "$@" >"$DIR/log" 2>&1 &
  echo $! >"$DIR/pid"
  for _ in $(seq 1 600); do
    [ -f "$DIR/status" ] && { cat "$DIR/status"; return 0; }
    running || { cat "$DIR/log" >&2; rm -rf "$DIR"; die "the testbed did not come up"; }
    sleep 0.1
  done
  down; die "the testbed did not come up within 60 s"
}

down() {
  [ -f "$DIR/pid" ] || { echo "no testbed in $DIR"; return 0; }
  local pid; pid=$(cat "$DIR/pid")
  running && { cli send "$DIR" down >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true; }
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "the testbed process $pid did not stop; killing it and removing its namespaces" >&2
    kill -KILL "$pid" 2>/dev/null || true
    [ -f "$DIR/namespaces" ] && awk '{print $2}' "$DIR/namespaces" | xargs -r -n1 ip netns delete 2>/dev/null || true
  fi
  rm -rf "$DIR"
  echo "testbed down"
}

case ${1:-} in
  up) shift; up "$@" ;;
  down) down ;;
  status) running || die "no testbed is up in $DIR"; cli send "$DIR" status ;;
  ctl) shift; running || die "no testbed is up in $DIR"; cli send "$DIR" "$@" ;;
  exec)
    [ $# -ge 3 ] || die "usage: $0 exec client|router|headend|lan COMMAND..."
    ns=$(awk -v n="$2" '$1 == n {print $2}' "$DIR/namespaces" 2>/dev/null || true)
    [ -n "$ns" ] || die "no node '$2' in a testbed in $DIR (client, router, headend, lan)"
    shift 2; exec ip netns exec "$ns" "$@" ;;
  *) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
