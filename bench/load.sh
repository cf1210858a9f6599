#!/usr/bin/env bash
# Load on one node, side by side with the seeds' stacks: Candor (OpenHire contract over its WebSocket) against
# the Node `ws` and FastAPI native WebSocket peers of ../shared/peers (canned replies), driven by the same load
# generator on the same machine in one invocation. Prints, per server: interviews held at answer p99 <= 100 ms
# (~1 answer/s each), the closed-loop ceiling, CPU per answer, memory per held interview, Candor's start latency,
# its open interviews at one answer a minute (p99 and live heap per interview, by class histogram), and where
# Candor's CPU went under the closed loop (flight recording, top frames per thread pool).
#
# Usage: bench/load.sh            (builds target/candor.jar first if it is missing)
# Env:   CANDOR_JAR (default target/candor.jar)   CANDOR_JAVA_OPTS (JVM options for Candor, default -XX:+UseG1GC)
#        NS (held interviews to try, default 100,500,1000,2000,4000)   PEER_NS (for the peers, default NS)
#        PEERS (default node-ws,py-ws; empty = Candor only)   DURATION (s per run, default 20)
#        CLOSED_N (connections of the closed loop, default 100)   JFR_S (s recorded, default 12)
#        WARMUP_S (s of unrecorded closed-loop load after Candor starts, for the JIT; default 30)
#        OPEN_N (open interviews at one answer a minute, default 20000, at most the open-file limit less 1000;
#        0 skips)   OPEN_RAMP (s over which they start, default OPEN_N/100)
#        RESULTS (default target/load)   CANDOR=0 runs the peers only (adding to RESULTS)
# Everything is on loopback, every run is bounded by the load generator's own deadline and by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=${CANDOR_JAR:-$root/target/candor.jar}
# The collector run.sh and the container image choose (G1 whatever the machine's size), unless told otherwise.
java_opts=${CANDOR_JAVA_OPTS:--XX:+UseG1GC}
NS=${NS:-100,500,1000,2000,4000}
PEER_NS=${PEER_NS:-$NS}
PEERS=${PEERS-node-ws,py-ws}
DURATION=${DURATION:-20}
CLOSED_N=${CLOSED_N:-100}
JFR_S=${JFR_S:-12}
WARMUP_S=${WARMUP_S:-30}
OPEN_N=${OPEN_N:-20000}
OPEN_RAMP=${OPEN_RAMP:-}
results=${RESULTS:-$root/target/load}
peers=$root/target/peers
port=18100

[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
[ "${CANDOR:-1}" = 1 ] && rm -rf "$results"; mkdir -p "$results"
# Tens of thousands of sockets on both ends of loopback: each process needs a descriptor per connection.
ulimit -n "$(ulimit -Hn)"
if [ "$OPEN_N" -gt $(( $(ulimit -n) - 1000 )) ]; then
  echo "open files are limited to $(ulimit -n) per process here: $OPEN_N open interviews cut to $(( $(ulimit -n) - 1000 ))"
  OPEN_N=$(( $(ulimit -n) - 1000 ))
fi

# The load generator and peers are read from ../shared/peers, copied so that their npm install stays ours.
if [ ! -f "$peers/node_modules/ws/package.json" ]; then
  rm -rf "$peers"; cp -r ../shared/peers "$peers"
  (cd "$peers" && npm ci --silent --no-audit --no-fund)
fi
# Debian's python3-* packages live in the system interpreter; a pyenv or venv python3 earlier on PATH lacks them.
python_with_peers() {
  for py in $(which -a python3); do
    "$py" -c 'import socketio, fastapi, uvicorn, websockets, uvloop' 2>/dev/null && { echo "$py"; return; }
  done
}
if [[ ",$PEERS," == *,py-ws,* ]] && [ -z "$(python_with_peers)" ]; then
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    python3-fastapi python3-uvicorn python3-socketio python3-engineio python3-websockets python3-uvloop python3-httptools >/dev/null
fi

server=; pg=; work=
stop_candor() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  if [ -n "$work" ] && [ -s "$work/data/postgres/postmaster.pid" ]; then
    local p; p=$(head -1 "$work/data/postgres/postmaster.pid")
    kill -0 "$p" 2>/dev/null && kill -TERM "$p" 2>/dev/null || true
  fi
  [ -n "$work" ] && cp "$work/candor.log" "$results/candor-$(date +%s).log" 2>/dev/null; rm -rf "$work"
  server=; pg=; work=
}
trap 'stop_candor; kill $(jobs -p) 2>/dev/null || true' EXIT

