#!/usr/bin/env bash
# The detection benchmark: starts the local stack (./uip up: ingest-service, definition-service, anomaly-service),
# then measures and prints
#   1. the delay from a key event's stop to its alert, and from another key event's 80 % drop to its alert, at
#      1-minute buckets: both events are defined through definition-service (key events, owner team, criticality
#      high) and sent steadily through the ingest edge with a write key, one request per event; the delay runs from
#      the moment of the change to the moment the AnomalyAlert record is read from usage-alerts (read_committed,
#      decoded with the registry's Avro deserializer) by this script's consumer;
#   2. the CPU and heap of anomaly-service while BENCH_SERIES series are active: ValidatedUsageEvents written straight
#      to usage-events-validated (registry Avro, as the validation topology writes them; the ingest edge is bypassed
#      because the measure is anomaly-service, and sending them through ingest would take this box's two cores),
#      sampled from /proc/<pid>/stat (utime + stime) and jstat (heap used, GC time; read from the JVM's perf data,
#      which costs the measured process nothing).
# Everything runs on this machine: load generators, services and broker.
#
# Settings (defaults take about 30 minutes after the build):
#   BENCH_RATE               events a minute of each key event in part 1 (default 60)
#   BENCH_DROP               the fraction the second event drops by (default 0.8)
#   BENCH_HISTORY_MINUTES    minutes of history sent first through the edge with original timestamps, as an import
#                            would (default 360): a DROP or SPIKE alert opens only once its series has 288 judged
#                            buckets behind it (the detectors' rarity check, WatcherSettings.rarityMinHistory; the
#                            level window needs 48), so with less history than that no drop alert can come
#   BENCH_WARMUP_MINUTES     minutes of live steady traffic before the change (default 5)
#   BENCH_CHANGE_OFFSET      second of the minute at which the stop and the drop happen (default 30: the average case)
#   BENCH_ALERT_TIMEOUT      minutes to wait for the alerts (default 6)
#   BENCH_SERIES             active series in part 2 (default 10000), over BENCH_WORKSPACES workspaces (default 4)
#   BENCH_SERIES_RATE        events a minute of each series (default 2)
#   BENCH_KEY_SERIES         how many of them are defined as key events (drop and spike rules too; default 100)
#   BENCH_SERIES_WARMUP      minutes of that load before sampling (default 3)
#   BENCH_MINUTES            minutes sampled (default 10), every BENCH_SAMPLE_SECONDS (default 5)
#   BENCH_PARTS              "1 2" (default), "1" or "2"
# anomaly-service runs with ./uip's default JVM options (-Xmx256m -XX:+UseSerialGC); UIP_ANOMALY_JAVA_OPTS changes them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

RATE=${BENCH_RATE:-60}
DROP=${BENCH_DROP:-0.8}
HISTORY=${BENCH_HISTORY_MINUTES:-360}
WARMUP=${BENCH_WARMUP_MINUTES:-5}
OFFSET=${BENCH_CHANGE_OFFSET:-30}
ALERT_TIMEOUT=${BENCH_ALERT_TIMEOUT:-6}
SERIES=${BENCH_SERIES:-10000}
WORKSPACES=${BENCH_WORKSPACES:-4}
SERIES_RATE=${BENCH_SERIES_RATE:-2}
KEY_SERIES=${BENCH_KEY_SERIES:-100}
SERIES_WARMUP=${BENCH_SERIES_WARMUP:-3}
MINUTES=${BENCH_MINUTES:-10}
SAMPLE=${BENCH_SAMPLE_SECONDS:-5}
PARTS=${BENCH_PARTS:-"1 2"}
BOOTSTRAP=localhost:9092
REGISTRY=http://localhost:8085/apis/registry/v2
# shellcheck source=../lib/api.sh
. deploy/lib/api.sh
JAR=deploy/bench/target/bench-0.1.0-SNAPSHOT.jar
CP="$JAR:deploy/bench/target/lib/*"
QUIET=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn

