#!/usr/bin/env bash
# A local 3-node Candor cluster on loopback sharing one PostgreSQL:
#   the standalone embedded PostgreSQL on port 5432 (data in ./data/cluster-postgres),
#   nodes on HTTP 8000, 8001, 8002 with Pekko remoting on 7355, 7356, 7357; the first two are seed nodes.
# Logs go to ./data/cluster-logs/. Ctrl-C stops everything (the nodes leave the cluster, then PostgreSQL stops).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/candor.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
mkdir -p data/cluster-logs
pids=()
trap 'kill ${pids[@]+"${pids[@]}"} 2>/dev/null; wait' EXIT INT TERM

java -cp "$jar" dev.candor.store.EmbeddedDatabaseMain 5432 data/cluster-postgres > data/cluster-logs/postgres.log 2>&1 &
pids+=($!)
until grep -q '^DATABASE_URL=' data/cluster-logs/postgres.log; do sleep 0.2; done
export DATABASE_URL=$(sed -n 's/^DATABASE_URL=//p' data/cluster-logs/postgres.log)
export CLUSTER_SEED_NODES="pekko://candor@127.0.0.1:7355,pekko://candor@127.0.0.1:7356"

for i in 0 1 2; do
  PORT=$((8000 + i)) CLUSTER_PORT=$((7355 + i)) java -jar "$jar" > "data/cluster-logs/node-$i.log" 2>&1 &
  pids+=($!)
done
for i in 0 1 2; do
  until curl -sf "http://127.0.0.1:$((8000 + i))/ready" > /dev/null; do sleep 0.5; done
  echo "node $i ready: http://127.0.0.1:$((8000 + i))/"
done
wait
