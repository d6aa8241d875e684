#!/usr/bin/env bash
# The validation drain benchmark: how fast the validation topology works off a backlog of raw events, with exact
# dedup on and off, side by side on the same backlog in one run.
#   1. starts the infrastructure and definition-service (./uip up), defines the benchmark's event;
#   2. writes BENCH_EVENTS raw events (default 2,000,000; every 100th an SDK retry of the message before it) straight
#      to a new raw topic of this run (bench-raw-<time>, 6 partitions like usage-events-raw), as the edge writes them;
#   3. BENCH_ROUNDS times (default 2), alternating dedup on and off, starts ingest-service with a new validation
#      application id (so each run reads the whole topic from the start) and measures, from the run's first commit
#      until it has caught up, the events per second it drains and the CPU that ingest-service and the broker used
#      meanwhile (per thousand events); then stops it.
# Prints one DRAIN line per run, the means per mode and the ratios on/off. Everything shares this machine's cores: the
# rate moves with whatever else runs, the CPU per event much less.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

EVENTS=${BENCH_EVENTS:-2000000}
ROUNDS=${BENCH_ROUNDS:-2}
CP="deploy/bench/target/bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*"
if [ ! -f deploy/bench/target/bench-0.1.0-SNAPSHOT.jar ] \
  || [ -n "$(find deploy/bench/src -newer deploy/bench/target/bench-0.1.0-SNAPSHOT.jar -print -quit)" ]; then
  echo "bench: building the benchmark tools"
  ./mvnw -q -DskipTests -pl deploy/bench -am install
fi

stop_ingest() {
  local pidf=.uip/run/ingest-service.pid pid
  [ -f "$pidf" ] || return 0
  pid=$(cat "$pidf")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidf"
}

UIP_SERVICES="definition-service gateway" ./uip up
stop_ingest
# A workspace of this run, signed up at the gateway; the benchmark's event defined with an API token.
# shellcheck source=../lib/api.sh
. deploy/lib/api.sh
ws="bench-$(date +%s)"
api_signup "$ws" || exit 1
api POST /v1/definitions -o /dev/null -H 'Content-Type: application/json' -d '{"name": "Report Exported", "ownerTeam": "bench", "properties": [
    {"name": "format", "type": "string", "required": true}, {"name": "rows", "type": "integer", "required": true}]}'

topic="bench-raw-$(date +%s)"
echo "bench: writing $EVENTS raw events to $topic"
java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" dev.uip.bench.RawBacklog --events "$EVENTS" \
  --workspace "$ws" --event "Report Exported" --topic "$topic"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    group="bench-validation-$mode-$(date +%s)"
    enabled=true
    [ "$mode" = off ] && enabled=false
    echo "bench: round $round, dedup $mode, application id $group"
    QUARKUS_KAFKA_STREAMS_APPLICATION_ID=$group UIP_STREAMS_DEDUP_ENABLED=$enabled UIP_INGEST_ROLE=validator \
      UIP_STREAMS_RAW_TOPIC=$topic UIP_SERVICES="ingest-service" ./uip up >/dev/null
    pids="ingest=$(cat .uip/run/ingest-service.pid),kafka=$(cat .uip/run/kafka.pid)"
    java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dbench.pids="$pids" -Dbench.clk-tck="$(getconf CLK_TCK)" \
      -cp "$CP" dev.uip.bench.DrainRate localhost:9092 "$group" "$topic" | sed "s/^DRAIN /DRAIN mode=$mode /" \
      | tee -a "$results"
    stop_ingest
  done
done

mean() { grep "^DRAIN mode=$1 " "$results" | sed -nE "s/.* $2=([0-9.]+).*/\1/p" \
  | awk '{ s += $1; n++ } END { if (n) printf "%.2f", s / n; else print 0 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
on=$(mean on events_per_s)
off=$(mean off events_per_s)
cpu_on=$(mean on cpu_ms_per_1k)
cpu_off=$(mean off cpu_ms_per_1k)
echo
echo "validation drain, dedup on:  ${on%.*} events/s, $cpu_on CPU ms per 1,000 events (ingest + broker; mean of $ROUNDS)"
echo "validation drain, dedup off: ${off%.*} events/s, $cpu_off CPU ms per 1,000 events (ingest + broker; mean of $ROUNDS)"
echo "ratio on/off: rate $(ratio "$on" "$off"), CPU per event $(ratio "$cpu_on" "$cpu_off")"
echo "targets on a 2-core box: dedup on >= 100000 events/s and >= 0.8 of dedup off"
