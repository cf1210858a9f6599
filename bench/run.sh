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

# Starts the jar in $work on $port; sets $server and $elapsed (ms from exec to the first 200 of GET /ready).
start_server() {
  local start end
  start=$(date +%s%N)
  (cd "$work" && exec env PORT=$port CLUSTER_PORT=17355 java -jar "$jar" >>"$work/candor.log" 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do
    kill -0 $server 2>/dev/null || { tail -40 "$work/candor.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  elapsed=$(( (end - start) / 1000000 ))
}

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
# The embedded engines load in the background after start; wait for both before timing speech.
until grep -q "JTok - loading" "$work/candor.log" && [ -f "${TMPDIR:-/tmp}/candor-vosk-model-en-us-0.3.45/.complete" ]; do sleep 0.5; done
sleep 2
java bench/VoiceLoopLatency.java $port 6
echo "node memory (resident) with MaryTTS and Vosk loaded: $(( $(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024 )) MB"
kill -TERM $server; wait $server || true
