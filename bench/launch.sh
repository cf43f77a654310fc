#!/usr/bin/env bash
# Full LTI launch throughput and latency (issue 3), against PostgreSQL, with a baseline measured in
# the same run: a trivial endpoint of the same server at the same concurrency. Also the id_token
# verification alone and the RSA-2048 signatures around it (JMH). Prints Markdown for
# bench/RESULTS.md; every file of the run goes to bench/launch/target/run-<time>/.
#
#   bench/launch.sh                     (after mvn -B package -DskipTests in the repository root)
#
# Settings (environment):
#   TOOL_JAR        the uber jar to run (default target/child-cop-microbundle.jar)
#   LEVELS          concurrent simulated browsers, comma-separated (default 1,16,64)
#   WARMUP MEASURE  seconds of warm-up and of measurement per level for launches (default 20, 30)
#   MAX_LOAD        wait (polling every 30 s, up to MAX_WAIT s) before each measured run until the
#                   1-minute load average is below this (default 1.0, 1200 s); the load is recorded
#   TOOL_JAVA_OPTS  JVM flags of the tool (default: the Docker image's serial GC, 1 GiB heap)
#   PROFILE         1 (default): one extra pass at 16 browsers with JFR on the tool, summarised
#   JMH             1 (default): the JMH benchmark after the tool is stopped
#   PGHOST PGPORT PGUSER PGPASSWORD BENCH_DB   the bench database (dropped and created anew)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tool_jar=${TOOL_JAR:-$root/target/child-cop-microbundle.jar}
levels=${LEVELS:-1,16,64}
warmup=${WARMUP:-20}
measure=${MEASURE:-30}
max_load=${MAX_LOAD:-1.0}
max_wait=${MAX_WAIT:-1200}
java_opts=${TOOL_JAVA_OPTS:--XX:+UseSerialGC -Xmx1g}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
db=${BENCH_DB:-childcop_bench}
admin_password=bench-admin-$(date +%s)-password

[ -f "$tool_jar" ] || { echo "no $tool_jar: build first (mvn -B package -DskipTests)" >&2; exit 1; }
out=$root/bench/launch/target/run-$(date +%Y%m%d-%H%M%S)
log() { echo "$(date +%T) $*" >&2; }

log "building the bench project"
(cd bench/launch && mvn -B -q package -DskipTests) >&2
mkdir -p "$out"
bench_jar=$root/bench/launch/target/launch-bench.jar

wait_quiet() { # prints the 1-minute load seen
  local deadline=$(( $(date +%s) + max_wait )) load
  load=$(cut -d' ' -f1 /proc/loadavg)
  while awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && [ "$(date +%s)" -lt "$deadline" ]; do
    log "1-min load $load >= $max_load: waiting 30 s"
    sleep 30
    load=$(cut -d' ' -f1 /proc/loadavg)
  done
  awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && load="$load (NOT below $max_load after ${max_wait} s)"
  echo "$load"
}

log "recreating database $db"
psql -q -d postgres -c "drop database if exists $db" >&2
psql -q -d postgres -c "create database $db" >&2

port=
for p in $(seq 18480 18580); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port in 18480-18580" >&2; exit 1; }

log "starting the tool on port $port ($java_opts)"
mkdir -p "$out/tool"
# shellcheck disable=SC2086
(cd "$out/tool" && exec env \
  DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
  DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" ADMIN_PASSWORD="$admin_password" TOOL_DEV_MODE=true \
  TOOL_BASE_URL="http://localhost:$port" \
  java $java_opts -Dhttp.port="$port" -jar "$tool_jar" > "$out/tool/tool.log" 2>&1) &
tool_pid=$!
trap 'kill "$tool_pid" 2>/dev/null || true; wait "$tool_pid" 2>/dev/null || true' EXIT
start=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
  kill -0 "$tool_pid" 2>/dev/null || { echo "the tool stopped; see $out/tool/tool.log" >&2; exit 1; }
  [ $(( $(date +%s) - start )) -lt 300 ] || { echo "the tool is not ready after 300 s" >&2; exit 1; }
  sleep 0.5
done
# the tool's JVM is the java child of the subshell's exec
log "tool ready after $(( $(date +%s) - start )) s (pid $tool_pid)"

