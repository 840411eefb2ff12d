#!/usr/bin/env bash
# TUN device benchmark (issue 5): packets/s and MB/s one thread moves through a Linux TUN with
# Braid's Java device, side by side in the same run with the same loop in C.
# Loop: write an ICMP echo request addressed to the TUN's own address, read the kernel's reply.
# Needs root (a network namespace and a TUN), gcc and JDK 25. Bounded: about 45 s.
# Usage: sudo scripts/bench-tun.sh [SECONDS_PER_RUN (default 4)] [ROUNDS (default 2)]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
braid_find_jdk

SECONDS_PER_RUN=${1:-4}
ROUNDS=${2:-2}
WARMUP=1
SIZES="64 1400"
NS="bbench$RANDOM"
TUN=braidb
LOCAL=100.96.250.1
PEER=100.96.250.2
WORK=$(mktemp -d)

cleanup() {
  ip netns delete "$NS" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

gcc -O2 -Wall -Wextra -o "$WORK/tun_pingpong" scripts/bench/tun_pingpong.c
./mvnw -B -ntp -q -pl client-core test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp" -Dmdep.includeScope=test >/dev/null
CP="client-core/target/classes:client-core/target/test-classes:$(cat "$WORK/cp")"

ip netns add "$NS"
ip -n "$NS" link set lo up
# A persistent TUN both programs attach to, configured once: the same device for both.
ip -n "$NS" tuntap add dev "$TUN" mode tun
ip netns exec "$NS" sysctl -q -w "net.ipv6.conf.$TUN.disable_ipv6=1"
ip -n "$NS" address add "$LOCAL/30" dev "$TUN"
ip -n "$NS" link set "$TUN" up

run() { # impl size -> one result line
  case $1 in
    c) timeout 60 ip netns exec "$NS" "$WORK/tun_pingpong" "$TUN" "$SECONDS_PER_RUN" "$WARMUP" "$2" "$LOCAL" "$PEER" ;;
    java) timeout 60 ip netns exec "$NS" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" \
            io.braid.core.tun.linux.TunPingPongBenchmark "$TUN" "$SECONDS_PER_RUN" "$WARMUP" "$2" "$LOCAL" "$PEER" ;;
  esac
}

echo "# $(date -u +%FT%TZ) $(uname -r), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(gcc --version | head -1)"
for size in $SIZES; do
  for round in $(seq "$ROUNDS"); do
    run c "$size" | tee -a "$WORK/results"
    run java "$size" | tee -a "$WORK/results"
  done
done

echo
echo "| packet bytes | C packets/s | Java packets/s | C MB/s | Java MB/s | Java/C |"
echo "|---:|---:|---:|---:|---:|---:|"
awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    key = f["bytes_per_packet"]; impl = f["impl"]
    pps[key, impl] += f["pps"]; mbps[key, impl] += f["MBps"]; n[key, impl]++; sizes[key] = 1 }
  END {
    for (s in sizes) {
      cp = pps[s, "c"] / n[s, "c"]; jp = pps[s, "java"] / n[s, "java"]
      cm = mbps[s, "c"] / n[s, "c"]; jm = mbps[s, "java"] / n[s, "java"]
      printf "| %s | %.0f | %.0f | %.1f | %.1f | %.0f%% |\n", s, cp, jp, cm, jm, 100 * jp / cp
    }
  }' "$WORK/results" | sort -t'|' -k2 -n
