# Sourced by the deploy scripts: reaches the management API the way a person's script does, through the gateway.
#   api_signup WORKSPACE   signs up a new workspace and its first admin (a random password, never printed), then
#                          makes an admin API token for the script: sets API_TOKEN (and API_EMAIL)
#   api METHOD PATH [curl args...]   calls $GW/api/PATH with the token; prints the body, fails on no answer
#   api_code METHOD PATH OUT [curl args...]   the same, body to file OUT, prints the HTTP status
# Needs curl; GW defaults to http://localhost:8080 (UIP_GATEWAY_URL).
GW=${UIP_GATEWAY_URL:-http://localhost:8080}

api_signup() {
  local ws=$1 dir password body code csrf
  dir=$(mktemp -d)
  API_EMAIL="ops+${ws}@example.test"
  password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
  body='{"email": "'"$API_EMAIL"'", "password": "'"$password"'", "workspace": {"id": "'"$ws"'", "name": "'"$ws"'"}}'
  code=$(curl -s -c "$dir/jar" -o "$dir/signup" -w '%{http_code}' -XPOST "$GW/auth/signup" \
    -H 'Content-Type: application/json' -d "$body" || true)
  if [ "$code" != 201 ]; then
    echo "api: sign-up of workspace $ws answered ${code:-nothing}: $(cat "$dir/signup" 2>/dev/null)" >&2
    rm -rf "$dir"
    return 1
  fi
  csrf=$(sed -nE 's/.*"csrfToken":"([^"]+)".*/\1/p' "$dir/signup")
  code=$(curl -s -b "$dir/jar" -o "$dir/token" -w '%{http_code}' -XPOST "$GW/api/v1/tokens" \
    -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" -d '{"name": "script", "role": "admin"}' || true)
  API_TOKEN=$(sed -nE 's/.*"token":"([^"]+)".*/\1/p' "$dir/token")
  if [ "$code" != 201 ] || [ -z "$API_TOKEN" ]; then
    echo "api: no API token for workspace $ws (${code:-nothing}): $(cat "$dir/token" 2>/dev/null)" >&2
    rm -rf "$dir"
    return 1
  fi
  rm -rf "$dir"
}

api() {
  local method=$1 path=$2
  shift 2
  curl -s -X "$method" "$GW/api$path" -H "Authorization: Bearer $API_TOKEN" "$@"
}

api_code() {
  local method=$1 path=$2 out=$3
  shift 3
  curl -s -o "$out" -w '%{http_code}' -X "$method" "$GW/api$path" -H "Authorization: Bearer $API_TOKEN" "$@" || true
}
