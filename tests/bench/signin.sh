#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sign-in benchmarks against a real `lanyard serve` on 127.0.0.1:
#  (a) client_credentials token issuance under wrk (POST with HTTP Basic,
#      RS256 JWT access tokens; the client secret is 48 characters, so the
#      fast HMAC secret hash applies, not Argon2id);
#  (b) complete browser sign-ins per second (authorize → login page →
#      password → code → token; signin-driver.mjs, bounded by count and time);
# and beside them what `openssl speed rsa2048` says one core of this machine
# signs per second, and the ratio of (a) to that ceiling times the server's
# worker threads, with the CPU the server used meanwhile. About 35 s with
# the defaults.
#
#   tests/bench/signin.sh [path/to/lanyard]
#
# Environment: BENCH_DURATION (wrk, 10s), BENCH_CONNECTIONS (64),
# BENCH_THREADS (wrk threads, 2), BENCH_SIGNINS (max sign-ins, 1000),
# BENCH_SIGNIN_SECONDS (15), BENCH_SIGNIN_CONCURRENCY (8).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lanyard=${1:-build/default/app/lanyard}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
signins=${BENCH_SIGNINS:-1000}
signin_seconds=${BENCH_SIGNIN_SECONDS:-15}
signin_concurrency=${BENCH_SIGNIN_CONCURRENCY:-8}

for tool in wrk curl node openssl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 1; }
done
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$work"' EXIT

service_secret=bench-service-secret-0123456789abcdefghijklmnop
web_secret=bench-web-secret-0123456789abcdefghijklmnopqrstu
password='bench password, long enough'
redirect_uri=https://bench.lanyard.example/callback
cat >"$work/import.json" <<JSON
{
  "clients": [
    {
      "client_id": "bench-service",
      "client_secret": "$service_secret",
      "client_name": "Benchmark service",
      "redirect_uris": [],
      "grant_types": ["client_credentials"],
      "response_types": [],
      "token_endpoint_auth_method": "client_secret_basic",
      "scope": "reports.read"
    },
    {
      "client_id": "bench-web",
      "client_secret": "$web_secret",
      "client_name": "Benchmark web app",
      "redirect_uris": ["$redirect_uri"],
      "grant_types": ["authorization_code"],
      "response_types": ["code"],
      "token_endpoint_auth_method": "client_secret_basic",
      "scope": "openid profile email"
    }
  ],
  "accounts": [
    {"username": "bench", "password": "$password", "email": "bench@example.com", "name": "Bench User"}
  ]
}
JSON
"$lanyard" import "$work/import.json" --db "$work/bench.db" >/dev/null

: >"$work/out" # the loop below may read before the shell has opened it
"$lanyard" serve --db "$work/bench.db" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
url=
for _ in $(seq 100); do
    url=$(sed -n 's/^listening on //p' "$work/out" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "lanyard serve did not start:" >&2; cat "$work/err" >&2; exit 1; }
case "$url" in http://127.0.0.1:*) ;; *) echo "refusing to benchmark $url" >&2; exit 1 ;; esac
workers=$(sed -n 's/.*with \([0-9][0-9]*\) worker threads.*/\1/p' "$work/err" | head -1)
workers=${workers:-$(nproc)}

token_endpoint=$(curl -fsS "${url%/}/.well-known/openid-configuration" |
    python3 -c 'import json,sys; print(json.load(sys.stdin).get("token_endpoint", ""))')
[ -n "$token_endpoint" ] || { echo "discovery lists no token_endpoint" >&2; exit 1; }

# One request first: it must succeed and return an RS256 JWT access token.
curl -sS -u "bench-service:$service_secret" -d grant_type=client_credentials \
    "$token_endpoint" >"$work/token.json"
python3 - "$work/token.json" <<'PY' || exit 1
import base64, json, sys
body = json.load(open(sys.argv[1]))
token = body.get("access_token", "")
if token.count(".") != 2:
    sys.exit(f"client_credentials did not return a JWT access token: {body}")
