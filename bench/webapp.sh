#!/usr/bin/env bash
# Candor's web app in Debian's Chromium against the jar on its embedded defaults (bench/WebAppTiming.java): the
# page's weight as the browser transferred it, and, over whole typed interviews, the time from sending the last
# answer to the report on screen.
# Usage: bench/webapp.sh [interviews]
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-3}
port=18000
export SE_OFFLINE=true SE_AVOID_STATS=true

source bench/server.sh
prepare_client

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); $(chromium --version)"
start_server
run_client bench/WebAppTiming.java $port "$interviews"
kill -TERM $server; wait $server || true
