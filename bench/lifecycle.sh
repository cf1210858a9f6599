#!/usr/bin/env bash
# Seed 003's REST interview against the jar on its embedded defaults (MaryTTS, Vosk): setup-ai, /tts/generate,
# upload-video of a 30 s answer -> scored, and the last upload -> final report (bench/LifecycleLatency.java).
# Usage: bench/lifecycle.sh [interviews]
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-3}
jar=$PWD/target/candor.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
cp=$(mktemp)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work" "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
port=18000

source bench/server.sh

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
start_server
await_speech

java -cp "target/test-classes:target/classes:$(cat "$cp")" bench/LifecycleLatency.java $port "$interviews" 2>&1 \
  | { grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) |^[0-9:.]+ \[main\] (DEBUG|INFO)|^SLF4J' || true; }
kill -TERM $server; wait $server || true
