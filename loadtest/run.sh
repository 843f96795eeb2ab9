#!/usr/bin/env bash
# The on-sale rehearsal and benchmark in one command: starts a fresh server, stages a sale through
# the public API, runs the Gatling simulations (real hold vs baselines, coupon rush vs baselines,
# waiting-room join storm, flash sale through the waiting room + seat-map storm), audits the database,
# draws the charts and writes the report.
#
#   loadtest/run.sh                       full benchmark, production mode (PostgreSQL 15 + Redis 7 services)
#   loadtest/run.sh --mode embedded       full benchmark against the embedded PostgreSQL/Redis (durable)
#   loadtest/run.sh --smoke               small run (< 2 min), invariants only (what CI runs)
#   loadtest/run.sh --faults              fault phase (a few minutes, embedded mode): during a small sale, kill -9
#                                         the server, restart Redis, restart PostgreSQL, a gateway incident; then the
#                                         audit (loadtest/scripts/faults.sh)
#
# Options:
#   --mode prod|embedded   prod: a database of its own on 127.0.0.1:5432 (user postgres, trust auth), created
#                          and dropped by this script, and Redis 127.0.0.1:6379 database index --redis-db (must
#                          be empty; flushed afterwards). embedded: the server's own PostgreSQL 18 and Redis.
#   --name NAME            report name (default: rehearsal, smoke for --smoke)
#   --redis-db N           Redis database index in prod mode (default 13)
#   --no-report            do not write docs/benchmarks/ (the run directory still has everything)
#   --jfr                  record the server with JFR (default on for full runs)
#   --quiet-load L         full runs first wait (up to 15 min) until the machine's 1-minute load average is
#                          below L (default 1.5; 0 = do not wait): other work on the box skews every figure
#   --server-arg ARG       one more argument for the server (repeatable), e.g. --server-arg --ticketrush.front-door.enabled=false
#   -Dkey=value            passed to the simulation (see loadtest/src/test/java/io/ticketrush/loadtest/Settings.java)
#
# Output: loadtest/target/bench/<date>-<name>/ (server log, JFR, timeline, audit, Gatling log) and, unless
# --smoke or --no-report, docs/benchmarks/<date>-<name>.md with its charts in docs/benchmarks/<date>-<name>/.
# Exit status: 0 when every invariant holds, 1 when the audit finds a broken one, 2 when the run itself failed.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ORIGINAL_ARGS=("$@")
ulimit -n 65536 2>/dev/null || true   # the load generator keeps many sockets open

export JAVA_HOME="${JAVA_HOME_25:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
if [ ! -x "$JAVA_HOME/bin/java" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"

MODE=""
NAME=""
SMOKE=false
FAULTS=false
REPORT=true
EXTRA_SERVER_ARGS=()
JFR=""
REDIS_DB=13
QUIET_LOAD=1.5
SIM_PROPS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) MODE="$2"; shift 2 ;;
    --mode=*) MODE="${1#*=}"; shift ;;
    --name) NAME="$2"; shift 2 ;;
    --name=*) NAME="${1#*=}"; shift ;;
    --redis-db) REDIS_DB="$2"; shift 2 ;;
    --quiet-load) QUIET_LOAD="$2"; shift 2 ;;
    --smoke) SMOKE=true; shift ;;
    --faults) FAULTS=true; shift ;;
    --no-report) REPORT=false; shift ;;
    --server-arg) EXTRA_SERVER_ARGS+=("$2"); shift 2 ;;
    --jfr) JFR=true; shift ;;
    --no-jfr) JFR=false; shift ;;
    -D*) SIM_PROPS+=("$1"); shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if $FAULTS; then
  # the server embeds PostgreSQL and Redis on durable data under the run directory, so the phase can restart them
  NAME="${NAME:-faults}"
  MODE=embedded
  REPORT=false
  JFR=false
  DEFAULTS=()
