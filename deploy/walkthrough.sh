#!/usr/bin/env bash
# The README's walk-through, with every answer checked: sign up at the gateway, define an event, send a valid, an
# invalid and an unknown event, and find each where it belongs. Needs a running stack (./uip up). Everything but the
# Segment calls goes through the gateway with an API token. Exits non-zero on the first surprise.
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/api.sh"

ING=${UIP_INGEST_URL:-http://localhost:8088}
run_id=$(date +%s)-$$
ws="walk-${run_id}"
event="Invoice Sent ${run_id}"
fail() { echo "walkthrough: FAILED: $*" >&2; exit 1; }

echo "0. sign up workspace $ws at the gateway (its first admin), make an API token for this script"
api_signup "$ws" || fail "sign-up failed"
echo "   quarantine events nobody defined; issue a write key (shown once)"
# A workspace starts as accept_and_flag (unplanned events are validated with the flag UNPLANNED_EVENT); the
# walk-through wants them quarantined, so it says so explicitly.
code=$(api_code PUT "/v1/workspaces/$ws" /tmp/uip-walk-ws.json \
  -H 'Content-Type: application/json' -d '{"unplannedEvents": "quarantine"}')
[ "$code" = 200 ] || fail "workspace settings answered $code: $(cat /tmp/uip-walk-ws.json)"
grep -q '"unplannedEvents":"quarantine"' /tmp/uip-walk-ws.json || fail "policy not set: $(cat /tmp/uip-walk-ws.json)"
key_json=$(api POST "/v1/workspaces/$ws/write-keys" -H 'Content-Type: application/json' \
  -d '{"name": "walkthrough"}')
KEY=$(sed -nE 's/.*"key":"([^"]+)".*/\1/p' <<<"$key_json")
[ -n "$KEY" ] || fail "no key issued: $key_json"

echo "1. define '${event}'"
code=$(api_code POST /v1/definitions /tmp/uip-walk-def.json \
  -H 'Content-Type: application/json' -d '{
  "name": "'"$event"'", "description": "An invoice left the billing system",
  "properties": [ {"name": "amount", "type": "number", "required": true},
                  {"name": "currency", "type": "string", "required": false} ] }')
[ "$code" = 201 ] || fail "definition answered $code: $(cat /tmp/uip-walk-def.json)"
# Created active (the default status): version 1, its schema registered in the workspace's group.
grep -q '"status":"active"' /tmp/uip-walk-def.json || fail "not active: $(cat /tmp/uip-walk-def.json)"
grep -q "\"groupId\":\"$ws\"" /tmp/uip-walk-def.json || fail "schema not registered: $(cat /tmp/uip-walk-def.json)"
# The list answers one page: {"items": [...], "page", "size", "total"}.
listed=$(api GET "/v1/definitions?q=${run_id}&size=10")
grep -q '"total":1}' <<<"$listed" && grep -q "\"name\":\"${event}\"" <<<"$listed" \
  || fail "the list does not show the definition: $listed"

send() { # messageId, event, properties
  local code
  code=$(curl -s -o /tmp/uip-walk-send.json -w '%{http_code}' -u "$KEY:" "$ING/v1/track" \
    -H 'Content-Type: application/json' \
    -d '{"messageId": "'"$1"'", "event": "'"$2"'", "userId": "u-1", "properties": '"$3"'}')
  [ "$code" = 200 ] || fail "track answered $code: $(cat /tmp/uip-walk-send.json)"
}
echo "2. send a valid, an invalid and an unknown event"
# The ingest edge learns of a new key within moments: retry the first call briefly.
deadline=$((SECONDS + 30))
until curl -s -o /dev/null -w '%{http_code}' -u "$KEY:" "$ING/v1/track" -H 'Content-Type: application/json' \
    -d '{"event": "Walkthrough Started", "userId": "u-1"}' | grep -q 200; do
  [ $SECONDS -lt $deadline ] || fail "the new key was not accepted within 30 s"
  sleep 1
done
send "valid-${run_id}" "$event" '{"amount": 99.5, "currency": "EUR"}'
send "invalid-${run_id}" "$event" '{"amount": "lots"}'
send "unknown-${run_id}" "Report Exportd ${run_id}" '{}'

echo "3. wait until each landed where it belongs"
deadline=$((SECONDS + 90))
while :; do
  # looking at recent events takes a management credential; the write key only writes
  validated=$(api GET "/v1/inspect/validated?limit=50" || true)
  quarantined=$(api GET "/v1/inspect/quarantined?limit=50" || true)
  if grep -q "valid-${run_id}" <<<"$validated" && grep -q "invalid-${run_id}" <<<"$quarantined" \
     && grep -q "unknown-${run_id}" <<<"$quarantined"; then
    break
  fi
  [ $SECONDS -lt $deadline ] || fail "events did not land within 90 s"
  sleep 1
done
grep -q "invalid-${run_id}" <<<"$validated" && fail "the invalid event was validated"
grep -q "unknown-${run_id}" <<<"$validated" && fail "the unknown event was validated"
grep -q 'SCHEMA_VIOLATION' <<<"$quarantined" || fail "no SCHEMA_VIOLATION reason in quarantine"
grep -q 'UNKNOWN_EVENT' <<<"$quarantined" || fail "no UNKNOWN_EVENT reason in quarantine"
echo "   valid -> usage-events-validated; invalid -> quarantined (SCHEMA_VIOLATION); unknown -> quarantined (UNKNOWN_EVENT)"

echo "4. the definition's change reached the audit trail, by the token that made it"
deadline=$((SECONDS + 60))
until api GET "/v1/audit?workspace=$ws" | grep "$event" | grep -q '"actor":"token:'; do
  [ $SECONDS -lt $deadline ] || fail "the change did not reach the audit trail within 60 s"
  sleep 1
done
echo "5. the workspace's audit chain verifies (./uip audit verify, through the gateway with the token)"
UIP_API_TOKEN="$API_TOKEN" "$(dirname "${BASH_SOURCE[0]}")/../uip" audit verify "$ws" \
  || fail "./uip audit verify $ws did not find the chain intact"

echo "6. the gateway passes on every management route of every service (only the ingest edge stays direct)"
# paths dropped first (one such as /v1/projects/{writeKey} has braces), leaving {"service":[,,],...}
not_passed=$(curl -s "$GW/api/openapi.json" | sed -E 's#"/[^"]*"##g' | grep -o '"x-uip-not-passed-on":{[^}]*}' || true)
[ -n "$not_passed" ] || fail "the merged OpenAPI document has no x-uip-not-passed-on"
services=$(grep -oE '"[a-z-]+":\[' <<<"${not_passed#*:}" | tr -d '":[' | sort | tr '\n' ' ')
case " $services" in
  " " | " ingest ") ;;
  *) fail "routes not passed on by the gateway (add uip.gateway.proxy.routes.<segment>): $not_passed" ;;
esac
echo "walkthrough: OK"
