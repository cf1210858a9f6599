#!/usr/bin/env bash
# What a second node costs an answer. The same paced load (default 200 interviews at ~1 answer/s each, OpenHire
# contract, through the load generator of ../shared/peers) on one node, then on two nodes of one cluster with every
# client connected to the first: sharding places about half of the sessions on the other node, so half the answers
# cross to it and back (the command, the reply and the session's update to the connection). Both runs share one
# standalone embedded PostgreSQL. The load is well below saturation, so what differs is the hop, not queueing.
#
# Prints, per run: answers/s, answer round trip (mean, p50, p99) and CPU per answer (nodes and PostgreSQL), paced
# and then in a closed loop (100 connections, no pause: there the nodes' own background, a second JVM's JIT and
# gossip, weighs least per answer); then a remote answer's extra time and CPU, taken as twice the differences (half
# the answers are remote).
#
# Usage: bench/cluster-hop.sh      Env: N (default 200)  DURATION (s, default 30)  WARMUP_S (s, default 30)
#                                        RESULTS (default target/cluster-hop)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=$root/target/candor.jar
peers=$root/target/peers
results=${RESULTS:-$root/target/cluster-hop}
N=${N:-200}
DURATION=${DURATION:-30}
WARMUP_S=${WARMUP_S:-30}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
mkdir -p "$results"
if [ ! -f "$peers/node_modules/ws/package.json" ]; then
  rm -rf "$peers"; cp -r ../shared/peers "$peers"
  (cd "$peers" && npm ci --silent --no-audit --no-fund)
fi

work=$(mktemp -d /tmp/candor-hop.XXXX)
pids=()
trap 'kill ${pids[@]+"${pids[@]}"} 2>/dev/null || true; wait 2>/dev/null; rm -rf "$work"' EXIT

java -cp "$jar" dev.candor.store.EmbeddedDatabaseMain 15499 "$work/pg" > "$work/pg.log" 2>&1 &
pids+=($!)
until grep -q '^DATABASE_URL=' "$work/pg.log"; do sleep 0.2; done
export DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' "$work/pg.log")
export CLUSTER_SEED_NODES="pekko://candor@127.0.0.1:17455"
pg=$(head -1 "$work/pg/postmaster.pid")

# start_node <index>: HTTP on 18200+i, remoting on 17455+i; the first node is the seed. Sets $node.
start_node() {
  local i=$1
  mkdir -p "$work/node-$i"
  (cd "$work/node-$i" && exec env PORT=$((18200 + i)) CLUSTER_PORT=$((17455 + i)) java -XX:+UseG1GC -jar "$jar" \
    > "$results/node-$i.log" 2>&1) &
  node=$!
  pids+=("$node")
  until curl -sf "http://127.0.0.1:$((18200 + i))/ready" > /dev/null; do
    kill -0 "$node" 2>/dev/null || { tail -40 "$results/node-$i.log"; exit 1; }
    sleep 0.3
  done
}

# loadgen <label> <interviews> <think ms> <seconds> <server pids>: one load generator run against the first node.
loadgen() {
  timeout $(($4 + 120)) node "$peers/loadgen.js" --proto openhire --url http://127.0.0.1:18200 --n "$2" \
    --think-ms "$3" --duration "$4" --grace 20 --audio-ratio 0 --server-pid "$5" --label "$1" \
    --out "$results/$1.json" | tail -1
}

# run <label> <server pids>: a closed-loop warm-up (the JIT of every node the sessions reach), the paced load, then
# the closed loop.
run() {
  loadgen "$1-warmup" 50 0 "$WARMUP_S" "$2" > /dev/null
  loadgen "$1" "$N" 1000 "$DURATION" "$2"
  loadgen "$1-closed" 100 0 "$DURATION" "$2"
}

echo "== one node"
start_node 0
first=$node
run one-node "$first,$pg"
kill "$first"; wait "$first" 2>/dev/null || true

echo "== two nodes, every client on the first"
start_node 0
first=$node
start_node 1
second=$node
run two-nodes "$first,$second,$pg"

node - "$results" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const read = label => JSON.parse(fs.readFileSync(`${dir}/${label}.json`, 'utf8'));
const rows = ['one-node', 'two-nodes', 'one-node-closed', 'two-nodes-closed'].map(label => {
  const r = read(label);
  const cpuMs = r.server.cpu_pct_window * 10 / r.answers_per_s;
  return { label, r, cpuMs };
});
console.log('\n| run | answers/s | round trip mean / p50 / p99 ms | CPU ms per answer (nodes + PostgreSQL) | failed |');
console.log('|---|---|---|---|---|');
for (const { label, r, cpuMs } of rows) {
  console.log(`| ${label} | ${r.answers_per_s} | ${r.rtt_ms.mean.toFixed(2)} / ${r.rtt_ms.p50} / ${r.rtt_ms.p99} | ` +
    `${cpuMs.toFixed(2)} | ${r.sessions_failed} |`);
}
const [one, two, oneClosed, twoClosed] = rows;
console.log(`\nA remote answer, against a local one (twice the differences: half the answers cross): ` +
  `+${(2 * (two.r.rtt_ms.mean - one.r.rtt_ms.mean)).toFixed(2)} ms round trip paced; ` +
  `+${(2 * (twoClosed.cpuMs - oneClosed.cpuMs)).toFixed(2)} ms CPU in the closed loop ` +
  `(+${(2 * (two.cpuMs - one.cpuMs)).toFixed(2)} paced, where the second node's background weighs more).`);
JS