segment = token.split(".")[0]
header = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
if header.get("alg") != "RS256":
    sys.exit(f"access token is signed with {header.get('alg')}, not RS256")
PY

basic=$(printf '%s' "bench-service:$service_secret" | base64 -w0)
cat >"$work/token.lua" <<LUA
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $basic"
LUA
cat >>"$work/token.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f req/s  p50 %.2f ms  p99 %.2f ms  non-2xx %d  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

# CPU seconds the server has used so far (utime + stime of /proc/PID/stat).
cpu_seconds() {
    awk -v tck="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.2f\n", ($12 + $13) / tck}' "/proc/$pid/stat"
}
# Prints "(server busy X of N cores)" for a run that started at $1 seconds
# (date +%s.%N) with $2 CPU seconds used.
server_load() {
    python3 -c 'import sys; t0, c0, c1, t1, n = map(float, sys.argv[1:]); print(f"(server busy {(c1 - c0) / (t1 - t0):.2f} of {n:.0f} cores)")' \
        "$1" "$2" "$(cpu_seconds)" "$(date +%s.%N)" "$(nproc)"
}

echo "lanyard serve at $url, $(nproc) cores, $workers HTTP worker threads"
# Other work on the machine takes cores from the server: say how much.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s ' "client_credentials (wrk -t$threads -c$connections -d$duration)"
t0=$(date +%s.%N) c0=$(cpu_seconds)
tokens_line=$(wrk -t"$threads" -c"$connections" -d"$duration" -s "$work/token.lua" "$token_endpoint" | tail -1)
tokens_load=$(server_load "$t0" "$c0")
echo "$tokens_line $tokens_load"
tokens_per_s=$(awk '{print $1}' <<<"$tokens_line")
tokens_cores=$(sed -n 's/.*busy \([0-9.]*\) of.*/\1/p' <<<"$tokens_load")

printf '%-44s ' "sign-ins (<=$signins in <=${signin_seconds}s, $signin_concurrency at once)"
t0=$(date +%s.%N) c0=$(cpu_seconds)
signin_json=$(node "$here/signin-driver.mjs" "$url" bench-web "$web_secret" "$redirect_uri" bench "$password" \
    "$signins" "$signin_seconds" "$signin_concurrency") || true
load=$(server_load "$t0" "$c0")
status=0
python3 - "$signin_json" "$load" <<'PY' || status=1
import json, sys
try:
    r = json.loads(sys.argv[1])
except ValueError:
    sys.exit("sign-in benchmark failed: no result from signin-driver.mjs")
print(f"{r['per_second']} sign-ins/s  p50 {r['p50_ms']} ms  p99 {r['p99_ms']} ms  "
      f"({r['signins']} in {r['seconds']} s, errors {r['errors']}) {sys.argv[2]}")
if r["first_error"]:
    print("  first error:", json.dumps(r["first_error"]))
sys.exit(1 if r["errors"] or not r["signins"] else 0)
PY

signs=$(openssl speed -seconds 3 rsa2048 2>/dev/null | awk '/^rsa +2048 bits/ {print $6}')
python3 - "$tokens_per_s" "$signs" "$workers" "${tokens_cores:-0}" <<'PY'
import sys
tokens, signs, workers, cores = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
ceiling = signs * workers
print(f"{'openssl speed rsa2048 (one core)':<44} {signs:.0f} signs/s")
print(f"{'token issuance / RSA ceiling':<44} {tokens:.0f} / ({signs:.0f} x {workers} threads = {ceiling:.0f}) = {tokens / ceiling:.0%}")
print("  (wrk shares the machine's cores with the server, so the ratio is a lower bound)")
# Independent of what else runs: tokens per second of server CPU against
# signatures per second of one core (100 % = the server does nothing but sign).
if cores > 0:
    print(f"{'tokens per busy server core / RSA per core':<44} {tokens / cores:.0f} / {signs:.0f} = {tokens / cores / signs:.0%}")
PY
exit "$status"
