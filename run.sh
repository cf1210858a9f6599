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
exec java ${JAVA_OPTS:-} -jar "$jar"
