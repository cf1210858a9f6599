#!/usr/bin/env bash
# One command to run Candor: builds target/candor.jar when it is missing or older than the sources, then
# serves http://localhost:8000 with the embedded defaults (PostgreSQL under ./data, offline interviewer,
# a single-node cluster). Settings come from the environment (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
jar=target/candor.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests
fi
# G1 on any machine: below 2 CPUs or 1792 MB the JVM would pick the serial collector, which stops every interview
# for each collection. Its pauses are logged to logs/gc.log; JAVA_OPTS comes last, so it can change either.
mkdir -p logs
exec java -XX:+UseG1GC -Xlog:gc:file=logs/gc.log:time,uptime:filecount=5,filesize=10m ${JAVA_OPTS:-} -jar "$jar"
