#!/usr/bin/env bash
# Bad input against the whole running platform (./uip up): hostile HTTP requests to every service, then the poison
# events that once stopped the pipeline (a regex bomb in a tenant's pattern, an event dated 9999-12-31), each
# followed by ordinary events that must still be validated and counted within seconds. Every HTTP answer must be
# below 500 and every service must still be ready at the end; every service's own port refuses calls without the
# gateway's service token. Management calls go through the gateway with an API token. Exits non-zero on the first
# surprise.
set -euo pipefail
# shellcheck source=lib/api.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/api.sh"

MGMT="$GW/api"
DEF=${UIP_DEFINITION_URL:-http://localhost:8082}
ANO=${UIP_ANOMALY_URL:-http://localhost:8083}
AUD=${UIP_AUDIT_URL:-http://localhost:8084}
ING=${UIP_INGEST_URL:-http://localhost:8088}
run=$(date +%s)$$
ws="badinput-${run}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "bad-input: FAILED: $*" >&2; exit 1; }
checked=0

# request METHOD URL [BODY [CONTENT-TYPE [extra curl args...]]]: fails on a 5xx or no answer at all. Calls to the
# gateway's /api carry the API token.
request() {
  local method=$1 url=$2 body=${3-} type=${4:-application/json} code auth=()
  shift $(($# < 4 ? $# : 4))
  [[ $url == "$MGMT"/* ]] && auth=(-H "Authorization: Bearer $API_TOKEN")
  if [ -n "$body" ]; then
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$url" -H "Content-Type: $type" \
      "${auth[@]}" --data-binary "$body" "$@" || true)
  else
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' -X "$method" "$url" "${auth[@]}" "$@" || true)
  fi
  case $code in
    2?? | 3?? | 4??) checked=$((checked + 1)) ;;
    *)
      # Keep going, so that one run lists every request that failed.
      echo "bad-input: $method ${url:0:160} answered ${code:-nothing}: $(head -c 200 "$tmp/body" 2>/dev/null)" >&2
      failures=$((failures + 1))
      ;;
  esac
}
failures=0

echo "1. a workspace of its own (signed up at the gateway), a write key and a definition whose patterns are regex"
echo "   bombs on java.util.regex"
api_signup "$ws" || fail "sign-up failed"
KEY=$(api POST "/v1/workspaces/$ws/write-keys" -H 'Content-Type: application/json' \
  -d '{"name": "bad input"}' | sed -nE 's/.*"key":"([^"]+)".*/\1/p')
[ -n "$KEY" ] || fail "no write key issued"
code=$(api_code POST /v1/definitions "$tmp/def" -H 'Content-Type: application/json' \
  -d '{"name": "Pattern Bomb", "properties": [
    {"name": "code", "type": "string", "pattern": "(a|b)*"},
    {"name": "other", "type": "string", "pattern": "(.*a){12}"} ]}')
[ "$code" = 201 ] || fail "the definition answered $code: $(cat "$tmp/def")"

echo "2. every service's own port refuses calls without the gateway's service token"
for url in "$DEF/v1/definitions" "$ANO/v1/key-events/$ws" "$AUD/v1/audit" "$ING/v1/inspect/validated"; do
  for auth in "" "Authorization: Bearer not.a.token" "Authorization: Bearer $API_TOKEN"; do
    code=$(curl -s -o "$tmp/body" -w '%{http_code}' "$url" ${auth:+-H "$auth"} || true)
    [ "$code" = 401 ] || fail "$url answered $code with '${auth:-no credential}' (401 expected): $(head -c 200 "$tmp/body")"
  done
done
code=$(curl -s -o "$tmp/body" -w '%{http_code}' -u "$KEY:" "$ING/v1/inspect/validated" || true)
[ "$code" = 401 ] || fail "a write key read recent events ($code): write keys only write"
echo "   no credential, a malformed token, an API token (gateway-only) and a write key on inspect: all 401"

echo "3. hostile requests to every service"
# Changes are aimed at a definition of their own: some hostile bodies are valid changes.
request POST "$MGMT/v1/definitions" '{"name": "Hostile Target", "properties": [{"name": "p", "type": "string"}]}'
long=$(head -c 20000 /dev/zero | tr '\0' x)
for body in '' 'null' '[]' '42' '"text"' '{' '{"name": null}' '{"name": ["x"]}' "{\"name\": \"$long\"}" \
  '{"name": "x\u0000y"}' '{"name": "Bad", "properties": [{"name": "p", "type": "string", "pattern": "(?=x)"}]}' \
  '{"name": "Bad", "properties": [{"name": "p", "type": "string", "pattern": "((a{1000}){1000}){1000}"}]}' \
  '{"name": "Bad", "properties": [{"name": "p", "type": "nonsense"}]}'; do
  request POST "$MGMT/v1/definitions" "$body"
  request POST "$MGMT/v1/definitions/infer" "$body"
  request PUT "$MGMT/v1/definitions/Hostile%20Target" "$body"
  request POST "$MGMT/v1/workspaces" "$body"
  request POST "$ING/v1/track" "$body" application/json -u "$KEY:"
  request POST "$ING/v1/batch" "$body" text/plain -u "$KEY:"
  request POST "$MGMT/v1/trends/$ws/preview" "$body"
done
for body in '{"event": "Pattern Bomb", "kind": "above", "rule": {"threshold": -1}}' \
  '{"event": "Pattern Bomb", "kind": "drop", "rule": {"windowMinutes": 99999999999}}' \
  '{"event": "Pattern Bomb", "kind": "drop", "rule": {"quietHours": {"startHour": 1, "endHour": 2, "timeZone": "'"$long"'"}}}' \
  '{"event": "Pattern Bomb", "kind": "drop", "from": "0001-01-01T00:00:00Z", "to": "9999-12-31T23:59:59Z"}' \
  '{"event": "Pattern Bomb", "kind": "stopped", "granularity": "day", "from": "1970-01-01T00:00:00Z"}'; do
  request POST "$MGMT/v1/trends/$ws/preview" "$body"
done
for query in 'page=-1' 'size=abc' 'size=999999999999' 'q=%00' "q=$long" 'status=nonsense'; do
  request GET "$MGMT/v1/definitions?$query"
done
for query in 'limit=-1' 'limit=abc' 'limit=999999999999' 'workspace=%2e%2e' "workspace=$long" ''; do
  request GET "$MGMT/v1/audit?$query"
  request GET "$MGMT/v1/inspect/validated?$query"
done
for path in "$ws/Pattern%20Bomb?minutes=-1" "$ws/x?minutes=abc" "..%2F..?minutes=5" "$long/x" "WS/x"; do
  request GET "$MGMT/v1/counts/$path"
done
request GET "$MGMT/v1/key-events/$long"
request GET "$ING/v1/projects/not-a-key/settings"
request GET "$ING/v1/projects/%3Cscript%3E/settings"
request POST "$ING/v1/batch" '{"batch": []}' application/json -u "$KEY:"
request POST "$ING/v1/track" '{"event": "x", "userId": "u", "timestamp": "+999999999-12-31T23:59:59Z"}' \
  application/json -u "$KEY:"
request POST "$ING/v1/track" '{"event": "x", "userId": "u", "sentAt": "-999999999-01-01T00:00:00Z",
  "originalTimestamp": "+999999999-12-31T23:59:59Z"}' application/json -u "$KEY:"
request GET "$GW/api/status"
request GET "$GW/../../etc/passwd"
request GET "$GW/api/status?x=$long"
[ "$failures" = 0 ] || fail "$failures of $((checked + failures)) requests answered a server error or nothing"
echo "   $checked answers, none a server error"

echo "4. poison events, each followed by ordinary ones"
send() { # messageId, JSON fields to add
  local code
  code=$(curl -s -o "$tmp/send" -w '%{http_code}' -u "$KEY:" "$ING/v1/track" -H 'Content-Type: application/json' \
    -d '{"messageId": "'"$1"'", "event": "Pattern Bomb", "userId": "u-1"'"$2"'}')
  [ "$code" = 200 ] || fail "track $1 answered $code: $(cat "$tmp/send")"
}
deadline=$((SECONDS + 30))
until curl -s -o /dev/null -w '%{http_code}' -u "$KEY:" "$ING/v1/track" -H 'Content-Type: application/json' \
    -d '{"event": "Key Check", "userId": "u-1"}' | grep -q 200; do
  [ $SECONDS -lt $deadline ] || fail "the new key was not accepted within 30 s"
  sleep 1
done
abab=$(head -c 15000 /dev/zero | tr '\0' x | sed 's/x/ab/g')
many_a=$(head -c 40 /dev/zero | tr '\0' a)
send "future-$run" ', "timestamp": "9999-12-31T23:59:59Z", "properties": {"code": "ab"}'
send "abab-$run" ', "properties": {"code": "'"$abab"'"}'
send "bomb-$run" ', "properties": {"other": "'"$many_a"'!"}'
for i in 1 2 3; do
  send "ordinary-$i-$run" ', "properties": {"code": "ba"}'
done

deadline=$((SECONDS + 60))
while :; do
  validated=$(api GET "/v1/inspect/validated?limit=50" || true)
  quarantined=$(api GET "/v1/inspect/quarantined?limit=50" || true)
  if grep -q "ordinary-3-$run" <<<"$validated" && grep -q "future-$run" <<<"$validated" \
     && grep -q "abab-$run" <<<"$quarantined" && grep -q "bomb-$run" <<<"$quarantined"; then
    break
  fi
  [ $SECONDS -lt $deadline ] || fail "validation did not keep up within 60 s: validated $(grep -o "[a-z0-9-]*-$run" \
<<<"$validated" | tr '\n' ' '), quarantined $(grep -o "[a-z0-9-]*-$run" <<<"$quarantined" | tr '\n' ' ')"
  sleep 1
done
echo "   validated: the 9999 event and the ordinary ones; quarantined: 30 KB of 'abab' (longer than a pattern is"
echo "   matched against) and the (.*a){12} mismatch"

deadline=$((SECONDS + 90))
counted() {
  api GET "/v1/counts/$ws/Pattern%20Bomb?minutes=60" | grep -o '"count":[0-9]*' \
    | awk -F: '{ total += $2 } END { print total + 0 }'
}
until [ "$(counted)" -ge 4 ]; do
  [ $SECONDS -lt $deadline ] || fail "anomaly-service did not count the validated events within 90 s: \
$(api GET "/v1/counts/$ws/Pattern%20Bomb?minutes=60")"
  sleep 1
done
echo "   anomaly-service counted the four validated events, the 9999 one at its receipt"

echo "5. every service is still ready"
for url in "$GW" "$DEF" "$ANO" "$AUD" "$ING"; do
  code=$(curl -s -o "$tmp/ready" -w '%{http_code}' "$url/q/health/ready" || true)
  [ "$code" = 200 ] || fail "$url is not ready after bad input ($code): $(cat "$tmp/ready")"
done
echo "bad-input: OK"
