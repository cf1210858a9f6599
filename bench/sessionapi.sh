#!/usr/bin/env bash
# Seed 004 against the jar on its embedded defaults: answer -> score_update over whole interviews, then how far the
# 30 s time_remaining ticks drift over a long interview (bench/SessionApiLatency.java).
# Usage: bench/sessionapi.sh [interviews] [clock minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-3}
minutes=${2:-10}
jar=$PWD/target/candor.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
cp=$(mktemp)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work" "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
port=18000
# The held interview must outlast the measurement.
export SESSIONAPI_DURATION=$((minutes + 2))m

source bench/server.sh

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
start_server

java -cp "target/test-classes:target/classes:$(cat "$cp")" bench/SessionApiLatency.java $port "$interviews" "$minutes" 2>&1 \
  | { grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) |^[0-9:.]+ \[main\] (DEBUG|INFO)|^SLF4J' || true; }
kill -TERM $server; wait $server || true
