#!/usr/bin/env bash
# Voting at scale (issue 16 item 2; method and figures in docs/performance.md, section "Voting at scale").
#
# Usage, from the repository root:   tests/load/voting-scale.sh [SAMPLE]
#   SAMPLE defaults to ../shared/data/undl-ga-voting-75-77.csv (the UN Digital Library's layout, sessions 75–77).
#
# Environment (all optional): VOTES=6700 (recorded votes to generate), WORK=/tmp/voting-scale (emptied first),
# PORT=5079, NO_BUILD=1 (skip the Release builds), REUSE=1 (measure WORK's archive again: steps 3–5 only), RUNS=30 (timed runs of the home list and search).
#
# What it does:
#  1. Writes WORK/votes.csv: the sample's votes copied to VOTES votes (benchmark `voting-data`: copy k of session s
#     becomes session s − 74 + 3k, dates moved as many years), about 1.3 million rows for 6,700 votes.
#  2. Imports it into a new archive with the CLI's `import` (Release), timed, and reports the database's size.
#  3. Starts the site over that archive (Release, --seeds-only, rate limit raised) and loads the voting records once
#     (the first country page), then requests the page of every state of /api/countries once (no answer is served from
#     the response cache: each URL is new) and prints p50, p95 and the slowest.
#  4. /data/votes.csv: time to the first byte, the whole file's time and size, and the site's resident memory before and
#     after (streamed: the file is written from the voting records already in memory, row by row).
#  5. The home list and a search (人权, 单方面强制性措施), RUNS times each with a fresh query string so the response
#     cache does not answer: p50 and p95.
set -euo pipefail
SAMPLE=${1:-../shared/data/undl-ga-voting-75-77.csv}
VOTES=${VOTES:-6700}
WORK=${WORK:-/tmp/voting-scale}
PORT=${PORT:-5079}
RUNS=${RUNS:-30}
[[ -n "${REUSE:-}" ]] || { rm -rf "$WORK" && mkdir -p "$WORK"; }
if [[ -z "${NO_BUILD:-}" ]]; then
  dotnet build -c Release src/ResolutionArchive.Cli -v q -nologo >/dev/null
  dotnet build -c Release src/ResolutionArchive.Web -v q -nologo >/dev/null
  dotnet build -c Release tests/ResolutionArchive.Benchmarks -v q -nologo >/dev/null
fi

if [[ -z "${REUSE:-}" ]]; then
dotnet run -c Release --no-build --project tests/ResolutionArchive.Benchmarks -- voting-data --sample "$SAMPLE" --out "$WORK/votes.csv" --votes "$VOTES"
start=$(date +%s.%N)
dotnet run -c Release --no-build --project src/ResolutionArchive.Cli -- import --db "$WORK/archive.sqlite" "$WORK/votes.csv" >"$WORK/import.log" 2>"$WORK/import.err"
end=$(date +%s.%N)
echo "import: $(tail -1 "$WORK/import.log")"
python3 -c "print(f'import wall clock: {$end - $start:.1f} s')"
echo "database: $(du -m "$WORK/archive.sqlite" | cut -f1) MB"
fi

dotnet run -c Release --no-build --project src/ResolutionArchive.Web -- --db "$WORK/archive.sqlite" --urls "http://127.0.0.1:$PORT" \
  --seeds-only --RateLimiting:PermitsPerMinute=1000000 >"$WORK/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.5; done
pid=$(pgrep -f "ResolutionArchive.Web --db $WORK/archive.sqlite" | head -1)
first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT/countries/CHN")
echo "first country page (loads the voting records): ${first} s; site memory $(($(ps -o rss= -p "$pid") / 1024)) MB"

curl -s "http://127.0.0.1:$PORT/api/countries" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("\n".join(c["iso3"] for c in d["items"]))' >"$WORK/states.txt"
: >"$WORK/country-times.txt"
while read -r iso3; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT/countries/$iso3" >>"$WORK/country-times.txt"
done <"$WORK/states.txt"

stats() { python3 -c '
import sys
rows=[l.split() for l in open(sys.argv[1]) if l.strip()]
bad=[r for r in rows if r[0]!="200"]
t=sorted(float(r[1])*1000 for r in rows)
p=lambda q:t[min(len(t)-1,int(q*len(t)))]
print(f"{sys.argv[2]}: {len(t)} requests, {len(bad)} not 200, p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, slowest {t[-1]:.1f} ms")' "$1" "$2"; }
stats "$WORK/country-times.txt" "country pages"

before=$(($(ps -o rss= -p "$pid") / 1024))
curl -s -o "$WORK/votes-out.csv" -w 'votes.csv: first byte %{time_starttransfer} s, whole %{time_total} s, %{size_download} bytes\n' "http://127.0.0.1:$PORT/data/votes.csv"
echo "site memory before votes.csv ${before} MB, after $(($(ps -o rss= -p "$pid") / 1024)) MB"

: >"$WORK/home.txt"; : >"$WORK/search.txt"; : >"$WORK/search2.txt"
for i in $(seq 1 "$RUNS"); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT/?page=1&r=$i" >>"$WORK/home.txt"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT/search?q=%E4%BA%BA%E6%9D%83&r=$i" >>"$WORK/search.txt"
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT/search?q=%E5%8D%95%E6%96%B9%E9%9D%A2%E5%BC%BA%E5%88%B6%E6%80%A7%E6%8E%AA%E6%96%BD&r=$i" >>"$WORK/search2.txt"
done
stats "$WORK/home.txt" "home list"
stats "$WORK/search.txt" "search 人权"
stats "$WORK/search2.txt" "search 单方面强制性措施"
