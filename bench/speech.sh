#!/usr/bin/env bash
# The embedded speech engines measured in one JVM (bench/SpeechBench.java): TTS seconds per line, decode time
# per minute of audio, Vosk's real-time factor and WER, memory with every engine loaded.
# Usage: bench/speech.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat "$cp")" bench/SpeechBench.java 2>&1 | grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) '
