#!/usr/bin/env bash
# Job-page parsing accuracy (per-field precision/recall, overall F1) and speed on the shared fixtures.
# Usage: bench/job-accuracy.sh [fixture-folder]   (default ../shared/fixtures/jobs)
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=${1:-../shared/fixtures/jobs}
./mvnw -B -q compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/classes:$(cat "$cp")" bench/JobAccuracy.java "$fixtures" 2>&1 \
  | grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) '
