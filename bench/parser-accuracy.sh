#!/usr/bin/env bash
# Parser accuracy (per-field precision/recall, overall F1) and speed on the shared fixtures.
# Usage: bench/parser-accuracy.sh resume|job [fixture-folder]   (default ../shared/fixtures/resumes or jobs)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  resume) program=bench/ResumeAccuracy.java; fixtures=${2:-../shared/fixtures/resumes}
          # the resume run compares PDF extraction with poppler's pdftotext
          command -v pdftotext >/dev/null || apt-get install -y -q poppler-utils >/dev/null ;;
  job)    program=bench/JobAccuracy.java; fixtures=${2:-../shared/fixtures/jobs} ;;
  *)      echo "usage: $0 resume|job [fixture-folder]" >&2; exit 2 ;;
esac
./mvnw -B -q compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat "$cp")" "$program" "$fixtures" 2>&1 | grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) '
