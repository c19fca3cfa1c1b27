#!/usr/bin/env bash
# Runs lizheng's benchmarks against the real binary and prints one JSON line
# per benchmark. Usage: [BENCH_REQUESTS=N] bench/run.sh BUILD_DIR
#   submissions: 32 concurrent clients, durable acknowledgements, 20 s
#   queue: a unit's first queue page with N work orders (default 1,000,000)
#   hotspots: N generated requests through the hot-spot tracker (one thread)
#   risk flags and personal data: the real messages of ../shared/datasets
#   (skipped when the data set is not beside the checkout)
set -euo pipefail
build=${1:-build}
big=${BENCH_REQUESTS:-1000000}
bin="$build/src/cli/lizheng"
load="$build/bench/lz_load"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

serve() {  # db -> sets $port
  rm -f "$work/port"
  # Rate limits off: the load comes from one address, far past what the
  # public may file from one (these runs measure throughput, not the limits).
  "$bin" serve --db "$1" --port 0 --port-file "$work/port" --rate-limits off >"$work/serve.log" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  port=$(cat "$work/port")
}

echo "# submissions" >&2
"$bin" demo --db "$work/small.db" --requests 0 >/dev/null
serve "$work/small.db"
"$load" submit --port "$port" --clients 32 --seconds 20
kill %1; wait 2>/dev/null || true

echo "# queue page with $big work orders" >&2
start=$(date +%s)
"$bin" demo --db "$work/big.db" --requests "$big" >/dev/null
echo "{\"demo_requests\":$big,\"demo_seconds\":$(( $(date +%s) - start ))}"
serve "$work/big.db"
"$load" queue --port "$port" --login dh01_handler:lizheng-demo --clients 8 --seconds 20
"$load" queue --port "$port" --login zjj_handler:lizheng-demo --clients 8 --seconds 20 \
  --path "/api/v1/work-orders?queue=in_progress&limit=20"
"$load" queue --port "$port" --login dispatcher:lizheng-demo --clients 8 --seconds 20 \
  --path "/api/v1/work-orders?queue=to_dispatch&limit=20"

echo "# hot spots over $big generated requests" >&2
"$build/bench/hotspots_bench" "$big"

data=../shared/datasets/teddy2020
if [ -d "$data" ]; then
  echo "# risk flags and personal data over the real messages" >&2
  "$build/bench/risk_flags_bench" "$data/messages.tsv" "$data/hot.tsv"
  "$build/bench/personal_data_bench" "$data"
else
  echo "# $data is absent: risk-flag and personal-data benchmarks skipped" >&2
fi
