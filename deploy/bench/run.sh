#!/usr/bin/env bash
# The ingest benchmark: starts the local stack (./uip up), then measures, in one run and side by side,
#   - ingest-service: single-event POSTs and 100-event batches (closed loop), then p50/p99 at half the single-event load,
#     and during that run how long each event takes from the edge to usage-events-validated (ValidatedLatency);
#   - a trivial HTTP-to-Kafka forwarder on the same broker (deploy/bench TrivialForwarder): the same three runs;
# and prints the figures and the ratios. Everything runs on this machine: load generator, services and broker.
# Settings: BENCH_DURATION (seconds per run, default 20), BENCH_CONCURRENCY (default 64), BENCH_BATCH_CONCURRENCY (8),
# BENCH_WARMUP (seconds of unmeasured load per service before the runs, default 20: the JIT compiles the hot paths).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-20}
CONCURRENCY=${BENCH_CONCURRENCY:-64}
BATCH_CONCURRENCY=${BENCH_BATCH_CONCURRENCY:-8}
FORWARDER_PORT=${BENCH_FORWARDER_PORT:-8099}
CP="deploy/bench/target/bench-0.1.0-SNAPSHOT.jar:deploy/bench/target/lib/*"

if [ ! -f deploy/bench/target/bench-0.1.0-SNAPSHOT.jar ] \
  || [ -n "$(find deploy/bench/src -newer deploy/bench/target/bench-0.1.0-SNAPSHOT.jar -print -quit)" ]; then
  echo "bench: building the load generator"
  ./mvnw -q -DskipTests -pl deploy/bench -am install
fi

was_running=0
./uip status >/dev/null 2>&1 && was_running=1
# The benchmark measures capacity: the per-key rate limit must not cap it.
UIP_INGEST_RATE_LIMIT_ENABLED=false UIP_SERVICES=${BENCH_SERVICES:-"ingest-service definition-service gateway"} ./uip up
if [ "$was_running" = 1 ]; then
  echo "bench: note: the stack was already running; restart it with UIP_INGEST_RATE_LIMIT_ENABLED=false if" \
    "ingest answers 429"
fi

# A workspace of this run, signed up at the gateway; its write key and definition made with an API token.
# shellcheck source=../lib/api.sh
. deploy/lib/api.sh
ws="bench-$(date +%s)"
api_signup "$ws" || exit 1
key_json=$(api POST "/v1/workspaces/$ws/write-keys" -H 'Content-Type: application/json' -d '{"name": "benchmark"}')
KEY=$(sed -nE 's/.*"key":"([^"]+)".*/\1/p' <<<"$key_json")
[ -n "$KEY" ] || { echo "bench: no key issued: $key_json" >&2; exit 1; }
# The benchmark's event is defined, so events take the usual path: validated, not quarantined as unplanned.
api POST /v1/definitions -o /dev/null -H 'Content-Type: application/json' \
  -d '{"name": "Report Exported", "ownerTeam": "bench", "properties": [
    {"name": "format", "type": "string", "required": true}, {"name": "rows", "type": "integer", "required": true}]}'
until curl -s -o /dev/null -w '%{http_code}' -u "$KEY:" localhost:8088/v1/track -H 'Content-Type: application/json' \
    -d '{"event": "Bench Started", "userId": "u"}' | grep -q 200; do sleep 0.5; done

java -Xmx512m -cp "$CP" dev.uip.bench.TrivialForwarder localhost:9092 "$FORWARDER_PORT" > .uip/logs/bench-forwarder.log 2>&1 &
forwarder=$!
trap 'kill $forwarder 2>/dev/null || true' EXIT
until grep -q 'listening' .uip/logs/bench-forwarder.log 2>/dev/null; do
  kill -0 $forwarder 2>/dev/null || { cat .uip/logs/bench-forwarder.log; exit 1; }
  sleep 0.2
done

results=$(mktemp)
load() { # label url batch concurrency [rate]
  local extra=()
  [ -n "${5:-}" ] && extra=(--rate "$5")
  java -Xmx768m -cp "$CP" dev.uip.bench.LoadGenerator --label "$1" --url "$2" --batch "$3" --concurrency "$4" \
    --duration "$DURATION" --key "$KEY" "${extra[@]}" | tee -a "$results"
}
# Validation runs behind the edge: let it finish the previous run's events before the next run starts.
drain() { # label
  java -Xmx256m -cp "$CP" dev.uip.bench.ValidationBacklog localhost:9092 | sed "s/^BACKLOG /BACKLOG label=$1 /" \
    | tee -a "$results"
}
field() { grep "^RESULT label=$1 " "$results" | sed -nE "s/.* $2=([^ ]+).*/\1/p"; }

