#!/usr/bin/env bash
# Answer-judge accuracy on the shared fixtures' real answers: good over bad (all pairs, same length band,
# the sources' own pairs), STAR agreement per flag, filler counts exact, rank correlation with word count,
# determinism and CPU per answer, for the rules alone and with the embedding model's relevance blend.
# Usage: bench/judge-accuracy.sh [answers.jsonl]   (default ../shared/fixtures/answers/answers.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
answers=${1:-../shared/fixtures/answers/answers.jsonl}
./mvnw -B -q compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat "$cp")" bench/JudgeAccuracy.java "$answers" 2>&1 | grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) '
