#!/usr/bin/env bash
# Load test of the site (issue 8, "Load"; method and figures in docs/performance.md, section "Load").
#
# Usage, from anywhere (as root, or with wrk and nginx-light already installed):
#
#   tests/load/run.sh [CORPUS]          # CORPUS defaults to /work/shared/corpus/unxml-ga, else ../shared/corpus/unxml-ga
#
# Environment (all optional):
#   DURATION=60          seconds of the mixed run
#   CONNECTIONS=64       wrk connections (both runs)
#   THREADS=2            wrk threads
#   CEILING_DURATION=20  seconds of each single-page run against nginx and against the site
#   WRK_TIMEOUT=10s      wrk's per-request timeout (wrk counts a slower answer as a socket error "timeout")
#   PORT=5077            the site's port on 127.0.0.1;  NGINX_PORT=5078 nginx's
#   PAGE=/resolutions/A/RES/76/159   the page of the ceiling comparison
#   WORK=/tmp/archive-load           scratch folder (database, logs, nginx root); emptied first
#   IMPORT_BATCH=10      corpus files per import run during the mixed run (each run is one transaction, one commit)
#   NO_BUILD=1           skip `dotnet build -c Release`
#   SITE_ARGS="..."      extra arguments for the site (e.g. --ResponseCaching:Enabled=false to measure without caching)
#
# What it does:
#  1. Installs wrk and nginx-light with apt-get when missing; builds the site and the CLI in Release.
#  2. Splits the corpus's *.xml files (ordinal path order) into two halves and imports the seeds and the first half
#     into a new archive, WORK/archive.sqlite.
#  3. Starts the site on 127.0.0.1:PORT over that archive, with the rate limit raised for the run
#     (--RateLimiting:PermitsPerMinute=1000000: every request comes from 127.0.0.1, which the default of 600 a minute
#     would turn into 429s within a second). Its request log (one line a request) goes to WORK/site.log.
#  4. Mixed run: wrk, THREADS threads, CONNECTIONS connections, DURATION seconds, with mixed.lua cycling through
#     WORK/urls.txt (home and list pages, every resolution page of the first half and the seeds, the JSON and AKN of
#     some, search pages and the search API with common (人权 联合 发展) and rare (霍乱 联合国大) terms, country pages,
#     the country API and /data/votes.csv, some in English). WHILE IT RUNS an import writes into the same database the
#     whole time: `resolution-archive import` runs one after another, IMPORT_BATCH files each, first over the second
#     half of the corpus (new records), then, until wrk ends, over the first half again with changed bytes (each file
#     with a trailing XML comment naming the pass, so every file is "replaced" and rewritten). An import run is one
#     write transaction (records, index, lineage, revision), so the site sees a new revision at the end of each run,
#     every second or two; WORK/imports.txt lists the runs.
#  5. Stops the import (SIGTERM; SQLite rolls the open transaction back) and runs the ceiling comparison: the HTML of PAGE
#     as the site serves it (uncompressed) is written to a file served by nginx-light (a minimal configuration in
#     WORK/nginx: worker_processes auto, access_log off, sendfile), and wrk fetches that one URL from nginx and then
#     from the site, CEILING_DURATION seconds each, with the same browser headers (Accept-Encoding: gzip, deflate, br,
#     zstd); nginx, configured without gzip, sends the plain bytes. A third run fetches the site without
#     Accept-Encoding, so both send the same bytes.
#  6. Prints requests/s, p50/p99 latency, non-2xx, 5xx and socket errors of every run and the site/nginx ratio.
#
# wrk, nginx, the site and the import share the machine's cores: the figures are those of the whole machine.
# Exit code: 0 when no run saw a 5xx or a socket error (connect, read, write, timeout), else 1; 2 on a setup failure.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CORPUS="${1:-}"
if [[ -z "$CORPUS" ]]; then
  if [[ -d /work/shared/corpus/unxml-ga ]]; then CORPUS=/work/shared/corpus/unxml-ga; else CORPUS="$ROOT/../shared/corpus/unxml-ga"; fi
fi
DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
CEILING_DURATION="${CEILING_DURATION:-20}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"
PORT="${PORT:-5077}"
NGINX_PORT="${NGINX_PORT:-5078}"
PAGE="${PAGE:-/resolutions/A/RES/76/159}"
WORK="${WORK:-/tmp/archive-load}"
IMPORT_BATCH="${IMPORT_BATCH:-10}"
SITE_ARGS="${SITE_ARGS:-}"
BROWSER_ENCODING="gzip, deflate, br, zstd"
BROWSER_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

