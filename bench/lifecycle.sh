#!/usr/bin/env bash
# Seed 003's REST interview against the jar on its embedded defaults (MaryTTS, Vosk): setup-ai, /tts/generate,
# upload-video of a 30 s answer -> scored, and the last upload -> final report (bench/LifecycleLatency.java).
# Usage: bench/lifecycle.sh [interviews]
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-3}
port=18000

source bench/server.sh
prepare_client

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
start_server
await_speech

run_client bench/LifecycleLatency.java $port "$interviews"
kill -TERM $server; wait $server || true
