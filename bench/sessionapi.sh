#!/usr/bin/env bash
# Seed 004 against the jar on its embedded defaults: answer -> score_update over whole interviews, then how far the
# 30 s time_remaining ticks drift over a long interview (bench/SessionApiLatency.java).
# Usage: bench/sessionapi.sh [interviews] [clock minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-3}
minutes=${2:-10}
port=18000
# The held interview must outlast the measurement.
export SESSIONAPI_DURATION=$((minutes + 2))m

source bench/server.sh
prepare_client

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc)"
start_server

run_client bench/SessionApiLatency.java $port "$interviews" "$minutes"
kill -TERM $server; wait $server || true
