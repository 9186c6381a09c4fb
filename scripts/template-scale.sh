#!/usr/bin/env bash
# Measures the template library's searches with many templates (issue 5, "Scale").
#
#   scripts/template-scale.sh                 # a throwaway portal: seed 100,000 templates, measure, clean up
#   scripts/template-scale.sh --url URL       # measure a running portal as it is (seed nothing)
#
# Options: --count N (templates to seed, 100000), --reps N (calls per search, 200), --port N (8093),
# --pages (measure the library page /templates too; it needs PODCOMPOSER_ADMIN_PASSWORD with --url),
# --jar FILE (the portal to start; otherwise it is built with the Maven wrapper), --keep (keep the
# throwaway database, to look at query plans with H2's EXPLAIN ANALYZE).
# With --url, PODCOMPOSER_ADMIN_TOKEN is the bearer token of the API calls.
# Needs Java 17 and curl.
set -euo pipefail

cd "$(dirname "$0")/.."
count=100000
reps=200
port=8093
url=""
pages=false
portal_jar=""
keep=false
while [ $# -gt 0 ]; do
	case "$1" in
		--count) count="$2"; shift 2 ;;
		--reps) reps="$2"; shift 2 ;;
		--port) port="$2"; shift 2 ;;
		--url) url="$2"; shift 2 ;;
		--pages) pages=true; shift ;;
		--jar) portal_jar="$2"; shift 2 ;;
		--keep) keep=true; shift ;;
		*) echo "unknown option: $1" >&2; exit 2 ;;
	esac
done

# The searches. {a|b|c} takes its alternatives in turn and {n} is the number of the call, so that
# no two calls in a row ask the same: a common word (each in about 7% of the templates), a rare
# word (each in 10), a word no template has, a tag (5%), a word and a tag, sorting by name, and
# deep pages.
common="{nginx|redis|kafka|worker|api|gateway|cache|exporter|proxy|scheduler}"
rare="{zircon|quartz|basalt|gneiss|schist|marble|slate|pumice|obsidian|jasper}"
teams="team-{payments|search|checkout|identity|catalog|shipping|billing|fraud|ledger|reporting}"
searches=(
	"?page={0|1|2|3|4|5|6|7|8|9}"
	"?q=$common"
	"?q=$rare"
	"?q=no-such-word-{n}"
	"?tag=$teams"
	"?q={redis|kafka|worker|cache|proxy}&tag={prod|staging|dev}"
	"?q=$common&sort=name"
	"?sort=name&page={2500|2501|2502|2503|2504}"
	"?page={4000|4001|4002|4003|4004}"
)
paths=()
for search in "${searches[@]}"; do paths+=("/api/v1/templates$search"); done
if $pages; then
	for search in "${searches[@]}"; do paths+=("/templates$search"); done
fi

measure() {
	java scripts/TemplateScale.java measure "$1" "$reps" "${paths[@]}"
}

if [ -n "$url" ]; then
	: "${PODCOMPOSER_ADMIN_TOKEN:?set PODCOMPOSER_ADMIN_TOKEN to the bearer token of an admin}"
	measure "$url"
	exit 0
fi

if [ -z "$portal_jar" ]; then
	./mvnw -q -B package -DskipTests
	portal_jar=$(ls target/pod-composer-*.jar | grep -v plain | head -1)
fi
portal_jar=$(cd "$(dirname "$portal_jar")" && pwd)/$(basename "$portal_jar")

work=$(mktemp -d)
app_pid=""
cleanup() {
	if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
	if $keep; then echo "The database is kept in $work/data"; else rm -rf "$work"; fi
}
trap cleanup EXIT

export PODCOMPOSER_ADMIN_PASSWORD="scale-test-password"
export PODCOMPOSER_ADMIN_TOKEN="pct_scale-test-token"
base="http://localhost:$port"

start_portal() {
	PODCOMPOSER_DATA_DIR="$work/data" java -jar "$portal_jar" --server.port="$port" >"$work/portal.log" 2>&1 &
	app_pid=$!
	for _ in $(seq 1 120); do
		if curl -fs "$base/actuator/health" >/dev/null 2>&1; then return 0; fi
		if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
		sleep 1
	done
	echo "the portal did not start within 2 minutes; see $work/portal.log" >&2
	exit 1
}

stop_portal() {
	kill "$app_pid"
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
}

echo "Creating the schema on a throwaway database in $work ..."
start_portal
stop_portal

# the seeder writes the database file directly, with the H2 driver the portal itself uses
h2=$(jar tf "$portal_jar" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$')
(cd "$work" && jar xf "$portal_jar" "$h2")
java -cp "$work/$h2" scripts/TemplateScale.java seed "jdbc:h2:file:$work/data/podcomposer" "$count"

start_portal
echo "Measuring with $count templates (+ the starter catalog); $reps calls per search, one at a time:"
measure "$base"