elif $SMOKE; then
  NAME="${NAME:-smoke}"
  MODE="${MODE:-embedded}"   # CI: no external services needed
  REPORT=false
  JFR="${JFR:-false}"
  # small and quick: every phase runs, the audit is what counts
  DEFAULTS=(-Dfans=1000 -Dhold.seats=2000 -Dhold.seconds=3 -Dhold.rounds=1 -Dhold.warmup-seconds=0 -Dhold.concurrency=16
            -Dhold.hot-seats=40 -Dflash.seats=300 -Dflash.fans=600 -Dflash.admit-rate=100 -Dstorm.rate=20
            -Dqueue.arrival-seconds=2 -Dqueue.patience-seconds=5 -Dqueue.max-wait-seconds=45 -Djoin.seconds=1 -Djoin.concurrency=16
            -Dcoupon.stock=200 -Dcoupon.seconds=1 -Dcoupon.rounds=1 -Dcoupon.concurrency=16)
else
  NAME="${NAME:-rehearsal}"
  MODE="${MODE:-prod}"
  JFR="${JFR:-true}"
  DEFAULTS=()
fi
case "$MODE" in prod|embedded) ;; *) echo "--mode is prod or embedded" >&2; exit 2 ;; esac

DATE="$(date +%Y-%m-%d)"
RUN_ID="$DATE-$NAME"
RUN="$ROOT/loadtest/target/bench/$RUN_ID"
rm -rf "$RUN"
mkdir -p "$RUN"
log() { echo "[run.sh $(date +%H:%M:%S)] $*"; }

# ---------- build what is missing or stale ----------
JAR="$ROOT/server/target/ticketrush-server.jar"
if [ ! -f "$JAR" ] || [ -n "$(find server/src server/pom.xml -newer "$JAR" -type f -print -quit)" ]; then
  log "building the server jar"
  ./mvnw -B -q -ntp -pl server -am package -DskipTests
fi

# ---------- wait for a quiet machine (full runs) ----------
if ! $SMOKE && ! $FAULTS && [ "$QUIET_LOAD" != 0 ]; then
  for i in $(seq 1 180); do
    LOAD1="$(cut -d' ' -f1 /proc/loadavg)"
    awk -v l="$LOAD1" -v q="$QUIET_LOAD" 'BEGIN { exit !(l < q) }' && break
    [ "$i" = 1 ] && log "waiting for the machine to quieten down (load average $LOAD1, want < $QUIET_LOAD)"
    [ "$i" = 180 ] && log "still busy after 15 min (load average $LOAD1): running anyway, the report says so"
    sleep 5
  done
fi

