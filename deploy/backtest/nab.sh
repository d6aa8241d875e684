#!/usr/bin/env bash
# Backtests the default rules (SeriesMonitor with STOPPED, DROP, SPIKE; the streaming path's code) over every series of the NAB subset and prints the NAB score.
# Usage: deploy/backtest/nab.sh [SERIES_PREFIX...]   (e.g. realTweets/ to score only the tweets)
# NAB_DATA (default ../shared/data/nab) and NAB_SCORER (default ../shared/tools/nab_score.py) are relative to
# the repository root. Set BACKTEST_SKIP_BUILD=1 to reuse anomaly-service/target/classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
data="${NAB_DATA:-../shared/data/nab}"
scorer="${NAB_SCORER:-../shared/tools/nab_score.py}"
if [[ ! -f "$data/windows.json" ]]; then
  echo "nab.sh: NAB data not found: $data/windows.json (set NAB_DATA to the folder holding windows.json)" >&2
  exit 2
fi
if [[ ! -f "$scorer" ]]; then
  echo "nab.sh: scorer not found: $scorer (set NAB_SCORER)" >&2
  exit 2
fi
if [[ "${BACKTEST_SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q -pl anomaly-service -am compile -Dquarkus.build.skip=true >&2
fi
classes="anomaly-service/target/classes"
[[ -d "$classes/dev/uip/anomaly/backtest" ]] || { echo "nab.sh: $classes not built" >&2; exit 2; }
series=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$data/windows.json")
if [[ $# -gt 0 ]]; then
  wanted=""
  for s in $series; do for p in "$@"; do [[ "$s" == "$p"* ]] && wanted+="$s"$'\n'; done; done
  series="$wanted"
fi
alerts="$(mktemp -d)"
trap 'rm -rf "$alerts"' EXIT
# shellcheck disable=SC2086
java -cp "$classes" dev.uip.anomaly.backtest.Backtest --dir "$data" "$alerts" $series
if [[ $# -gt 0 ]]; then
  # score only the chosen series: a windows.json restricted to them, next to links to their data
  scoped="$alerts/.data"
  mkdir -p "$scoped"
  python3 - "$data" "$scoped" $series <<'PY'
import json, os, sys
src, dst, names = sys.argv[1], sys.argv[2], sys.argv[3:]
w = json.load(open(os.path.join(src, "windows.json")))
json.dump({n: w[n] for n in names}, open(os.path.join(dst, "windows.json"), "w"))
for n in names:
    os.makedirs(os.path.dirname(os.path.join(dst, n)), exist_ok=True)
    os.symlink(os.path.abspath(os.path.join(src, n)), os.path.join(dst, n))
PY
  data="$scoped"
fi
python3 "$scorer" "$data" "$alerts"
