#!/usr/bin/env bash
# The audio decoder on ffmpeg-made recordings (libopus WebM/Ogg/MP4, AAC in fragmented and plain MP4, 44.1 kHz
# stereo WAV): each decoded and transcribed, WER per format (bench/CodecCheck.java). Installs ffmpeg if missing.
# Usage: bench/codecs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ffmpeg >/dev/null || apt-get install -y -q --no-install-recommends ffmpeg >/dev/null
./mvnw -B -q test-compile
cp=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$cp" "$work"' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
run() { java -cp "target/classes:target/test-classes:$(cat "$cp")" bench/CodecCheck.java "$@" 2>&1 \
  | { grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) |^[0-9:.]+ \[main\] (DEBUG|INFO)' || true; }; }
run prepare "$work"
for i in 0 1 2 3; do
  a="$work/a$i"
  ffmpeg -loglevel error -y -i "$a.wav" -c:a libopus -b:a 32k -ac 1 -f webm -live 1 "$a.webm"
  ffmpeg -loglevel error -y -i "$a.wav" -c:a libopus -b:a 24k -f ogg "$a.ogg"
  ffmpeg -loglevel error -y -i "$a.wav" -c:a libopus -b:a 32k -f mp4 -movflags frag_keyframe+empty_moov+default_base_moof "$a.opusmp4"
  ffmpeg -loglevel error -y -i "$a.wav" -c:a aac -b:a 64k -f mp4 -movflags frag_keyframe+empty_moov+default_base_moof "$a.fmp4"
  ffmpeg -loglevel error -y -i "$a.wav" -c:a aac -b:a 64k -f mp4 "$a.m4a"
  ffmpeg -loglevel error -y -i "$a.wav" -ar 44100 -ac 2 -f wav "$a.s44wav"
done
run measure "$work" wav s44wav webm ogg opusmp4 fmp4 m4a
