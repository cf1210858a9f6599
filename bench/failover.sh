#!/usr/bin/env bash
# A node killed (SIGKILL) under load: three nodes on loopback, one PostgreSQL, N OpenHire clients holding interviews
# back to back at about one answer a second and resending as a frontend does, then kill -9 of one node. Prints the
# answers lost, recorded twice or for the wrong question, and how long the killed node's interviews took to answer
# again (p50 / p99 / max), once with the youngest node killed and once with the oldest (which holds the shard
# coordinator and leads the cluster). It is the kill test of the README test command at a larger size.
# Usage: N=500 bench/failover.sh   (N: 500 by default, the test runs 150; VICTIMS="2 0" by default; builds the jar)
#        WARMUP_S=120: how long the crowd runs before the kill, so that the nodes' JIT compilers have settled as they
#        have in a busy hour (the test command kills about a minute after the nodes start); 0 is the test's timing
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500}
WARMUP_S=${WARMUP_S:-120}
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); $(date -u +%F); $N clients; warm-up ${WARMUP_S} s"
for victim in ${VICTIMS:-2 0}; do
  ./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='ClusterFailoverIT#everyInterviewFinishesExactlyOnceWhenANodeIsKilledUnderLoad' \
    -Dcandor.failover.interviews="$N" -Dcandor.failover.victim="$victim" -Dcandor.failover.warmup-seconds="$WARMUP_S" \
    >/dev/null 2>&1 \
    || { echo "node $victim killed: the run failed its checks:"; grep -h -m1 -A1 'FAILURE\|Error' \
      target/failsafe-reports/dev.candor.recovery.ClusterFailoverIT.txt | cut -c1-1500; }
  grep -h '^kill -9' target/failsafe-reports/dev.candor.recovery.ClusterFailoverIT-output.txt || true
done
