#!/usr/bin/env bash
# Link emulator capacity and delay accuracy: UDP of 1,400-byte packets through one emulated WAN with
# a 10 ms delay at rising offered rates; received rate, loss, and how late packets left (p50/p99/max).
# Needs root and iperf3. Bounded: about 10 s + SECONDS per rate.
# Usage: sudo e2e/bench/linkemu-bench.sh [SECONDS=4] [MBIT... (default 150 300 500)]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
. scripts/e2e-classpath.sh
braid_find_jdk
[ "$(id -u)" = 0 ] || { echo "error: the testbed needs root (network namespaces): sudo $0 $*" >&2; exit 1; }
braid_e2e_classpath
exec timeout 600 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$E2E_CP" io.braid.e2e.bench.LinkEmulatorBench "$@"
