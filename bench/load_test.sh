#!/usr/bin/env bash
# Bounded load test on loopback: 50 concurrent clients for 60 s on a mix of search,
# article, claim and feed URLs against gunicorn + PostgreSQL in production mode, with
# an import running at the same time. Run it through the production topology:
#   bash .ci/serve-prod -- bash bench/load_test.sh
# Prints one JSON line and fails if any request failed. Requests go to BASE_URL only.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE_URL:?run me through .ci/serve-prod}"
case "$BASE_URL" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "loopback only" >&2; exit 2;; esac
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-50}
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The URL mix: searches (words, phrases, exclusions, Chinese, facets), every article and
# claim permalink, and the feeds.
{
  for q in "youth+unemployment" "%22social+credit%22" "Huawei+-cranes" "Meituan+OR+Temasek" \
           "%E7%BB%9F%E6%88%98" "data&publication=merics-china-essentials" "china&sort=newest" \
           "percent&year=2024" "sanctions&topic=economic-statecraft"; do
    echo "/search/?q=$q"
  done
  echo "/search/claims/?q=percent"
  curl -fsS "$BASE_URL/sitemap-articles.xml" "$BASE_URL/sitemap-claims.xml" \
    | grep -o '<loc>[^<]*</loc>' | sed -e 's#<loc>http://[^/]*##' -e 's#</loc>##'
  echo "/feeds/latest/"
  echo "/"
} > "$WORK/urls.txt"

# An import running at the same time: the seeds, changed each round (a line appended,
# so every file is "updated" and rewritten while the permalinks being read stay valid).
import_loop() {
  local round=0
  while true; do
    round=$((round + 1))
    mkdir -p "$WORK/seeds"
    for f in seeds/*.txt; do
      { cat "$f"; printf '\n\nLoad-test round %d.\n' "$round"; } > "$WORK/seeds/$(basename "$f")"
    done
    ${PYTHON:-.venv/bin/python} manage.py import_briefings "$WORK/seeds" >/dev/null 2>&1 || echo "import failed" >&2
  done
}
import_loop &

URLS_FILE="$WORK/urls.txt" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
  -s bench/mix.lua "$BASE_URL" > "$WORK/wrk.txt"
RESULT=$(grep '^{' "$WORK/wrk.txt")
echo "$RESULT"
echo "$RESULT" | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(1 if r["socket_errors"] or r["http_errors"] else 0)'