fail() { echo "run.sh: $*" >&2; exit 2; }
[[ -d "$CORPUS" ]] || fail "no corpus folder at $CORPUS"

# 1. Tools and build.
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx-light >/dev/null
fi
if [[ -z "${NO_BUILD:-}" ]]; then
  dotnet build -c Release -v q -nologo "$ROOT/src/ResolutionArchive.Web" >/dev/null
  dotnet build -c Release -v q -nologo "$ROOT/src/ResolutionArchive.Cli" >/dev/null
fi
WEB_DLL="$ROOT/src/ResolutionArchive.Web/bin/Release/net10.0/ResolutionArchive.Web.dll"
CLI_DLL="$ROOT/src/ResolutionArchive.Cli/bin/Release/net10.0/resolution-archive.dll"
[[ -f "$WEB_DLL" && -f "$CLI_DLL" ]] || fail "build the Release site and CLI first"

SITE_PID=""; NGINX_PID=""; IMPORT_LOOP_PID=""
cleanup() {
  [[ -n "$IMPORT_LOOP_PID" ]] && kill "$IMPORT_LOOP_PID" 2>/dev/null || true
  [[ -f "$WORK/import.pid" ]] && kill -TERM "$(cat "$WORK/import.pid")" 2>/dev/null || true
  [[ -n "$SITE_PID" ]] && kill "$SITE_PID" 2>/dev/null || true
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# 2. The archive: seeds + the first half of the corpus.
rm -rf "$WORK"; mkdir -p "$WORK/part1" "$WORK/part2"
mapfile -t FILES < <(cd "$CORPUS" && find . -type f -name '*.xml' | LC_ALL=C sort)
HALF=$(( ${#FILES[@]} / 2 ))
for i in "${!FILES[@]}"; do
  f="${FILES[$i]#./}"
  if (( i < HALF )); then dest="$WORK/part1/$f"; else dest="$WORK/part2/$f"; fi
  mkdir -p "$(dirname "$dest")"; cp "$CORPUS/$f" "$dest"
done
DB="$WORK/archive.sqlite"
echo "== preparing $DB: seeds + ${HALF} of ${#FILES[@]} corpus files"
start=$(date +%s.%N)
dotnet "$CLI_DLL" import "$ROOT/seeds" "$WORK/part1" --db "$DB" >"$WORK/import-initial.log" 2>&1 || fail "initial import failed: see $WORK/import-initial.log"
printf '   done in %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"

# 3. The site.
# shellcheck disable=SC2086
dotnet "$WEB_DLL" --db "$DB" --urls "http://127.0.0.1:$PORT" --seeds-only --RateLimiting:PermitsPerMinute=1000000 $SITE_ARGS >"$WORK/site.log" 2>&1 &
SITE_PID=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
  kill -0 "$SITE_PID" 2>/dev/null || fail "the site did not start: see $WORK/site.log"
  sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" || fail "the site does not answer /healthz"

# The URL list of the mixed run.
enc() { jq -rn --arg v "$1" '$v|@uri'; }
keypath() { sed -e 's/ /%20/g' <<<"$1"; }
URLS="$WORK/urls.txt"
mapfile -t KEYS < <(sqlite3 "file:$DB?mode=ro" "SELECT Key FROM Resolutions ORDER BY Id")
{
  n=0
  for key in "${KEYS[@]}"; do
    k="$(keypath "$key")"
    echo "/resolutions/$k"
    n=$((n + 1))
    (( n % 6 == 0 )) && echo "/api/resolutions/$k"
    (( n % 40 == 0 )) && echo "/api/resolutions/$k.akn.xml"
    (( n % 10 == 0 )) && echo "/resolutions/$k?culture=en"
    if (( n % 8 == 0 )); then
      case $(( (n / 8) % 25 )) in
        0) echo "/" ;; 1) echo "/?page=2" ;; 2) echo "/?page=5&culture=en" ;; 3) echo "/sessions" ;;
        4) echo "/search?q=$(enc 人权)" ;; 5) echo "/search?q=$(enc 联合)" ;; 6) echo "/search?q=$(enc 霍乱)" ;;
        7) echo "/search?q=$(enc 联合国大)" ;; 8) echo "/search?q=$(enc 发展)&culture=en" ;; 9) echo "/search?q=$(enc 人权)&page=2" ;;
        10) echo "/api/search?q=$(enc 人权)" ;; 11) echo "/api/search?q=$(enc 霍乱)" ;; 12) echo "/countries" ;;
        13) echo "/countries/CHN" ;; 14) echo "/countries/USA" ;; 15) echo "/countries/FRA?culture=en" ;;
        16) echo "/countries/BRA" ;; 17) echo "/countries/CHN/compare/USA" ;; 18) echo "/api/countries" ;;
        19) echo "/api/countries/CHN/votes" ;; 20) echo "/api/resolutions" ;; 21) echo "/api/resolutions?page=2" ;;
        22) echo "/data/votes.csv" ;; 23) echo "/" ;; 24) echo "/search?q=$(enc 儿童)" ;;
      esac
    fi
  done
} >"$URLS"
echo "== $(wc -l <"$URLS") paths in $URLS ($(grep -c '^/resolutions/' "$URLS") resolution pages)"
# Every path answers before the run (a 404 in the list would be counted as a failure of the site).
while read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")
  [[ "$code" == 200 ]] || fail "$path answered $code before the run"
