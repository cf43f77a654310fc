#!/usr/bin/env bash
# Runs the ADL LRS conformance suite against the embedded LRS, for xAPI 1.0.3 and 2.0.0, and prints
# the pass/fail counts as Markdown for bench/RESULTS.md. The suite is third-party code: it is taken
# from its public repository (adlnet/lrs-conformance-test-suite) into a temporary folder, installed
# there with npm, and never committed.
#
#   SUITE_DIR=/tmp/lrs-suite bench/lrs-conformance.sh      (after mvn -B package -DskipTests)
#
# Settings (environment):
#   SUITE_DIR   the suite's folder, with node_modules installed (npm install) (default /tmp/lrs-suite)
#   SUITE_COMMIT  the suite's commit, for the record (default: read from SUITE_DIR/.commit if present)
#   TOOL_JAR    the uber jar (default target/child-cop-microbundle.jar)
#   VERSIONS    which suite versions to run (default "1.0.3 2.0.0")
#   TIMEOUT     seconds per version before the run is stopped (default 1800; some tests have none)
#   DB_URL DB_CLASS DB_USER DB_PASSWORD   run on PostgreSQL instead of the embedded H2
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
suite=${SUITE_DIR:-/tmp/lrs-suite}
tool_jar=${TOOL_JAR:-$root/target/child-cop-microbundle.jar}
versions=${VERSIONS:-1.0.3 2.0.0}
limit=${TIMEOUT:-1800}
admin_password=conformance-$(date +%s)-admin
out=$(mktemp -d /tmp/lrs-conformance.XXXXXX)
log() { echo "$(date +%T) $*" >&2; }

[ -f "$tool_jar" ] || { echo "no $tool_jar: build first (mvn -B package -DskipTests)" >&2; exit 1; }
[ -f "$suite/bin/console_runner.js" ] && [ -d "$suite/node_modules" ] \
  || { echo "no installed suite in $suite (copy adlnet/lrs-conformance-test-suite there, npm install)" >&2; exit 1; }
commit=${SUITE_COMMIT:-$(cat "$suite/.commit" 2>/dev/null || echo unknown)}

port=
for p in $(seq 18600 18700); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port in 18600-18700" >&2; exit 1; }

log "starting the tool on port $port (work folder $out)"
(cd "$out" && exec env ADMIN_PASSWORD="$admin_password" TOOL_BASE_URL="http://localhost:$port" \
  java -XX:+UseSerialGC -Xmx1g -Dhttp.port="$port" -jar "$tool_jar" > "$out/tool.log" 2>&1) &
tool_pid=$!
trap 'kill "$tool_pid" 2>/dev/null || true; wait "$tool_pid" 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
  kill -0 "$tool_pid" 2>/dev/null || { echo "the tool stopped; see $out/tool.log" >&2; exit 1; }
  sleep 0.5
done

credential=$(curl -sf -u "admin:$admin_password" -H 'Content-Type: application/json' \
  -d '{"name":"ADL conformance suite","scopes":["all"]}' "http://127.0.0.1:$port/api/admin/lrs/credentials")
key=$(node -e 'const c=JSON.parse(process.argv[1]); console.log(c.credential.key)' "$credential")
secret=$(node -e 'const c=JSON.parse(process.argv[1]); console.log(c.secret)' "$credential")

echo "- **Date:** $(date -R)"
echo "- **Suite:** adlnet/lrs-conformance-test-suite at commit \`$commit\` (run from $suite, not committed)"
echo "- **Tool jar:** $tool_jar (sha256 $(sha256sum "$tool_jar" | cut -c1-12)); database ${DB_URL:-embedded H2}"
echo "- **Command:** \`bench/lrs-conformance.sh\` (VERSIONS=\"$versions\")"
echo
echo "| xAPI version | passed | failed | total | seconds |"
echo "|---|---|---|---|---|"
for version in $versions; do
  log "suite for xAPI $version"
  start=$(date +%s)
  (cd "$suite" && timeout "$limit" node bin/console_runner.js -e "http://127.0.0.1:$port/xapi" -a \
      -u "$key" -p "$secret" -x "$version" -z > "$out/suite-$version.log" 2>&1) || true
  summary=$(grep -E '^\{"total"' "$out/suite-$version.log" | tail -1 || true)
  if [ -z "$summary" ]; then
    echo "| $version | – | – | – (no summary: stopped after ${limit} s or failed; see $out/suite-$version.log) | $(( $(date +%s) - start )) |"
  else
    node -e 'const s=JSON.parse(process.argv[1]); console.log(`| ${process.argv[2]} | ${s.passed} | ${s.failed} | ${s.total} | ${process.argv[3]} |`)' \
      "$summary" "$version" "$(( $(date +%s) - start ))"
  fi
done
log "logs in $out"
