#!/usr/bin/env bash
# Statement relay throughput and end-to-end delay (issue 4), against PostgreSQL and one LRS, with the
# baseline measured in the same run: the same LRS fed by a plain batched client (the tool's own
# XapiClient, batches of the relay's size, one thread as the relay sends one batch at a time per
# destination; two threads for context). Prints Markdown for bench/RESULTS.md; every file of the run
# goes to bench/relay/target/run-<time>/.
#
#   bench/relay.sh                      (after mvn -B package -DskipTests in the repository root)
#   DESTINATION=embedded bench/relay.sh
#
# The LRS (DESTINATION):
#   external (default)  the external LRS of the tests (.ci/external-lrs: Learning Locker's
#                       xapi-statements, in memory, xAPI 1.0.3), started afresh for every phase: its
#                       in-memory store slows down as it fills, so every phase stores the same
#                       WARMUP + COUNT statements from empty
#   embedded            the tool's own LRS on the bench database: the relay hands it statements in
#                       process (its destination `embedded`); the baseline POSTs them over HTTP to
#                       /xapi/statements (xAPI 2.0.0, the form the outbox keeps) with a credential
#                       of the relay's scope (statements/write) issued through the admin API. The
#                       store is not emptied between phases; the alternating order shares its growth
#
# What runs, in order:
#   ROUNDS rounds of  baseline (1 thread) and relay draining a backlog, alternating which goes first;
#   one baseline with 2 threads; then the tool restarted with DELAY_INTERVAL for the delay run.
#
# Settings (environment):
#   TOOL_JAR           the uber jar to run (default target/child-cop-microbundle.jar)
#   COUNT WARMUP       statements measured / sent before measuring, per phase (default 10000, 3000)
#   ROUNDS             baseline + relay rounds (default 2)
#   BATCH_SIZE         XAPI_RELAY_BATCH_SIZE and the baseline's batch (default 50)
#   RELAY_INTERVAL     XAPI_RELAY_INTERVAL for the throughput rounds (default PT1S, the tool's default)
#   PER_TRANSACTION    statements per transaction when writing the backlog (default 1000)
#   RATE DELAY_SECONDS DELAY_WARMUP_SECONDS   the delay run: statements/s, one per transaction, for
#                      this many measured seconds after a warm-up at the same rate (default 50, 30, 10)
#   DELAY_INTERVAL     XAPI_RELAY_INTERVAL for the delay run (default PT0.1S): rows written with JDBC,
#                      as here, wake the relay only at its interval
#   TIMER_MINIMUM      the delay run is repeated with Payara's EJB timer minimum delivery interval
#                      (ejb-timer-service minimum-delivery-interval-in-millis, 1000 ms unless set) set
#                      to this many ms through a post-boot command, a bench-only setting that shows
#                      what the relay interval gives once the timer no longer rounds it up to 1 s
#                      (default 10; empty: no second delay run). DELAY_SECONDS=0: no delay runs
#   TWO_THREADS        1 (default): the 2-thread baseline; 0: not
#   PROFILE            1 (default): one more relay drain, after the rounds, with JFR on the tool,
#                      summarised (not in the throughput table: JFR costs a little)
#   MAX_LOAD MAX_WAIT  before each phase wait (polling every 30 s) until the 1-minute load average is
#                      below MAX_LOAD (default 1.5); MAX_WAIT seconds (default 1200) is the budget for
#                      all these waits together, after which phases run anyway; the load is recorded
#   ANALYZE            1: VACUUM ANALYZE the bench database before each phase, as autovacuum would
#                      now and then; 0 (default): never, as on a server with autovacuum off (this
#                      machine's), where PostgreSQL plans every query without statistics
#   TOOL_JAVA_OPTS     JVM flags of the tool (default: the Docker image's serial GC, 1 GiB heap)
#   PGHOST PGPORT PGUSER PGPASSWORD BENCH_DB   the bench database (dropped and created anew)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tool_jar=${TOOL_JAR:-$root/target/child-cop-microbundle.jar}
count=${COUNT:-10000}
warmup=${WARMUP:-3000}
rounds=${ROUNDS:-2}
batch=${BATCH_SIZE:-50}
interval=${RELAY_INTERVAL:-PT1S}
per_transaction=${PER_TRANSACTION:-1000}
rate=${RATE:-50}
delay_seconds=${DELAY_SECONDS:-30}
delay_warmup_seconds=${DELAY_WARMUP_SECONDS:-10}
delay_interval=${DELAY_INTERVAL:-PT0.1S}
timer_minimum=${TIMER_MINIMUM-10}
max_load=${MAX_LOAD:-1.5}
max_wait=${MAX_WAIT:-1200}
java_opts=${TOOL_JAVA_OPTS:--XX:+UseSerialGC -Xmx1g}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
db=${BENCH_DB:-childcop_relaybench}
lrs_kind=${DESTINATION:-external}
case $lrs_kind in
  external) destination=bench lrs_version=1.0.3 ;;
  embedded) destination=embedded lrs_version=2.0.0 ;;
  *) echo "DESTINATION is external or embedded, not $lrs_kind" >&2; exit 1 ;;
