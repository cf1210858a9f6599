#!/usr/bin/env bash
# Spoken turns over seed 001's voice loop against the jar on its embedded defaults (Vosk, MaryTTS): from the last
# byte of the candidate's recording sent to the first byte of the interviewer's reply audio, split into the steps
# the node reports (bench/VoiceTurnLatency.java), with a flight recording of the node's own speech steps and
# session tasks for each phase. Answers are spoken by flite (not Candor's voice) and encoded by ffmpeg as a
# browser would send them: WebM/Opus 32 kb/s (Chrome, Firefox) and fragmented MP4/AAC 64 kb/s (Safari).
# Phases: the first interviews after a start, one at a time (8 s answers); 60 s answers; then CONCURRENT at once.
# Usage: bench/voice-latency.sh [interviews] [answers per interview] [concurrent]   (needs flite, ffmpeg)
# CANDOR_JAR=path runs another build of the jar (an older commit, to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
interviews=${1:-5}
answers=${2:-4}
concurrent=${3:-10}
command -v flite >/dev/null && command -v ffmpeg >/dev/null || { echo "needs flite and ffmpeg (apt-get install flite ffmpeg)"; exit 1; }
source bench/server.sh
jar=${CANDOR_JAR:-$PWD/target/candor.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=18000

# flite's voice at 16 kHz, then as a browser's MediaRecorder would upload it.
encode() {
  ffmpeg -nostdin -loglevel error -i "$1.wav" -ar 48000 -ac 1 -c:a libopus -b:a 32k -live 1 "$1.webm"
  ffmpeg -nostdin -loglevel error -i "$1.wav" -ar 44100 -ac 1 -c:a aac -b:a 64k -movflags frag_keyframe+empty_moov "$1.mp4"
}
n=0
while IFS= read -r line; do
  n=$((n + 1))
  flite -t "$line" -o "$work/short$n.wav"
  encode "$work/short$n"
done < bench/answers.txt
long_text=$(tr '\n' ' ' < bench/answers.txt)
flite -t "$long_text $long_text $long_text" -o "$work/long-full.wav"
ffmpeg -nostdin -loglevel error -i "$work/long-full.wav" -t 60 "$work/long.wav"
encode "$work/long"
seconds() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); answers: $(for f in "$work"/short*.wav; do printf '%.1f s ' "$(seconds "$f")"; done)and $(printf '%.1f' "$(seconds "$work/long.wav")") s"
# Each recording as FILE=SECONDS: the client waits that long before sending it, as the candidate speaks.
take() { for f in "$@"; do echo "$f=$(seconds "${f%.*}.wav")"; done; }

client() { java bench/VoiceTurnLatency.java "$@"; }
phase() {
  local name=$1; shift
  jcmd "$server" JFR.start name="$name" settings=default >/dev/null
  client turns $port "$@"
  jcmd "$server" JFR.stop name="$name" filename="$work/$name.jfr" >/dev/null
  client steps "$work/$name.jfr"
  echo
}

start_server
echo "start -> /ready: $elapsed ms"
phase first "$interviews" "$answers" 1 "8 s answers, one interview at a time from the start" \
  $(take "$work"/short1.webm "$work"/short2.mp4 "$work"/short3.webm "$work"/short4.mp4)
phase long 1 2 1 "60 s answers" $(take "$work/long.webm" "$work/long.mp4")
phase together "$concurrent" 3 "$concurrent" "8 s answers" $(take "$work"/short*.webm "$work"/short*.mp4)
kill -TERM $server; wait $server || true
