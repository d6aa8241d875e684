#!/usr/bin/env bash
# Makes overfitting of the default detector settings visible on the NAB subset: backtests a small grid of
# alternative settings (Backtest --set) next to the defaults, then prints
#   - the defaults' score per group (tweets, taxi, artificial),
#   - train on tweets / test on the rest: the setting best on the tweets, scored on the other series,
#   - leave one series out: per series the setting best on the other 14, scored on the held-out one.
# If the defaults were tuned to this data, the held-out figures fall well below the defaults' own score.
# Usage: deploy/backtest/nab-holdout.sh   (NAB_DATA, NAB_SCORER, BACKTEST_SKIP_BUILD as for nab.sh;
# HOLDOUT_GRID: settings separated by ';', each a space-separated list of NAME=VALUE, "" = the defaults)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
data="${NAB_DATA:-../shared/data/nab}"
scorer="${NAB_SCORER:-../shared/tools/nab_score.py}"
[[ -f "$data/windows.json" ]] || { echo "nab-holdout.sh: NAB data not found: $data/windows.json (set NAB_DATA)" >&2; exit 2; }
[[ -f "$scorer" ]] || { echo "nab-holdout.sh: scorer not found: $scorer (set NAB_SCORER)" >&2; exit 2; }
if [[ "${BACKTEST_SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q -pl anomaly-service -am compile -Dquarkus.build.skip=true >&2
fi
classes="anomaly-service/target/classes"
grid="${HOLDOUT_GRID:-;rarityPeriodSeconds=86400;rarityPeriodSeconds=1814400;levelThreshold=4.5;levelThreshold=8;seasonalThreshold=4;seasonalThreshold=6.5;clearBuckets=48;countAlpha=1e-8;rarityMemoryPeriods=100;densitySpan=8;densitySpan=24}"
series=$(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$data/windows.json")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
IFS=';' read -r -a configs <<< "$grid"
for i in "${!configs[@]}"; do
  sets=()
  for kv in ${configs[$i]}; do sets+=(--set "$kv"); done
  # shellcheck disable=SC2086
  java -cp "$classes" dev.uip.anomaly.backtest.Backtest "${sets[@]}" --dir "$data" "$out/$i" $series
  echo "${configs[$i]}" > "$out/$i.name"
done
python3 - "$scorer" "$data" "$out" "${#configs[@]}" <<'PY'
import csv, importlib.util, json, os, sys
scorer, data, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
spec = importlib.util.spec_from_file_location("nab_score", scorer)
ns = importlib.util.module_from_spec(spec); spec.loader.exec_module(ns)
windows = {k: [[s[:19], e[:19]] for s, e in v] for k, v in json.load(open(os.path.join(data, "windows.json"))).items()}
rows = {k: ns.read_series(os.path.join(data, k)) for k in windows}
names = [open(os.path.join(out, f"{i}.name")).read().strip() or "(defaults)" for i in range(n)]
raw = []  # raw[config][series]
for i in range(n):
    per = {}
    for k in windows:
        path, stamps = os.path.join(out, str(i), k), []
        if os.path.exists(path):
            stamps = [r[0].replace("T", " ")[:19] for r in csv.reader(open(path)) if r and r[0][:2].isdigit()]
        per[k] = ns.raw_score(rows[k], windows[k], ns.nearest_rows(rows[k], stamps), ns.PROFILES["standard"])[0]
    raw.append(per)
def score(cfg_of, keys):
    nw = sum(len(windows[k]) for k in keys)
    return 100.0 * (sum(raw[cfg_of(k)][k] for k in keys) + nw) / (2.0 * nw)
groups = {"tweets": [k for k in windows if k.startswith("realTweets/")],
          "taxi": [k for k in windows if k.startswith("realKnownCause/")],
          "artificial": [k for k in windows if k.startswith("artificial")]}
rest = groups["taxi"] + groups["artificial"]
allk = list(windows)
print("settings tried: " + " | ".join(names))
for i, name in enumerate(names):
    print(f"  {name:32s} all {score(lambda k: i, allk):5.1f}  " + "  ".join(f"{g} {score(lambda k: i, ks):5.1f}" for g, ks in groups.items()))
best_tw = max(range(n), key=lambda i: score(lambda k: i, groups["tweets"]))
best_rest = max(range(n), key=lambda i: score(lambda k: i, rest))
print(f"defaults: all {score(lambda k: 0, allk):.1f}; tweets {score(lambda k: 0, groups['tweets']):.1f}; rest {score(lambda k: 0, rest):.1f}")
print(f"train on tweets -> {names[best_tw]}: tweets {score(lambda k: best_tw, groups['tweets']):.1f}, "
      f"held-out rest {score(lambda k: best_tw, rest):.1f} (best possible on rest {score(lambda k: best_rest, rest):.1f} with {names[best_rest]})")
choice = {}
for k in allk:
    others = [o for o in allk if o != k]
    choice[k] = max(range(n), key=lambda i: score(lambda s: i, others))
print(f"leave one series out: {score(lambda k: choice[k], allk):.1f} (settings chosen: "
      + ", ".join(sorted({names[c] for c in choice.values()})) + ")")
PY
