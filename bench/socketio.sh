#!/usr/bin/env bash
# Seed 000 over Socket.IO against the jar on its embedded defaults (MaryTTS, Vosk): start_interview → first
# question_audio, submit_answer (8 s WebM/Opus) → answer_analyzed (bench/SocketIoLatency.java, Java client), and a
# reconnect with connection-state recovery → the first event it missed (src/test/node/seed000-recovery.mjs, the
# Node client the seed's frontend bundles).
# Usage: bench/socketio.sh [interviews] [answers per interview] [reconnects]   (CANDOR_JAR=path: another build)
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-5}
answers=${2:-3}
reconnects=${3:-5}
jar=${CANDOR_JAR:-$PWD/target/candor.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
[ -d src/test/node/node_modules/socket.io-client ] || npm ci --prefix src/test/node --silent
cp=$(mktemp)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work" "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
port=18000

source bench/server.sh

echo "java: $(java -version 2>&1 | head -1); node: $(node --version); cores: $(nproc)"
start_server
await_speech

java -cp "target/test-classes:target/classes:$(cat "$cp")" bench/SocketIoLatency.java $port "$interviews" "$answers" 2>&1 \
  | { grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) |^[0-9:.]+ \[main\] (DEBUG|INFO)|^SLF4J' || true; }

for i in $(seq "$reconnects"); do
  (cd src/test/node && node seed000-recovery.mjs "http://127.0.0.1:$port" websocket)
done | node -e '
  const runs = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
  const p50 = (key) => { const v = runs.map((r) => r[key]).sort((a, b) => a - b); return v[Math.floor((v.length - 1) / 2)]; };
  console.log(`reconnect (recovered: ${runs.every((r) => r.seen.recovered[1])}) -> first missed event: p50 ${p50("reconnectToFirstMissedMs")} ms`
    + ` from the new connection, ${p50("dropToFirstMissedMs")} ms from the drop (client reconnection delay 200 ms ± 50 %), n=${runs.length}`);'
kill -TERM $server; wait $server || true
