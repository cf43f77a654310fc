#!/usr/bin/env bash
# The embedded LRS on PostgreSQL (issue 5, "Performance"): write throughput (statements/s, batches
# of 1 and 50, CLIENTS concurrent clients) on top of N stored statements, and query latency
# (p50/p95: agent, verb, activity with related_activities, since + limit) against them, with the two
# baselines measured in the same run on the same machine: the npm LRS of the tests
# (.ci/external-lrs: Learning Locker's xapi-statements, its in-memory store) for the same batches,
# and a raw PostgreSQL insert of the same rows into the same tables (the floor). Prints Markdown
# for bench/RESULTS.md; every file of the run goes to bench/lrs/target/run-<time>/.
#
#   bench/lrs.sh                 (N=20000 bench/lrs.sh to try it; the uber jar is built if missing)
#
# What runs, in order:
#   1. a fresh database BENCH_DB, the tool started against it, an LRS credential (scope `all`)
#      made through the admin API;
#   2. the load: N statements (bench/lrs Workload: the tool's shapes over 5,000 people, 15 verbs,
#      2,000 activities, 50 communities, 200 runs, 1,000 registrations, a year of timestamps),
#      made on the fly: the first LOAD_VIA_LRS POSTed in batches of 50 by CLIENTS clients (this
#      defines the activities, as the tool's writes do), the rest inserted raw in batches of
#      LOAD_BATCH (the same rows, several times faster: 1M through the LRS would not fit the
#      time of a run on 2 shared cores); then VACUUM ANALYZE;
#   3. for batch 50, then batch 1: the embedded LRS (on top of the N rows), the npm LRS (freshly
#      started and empty: its in-memory store scans every stored statement on each POST, so it
#      could not hold N), and the raw insert (same database as the embedded LRS, same rows as the
#      StatementStore writes: statement row + agent and activity link rows, one transaction per
#      batch, CLIENTS JDBC connections);
#   4. QUERIES queries of each kind, one client, against the embedded LRS: at the server's page
#      size (no limit given) and with limit=100.
#
# Settings (environment):
#   N                 statements loaded before measuring (default 1000000)
#   LOAD_VIA_LRS      of these, how many go through the embedded LRS (default 20000)
#   LOAD_BATCH        batch size of the raw part of the load (default 500)
#   CLIENTS           concurrent clients for the writes (default 8)
#   COUNT50 WARMUP50  statements measured / sent first, batches of 50 (default 20000, 2000)
#   COUNT1 WARMUP1    statements measured / sent first, batches of 1 (default 4000, 400)
#   QUERIES           queries per kind (default 200, after 20 not counted)
#   MAX_LOAD MAX_WAIT before each measured phase wait (polling every 20 s) until the 1-minute load
#                     is below MAX_LOAD (default 1.5); MAX_WAIT s (default 600) for all waits together
#   TOOL_JAR          the uber jar (default target/child-cop-microbundle.jar; built when missing)
#   TOOL_JAVA_OPTS    JVM flags of the tool (default: the Docker image's serial GC, 1 GiB heap)
#   PROFILE           1 (default): after the tables, one more burst of batches of 50 with JFR on
#                     the tool, summarised (bench/lrs JfrSummary); 0: not
#   WRITES            1 (default): the write phases; 0: only the load and the queries
#   KEEP_DB           1: leave BENCH_DB for a look or another run (default: dropped at the end)
#   REUSE_DB          1: measure on BENCH_DB as a KEEP_DB=1 run left it (no new database, no load;
#                     e.g. the same data before and after a change of the tool)
#   PGHOST PGPORT PGUSER PGPASSWORD BENCH_DB   the bench database (default childcop_bench, dropped
#                     and created anew)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
n=${N:-1000000}
clients=${CLIENTS:-8}
count50=${COUNT50:-20000}
warmup50=${WARMUP50:-2000}
count1=${COUNT1:-4000}
warmup1=${WARMUP1:-400}
queries=${QUERIES:-200}
load_via_lrs=${LOAD_VIA_LRS:-20000}
load_batch=${LOAD_BATCH:-500}
max_load=${MAX_LOAD:-1.5}
max_wait=${MAX_WAIT:-600}
tool_jar=${TOOL_JAR:-$root/target/child-cop-microbundle.jar}
java_opts=${TOOL_JAVA_OPTS:--XX:+UseSerialGC -Xmx1g}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
db=${BENCH_DB:-childcop_bench}
admin_password=bench-admin-$(date +%s)-password
lrs_cache=${XDG_CACHE_HOME:-$HOME/.cache}/child-cop/xapi-statements
run_id=$(date +%Y%m%d-%H%M%S)
out=$root/bench/lrs/target/run-$run_id
log() { echo "$(date +%T) $*" >&2; }