esac
# the external LRS takes any Basic credentials; both the relay and the baseline send these. The
# embedded one gets a credential issued once the tool runs.
lrs_user=relay-bench
lrs_password=relay-bench-$(date +%s)
lrs_endpoint=
admin_password=bench-admin-$(date +%s)-password
lrs_cache=${XDG_CACHE_HOME:-$HOME/.cache}/child-cop/xapi-statements

[ -f "$tool_jar" ] || { echo "no $tool_jar: build first (mvn -B package -DskipTests)" >&2; exit 1; }
out=$root/bench/relay/target/run-$(date +%Y%m%d-%H%M%S)
log() { echo "$(date +%T) $*" >&2; }

log "building the bench project"
(cd bench/relay && mvn -B -q package) >&2
mkdir -p "$out/results"
bench_jar=$root/bench/relay/target/relay-bench.jar

free_port() { # first port of the range nobody answers on
  local p
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port in $1-$2" >&2
  exit 1
}

tool_pid=
lrs_port=
lrs_pid=
stop_tool() {
  if [ -n "$tool_pid" ]; then
    kill "$tool_pid" 2>/dev/null || true
    wait "$tool_pid" 2>/dev/null || true
    tool_pid=
  fi
}
stop_lrs() {
  if [ "$lrs_kind" = external ] && [ -n "$lrs_port" ]; then
    EXTERNAL_LRS_PORT=$lrs_port .ci/external-lrs stop 2>/dev/null || true
  fi
}
trap 'stop_tool; stop_lrs' EXIT

# A fresh external LRS on the same port: empty store, so every phase sees the same one. The embedded
# LRS is the tool: its CPU is counted as the tool's.
restart_lrs() {
  [ "$lrs_kind" = external ] || { lrs_pid=0; return; }
  stop_lrs
  EXTERNAL_LRS_PORT=$lrs_port .ci/external-lrs start > /dev/null
  lrs_pid=$(cat "$lrs_cache/server-$lrs_port.pid")
}

