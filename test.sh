#!/usr/bin/env bash
# Runs Braid's whole test suite: unit, integration and (as root) the namespace end-to-end tests.
# Usage: ./test.sh [extra maven arguments]
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
braid_find_jdk
exec ./mvnw -B -ntp verify "$@"