uptime_before=$(uptime)
if [ ! -f "$tool_jar" ]; then
  log "building the uber jar"
  mvn -B -q clean package -DskipTests >&2
fi
log "building the bench project"
(cd bench/lrs && mvn -B -q package) >&2
bench_jar=$root/bench/lrs/target/lrs-bench.jar
mkdir -p "$out/tool"

free_port() { # first port of the range nobody answers on
  local p
  for p in $(seq "$1" "$2"); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port in $1-$2" >&2
  exit 1
}

tool_pid=
npm_port=
finish() {
  if [ -n "$tool_pid" ]; then
    kill "$tool_pid" 2>/dev/null || true
    wait "$tool_pid" 2>/dev/null || true
  fi
  if [ -n "$npm_port" ]; then
    EXTERNAL_LRS_PORT=$npm_port .ci/external-lrs stop 2>/dev/null || true
  fi
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql -q -d postgres -c "drop database if exists $db" >&2 || true
  fi
}
trap finish EXIT

wait_deadline=$(( $(date +%s) + max_wait ))
wait_quiet() { # prints the 1-minute load seen; all waits of the run share MAX_WAIT
  local load first
  load=$(cut -d' ' -f1 /proc/loadavg)
  first=$load
  while awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && [ "$(date +%s)" -lt "$wait_deadline" ]; do
    log "1-min load $load >= $max_load: waiting 20 s"
    sleep 20
    load=$(cut -d' ' -f1 /proc/loadavg)
  done
  awk -v l="$load" -v m="$max_load" 'BEGIN {exit !(l >= m)}' && load="$load (not below $max_load)"
  [ "$load" = "$first" ] || load="$load (was $first)"
  echo "$load"
}

bench() {
  java -XX:+UseSerialGC -Xmx2g -cp "$bench_jar" org.child.bench.lrs.LrsBench "$@" 2>> "$out/driver.log"
}

if [ "${REUSE_DB:-0}" = 1 ]; then
  log "reusing database $db and its statements (no load)"
else
  log "recreating database $db"
  psql -q -d postgres -c "drop database if exists $db" >&2
  psql -q -d postgres -c "create database $db" >&2
fi

port=$(free_port 18900 18999)
base_url="http://localhost:$port"
log "starting the tool on port $port ($java_opts)"
# shellcheck disable=SC2086
(cd "$out/tool" && exec env \
  DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DB_CLASS=org.postgresql.ds.PGSimpleDataSource \
  DB_USER="$PGUSER" DB_PASSWORD="$PGPASSWORD" ADMIN_PASSWORD="$admin_password" \
  TOOL_BASE_URL="$base_url" \
  java $java_opts -Dhttp.port="$port" -jar "$tool_jar" >> "$out/tool/tool.log" 2>&1) &
tool_pid=$!
start=$(date +%s)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
  kill -0 "$tool_pid" 2>/dev/null || { echo "the tool stopped; see $out/tool/tool.log" >&2; exit 1; }
  [ $(( $(date +%s) - start )) -lt 300 ] || { echo "the tool is not ready after 300 s" >&2; exit 1; }
  sleep 0.5
done
log "tool ready after $(( $(date +%s) - start )) s (pid $tool_pid)"