start_tool() { # $1: relay interval; $2 (optional): Payara's EJB timer minimum delivery interval, ms
  local port start payara_args=()
  port=$(free_port 18700 18799)
  log "starting the tool on port $port (relay interval $1, batch $batch, timer minimum ${2:-as shipped}; $java_opts)"
  mkdir -p "$out/tool"
  if [ -n "${2:-}" ]; then
    echo "set configs.config.server-config.ejb-container.ejb-timer-service.minimum-delivery-interval-in-millis=$2" \
      > "$out/tool/postboot.asadmin"
    payara_args=(--postbootcommandfile "$out/tool/postboot.asadmin")
  fi
  local external_lrs=()
  if [ "$lrs_kind" = external ]; then
    external_lrs=(XAPI_DESTINATION_BENCH_ENDPOINT="http://127.0.0.1:$lrs_port/xAPI"
      XAPI_DESTINATION_BENCH_USERNAME="$lrs_user" XAPI_DESTINATION_BENCH_PASSWORD="$lrs_password")
  fi
  # shellcheck disable=SC2086
  (cd "$out/tool" && exec env \
    DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
    DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" ADMIN_PASSWORD="$admin_password" TOOL_DEV_MODE=true \
    TOOL_BASE_URL="http://localhost:$port" \
    XAPI_DESTINATIONS="$destination" "${external_lrs[@]}" \
    XAPI_RELAY_BATCH_SIZE="$batch" XAPI_RELAY_INTERVAL="$1" XAPI_RELAY_FIRST_RETRY=PT1S \
    java $java_opts -Dhttp.port="$port" -jar "$tool_jar" "${payara_args[@]}" >> "$out/tool/tool.log" 2>&1) &
  tool_pid=$!
  start=$(date +%s)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
    kill -0 "$tool_pid" 2>/dev/null || { echo "the tool stopped; see $out/tool/tool.log" >&2; exit 1; }
    [ $(( $(date +%s) - start )) -lt 300 ] || { echo "the tool is not ready after 300 s" >&2; exit 1; }
    sleep 0.5
  done
  # the subshell exec'd env, which exec'd java: $! is the tool's JVM
  log "tool ready after $(( $(date +%s) - start )) s (pid $tool_pid)"
  if [ "$lrs_kind" = external ]; then
    lrs_endpoint="http://127.0.0.1:$lrs_port/xAPI"
  else
    lrs_endpoint="http://127.0.0.1:$port/xapi"
    if [ "$lrs_user" = relay-bench ]; then
      # the relay's scope, in the relay's tenant; kept in the database across restarts of the tool
      local credential
      credential=$(curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' \
        -d '{"name":"relay bench","scopes":["statements/write"]}' \
        "http://127.0.0.1:$port/api/admin/lrs/credentials")
      lrs_user=$(node -e 'console.log(JSON.parse(process.argv[1]).credential.key)' "$credential")
      lrs_password=$(node -e 'console.log(JSON.parse(process.argv[1]).secret)' "$credential")
    fi
  fi
}

wait_deadline=$(( $(date +%s) + max_wait ))
wait_quiet() { # prints the 1-minute load seen; all waits of the run share MAX_WAIT
  local load first
  load=$(cut -d' ' -f1 /proc/loadavg)
  first=$load
  while awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && [ "$(date +%s)" -lt "$wait_deadline" ]; do
    log "1-min load $load >= $max_load: waiting 30 s"
    sleep 30
    load=$(cut -d' ' -f1 /proc/loadavg)
  done
  awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && load="$load (NOT below $max_load: wait budget of ${max_wait} s spent)"
  [ "$load" = "$first" ] || load="$load (was $first)"
  echo "$load"
}

phase_no=0
phase() { # $1: phase, $2: label, rest: options; runs on a fresh LRS after the machine is quiet
  local kind=$1 label=$2 load
  shift 2
  restart_lrs
  if [ "${ANALYZE:-0}" = 1 ]; then
    psql -q -d "$db" -c 'vacuum analyze' >&2
  fi
  load=$(wait_quiet)
  phase_no=$((phase_no + 1))
  log "phase $phase_no: $label (1-min load $load)"
  java -XX:+UseSerialGC -cp "$bench_jar" org.child.bench.relay.RelayBench "$kind" \
    --label "$label" --load "$load" --out "${results:-$out/results}/$(printf %02d $phase_no)-$label.properties" \
    --endpoint "$lrs_endpoint" --version "$lrs_version" --lrs-user "$lrs_user" --lrs-password "$lrs_password" \
    --db "jdbc:postgresql://$PGHOST:$PGPORT/$db" --db-user "$PGUSER" --db-password "$PGPASSWORD" \
    --db-name "$db" --destination "$destination" --tool-pid "$tool_pid" --lrs-pid "$lrs_pid" \
    --batch "$batch" --warmup "$warmup" "$@" 2>> "$out/generator.log"
}

log "recreating database $db"
psql -q -d postgres -c "drop database if exists $db" >&2
psql -q -d postgres -c "create database $db" >&2

if [ "$lrs_kind" = external ]; then
  lrs_port=$(free_port 18800 18899)
  restart_lrs
  log "LRS on port $lrs_port (pid $lrs_pid)"
fi
start_tool "$interval"

for round in $(seq 1 "$rounds"); do
  # alternate the order, so a drift of the machine during the run does not favour either side
  if [ $((round % 2)) = 1 ]; then order="baseline relay"; else order="relay baseline"; fi
  for what in $order; do
    if [ "$what" = baseline ]; then
      phase baseline "round$round-baseline-1thread" --round "$round" --threads 1 --count "$count"
    else
      phase backlog "round$round-relay" --round "$round" --count "$count" \
        --per-transaction "$per_transaction" --interval "$interval"
    fi
  done
done
if [ "${PROFILE:-1}" = 1 ]; then
  # JFR's own cost stays out of the table: this drain is reported only as a profile
  mkdir -p "$out/profile"
  jcmd "$tool_pid" JFR.start name=relaybench settings=profile filename="$out/profile/relay.jfr" > /dev/null
  results=$out/profile phase backlog "profiled-relay" --round "profiled" --count "$count" \
    --per-transaction "$per_transaction" --interval "$interval"
  jcmd "$tool_pid" JFR.stop name=relaybench > /dev/null
  java -cp "$bench_jar" org.child.bench.relay.JfrSummary "$out/profile/relay.jfr" > "$out/profile/summary.md"
fi
if [ "${TWO_THREADS:-1}" = 1 ]; then
  phase baseline "baseline-2threads" --round "–" --threads 2 --count "$count"
fi

stop_tool
if [ "$delay_seconds" != 0 ]; then
  start_tool "$delay_interval"
  phase steady "delay" --rate "$rate" --seconds "$delay_seconds" \
    --warmup-seconds "$delay_warmup_seconds" --warmup 1000 --interval "$delay_interval"
  stop_tool
  if [ -n "$timer_minimum" ]; then
    start_tool "$delay_interval" "$timer_minimum"
    phase steady "delay-timer-minimum-$timer_minimum" --rate "$rate" --seconds "$delay_seconds" \
      --warmup-seconds "$delay_warmup_seconds" --warmup 1000 \
      --interval "$delay_interval, EJB timer minimum $timer_minimum ms (bench-only)"
    stop_tool
  fi
fi

errors_in_log=$(grep -c 'SEVERE\|Exception' "$out/tool/tool.log" || true)
relay_waits=$(grep -c 'Statements for .* wait' "$out/tool/tool.log" || true)
{
  echo "- **Date:** $(date -R)"
  if [ "$lrs_kind" = external ]; then
    echo "- **LRS:** external: Learning Locker's xapi-statements (.ci/external-lrs, in memory, xAPI 1.0.3), one node process started afresh for every phase"
  else
    echo "- **LRS:** embedded: the tool's own, on the bench database; relay in process, baseline over HTTP (xAPI 2.0.0, a statements/write credential). Its CPU is in the tool's column; its writes in PostgreSQL's"
  fi
  echo "- **Machine:** $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, Linux $(uname -r); $(java -version 2>&1 | head -1); node $(node --version)"
  echo "- **Tool jar:** $tool_jar (sha256 $(sha256sum "$tool_jar" | cut -c1-12)); JVM flags \`$java_opts\`; PostgreSQL $(psql -At -d postgres -c 'show server_version') on $PGHOST:$PGPORT"
  echo "- **Command:** \`bench/relay.sh\` (DESTINATION=$lrs_kind COUNT=$count WARMUP=$warmup ROUNDS=$rounds BATCH_SIZE=$batch RELAY_INTERVAL=$interval PER_TRANSACTION=$per_transaction RATE=$rate DELAY_SECONDS=$delay_seconds DELAY_INTERVAL=$delay_interval TIMER_MINIMUM=$timer_minimum MAX_LOAD=$max_load ANALYZE=${ANALYZE:-0})"
  echo "- **Tool log:** $errors_in_log lines with SEVERE or Exception; $relay_waits times a destination was set to rest"
  echo
  java -cp "$bench_jar" org.child.bench.relay.RelayBench report --dir "$out/results"
  if [ -f "$out/profile/summary.md" ]; then
    echo
    echo "JFR profile of the tool during one more relay drain (after the rounds; $(grep -h '^seconds' "$out/profile/"*.properties | cut -d= -f2) s for $count statements with JFR on):"
    echo
    cat "$out/profile/summary.md"
  fi
} | tee "$out/report.md"
log "all files in $out"
