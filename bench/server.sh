# Sourced by the benchmark scripts. prepare_client builds what a Java client of the jar needs: the jar ($jar), the
# test classes and their classpath (in the file $cp), and a work folder ($work); both are removed on exit.
prepare_client() {
  jar=$PWD/target/candor.jar
  [ -f "$jar" ] || ./mvnw -B -q package -DskipTests
  ./mvnw -B -q test-compile
  cp=$(mktemp)
  work=$(mktemp -d)
  trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work" "$cp"' EXIT
  ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=test
}

# run_client FILE ARGS... runs a single-file Java client on the test classpath, without the server's own log lines.
run_client() {
  java -cp "target/test-classes:target/classes:$(cat "$cp")" "$@" 2>&1 \
    | { grep -v -E '^[0-9:.]+ (DEBUG|INFO|WARN) |^[0-9:.]+ \[main\] (DEBUG|INFO)|^SLF4J' || true; }
}

# start_server starts the jar ($jar) in $work on $port (cluster port 17355),
# logging to $work/candor.log; it sets $server (the pid) and $elapsed (ms from exec to the first 200 of GET /ready).
start_server() {
  local start end
  start=$(date +%s%N)
  (cd "$work" && exec env PORT=$port CLUSTER_PORT=17355 java -jar "$jar" >>"$work/candor.log" 2>&1) &
  server=$!
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do
    kill -0 $server 2>/dev/null || { tail -40 "$work/candor.log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  elapsed=$(( (end - start) / 1000000 ))
}

# The embedded engines load in the background after start; wait for both before timing speech.
await_speech() {
  until grep -q "JTok - loading" "$work/candor.log" && [ -f "${TMPDIR:-/tmp}/candor-vosk-model-en-us-0.3.45/.complete" ]; do
    sleep 0.5
  done
  sleep 2
}
