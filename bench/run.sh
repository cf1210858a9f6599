#!/usr/bin/env bash
# Candor benchmarks: start-to-ready times, candidate_response → ai_response latency, and the voice loop's
# start_interview → greeting audio (synthesised, then cached).
# Usage: bench/run.sh [interviews]   (builds target/candor.jar first if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-20}
jar=$PWD/target/candor.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=18000

source bench/server.sh

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
start_server
echo "start to /ready, embedded PostgreSQL, empty ./data (initdb + migrations): $elapsed ms"
kill -TERM $server; wait $server || true
start_server
echo "start to /ready, embedded PostgreSQL, existing ./data:                    $elapsed ms"
kill -KILL $server; wait $server 2>/dev/null || true
start_server
echo "start to /ready after kill -9 (leftover PostgreSQL stopped first):       $elapsed ms"

java bench/InterviewLatency.java $port "$interviews"
await_speech
java bench/VoiceLoopLatency.java $port 6
echo "node memory (resident) with MaryTTS and Vosk loaded: $(( $(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024 )) MB"
kill -TERM $server; wait $server || true