# ---------- start a fresh server ----------
free_port() {
  local p
  for _ in $(seq 1 50); do
    # below the kernel's ephemeral range (32768-60999): a client retrying a server that is down could
    # otherwise be given the server's port as its own and connect to itself, keeping the port (--faults)
    p=$(( 20000 + RANDOM % 12000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; exit 2
}
PORT="$(free_port)"
BASE_URL="http://127.0.0.1:$PORT"
SERVER_PID=""
DB_NAME=""

cleanup() {
  local status=$?
  if declare -F faults_cleanup >/dev/null; then faults_cleanup; fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$DB_NAME" ]; then
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null 2>&1 || true
    redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" FLUSHDB >/dev/null 2>&1 || true
  fi
  exit $status
}
trap cleanup EXIT INT TERM

SERVER_ARGS=(--server.port="$PORT" --ticketrush.ratelimit.enabled=false --logging.level.root=WARN
             --logging.level.io.ticketrush=INFO)
JVM_ARGS=(-Xms1g -Xmx2g -XX:+ExitOnOutOfMemoryError)
if [ "$JFR" = true ]; then
  JVM_ARGS+=("-XX:StartFlightRecording=filename=$RUN/server.jfr,settings=profile,dumponexit=true")
fi
SERVER_ENV=()
if [ "$MODE" = prod ]; then
  DB_NAME="ticketrush_bench_$(date +%s)_$$"
  if [ "$(redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" DBSIZE)" != "0" ]; then
    DB_NAME=""
    echo "Redis database index $REDIS_DB on 127.0.0.1:6379 is not empty: choose another with --redis-db" >&2
    exit 2
  fi
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $DB_NAME"
  JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
  SERVER_ENV=(TICKETRUSH_DB_URL="$JDBC_URL" TICKETRUSH_DB_USER=postgres TICKETRUSH_DB_PASSWORD=
              TICKETRUSH_REDIS_HOST=127.0.0.1 TICKETRUSH_REDIS_PORT=6379
              TICKETRUSH_SECURITY_JWT_SECRET="bench-jwt-$(date +%s%N)-$RANDOM$RANDOM-0123456789abcdef"
              TICKETRUSH_TICKET_SIGNING_KEY="bench-ticket-key-$(date +%s%N)-$RANDOM$RANDOM-0123456789"
              TICKETRUSH_PAYMENT_SECRET_KEY="test_sk_bench_$RANDOM$RANDOM")
  # the one exception to "external stores run no demo data, sandbox or rehearsal": this database is created above
  # and dropped (and the Redis database flushed) when the run ends
  SERVER_ARGS+=(--spring.profiles.active=prod,benchmark --spring.data.redis.database="$REDIS_DB"
               --ticketrush.benchmark.disposable-stores=true)
  DB_DESC="PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version') (service on 127.0.0.1:5432, fsync $(psql -h 127.0.0.1 -U postgres -Atc 'show fsync'), synchronous_commit $(psql -h 127.0.0.1 -U postgres -Atc 'show synchronous_commit')), Redis $(redis-cli -h 127.0.0.1 info server | tr -d '\r' | sed -n 's/^redis_version://p') (service on 127.0.0.1:6379, db $REDIS_DB)"
else
  SERVER_ARGS+=(--spring.profiles.active=benchmark)
  if $SMOKE; then
    SERVER_ARGS+=(--ticketrush.embedded.ephemeral=true)
    DB_DESC="embedded PostgreSQL 18 + embedded Redis (ephemeral: fsync off)"
  else
    SERVER_ARGS+=(--ticketrush.embedded.data-dir="$RUN/data")
    # the fault phase restarts the server: its fans' tokens must outlive that
    $FAULTS && SERVER_ARGS+=(--ticketrush.security.jwt-secret="faults-jwt-$(date +%s%N)-$RANDOM$RANDOM-0123456789abcdef")
    DB_DESC="embedded PostgreSQL 18 + embedded Redis (durable: fsync on)"
  fi
fi

SERVER_ARGS+=("${EXTRA_SERVER_ARGS[@]}")
log "starting the server on $BASE_URL ($MODE mode)"
env "${SERVER_ENV[@]}" java "${JVM_ARGS[@]}" -jar "$JAR" "${SERVER_ARGS[@]}" >"$RUN/server.log" 2>&1 &
SERVER_PID=$!

# compile the simulations while the server starts
log "compiling the simulations"
./mvnw -B -q -ntp -pl loadtest test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile >"$RUN/build.log" 2>&1 \
  || { cat "$RUN/build.log" >&2; exit 2; }
HARNESS_CP="$ROOT/loadtest/target/classes:$(cat "$ROOT/loadtest/target/classpath.txt")"

for i in $(seq 1 180); do
  if curl -fsS "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "The server stopped while starting:" >&2; tail -40 "$RUN/server.log" >&2; exit 2
  fi
  [ "$i" = 180 ] && { echo "The server did not become healthy in 180 s" >&2; tail -40 "$RUN/server.log" >&2; exit 2; }
  sleep 1
done
log "server up (pid $SERVER_PID)"
if [ "$MODE" = embedded ]; then
  PG_PORT="$(grep -o 'Embedded PostgreSQL 18 on port [0-9]*' "$RUN/server.log" | grep -o '[0-9]*$' | head -1)"
  JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
fi

# ---------- the machine and the command, for the report ----------
{
  echo "CPU:    $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "Memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "OS:     $(uname -sr)"
  echo "Java:   $(java -version 2>&1 | head -1)"
  echo "Code:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
  echo "Server: one instance, java ${JVM_ARGS[*]%%,*} -jar ticketrush-server.jar ($MODE mode)"
  echo "Data:   $DB_DESC"
  echo "Load:   Gatling 3.15.1 on the same machine, loopback only (server, database, Redis and load generator share the cores)"
  echo "Load average before the run (other work on the machine): $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$RUN/machine.txt"
echo "loadtest/run.sh ${ORIGINAL_ARGS[*]}" >"$RUN/command.txt"

if $FAULTS; then
  source "$ROOT/loadtest/scripts/faults.sh"
  FAULTS_STATUS=0
  run_faults || FAULTS_STATUS=$?
  faults_cleanup
  exit "$FAULTS_STATUS"
fi

# ---------- the simulations ----------
log "running the simulations (log: $RUN/gatling.log)"
CPU_SAMPLER=""
if command -v python3 >/dev/null 2>&1; then   # where the CPU goes: server, PostgreSQL, Redis, Gatling
  python3 loadtest/scripts/cpu-split.py "$SERVER_PID" "$RUN/cpu-split.properties" &
  CPU_SAMPLER=$!
fi
GATLING_STATUS=0
./mvnw -B -ntp -pl loadtest gatling:test \
  -Dgatling.simulationClass=io.ticketrush.loadtest.RehearsalSimulation \
  -Dgatling.jvm.heap=-Xmx1g \
  -Dbase.url="$BASE_URL" -Drun.dir="$RUN" "${DEFAULTS[@]}" "${SIM_PROPS[@]}" >"$RUN/gatling.log" 2>&1 || GATLING_STATUS=$?
echo "Load average at the end of the simulations: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RUN/machine.txt"
if [ -n "$CPU_SAMPLER" ]; then touch "$RUN/cpu-split.properties.stop"; wait "$CPU_SAMPLER" || true; fi
grep -E "^(> |---- |Global|Please open)" "$RUN/gatling.log" | tail -20 || true
ls -1dt "$ROOT"/loadtest/target/gatling/rehearsalsimulation-* 2>/dev/null | head -1 | sed "s#^$ROOT/##" >"$RUN/gatling-report.txt" || true
if [ ! -f "$RUN/summary.csv" ]; then
  echo "The simulation did not finish (status $GATLING_STATUS):" >&2; tail -40 "$RUN/gatling.log" >&2; exit 2
fi

# ---------- the audit ----------
log "auditing the database"
AUDIT_ARGS=(--jdbc-url="$JDBC_URL" --user=postgres --run-dir="$RUN")
$SMOKE || AUDIT_ARGS+=(--expect-sold-out --settle-seconds=300)
AUDIT_STATUS=0
java -cp "$HARNESS_CP" io.ticketrush.loadtest.Audit "${AUDIT_ARGS[@]}" || AUDIT_STATUS=$?

# ---------- stop the server, read its profile, write the report ----------
kill "$SERVER_PID" 2>/dev/null || true
for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
SERVER_PID=""
if [ -f "$RUN/server.jfr" ]; then
  jfr view --width 140 hot-methods "$RUN/server.jfr" >"$RUN/jfr-hot-methods.txt" 2>/dev/null || true
fi
if $REPORT; then
  java -cp "$HARNESS_CP" io.ticketrush.loadtest.Report --run-dir="$RUN" --out="$ROOT/docs/benchmarks" \
    --name="$NAME" --date="$DATE"
else
  java -cp "$HARNESS_CP" io.ticketrush.loadtest.Report --run-dir="$RUN" --out="$RUN/report" \
    --name="$NAME" --date="$DATE" >/dev/null
  log "report (not published): $RUN/report/$RUN_ID.md"
fi
exit "$AUDIT_STATUS"
