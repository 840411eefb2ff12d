#!/usr/bin/env bash
# Fuzzes each protocol parser with Jazzer (coverage-guided) for longer than the build does.
# Usage: scripts/fuzz-protocol.sh [seconds per target, default 300] [target...]
# Targets: unauthenticatedDatagrams authenticatedHostileBodies bodyParsers (all by default).
# The corpus grows in client-core/.cifuzz-corpus/ (ignored by git); a finding is saved under
# client-core/src/test/resources/io/braid/core/protocol/fuzz/ProtocolFuzzTestInputs/<target>/
# and from then on replayed by every build: commit it with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
braid_find_jdk

seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(unauthenticatedDatagrams authenticatedHostileBodies bodyParsers)

for t in "${targets[@]}"; do
  echo "== fuzzing $t for ${seconds}s"
  # Jazzer fuzzes one @FuzzTest per JVM; JAZZER_MAX_DURATION overrides the annotation's 5 s.
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" ./mvnw -B -ntp -q -pl client-core surefire:test \
    -Dtest="ProtocolFuzzTest#$t" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
    | grep -aE '^(#[0-9]+ +DONE|Done [0-9]+ runs|== |.*(FAIL|Finding|ERROR|Tests run))' || true
done