# Unmeasured load first, so that the runs measure compiled code rather than the JIT at work (a freshly started
# ingest-service answers a third fewer requests in its first half minute).
warm() { # url batch concurrency seconds
  java -Xmx768m -cp "$CP" dev.uip.bench.LoadGenerator --label warm-up --url "$1" --batch "$2" --concurrency "$3" \
    --duration "$4" --warmup 0 --key "$KEY" > /dev/null
}
if [ "$WARMUP" -gt 0 ]; then
  echo "bench: warming up ingest and forwarder, $WARMUP s each (not measured)"
  warm http://localhost:8088/v1/track 1 "$CONCURRENCY" $((WARMUP * 2 / 3))
  warm http://localhost:8088/v1/batch 100 "$BATCH_CONCURRENCY" $((WARMUP - WARMUP * 2 / 3))
  warm "http://localhost:$FORWARDER_PORT/v1/track" 1 "$CONCURRENCY" $((WARMUP * 2 / 3))
  warm "http://localhost:$FORWARDER_PORT/v1/batch" 100 "$BATCH_CONCURRENCY" $((WARMUP - WARMUP * 2 / 3))
fi

echo "bench: $DURATION s per run; ingest and forwarder alternate so both see the same machine state"
drain before-runs
load ingest-single http://localhost:8088/v1/track 1 "$CONCURRENCY"
drain ingest-single
load forwarder-single "http://localhost:$FORWARDER_PORT/v1/track" 1 "$CONCURRENCY"
load ingest-batch100 http://localhost:8088/v1/batch 100 "$BATCH_CONCURRENCY"
drain ingest-batch100
load forwarder-batch100 "http://localhost:$FORWARDER_PORT/v1/batch" 100 "$BATCH_CONCURRENCY"
half_ingest=$(awk -v r="$(field ingest-single req_per_s)" 'BEGIN { printf "%d", r / 2 }')
half_forwarder=$(awk -v r="$(field forwarder-single req_per_s)" 'BEGIN { printf "%d", r / 2 }')
# While the half-load run goes on, a consumer times each event from the edge to usage-events-validated.
java -Xmx768m -cp "$CP" dev.uip.bench.ValidatedLatency localhost:9092 bench "$((DURATION + 5))" ingest-half-load \
  >> "$results" &
latency=$!
load ingest-half-load http://localhost:8088/v1/track 1 "$CONCURRENCY" "$half_ingest"
wait $latency
grep '^VALIDATED_LATENCY ' "$results"
drain ingest-half-load
load forwarder-half-load "http://localhost:$FORWARDER_PORT/v1/track" 1 "$CONCURRENCY" "$half_forwarder"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
printf '%-22s %14s %14s %10s %10s\n' run "requests/s" "events/s" "p50 ms" "p99 ms"
for label in ingest-single forwarder-single ingest-batch100 forwarder-batch100 ingest-half-load forwarder-half-load; do
  printf '%-22s %14s %14s %10s %10s\n' "$label" "$(field $label req_per_s)" "$(field $label events_per_s)" \
    "$(field $label p50_ms)" "$(field $label p99_ms)"
done
echo
echo "ingest / forwarder, single events/s:   $(ratio "$(field ingest-single events_per_s)" "$(field forwarder-single events_per_s)")"
echo "ingest / forwarder, batched events/s:  $(ratio "$(field ingest-batch100 events_per_s)" "$(field forwarder-batch100 events_per_s)")"
echo "validation (runs behind the edge; drained after each run): $(grep '^BACKLOG label=ingest-batch100 ' "$results" \
  | sed -nE 's/.*events=([0-9]+) drained_in_s=([^ ]+) events_per_s=([^ ]+).*/\1 events left after the batch run, drained at \3 events\/s/p')"
echo "ingest p99 at half load: $(field ingest-half-load p99_ms) ms (forwarder $(field forwarder-half-load p99_ms) ms)"
echo "edge to validated at half load: p50 $(grep '^VALIDATED_LATENCY ' "$results" | sed -nE 's/.* p50_ms=([^ ]+).*/\1/p') ms," \
  "p99 $(grep '^VALIDATED_LATENCY ' "$results" | sed -nE 's/.* p99_ms=([^ ]+).*/\1/p') ms (receipt to readable, read_committed)"
echo "targets on a 2-core box: batches >= 50000 events/s, single >= 8000 requests/s, p99 < 50 ms at half load," \
  "edge to validated p99 < 1 s"
if [ "$was_running" = 0 ]; then ./uip down >/dev/null; fi