# A fresh node in a fresh folder (its own embedded PostgreSQL), ready when /ready answers 200; its collector's
# pauses are logged to $results/candor-gc-<name>.log.
start_candor() {
  work=$(mktemp -d /tmp/candor-load.XXXX)
  (cd "$work" && exec env PORT=$port CLUSTER_PORT=17356 java $java_opts -Xlog:gc:file="$results/candor-gc-$1.log":uptime \
    -jar "$jar" >"$work/candor.log" 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do
    kill -0 "$server" 2>/dev/null || { tail -40 "$work/candor.log"; exit 1; }
    sleep 0.2
  done
  pg=$(head -1 "$work/data/postgres/postmaster.pid")
}

# loadgen <label> <proto> <port> <n> <think-ms> <duration> <server pids> [more loadgen options]
loadgen() {
  local label=$1 proto=$2 p=$3 n=$4 think=$5 dur=$6 pids=$7; shift 7
  timeout $((dur + 120)) node "$peers/loadgen.js" --proto "$proto" --url "http://127.0.0.1:$p" --n "$n" \
    --think-ms "$think" --duration "$dur" --grace 20 --audio-ratio 0 --server-pid "$pids" \
    --label "$label" --out "$results/$label.json" "$@" | tail -2
}

heap_bytes() { jcmd "$server" GC.class_histogram | awk '/^Total/ {print $3}'; }

echo "java: $(java -version 2>&1 | head -1); node: $(node --version); cores: $(nproc); $(date -u +%F)"

if [ "${CANDOR:-1}" = 1 ]; then
echo "== Candor: the closed loop at $CLOSED_N, paced (~1 answer/s per interview) at $NS, the closed loop again with a flight recording"
start_candor closed
loadgen candor-warmup openhire $port 50 0 "$WARMUP_S" "$server,$pg" >/dev/null
loadgen candor-closed openhire $port "$CLOSED_N" 0 "$DURATION" "$server,$pg"
# The sweep before the recording: a node runs slower for a while after one (measured: p99 at 100 held went
# from 32-48 ms to 173 ms right after it).
for n in ${NS//,/ }; do
  loadgen "candor-paced-$n" openhire $port "$n" 1000 "$DURATION" "$server,$pg"
done
# Let the highest load of the sweep drain before the recording.
sleep 20
# Profiled apart from the measured runs: a flight recording with these settings slows the node down. CPU per
# thread comes from the kernel as well, since a recording samples threads that wait for a core as if they ran.
(sleep 4; jcmd "$server" JFR.start name=load settings=profile duration="${JFR_S}s" filename="$results/candor.jfr" >/dev/null) &
recorder=$!
# (A thread may end between the listing and the read: cat then complains about that one and goes on.)
(sleep 4; cat /proc/"$server"/task/*/stat > "$results/candor-threads-before.txt" 2>/dev/null || true
 sleep "$JFR_S"; cat /proc/"$server"/task/*/stat > "$results/candor-threads-after.txt" 2>/dev/null || true) &
sampler=$!
loadgen candor-profiled openhire $port "$CLOSED_N" 0 $((JFR_S + 8)) "$server,$pg" >/dev/null
wait $recorder $sampler
jfr print --stack-depth 64 --json --events jdk.ExecutionSample "$results/candor.jfr" > "$results/candor-samples.json"
stop_candor

if [ "$OPEN_N" -gt 0 ]; then
  # Two fresh nodes: one for the answers' latency, one for the heap. A class histogram stops the node for a full
  # collection and a walk over every object (over a second with ~1 GB live), which would be the run's p99.
  ramp=${OPEN_RAMP:-$(( OPEN_N / 100 > 10 ? OPEN_N / 100 : 10 ))}
  # Started at about 100 a second (what one node starts comfortably); each answers 45-75 s after its start.
  open_run() {
    loadgen "$1" openhire $port "$OPEN_N" 60000 $((ramp + 75)) "$server,$pg" --timeout-ms 60000 --ramp "$ramp"
  }
  echo "== Candor: $OPEN_N open interviews, one answer a minute each: latency, then live heap by class histogram"
  start_candor open-latency
  loadgen candor-warmup-open openhire $port 50 0 10 "$server,$pg" >/dev/null
  open_run "candor-open-$OPEN_N"
  stop_candor
  start_candor open-heap
  loadgen candor-warmup-heap openhire $port 50 0 10 "$server,$pg" >/dev/null
  before=$(heap_bytes)
  open_run "candor-open-heap-$OPEN_N" >/dev/null &
  gen=$!
  # Every interview has started; the first ones have answered once.
  sleep $((ramp + 5))
  after=$(heap_bytes)
  wait $gen || echo "the load generator failed: see above"
  echo "{\"n\": $OPEN_N, \"before\": $before, \"after\": $after}" > "$results/candor-heap.json"
  stop_candor
fi
fi

for peer in ${PEERS//,/ }; do
  case "$peer" in
    node-ws) cmd=(node "$peers/node_ws_peer.js" --mode interview --port 8103) ;;
    py-ws) cmd=("$(python_with_peers)" "$peers/py_peer.py" --port 8103) ;;
    *) echo "unknown peer $peer"; exit 2 ;;
  esac
  echo "== $peer: paced at $PEER_NS, closed loop at $CLOSED_N"
  for n in ${PEER_NS//,/ } closed; do
    "${cmd[@]}" >"$results/$peer.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:8103/health" && break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null || { cat "$results/$peer.log"; exit 1; }
    if [ "$n" = closed ]; then
      loadgen "$peer-closed" ws 8103 "$CLOSED_N" 0 "$DURATION" "$pid"
    else
      loadgen "$peer-paced-$n" ws 8103 "$n" 1000 "$DURATION" "$pid"
    fi
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done

node bench/load-report.js "$results" | tee "$results/report.md"
