#!/usr/bin/env bash
# Checks ./uip backtest end to end: a synthetic 5-minute series whose value drops to almost nothing must get an alert
# within two buckets of the drop, and missing or unreadable input must be a clear error (non-zero exit, no stack trace).
# Usage: deploy/backtest/uip-backtest-check.sh   (builds anomaly-service's classes if they are missing)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "uip-backtest-check: FAILED: $*" >&2
  exit 1
}

# 2,000 buckets of a steady value with a small repeating wobble; from bucket 1,500 on it drops to 2 for 60 buckets.
drop=1500
awk -v drop=$drop 'BEGIN {
  print "timestamp,value"
  for (i = 0; i < 2000; i++) {
    m = i * 5; d = 1 + int(m / 1440); h = int((m % 1440) / 60); mi = m % 60
    v = (i >= drop && i < drop + 60) ? 2 : 100 + (i * 7) % 11
    printf "2024-01-%02d %02d:%02d:00,%d\n", d, h, mi, v
  }
}' >"$work/series.csv"
stamp() { awk -v i="$1" 'BEGIN { m = i * 5; printf "2024-01-%02d %02d:%02d:00", 1 + int(m / 1440), int((m % 1440) / 60), m % 60 }'; }

./uip backtest --input "$work/series.csv" --output "$work/alerts.csv" >"$work/out" 2>&1 || fail "exit $?: $(cat "$work/out")"
[ "$(head -n 1 "$work/alerts.csv")" = timestamp ] || fail "no header in the alerts file"
grep -qxE "$(stamp $drop)|$(stamp $((drop + 1)))" "$work/alerts.csv" ||
  fail "no alert at $(stamp $drop) or the bucket after it; alerts: $(tr '\n' ' ' <"$work/alerts.csv")"
echo "ok: the drop at $(stamp $drop) opened an alert ($(($(wc -l <"$work/alerts.csv") - 1)) alerts in all)"

expect_error() { # message-pattern args...
  local pattern=$1 rc=0
  shift
  ./uip backtest "$@" >"$work/out" 2>&1 || rc=$?
  [ $rc -ne 0 ] || fail "./uip backtest $* succeeded"
  grep -q "$pattern" "$work/out" || fail "./uip backtest $*: expected '$pattern' in: $(cat "$work/out")"
  ! grep -q 'Exception' "$work/out" || fail "./uip backtest $*: a stack trace: $(cat "$work/out")"
  echo "ok: ./uip backtest $* -> $(grep 'error' "$work/out" | head -n 1)"
}
expect_error 'input SERIES.csv is missing' --output "$work/a.csv"
expect_error 'output ALERTS.csv is missing' --input "$work/series.csv"
expect_error 'no such file' --input "$work/none.csv" --output "$work/a.csv"
expect_error 'not a readable file' --input "$work" --output "$work/a.csv"
printf 'timestamp,value\n2024-01-01 00:00:00,12\n2024-01-01 00:05:00,lots\n' >"$work/bad.csv"
expect_error 'bad.csv:3' --input "$work/bad.csv" --output "$work/a.csv"
printf 'timestamp,value\n2024-01-01 00:00:00,12\n' >"$work/short.csv"
expect_error 'at least 2' --input "$work/short.csv" --output "$work/a.csv"
echo "uip-backtest-check: all passed"
