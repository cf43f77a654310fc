#!/usr/bin/env bash
# Start-up time and idle memory of the CHILD CoP uber jar, against bare Payara Micro as the baseline,
# measured in the same run on the same machine. Usage (after mvn -B package -DskipTests):
#   bench/startup.sh [runs]        prints Markdown rows for bench/RESULTS.md
# Start-up = from `java -jar` to the first 200 from /health/ready (tool) or the first HTTP answer
# (bare Payara Micro, which has no application to be ready). Idle memory = VmRSS 10 s after that.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
tool_jar=target/child-cop-microbundle.jar
bare_jar=target/payara-micro.jar
[ -f "$tool_jar" ] && [ -f "$bare_jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
port=18480

measure() { # name, url, expected-status, fresh|warm, java args...
  local name=$1 url=$2 want=$3 mode=$4; shift 4
  local dir; dir=$(mktemp -d)
  local times=() rss=()
  for i in $(seq 1 "$runs"); do
    [ "$mode" = fresh ] && rm -rf "$dir" && mkdir -p "$dir"
    local start end pid
    start=$(date +%s%N)
    (cd "$dir" && exec java "$@" > "$dir/run-$i.log" 2>&1) &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = "$want" ]; do
      kill -0 "$pid" 2>/dev/null || { echo "$name stopped; see $dir/run-$i.log" >&2; exit 1; }
      sleep 0.05
      [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 300 ] || { echo "$name: no answer in 300 s" >&2; kill "$pid"; exit 1; }
    done
    end=$(date +%s%N)
    sleep 10
    times+=($(( (end - start) / 1000000 )))
    rss+=($(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"))
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
  printf '| %s | %s | %s | %s |\n' "$name" "$(median "${times[@]}")" "$(median "${rss[@]}")" "${times[*]} / ${rss[*]}"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

echo "| what | start-up median (ms) | idle RSS median (MiB) | all runs: ms / MiB |"
echo "|---|---|---|---|"
measure "bare Payara Micro 6.2025.10, no application (baseline)" "http://127.0.0.1:$port/" 404 fresh \
  -jar "$PWD/$bare_jar" --nohazelcast --port "$port" --prebootcommandfile "$PWD/src/test/resources/pre-boot-commands-test.txt"
measure "CHILD CoP uber jar, first start (empty ./data: migration, credential)" "http://127.0.0.1:$port/health/ready" 200 fresh \
  -Dhttp.port="$port" -jar "$PWD/$tool_jar"
measure "CHILD CoP uber jar, restart (schema current)" "http://127.0.0.1:$port/health/ready" 200 warm \
  -Dhttp.port="$port" -jar "$PWD/$tool_jar"
measure "CHILD CoP uber jar, restart, -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "http://127.0.0.1:$port/health/ready" 200 warm \
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dhttp.port="$port" -jar "$PWD/$tool_jar"
