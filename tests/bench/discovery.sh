#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Loads discovery and the JWKS of a real `lanyard serve` on 127.0.0.1 with wrk
# and prints requests per second and p99 latency. Runs in well under a minute.
#
#   tests/bench/discovery.sh [path/to/lanyard]
set -euo pipefail

lanyard=${1:-build/default/app/lanyard}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT

"$lanyard" serve --db "$work/bench.db" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$work/out" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "${url:-}" ] || { echo "lanyard serve did not start:" >&2; cat "$work/err" >&2; exit 1; }

discovery="${url%/}/.well-known/openid-configuration"
jwks=$(curl -fsS "$discovery" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jwks_uri"])')

# wrk's Lua summary: requests/s and latency percentiles in milliseconds.
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f req/s  p50 %.2f ms  p99 %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
LUA

echo "lanyard serve at $url, $(nproc) cores, wrk -t$threads -c$connections -d$duration"
for target in "$discovery" "$jwks"; do
    printf '%-60s ' "GET ${target#"$url"}"
    wrk -t"$threads" -c"$connections" -d"$duration" -s "$work/report.lua" "$target" | tail -1
done
