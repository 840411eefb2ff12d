#!/usr/bin/env bash
# Runs the protocol-core JMH benchmarks (client-core's io.braid.core.bench) and prints, for each,
# the median of all measurement iterations and its ratio to the ceiling measured in the same run.
# Usage: scripts/bench-protocol.sh [benchmark regex]   (env: FORKS=2 ITERATIONS=5 WARMUPS=3)
# Takes about 4 minutes on 2 cores. Results: client-core/target/jmh/protocol.json and .md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
braid_find_jdk

out="$PWD/client-core/target/jmh"
mkdir -p "$out"
./mvnw -B -ntp -q -pl client-core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
cp="client-core/target/test-classes:client-core/target/classes:$(cat "$out/classpath.txt")"

"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main "${1:-io.braid.core.bench.}" \
  -f "${FORKS:-2}" -wi "${WARMUPS:-3}" -w 1s -i "${ITERATIONS:-5}" -r 1s \
  -jvmArgs "-Xms512m -Xmx512m" -rf json -rff "$out/protocol.json" | tee "$out/protocol.log" | grep -E '^(# Run progress|Benchmark|[A-Z][A-Za-z]+Benchmark)' || true

python3 - "$out/protocol.json" <<'PY' | tee "$out/protocol.md"
import json, statistics, sys
runs = json.load(open(sys.argv[1]))
rows = {}
for r in runs:
    name = r["benchmark"].rsplit(".", 2)
    key = (name[-2], name[-1], ",".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items())))
    samples = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
    rows[key] = statistics.median(samples)
# each measured benchmark and the ceiling it is compared to, in the same run
pairs = [
    ("AeadBenchmark", "braidSealOpen", "rawJdkSealOpen", "seal+open / s (1400 B)", 1, ">= 0.85 of raw"),
    ("ReplayWindowBenchmark", "checkAndMarkInOrder", "ceilingFlatBitmap", "M checks / s", 1e-6, ">= 50 M/s"),
    ("ReplayWindowBenchmark", "checkAndMarkTwoPaths", "ceilingFlatBitmap", "M checks / s", 1e-6, ">= 50 M/s"),
    ("ReorderBufferBenchmark", "offerInOrder", "ceilingCopyEachPacketOnce", "M packets / s", 1e-6, ">= 5 M/s"),
    ("ReorderBufferBenchmark", "offerTwoPaths", "ceilingCopyEachPacketOnce", "M packets / s", 1e-6, ">= 5 M/s"),
    ("ReedSolomonBenchmark", "encode", "ceilingXorParity", "MB / s of data", 0.014, ">= 500 MB/s"),
    ("ReedSolomonBenchmark", "decodeThreeLost", "ceilingXorParity", "MB / s of data", 0.014, ">= 500 MB/s"),
]
print("| benchmark | params | median | ceiling (same run) | ratio | unit | goal |")
print("|---|---|---:|---:|---:|---|---|")
for cls, bench, ceiling, unit, scale, goal in pairs:
    for (c, b, params), v in sorted(rows.items()):
        if c != cls or b != bench:
            continue
        ref = rows.get((c, ceiling, params))
        ratio = f"{v / ref:.2f}" if ref else "n/a"
        print(f"| {cls}.{bench} | {params or '-'} | {v * scale:,.1f} | {ceiling}: {ref * scale:,.1f} | {ratio} | {unit} | {goal} |")
PY
