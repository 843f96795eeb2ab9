# The fault phase of loadtest/run.sh --faults (sourced by run.sh once the first server is up; it uses run.sh's
# variables and functions). During a small sale (io.ticketrush.loadtest.FaultSale):
#   1. kill -9 the server mid-sale, stop what it left running (its embedded PostgreSQL and Redis), start it again
#   2. restart Redis (a clean SHUTDOWN, which writes the append-only file, and the same binary and settings again)
#   3. restart PostgreSQL (pg_ctl restart; as root, where PostgreSQL will not start by hand, a crash restart:
#      kill -9 of one server process, after which the postmaster resets every connection and recovers from WAL)
#   4. a gateway incident: PUT /sandbox-pg/v1/incident {"mode":"down"}, then {"mode":"none"} (skipped with a
#      message when the server has no such endpoint)
# then the SQL audit (no seat sold twice, no paid order lost, no refund without voided tickets, every payment
# settled, ...). Everything runs on 127.0.0.1, every wait is bounded, and every process it starts is stopped.

DATA="$RUN/data"
STOP_FILE="$RUN/faults.stop"
FAULT_PAUSE="${FAULT_PAUSE:-8}"     # seconds of sale between two faults
REDIS_RELAUNCHED=""
DRIVER_PID=""

postmaster_pid() {
  local pid
  pid="$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}
redis_port() {
  grep -o 'embedded Redis on port [0-9]*' "$1" | grep -o '[0-9]*$' | tail -1
}
pid_on_port() {
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
wait_gone() {   # pid, seconds
  for _ in $(seq 1 $(( $2 * 5 ))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done
  return 1
}

start_server() {   # log file
  env "${SERVER_ENV[@]}" java "${JVM_ARGS[@]}" -jar "$JAR" "${SERVER_ARGS[@]}" >"$1" 2>&1 &
  SERVER_PID=$!
  for i in $(seq 1 "${FAULT_START_SECONDS:-420}"); do   # a busy 2-core machine has taken 220 s
    if curl -fsS "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "The server stopped while starting:" >&2; tail -40 "$1" >&2; return 1
    fi
    sleep 1
  done
  echo "The server did not become healthy in ${FAULT_START_SECONDS:-420} s" >&2; tail -40 "$1" >&2; return 1
}

# Stops the embedded PostgreSQL and Redis a killed server left running (their data stays).
stop_leftovers() {   # the killed server's log
  local port pid
  port="$(redis_port "$1")"
  if [ -n "$port" ]; then
    pid="$(pid_on_port "$port")"
    redis-cli -h 127.0.0.1 -p "$port" shutdown >/dev/null 2>&1 || true
    if [ -n "$pid" ] && ! wait_gone "$pid" 20; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  pid="$(postmaster_pid)"
  if [ -n "$pid" ]; then
    kill -INT "$pid" 2>/dev/null || true   # PostgreSQL's fast shutdown
    wait_gone "$pid" 60 || kill -9 "$pid" 2>/dev/null || true
  fi
}

faults_cleanup() {
  touch "$STOP_FILE" 2>/dev/null || true
  if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
    wait_gone "$DRIVER_PID" 10 || kill "$DRIVER_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait_gone "$SERVER_PID" 30 || kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  # what the last server did not stop: the Redis and PostgreSQL this phase started again, or a killed server's
  if [ -n "$REDIS_RELAUNCHED" ] && kill -0 "$REDIS_RELAUNCHED" 2>/dev/null; then
    kill "$REDIS_RELAUNCHED" 2>/dev/null || true
    wait_gone "$REDIS_RELAUNCHED" 10 || kill -9 "$REDIS_RELAUNCHED" 2>/dev/null || true
  fi
  local log
  for log in "$RUN"/server*.log; do
    local port pid
    port="$(redis_port "$log")"
    pid="$( [ -n "$port" ] && pid_on_port "$port" || true)"
    if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q redis; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  local pg
  pg="$(postmaster_pid)"
  if [ -n "$pg" ]; then
    kill -INT "$pg" 2>/dev/null || true
    wait_gone "$pg" 30 || kill -9 "$pg" 2>/dev/null || true
  fi
}

current_jdbc_url() {   # the newest server log names the embedded PostgreSQL's port
  local port
  port="$(grep -o 'Embedded PostgreSQL 18 on port [0-9]*' "$1" | grep -o '[0-9]*$' | tail -1)"
  echo "jdbc:postgresql://127.0.0.1:$port/postgres"
}

run_faults() {
  local server_log="$RUN/server.log" started
  started=$(date +%s)
  rm -f "$STOP_FILE"
  log "fault phase: a small sale starts (log: $RUN/faults-sale.log)"
  java -cp "$HARNESS_CP" io.ticketrush.loadtest.FaultSale --base-url="$BASE_URL" --run-dir="$RUN" \
    --stop-file="$STOP_FILE" --max-seconds=600 >"$RUN/faults-sale.log" 2>&1 &
  DRIVER_PID=$!
  for _ in $(seq 1 60); do grep -q "fault sale staged" "$RUN/faults-sale.log" 2>/dev/null && break
    kill -0 "$DRIVER_PID" 2>/dev/null || { echo "The fault sale did not start:" >&2; cat "$RUN/faults-sale.log" >&2; return 2; }
    sleep 1; done
  sleep "$FAULT_PAUSE"

  # 1. kill -9 the server mid-sale, and start it again on the same data
  log "fault 1: kill -9 the server (pid $SERVER_PID)"
  kill -9 "$SERVER_PID"
  wait_gone "$SERVER_PID" 10 || true
  stop_leftovers "$server_log"
  server_log="$RUN/server-2.log"
  start_server "$server_log" || return 2
  log "fault 1: the server is back (pid $SERVER_PID)"
  sleep "$FAULT_PAUSE"

  # 2. restart Redis: a clean shutdown (the append-only file is written), then the same binary with the same
  #    directory and persistence settings (read with CONFIG GET first: Redis rewrites its own command line)
  local rport rpid exe rdir raof rname
  rport="$(redis_port "$server_log")"
  rpid="$(pid_on_port "$rport")"
  if [ -z "$rpid" ]; then echo "No Redis listens on port $rport" >&2; return 2; fi
  exe="$(readlink "/proc/$rpid/exe")"
  [ -x "$exe" ] || exe="$(command -v redis-server)"
  rdir="$(redis-cli -h 127.0.0.1 -p "$rport" config get dir | tail -1)"
  raof="$(redis-cli -h 127.0.0.1 -p "$rport" config get appendonly | tail -1)"
  rname="$(redis-cli -h 127.0.0.1 -p "$rport" config get appendfilename | tail -1)"
  log "fault 2: restart Redis (pid $rpid, port $rport, appendonly $raof)"
  redis-cli -h 127.0.0.1 -p "$rport" shutdown >/dev/null 2>&1 || true
  wait_gone "$rpid" 20 || kill -9 "$rpid" 2>/dev/null || true
  setsid "$exe" --port "$rport" --bind 127.0.0.1 --dir "$rdir" --appendonly "$raof" --appendfilename "$rname" \
    --save "" >"$RUN/redis-restarted.log" 2>&1 &
  REDIS_RELAUNCHED=$!
  local back=""
  for _ in $(seq 1 150); do
    [ "$(redis-cli -h 127.0.0.1 -p "$rport" ping 2>/dev/null)" = PONG ] && { back=yes; break; }; sleep 0.2; done
  if [ -z "$back" ]; then echo "Redis did not come back:" >&2; tail -20 "$RUN/redis-restarted.log" >&2; return 2; fi
  log "fault 2: Redis is back (pid $REDIS_RELAUNCHED)"
  sleep "$FAULT_PAUSE"

  # 3. restart PostgreSQL. As an ordinary user: pg_ctl restart -m fast (the options recorded in postmaster.opts).
  #    As root, where PostgreSQL refuses to start by hand: kill -9 one of its server processes, so the postmaster
  #    drops every connection, restarts all its processes and recovers from the WAL (a crash restart).
  local pg pgport bin child
  pg="$(postmaster_pid)"
  pgport="$(grep -o 'Embedded PostgreSQL 18 on port [0-9]*' "$server_log" | grep -o '[0-9]*$' | tail -1)"
  bin="$(dirname "$(readlink "/proc/$pg/exe")")"
  if [ "$(id -u)" != 0 ]; then
    log "fault 3: restart PostgreSQL (pid $pg, pg_ctl restart -m fast)"
    "$bin/pg_ctl" -D "$DATA/postgres" restart -m fast -w -t 60 -l "$RUN/postgres-restarted.log" >/dev/null \
      || { echo "PostgreSQL did not restart" >&2; return 2; }
  else
    child="$(pgrep -P "$pg" | head -1)"
    log "fault 3: crash-restart PostgreSQL (kill -9 of its server process $child; the postmaster $pg recovers)"
    kill -9 "$child"
  fi
  sleep 1
  local ready=""
  for _ in $(seq 1 150); do
    psql -h 127.0.0.1 -p "$pgport" -U postgres -Atqc 'SELECT 1' postgres >/dev/null 2>&1 && { ready=yes; break; }; sleep 0.4; done
  [ -n "$ready" ] || { echo "PostgreSQL did not come back in 60 s" >&2; return 2; }
  log "fault 3: PostgreSQL accepts connections again (postmaster $(postmaster_pid))"
  sleep "$FAULT_PAUSE"

  # 4. a gateway incident (the sandbox's incident switch)
  local code
  code="$(curl -s -o "$RUN/incident.txt" -w '%{http_code}' -X PUT "$BASE_URL/sandbox-pg/v1/incident" \
    -u "test_sk_ticketrush_sandbox:" -H 'Content-Type: application/json' -d '{"mode":"down"}' || true)"
  if [ "$code" = 404 ] || [ "$code" = 000 ]; then
    log "fault 4: SKIPPED: this server has no gateway incident switch (PUT /sandbox-pg/v1/incident answered $code)"
  elif [ "${code:0:1}" = 2 ]; then
    log "fault 4: the gateway is down"
    sleep "$FAULT_PAUSE"
    curl -s -o /dev/null -X PUT "$BASE_URL/sandbox-pg/v1/incident" -u "test_sk_ticketrush_sandbox:" \
      -H 'Content-Type: application/json' -d '{"mode":"none"}' || true
    log "fault 4: the gateway is back"
  else
    log "fault 4: SKIPPED: PUT /sandbox-pg/v1/incident answered $code: $(head -c 300 "$RUN/incident.txt")"
  fi
  sleep "$FAULT_PAUSE"

  touch "$STOP_FILE"
  wait "$DRIVER_PID" || true
  DRIVER_PID=""
  tail -2 "$RUN/faults-sale.log"
  echo "faults.seconds=$(( $(date +%s) - started ))" >>"$RUN/faults-outcome.properties"

  log "auditing the database"
  java -cp "$HARNESS_CP" io.ticketrush.loadtest.Audit --jdbc-url="$(current_jdbc_url "$server_log")" --user=postgres \
    --run-dir="$RUN" --settle-seconds=120
}