pg_stats() { # table accesses and row changes of the bench database, one line per table
  psql -At -F' ' -d "$db" -c "select relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
    from pg_stat_user_tables order by relname"
  psql -At -F' ' -d "$db" -c "select '(transactions)', xact_commit, xact_rollback, 0, 0, 0
    from pg_stat_database where datname = current_database()"
}
pg_stats > "$out/pg-before.txt"

profile_args=()
[ "${PROFILE:-1}" = 1 ] && profile_args=(--jfr "$out/launch-16.jfr" --jfr-level 16)
java -XX:+UseSerialGC -cp "$bench_jar" org.child.bench.launch.LoadGenerator \
  --tool "http://localhost:$port" --admin-password "$admin_password" --tool-pid "$tool_pid" \
  --levels "$levels" --warmup "$warmup" --measure "$measure" \
  --max-load "$max_load" --max-wait "$max_wait" "${profile_args[@]}" \
  > "$out/load.md" 2> >(tee "$out/load.log" >&2)
errors_in_log=$(grep -c 'SEVERE\|Exception' "$out/tool/tool.log" || true)
sleep 11 # PostgreSQL 15 backends flush their statistics within 10 s of going idle
pg_stats > "$out/pg-after.txt"
launches=$(sed -n 's/<!-- launches-total \([0-9]*\) -->/\1/p' "$out/load.md")
{
  echo "| table | seq scans | index scans | rows inserted | rows updated | rows deleted |"
  echo "|---|---|---|---|---|---|"
  join <(sort "$out/pg-before.txt") <(sort "$out/pg-after.txt") -j 1 -t ' ' | awk -v n="$launches" \
    '{printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", $1, ($7-$2)/n, ($8-$3)/n, ($9-$4)/n, ($10-$5)/n, ($11-$6)/n}'
} > "$out/pg-per-launch.md"

kill "$tool_pid"; wait "$tool_pid" 2>/dev/null || true
trap - EXIT

if [ -f "$out/launch-16.jfr" ]; then
  java -cp "$bench_jar" org.child.bench.launch.JfrSummary "$out/launch-16.jfr" org.child.cop > "$out/profile.md"
fi

if [ "${JMH:-1}" = 1 ]; then
  jmh_load=$(wait_quiet)
  log "JMH (1-min load before: $jmh_load)"
  java -jar "$bench_jar" IdTokenBenchmark -rf text -rff "$out/jmh-1thread.txt" > "$out/jmh-1thread.log" 2>&1
  java -jar "$bench_jar" 'IdTokenBenchmark.(verifyIdToken|signPageToken)$' -t 2 -f 1 -rf text -rff "$out/jmh-2threads.txt" > "$out/jmh-2threads.log" 2>&1
fi

{
  echo "- **Date:** $(date -R)"
  echo "- **Machine:** $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, Linux $(uname -r); $(java -version 2>&1 | head -1)"
  echo "- **Tool jar:** $tool_jar (sha256 $(sha256sum "$tool_jar" | cut -c1-12)); JVM flags \`$java_opts\`; PostgreSQL $(psql -At -d postgres -c 'show server_version') on $PGHOST:$PGPORT"
  echo "- **Command:** \`bench/launch.sh\` (LEVELS=$levels WARMUP=$warmup MEASURE=$measure MAX_LOAD=$max_load)"
  echo "- **Tool log:** $errors_in_log lines with SEVERE or Exception"
  echo
  cat "$out/load.md"
  echo
  echo "PostgreSQL work per successful launch (pg_stat deltas over all $launches launches of the run, baseline requests touch no table; the transactions row counts commits and rollbacks):"
  echo
  cat "$out/pg-per-launch.md"
  if [ -f "$out/profile.md" ]; then
    echo
    echo "JFR profile of the tool during the profiled pass:"
    echo
    cat "$out/profile.md"
  fi
  if [ "${JMH:-1}" = 1 ]; then
    echo
    echo "JMH (1-min load before: $jmh_load), average time per operation, one thread:"
    echo
    echo '```'
    cat "$out/jmh-1thread.txt"
    echo '```'
    echo
    echo "Two threads (both cores):"
    echo
    echo '```'
    cat "$out/jmh-2threads.txt"
    echo '```'
  fi
} | tee "$out/report.md"
log "all files in $out"