done < <(sort -u "$URLS")

# 4. The mixed run with an import writing into the same database.
import_loop() {
  local pass=0 src batch=0
  while [[ ! -f "$WORK/stop" ]]; do
    if (( pass == 0 )); then
      src="$WORK/part2"
    else
      src="$WORK/pass$pass"; rm -rf "$src"; cp -r "$WORK/part1" "$src"
      find "$src" -name '*.xml' -exec sh -c 'printf "\n<!-- load pass %s -->\n" "$0" >>"$1"' "$pass" {} \;
    fi
    mapfile -t batch_files < <(find "$src" -name '*.xml' | LC_ALL=C sort)
    local i
    for (( i = 0; i < ${#batch_files[@]}; i += IMPORT_BATCH )); do
      [[ -f "$WORK/stop" ]] && break
      local t0; t0=$(date +%s.%N)
      dotnet "$CLI_DLL" import "${batch_files[@]:i:IMPORT_BATCH}" --db "$DB" >"$WORK/import-$batch.log" 2>&1 &
      echo $! >"$WORK/import.pid"
      local rc=0; wait "$!" || rc=$?
      rm -f "$WORK/import.pid"
      printf 'import batch %d (pass %d, files %d-%d of %s): exit %d after %.1f s; %s\n' "$batch" "$pass" "$i" \
        "$(( i + IMPORT_BATCH - 1 ))" "$(basename "$src")" "$rc" "$(echo "$(date +%s.%N) - $t0" | bc)" \
        "$(grep -Eo '^(imported|replaced|enriched|unchanged|failed)' "$WORK/import-$batch.log" | sort | uniq -c | tr -s ' \n' ' ')" >>"$WORK/imports.txt"
      batch=$((batch + 1))
    done
    pass=$((pass + 1))
  done
}
REV_BEFORE=$(sqlite3 "file:$DB?mode=ro" "SELECT Revision FROM ArchiveRevision WHERE Id = 1")
import_loop &
IMPORT_LOOP_PID=$!
sleep 1
echo "== mixed run: ${DURATION} s, ${CONNECTIONS} connections, ${THREADS} threads, import running"
LOAD_URLS="$URLS" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "$WRK_TIMEOUT" --latency \
  -s "$HERE/mixed.lua" "http://127.0.0.1:$PORT" >"$WORK/wrk-mixed.txt" 2>&1 || true
touch "$WORK/stop"
[[ -f "$WORK/import.pid" ]] && kill -TERM "$(cat "$WORK/import.pid")" 2>/dev/null || true
wait "$IMPORT_LOOP_PID" 2>/dev/null || true
IMPORT_LOOP_PID=""
REV_AFTER=$(sqlite3 "file:$DB?mode=ro" "SELECT Revision FROM ArchiveRevision WHERE Id = 1")

# 5. The ceiling: the same page from nginx and from the site.
mkdir -p "$WORK/nginx/root/resolutions/A/RES/76" "$WORK/nginx/logs"
PAGE_FILE="$WORK/nginx/root${PAGE}"
mkdir -p "$(dirname "$PAGE_FILE")"
curl -fsS -H "Accept: $BROWSER_ACCEPT" "http://127.0.0.1:$PORT$PAGE" -o "$PAGE_FILE" || fail "cannot fetch $PAGE"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  types { }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/root;
  }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT$PAGE" || fail "nginx does not serve $PAGE"
cmp -s "$PAGE_FILE" <(curl -fsS "http://127.0.0.1:$NGINX_PORT$PAGE") || fail "nginx serves other bytes"

ceiling() { # NAME URL [HEADER...]
  local name="$1" url="$2"; shift 2
  local args=(); for h in "$@"; do args+=(-H "$h"); done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${CEILING_DURATION}s" --timeout "$WRK_TIMEOUT" --latency "${args[@]}" "$url" >"$WORK/wrk-$name.txt" 2>&1 || true
}
echo "== ceiling: $PAGE ($(wc -c <"$PAGE_FILE") bytes of HTML), ${CEILING_DURATION} s each"
# Warm-up of the site on this URL (not measured): the JIT's tiered compilation settles within a few seconds.
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Accept: $BROWSER_ACCEPT" -H "Accept-Encoding: $BROWSER_ENCODING" "http://127.0.0.1:$PORT$PAGE" >/dev/null 2>&1 || true
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "Accept: $BROWSER_ACCEPT" "http://127.0.0.1:$PORT$PAGE" >/dev/null 2>&1 || true
ceiling nginx "http://127.0.0.1:$NGINX_PORT$PAGE" "Accept: $BROWSER_ACCEPT" "Accept-Encoding: $BROWSER_ENCODING"
ceiling site "http://127.0.0.1:$PORT$PAGE" "Accept: $BROWSER_ACCEPT" "Accept-Encoding: $BROWSER_ENCODING"
ceiling site-identity "http://127.0.0.1:$PORT$PAGE" "Accept: $BROWSER_ACCEPT"
SITE_BYTES=$(curl -s -H "Accept-Encoding: $BROWSER_ENCODING" -o /dev/null -w '%{size_download} %header{content-encoding}' "http://127.0.0.1:$PORT$PAGE")

# 6. Report.
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF; f=1} END {if (!f) print 0}' "$1"; }
sockerr() { # connect+read+write+timeout
  awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10; f=1} END {if (!f) print 0}' "$1"; }
fivexx() { awk '/^STATUS/ {for (i = 2; i <= NF; i++) if ($i ~ /^5xx=/) {sub("5xx=", "", $i); print $i; f=1}} END {if (!f) print 0}' "$1"; }
row() { printf '%-16s %10s %10s %10s %8s %6s %8s\n' "$@"; }
echo
echo "== results (machine: $(nproc) cores; wrk, nginx, the site and the import share them)"
row run "req/s" p50 p99 non-2xx 5xx sockerr
status=0
for name in mixed nginx site site-identity; do
  f="$WORK/wrk-$name.txt"
  five=$([[ $name == mixed ]] && fivexx "$f" || awk '/Non-2xx/ {print "?"; f=1} END {if (!f) print 0}' "$f")
  row "$name" "$(rps "$f")" "$(pct "$f" 50%)" "$(pct "$f" 99%)" "$(non2xx "$f")" "$five" "$(sockerr "$f")"
  [[ "$(sockerr "$f")" == 0 ]] || status=1
  [[ "$five" == 0 ]] || { [[ $name == mixed ]] && status=1; }
  [[ $name != mixed && "$(non2xx "$f")" != 0 ]] && status=1
done
echo
grep -E '^STATUS' "$WORK/wrk-mixed.txt" || true
grep -E 'Socket errors' "$WORK/wrk-mixed.txt" || true
echo "archive revision: $REV_BEFORE before the mixed run, $REV_AFTER after (+$((REV_AFTER - REV_BEFORE)) during it)"
echo "import runs during the mixed run: $(wc -l <"$WORK/imports.txt" 2>/dev/null || echo 0), of which exit 0: $(grep -c 'exit 0 ' "$WORK/imports.txt" 2>/dev/null || true) (list: $WORK/imports.txt)"
head -3 "$WORK/imports.txt" 2>/dev/null || true
echo "site's answer to the browser headers: $SITE_BYTES (bytes, content-encoding)"
NGINX_RPS=$(rps "$WORK/wrk-nginx.txt"); SITE_RPS=$(rps "$WORK/wrk-site.txt"); IDENT_RPS=$(rps "$WORK/wrk-site-identity.txt")
printf 'site / nginx for %s: %.1f %% (browser headers), %.1f %% (no Accept-Encoding, the same bytes)\n' "$PAGE" \
  "$(echo "100 * $SITE_RPS / $NGINX_RPS" | bc -l)" "$(echo "100 * $IDENT_RPS / $NGINX_RPS" | bc -l)"
echo "5xx in the site's log: $(grep -c 'responded 5[0-9][0-9]' "$WORK/site.log" || true); errors logged: $(grep -c -E '^(fail|crit)' "$WORK/site.log" || true)"
grep -oE '[A-Z]+ [^ ]+ responded 5[0-9][0-9]' "$WORK/site.log" | sort | uniq -c | sort -rn | head -10 || true
grep -A3 -E '^(fail|crit)' "$WORK/site.log" | grep -oE '[A-Za-z.]+Exception: [^0-9]{0,60}' | sort | uniq -c | sort -rn | head -5 || true
echo "raw wrk outputs and logs: $WORK"
exit $status
