#!/usr/bin/env bash
# Tunnel and bonding references side by side on the namespace testbed (issues 6 and 7), as markdown:
#   single path, one WAN: iperf3 TCP 1 and 4 streams, Mbit/s per core of tunnel CPU, ping RTT:
#     no tunnel, wireguard-go, OpenVPN AES-256-GCM, OpenVPN CHACHA20-POLY1305;
#   bonding, 2 x 50 Mbit/s tbf WANs: aggregate TCP, stall when WAN 1 goes down / is blackholed mid-transfer:
#     plain TCP (no bonding), kernel MPTCP, OpenVPN over MPTCP.
# Medians of RUNS runs. Builds what it needs; builds and removes its own testbed (namespaces named
# uniquely, every process ended by PID). Needs root and Debian's iperf3, iputils-ping, wireguard-go,
# wireguard-tools, openvpn, openssl, mptcpize (a contender whose tools are missing is listed as not run).
# Adding Braid: one line per table in e2e/src/main/java/io/braid/e2e/bench/TunnelBench.java (SINGLE_PATH, BONDS).
# Usage: sudo e2e/bench/tunnel-bench.sh [RUNS=3] [SECONDS=5] [all|single|bond]
# Bounded: about (RUNS x 50 s) + (RUNS x 60 s) with the defaults, ~6 min.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
. scripts/e2e-classpath.sh
braid_find_jdk

runs=${1:-3}
seconds=${2:-5}
sections=${3:-all}
[ "$(id -u)" = 0 ] || { echo "error: the testbed needs root (network namespaces): sudo $0 $*" >&2; exit 1; }

braid_e2e_classpath
version() { "$@" 2>&1 | head -1; }
echo "## Tunnel and bonding references: $(date -u +%FT%TZ)"
echo
echo "Command: \`sudo e2e/bench/tunnel-bench.sh $runs $seconds $sections\`"
echo
echo "Machine: $(uname -r), $(nproc) cores; $(version iperf3 --version); wireguard-go $(wireguard-go --version 2>/dev/null | awk 'NR==1{print $2}');" \
  "$(version openvpn --version | cut -d' ' -f1-2); $(version "$JAVA_HOME/bin/java" -version)"
exec timeout 1800 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$E2E_CP" io.braid.e2e.bench.TunnelBench "$runs" "$seconds" "$sections"