credential=$(curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' \
  -d '{"name":"LRS bench","scopes":["all"]}' "http://127.0.0.1:$port/api/admin/lrs/credentials")
field() { node -e 'const c=JSON.parse(process.argv[1]); console.log(eval("c." + process.argv[2]))' "$credential" "$1"; }
key=$(field credential.key)
secret=$(field secret)
credential_id=$(field credential.id)
credential_name=$(field credential.name)
tenant=$(field credential.tenant)
endpoint="http://127.0.0.1:$port/xapi"
embedded=(--endpoint "$endpoint" --key "$key" --secret "$secret" --lrs-pid "$tool_pid" --db-name "$db")
raw=(--db "jdbc:postgresql://$PGHOST:$PGPORT/$db" --db-user "$PGUSER" --db-password "$PGPASSWORD"
  --db-name "$db" --tenant "$tenant" --credential-id "$credential_id"
  --authority-name "$credential_name" --authority-home "$base_url/xapi/clients" --authority-key "$key")

writes=$out/writes.md
query_rows=$out/queries.md
: > "$writes"
: > "$query_rows"

if [ "${REUSE_DB:-0}" = 1 ]; then
  n=$(psql -At -d "$db" -c "select count(*) from lrs_statement")
  via_lrs=$n
  echo "| load: none, database reused with $n statements | | | | | | | | | |" >> "$writes"
else
via_lrs=$(( n < load_via_lrs ? n : load_via_lrs ))
log "loading $n statements: $via_lrs through the LRS (batches of 50, $clients clients), the rest raw"
bench post "${embedded[@]}" --label "load, part 1: embedded LRS, 0 → $via_lrs stored (bodies made during the run)" \
  --stream load --count "$via_lrs" --batch 50 --threads "$clients" --prepare false \
  --load "$(cut -d' ' -f1 /proc/loadavg)" >> "$writes"
tail -1 "$writes" >&2
if [ "$n" -gt "$via_lrs" ]; then
  bench raw "${raw[@]}" --label "load, part 2: raw insert, $via_lrs → $n stored (rows made during the run)" \
    --stream load --from "$via_lrs" --count "$(( n - via_lrs ))" --batch "$load_batch" \
    --threads "$clients" --prepare false --load "$(cut -d' ' -f1 /proc/loadavg)" >> "$writes"
  tail -1 "$writes" >&2
fi
fi
vacuum_start=$(date +%s)
psql -q -d "$db" -c "vacuum analyze" >&2
vacuum_seconds=$(( $(date +%s) - vacuum_start ))
sizes=$(psql -At -d "$db" -c "select pg_size_pretty(pg_database_size('$db')),
  (select count(*) from lrs_statement), (select count(*) from lrs_statement_agent),
  (select count(*) from lrs_statement_activity), (select count(*) from lrs_activity)")
log "after the load: database size, statements, agent links, activity links, activities: $sizes"

npm_port=$(free_port 18800 18899)
fresh_npm() {
  EXTERNAL_LRS_PORT=$npm_port .ci/external-lrs stop 2>/dev/null || true
  EXTERNAL_LRS_PORT=$npm_port .ci/external-lrs start > /dev/null
  npm_pid=$(cat "$lrs_cache/server-$npm_port.pid")
}

# the measured statements are new in every run (their stream is named after it): a reused database
# holds the statements of earlier runs, and the LRS does not store a statement it holds again
for batch in $([ "${WRITES:-1}" = 1 ] && echo 50 1); do
  if [ "$batch" = 50 ]; then count=$count50; warmup=$warmup50; else count=$count1; warmup=$warmup1; fi
  log "batch $batch: embedded LRS"
  bench post "${embedded[@]}" --label "embedded LRS (on top of $n)" --stream "embedded-b$batch-$run_id" \
    --count "$count" --warmup "$warmup" --batch "$batch" --threads "$clients" \
    --load "$(wait_quiet)" >> "$writes"
  tail -1 "$writes" >&2
  log "batch $batch: npm xapi-statements (fresh, empty)"
  fresh_npm
  bench post --endpoint "http://127.0.0.1:$npm_port/xAPI" --key bench --secret bench \
    --lrs-pid "$npm_pid" --db-name "-" --label "npm xapi-statements 5.0.1 (in memory, empty at start)" \
    --stream "npm-b$batch-$run_id" --count "$count" --warmup "$warmup" --batch "$batch" \
    --threads "$clients" --load "$(wait_quiet)" >> "$writes"
  tail -1 "$writes" >&2
  EXTERNAL_LRS_PORT=$npm_port .ci/external-lrs stop 2>/dev/null || true
  log "batch $batch: raw insert"
  bench raw "${raw[@]}" --label "raw PostgreSQL insert, same rows and tables (on top of $n)" \
    --stream "raw-b$batch-$run_id" --count "$count" --warmup "$warmup" --batch "$batch" \
    --threads "$clients" --load "$(wait_quiet)" >> "$writes"
  tail -1 "$writes" >&2
done

range=$(psql -At -d "$db" -c "select to_char(min(stored) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
  to_char(max(stored) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') from lrs_statement")
since_from=${range%|*}
since_to=${range#*|}
query_load=$(wait_quiet)
for limit in "" 100; do
  for kind in agent verb activity since; do
    [ "$kind" = since ] && [ -z "$limit" ] && continue
    case $kind in
      agent) label="agent (account)" ;;
      verb) label="verb" ;;
      activity) label="activity + related_activities=true" ;;
      since) label="since (random point of the stored range)" ;;
    esac
    log "queries: $kind, limit ${limit:-none}"
    bench query "${embedded[@]}" --label "$label" --kind "$kind" ${limit:+--limit "$limit"} \
      --count "$queries" --since-from "$since_from" --since-to "$since_to" >> "$query_rows"
    tail -1 "$query_rows" >&2
  done
done

if [ "${PROFILE:-1}" = 1 ]; then
  # JFR's own cost stays out of the tables: this burst is reported only as a profile
  log "profile: one more burst of batches of 50 with JFR on the tool"
  mkdir -p "$out/profile"
  jcmd "$tool_pid" JFR.start name=lrsbench settings=profile filename="$out/profile/writes.jfr" > /dev/null
  bench post "${embedded[@]}" --label "embedded LRS, JFR on (profile only)" --stream "embedded-profiled-$run_id" \
    --count "$count50" --batch 50 --threads "$clients" > "$out/profile/row.md"
  jcmd "$tool_pid" JFR.stop name=lrsbench > /dev/null
  java -cp "$bench_jar" org.child.bench.lrs.JfrSummary "$out/profile/writes.jfr" > "$out/profile/summary.md"
fi

errors_in_log=$(grep -c 'SEVERE\|Exception' "$out/tool/tool.log" || true)
{
  echo "- **Date:** $(date -R)"
  echo "- **Machine:** $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM, Linux $(uname -r); $(java -version 2>&1 | head -1); node $(node --version); PostgreSQL $(psql -At -d postgres -c 'show server_version') on $PGHOST:$PGPORT (shared_buffers $(psql -At -d postgres -c 'show shared_buffers'))"
  echo "- **Load (uptime):** before \`$uptime_before\`; after \`$(uptime)\`; 1-min load before each measured phase in the tables"
  echo "- **Tool jar:** $tool_jar (sha256 $(sha256sum "$tool_jar" | cut -c1-12)), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes'); JVM flags \`$java_opts\`; credential scope \`all\`"
  echo "- **Command:** \`bench/lrs.sh\` (REUSE_DB=${REUSE_DB:-0} WRITES=${WRITES:-1} N=$n LOAD_VIA_LRS=$load_via_lrs LOAD_BATCH=$load_batch CLIENTS=$clients COUNT50=$count50 WARMUP50=$warmup50 COUNT1=$count1 WARMUP1=$warmup1 QUERIES=$queries MAX_LOAD=$max_load)"
  echo "- **After the load:** database size, statements, agent link rows, activity link rows, lrs_activity rows: $sizes; \`VACUUM ANALYZE\` took ${vacuum_seconds} s"
  echo "- **Tool log:** $errors_in_log lines with SEVERE or Exception"
  echo
  echo "Writes ($clients clients, each one request at a time; per request = one POST or one transaction):"
  echo
  echo "| what | batch | clients | statements | seconds | statements/s | per request p50 / p95 / p99 ms | errors | cores: LRS / PostgreSQL (bench db) / driver / everything else | 1-min load before |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  cat "$writes"
  echo
  echo "Queries (embedded LRS, $(psql -At -d "$db" -c 'select count(*) from lrs_statement') statements stored; one client; latency of the whole GET; 1-min load before: $query_load):"
  echo
  echo "| query | limit | queries | statements per page (mean) | p50 ms | p95 ms | p99 ms | max ms | errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
  cat "$query_rows"
  if [ -f "$out/profile/summary.md" ]; then
    echo
    echo "JFR profile of the tool during one more burst of batches of 50 (after the tables; with JFR on: $(cut -d'|' -f7 "$out/profile/row.md" | tr -d ' *') statements/s):"
    echo
    cat "$out/profile/summary.md"
  fi
} | tee "$out/report.md"
log "all files in $out"