if [ ! -f "$JAR" ] || [ -n "$(find deploy/bench/src deploy/bench/pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "bench: building the load generators"
  ./mvnw -q -B -DskipTests -pl deploy/bench -am install
fi

export UIP_SERVICES="ingest-service definition-service anomaly-service gateway"
was_running=0
if ./uip status >/dev/null 2>&1; then
  was_running=1
  echo "bench: the stack was already running: its services keep their JVM options and it is left running"
fi
./uip up
cleanup() {
  [ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null || true
  if [ "$was_running" = 0 ]; then ./uip down >/dev/null || true; fi
}
trap cleanup EXIT

out=$(mktemp -d)
run_id=$(date +%s)
json_field() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }
# Each workspace is signed up at the gateway; its API token is kept here and used for its calls.
declare -A TOKENS
signup() { # workspace
  api_signup "$1" || exit 1
  TOKENS[$1]=$API_TOKEN
}
define() { # workspace name owner
  local code
  code=$(API_TOKEN=${TOKENS[$1]} api_code POST /v1/definitions "$out/define.json" \
    -H 'Content-Type: application/json' \
    -d "{\"name\": \"$2\", \"ownerTeam\": \"$3\", \"keyEvent\": true, \"criticality\": \"high\",
         \"description\": \"detection benchmark\", \"properties\": [{\"name\": \"plan\", \"type\": \"string\"}]}")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "bench: defining $2 answered $code: $(cat "$out/define.json")" >&2; exit 1; }
}
await_key_events() { # workspace count
  local deadline=$((SECONDS + 120)) n=0
  until [ "$n" -ge "$2" ]; do
    [ $SECONDS -lt $deadline ] || { echo "bench: anomaly-service lists $n of $2 key events of $1 after 120 s" >&2; exit 1; }
    sleep 1
    n=$(API_TOKEN=${TOKENS[$1]} api GET "/v1/key-events/$1" | grep -o '"ownerTeam"' | wc -l)
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Part 1: delay from a stop and from a drop to the alert
if [[ " $PARTS " == *" 1 "* ]]; then
  ws=detect-$run_id
  signup "$ws"
  KEY=$(API_TOKEN=${TOKENS[$ws]} api POST "/v1/workspaces/$ws/write-keys" -H 'Content-Type: application/json' \
    -d '{"name": "detection benchmark"}' | json_field key)
  [ -n "$KEY" ] || { echo "bench: no write key issued for $ws" >&2; exit 1; }
  define "$ws" "Checkout Completed" payments
  define "$ws" "Search Performed" discovery
  # The rules of a series follow its definition: the events are sent only once anomaly-service knows both as key events.
  await_key_events "$ws" 2
  until curl -s -o /dev/null -w '%{http_code}' -u "$KEY:" localhost:8088/v1/identify -H 'Content-Type: application/json' \
      -d '{"userId": "bench"}' | grep -q 200; do sleep 0.5; done
  echo "bench: part 1 in workspace $ws: $RATE events a minute each, $HISTORY min of history, $WARMUP min live," \
    "then \"Checkout Completed\" stops and \"Search Performed\" drops by $(awk -v d="$DROP" 'BEGIN { print d * 100 }') %"
  java -Xmx256m $QUIET -cp "$CP" dev.uip.bench.DetectionDelay --ingest http://localhost:8088 --key "$KEY" --workspace "$ws" \
    --bootstrap "$BOOTSTRAP" --registry "$REGISTRY" --stopped "Checkout Completed" --dropped "Search Performed" \
    --rate "$RATE" --drop "$DROP" --history-minutes "$HISTORY" --warmup-minutes "$WARMUP" \
    --change-offset-seconds "$OFFSET" --timeout-minutes "$ALERT_TIMEOUT" 2>&1 | tee "$out/part1.txt"
fi

# ---------------------------------------------------------------------------------------------------------------
# Part 2: CPU and heap of anomaly-service with many active series
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
heap_kb() { # used KB, GC seconds (jstat -gc columns by name)
  jstat -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
    NR == 2 { printf "%.0f %s\n", $c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"], $c["GCT"] }'
}
threads() { # tid name ticks, one line per thread
  for t in /proc/"$1"/task/*; do
    [ -r "$t/stat" ] || continue
    sed -E 's/^([0-9]+) \((.*)\) (.*)$/\1|\2|\3/' "$t/stat" 2>/dev/null | awk -F'|' '{ split($3, f, " "); n = $2;
      gsub(/ /, "_", n); print $1, n, f[12] + f[13] }'
  done
}
if [[ " $PARTS " == *" 2 "* ]]; then
  pid=$(cat .uip/run/anomaly-service.pid)
  grep -q java "/proc/$pid/cmdline" || { echo "bench: pid $pid is not anomaly-service's JVM" >&2; exit 1; }
  xmx=$(tr '\0' '\n' <"/proc/$pid/cmdline" | sed -n 's/^-Xmx//p' | tail -n 1)
  prefix=bench-series-$run_id
  for ((w = 0; w < WORKSPACES; w++)); do signup "$prefix-$w"; done
  if [ "$KEY_SERIES" -gt 0 ]; then
    echo "bench: defining $KEY_SERIES of the $SERIES series as key events (drop and spike rules besides stopped)"
    for ((i = 0; i < KEY_SERIES; i++)); do
      define "$prefix-$((i % WORKSPACES))" "Series Event $i" "team-$((i % 7))"
    done
    for ((w = 0; w < WORKSPACES && w < KEY_SERIES; w++)); do
      await_key_events "$prefix-$w" $(((KEY_SERIES - w + WORKSPACES - 1) / WORKSPACES))
    done
  fi
  echo "bench: part 2: $SERIES series over $WORKSPACES workspaces, $SERIES_RATE events a minute each, written" \
    "straight to usage-events-validated; $SERIES_WARMUP min of warm-up, then $MINUTES min sampled every $SAMPLE s"
  java -Xmx512m $QUIET -cp "$CP" dev.uip.bench.SeriesLoad --bootstrap "$BOOTSTRAP" --registry "$REGISTRY" \
    --series "$SERIES" --workspaces "$WORKSPACES" --prefix "$prefix" --per-minute "$SERIES_RATE" \
    --minutes "$(awk -v a="$SERIES_WARMUP" -v b="$MINUTES" 'BEGIN { print a + b + 0.25 }')" >"$out/load.txt" 2>&1 &
  load_pid=$!
  sleep $((SERIES_WARMUP * 60))
  kill -0 "$load_pid" 2>/dev/null || { cat "$out/load.txt"; echo "bench: the series load stopped early" >&2; exit 1; }
  hz=$(getconf CLK_TCK)
  threads "$pid" >"$out/threads0.txt"
  t0=$(date +%s.%N)
  c0=$(ticks "$pid")
  read -r _ gc0 < <(heap_kb "$pid")
  samples=$(( MINUTES * 60 / SAMPLE ))
  : >"$out/samples.txt"
  : >"$out/thread-dump.txt"
  prev_c=$c0
  prev_t=$t0
  for ((s = 1; s <= samples; s++)); do
    sleep "$SAMPLE"
    now=$(date +%s.%N)
    c=$(ticks "$pid")
    read -r used gc < <(heap_kb "$pid")
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
    echo "$used $rss $(awk -v c="$c" -v p="$prev_c" -v t="$now" -v q="$prev_t" -v hz="$hz" \
      'BEGIN { printf "%.3f", (c - p) / hz / (t - q) }')" >>"$out/samples.txt"
    prev_c=$c
    prev_t=$now
    if [ "$s" -eq $((samples / 2)) ]; then jcmd "$pid" Thread.print >"$out/thread-dump.txt" 2>&1 || true; fi
    if [ $((s % (60 / SAMPLE))) -eq 0 ]; then echo "bench: sampled $((s * SAMPLE / 60)) of $MINUTES min"; fi
  done
  t1=$(date +%s.%N)
  c1=$(ticks "$pid")
  read -r _ gc1 < <(heap_kb "$pid")
  threads "$pid" >"$out/threads1.txt"
  wait "$load_pid" || true
  load_pid=
  cat "$out/load.txt" | grep '^LOAD done'
  sleep 5
  java -Xmx128m $QUIET -cp "$CP" dev.uip.bench.GroupLag "$BOOTSTRAP" uip-anomaly >"$out/lag.txt" 2>/dev/null || true
  active=0
  for ((w = 0; w < WORKSPACES; w++)); do
    n=$(API_TOKEN=${TOKENS[$prefix-$w]} api GET "/v1/trends/$prefix-$w/events" | grep -o '"health":"healthy"' | wc -l)
    active=$((active + n))
  done
  # live heap: after a full collection, at the end
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  read -r live _ < <(heap_kb "$pid")
fi

# ---------------------------------------------------------------------------------------------------------------
echo
echo "=== detection benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores) ==="
if [ -f "$out/part1.txt" ]; then
  delay() { grep "^DELAY change=$1 " "$out/part1.txt" | sed -nE "s/.* $2=([^ ]+).*/\1/p" || true; }
  echo "1. delays at 1-minute buckets ($RATE events/min each through the ingest edge; $HISTORY min of history +" \
    "$WARMUP min live; change at second $OFFSET of its minute)"
  printf '   %-44s %10s %9s  %s\n' "" seconds windows target
  printf '   %-44s %10s %9s  %s\n' "stop -> first alert ($(delay stop rule))" "$(delay stop delay_s)" "$(delay stop windows)" "<= 2 windows"
  printf '   %-44s %10s %9s  %s\n' "stop -> STOPPED alert" "$(delay stop-to-stopped delay_s)" \
    "$(delay stop-to-stopped windows)" "<= 2 windows"
  printf '   %-44s %10s %9s  %s\n' "$(awk -v d="$DROP" 'BEGIN { print d * 100 }') % drop -> DROP alert" \
    "$(delay drop delay_s)" "$(delay drop windows)" "<= 3 windows"
  false_alerts=$(grep -c 'BEFORE the change' "$out/part1.txt" || true)
  echo "   alerts of the two events before the change (false alerts): $false_alerts"
  if [ $((HISTORY + ${WARMUP%.*})) -lt 290 ]; then
    echo "   note: with $HISTORY + $WARMUP min of history no DROP or SPIKE alert can open (288 buckets needed)"
  fi
fi
if [ -n "${pid:-}" ] && [ -f "$out/samples.txt" ]; then
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  echo "2. anomaly-service with $SERIES active series ($SERIES_RATE events/min each, $KEY_SERIES of them key events;" \
    "ValidatedUsageEvents produced straight to usage-events-validated, not through ingest), $MINUTES min sampled:"
  awk -v c0="$c0" -v c1="$c1" -v hz="$hz" -v w="$wall" \
    'BEGIN { printf "   CPU: %.3f cores on average (target < 0.25)", (c1 - c0) / hz / w }'
  sort -n -k3 "$out/samples.txt" | awk '{ v[NR] = $3 } END { printf ", p95 of %d-s samples %.2f, max %.2f\n", '"$SAMPLE"',
    v[int(NR * 0.95 + 0.999)], v[NR] }'
  sort -n -k1 "$out/samples.txt" | awk -v xmx="$xmx" -v live="$live" '{ v[NR] = $1 } END {
    printf "   heap used (jstat, garbage included): p95 %.0f MB, max %.0f MB; live after a full GC %.0f MB; -Xmx%s (target < 256 MB)\n",
    v[int(NR * 0.95 + 0.999)] / 1024, v[NR] / 1024, live / 1024, xmx }'
  sort -n -k2 "$out/samples.txt" | awk '{ v[NR] = $2 } END { printf "   resident set (RocksDB and metaspace included): max %.0f MB\n", v[NR] / 1024 }'
  awk -v a="$gc0" -v b="$gc1" -v w="$wall" 'BEGIN { printf "   GC time: %.1f s in %.0f s (%.1f %%)\n", b - a, w, (b - a) / w * 100 }'
  echo "   series the events API lists as healthy at the end: $active of $SERIES"
  sed 's/^LAG /   still to read at the end: /' "$out/lag.txt"
  echo "   busiest threads over the sampled minutes, in cores (named from a mid-run thread dump; numbers as N):"
  awk -v hz="$hz" -v w="$wall" '
    FILENAME ~ /thread-dump/ { if (match($0, /nid=0x[0-9a-f]+/)) { name = $0; sub(/^"/, "", name); sub(/".*/, "", name)
        gsub(/ /, "_", name); full[substr($0, RSTART + 6, RLENGTH - 6)] = name }; next }
    FILENAME ~ /threads0/ { t0[$1] = $3; next }
    { h = sprintf("%x", $1); n = (h in full) ? full[h] : $2
      gsub(/[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+-[0-9a-f]+/, "*", n); gsub(/[0-9]+/, "N", n); by[n] += $3 - t0[$1] }
    END { for (n in by) printf "%s %.3f\n", n, by[n] / hz / w }' "$out/thread-dump.txt" "$out/threads0.txt" \
    "$out/threads1.txt" | sort -k2 -rn | head -n 6 | awk '{ printf "     %-70s %s\n", $1, $2 }'
  cp "$out/thread-dump.txt" .uip/logs/bench-detection-thread-dump.txt 2>/dev/null &&
    echo "   a thread dump from mid-run: .uip/logs/bench-detection-thread-dump.txt"
fi
