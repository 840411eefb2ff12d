#!/usr/bin/env bash
# Enrollment benchmark (issue 3): enrollments/s and latency percentiles with 50 concurrent clients
# against braid-server on its embedded SQLite store, next to a TLS-handshake reference in the same run.
# Usage: scripts/bench-enroll.sh [TOTAL=2000] [CONCURRENCY=50]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
braid_find_jdk
total=${1:-2000}
concurrency=${2:-50}
./mvnw -B -ntp -q -DskipTests -pl e2e -am package
cp=$(./mvnw -B -ntp -q -pl e2e dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
exec java -cp "e2e/target/classes:$cp" io.braid.e2e.bench.EnrollmentBench server-lite/target/braid-server.jar "$total" "$concurrency"
